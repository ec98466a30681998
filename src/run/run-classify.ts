/**
 * A classify run: every (report, reader) pair not yet in the run store is classified and committed as it
 * completes; then predictions.jsonl is rewritten from the store. Rerunning the same run resumes: stored pairs
 * are skipped (failed ones too, unless retryFailed). Failures are predictions with an error, never dropped.
 * Readers in this process run in a loop; readers behind servers go through the scheduler; with --translate,
 * the translation step runs first, once per report.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BackendError, toErrorRecord } from '../errors.js';
import type { Report } from '../report/report.js';
import type { Prediction, Reader } from '../readers/reader.js';
import { textHash } from '../readers/llm/llm-reader.js';
import type { ReadTexts } from '../readers/llm/read-texts.js';
import type { Translator } from '../readers/llm/translator.js';
import { schedule, type SchedTask, type SchedulerOptions } from './scheduler.js';
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
  translated: number;
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

export async function runClassify(options: RunOptions): Promise<RunSummary> {
  mkdirSync(options.outDir, { recursive: true });
  const store = RunStore.open(join(options.outDir, STORE_FILE));
  try {
    const resumed = store.begin(options.config, options.fresh) === 'resumed';
    store.putReports(options.reports);
    const models = options.readers.map((r) => r.id);
    // Rewrite the export first: after a crash the file on disk is always a complete picture of the store.
    if (resumed) exportPredictions(store, options.outDir, models);
    const jobs = pendingJobs(options.reports, options.readers, store.doneKeys(!options.retryFailed));
    const totalPairs = options.reports.length * options.readers.length;
    const scheduling = {
      concurrency: options.concurrency ?? (() => 4),
      retries: options.retries ?? 3,
      backoff: options.backoff,
      cooldown: options.cooldown,
      isRetryable: retryable,
      stop: options.stop,
      abandon: options.abandon,
    };

    const translated = options.translator && options.texts ? await translate(store, jobs, options.translator, options.texts, scheduling, options.onTranslationStart) : 0;

    let completed = 0;
    const buffer: { prediction: Prediction; seq: number }[] = [];
    let lastFlush = performance.now();
    const flush = () => {
      if (buffer.length > 0) store.putMany(buffer.splice(0));
      lastFlush = performance.now();
    };
    // Predictions from servers are committed one by one as they arrive (each cost a request; a killed run must
    // not ask again for an answer it already had). The in-process engine commits in small batches: at most a
    // quarter second of its work is redone after a kill.
    const record = (prediction: Prediction, seq: number, batched: boolean) => {
      if (batched) {
        buffer.push({ prediction, seq });
        if (buffer.length >= 256 || performance.now() - lastFlush > 250) flush();
      } else store.put(prediction, seq);
      options.onPrediction?.(prediction, { done: ++completed, total: jobs.length });
    };
    const flushTimer = setInterval(flush, 250);
    let unfinished = 0;
    let interrupted = false;
    try {
      // Readers in this process (the guideline engine): a plain loop, thousands per second.
      for (const job of jobs.filter((j) => !j.reader.endpoints)) {
        if (options.stop?.aborted) {
          interrupted = true;
          unfinished++;
          continue;
        }
        const started = performance.now();
        try {
          record(await job.reader.classify(job.report), job.seq, true);
        } catch (error) {
          record(errorPrediction(job, error, (performance.now() - started) / 1000), job.seq, true);
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
    const predictionsFile = exportPredictions(store, options.outDir, models);
    return { ...summarise(store, models), total: jobs.length, skipped: totalPairs - jobs.length, unfinished, translated, resumed, interrupted, predictionsFile };
  } finally {
    store.close();
  }
}

/** The translation step: each report that still has work is translated once, or taken from the cache. */
async function translate(
  store: RunStore,
  jobs: Job[],
  translator: Translator,
  texts: ReadTexts,
  scheduling: Omit<SchedulerOptions<string>, 'onDone' | 'onFailed'>,
  onStart?: (count: number) => void,
): Promise<number> {
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
  if (tasks.length === 0) return 0;
  onStart?.(tasks.length);
  await schedule(tasks, {
    ...scheduling,
    onDone: (task, text) => {
      const t = task as (typeof tasks)[number];
      store.putTranslation(t.hash, translator.id, translator.promptVersion, text);
      texts.setTranslation(t.report.id, text);
    },
    onFailed: (task, error) => texts.setTranslationFailure((task as (typeof tasks)[number]).report.id, error instanceof Error ? error.message : String(error)),
  });
  return tasks.length;
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
