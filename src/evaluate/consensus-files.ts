/**
 * The consensus on disk: `consensus.jsonl` (per report: majority category, votes, status), `consensus.json`
 * (models, threshold, counts, agreement, and the run it came from) and `review.csv` (the reports without a
 * majority, for a human). Every file records its source (run configuration hash and a digest of the models'
 * answers) so evaluate can tell a consensus of other predictions from a current one.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { withAdjudications } from '../run/human-readers.js';
import { toCsv } from '../util/csv.js';
import { writeOutput } from '../util/write-output.js';
import type { RaterAgreement } from './agreement.js';
import type { Consensus, ConsensusRow, ConsensusStatus } from './consensus.js';
import type { RunSource } from './load-run.js';
import { FAILED } from './metrics.js';
import type { ReviewSizing } from './review-sizing.js';

export const CONSENSUS_FILE = 'consensus.jsonl';
export const CONSENSUS_SUMMARY_FILE = 'consensus.json';
export const REVIEW_FILE = 'review.csv';
export const CONSENSUS_FILES = [CONSENSUS_FILE, CONSENSUS_SUMMARY_FILE, REVIEW_FILE];

/** How the models were chosen, so a rebuild and the report can say it. */
export type ConsensusSelection = { by: 'models' } | { by: 'top'; top: number };

/** consensus.json. */
export interface ConsensusSummary {
  models: string[];
  minAgree: number;
  selection?: ConsensusSelection;
  counts: Record<ConsensusStatus, number>;
  /** Fleiss' kappa and AC1, over the `agreement.n` reports that every model answered. */
  agreement: RaterAgreement;
  /** Absent in files written before sources were recorded (they count as stale). */
  source?: RunSource;
  /** `consensus --target-accuracy`: the agreement threshold and the review list it gave. */
  review?: Omit<ReviewSizing, 'belowThreshold'>;
}

/** A row's place on the review list: no majority, or (with --target-accuracy) below the agreement threshold. */
export type ReviewReason = 'no majority' | 'below target';

/** A consensus as stored: rows keep every field they were written with (later additions included). */
export interface StoredConsensus {
  summary: ConsensusSummary;
  rows: (ConsensusRow & { source?: string; review?: ReviewReason })[];
}

/** consensus writes its files beside the run: the run folder must take them. */
const CONSENSUS_FIX = 'consensus writes consensus.jsonl, consensus.json and review.csv into the run folder: move what is in the way, or make the folder writable (or copy the run)';

export function writeConsensus(dir: string, consensus: Consensus, source: RunSource, selection: ConsensusSelection, truth?: Map<string, string>, sizing?: ReviewSizing): { rowsFile: string; reviewFile: string } {
  const rowsFile = join(dir, CONSENSUS_FILE);
  const below = new Set(sizing?.belowThreshold ?? []);
  const marked = consensus.rows.map((r) => (below.has(r.id) ? { ...r, review: 'below target' as const } : r));
  // What an adjudicator decided stays decided when the consensus is built again.
  const final = withAdjudications(dir, marked);
  writeOutput(rowsFile, final.map((r) => JSON.stringify({ ...r, source: source.id })).join('\n') + (final.length ? '\n' : ''), CONSENSUS_FIX);
  const summary: ConsensusSummary = { models: consensus.models, minAgree: consensus.minAgree, selection, counts: consensus.counts, agreement: consensus.agreement, source };
  if (sizing) {
    const { belowThreshold: _ids, ...review } = sizing;
    summary.review = review;
  }
  writeOutput(join(dir, CONSENSUS_SUMMARY_FILE), `${JSON.stringify(summary, null, 2)}\n`, CONSENSUS_FIX);
  const listed = consensus.rows.filter((r) => r.status === 'no majority' || below.has(r.id));
  const header = ['id', ...consensus.models, ...(truth ? ['truth'] : []), ...(sizing ? ['why'] : []), 'consensus source'];
  const why = (r: ConsensusRow) => (r.status === 'no majority' ? 'no majority' : `below the agreement threshold for accuracy ${sizing!.targetAccuracy}`);
  const rows = listed.map((r) => [r.id, ...consensus.models.map((m) => r.votes[m] ?? FAILED), ...(truth ? [truth.get(r.id) ?? ''] : []), ...(sizing ? [why(r)] : []), source.id]);
  const reviewFile = join(dir, REVIEW_FILE);
  writeOutput(reviewFile, toCsv([header, ...rows]), CONSENSUS_FIX);
  return { rowsFile, reviewFile };
}

/** The stored consensus of a run folder, or null when there is none. */
export function readConsensus(dir: string): StoredConsensus | null {
  const file = join(dir, CONSENSUS_FILE);
  if (!existsSync(file)) return null;
  const rows = readFileSync(file, 'utf8').split('\n').flatMap((l, i) => {
    if (l.trim() === '') return [];
    try {
      const row = JSON.parse(l) as StoredConsensus['rows'][number];
      if (typeof row.id !== 'string' || typeof row.votes !== 'object' || row.votes === null) throw new Error('no id or votes');
      return [row];
    } catch (error) {
      throw new InputError({ file, line: i + 1 }, `not a consensus row (${(error as Error).message})`, { code: 'input.not_consensus', hint: 'Run cmrdx consensus <dir> again to rewrite it' });
    }
  });
  const summaryFile = join(dir, CONSENSUS_SUMMARY_FILE);
  const stored = existsSync(summaryFile) ? (JSON.parse(readFileSync(summaryFile, 'utf8')) as Partial<ConsensusSummary>) : {};
  const models = stored.models ?? Object.keys(rows[0]?.votes ?? {});
  const counts = { unanimous: 0, majority: 0, 'no majority': 0 } as Record<ConsensusStatus, number>;
  for (const r of rows) if (r.status in counts) counts[r.status]++;
  const agreement = stored.agreement ?? { n: 0, fleissKappa: null, ac1: null };
  return { rows, summary: { models, minAgree: stored.minAgree ?? Math.floor(models.length / 2) + 1, selection: stored.selection, counts: stored.counts ?? counts, agreement, source: stored.source } };
}

export function removeConsensus(dir: string): void {
  for (const f of CONSENSUS_FILES) rmSync(join(dir, f), { force: true });
}

/**
 * Why a stored consensus does not belong to the run as it is now (null: it does). `current` is the source the
 * same models would have today.
 */
export function staleReason(stored: StoredConsensus, current: RunSource, runModels: string[]): string | null {
  const missing = stored.summary.models.filter((m) => !runModels.includes(m));
  if (missing.length > 0) return `its models ${missing.join(', ')} are no longer in the run`;
  const source = stored.summary.source;
  if (!source) return 'it records no source (written by an older cmrdx)';
  if (source.runConfig !== current.runConfig) return `it was made from run configuration ${source.runConfig ?? 'none'}, the run store now has ${current.runConfig ?? 'none'}`;
  if (source.predictions !== current.predictions) return `the predictions of ${stored.summary.models.join(', ')} changed since it was made`;
  if (stored.rows.some((r) => r.source !== source.id)) return `${CONSENSUS_FILE} and ${CONSENSUS_SUMMARY_FILE} come from different runs`;
  return null;
}
