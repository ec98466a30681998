/**
 * The human arm as readers like the others: the answers people gave on the reading page, as predictions for
 * evaluate (with their seconds), as `readers/<name>.csv` files (`cmrdx export-readers`), and the adjudicated
 * categories as a truth (`evaluate --truth adjudicated`).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import { textHash } from '../readers/llm/llm-reader.js';
import type { Report } from '../report/report.js';
import { toCsv } from '../util/csv.js';
import { writeAtomic } from '../util/write-atomic.js';
import { HumanAnswerStore, type Adjudication, type HumanAnswer } from './human-answers.js';
import { isPlainName } from './reader-name.js';
import { checkHumanTaxonomies } from './run-taxonomy.js';
import { UNCLASSIFIED, UNCLASSIFIED_REASON_TEXT, type Taxonomy, type UnclassifiedReason } from '../taxonomy/taxonomy.js';

/** The `--truth` value that means "the adjudicated categories of this run". */
export const ADJUDICATED_TRUTH = 'adjudicated';

export interface HumanPrediction {
  category: string | null;
  evidence: [];
  seconds: number | null;
  error: { code: string; message: string } | null;
  /** The reader's "no category" (category UNCLASSIFIED) and why. */
  unclassified?: { reason: UnclassifiedReason; message: string };
}

/** A person's "no category" as a prediction's `unclassified` (from the reading page or a reader's labels file). */
export const humanUnclassified = (reason: UnclassifiedReason) => ({ reason, message: `the reader gave no category: ${reason === 'outside_taxonomy' ? 'fits no category of the taxonomy' : UNCLASSIFIED_REASON_TEXT[reason]}` });

/** A human answer as a prediction: its category, or UNCLASSIFIED with the reason the reader chose. */
const humanPrediction = (a: HumanAnswer): HumanPrediction => {
  const p: HumanPrediction = { category: a.category, evidence: [], seconds: a.seconds, error: null };
  if (a.category === UNCLASSIFIED && a.unclassifiedReason) p.unclassified = humanUnclassified(a.unclassifiedReason);
  return p;
};

function withStore<T>(dir: string, empty: T, use: (store: HumanAnswerStore) => T): T {
  const store = HumanAnswerStore.openExisting(dir);
  if (!store) return empty;
  try {
    return use(store);
  } finally {
    store.close();
  }
}

/** The taxonomies the run's human readers read under: a run is read under one taxonomy only (run-taxonomy.ts). */
export function checkHumanReadersTaxonomy(dir: string, taxonomy: Taxonomy): void {
  checkHumanTaxonomies(withStore(dir, [], (store) => store.readerTaxonomies()), dir, taxonomy);
}

export function hasHumanAnswers(dir: string): boolean {
  return withStore(dir, false, (store) => store.allAnswers().size > 0);
}

/**
 * Every human reader of the run with an answer per report. An answer given for another text than the report's
 * text now (the report changed since) is kept as a failed prediction, so it counts as wrong, openly.
 */
export function humanReaderPredictions(dir: string, reports: Map<string, Report>): { readers: { name: string; predictions: Map<string, HumanPrediction> }[]; warnings: string[] } {
  const warnings: string[] = [];
  const readers = withStore(dir, [], (store) =>
    [...store.allAnswers()].map(([name, answers]) => {
      let changed = 0;
      const predictions = new Map<string, HumanPrediction>();
      for (const [id, a] of answers) {
        const report = reports.get(id);
        if (report && textHash(report.text) !== a.textHash) {
          changed++;
          predictions.set(id, { category: null, evidence: [], seconds: a.seconds, error: { code: 'human.text_changed', message: 'answered for another text of this report' } });
        } else predictions.set(id, humanPrediction(a));
      }
      if (changed > 0) warnings.push(`${name}: ${changed} answer(s) were given for another text of the report; they count as failed (read them again with cmrdx read)`);
      return { name, predictions };
    }),
  );
  return { readers, warnings };
}

/**
 * The adjudicated categories as truth. Only reports a person adjudicated are in it: a truth made of machine
 * votes (unanimous or majority consensus) is no reference standard, so those reports are left out, and the
 * warning says that this truth is the hard cases, not a sample of the cohort.
 */
