/**
 * The library's own checks of its options, so a script gets the same one-line ConfigError the CLI gives for a
 * wrong flag (the CLI has already checked its flags under their names; these name the option). Without them a
 * `concurrency: NaN` hangs a run and `samples: 0` stores every prediction as failed.
 */
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { CLASSIFY_VERSIONS } from '../readers/llm/prompt.js';
import { DIFFICULTIES, LABELS } from '../synth/sample-case.js';

/** Timers hold at most 2^31-1 ms; a larger timeout fires after 1 ms. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

const whole = (min: number, max = Number.MAX_SAFE_INTEGER) => {
  const message = max < Number.MAX_SAFE_INTEGER ? `not a whole number from ${min} to ${max}` : `not a whole number >= ${min}`;
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
};
const atLeastZero = z.number({ error: 'not a number >= 0' }).min(0, { error: 'not a number >= 0' });
const strings = z.array(z.string({ error: 'not a list of strings' }), { error: 'not a list of strings' });
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `not one of ${values.join(', ')}` });

/** What createReaders takes from a caller: the answer and server settings of classify and doctor. */
export const readerSettingsSchema = z.looseObject({
  promptFile: z.string({ error: 'not a file path' }).optional(),
  promptVersion: oneOf(CLASSIFY_VERSIONS).optional(),
  answer: oneOf(['evidence', 'category']).optional(),
  abstain: z.boolean({ error: 'not true or false' }).optional(),
  think: z.union([oneOf(['auto', 'on', 'off']), whole(1)], { error: 'not auto, on, off or a number of thinking tokens' }).optional(),
  samples: whole(1).optional(),
  ollamaUrls: strings.optional(),
  openaiUrls: strings.optional(),
  allowHosts: strings.optional(),
  timeoutMs: whole(1, MAX_TIMEOUT_MS).optional(),
  temperature: atLeastZero.optional(),
  seed: whole(Number.MIN_SAFE_INTEGER).optional(),
  maxTokens: whole(1).optional(),
  answerRetries: whole(0).optional(),
  threads: whole(1).optional(),
  translate: z.string({ error: 'not a model spec' }).optional(),
});

export const classifyOptionsSchema = readerSettingsSchema.extend({
  input: z.union([z.string(), z.array(z.unknown())], { error: 'not a path or an array of reports' }),
  out: z.string({ error: 'not a folder path' }).min(1, { error: 'an empty path' }),
  models: strings.optional(),
  concurrency: whole(1).optional(),
  retries: whole(0).optional(),
});

export const evaluateOptionsSchema = z.looseObject({
  dir: z.string({ error: 'not a folder path' }).min(1, { error: 'an empty path' }),
  seed: whole(Number.MIN_SAFE_INTEGER).optional(),
  // Fewer resamples than this give intervals that only look like intervals.
  resamples: whole(100).optional(),
});

export const consensusOptionsSchema = z
  .looseObject({
    dir: z.string({ error: 'not a folder path' }).min(1, { error: 'an empty path' }),
    models: strings.optional(),
    top: whole(2).optional(),
    minAgree: whole(1).optional(),
    // Its range is checked where the review list is sized (review-sizing.ts).
    targetAccuracy: z.number({ error: 'not a number' }).optional(),
    calibrationDir: z.string().optional(),
  })
  .refine((o) => (o.models === undefined) !== (o.top === undefined), { error: 'give either models or top, not both or neither', path: ['models'] })
  .refine((o) => o.calibrationDir === undefined || o.targetAccuracy !== undefined, { error: 'calibrationDir is used only with targetAccuracy', path: ['calibrationDir'] });

export const synthOptionsSchema = z.looseObject({
  n: whole(1).optional(),
  seed: z.union([z.string(), z.number()], { error: 'not a string or number' }),
  lang: oneOf(['de', 'en']).optional(),
  mix: z.partialRecord(oneOf(LABELS as [string, ...string[]]), whole(0), { error: `not counts per category (${LABELS.join(', ')})` }).optional(),
  difficulty: z.partialRecord(oneOf(DIFFICULTIES as [string, ...string[]]), atLeastZero, { error: `not weights per difficulty (${DIFFICULTIES.join(', ')})` }).optional(),
});

/** The options as given, or a ConfigError naming the first wrong one, what it is and what it must be. */
export function checkOptions<T>(fn: string, schema: z.ZodType, options: T): T {
  const result = schema.safeParse(options);
  if (result.success) return options;
  const issue = result.error.issues[0]!;
  const name = issue.path.map(String).join('.') || 'options';
  throw new ConfigError(`${fn}(): ${name} ${shown(valueAt(options, issue.path))}: ${issue.message}`, { code: 'config.option', hint: `Correct the ${name} option of ${fn}()` });
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  let at = value;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return at;
}

/** A short rendering of a wrong value: settings are numbers and names, but an array may be reports (never shown). */
function shown(value: unknown): string {
  if (Array.isArray(value)) return `(a list of ${value.length})`;
  if (typeof value === 'string') return value.length > 40 ? '(a long string)' : JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  return '(an object)';
}
