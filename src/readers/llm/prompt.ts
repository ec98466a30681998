/**
 * Prompts are versioned files (prompts/classify.v2.yaml, the default, and classify.v1.yaml, the study's original,
 * chosen with --prompt-version; prompts/translate.v1.yaml; or the user's --prompt file): a version, a system part
 * and a user part with {{placeholders}}, and for classification the order of the answer's properties
 * (`answerOrder`). The version goes into every prediction and the run configuration, so answers from two
 * prompts are never mixed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseYaml } from '../../util/parse-yaml.js';
import { z } from 'zod';
import { ConfigError } from '../../errors.js';
import type { ChatMessage } from '../backends/backend.js';
import { ANSWER_ORDERS, type AnswerMode, type AnswerOrder } from './answer-schema.js';

export interface PromptTemplate {
  version: string;
  system: string;
  user: string;
  /** The answer's property order the prompt asks for (classification prompts; default evidence-first). */
  answerOrder: AnswerOrder;
  /** The answer modes the prompt can ask for: `category` needs a {{#categoryMode}} block. */
  modes: AnswerMode[];
  /** Whether the prompt can offer answers that give no category (--abstain): it has an {{#abstain}} block. */
  abstains: boolean;
}

const promptSchema = z.object({
  version: z.union([z.string(), z.number()]).transform(String).optional(),
  answerOrder: z.enum(ANSWER_ORDERS as [AnswerOrder, ...AnswerOrder[]]).optional(),
  system: z.string().min(1),
  user: z.string().min(1),
});

/** The built-in classification prompts (`--prompt-version`). */
export const CLASSIFY_VERSIONS = ['v1', 'v2'] as const;
export type ClassifyVersion = (typeof CLASSIFY_VERSIONS)[number];
export const DEFAULT_CLASSIFY_VERSION: ClassifyVersion = 'v2';

const BUILTIN = { classify: 'classify.{v}.yaml', translate: 'translate.v1.yaml' } as const;

/**
 * @param file the user's prompt file (--prompt); it wins over `version`.
 * @param version the built-in classification prompt (--prompt-version).
 */
export function loadPrompt(kind: keyof typeof BUILTIN, file?: string, version: ClassifyVersion = DEFAULT_CLASSIFY_VERSION): PromptTemplate {
  if (!CLASSIFY_VERSIONS.includes(version)) {
    throw new ConfigError(`--prompt-version ${String(version)}: no such built-in prompt`, { code: 'config.prompt_version', hint: `Use one of ${CLASSIFY_VERSIONS.join(', ')}, or --prompt <file>` });
  }
  const builtin = BUILTIN[kind].replace('{v}', version);
  const path = file ?? new URL(`../../../prompts/${builtin}`, import.meta.url);
  const label = file ?? builtin;
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError(`--prompt ${label}: cannot read the file`, { code: 'config.prompt_missing', hint: 'Check the path, or leave out --prompt to use the built-in prompt' });
  }
  let parsed: z.infer<typeof promptSchema>;
  try {
    parsed = promptSchema.parse(parseYaml(raw));
  } catch (error) {
    throw new ConfigError(`--prompt ${label}: not a prompt file (${(error as Error).message.split('\n')[0]})`, {
      code: 'config.prompt_invalid',
      hint: 'A prompt file is YAML with version, answerOrder, system and user (see prompts/classify.v2.yaml)',
    });
  }
  // A custom prompt without a version is versioned by its content, so editing it cannot silently mix runs.
  const promptVersion = parsed.version ?? `custom-${createHash('sha256').update(raw).digest('hex').slice(0, 8)}`;
  const modes: AnswerMode[] = /\{\{#categoryMode\}\}/.test(parsed.system + parsed.user) ? ['evidence', 'category'] : ['evidence'];
  const abstains = /\{\{#abstain\}\}/.test(parsed.system + parsed.user);
  return { version: promptVersion, system: parsed.system, user: parsed.user, answerOrder: parsed.answerOrder ?? 'evidence-first', modes, abstains };
}

/** Fills {{name}} and keeps {{#name}}...{{/name}} blocks only when the value is not empty. */
export function fill(template: string, values: Record<string, string>): string {
  return template
    .replace(/\{\{#(\w+)\}\}([\s\S]*?)\{\{\/\1\}\}\n?/g, (_, name: string, body: string) => (values[name] ? body : ''))
    .replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '')
    .trim();
}

export function renderPrompt(template: PromptTemplate, values: Record<string, string>): ChatMessage[] {
  return [
    { role: 'system', content: fill(template.system, values) },
    { role: 'user', content: fill(template.user, values) },
  ];
}

/**
 * A conservative token estimate (about three characters per token for German clinical text in Llama/Qwen
 * tokenizers; English needs fewer). Overestimating only asks for a larger context window.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3);
}
