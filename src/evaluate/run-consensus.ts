/**
 * The consensus step over a run folder: choose the models (named, or the top N by macro-F1 against the truth),
 * vote, write consensus.jsonl / consensus.json / review.csv, and score the consensus whenever a truth is known
 * (`--truth`, else the input's labels), however the models were chosen. Also the check evaluate and demo make
 * before they score a stored consensus: current, rebuilt from the run, or refused.
 */
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import { categoryIds, type Taxonomy } from '../taxonomy/taxonomy.js';
import { printable } from '../util/printable.js';
import { buildConsensus, type Consensus } from './consensus.js';
import { CONSENSUS_FILE, readConsensus, removeConsensus, staleReason, writeConsensus, type ConsensusSelection, type StoredConsensus } from './consensus-files.js';
import { loadRun, runSource, type RunData, type RunSource } from './load-run.js';
import { compareReaders, computeMetrics, type Metrics } from './metrics.js';
import { sizeReview, type ReviewSizing } from './review-sizing.js';
import { refuseDisjointTruth, unansweredWarning } from './truth-coverage.js';

export interface ConsensusOptions {
  dir: string;
  taxonomy: Taxonomy;
  models?: string[];
  top?: number;
  minAgree?: number;
  truthFile?: string;
  /** The reports, when the folder has no run store (for their labels). */
  inputFile?: string;
  /** Size the review list so the rest reaches this accuracy (calibrated on a labelled run). */
  targetAccuracy?: number;
  /** The labelled calibration run for targetAccuracy; default this run. */
  calibrationDir?: string;
}

export interface ConsensusResult {
  consensus: Consensus;
  source: RunSource;
  /** With targetAccuracy: the agreement threshold and the review list it gives. */
  sizing?: ReviewSizing;
  /** The consensus against the truth (no majority counts as wrong), whenever a truth is known. */
  metrics?: Metrics;
  files: { rowsFile: string; reviewFile: string };
  /** Remarks for the user: models without a prediction for some reports of the truth, in evaluate's words. */
  warnings: string[];
}

/** The answers of one model for the reports with truth, as metric pairs (missing counts as failed). */
function pairsOf(run: RunData, answers: Map<string, string | null>) {
  return [...run.truth].map(([id, truth]) => ({ truth, predicted: answers.get(id) ?? null }));
}

/** The run's models, best first by macro-F1 over the class set (then accuracy, then name), as evaluate ranks them. */
export function rankModels(run: RunData, taxonomy: Taxonomy): string[] {
  const order = categoryIds(taxonomy);
  const scored = run.models.map((name) => {
    const answers = new Map(run.lines.filter((l) => l.model === name).map((l) => [l.id, l.category]));
    return { name, metrics: computeMetrics(pairsOf(run, answers), order) };
  });
  return scored.sort(compareReaders).map((r) => r.name);
}

/** A model named twice would be counted as two voters that never agree with each other (votes are per model). */
function refuseRepeatedModels(models: string[] | undefined): void {
  const repeated = [...new Set((models ?? []).filter((m, i, all) => all.indexOf(m) !== i))];
  if (repeated.length === 0) return;
  throw new ConfigError(`--models: ${repeated.join(', ')} named more than once`, { code: 'config.consensus_models', hint: 'Name each model of the consensus once, e.g. --models rules,ollama:qwen2.5:32b' });
}

export function runConsensus(options: ConsensusOptions): ConsensusResult {
  refuseRepeatedModels(options.models);
  // Ranking needs the truth; loadRun finds it (--truth or the input's labels) or says how to give it.
  const run = loadRun({ dir: options.dir, taxonomy: options.taxonomy, truthFile: options.truthFile, inputFile: options.inputFile, requireTruth: options.top !== undefined });
  let models: string[];
  let selection: ConsensusSelection;
  if (options.top !== undefined) {
    models = rankModels(run, options.taxonomy).slice(0, options.top);
    selection = { by: 'top', top: options.top };
  } else {
    models = options.models ?? [];
    const unknown = models.filter((m) => !run.models.includes(m));
    if (unknown.length > 0) {
      throw new ConfigError(`--models: ${unknown.join(', ')} not in this run`, { code: 'config.consensus_models', hint: `The run has: ${run.models.join(', ')}` });
    }
    selection = { by: 'models' };
  }
  if (models.length < 2) {
    throw new ConfigError(`a consensus needs at least two models (got ${models.length})`, { code: 'config.consensus_models', hint: `Name them with --models a,b,c or use --top 3; the run has: ${run.models.join(', ')}` });
  }
  const minAgree = options.minAgree ?? Math.floor(models.length / 2) + 1;
  if (minAgree < 1 || minAgree > models.length) {
    throw new ConfigError(`--min-agree ${minAgree}: must be between 1 and the number of models (${models.length})`, { code: 'config.min_agree', hint: `Write e.g. --min-agree ${Math.floor(models.length / 2) + 1}` });
  }
  const warnings = truthCoverage(run, options.top !== undefined ? run.models : models);
  const sizing = options.targetAccuracy === undefined ? undefined : (consensus: Consensus) => sizeReview(run, consensus, { targetAccuracy: options.targetAccuracy!, taxonomy: options.taxonomy, calibrationDir: options.calibrationDir });
  return { ...build(run, options.taxonomy, models, minAgree, selection, sizing), warnings };
}

