/**
 * The consensus step over a run folder: choose the models (named, or the top N by macro-F1 against the truth),
 * vote, write consensus.jsonl / consensus.json / review.csv, and score the consensus when the truth is known.
 */
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import { readLabels } from '../ingest/read-labels.js';
import { PREDICTIONS_FILE } from '../run/export-predictions.js';
import { categoryIds, type Taxonomy } from '../taxonomy/taxonomy.js';
import { buildConsensus, type Consensus } from './consensus.js';
import { writeConsensus } from './consensus-files.js';
import { evaluateRun, readPredictions } from './evaluate-run.js';
import { computeMetrics, type Metrics } from './metrics.js';

export interface ConsensusOptions {
  dir: string;
  taxonomy: Taxonomy;
  models?: string[];
  top?: number;
  minAgree?: number;
  truthFile?: string;
}

export interface ConsensusResult {
  consensus: Consensus;
  metrics?: Metrics;
  files: { rowsFile: string; reviewFile: string };
}

export function runConsensus(options: ConsensusOptions): ConsensusResult {
  const lines = readPredictions(join(options.dir, PREDICTIONS_FILE));
  const available = [...new Set(lines.map((l) => l.model))];
  let models: string[];
  let truth: Map<string, string> | undefined;
  if (options.top !== undefined) {
    // Ranking needs the truth; evaluateRun finds it (--truth or the input's labels) or says how to give it.
    const ev = evaluateRun({ dir: options.dir, taxonomy: options.taxonomy, truthFile: options.truthFile, resamples: 10 });
    models = ev.readers.filter((r) => r.kind === 'model' || r.kind === 'rules').slice(0, options.top).map((r) => r.name);
    truth = ev.truth;
  } else {
    models = options.models ?? [];
    const unknown = models.filter((m) => !available.includes(m));
    if (unknown.length > 0) {
      throw new ConfigError(`--models: ${unknown.join(', ')} not in this run`, { code: 'config.consensus_models', hint: `The run has: ${available.join(', ')}` });
    }
    if (options.truthFile) truth = new Map(readLabels(options.truthFile, { taxonomy: options.taxonomy }).map((l) => [l.id, l.label]));
  }
  if (models.length < 2) {
    throw new ConfigError(`a consensus needs at least two models (got ${models.length})`, { code: 'config.consensus_models', hint: `Name them with --models a,b,c or use --top 3; the run has: ${available.join(', ')}` });
  }
  const minAgree = options.minAgree ?? Math.floor(models.length / 2) + 1;
  if (minAgree < 1 || minAgree > models.length) {
    throw new ConfigError(`--min-agree ${minAgree}: must be between 1 and the number of models (${models.length})`, { code: 'config.min_agree', hint: `Write e.g. --min-agree ${Math.floor(models.length / 2) + 1}` });
  }
  const ids = [...new Set(lines.map((l) => l.id))];
  const votes = new Map<string, Record<string, string | null>>();
  for (const l of lines) if (models.includes(l.model)) votes.set(l.id, { ...votes.get(l.id), [l.model]: l.category });
  const consensus = buildConsensus(ids, models, votes, minAgree);
  const files = writeConsensus(options.dir, consensus, truth);
  const metrics = truth ? computeMetrics(consensus.rows.filter((r) => truth!.has(r.id)).map((r) => ({ truth: truth!.get(r.id)!, predicted: r.category })), categoryIds(options.taxonomy)) : undefined;
  return { consensus, metrics, files };
}
