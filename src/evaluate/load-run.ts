/**
 * A run folder as evaluate and consensus see it: predictions.jsonl (the contract; predictions from elsewhere in
 * the same format can be scored), the report texts and labels and the configuration from run.sqlite when there
 * is one, and the truth (`--truth`, else the labels of the classified input). Also the digest that derived
 * files (consensus, metrics) record, so a file made from other predictions is never scored as if it were current.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { readLabels } from '../ingest/read-labels.js';
import { readReports } from '../ingest/read-reports.js';
import type { Evidence } from '../readers/reader.js';
import type { Report } from '../report/report.js';
import { PREDICTIONS_FILE } from '../run/export-predictions.js';
import { ADJUDICATED_TRUTH, adjudicatedTruth, checkHumanReadersTaxonomy, hasHumanAnswers } from '../run/human-readers.js';
import { STORE_FILE } from '../run/run-classify.js';
import { configHash, RunStoreReader } from '../run/run-store.js';
import { checkRunTaxonomy } from '../run/run-taxonomy.js';
import { categoryIds, resolveLabel, UNCLASSIFIED, type Taxonomy, type UnclassifiedReason } from '../taxonomy/taxonomy.js';

export interface PredictionLine {
  id: string;
  model: string;
  category: string | null;
  evidence?: Evidence[];
  seconds?: number;
  error: { code: string; message: string } | null;
  unclassified?: { reason: UnclassifiedReason; message: string };
  confidence?: { value: number; source: string } | null;
  details?: { usage?: { promptTokens?: number; outputTokens?: number } };
}

export interface RunData {
  dir: string;
  lines: PredictionLine[];
  /** The models of predictions.jsonl, in order of appearance. */
  models: string[];
  reports: Map<string, Report>;
  /** Empty when no truth was found and none was required. */
  truth: Map<string, string>;
  truthSource: string;
  /** Hash of the run store's configuration; null when the folder has no run store. */
  runConfig: string | null;
  /** Remarks on the truth (an adjudicated truth is not a sample of the cohort). */
  warnings: string[];
}

export interface LoadRunOptions {
  dir: string;
  taxonomy: Taxonomy;
  truthFile?: string;
  /** The reports, when the folder has no run store (for the texts and labels). */
  inputFile?: string;
  /** Refuse a run without truth (evaluate, consensus --top); consensus --models works on unlabelled cohorts. */
  requireTruth: boolean;
  /**
   * Refuse answers that cannot be scored (default). The exports pass false: they say of a category outside the
   * taxonomy that it is one, in the cell it would fill, and scoring is not theirs to guard.
   */
  checkAnswers?: boolean;
}

/**
 * What is wrong with a line's answer, or null. Only what cmrdx itself writes is scored: a category of the
 * taxonomy or UNCLASSIFIED with no error, or a failure (category null, an error). Anything else would be
 * scored in a way no one meant: a spelling such as "myo" as a column of its own, a line with an error and a
 * category as correct, a category "FAILED" in the FAILED column but not among the failed.
 */
function answerProblem(p: PredictionLine, taxonomy: Taxonomy): string | null {
  const error: unknown = p.error;
  const failed = error !== null && error !== undefined;
  if (failed && (typeof error !== 'object' || typeof (error as { code?: unknown }).code !== 'string')) return 'its "error" is not an object with a "code"';
  if (p.evidence !== undefined && !Array.isArray(p.evidence)) return 'its "evidence" is not a list';
  if (p.category === null || p.category === undefined) return failed ? null : 'it has neither a category nor an error';
  if (typeof p.category !== 'string') return 'its "category" is not a string';
  if (failed) return `it has both a category (${JSON.stringify(p.category)}) and an error; a failed prediction has category null`;
  if (p.category === UNCLASSIFIED || categoryIds(taxonomy).includes(p.category)) return null;
  const meant = resolveLabel(taxonomy, p.category);
  return `${JSON.stringify(p.category)} is not a category id of the taxonomy ${taxonomy.name}${meant ? ` (write ${meant})` : ''}`;
}

function checkAnswer(p: PredictionLine, taxonomy: Taxonomy, where: { file: string; line: number }): void {
  const problem = answerProblem(p, taxonomy);
  if (!problem) return;
  throw new InputError(where, `not a prediction cmrdx can score: ${problem}`, {
    code: 'input.invalid_prediction',
    hint: `A line has a category (${[...categoryIds(taxonomy), UNCLASSIFIED].join(', ')}) and error null, or category null and an error {"code","message"} when the reading failed`,
  });
}

/** `taxonomy`: check every answer against it (without one, only ids, models and duplicates are checked). */
export function readPredictions(file: string, taxonomy?: Taxonomy): PredictionLine[] {
  const numbered = numberedPredictions(file);
  if (taxonomy) checkAnswers(numbered, taxonomy, file);
  return numbered.map((n) => n.p);
}

