/**
 * What every check of one endpoint works with: the model at that endpoint's backend, the prompt, taxonomy and
 * generation settings classify would use, the reports of --input and the demo cohort for the smoke run, and the
 * texts sent so far (kept out of everything doctor prints).
 */
import type { Report } from '../report/report.js';
import type { Backend } from '../readers/backends/backend.js';
import type { AnswerMode } from '../readers/llm/answer-schema.js';
import { classifyMessages, contextWindow, createLlmReader, fittedBudget, outputBudget, type LlmReader, type ThinkSetting } from '../readers/llm/llm-reader.js';
import { estimateTokens, type PromptTemplate } from '../readers/llm/prompt.js';
import type { ReadTexts } from '../readers/llm/read-texts.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { SentTexts } from './safe-text.js';

/** How classify will ask: the reader's options as the flags give them (issue 13's answer modes, thinking, samples). */
export interface Generation {
  mode: AnswerMode;
  think: ThinkSetting;
  samples: number;
  temperature: number;
  seed: number;
  /** --max-tokens: the answer's budget; absent: the mode's default. */
  maxTokens?: number;
  answerRetries: number;
  /** --abstain: the model may give no category (the prompt shows when, the schema takes the abstentions). */
  abstain?: boolean;
}

/** The output budget of a request as classify sends it: the answer budget plus the thinking reserve. */
export const budgetOf = (g: Generation) => outputBudget(g.mode, g.maxTokens, g.think);

export interface DoctorTarget {
  /** The spec as written (`ollama:qwen2.5:32b`). */
  spec: string;
  /** The model's name at the server. */
  model: string;
  backend: Backend;
  /** The guarded fetch, for the few requests the Backend contract has no word for yet. */
  fetch: typeof fetch;
  taxonomy: Taxonomy;
  prompt: PromptTemplate;
  texts: ReadTexts;
  generation: Generation;
  /** The reports of --input. */
  input: Report[];
  /** The smoke run's reports (demo cohort, with labels) and their taxonomy. */
  smoke: { reports: Report[]; taxonomy: Taxonomy };
  sent: SentTexts;
  /** The model's context window as the server says (Ollama /api/show, vLLM max_model_len, llama.cpp's model). */
  modelContext?: number;
  /**
   * Ollama: the num_ctx doctor's own requests send, the one classify asks for most over the input; Ollama loads a
   * model again whenever num_ctx changes, so doctor must not make it switch back and forth.
   */
  contextTokens?: number;
}

/** classify's token estimate of a report's prompt, the output budget it sends with it, and its num_ctx for Ollama. */
export function promptSize(target: DoctorTarget, report: Report): { estimate: number; budget: number; numCtx: number } {
  const read = target.texts.textFor(report);
  const estimate = estimateTokens(classifyMessages(target.prompt, target.taxonomy, read, target.generation.mode, target.generation.abstain).map((m) => m.content).join('\n'));
  const budget = fittedBudget(estimate, budgetOf(target.generation).total, target.modelContext);
  return { estimate, budget, numCtx: contextWindow(estimate, budget, target.modelContext) };
}

/** The num_ctx classify asks Ollama for most often over the input (ties: the larger). */
export function commonContext(target: DoctorTarget): number {
  const counts = new Map<number, number>();
  for (const report of target.input) {
    const { numCtx } = promptSize(target, report);
    counts.set(numCtx, (counts.get(numCtx) ?? 0) + 1);
  }
  let best = contextWindow(0, budgetOf(target.generation).total, target.modelContext);
  let most = 0;
  for (const [numCtx, n] of counts) if (n > most || (n === most && numCtx > best)) [best, most] = [numCtx, n];
  return best;
}

/** The LLM reader classify would build for this model, on one backend (the target's, or a recording wrapper). */
export function readerFor(target: DoctorTarget, backend: Backend = target.backend, taxonomy = target.taxonomy, generation: Partial<Generation> = {}): LlmReader {
  return createLlmReader({
    id: target.spec,
    model: target.model,
    backends: [backend],
    taxonomy,
    prompt: target.prompt,
    textFor: (report) => {
      const read = target.texts.textFor(report);
      target.sent.add(read.text);
      return read;
    },
    ...target.generation,
    ...generation,
  });
}
