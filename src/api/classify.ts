/**
 * `classify()`: the library's classify run, the function `cmrdx classify` and `cmrdx demo` call. It reads the
 * reports (or takes them), builds the readers (the guideline engine, LLMs behind Ollama or OpenAI-compatible
 * servers, llama.cpp in this process; every endpoint through the egress guard), runs every (report, reader)
 * pair not yet in `<out>/run.sqlite`, and returns the run's predictions with a summary. Rerunning resumes.
 *
 * Progress comes as events, never as output: a script logs what it wants; the CLI draws bars. Cancelling:
 * `signal` stops taking new work and lets requests in flight finish (their answers are stored); `abandon` drops
 * the requests in flight too (they are asked again on resume). Either way the result says `interrupted`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measuredConcurrency } from '../doctor/capacity-cache.js';
import { readInput, type InputOptions } from '../ingest/read-input.js';
import { createReaders, type ReaderSettings } from '../readers/create-reader.js';
import type { Prediction } from '../readers/reader.js';
import type { Report } from '../report/report.js';
import { PREDICTIONS_FILE } from '../run/export-predictions.js';
import { runClassify, type RunSummary } from '../run/run-classify.js';
import { runConfigOf, withAnswerDefaults } from '../run/run-config.js';
import { loadTaxonomy } from '../taxonomy/load-taxonomy.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { VERSION } from '../version.js';

export interface ClassifyOptions extends Omit<ReaderSettings, 'taxonomy'> {
  /** The reports, or the path of a file or folder to read them from (JSONL, JSON, CSV, xlsx, .txt/.pdf folder). */
  input: Report[] | string;
  /** How to read `input` when it is a path (encoding, columns, sheet, skipInvalid). */
  read?: Omit<InputOptions, 'taxonomy'>;
  /** The run folder: run.sqlite and predictions.jsonl. */
  out: string;
  /** Model specs: `rules`, `ollama:<tag>`, `openai:<model>`, `llamacpp:<path.gguf>`. Default: `['rules']`. */
  models?: string[];
  /** Default: the study categories plus OTHER. */
  taxonomy?: Taxonomy;
  /** Requests at once per endpoint. Default: what `cmrdx doctor` measured (with `capacityCache`), else the server's slots + 2, else 4. */
  concurrency?: number;
  /** cmrdx doctor's capacity cache file to take measured concurrency from (the CLI passes the user's cache). */
  capacityCache?: string;
  /** Extra attempts after a retryable failure (5xx, reset, timeout). Default 3. */
  retries?: number;
  /** Start the run over instead of resuming it. */
  fresh?: boolean;
  /** Classify again the pairs whose stored prediction failed. */
  retryFailed?: boolean;
  /** Stop taking new work; requests in flight finish and are stored. */
  signal?: AbortSignal;
  /** Abandon requests in flight too (they are asked again when the run resumes). */
  abandon?: AbortSignal;
  onProgress?(event: ClassifyEvent): void;
}

/** What a run reports while it works. Events carry ids, counts and endpoints, never report text. */
export type ClassifyEvent =
  | { type: 'start'; readers: { id: string; remote: boolean }[]; reports: number }
  | { type: 'warning'; message: string }
  | { type: 'note'; message: string }
  | { type: 'translation'; reports: number; model: string }
  | { type: 'request'; endpoint: string; event: 'start' | 'end' }
  | { type: 'prediction'; prediction: Prediction; done: number; total: number };

export interface ClassifyResult {
  summary: RunSummary;
  /** The run's predictions (every reader, input order), as in predictions.jsonl. */
  predictions: Prediction[];
  /** Remarks for the user: an endpoint without the model, skipped records, fallbacks. */
  warnings: string[];
  reports: Report[];
  taxonomy: Taxonomy;
}

export async function classify(options: ClassifyOptions): Promise<ClassifyResult> {
  const emit = (event: ClassifyEvent) => options.onProgress?.(event);
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    emit({ type: 'warning', message });
  };
  const taxonomy = options.taxonomy ?? loadTaxonomy(undefined);
  let reports: Report[];
  if (typeof options.input === 'string') {
    const read = await readInput(options.input, { ...options.read, taxonomy });
    read.warnings.forEach(warn);
    if (read.skipped.length > 0) warn(`skipped ${read.skipped.length} invalid record(s); first: ${read.skipped[0]!.message}`);
    reports = read.reports;
  } else reports = options.input;

  const settings = withAnswerDefaults({ ...options, taxonomy });
  const built = await createReaders(options.models?.length ? options.models : ['rules'], settings);
  built.warnings.forEach(warn);
  try {
    const remote = built.readers.some((r) => r.endpoints);
    // What cmrdx doctor measured for these endpoints and models, unless the caller says how many.
    const measured = options.concurrency === undefined && remote && options.capacityCache ? measuredConcurrency(built.readers, { file: options.capacityCache, version: VERSION }) : undefined;
    for (const message of measured?.notes ?? []) emit({ type: 'note', message });
    emit({ type: 'start', readers: built.readers.map((r) => ({ id: r.id, remote: Boolean(r.endpoints) })), reports: reports.length });
    const summary = await runClassify({
      reports,
      readers: built.readers,
      translator: built.translator,
      texts: built.texts,
      outDir: options.out,
      config: runConfigOf(built, taxonomy, settings),
      fresh: options.fresh,
      retryFailed: options.retryFailed,
      // Default: what doctor measured; else the server's own slot count plus two queued requests, so a freed slot
      // never waits for the next request; 4 when the server does not say (Ollama, vLLM); 1 for llama.cpp in this
      // process.
      concurrency: (endpoint) => options.concurrency ?? measured?.byEndpoint.get(endpoint) ?? (endpoint === 'in-process' ? 1 : built.slots.has(endpoint) ? built.slots.get(endpoint)! + 2 : 4),
      retries: options.retries ?? 3,
      stop: options.signal,
      abandon: options.abandon,
      onPrediction: (prediction, progress) => emit({ type: 'prediction', prediction, ...progress }),
      onRequest: (endpoint, event) => emit({ type: 'request', endpoint, event }),
      onTranslationStart: (n) => emit({ type: 'translation', reports: n, model: built.translator?.id ?? '' }),
    });
    const lines = readFileSync(join(options.out, PREDICTIONS_FILE), 'utf8').split('\n').filter((l) => l !== '');
    const predictions = lines.map((l) => JSON.parse(l) as Prediction);
    return { summary, predictions, warnings, reports, taxonomy };
  } finally {
    for (const reader of built.readers) await reader.close?.();
    await built.translator?.close();
  }
}
