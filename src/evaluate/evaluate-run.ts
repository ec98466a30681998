/**
 * The study's evaluation for any set of readers: every model of a run (from predictions.jsonl), imported human
 * readers (labels files, optionally with seconds), and the consensus when there is one, each scored against the
 * truth with the same metrics, 95 % bootstrap intervals, timing and tokens, and McNemar's exact test against the
 * best reader. Failed or missing predictions count as wrong, openly (their own column in the confusion matrix).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { ConfigError, InputError } from '../errors.js';
import { readLabels } from '../ingest/read-labels.js';
import { readReports } from '../ingest/read-reports.js';
import type { Evidence } from '../readers/reader.js';
import type { Report } from '../report/report.js';
import { PREDICTIONS_FILE } from '../run/export-predictions.js';
import { RunStore } from '../run/run-store.js';
import { STORE_FILE } from '../run/run-classify.js';
import { ADJUDICATED_TRUTH, adjudicatedTruth, hasHumanAnswers, humanReaderPredictions } from '../run/human-readers.js';
import { categoryIds, type Taxonomy } from '../taxonomy/taxonomy.js';
import { mcnemarExact, type McNemar } from './agreement.js';
import { bootstrapIntervals, type BootstrapIntervals } from './bootstrap.js';
import { CONSENSUS_FILE, readConsensus } from './consensus-files.js';
import { computeMetrics, type Metrics } from './metrics.js';

export type ReaderKind = 'rules' | 'model' | 'human' | 'consensus';

export interface ReaderPrediction {
  category: string | null;
  evidence: Evidence[];
  seconds: number | null;
  error: { code: string; message: string } | null;
}

export interface ReaderResult {
  name: string;
  kind: ReaderKind;
  metrics: Metrics;
  ci: BootstrapIntervals;
  /** Reports with truth that the reader has no prediction for (counted as failed). */
  missing: number;
  seconds: { mean: number; median: number; total: number; n: number } | null;
  tokens: { prompt: number; output: number } | null;
  mcnemar?: McNemar & { vs: string };
  predictions: Map<string, ReaderPrediction>;
}

export interface Evaluation {
  readers: ReaderResult[];
  best: string;
  truthSource: string;
  truth: Map<string, string>;
  reports: Map<string, Report>;
  classes: string[];
  consensus?: ReturnType<typeof readConsensus>;
  warnings: string[];
}

export interface EvaluateOptions {
  dir: string;
  taxonomy: Taxonomy;
  truthFile?: string;
  humanReaders?: { name: string; file: string }[];
  /** The reports, when the folder has no run store (for the texts and labels). */
  inputFile?: string;
  seed?: number;
  resamples?: number;
}

interface PredictionLine {
  id: string;
  model: string;
  category: string | null;
  evidence?: Evidence[];
  seconds?: number;
  error: { code: string; message: string } | null;
  details?: { usage?: { promptTokens?: number; outputTokens?: number } };
}

export function readPredictions(file: string): PredictionLine[] {
  if (!existsSync(file)) {
    throw new InputError({ file }, 'no predictions here', { code: 'input.missing', hint: 'Run cmrdx classify <input> --out <dir> first, then evaluate <dir>' });
  }
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: PredictionLine[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const p = JSON.parse(line) as PredictionLine;
      if (typeof p.id !== 'string' || typeof p.model !== 'string') throw new Error('no id or model');
      out.push(p);
    } catch (error) {
      throw new InputError({ file, line: i + 1 }, `not a prediction (${(error as Error).message})`, { code: 'input.not_prediction', hint: 'predictions.jsonl is written by cmrdx classify; do not edit it by hand' });
    }
  });
  return out;
}

const median = (xs: number[]) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function score(name: string, kind: ReaderKind, predictions: Map<string, ReaderPrediction>, truth: Map<string, string>, labels: string[], options: EvaluateOptions, tokens: ReaderResult['tokens']): ReaderResult {
  let missing = 0;
  const pairs = [...truth].map(([id, t]) => {
    const p = predictions.get(id);
    if (!p) missing++;
    return { truth: t, predicted: p?.category ?? null };
  });
  const seconds = [...truth.keys()].map((id) => predictions.get(id)?.seconds).filter((s): s is number => typeof s === 'number' && s > 0);
  return {
    name,
    kind,
    metrics: computeMetrics(pairs, labels),
    ci: bootstrapIntervals(pairs, { seed: options.seed ?? 42, resamples: options.resamples ?? 2000 }),
    missing,
    seconds: seconds.length > 0 ? { mean: seconds.reduce((a, b) => a + b, 0) / seconds.length, median: median(seconds), total: seconds.reduce((a, b) => a + b, 0), n: seconds.length } : null,
    tokens,
    predictions,
  };
}

