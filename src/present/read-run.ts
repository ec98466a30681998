/**
 * What a classify output folder holds, gathered for the exports: every reader's predictions
 * (predictions.jsonl, the contract), the run's configuration and the truth labels of the input (run.sqlite),
 * and the consensus when there is one, with the rows a person adjudicated (`status: "adjudicated"`). A
 * consensus made from other predictions than the run has now is refused, as evaluate refuses it: an export
 * must not send a stale vote to the clinic.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import { CONSENSUS_FILE, readConsensus, staleReason, type StoredConsensus } from '../evaluate/consensus-files.js';
import { loadRun, runSource, type PredictionLine } from '../evaluate/load-run.js';
import type { Prediction } from '../readers/reader.js';
import { STORE_FILE } from '../run/run-classify.js';
import { configHash, RunStoreReader, type RunConfig } from '../run/run-store.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';

/** One line of consensus.jsonl, including what `cmrdx adjudicate` adds. */
export type ConsensusEntry = Omit<StoredConsensus['rows'][number], 'status'> & {
  /** `unanimous`, `majority`, `no majority`, or `adjudicated` (then `category` is the adjudicated one). */
  status: string;
  /** Who adjudicated, when the row says so. */
  adjudicator?: string;
};

export interface RunResults {
  dir: string;
  /** The stored configuration (models, taxonomy, prompt version); null without run.sqlite. */
  config: RunConfig | null;
  /** The configuration's hash, which names the run (e.g. in FHIR Provenance); null without run.sqlite. */
  runId: string | null;
  /** Readers in the order predictions.jsonl first names them. */
  models: string[];
  /** Per reader, per report id. */
  predictions: Map<string, Map<string, Prediction>>;
  /** Report ids in input order (the store's, then any others in the order of the predictions). */
  ids: string[];
  /** Truth labels of the classified input, when it had them. */
  truth: Map<string, string>;
  /** The stored consensus; `stale` says why it does not belong to the run as it is now (null: it does). */
  consensus?: { models: string[]; rows: ConsensusEntry[]; stale: string | null };
}

export function readRun(dir: string, taxonomy: Taxonomy): RunResults {
  const run = loadRun({ dir, taxonomy, requireTruth: false, checkAnswers: false });
  const predictions = new Map<string, Map<string, Prediction>>();
  for (const line of run.lines) {
    let byId = predictions.get(line.model);
    if (!byId) predictions.set(line.model, (byId = new Map()));
    byId.set(line.id, asPrediction(line));
  }
  const predicted = new Set(run.lines.map((l) => l.id));
  const ids = [...new Set([...[...run.reports.keys()].filter((id) => predicted.has(id)), ...predicted])];
  const config = storedConfig(dir);
  const result: RunResults = { dir, config, runId: config ? configHash(config) : null, models: run.models, predictions, ids, truth: run.truth };
  const stored = readConsensus(dir);
  if (stored) {
    const stale = staleReason(stored, runSource(run, stored.summary.models), run.models);
    result.consensus = { models: stored.summary.models, rows: stored.rows as ConsensusEntry[], stale };
  }
  return result;
}

/**
 * A line as the exports read it. predictions.jsonl may come from elsewhere with only the contract's core
 * (id, model, category, error): a line without evidence quotes has none, rather than failing the export; a
 * quote that is no text is left out.
 */
function asPrediction(line: PredictionLine): Prediction {
  const evidence = Array.isArray(line.evidence) ? line.evidence.filter((e) => typeof e?.quote === 'string') : [];
  return { ...(line as unknown as Prediction), evidence };
}

/** The run's consensus for an export, refused when it was made from other predictions than the run has now. */
export function currentConsensus(run: RunResults): RunResults['consensus'] {
  if (run.consensus?.stale) {
    throw new ConfigError(`${join(run.dir, CONSENSUS_FILE)} does not belong to the run as it is now: ${run.consensus.stale}`, {
      code: 'config.consensus_stale',
      hint: 'Run cmrdx consensus again, or export one reader with --model <name>',
    });
  }
  return run.consensus;
}

function storedConfig(dir: string): RunConfig | null {
  const path = join(dir, STORE_FILE);
  if (!existsSync(path)) return null;
  const store = RunStoreReader.open(path);
  try {
    return store.config();
  } finally {
    store.close();
  }
}
