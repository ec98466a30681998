/**
 * What a classify output folder holds, gathered for the exports: every reader's predictions
 * (predictions.jsonl, the contract), the consensus rows when there are any (consensus.jsonl, including rows a
 * person adjudicated: `status: "adjudicated"`), and from run.sqlite the run's configuration and the truth
 * labels of the input. Only ids, categories and quotes the readers gave are read; the report texts stay in
 * the store.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { CONSENSUS_FILE, CONSENSUS_SUMMARY_FILE } from '../evaluate/consensus-files.js';
import { readPredictions } from '../evaluate/evaluate-run.js';
import type { Prediction } from '../readers/reader.js';
import { PREDICTIONS_FILE } from '../run/export-predictions.js';
import { STORE_FILE } from '../run/run-classify.js';
import { configHash, RunStore, type RunConfig } from '../run/run-store.js';

/** One line of consensus.jsonl as cmrdx consensus and cmrdx adjudicate write it. */
export interface ConsensusEntry {
  id: string;
  /** The majority category, or the adjudicated one; null when the readers did not agree. */
  category: string | null;
  status: 'unanimous' | 'majority' | 'no majority' | 'adjudicated' | string;
  votes: Record<string, string | null>;
  agree?: number;
  /** Who adjudicated, when the row says so. */
  adjudicator?: string;
}

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
  /** Report ids in input order (the store's, else first seen in the predictions). */
  ids: string[];
  /** Truth labels of the classified input, when it had them. */
  truth: Map<string, string>;
  consensus?: { models: string[]; rows: ConsensusEntry[] };
}

export function readRun(dir: string): RunResults {
  const lines = readPredictions(join(dir, PREDICTIONS_FILE)) as unknown as Prediction[];
  const predictions = new Map<string, Map<string, Prediction>>();
  const seen = new Set<string>();
  for (const p of lines) {
    let byId = predictions.get(p.model);
    if (!byId) predictions.set(p.model, (byId = new Map()));
    byId.set(p.id, p);
    seen.add(p.id);
  }
  const storePath = join(dir, STORE_FILE);
  let config: RunConfig | null = null;
  const truth = new Map<string, string>();
  let storeIds: string[] = [];
  if (existsSync(storePath)) {
    const store = RunStore.open(storePath);
    try {
      config = store.config();
      const reports = store.reports();
      storeIds = reports.map((r) => r.id);
      for (const r of reports) if (r.label !== undefined) truth.set(r.id, r.label);
    } finally {
      store.close();
    }
  }
  const inStore = new Set(storeIds);
  const ids = [...storeIds.filter((id) => seen.has(id)), ...[...seen].filter((id) => !inStore.has(id))];
  const result: RunResults = { dir, config, runId: config ? configHash(config) : null, models: [...predictions.keys()], predictions, ids, truth };
  const consensusFile = join(dir, CONSENSUS_FILE);
  if (existsSync(consensusFile)) result.consensus = readConsensusEntries(consensusFile, join(dir, CONSENSUS_SUMMARY_FILE));
  return result;
}

/** consensus.jsonl as written, adjudicated rows included (evaluate's reader recomputes the vote instead). */
function readConsensusEntries(file: string, summaryFile: string): { models: string[]; rows: ConsensusEntry[] } {
  const rows: ConsensusEntry[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let row: ConsensusEntry;
    try {
      row = JSON.parse(line) as ConsensusEntry;
    } catch {
      row = {} as ConsensusEntry;
    }
    if (typeof row.id !== 'string' || typeof row.status !== 'string' || typeof row.votes !== 'object' || row.votes === null) {
      throw new InputError({ file, line: i + 1 }, 'not a consensus row', {
        code: 'input.not_consensus',
        hint: 'consensus.jsonl is written by cmrdx consensus; run it again',
      });
    }
    rows.push(row);
  });
  let models: string[] | undefined;
  if (existsSync(summaryFile)) models = (JSON.parse(readFileSync(summaryFile, 'utf8')) as { models?: string[] }).models;
  return { models: models ?? Object.keys(rows[0]?.votes ?? {}), rows };
}
