/**
 * A classify run: every (report, reader) pair not yet in the run store is classified and committed as it
 * completes; then predictions.jsonl is rewritten from the store. Rerunning the same run resumes: stored pairs
 * are skipped (failed ones too, unless retryFailed). Failures are predictions with an error, never dropped.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { toErrorRecord } from '../errors.js';
import type { Report } from '../report/report.js';
import type { Prediction, Reader } from '../readers/reader.js';
import { exportPredictions } from './export-predictions.js';
import { RunStore, type RunConfig } from './run-store.js';

export const STORE_FILE = 'run.sqlite';

export interface RunOptions {
  reports: Report[];
  readers: Reader[];
  outDir: string;
  config: RunConfig;
  /** Start over instead of resuming. */
  fresh?: boolean;
  /** Classify again the pairs whose stored prediction is an error. */
  retryFailed?: boolean;
  /** Called after each prediction is committed. */
  onPrediction?(prediction: Prediction, progress: { done: number; total: number }): void;
  signal?: AbortSignal;
}

export interface ModelSummary {
  done: number;
  failed: number;
  medianSeconds: number | null;
  tokensIn: number;
  tokensOut: number;
}

export interface RunSummary {
  /** Pairs this run had to classify (after skipping stored ones). */
  total: number;
  skipped: number;
  done: number;
  failed: number;
  resumed: boolean;
  interrupted: boolean;
  predictionsFile: string;
  perModel: Record<string, ModelSummary>;
}

export interface Job {
  report: Report;
  seq: number;
  reader: Reader;
}

/** The pairs still to classify, grouped by reader so a model stays loaded on its server. */
export function pendingJobs(reports: Report[], readers: Reader[], done: Set<string>): Job[] {
  const jobs: Job[] = [];
  for (const reader of readers) {
    reports.forEach((report, seq) => {
      if (!done.has(`${reader.id}\u0000${report.id}`)) jobs.push({ report, seq, reader });
    });
  }
  return jobs;
}

/** Runs a reader on one report; an exception becomes an error prediction. */
export async function classifyOne(job: Job, signal?: AbortSignal): Promise<Prediction> {
  const started = performance.now();
  try {
    return await job.reader.classify(job.report, { signal });
  } catch (error) {
    return { id: job.report.id, model: job.reader.id, category: null, evidence: [], seconds: (performance.now() - started) / 1000, error: toErrorRecord(error) };
  }
}

export async function runClassify(options: RunOptions): Promise<RunSummary> {
  mkdirSync(options.outDir, { recursive: true });
  const store = RunStore.open(join(options.outDir, STORE_FILE));
  try {
    const resumed = store.begin(options.config, options.fresh) === 'resumed';
    const models = options.readers.map((r) => r.id);
    // Rewrite the export first: after a crash the file on disk is always a complete picture of the store.
    if (resumed) exportPredictions(store, options.outDir, models);
    const done = store.doneKeys(!options.retryFailed);
    const jobs = pendingJobs(options.reports, options.readers, done);
    const totalPairs = options.reports.length * options.readers.length;
    let completed = 0;
    let interrupted = false;
    const buffer: { prediction: Prediction; seq: number }[] = [];
    let lastFlush = performance.now();
    const flush = () => {
      if (buffer.length > 0) store.putMany(buffer.splice(0));
      lastFlush = performance.now();
    };
    for (const job of jobs) {
      if (options.signal?.aborted) {
        interrupted = true;
        break;
      }
      const prediction = await classifyOne(job, options.signal);
      buffer.push({ prediction, seq: job.seq });
      // Commit in small batches: at most a quarter second of work is lost if the process is killed.
      if (buffer.length >= 256 || performance.now() - lastFlush > 250) flush();
      completed++;
      options.onPrediction?.(prediction, { done: completed, total: jobs.length });
    }
    flush();
    const predictionsFile = exportPredictions(store, options.outDir, models);
    return { ...summarise(store, models), total: jobs.length, skipped: totalPairs - jobs.length, resumed, interrupted, predictionsFile };
  } finally {
    store.close();
  }
}

export function summarise(store: RunStore, models: string[]): { done: number; failed: number; perModel: Record<string, ModelSummary> } {
  const stats = new Map(store.modelStats().map((s) => [s.model, s]));
  const perModel: Record<string, ModelSummary> = {};
  let done = 0;
  let failed = 0;
  for (const model of models) {
    const s = stats.get(model);
    const seconds = s?.seconds ?? [];
    perModel[model] = {
      done: s?.done ?? 0,
      failed: s?.failed ?? 0,
      medianSeconds: seconds.length > 0 ? seconds[Math.floor((seconds.length - 1) / 2)]! : null,
      tokensIn: s?.tokensIn ?? 0,
      tokensOut: s?.tokensOut ?? 0,
    };
    done += perModel[model].done;
    failed += perModel[model].failed;
  }
  return { done, failed, perModel };
}
