/**
 * `cmrdx classify <input> --model <spec> ... --out <dir>`: runs the readers over the reports into the run store
 * and writes <dir>/predictions.jsonl. Exit 1 when any prediction failed; 130 when interrupted (rerun resumes).
 * Ctrl-C once: no new requests, the ones in flight finish; twice: they are abandoned (and redone on resume).
 */
import { createHash } from 'node:crypto';
import { ConfigError } from '../../errors.js';
import { capacityCacheFile, measuredConcurrency } from '../../doctor/capacity-cache.js';
import { createReaders, type Readers } from '../../readers/create-reader.js';
import type { RunConfig } from '../../run/run-store.js';
import type { AnswerMode } from '../../readers/llm/answer-schema.js';
import type { ThinkSetting } from '../../readers/llm/llm-reader.js';
import type { ClassifyVersion } from '../../readers/llm/prompt.js';
import { runClassify, type RunSummary } from '../../run/run-classify.js';
import { createProgress } from '../../run/progress.js';
import type { Report } from '../../report/report.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { VERSION, type Context } from '../program.js';
import { loadInput, type InputFlags } from './input-options.js';

export interface ModelFlags {
  model: string[];
  ollamaUrl: string[];
  openaiUrl: string[];
  allowHost: string[];
  timeout: string;
  prompt?: string;
  translate?: string;
  withMeasurements?: boolean;
  temperature: string;
  seed: string;
  maxTokens?: string;
  answerRetries: string;
  promptVersion: string;
  answer: string;
  think: string;
  samples: string;
  threads?: string;
  logPrompts?: boolean;
}

export interface ClassifyFlags extends InputFlags, ModelFlags {
  out: string;
  fresh?: boolean;
  retryFailed?: boolean;
  quiet?: boolean;
  concurrency?: string;
  retries: string;
}

export const EXIT_INTERRUPTED = 130;

export function number(flag: string, value: string, { min = 0, integer = false } = {}): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
    throw new ConfigError(`${flag} ${value}: not a ${integer ? 'whole ' : ''}number >= ${min}`, { code: 'config.number', hint: `Write e.g. ${flag} ${Math.max(min, 1)}` });
  }
  return n;
}

/** The longest --timeout: timers hold at most 2^31-1 ms (24.8 days); a larger value would fire after 1 ms. */
export const MAX_TIMEOUT_SECONDS = 2_000_000;

/** `--timeout <seconds>` in milliseconds, checked against what timers allow. */
export function timeoutFlag(value: string): number {
  const seconds = number('--timeout', value, { min: 1 });
  if (seconds > MAX_TIMEOUT_SECONDS) {
    throw new ConfigError(`--timeout ${value}: more than ${MAX_TIMEOUT_SECONDS} seconds (about 23 days), the longest a timer can wait`, { code: 'config.number', hint: 'Write a shorter timeout, e.g. --timeout 3600 for an hour per request' });
  }
  return seconds * 1000;
}

/** `--think auto|on|off|<budget>`. */
export function thinkFlag(value: string): ThinkSetting {
  if (value === 'auto' || value === 'on' || value === 'off') return value;
  if (/^\d+$/.test(value) && Number(value) > 0) return Number(value);
  throw new ConfigError(`--think ${value}: not auto, on, off or a number of tokens`, { code: 'config.think', hint: 'Write --think off, --think on, or a thinking budget such as --think 2048' });
}

export async function classifyCommand(args: unknown[], ctx: Context): Promise<number> {
  const [input, flags] = args as [string, ClassifyFlags];
  const { reports, taxonomy } = await loadInput(input, flags, ctx.io);
  const summary = await classifyReports(reports, taxonomy, flags.model.length > 0 ? flags.model : ['rules'], flags, ctx);
  ctx.io.out(`${summary.predictionsFile}\n`);
  if (summary.interrupted) {
    ctx.io.err(`cmrdx: interrupted with ${summary.unfinished} (report, model) pair(s) left; run the same command again to resume\n`);
    return EXIT_INTERRUPTED;
  }
  return summary.failed > 0 ? 1 : 0;
}

/** The flags that decide what an LLM reader asks and how (classify, demo, batch export share them). */
export type AnswerFlags = Pick<ModelFlags, 'prompt' | 'promptVersion' | 'answer' | 'think' | 'samples' | 'temperature' | 'seed' | 'maxTokens' | 'answerRetries' | 'withMeasurements'>;

export function answerSettings(flags: AnswerFlags) {
  return {
    promptFile: flags.prompt,
    promptVersion: flags.promptVersion as ClassifyVersion,
    answer: flags.answer as AnswerMode,
    think: thinkFlag(flags.think),
    samples: number('--samples', flags.samples, { min: 1, integer: true }),
    temperature: number('--temperature', flags.temperature),
    seed: number('--seed', flags.seed, { integer: true }),
    maxTokens: flags.maxTokens === undefined ? undefined : number('--max-tokens', flags.maxTokens, { min: 1, integer: true }),
    answerRetries: number('--answer-retries', flags.answerRetries, { integer: true }),
    withMeasurements: flags.withMeasurements,
  };
}

/** The settings of the server flags (classify, demo, doctor): where the models are served, and how long to wait. */
export function serverSettings(flags: Pick<ModelFlags, 'ollamaUrl' | 'openaiUrl' | 'allowHost' | 'timeout' | 'threads'>) {
  return {
    ollamaUrls: flags.ollamaUrl,
    openaiUrls: flags.openaiUrl,
    allowHosts: flags.allowHost,
    timeoutMs: timeoutFlag(flags.timeout),
    threads: flags.threads ? number('--threads', flags.threads, { min: 1, integer: true }) : undefined,
    apiKey: process.env.OPENAI_API_KEY,
  };
}

