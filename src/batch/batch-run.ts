/**
 * Batch runs on an inference engine that works offline (`vllm run-batch`, Ray Data LLM with the OpenAI
 * format): `exportBatch` writes one OpenAI Batch JSONL file per model with a request for every pending
 * (report, model) pair, the same prompt, schema and options classify would send; `importBatch` reads the
 * engine's output file back into the run store as predictions.
 *
 * The run folder is an ordinary classify run: the same run configuration (so a classify run and a batch never
 * mix), the reports and the predictions in run.sqlite, predictions.jsonl exported from it, and the run lock
 * held while either writes. The store also keeps what the batch needs to read its answers (meta `batch`: the
 * prompt and answer settings) and every request it exported (table `batch_requests`).
 *
 * Import stores each answer exactly once: a pair already answered is never written again, so importing a file
 * twice changes nothing; a request whose line failed, or that has no line in the file and nothing stored yet,
 * is a stored error (an answer in a later file replaces it). Any line that is not a vLLM output line, or belongs to another run, or
 * to a request this run never exported, refuses the whole file (exit 2) before anything is stored.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ConfigError, InputError, type ErrorRecord } from '../errors.js';
import type { Report } from '../report/report.js';
import { chatCompletionBody, resultOf } from '../readers/backends/openai-compatible/chat-completion.js';
import type { GenerateResult } from '../readers/backends/backend.js';
import { createReaders, type ReaderSettings } from '../readers/create-reader.js';
import type { AnswerMode } from '../readers/llm/answer-schema.js';
import { createLlmReader, textHash, type LlmReader, type ThinkSetting } from '../readers/llm/llm-reader.js';
import type { PromptTemplate } from '../readers/llm/prompt.js';
import { ReadTexts } from '../readers/llm/read-texts.js';
import { parseModelSpec } from '../readers/model-spec.js';
import type { Prediction } from '../readers/reader.js';
import { exportPredictions } from '../run/export-predictions.js';
import { ensureFolder, STORE_FILE } from '../run/run-classify.js';
import { acquireRunLock } from '../run/run-lock.js';
import { configHash, RunStore, type RunConfig } from '../run/run-store.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { writeAtomic } from '../util/write-atomic.js';
import { failureOf, outputLineSchema, parseCustomId, requestLine, type OutputLine } from './batch-file.js';

/** What `batch import` needs to read the answers as classify would (meta key `batch`). */
export interface BatchManifest {
  prompt: PromptTemplate;
  settings: { answer?: AnswerMode; abstain?: boolean; think?: ThinkSetting; samples?: number; temperature?: number; seed?: number; maxTokens?: number; withMeasurements?: boolean };
}

export interface ExportOptions {
  reports: Report[];
  taxonomy: Taxonomy;
  models: string[];
  settings: ReaderSettings;
  outDir: string;
  config(built: Awaited<ReturnType<typeof createReaders>>): RunConfig;
  fresh?: boolean;
  retryFailed?: boolean;
}

export interface ExportedFile {
  model: string;
  /** The model's name at the server: what `vllm run-batch --model` serves. */
  served: string;
  file: string;
  requests: number;
  reports: number;
}

/** A model's batch file name: `batch-<model>.jsonl`, the name made safe for any file system. */
export function batchFileName(model: string): string {
  return `batch-${model.replace(/^openai:/, '').replace(/[^A-Za-z0-9._-]+/g, '_')}.jsonl`;
}

function withRunLock<T>(dir: string, fn: (store: RunStore) => T): T {
  const storePath = join(dir, STORE_FILE);
  const lock = acquireRunLock(dir, () => RunStore.holder(storePath));
  let store: RunStore | undefined;
  try {
    store = RunStore.open(storePath);
    store.recordHolder({ pid: process.pid, startedAt: new Date().toISOString() });
    return fn(store);
  } finally {
    store?.close();
    lock.release();
  }
}

