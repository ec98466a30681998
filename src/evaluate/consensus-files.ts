/**
 * The consensus on disk: `consensus.jsonl` (per report: majority category, votes, status), `consensus.json`
 * (models, threshold, counts, Fleiss' kappa) and `review.csv` (the reports without a majority, for a human).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { withAdjudications } from '../run/human-readers.js';
import { writeAtomic } from '../util/write-atomic.js';
import { buildConsensus, type Consensus, type ConsensusRow } from './consensus.js';

export const CONSENSUS_FILE = 'consensus.jsonl';
export const CONSENSUS_SUMMARY_FILE = 'consensus.json';
export const REVIEW_FILE = 'review.csv';

export function writeConsensus(dir: string, consensus: Consensus, truth?: Map<string, string>): { rowsFile: string; reviewFile: string } {
  const rowsFile = join(dir, CONSENSUS_FILE);
  // What an adjudicator decided stays decided when the consensus is built again.
  const final = withAdjudications(dir, consensus.rows);
  writeAtomic(rowsFile, final.map((r) => JSON.stringify(r)).join('\n') + (final.length ? '\n' : ''));
  writeAtomic(join(dir, CONSENSUS_SUMMARY_FILE), `${JSON.stringify({ models: consensus.models, minAgree: consensus.minAgree, counts: consensus.counts, fleissKappa: consensus.fleissKappa }, null, 2)}\n`);
  const review = consensus.rows.filter((r) => r.status === 'no majority');
  const header = ['id', ...consensus.models, ...(truth ? ['truth'] : [])];
  const rows = review.map((r) => [r.id, ...consensus.models.map((m) => r.votes[m] ?? 'FAILED'), ...(truth ? [truth.get(r.id) ?? ''] : [])]);
  const reviewFile = join(dir, REVIEW_FILE);
  writeAtomic(reviewFile, stringify([header, ...rows]));
  return { rowsFile, reviewFile };
}

export function readConsensus(file: string): Consensus {
  const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as ConsensusRow);
  const summaryFile = join(file, '..', CONSENSUS_SUMMARY_FILE);
  const summary = existsSync(summaryFile) ? (JSON.parse(readFileSync(summaryFile, 'utf8')) as { models: string[]; minAgree: number }) : null;
  const models = summary?.models ?? Object.keys(rows[0]?.votes ?? {});
  return buildConsensus(rows.map((r) => r.id), models, new Map(rows.map((r) => [r.id, r.votes])), summary?.minAgree);
}