/** What makes a run this run (the store refuses to mix another into it); batch export builds the same. */
export function runConfigOf(built: Readers, taxonomy: Taxonomy, settings: ReturnType<typeof answerSettings> & { translate?: string }): RunConfig {
  return {
    models: built.readers.map((r) => r.id),
    taxonomy: { name: taxonomy.name, version: taxonomy.version },
    promptVersion: built.promptVersion,
    options: {
      ...(built.readers.some((r) => r.endpoints)
        ? { temperature: settings.temperature, seed: settings.seed, maxTokens: settings.maxTokens ?? null, answer: settings.answer, think: settings.think, samples: settings.samples, translate: settings.translate ?? null, withMeasurements: Boolean(settings.withMeasurements) }
        : {}),
      // A taxonomy file edited under the same name and version still changes answers (rules: mappings, definitions).
      ...(taxonomy.source ? { taxonomyDigest: createHash('sha256').update(JSON.stringify(taxonomy.categories)).digest('hex').slice(0, 16) } : {}),
    },
  };
}

/** Builds the readers from the flags and runs them over the reports, with progress and Ctrl-C handling. */
export async function classifyReports(reports: Report[], taxonomy: Taxonomy, models: string[], flags: Omit<ClassifyFlags, keyof InputFlags>, ctx: Context): Promise<RunSummary> {
  const settings = {
    taxonomy,
    ...answerSettings(flags),
    ...serverSettings(flags),
    translate: flags.translate,
    // Report text goes to the log only when asked for.
    logPrompt: flags.logPrompts ? (id: string, messages: { role: string; content: string }[]) => ctx.io.err(`--- prompt for ${id}\n${messages.map((m) => `[${m.role}]\n${m.content}`).join('\n')}\n`) : undefined,
  };
  const concurrency = flags.concurrency ? number('--concurrency', flags.concurrency, { min: 1, integer: true }) : undefined;
  const retries = number('--retries', flags.retries, { integer: true });
  const built = await createReaders(models, settings);
  for (const warning of built.warnings) ctx.io.err(`cmrdx: warning: ${warning}\n`);
  // What cmrdx doctor measured for these endpoints and models, unless --concurrency says otherwise.
  const measured = concurrency === undefined && built.readers.some((r) => r.endpoints) ? measuredConcurrency(built.readers, { file: capacityCacheFile(), version: VERSION }) : undefined;
  if (!flags.quiet) for (const note of measured?.notes ?? []) ctx.io.err(`cmrdx: ${note}\n`);

  const stop = new AbortController();
  const abandon = new AbortController();
  let signals = 0;
  const onSignal = () => {
    signals++;
    if (signals === 1) {
      ctx.io.err('\ncmrdx: stopping: no new requests; waiting for the ones in flight (press Ctrl-C again to abandon them)\n');
      stop.abort();
    } else abandon.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const totals = Object.fromEntries(built.readers.map((r) => [r.id, reports.length]));
  const progress = createProgress({ totals, write: (t) => ctx.io.err(t), isTTY: ctx.io.isTTY, quiet: flags.quiet || built.readers.every((r) => !r.endpoints) });
  try {
    const summary = await runClassify({
      reports,
      readers: built.readers,
      translator: built.translator,
      texts: built.texts,
      outDir: flags.out,
      config: runConfigOf(built, taxonomy, settings),
      fresh: flags.fresh,
      retryFailed: flags.retryFailed,
      // Default: what cmrdx doctor measured; else the server's own slot count plus two queued requests, so a freed
      // slot never waits for the next request; 4 when the server does not say (Ollama, vLLM); 1 for llama.cpp in
      // this process.
      concurrency: (endpoint) => concurrency ?? measured?.byEndpoint.get(endpoint) ?? (endpoint === 'in-process' ? 1 : built.slots.has(endpoint) ? built.slots.get(endpoint)! + 2 : 4),
      retries,
      stop: stop.signal,
      abandon: abandon.signal,
      onPrediction: (p) => progress.tick(p),
      onRequest: (endpoint, event) => progress.request(endpoint, event),
      onTranslationStart: (n) => progress.note(`translating ${n} report(s) with ${built.translator?.id}`),
    });
    progress.stop();
    if (!flags.quiet) ctx.io.err(formatSummary(summary));
    return summary;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress.stop();
    for (const reader of built.readers) await reader.close?.();
    await built.translator?.close();
  }
}

export function formatSummary(summary: RunSummary): string {
  const lines = [
    `${summary.resumed ? 'resumed' : 'new'} run: ${summary.total - summary.unfinished} classified now, ${summary.skipped} already stored${summary.changed ? `, ${summary.changed} report(s) changed since their prediction and classified again` : ''}${summary.translated ? `, ${summary.translated} translated` : ''}${summary.interrupted ? ' (interrupted)' : ''}`,
    `${'model'.padEnd(28)}${'done'.padStart(8)}${'failed'.padStart(8)}${'median s'.padStart(10)}${'tokens in/out'.padStart(18)}`,
  ];
  for (const [model, s] of Object.entries(summary.perModel)) {
    const median = s.medianSeconds === null ? '–' : s.medianSeconds < 0.01 ? s.medianSeconds.toExponential(1) : s.medianSeconds.toFixed(2);
    lines.push(`${model.padEnd(28)}${String(s.done).padStart(8)}${String(s.failed).padStart(8)}${median.padStart(10)}${`${s.tokensIn}/${s.tokensOut}`.padStart(18)}`);
  }
  if (summary.failed > 0) lines.push(`${summary.failed} prediction(s) failed; they are in predictions.jsonl with their error (rerun with --retry-failed to try them again)`);
  return `${lines.join('\n')}\n`;
}
