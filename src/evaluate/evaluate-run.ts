/**
 * The study's evaluation for any set of readers: every model of a run (from predictions.jsonl), imported human
 * readers (labels files, optionally with seconds), and the consensus when there is a current one, each scored
 * against the truth over one class set (the truth's categories) with the same confusion-matrix columns, 95 %
 * bootstrap intervals, timing and tokens, and McNemar's exact test against the best reader. Failed, missing
 * and UNCLASSIFIED answers count as wrong, openly (their own columns in the confusion matrix).
 */
import { join } from 'node:path';
import { ConfigError, InputError } from '../errors.js';
import { readLabels } from '../ingest/read-labels.js';
import type { Evidence } from '../readers/reader.js';
import type { Report } from '../report/report.js';
import { PREDICTIONS_FILE } from '../run/export-predictions.js';
import { humanReaderPredictions, humanUnclassified } from '../run/human-readers.js';
import { categoryIds, type Taxonomy, type UnclassifiedReason } from '../taxonomy/taxonomy.js';
import { mcnemarExact, type McNemar } from './agreement.js';
import { bootstrapIntervals, type BootstrapIntervals } from './bootstrap.js';
import type { StoredConsensus } from './consensus-files.js';
import { loadRun, runSource, type RunSource } from './load-run.js';
import { castsVote } from './consensus.js';
import { consensusConfidence, type ConsensusOrdering } from './consensus-confidence.js';
import { classSetOf, compareReaders, computeMetrics, matrixColumns, type Metrics } from './metrics.js';
import { currentConsensus } from './run-consensus.js';
import { selectivePrediction, type Selective } from './selective.js';
import { refuseDisjointTruth, unansweredWarning } from './truth-coverage.js';

export type ReaderKind = 'rules' | 'model' | 'human' | 'consensus';

export interface ReaderPrediction {
  category: string | null;
  evidence: Evidence[];
  seconds: number | null;
  error: { code: string; message: string } | null;
  unclassified?: { reason: UnclassifiedReason; message: string };
  /** The reader's confidence in this answer, with its source; none for failed and UNCLASSIFIED answers. */
  confidence?: { value: number; source: string } | null;
}

/**
 * How a reader's reports are ordered for selective prediction: by its own confidence, or (the consensus) by
 * agreement level, and by agreement level then whether the guideline engine agrees.
 */
export type OrderedBy = 'confidence' | 'agreement' | 'agreement-then-rules';

export interface ReaderSelective extends Selective {
  by: OrderedBy;
  /** How many of the reader's reports each confidence source gave ('none': no confidence). */
  sources: Record<string, number>;
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
  /** Accuracy–coverage, AURC and coverage at target accuracies, per ordering (none for readers without confidence). */
  selective: ReaderSelective[];
}

export interface Evaluation {
  readers: ReaderResult[];
  best: string;
  truthSource: string;
  truth: Map<string, string>;
  reports: Map<string, Report>;
  /** The truth's categories in taxonomy order: what every average runs over. */
  classSet: string[];
  /** The confusion matrices' columns, the same for every reader. */
  columns: string[];
  consensus?: StoredConsensus;
  /** The run configuration and the predictions of every model scored. */
  source: RunSource;
  humanReaders: { name: string; file: string }[];
  resamples: number;
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
  /** A stored consensus whose models left the run: refuse (evaluate) or remove it (demo). Default refuse. */
  orphanConsensus?: 'refuse' | 'remove';
}

interface ReaderInput {
  name: string;
  kind: ReaderKind;
  predictions: Map<string, ReaderPrediction>;
  tokens: ReaderResult['tokens'];
  /** The confidence of each report per ordering (default: the predictions' own confidence, when any has one). */
  orderings?: { by: OrderedBy; confidence(id: string): { value: number; source: string } | null }[];
}

/** A prediction's confidence when it has a category that counts (failed and UNCLASSIFIED answers have none). */
const ownConfidence = (p: ReaderPrediction | undefined) => (p && castsVote(p.category) && p.confidence ? p.confidence : null);