export async function exportBatch(options: ExportOptions): Promise<{ files: ExportedFile[]; run: string; alreadyStored: number; changed: number }> {
  const wrong = options.models.filter((m) => parseModelSpec(m).kind !== 'openai');
  if (wrong.length > 0 || options.models.length === 0) {
    throw new ConfigError(`batch export: ${wrong.length > 0 ? `--model ${wrong.join(', ')} is not an OpenAI-compatible model` : 'no --model given'}`, {
      code: 'config.batch_model',
      hint: 'Batch files are for OpenAI-compatible engines: name the model as vLLM serves it, e.g. --model openai:Qwen/Qwen2.5-32B-Instruct (classify runs the others live)',
    });
  }
  if (options.settings.translate) throw new ConfigError('batch export: --translate needs a live server', { code: 'config.batch_translate', hint: 'Translate with cmrdx classify, or leave out --translate' });
  const built = await createReaders(options.models, { ...options.settings, taxonomy: options.taxonomy, offline: true });
  const readers = built.readers as LlmReader[];
  const config = options.config(built);
  const run = configHash(config);
  ensureFolder(options.outDir);
  return withRunLock(options.outDir, (store) => {
    store.begin(config, options.fresh);
    const changed = store.dropChanged(new Map(options.reports.map((r) => [r.id, textHash(r.text)])), textHash);
    store.putReports(options.reports);
    const manifest: BatchManifest = { prompt: built.prompt!, settings: { answer: options.settings.answer, ...(options.settings.abstain ? { abstain: true } : {}), think: options.settings.think, samples: options.settings.samples, temperature: options.settings.temperature, seed: options.settings.seed, maxTokens: options.settings.maxTokens, withMeasurements: options.settings.withMeasurements } };
    store.setMeta('batch', manifest);
    const done = store.doneKeys(!options.retryFailed);
    let alreadyStored = 0;
    const files = readers.map((reader): ExportedFile => {
      const lines: string[] = [];
      const rows: Parameters<RunStore['putBatchRequests']>[0] = [];
      const file = join(options.outDir, batchFileName(reader.id));
      let reports = 0;
      for (const report of options.reports) {
        if (done.has(`${reader.id}\u0000${report.id}`)) {
          alreadyStored++;
          continue;
        }
        reports++;
        reader.plan(report).forEach((request, sample) => {
          const key = { run, model: reader.id, reportId: report.id, sample };
          const line = requestLine(key, chatCompletionBody(request));
          lines.push(line);
          rows.push({ customId: JSON.parse(line).custom_id as string, model: reader.id, reportId: report.id, sample, file: basename(file) });
        });
      }
      writeAtomic(file, lines.length > 0 ? `${lines.join('\n')}\n` : '');
      store.putBatchRequests(rows);
      return { model: reader.id, served: (parseModelSpec(reader.id) as { model: string }).model, file, requests: lines.length, reports };
    });
    exportPredictions(store, options.outDir, config.models);
    return { files, run, alreadyStored, changed };
  });
}

export interface ImportSummary {
  file: string;
  /** Pairs stored now with an answer, with an error (a failed line), or as missing (no line in the file). */
  answered: number;
  failed: number;
  missing: number;
  /** Pairs already stored (an answer, or the same error as now): left as they were. */
  unchanged: number;
  /**
   * Pairs of models this file has no line for at all, not stored yet: left pending, not missing. vLLM serves one
   * model per run, so each model's answers come in a file of their own.
   */
  pending: number;
  predictionsFile: string;
}

const noBatch = (dir: string) => new InputError({ file: dir }, 'no batch was exported into this folder', { code: 'input.no_batch', hint: `Write one first: cmrdx batch export <input> --model openai:<name> --out ${dir}` });

/** The file's lines, each checked; any bad line refuses the whole file, naming it. */
function readOutput(file: string, run: string, exported: Map<string, { model: string; reportId: string; sample: number }>): Map<string, OutputLine> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError({ file }, 'cannot read the batch output', { code: 'input.missing', hint: 'Give the file vllm run-batch wrote with -o' });
  }
  const lines = new Map<string, OutputLine & { lineNo: number }>();
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const where = { file, line: i + 1 };
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new InputError(where, 'not JSON', { code: 'input.batch_line', hint: 'Import the output file of vllm run-batch (-o), one JSON object per line' });
    }
    const parsed = outputLineSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InputError(where, `not a line of a vLLM batch output (${issue.path.join('.') || 'line'}: ${issue.message})`, { code: 'input.batch_line', hint: 'Import the output file of vllm run-batch (-o), not its input' });
    }
    const line = parsed.data;
    const key = parseCustomId(line.custom_id);
    if (!key) throw new InputError(where, `custom_id ${JSON.stringify(line.custom_id.slice(0, 80))} was not written by cmrdx batch export`, { code: 'input.batch_foreign', hint: 'Import the output of a batch exported with cmrdx batch export' });
    if (key.run !== run) {
      throw new InputError(where, `belongs to run ${key.run}, not to this folder's run ${run}`, { code: 'input.batch_other_run', hint: 'Import it into the folder its batch was exported into (cmrdx batch export ... --out <that folder>)' });
    }
    if (!exported.has(line.custom_id)) {
      throw new InputError(where, `answers ${key.model} on report ${key.reportId} (sample ${key.sample}), a request this run never exported`, { code: 'input.batch_unknown', hint: 'Export the batch again and run vLLM on the new file' });
    }
    const earlier = lines.get(line.custom_id);
    if (earlier) throw new InputError(where, `answers the same request as line ${earlier.lineNo} (${key.model}, report ${key.reportId})`, { code: 'input.batch_duplicate', hint: 'Import each output file once, not files joined together' });
    lines.set(line.custom_id, { ...line, lineNo: i + 1 });
  });
  return lines;
}

