/**
 * What one reading of one report came to, in words a clinician reads: a category of the taxonomy, an honest
 * "no category" (UNCLASSIFIED with its reason), a failure, or no majority among several readers. Shared by
 * the Excel and FHIR exports so both say the same thing. Messages name ids and codes, never report text.
 */
import type { Prediction } from '../readers/reader.js';
import { UNCLASSIFIED, UNCLASSIFIED_REASON_TEXT, type Category, type Taxonomy, type UnclassifiedReason } from '../taxonomy/taxonomy.js';
import type { ConsensusEntry } from './read-run.js';

export type ReadingOutcome =
  | { kind: 'category'; category: Category }
  | { kind: 'unclassified'; reason: string; message: string }
  | { kind: 'failed'; code: string; message: string }
  | { kind: 'no majority'; votes: Record<string, string | null> }
  | { kind: 'unknown category'; id: string };

export function predictionOutcome(p: Prediction, taxonomy: Taxonomy): ReadingOutcome {
  if (p.error || p.category === null) return { kind: 'failed', code: p.error?.code ?? 'unknown', message: p.error?.message ?? 'no answer' };
  if (p.category === UNCLASSIFIED) {
    const reason = p.unclassified?.reason ?? 'unknown';
    return { kind: 'unclassified', reason, message: p.unclassified?.message ?? UNCLASSIFIED_REASON_TEXT[reason as UnclassifiedReason] ?? reason };
  }
  return categoryOutcome(p.category, taxonomy);
}

export function consensusOutcome(row: ConsensusEntry, taxonomy: Taxonomy): ReadingOutcome {
  if (row.category === null) return { kind: 'no majority', votes: row.votes };
  if (row.category === UNCLASSIFIED) return { kind: 'unclassified', reason: 'consensus', message: 'the readers agreed on no category' };
  return categoryOutcome(row.category, taxonomy);
}

function categoryOutcome(id: string, taxonomy: Taxonomy): ReadingOutcome {
  const category = taxonomy.categories.find((c) => c.id === id);
  return category ? { kind: 'category', category } : { kind: 'unknown category', id };
}

/** One line for a spreadsheet cell or a FHIR conclusion. */
export function describeOutcome(outcome: ReadingOutcome): string {
  switch (outcome.kind) {
    case 'category':
      return `${outcome.category.name} (${outcome.category.id})`;
    case 'unclassified':
      return `No category: ${UNCLASSIFIED_REASON_TEXT[outcome.reason as UnclassifiedReason] ?? outcome.message}`;
    case 'failed':
      return `No category: the reading failed (${outcome.code})`;
    case 'no majority':
      return `No category: the readers did not agree (${Object.entries(outcome.votes).map(([m, c]) => `${m}: ${c ?? 'failed'}`).join(', ')})`;
    case 'unknown category':
      return `Category ${outcome.id} (not in the taxonomy used for this export)`;
  }
}
