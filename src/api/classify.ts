/**
 * `classify()`: the library's classify run, the function `cmrdx classify` and `cmrdx demo` call. It reads the
 * reports (or takes them), builds the readers (the guideline engine, LLMs behind Ollama or OpenAI-compatible
 * servers, llama.cpp in this process; every endpoint through the egress guard), runs every (report, reader)
 * pair not yet in `<out>/run.sqlite`, and returns the run's predictions with a summary. Rerunning resumes.
 *
 * Progress comes as events, never as output: a script logs what it wants; the CLI draws bars. An error thrown
 * by `onProgress` stops the run as `abandon` would and is rethrown once the run store is consistent. Cancelling:
 * `signal` stops taking new work and lets requests in flight finish (their answers are stored); `abandon` drops
 * the requests in flight too (they are asked again on resume). Either way the result says `interrupted`; a
 * signal already aborted when classify is called rejects with its reason before anything is read or asked.
 *
 * Reports given as objects are checked like a file's records (ids, text, labels in the taxonomy, unique ids);
 * every option is checked too (`config.option` errors naming it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measuredConcurrency } from '../doctor/capacity-cache.js';
import type { InputOptions } from '../ingest/read-input.js';
import { createReaders, type ReaderSettings } from '../readers/create-reader.js';
import type { Prediction } from '../readers/reader.js';
import type { Report } from '../report/report.js';
import { PREDICTIONS_FILE } from '../run/export-predictions.js';
import { runClassify, type RunSummary } from '../run/run-classify.js';
import { checkHumanReadersTaxonomy } from '../run/human-readers.js';
import { runConfigOf, withAnswerDefaults } from '../run/run-config.js';
import { loadTaxonomy } from '../taxonomy/load-taxonomy.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { VERSION } from '../version.js';
import { checkOptions, classifyOptionsSchema } from './check-options.js';
import { reportsOf } from './reports-of.js';

/** The reader settings a caller sets (the rest of ReaderSettings are seams for tests and batch files). */
type PublicReaderSettings = Omit<ReaderSettings, 'taxonomy' | 'fetch' | 'resolve' | 'skipPreflight' | 'offline'>;

export interface ClassifyOptions extends PublicReaderSettings {
  /** The reports, or the path of a file or folder to read them from (JSONL, JSON, CSV, xlsx, .txt/.pdf folder). */
  input: Report[] | string;
  /** How to read `input` when it is a path (encoding, columns, sheet, skipInvalid; skipInvalid also for an array). */
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

/**
 * What a run reports while it works: ids, counts and endpoints, and in `prediction` the stored prediction, whose
 * evidence quotes are report text (keep logs of these events where the reports may be).
 */
export type ClassifyEvent =
  | { type: 'start'; readers: { id: string; remote: boolean }[]; reports: number }
  | { type: 'warning'; message: string }
  | { type: 'note'; message: string }
  | { type: 'translation'; reports: number; model: string }
  | { type: 'request'; endpoint: string; event: 'start' | 'end' }
  | { type: 'prediction'; prediction: Prediction; done: number; total: number };

export interface ClassifyResult {
  summary: RunSummary;
  /** Every prediction of the run folder, as in predictions.jsonl: all its readers and reports, also those of earlier calls. */
  predictions: Prediction[];
  /** Remarks for the user: an endpoint without the model, skipped records, fallbacks. */
  warnings: string[];
  reports: Report[];
  taxonomy: Taxonomy;
}

export async function classify(options: ClassifyOptions): Promise<ClassifyResult> {
  options.signal?.throwIfAborted();
  options.abandon?.throwIfAborted();
  checkOptions('classify', classifyOptionsSchema, options);
  // The caller's callback runs inside the run: its error must not be taken for a reader's failure nor escape
  // as an unhandled rejection, so it stops the run (as abandon would) and is rethrown at the end.
  const stop = new AbortController();
  const abandon = new AbortController();
  let callbackError: { error: unknown } | undefined;
  const emit = (event: ClassifyEvent) => {
    if (callbackError || !options.onProgress) return;
    try {
      options.onProgress(event);
    } catch (error) {
      callbackError = { error };
      stop.abort();
      abandon.abort();
    }
  };
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    emit({ type: 'warning', message });
  };
  const taxonomy = options.taxonomy ?? loadTaxonomy(undefined);
  const reports = await reportsOf(options.input, options.read, taxonomy, warn);
  // A folder where people already read (cmrdx read before classify) keeps their taxonomy.
  if (existsSync(options.out)) checkHumanReadersTaxonomy(options.out, taxonomy);

  // The OpenAI client reads OPENAI_API_KEY itself only when no key is given; the CLI and the library pass it alike.
  const settings = withAnswerDefaults({ ...options, taxonomy, apiKey: options.apiKey ?? process.env.OPENAI_API_KEY });
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
      stop: anySignal(stop.signal, options.signal),
      abandon: anySignal(abandon.signal, options.abandon),
      onPrediction: (prediction, progress) => emit({ type: 'prediction', prediction, ...progress }),
      onRequest: (endpoint, event) => emit({ type: 'request', endpoint, event }),
      onTranslationStart: (n) => emit({ type: 'translation', reports: n, model: built.translator?.id ?? '' }),
    });
    if (callbackError) throw callbackError.error;
    // The file as it is now; parsed when first asked for (the CLI never asks, and parsing is most of the cost).
    const file = readFileSync(join(options.out, PREDICTIONS_FILE), 'utf8');
    let predictions: Prediction[] | undefined;
    return {
      summary,
      get predictions() {
        return (predictions ??= file
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => JSON.parse(l) as Prediction));
      },
      // Still a plain field to the caller: it may replace the list (a getter alone would throw on assignment).
      set predictions(value: Prediction[]) {
        predictions = value;
      },
      warnings,
      reports,
      taxonomy,
    };
  } finally {
    for (const reader of built.readers) await reader.close?.();
    await built.translator?.close();
  }
}

const anySignal = (own: AbortSignal, caller?: AbortSignal): AbortSignal => (caller ? AbortSignal.any([own, caller]) : own);