const median = (xs: number[]) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function score(reader: ReaderInput, truth: Map<string, string>, order: string[], classSet: string[], columns: string[], options: EvaluateOptions): ReaderResult {
  const { predictions } = reader;
  let missing = 0;
  const pairs = [...truth].map(([id, t]) => {
    const p = predictions.get(id);
    if (!p) missing++;
    return { truth: t, predicted: p?.category ?? null };
  });
  const seconds = [...truth.keys()].map((id) => predictions.get(id)?.seconds).filter((s): s is number => typeof s === 'number' && s > 0);
  const orderings = reader.orderings ?? ([...predictions.values()].some((p) => ownConfidence(p)) ? [{ by: 'confidence' as const, confidence: (id: string) => ownConfidence(predictions.get(id)) }] : []);
  const selective = orderings.map(({ by, confidence }): ReaderSelective => {
    const sources: Record<string, number> = {};
    const items = [...truth].map(([id, t]) => {
      const c = confidence(id);
      sources[c?.source ?? 'none'] = (sources[c?.source ?? 'none'] ?? 0) + 1;
      return { correct: predictions.get(id)?.category === t, confidence: c?.value ?? null };
    });
    return { by, sources, ...selectivePrediction(items, { seed: options.seed ?? 42, resamples: options.resamples ?? 2000 }) };
  });
  return {
    ...reader,
    selective,
    metrics: computeMetrics(pairs, order, { classSet, columns }),
    ci: bootstrapIntervals(pairs, classSet, { seed: options.seed ?? 42, resamples: options.resamples ?? 2000 }),
    missing,
    seconds: seconds.length > 0 ? { mean: seconds.reduce((a, b) => a + b, 0) / seconds.length, median: median(seconds), total: seconds.reduce((a, b) => a + b, 0), n: seconds.length } : null,
  };
}

/** The consensus ordered by agreement level, and by agreement level then agreement with the guideline engine. */
function consensusOrderings(consensus: StoredConsensus, predictions: Map<string, ReaderPrediction>, lines: { id: string; model: string; category: string | null }[]): ReaderInput['orderings'] {
  const m = consensus.summary.models.length;
  const rows = consensus.rows.map((r) => ({ id: r.id, category: predictions.get(r.id)?.category ?? null, agree: r.agree }));
  const rules = new Map(lines.filter((l) => l.model === 'rules').map((l) => [l.id, l.category]));
  const orderings: ConsensusOrdering[] = rules.size > 0 ? ['agreement', 'agreement-then-rules'] : ['agreement'];
  return orderings.map((by) => {
    const confidence = consensusConfidence(rows, m, by, rules);
    return { by, confidence: (id: string) => (confidence.get(id) == null ? null : { value: confidence.get(id)!, source: by }) };
  });
}

