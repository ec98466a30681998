/**
 * The translation step of the study: the German narrative is translated to English by one model, once per
 * report, before the classifiers read it. Translations are cached in the run store by text hash, translation
 * model and prompt version, so every classifier model (and a resumed run) reuses them.
 */
import { AnswerError } from '../../errors.js';
import type { Backend } from '../backends/backend.js';
import { stripReasoning } from './parse-answer.js';
import { estimateTokens, renderPrompt, type PromptTemplate } from './prompt.js';

export interface Translator {
  readonly id: string;
  readonly endpoints: string[];
  readonly promptVersion: string;
  translate(text: string, options: { endpoint?: string; signal?: AbortSignal }): Promise<string>;
  close(): Promise<void>;
}

export function createTranslator(options: { id: string; model: string; backends: Backend[]; prompt: PromptTemplate; seed?: number }): Translator {
  const byEndpoint = new Map(options.backends.map((b) => [b.endpoint, b]));
  return {
    id: options.id,
    endpoints: options.backends.map((b) => b.endpoint),
    promptVersion: options.prompt.version,
    async translate(text, { endpoint, signal }) {
      const backend = (endpoint && byEndpoint.get(endpoint)) || options.backends[0]!;
      const messages = renderPrompt(options.prompt, { report: text });
      const promptTokens = estimateTokens(messages.map((m) => m.content).join('\n'));
      // An English translation is about as long as the German text; leave room for it. A translation the server
      // stopped at that budget is asked once more with twice the budget, then refused (never used cut off).
      let maxTokens = Math.max(256, Math.ceil(estimateTokens(text) * 1.5) + 128);
      for (let attempt = 0; ; attempt++) {
        const result = await backend.generate({
          model: options.model,
          messages,
          temperature: 0,
          seed: options.seed ?? 42,
          maxTokens,
          contextTokens: Math.max(2048, Math.ceil((promptTokens + maxTokens + 256) / 1024) * 1024),
          signal,
        });
        if (result.truncated && attempt === 0) {
          maxTokens *= 2;
          continue;
        }
        if (result.truncated) throw new AnswerError(`the translation stopped at the output budget of ${maxTokens} tokens, also when asked again with twice the budget`, { code: 'answer.truncated', raw: result.text.slice(0, 500) });
        const translation = stripReasoning(result.text).replace(/^```\w*\n?|```$/g, '').trim();
        if (translation === '') throw new AnswerError('the translation is empty', { code: 'answer.empty_translation', raw: result.text.slice(0, 500) });
        return translation;
      }
    },
    async close() {
      for (const b of options.backends) await b.close?.();
    },
  };
}