export function importBatch(options: { dir: string; file: string; taxonomy: Taxonomy }): ImportSummary {
  if (!existsSync(join(options.dir, STORE_FILE))) throw noBatch(options.dir);
  return withRunLock(options.dir, (store) => {
    const config = store.config();
    const manifest = store.meta<BatchManifest>('batch');
    if (!config || !manifest) throw noBatch(options.dir);
    if (config.taxonomy.name !== options.taxonomy.name || config.taxonomy.version !== options.taxonomy.version) {
      throw new ConfigError(`${options.dir}: the batch was exported with taxonomy ${config.taxonomy.name} v${config.taxonomy.version}`, { code: 'config.taxonomy', hint: 'Import with the same --taxonomy as the export' });
    }
    const run = configHash(config);
    const requests = store.batchRequests();
    const exported = new Map(requests.map((r) => [r.customId, r]));
    const lines = readOutput(options.file, run, exported);

    const reports = store.reports();
    const seq = new Map(reports.map((r, i) => [r.id, i]));
    const byId = new Map(reports.map((r) => [r.id, r]));
    const texts = new ReadTexts({ withMeasurements: manifest.settings.withMeasurements });
    const readers = new Map<string, LlmReader>();
    const readerFor = (model: string) => {
      let reader = readers.get(model);
      if (!reader) {
        const spec = parseModelSpec(model) as { model: string };
        reader = createLlmReader({ id: model, model: spec.model, backends: [], taxonomy: options.taxonomy, prompt: manifest.prompt, textFor: (r) => texts.textFor(r), mode: manifest.settings.answer, abstain: manifest.settings.abstain, temperature: manifest.settings.temperature, seed: manifest.settings.seed, maxTokens: manifest.settings.maxTokens, think: manifest.settings.think, samples: manifest.settings.samples });
        readers.set(model, reader);
      }
      return reader;
    };

    // The requests of each pair (model, report), in sample order.
    const pairs = new Map<string, typeof requests>();
    for (const r of requests) {
      const key = `${r.model}\u0000${r.reportId}`;
      pairs.set(key, [...(pairs.get(key) ?? []), r].sort((a, b) => a.sample - b.sample));
    }
    const summary = { answered: 0, failed: 0, missing: 0, unchanged: 0, pending: 0 };
    const modelsInFile = new Set<string>();
    for (const id of lines.keys()) {
      const request = exported.get(id);
      if (request) modelsInFile.add(request.model);
    }
    // A file that answers nothing (vLLM stopped before its first line) says nothing about any request: refused, so
    // it is neither taken for another model's file nor stored as every request missing.
    if (modelsInFile.size === 0) {
      throw new InputError({ file: options.file }, 'has no answer to any request of this run', {
        code: 'input.batch_empty',
        hint: 'Give the file vllm run-batch wrote with -o once it has finished; nothing was stored',
      });
    }
    const writes: { prediction: Prediction; seq: number; textHash: string }[] = [];
    const where = basename(options.file);
    for (const [, samples] of pairs) {
      const { model, reportId } = samples[0]!;
      const report = byId.get(reportId);
      const stored = store.storedError(reportId, model);
      if (!report || stored === null) {
        summary.unchanged++;
        continue;
      }
      if (!modelsInFile.has(model) && stored === undefined) {
        summary.pending++;
        continue;
      }
      const found = samples.map((s) => lines.get(s.customId));
      // Not in this file but stored already (an error from an earlier file): that error stands.
      if (found.every((l) => l === undefined) && stored !== undefined) {
        summary.unchanged++;
        continue;
      }
      let prediction: Prediction;
      if (found.every((l) => l === undefined)) {
        prediction = { id: reportId, model, category: null, evidence: [], seconds: 0, error: { type: 'InputError', code: 'batch.missing', message: `${where} has no line for this request: the engine did not answer it. Export the batch again (cmrdx batch export) to ask for it` }, details: { endpoint: 'batch' } };
      } else {
        const results = found.map((l): GenerateResult | ErrorRecord => {
          if (!l) return { type: 'InputError', code: 'batch.missing', message: `${where} has no line for this sample` };
          const failure = failureOf(l, () => readerFor(model).plan(report).flatMap((r) => r.messages.map((m) => m.content)));
          return failure === null ? { ...resultOf(l.response!.body), warnings: [] } : { type: 'BackendError', code: 'batch.failed', message: `the batch engine failed this request (${failure})` };
        });
        prediction = readerFor(model).fromResults(report, results, 0);
        prediction.details = { ...prediction.details, batch: { file: where, requestIds: found.map((l) => l?.response?.request_id ?? null) } };
      }
      // The same error as stored: nothing new to say (importing a file twice changes nothing).
      if (stored && prediction.error?.code === stored.code) {
        summary.unchanged++;
        continue;
      }
      if (prediction.error === null) summary.answered++;
      else if (prediction.error.code === 'batch.missing') summary.missing++;
      else summary.failed++;
      writes.push({ prediction, seq: seq.get(reportId)!, textHash: textHash(report.text) });
    }
    store.putMany(writes);
    const predictionsFile = exportPredictions(store, options.dir, config.models);
    return { file: options.file, ...summary, predictionsFile };
  });
}