export function evaluateRun(options: EvaluateOptions): Evaluation {
  const { taxonomy } = options;
  const run = loadRun({ dir: options.dir, taxonomy, truthFile: options.truthFile, inputFile: options.inputFile, requireTruth: true });
  const { truth } = run;
  const warnings: string[] = [];
  const inputs: ReaderInput[] = [];
  for (const model of run.models) {
    const mine = run.lines.filter((l) => l.model === model);
    const predictions = new Map<string, ReaderPrediction>(mine.map((l) => [l.id, { category: l.category, evidence: l.evidence ?? [], seconds: l.seconds ?? null, error: l.error, ...(l.unclassified ? { unclassified: l.unclassified } : {}), ...(l.confidence ? { confidence: l.confidence } : {}) }]));
    const extra = mine.filter((l) => !truth.has(l.id)).length;
    if (extra > 0) warnings.push(`${model}: ${extra} prediction(s) for reports without truth were left out`);
    const unanswered = unansweredWarning(model, truth, predictions);
    if (unanswered) warnings.push(unanswered);
    const prompt = mine.reduce((s, l) => s + (l.details?.usage?.promptTokens ?? 0), 0);
    const output = mine.reduce((s, l) => s + (l.details?.usage?.outputTokens ?? 0), 0);
    inputs.push({ name: model, kind: model === 'rules' ? 'rules' : 'model', predictions, tokens: prompt + output > 0 ? { prompt, output } : null });
  }
  warnings.push(...run.warnings);
  // Human readers who read on the reading page (cmrdx read), from the run store, with their seconds.
  const stored = humanReaderPredictions(options.dir, run.reports);
  warnings.push(...stored.warnings);
  for (const human of stored.readers) {
    if (inputs.some((r) => r.name === human.name)) throw new ConfigError(`${options.dir}: the human reader ${human.name} has the name of a model of the run`, { code: 'config.reader', hint: 'Rename the model in predictions.jsonl or read under another name' });
    const missing = [...truth.keys()].filter((id) => !human.predictions.has(id)).length;
    if (missing > 0) warnings.push(`${human.name}: no answer for ${missing} report(s); they count as wrong`);
    inputs.push({ name: human.name, kind: 'human', predictions: human.predictions, tokens: null });
  }
  const humanReaders = options.humanReaders ?? [];
  for (const human of humanReaders) {
    // Reader names key metrics.json, so a human may not take a model's name (or another human's).
    if (inputs.some((r) => r.name === human.name) || human.name === 'consensus') {
      throw new ConfigError(`--reader ${human.name}=${human.file}: there is already a reader named ${human.name}`, { code: 'config.reader', hint: 'Give each human reader its own name, different from the models of the run' });
    }
    const entries = readLabels(human.file, { taxonomy, unclassified: true });
    const predictions = new Map<string, ReaderPrediction>(
      entries.map((e) => [e.id, { category: e.label, evidence: [], seconds: e.seconds ?? null, error: null, ...(e.reason ? { unclassified: humanUnclassified(e.reason) } : {}) }]),
    );
    const missing = [...truth.keys()].filter((id) => !predictions.has(id)).length;
    if (missing > 0) warnings.push(`${human.name}: no label for ${missing} report(s); they count as wrong`);
    inputs.push({ name: human.name, kind: 'human', predictions, tokens: null });
  }
  const { stored: consensus, note } = currentConsensus(run, taxonomy, options.orphanConsensus ?? 'refuse');
  if (note) warnings.push(note);
  if (consensus) {
    // The consensus is scored as voted: an adjudicated row keeps its vote in votedCategory, so the consensus is
    // never scored against the adjudication made of its own disagreements.
    const voted = (r: (typeof consensus.rows)[number]) => ((r.status as string) === 'adjudicated' ? ((r as { votedCategory?: string | null }).votedCategory ?? null) : r.category);
    const predictions = new Map<string, ReaderPrediction>(consensus.rows.map((r) => [r.id, { category: voted(r), evidence: [], seconds: null, error: voted(r) === null ? { code: 'consensus.no_majority', message: 'no majority' } : null }]));
    inputs.push({ name: 'consensus', kind: 'consensus', predictions, tokens: null, orderings: consensusOrderings(consensus, predictions, run.lines) });
  }

  if (inputs.length === 0) {
    throw new InputError({ file: join(options.dir, PREDICTIONS_FILE) }, 'no reader has an answer here yet', {
      code: 'input.no_predictions',
      hint: 'Classify first (cmrdx classify <input> --out <dir>), import a batch output (cmrdx batch import), or read (cmrdx read)',
    });
  }
  refuseDisjointTruth(inputs.map((r) => r.predictions), truth, run.truthSource, options.dir);
  // One class set and one set of matrix columns for every reader.
  const order = categoryIds(taxonomy);
  const classSet = classSetOf(truth.values(), order);
  const columns = matrixColumns(classSet, inputs.flatMap((r) => [...truth.keys()].map((id) => r.predictions.get(id)?.category ?? null)), order);
  const readers = inputs.map((r) => score(r, truth, order, classSet, columns, options));
  readers.sort(compareReaders);
  const best = readers[0]!;
  const ids = [...truth.keys()];
  const correct = (r: ReaderResult) => ids.map((id) => r.predictions.get(id)?.category === truth.get(id));
  for (const r of readers.slice(1)) r.mcnemar = { vs: best.name, ...mcnemarExact(correct(best), correct(r)) };
  return {
    readers,
    best: best.name,
    truthSource: run.truthSource,
    truth,
    reports: run.reports,
    classSet,
    columns,
    consensus: consensus ?? undefined,
    source: runSource(run, run.models),
    humanReaders,
    resamples: options.resamples ?? 2000,
    warnings,
  };
}