export function evaluateRun(options: EvaluateOptions): Evaluation {
  const { dir, taxonomy } = options;
  const warnings: string[] = [];
  // First: is this a run at all? Then: what is the truth?
  // A study of human readers alone has no predictions.jsonl.
  const lines = existsSync(join(dir, PREDICTIONS_FILE)) || !hasHumanAnswers(dir) ? readPredictions(join(dir, PREDICTIONS_FILE)) : [];
  const storePath = join(dir, STORE_FILE);
  let reports: Report[] = [];
  if (options.inputFile) reports = readReports(options.inputFile, { taxonomy }).reports;
  else if (existsSync(storePath)) {
    const store = RunStore.open(storePath);
    try {
      reports = store.reports();
    } finally {
      store.close();
    }
  }
  const reportMap = new Map(reports.map((r) => [r.id, r]));

  // The truth: a --truth file, else the labels the input carried.
  let truthSource: string;
  const truth = new Map<string, string>();
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
  if (truth.size === 0) {
    throw new InputError({ file: dir }, 'no truth to score against', {
      code: 'input.no_truth',
      hint: 'Pass --truth <labels.csv|.jsonl> (id,label), or classify an input that has a label column',
    });
  }

  const models = [...new Set(lines.map((l) => l.model))];
  const labels = categoryIds(taxonomy);
  const readers: ReaderResult[] = [];
  for (const model of models) {
    const mine = lines.filter((l) => l.model === model);
    const predictions = new Map<string, ReaderPrediction>(mine.map((l) => [l.id, { category: l.category, evidence: l.evidence ?? [], seconds: l.seconds ?? null, error: l.error }]));
    const extra = mine.filter((l) => !truth.has(l.id)).length;
    if (extra > 0) warnings.push(`${model}: ${extra} prediction(s) for reports without truth were left out`);
    const prompt = mine.reduce((s, l) => s + (l.details?.usage?.promptTokens ?? 0), 0);
    const output = mine.reduce((s, l) => s + (l.details?.usage?.outputTokens ?? 0), 0);
    readers.push(score(model, model === 'rules' ? 'rules' : 'model', predictions, truth, labels, options, prompt + output > 0 ? { prompt, output } : null));
  }
  const stored = humanReaderPredictions(dir, reportMap);
  warnings.push(...stored.warnings);
  for (const human of stored.readers) {
    if (readers.some((r) => r.name === human.name)) throw new ConfigError(`${dir}: the human reader ${human.name} has the name of a model of the run`, { code: 'config.reader', hint: 'Rename the model in predictions.jsonl or read under another name' });
    const result = score(human.name, 'human', human.predictions, truth, labels, options, null);
    if (result.missing > 0) warnings.push(`${human.name}: no answer for ${result.missing} report(s); they count as wrong`);
    readers.push(result);
  }
  for (const human of options.humanReaders ?? []) {
    // Reader names key metrics.json, so a human may not take a model's name (or another human's).
    if (readers.some((r) => r.name === human.name) || human.name === 'consensus') {
      throw new ConfigError(`--reader ${human.name}=${human.file}: there is already a reader named ${human.name}`, { code: 'config.reader', hint: 'Give each human reader its own name, different from the models of the run' });
    }
    const entries = readLabels(human.file, { taxonomy });
    const predictions = new Map<string, ReaderPrediction>(entries.map((e) => [e.id, { category: e.label, evidence: [], seconds: e.seconds ?? null, error: null }]));
    const result = score(human.name, 'human', predictions, truth, labels, options, null);
    if (result.missing > 0) warnings.push(`${human.name}: no label for ${result.missing} report(s); they count as wrong`);
    readers.push(result);
  }
  let consensus: Evaluation['consensus'];
  if (existsSync(join(dir, CONSENSUS_FILE))) {
    consensus = readConsensus(join(dir, CONSENSUS_FILE));
    const predictions = new Map<string, ReaderPrediction>(consensus.rows.map((r) => [r.id, { category: r.category, evidence: [], seconds: null, error: r.category === null ? { code: 'consensus.no_majority', message: 'no majority' } : null }]));
    readers.push(score('consensus', 'consensus', predictions, truth, labels, options, null));
  }

  readers.sort((a, b) => b.metrics.macro.f1 - a.metrics.macro.f1 || b.metrics.accuracy - a.metrics.accuracy || a.name.localeCompare(b.name));
  const best = readers[0]!;
  const ids = [...truth.keys()];
  const correct = (r: ReaderResult) => ids.map((id) => r.predictions.get(id)?.category === truth.get(id));
  for (const r of readers.slice(1)) r.mcnemar = { vs: best.name, ...mcnemarExact(correct(best), correct(r)) };
  return { readers, best: best.name, truthSource, truth, reports: reportMap, classes: best.metrics.classes, consensus, warnings };
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** metrics.json: `{"readers": {"<name>": {"n", "accuracy", "macro", "perClass", "confusion", "secondsPerReport", "ci", ...}}}`. */
export function metricsJson(ev: Evaluation): Record<string, unknown> {
  const readers: Record<string, unknown> = {};
  for (const r of ev.readers) {
    const m = r.metrics;
    readers[r.name] = {
      kind: r.kind,
      n: m.n,
      accuracy: round(m.accuracy),
      macro: { precision: round(m.macro.precision), recall: round(m.macro.recall), f1: round(m.macro.f1) },
      weighted: { precision: round(m.weighted.precision), recall: round(m.weighted.recall), f1: round(m.weighted.f1) },
      kappa: round(m.kappa),
      failed: m.failed,
      missing: r.missing,
      perClass: Object.fromEntries(Object.entries(m.perClass).map(([c, v]) => [c, { precision: round(v.precision), recall: round(v.recall), f1: round(v.f1), support: v.support }])),
      confusion: m.confusion,
      secondsPerReport: r.seconds ? { mean: round(r.seconds.mean, 6), median: round(r.seconds.median, 6), total: round(r.seconds.total, 3), n: r.seconds.n } : null,
      tokens: r.tokens,
      ci: {
        level: 0.95,
        resamples: 2000,
        accuracy: [round(r.ci.accuracy.low), round(r.ci.accuracy.high)],
        macroF1: [round(r.ci.f1.low), round(r.ci.f1.high)],
        macroPrecision: [round(r.ci.precision.low), round(r.ci.precision.high)],
        macroRecall: [round(r.ci.recall.low), round(r.ci.recall.high)],
      },
      ...(r.mcnemar ? { mcnemar: { vs: r.mcnemar.vs, b: r.mcnemar.b, c: r.mcnemar.c, pValue: round(r.mcnemar.pValue, 6) } } : {}),
    };
  }
  return {
    readers,
    best: ev.best,
    truth: { source: ev.truthSource, n: ev.truth.size, classes: ev.classes },
    ...(ev.consensus ? { consensus: { models: ev.consensus.models, minAgree: ev.consensus.minAgree, counts: ev.consensus.counts, fleissKappa: round(ev.consensus.fleissKappa) } } : {}),
  };
}

/** metrics.csv: one row per reader, best first. */
export function metricsCsv(ev: Evaluation): string {
  const classes = ev.classes;
  const header = ['reader', 'kind', 'n', 'failed', 'accuracy', 'accuracy_ci_low', 'accuracy_ci_high', 'macro_precision', 'macro_recall', 'macro_f1', 'macro_f1_ci_low', 'macro_f1_ci_high', 'weighted_f1', 'kappa', 'seconds_mean', 'seconds_median', 'mcnemar_vs', 'mcnemar_p', ...classes.map((c) => `f1_${c}`)];
  const rows = ev.readers.map((r) => {
    const m = r.metrics;
    return [r.name, r.kind, m.n, m.failed, round(m.accuracy), round(r.ci.accuracy.low), round(r.ci.accuracy.high), round(m.macro.precision), round(m.macro.recall), round(m.macro.f1), round(r.ci.f1.low), round(r.ci.f1.high), round(m.weighted.f1), round(m.kappa), r.seconds ? round(r.seconds.mean, 6) : '', r.seconds ? round(r.seconds.median, 6) : '', r.mcnemar?.vs ?? '', r.mcnemar ? round(r.mcnemar.pValue, 6) : '', ...classes.map((c) => round(m.perClass[c]?.f1 ?? 0))];
  });
  return stringify([header, ...rows]);
}