/**
 * What evaluate says of a truth, said by consensus too: the models scored against it (all of them when --top
 * ranks them, else the consensus's own) without a prediction for some of its reports, which count as wrong; and
 * a truth that shares no report id with them is refused before anything is written.
 */
function truthCoverage(run: RunData, scored: string[]): string[] {
  if (run.truth.size === 0) return [];
  const answered = scored.map((model) => ({ model, ids: new Set(run.lines.filter((l) => l.model === model).map((l) => l.id)) }));
  refuseDisjointTruth(answered.map((a) => a.ids), run.truth, run.truthSource, run.dir);
  return answered.flatMap(({ model, ids }) => unansweredWarning(model, run.truth, ids) ?? []);
}

function build(run: RunData, taxonomy: Taxonomy, models: string[], minAgree: number, selection: ConsensusSelection, size?: (consensus: Consensus) => ReviewSizing): Omit<ConsensusResult, 'warnings'> {
  const ids = [...new Set(run.lines.map((l) => l.id))];
  const votes = new Map<string, Record<string, string | null>>();
  for (const l of run.lines) if (models.includes(l.model)) votes.set(l.id, { ...votes.get(l.id), [l.model]: l.category });
  const consensus = buildConsensus(ids, models, votes, categoryIds(taxonomy), minAgree);
  const source = runSource(run, models);
  const truth = run.truth.size > 0 ? run.truth : undefined;
  const sizing = size?.(consensus);
  const files = writeConsensus(run.dir, consensus, source, selection, truth, sizing);
  const metrics = truth ? computeMetrics(pairsOf(run, new Map(consensus.rows.map((r) => [r.id, r.category]))), categoryIds(taxonomy)) : undefined;
  return { consensus, source, metrics, files, ...(sizing ? { sizing } : {}) };
}

/**
 * The run folder's consensus, if it belongs to the run as it is now. A stale one (other run configuration,
 * changed predictions, no recorded source) is rebuilt from the same models and threshold when they are all
 * still in the run; when some are gone it is refused (evaluate) or removed (demo, whose folder is a sandbox).
 * `note` says which happened and why.
 */
export function currentConsensus(run: RunData, taxonomy: Taxonomy, onOrphan: 'refuse' | 'remove'): { stored: StoredConsensus | null; note?: string } {
  const stored = readConsensus(run.dir);
  if (!stored) return { stored: null };
  const { models, minAgree, selection } = stored.summary;
  const reason = staleReason(stored, runSource(run, models), run.models);
  if (reason === null) return { stored };
  const file = join(run.dir, CONSENSUS_FILE);
  if (models.every((m) => run.models.includes(m)) && models.length >= 2) {
    build(run, taxonomy, models, minAgree, selection ?? { by: 'models' });
    return { stored: readConsensus(run.dir), note: `${printable(file)} was stale (${reason}); rebuilt from the run's predictions of ${models.join(', ')}` };
  }
  if (onOrphan === 'remove') {
    removeConsensus(run.dir);
    return { stored: null, note: `${printable(file)} was stale (${reason}); removed` };
  }
  throw new ConfigError(`${file}: a consensus of ${models.join(', ')}, but ${reason}`, {
    code: 'config.stale_consensus',
    hint: `Build it again with cmrdx consensus ${run.dir} --models <a,b,c> (the run has: ${run.models.join(', ')}), or delete consensus.jsonl, consensus.json and review.csv`,
  });
}
