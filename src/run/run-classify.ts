/**
 * A classify run: every (report, reader) pair not yet in the run store is classified and committed as it
 * completes; then predictions.jsonl is rewritten from the store. Rerunning the same run resumes: stored pairs
 * are skipped (failed ones too, unless retryFailed), except those made from a report text that has changed
 * since. Failures are predictions with an error, never dropped. Readers in this process run in a loop; readers
 * behind servers go through the scheduler; with --translate, the translation step runs first, once per report.
 * One run per output folder at a time (run-lock.ts). A storage fault (full disk...) stops the run: what was
 * committed is kept, predictions.jsonl is either the previous complete file or the new one.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BackendError, CmrdxError, StorageError, toErrorRecord } from '../errors.js';
import type { Report } from '../report/report.js';
import type { Prediction, Reader } from '../readers/reader.js';
import { textHash } from '../readers/llm/llm-reader.js';
import type { ReadTexts } from '../readers/llm/read-texts.js';
import type { Translator } from '../readers/llm/translator.js';
import { schedule, type SchedTask, type SchedulerOptions } from './scheduler.js';
import { exportPredictions, PREDICTIONS_FILE } from './export-predictions.js';
import { acquireRunLock } from './run-lock.js';
import { RunStore, type RunConfig } from './run-store.js';
import { storageError } from './storage-error.js';

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
  /** The translation step (--translate) and the texts the LLM readers read. */
  translator?: Translator;
  texts?: ReadTexts;
  /** Slots per endpoint. */
  concurrency?(endpoint: string): number;
  retries?: number;
  backoff?: SchedulerOptions<unknown>['backoff'];
  cooldown?: SchedulerOptions<unknown>['cooldown'];
  /** Stop taking work (first Ctrl-C); abandon in-flight requests too (second Ctrl-C). */
  stop?: AbortSignal;
  abandon?: AbortSignal;
  /** Called after each prediction is committed. */
  onPrediction?(prediction: Prediction, progress: { done: number; total: number }): void;
  /** Called when the translation step starts (how many reports it translates). */
  onTranslationStart?(count: number): void;
  /** Called when a request to a server starts and when it settles (for "waiting for <endpoint>"). */
  onRequest?(endpoint: string, event: 'start' | 'end'): void;
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
  /** Pairs left unclassified because the run was interrupted. */
  unfinished: number;
  /** Reports whose text changed since their stored prediction was made: classified again. */
  changed: number;
  /** Reports translated by the translator in this run (cached translations and failures not counted). */
  translated: number;
  /** Reports whose translation failed: their predictions are failed (`answer.no_translation`), counted as wrong. */
  translationFailed: number;
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

export function errorPrediction(job: Job, error: unknown, seconds: number): Prediction {
  return { id: job.report.id, model: job.reader.id, category: null, evidence: [], seconds, error: toErrorRecord(error) };
}

const retryable = (error: unknown) => BackendError.isInstance(error) && (error as BackendError).isRetryable;

