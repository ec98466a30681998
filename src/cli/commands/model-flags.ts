/**
 * The flags of commands that run readers (classify, demo, doctor, batch export), turned into the library's typed
 * settings. Every wrong value is a one-line error naming the flag and an example, exit 2.
 */
import { ConfigError } from '../../errors.js';
import type { AnswerMode } from '../../readers/llm/answer-schema.js';
import type { ThinkSetting } from '../../readers/llm/llm-reader.js';
import type { ClassifyVersion } from '../../readers/llm/prompt.js';

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
  abstain?: boolean;
  think: string;
  samples: string;
  threads?: string;
  logPrompts?: boolean;
}

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

/** The flags that decide what an LLM reader asks and how (classify, demo, batch export share them). */
export type AnswerFlags = Pick<ModelFlags, 'prompt' | 'promptVersion' | 'answer' | 'abstain' | 'think' | 'samples' | 'temperature' | 'seed' | 'maxTokens' | 'answerRetries' | 'withMeasurements'>;

export function answerSettings(flags: AnswerFlags) {
  return {
    promptFile: flags.prompt,
    promptVersion: flags.promptVersion as ClassifyVersion,
    answer: flags.answer as AnswerMode,
    abstain: flags.abstain,
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