function checkAnswers(numbered: { p: PredictionLine; line: number }[], taxonomy: Taxonomy, file: string): void {
  for (const { p, line } of numbered) checkAnswer(p, taxonomy, { file, line });
}

/** The lines with their line numbers (for messages about an answer, checked once the run's taxonomy is known). */
function numberedPredictions(file: string): { p: PredictionLine; line: number }[] {
  if (!existsSync(file)) {
    throw new InputError({ file }, 'no predictions here', { code: 'input.missing', hint: 'Run cmrdx classify <input> --out <dir> first, then evaluate <dir>' });
  }
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: { p: PredictionLine; line: number }[] = [];
  // Line number of each (model, report) seen: a second line for one pair would be scored instead of the first.
  const seen = new Map<string, number>();
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let p: PredictionLine;
    try {
      p = JSON.parse(line) as PredictionLine;
      if (typeof p.id !== 'string' || typeof p.model !== 'string') throw new Error('no id or model');
    } catch (error) {
      throw new InputError({ file, line: i + 1 }, `not a prediction (${(error as Error).message})`, { code: 'input.not_prediction', hint: 'predictions.jsonl is written by cmrdx classify; do not edit it by hand' });
    }
    const key = JSON.stringify([p.model, p.id]);
    const first = seen.get(key);
    if (first !== undefined) {
      throw new InputError({ file, line: i + 1 }, `a second prediction of model ${JSON.stringify(p.model)} for report ${JSON.stringify(p.id)} (the first is line ${first})`, {
        code: 'input.duplicate_prediction',
        hint: 'Keep one line per report and model (two files concatenated, or a batch imported twice?); cmrdx classify writes the file anew from run.sqlite',
      });
    }
    seen.set(key, i + 1);
    out.push({ p, line: i + 1 });
  });
  return out;
}

export function loadRun(options: LoadRunOptions): RunData {
  const { dir, taxonomy } = options;
  // First: is this a run at all? (A study of human readers alone has no predictions.jsonl.) Then: the truth.
  const predictionsFile = join(dir, PREDICTIONS_FILE);
  const numbered = existsSync(predictionsFile) || !hasHumanAnswers(dir) ? numberedPredictions(predictionsFile) : [];
  const lines = numbered.map((n) => n.p);
  const storePath = join(dir, STORE_FILE);
  let reports: Report[] = [];
  let runConfig: string | null = null;
  if (existsSync(storePath)) {
    const store = RunStoreReader.open(storePath);
    try {
      const config = store.config();
      checkRunTaxonomy(config, dir, taxonomy);
      runConfig = config ? configHash(config) : null;
      if (!options.inputFile) reports = store.reports();
    } finally {
      store.close();
    }
  }
  checkHumanReadersTaxonomy(dir, taxonomy);
  // After the taxonomy checks: under another taxonomy than the run's, every answer would look wrong.
  if (options.checkAnswers !== false) checkAnswers(numbered, taxonomy, predictionsFile);
  if (options.inputFile) reports = readReports(options.inputFile, { taxonomy }).reports;

  let truthSource: string;
  const truth = new Map<string, string>();
  const warnings: string[] = [];
  if (options.truthFile === ADJUDICATED_TRUTH) {
    const adjudicated = adjudicatedTruth(dir);
    for (const [id, label] of adjudicated.truth) truth.set(id, label);
    truthSource = adjudicated.source;
    warnings.push(...adjudicated.warnings);
  } else if (options.truthFile) {
    for (const l of readLabels(options.truthFile, { taxonomy })) truth.set(l.id, l.label);
    truthSource = options.truthFile;
  } else {
    for (const r of reports) if (r.label) truth.set(r.id, r.label);
    truthSource = 'the labels of the classified input';
  }
  if (options.requireTruth && truth.size === 0) {
    throw new InputError({ file: dir }, 'no truth to score against', {
      code: 'input.no_truth',
      hint: 'Pass --truth <labels.csv|.jsonl> (id,label), or classify an input that has a label column',
    });
  }
  return { dir, lines, models: [...new Set(lines.map((l) => l.model))], reports: new Map(reports.map((r) => [r.id, r])), truth, truthSource, runConfig, warnings };
}

/** What a derived file was made from: the run configuration and the answers of the models it used. */
export interface RunSource {
  /** Short digest of all of the below; consensus rows and review.csv carry it. */
  id: string;
  runConfig: string | null;
  /** Digest of (report id, model, answer) of `models`, independent of line order. */
  predictions: string;
  models: string[];
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

export function runSource(run: Pick<RunData, 'lines' | 'runConfig'>, models: string[]): RunSource {
  const keys = run.lines.filter((l) => models.includes(l.model)).map((l) => JSON.stringify([l.id, l.model, l.category]));
  const predictions = digest(keys.sort().join('\n'));
  return { id: digest(JSON.stringify([run.runConfig, predictions, models])), runConfig: run.runConfig, predictions, models };
}
