/**
 * The consensus's confidence per report, for selective prediction and for sizing the review list: its agreement
 * level (the votes for its category over the number of models), or the agreement level then agreement with the
 * guideline engine, (agree + ½·[rules gave the same category]) / (models + ½), so every report at a higher level
 * comes before every report at a lower one and, within a level, those the engine confirms come first. A report
 * without a majority has none.
 */
import { castsVote } from './consensus.js';

export type ConsensusOrdering = 'agreement' | 'agreement-then-rules';

export interface ConsensusVote {
  id: string;
  /** The consensus category (as voted), or null without a majority. */
  category: string | null;
  agree: number;
}

export function consensusConfidence(rows: ConsensusVote[], models: number, ordering: ConsensusOrdering, rules?: Map<string, string | null>): Map<string, number | null> {
  return new Map(
    rows.map((r) => {
      if (!castsVote(r.category)) return [r.id, null];
      if (ordering === 'agreement') return [r.id, r.agree / models];
      return [r.id, (r.agree + (rules?.get(r.id) === r.category ? 0.5 : 0)) / (models + 0.5)];
    }),
  );
}

/** A threshold in words: "3 of 3 models agree", "2 of 3 models agree and the guideline engine too". */
export function describeThreshold(threshold: number, models: number, ordering: ConsensusOrdering): string {
  if (ordering === 'agreement') return `at least ${Math.round(threshold * models)} of ${models} models agree`;
  const scaled = threshold * (models + 0.5);
  const agree = Math.floor(scaled + 1e-9);
  const withRules = scaled - agree > 0.25;
  return withRules ? `at least ${agree} of ${models} models agree and the guideline engine gives the same category (or ${agree + 1} agree)` : `at least ${agree} of ${models} models agree`;
}
