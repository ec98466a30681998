/**
 * Prompts are versioned files (prompts/classify.v1.yaml, prompts/translate.v1.yaml, or the user's --prompt
 * file): a version, a system part and a user part with {{placeholders}}. The version goes into every prediction
 * and the run configuration, so answers from two prompts are never mixed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../../errors.js';
import type { ChatMessage } from '../backends/backend.js';

export interface PromptTemplate {
  version: string;
  system: string;
  user: string;
}

const promptSchema = z.object({ version: z.union([z.string(), z.number()]).transform(String).optional(), system: z.string().min(1), user: z.string().min(1) });

const BUILTIN = { classify: 'classify.v1.yaml', translate: 'translate.v1.yaml' } as const;

export function loadPrompt(kind: keyof typeof BUILTIN, file?: string): PromptTemplate {
  const path = file ?? new URL(`../../../prompts/${BUILTIN[kind]}`, import.meta.url);
  const label = file ?? BUILTIN[kind];
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
      hint: 'A prompt file is YAML with version, system and user (see prompts/classify.v1.yaml)',
    });
  }
  // A custom prompt without a version is versioned by its content, so editing it cannot silently mix runs.
  const version = parsed.version ?? `custom-${createHash('sha256').update(raw).digest('hex').slice(0, 8)}`;
  return { version, system: parsed.system, user: parsed.user };
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