export function adjudicatedTruth(dir: string): { truth: Map<string, string>; source: string; warnings: string[] } {
  const adjudications = withStore(dir, new Map<string, Adjudication>(), (store) => store.adjudications());
  if (adjudications.size === 0) {
    throw new ConfigError(`--truth ${ADJUDICATED_TRUTH}: ${join(dir, 'run.sqlite')} has no adjudications`, {
      code: 'config.no_adjudications',
      hint: `Run cmrdx adjudicate ${dir} first, or pass --truth <labels file>`,
    });
  }
  const adjudicators = [...new Set([...adjudications.values()].map((a) => a.adjudicator))];
  return {
    truth: new Map([...adjudications].map(([id, a]) => [id, a.category])),
    source: `adjudicated (${adjudications.size} report(s), by ${adjudicators.join(', ')})`,
    warnings: [`truth: only the ${adjudications.size} adjudicated report(s), the ones the readers disagreed on; they are not a sample of the cohort`],
  };
}

/** A consensus row as voted: an adjudicated row back to its vote (its status and category before adjudication). */
export function asVoted<T extends { category: string | null; status: string }>(row: T): T {
  const r = row as T & { votedStatus?: string; votedCategory?: string | null };
  if (r.status !== 'adjudicated' || r.votedStatus === undefined) return row;
  const { votedStatus, votedCategory, adjudicator: _a, adjudicatedAt: _t, ...rest } = r as T & { votedStatus: string; votedCategory: string | null; adjudicator?: string; adjudicatedAt?: string };
  return { ...rest, status: votedStatus, category: votedCategory ?? null } as unknown as T;
}

/** A consensus row after adjudication: the final category, and the vote as it stood. */
export type AdjudicatedRow<T> = Omit<T, 'status'> & { status: 'adjudicated'; votedStatus: string; votedCategory: string | null; adjudicator: string; adjudicatedAt: string };

/**
 * The consensus rows with every adjudication of the run applied: the row takes the adjudicated category and
 * `status: "adjudicated"` (additive fields keep the vote). Used whenever consensus.jsonl is written, so a new
 * `cmrdx consensus` keeps what a person decided.
 */
export function withAdjudications<T extends { id: string; category: string | null; status: string }>(dir: string, rows: T[]): (T | AdjudicatedRow<T>)[] {
  const adjudications = withStore(dir, new Map<string, Adjudication>(), (store) => store.adjudications());
  if (adjudications.size === 0) return rows;
  return rows.map((adjudicated) => {
    const row = asVoted(adjudicated);
    const a = adjudications.get(row.id);
    if (!a) return row;
    return { ...row, category: a.category, status: 'adjudicated', votedStatus: row.status, votedCategory: row.category, adjudicator: a.adjudicator, adjudicatedAt: a.adjudicatedAt };
  });
}

/**
 * `cmrdx export-readers <dir>`: `<dir>/readers/<name>.csv` per human reader, in report order, with the columns of
 * READER_CSV_COLUMNS: the answer (`label`, `reason` where the reader gave no category, label UNCLASSIFIED), the
 * seconds over every visit, and the first read (`first_label`, `first_reason`) with how often it was changed
 * (`revisions`), so a reader study can score the blinded first read too. evaluate reads such a file as labels.
 */
export const READER_CSV_COLUMNS = ['id', 'label', 'seconds', 'reason', 'first_label', 'first_reason', 'revisions'] as const;

export function exportHumanReaders(dir: string, reports: Report[]): { name: string; file: string; n: number }[] {
  const order = new Map(reports.map((r, i) => [r.id, i]));
  const all = withStore(dir, new Map(), (store) => store.allAnswers());
  if (all.size === 0) {
    throw new ConfigError(`${dir}: no human answers in this run`, { code: 'config.no_human_answers', hint: `Read reports with cmrdx read <input> --reader <name> --out ${dir} first` });
  }
  const folder = join(dir, 'readers');
  // recursive: no error when another export made the folder between a check and the call.
  mkdirSync(folder, { recursive: true });
  return [...all].map(([name, answers]) => {
    // Names are checked when a session starts; a store written by something else must not pick the path.
    if (!isPlainName(name)) throw new ConfigError(`${dir}: the human reader "${name}" has no plain name for a file`, { code: 'config.reader_name', hint: 'Readers are named by cmrdx read --reader <letters, digits, . _ ->' });
    const rows = [...answers.values()].sort((a, b) => (order.get(a.reportId) ?? Infinity) - (order.get(b.reportId) ?? Infinity) || a.reportId.localeCompare(b.reportId));
    const file = join(folder, `${name}.csv`);
    const cells = (a: HumanAnswer) => [a.reportId, a.category, Math.round(a.seconds * 1000) / 1000, a.unclassifiedReason ?? '', a.firstCategory, a.firstUnclassifiedReason ?? '', a.revisions];
    writeAtomic(file, toCsv([[...READER_CSV_COLUMNS], ...rows.map(cells)]));
    return { name, file, n: rows.length };
  });
}
