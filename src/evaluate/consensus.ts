/**
 * Consensus of several models by majority vote, as the study's next step plans for its top three models: per
 * report the category most models chose, the votes, and whether it was unanimous, a majority (at least
 * `minAgree` votes), or no majority — those reports go to a review list. A failed prediction and an
 * UNCLASSIFIED answer cast no vote.
 */
import { UNCLASSIFIED } from '../taxonomy/taxonomy.js';
import { own } from '../util/own.js';
import { raterAgreement, type RaterAgreement } from './agreement.js';

export type ConsensusStatus = 'unanimous' | 'majority' | 'no majority';

/**
 * One line of consensus.jsonl. Open to later fields (an adjudicated status and final category, say): readers
 * of the file keep what they do not know.
 */
export interface ConsensusRow {
  id: string;
  category: string | null;
  status: ConsensusStatus;
  /** The answer of each model: a category, UNCLASSIFIED, or null for a failed (or missing) prediction. */
  votes: Record<string, string | null>;
  /** How many models chose `category`. */
  agree: number;
}

export interface Consensus {
  models: string[];
  minAgree: number;
  rows: ConsensusRow[];
  counts: Record<ConsensusStatus, number>;
  /** Fleiss' kappa and Gwet's AC1 between the models, over the reports all of them answered. */
  agreement: RaterAgreement;
}

/** A vote that counts: a category (not a failure, not UNCLASSIFIED). */
export const castsVote = (answer: string | null | undefined): answer is string => typeof answer === 'string' && answer !== UNCLASSIFIED;

/**
 * @param votes per report id: the answer each model gave (null for a failed prediction).
 * @param categories the taxonomy's categories (the scale of AC1).
 * @param minAgree votes a category needs; default: more than half of the models.
 */
export function buildConsensus(ids: string[], models: string[], votes: Map<string, Record<string, string | null>>, categories: string[], minAgree = Math.floor(models.length / 2) + 1): Consensus {
  const rows: ConsensusRow[] = ids.map((id) => {
    const v = Object.fromEntries(models.map((m) => [m, own(votes.get(id), m) ?? null]));
    const counts = new Map<string, number>();
    for (const c of Object.values(v)) if (castsVote(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    const [top, second] = ranked;
    const tie = top !== undefined && second !== undefined && second[1] === top[1];
    if (!top || tie || top[1] < minAgree) return { id, category: null, status: 'no majority', votes: v, agree: top?.[1] ?? 0 };
    return { id, category: top[0], status: top[1] === models.length ? 'unanimous' : 'majority', votes: v, agree: top[1] };
  });
  const counts = { unanimous: 0, majority: 0, 'no majority': 0 } as Record<ConsensusStatus, number>;
  for (const r of rows) counts[r.status]++;
  const ratings = rows.map((r) => models.map((m) => (castsVote(r.votes[m]) ? r.votes[m]! : null)));
  return { models, minAgree, rows, counts, agreement: raterAgreement(ratings, categories) };
}