/** Creates the output folder, or says why it cannot be one. */
export function ensureFolder(outDir: string): void {
  try {
    mkdirSync(outDir, { recursive: true });
    if (!statSync(outDir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    throw storageError(outDir, error);
  }
}

export async function runClassify(options: RunOptions): Promise<RunSummary> {
  ensureFolder(options.outDir);
  const storePath = join(options.outDir, STORE_FILE);
  const lock = acquireRunLock(options.outDir, () => RunStore.holder(storePath));
  let store: RunStore | undefined;
  try {
    store = RunStore.open(storePath);
    return await classifyInto(store, options);
  } finally {
    store?.close();
    lock.release();
  }
}

async function classifyInto(store: RunStore, options: RunOptions): Promise<RunSummary> {
  const hashes = new Map(options.reports.map((r) => [r.id, textHash(r.text)]));
  const models = options.readers.map((r) => r.id);
  let resumed: boolean;
  let changed: number;
  let done: Set<string>;
  try {
    store.recordHolder({ pid: process.pid, startedAt: new Date().toISOString() });
    resumed = store.begin(options.config, options.fresh) === 'resumed';
    // Predictions made from an older text of a report are removed before anything else (and before the stored
    // texts are replaced): they are classified again, and an interrupted run never exports them.
    changed = store.dropChanged(hashes, textHash);
    store.putReports(options.reports);
    // Rewrite the export first: after a crash the file on disk is always a complete picture of the store.
    if (resumed) exportPredictions(store, options.outDir, models);
    done = store.doneKeys(!options.retryFailed);
  } catch (error) {
    throw CmrdxError.isInstance(error) ? error : storageError(store.path, error);
  }
  const jobs = pendingJobs(options.reports, options.readers, done);
  const totalPairs = options.reports.length * options.readers.length;
  // A storage fault halts the run: no new work, and requests in flight are abandoned (they could not be stored).
  const halt = new AbortController();
  let fault: unknown;
  let committed = 0;
  const stop = options.stop ? AbortSignal.any([options.stop, halt.signal]) : halt.signal;
  const abandon = options.abandon ? AbortSignal.any([options.abandon, halt.signal]) : halt.signal;
  const scheduling = {
    concurrency: options.concurrency ?? (() => 4),
    retries: options.retries ?? 3,
    backoff: options.backoff,
    cooldown: options.cooldown,
    isRetryable: retryable,
    stop,
    abandon,
    onStart: options.onRequest ? (_task: unknown, endpoint: string) => options.onRequest!(endpoint, 'start') : undefined,
    onSettle: options.onRequest ? (_task: unknown, endpoint: string) => options.onRequest!(endpoint, 'end') : undefined,
  };
  const guard = (write: () => void, count: number): boolean => {
    if (fault) return false;
    try {
      write();
      committed += count;
      return true;
    } catch (error) {
      fault = error;
      halt.abort();
      return false;
    }
  };

  const { translated, translationFailed } =
    options.translator && options.texts ? await translate(store, jobs, options.translator, options.texts, scheduling, options.onTranslationStart, guard) : { translated: 0, translationFailed: 0 };

  let completed = 0;
  const buffer: { prediction: Prediction; seq: number; textHash?: string }[] = [];
  let lastFlush = performance.now();
  const flush = () => {
    if (buffer.length > 0) {
      const batch = buffer.splice(0);
      if (guard(() => store.putMany(batch), batch.length)) for (const { prediction } of batch) options.onPrediction?.(prediction, { done: ++completed, total: jobs.length });
    }
    lastFlush = performance.now();
  };
  // Predictions from servers are committed one by one as they arrive (each cost a request; a killed run must
  // not ask again for an answer it already had). The in-process engine commits in small batches: at most a
  // quarter second of its work is redone after a kill.
  const record = (prediction: Prediction, seq: number, batched: boolean) => {
    const hash = hashes.get(prediction.id);
    if (batched) {
      buffer.push({ prediction, seq, textHash: hash });
      if (buffer.length >= 256 || performance.now() - lastFlush > 250) flush();
    } else if (guard(() => store.put(prediction, seq, hash), 1)) options.onPrediction?.(prediction, { done: ++completed, total: jobs.length });
  };
  const flushTimer = setInterval(flush, 250);
  let unfinished = 0;
  let interrupted = false;
  try {
    // Readers in this process (the guideline engine): a plain loop, thousands per second, or batches for a
    // reader that spreads them over worker threads.
    const local = jobs.filter((j) => !j.reader.endpoints);
    const one = async (job: Job) => {
      const started = performance.now();
      try {
        record(await job.reader.classify(job.report), job.seq, true);
      } catch (error) {
        record(errorPrediction(job, error, (performance.now() - started) / 1000), job.seq, true);
      }
    };
    for (let i = 0; i < local.length; ) {
      const reader = local[i]!.reader;
      let end = i;
      while (end < local.length && local[end]!.reader === reader) end++;
      const own = local.slice(i, end);
      i = end;
      if (stop.aborted) {
        interrupted = true;
        unfinished += own.length;
      } else if (reader.classifyMany) {
        const left = await inBatches(own, reader.classifyMany.bind(reader), stop, record, one);
        if (left > 0) {
          interrupted = true;
          unfinished += left;
        }
      } else {
        for (const job of own) {
          if (stop.aborted) {
            interrupted = true;
            unfinished++;
          } else await one(job);
        }
      }
    }
    // Readers behind servers: the scheduler spreads the work over their endpoints.
    const remote = jobs.filter((j) => j.reader.endpoints);
    if (remote.length > 0) {
      const startedAt = new Map<Job, number>();
      const tasks: (SchedTask<Prediction> & { job: Job })[] = remote.map((job) => ({
        job,
        group: job.reader.id,
        endpoints: job.reader.endpoints!,
        run: (endpoint, signal) => {
          if (!startedAt.has(job)) startedAt.set(job, performance.now());
          return job.reader.classify(job.report, { endpoint, signal });
        },
      }));
      const elapsed = (job: Job) => (performance.now() - (startedAt.get(job) ?? performance.now())) / 1000;
      const result = await schedule(tasks, {
        ...scheduling,
        onDone: (task, prediction, meta) => record({ ...prediction, details: { ...prediction.details, requestAttempts: meta.attempts } }, (task as (typeof tasks)[number]).job.seq, false),
        onFailed: (task, error, meta) => {
          const { job } = task as (typeof tasks)[number];
          const p = errorPrediction(job, error, elapsed(job));
          record({ ...p, details: { endpoint: meta.endpoint, requestAttempts: meta.attempts } }, job.seq, false);
        },
      });
      unfinished += result.unfinished;
      interrupted ||= result.interrupted;
    }
  } finally {
    clearInterval(flushTimer);
    flush();
  }
  if (fault) throw halted(store, options.outDir, models, fault, committed);
  let predictionsFile: string;
  try {
    predictionsFile = exportPredictions(store, options.outDir, models);
  } catch (error) {
    throw storageError(join(options.outDir, PREDICTIONS_FILE), error, committed > 0);
  }
  return { ...summarise(store, models), total: jobs.length, skipped: totalPairs - jobs.length, unfinished, changed, translated, translationFailed, resumed, interrupted, predictionsFile };
}

/** Jobs per batch for a reader with classifyMany: a few hundred milliseconds of the engine's work. */
const LOCAL_BATCH = 512;

/**
 * Runs a reader's jobs through classifyMany in batches, the next batch under way while the last one's
 * predictions are recorded (committed in the same small transactions as one by one). A stop takes effect
 * between batches; a batch that fails as a whole (a worker thread died) is done again one job at a time, so a
 * report that breaks the engine gets its error prediction. Returns how many jobs were left undone.
 */
async function inBatches(
  jobs: Job[],
  classifyMany: (reports: Report[]) => Promise<Prediction[]>,
  stop: AbortSignal,
  record: (prediction: Prediction, seq: number, batched: boolean) => void,
  one: (job: Job) => Promise<void>,
): Promise<number> {
  const batches: Job[][] = [];
  for (let i = 0; i < jobs.length; i += LOCAL_BATCH) batches.push(jobs.slice(i, i + LOCAL_BATCH));
  const start = (batch: Job[]) => classifyMany(batch.map((j) => j.report)).then((predictions) => ({ predictions }), (error: unknown) => ({ error }));
  let next = batches.length > 0 ? start(batches[0]!) : undefined;
  for (let k = 0; k < batches.length; k++) {
    const result = await next!;
    next = k + 1 < batches.length && !stop.aborted ? start(batches[k + 1]!) : undefined;
    const batch = batches[k]!;
    if ('predictions' in result && result.predictions.length === batch.length) batch.forEach((job, n) => record(result.predictions[n]!, job.seq, true));
    else for (const job of batch) await one(job);
    if (!next) return batches.slice(k + 1).reduce((sum, b) => sum + b.length, 0);
  }
  return 0;
}

/** The error a storage fault ends the run with; predictions.jsonl is brought up to date if the disk allows. */
function halted(store: RunStore, outDir: string, models: string[], fault: unknown, committed: number): StorageError {
  let exported = true;
  try {
    exportPredictions(store, outDir, models);
  } catch {
    exported = false;
  }
  const error = storageError(store.path, fault, committed > 0);
  if (exported) return error;
  return new StorageError(error.path, `${error.summary}; ${PREDICTIONS_FILE} is the previous complete export`, { code: error.code, hint: error.hint, cause: fault, predictionsMade: error.predictionsMade });
}

/**
 * The translation step: each report that still has work is translated once, or taken from the cache. Counts
 * what was translated and what failed, not what was sent: an interrupted or failing translator must not be
 * reported as having translated.
 */
async function translate(
  store: RunStore,
  jobs: Job[],
  translator: Translator,
  texts: ReadTexts,
  scheduling: Omit<SchedulerOptions<string>, 'onDone' | 'onFailed'>,
  onStart: ((count: number) => void) | undefined,
  guard: (write: () => void, count: number) => boolean,
): Promise<{ translated: number; translationFailed: number }> {
  const reports = [...new Map(jobs.map((j) => [j.report.id, j.report])).values()];
  const tasks: (SchedTask<string> & { report: Report; hash: string })[] = [];
  for (const report of reports) {
    const source = texts.toTranslate(report);
    if (source === null) continue;
    const hash = textHash(source);
    const cached = store.translation(hash, translator.id, translator.promptVersion);
    if (cached !== undefined) texts.setTranslation(report.id, cached);
    else tasks.push({ report, hash, group: translator.id, endpoints: translator.endpoints, run: (endpoint, signal) => translator.translate(source, { endpoint, signal }) });
  }
  const counts = { translated: 0, translationFailed: 0 };
  if (tasks.length === 0) return counts;
  onStart?.(tasks.length);
  await schedule(tasks, {
    ...scheduling,
    onDone: (task, text) => {
      const t = task as (typeof tasks)[number];
      guard(() => store.putTranslation(t.hash, translator.id, translator.promptVersion, text), 0);
      texts.setTranslation(t.report.id, text);
      counts.translated++;
    },
    onFailed: (task, error) => {
      texts.setTranslationFailure((task as (typeof tasks)[number]).report.id, error instanceof Error ? error.message : String(error));
      counts.translationFailed++;
    },
  });
  return counts;
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
