/**
 * An LLM as a reader: build the study's prompt for one report, ask a backend for a schema-constrained answer,
 * parse leniently and validate strictly, retry a bad answer a bounded number of times (telling the model what
 * was wrong), then ground the quotes in the text it read. A bad answer after the retries is an error prediction,
 * and so is an answer the server stopped at the output budget (never taken as complete); a transport failure is
 * thrown as a BackendError so the scheduler can retry it or another endpoint can.
 */
import { createHash } from 'node:crypto';
import { AnswerError, BackendError, toErrorRecord } from '../../errors.js';
import type { Report } from '../../report/report.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import type { Backend, ChatMessage, GenerateResult } from '../backends/backend.js';
import type { ClassifyOptions, Prediction, Reader } from '../reader.js';
import { alignEvidence } from './align-evidence.js';
import { answerJsonSchema } from './answer-schema.js';
import { parseAnswer } from './parse-answer.js';
import { estimateTokens, renderPrompt, type PromptTemplate } from './prompt.js';

/** The text a model reads for a report, and what it is. */
export interface ReadText {
  text: string;
  /** `narrative` (the report's findings and assessment), `full` (no narrative found), or `translation`. */
  source: 'narrative' | 'full' | 'translation';
  translationModel?: string;
  measurements?: string;
}

export interface LlmReaderOptions {
  /** The spec as the user wrote it, e.g. `ollama:qwen2.5:32b`; predictions carry it as `model`. */
  id: string;
  /** The model's name at the server (`qwen2.5:32b`). */
  model: string;
  /** One backend per endpoint; the scheduler says which to use. */
  backends: Backend[];
  taxonomy: Taxonomy;
  prompt: PromptTemplate;
  textFor(report: Report): ReadText;
  temperature?: number;
  seed?: number;
  maxTokens?: number;
  /** How often a schema-invalid answer is asked again. */
  answerRetries?: number;
  /** Called with the full prompt of each request when --log-prompts is given (report text in logs is opt-in). */
  logPrompt?(reportId: string, messages: ChatMessage[]): void;
}

export interface LlmReader extends Reader {
  readonly endpoints: string[];
}

export const DEFAULTS = { temperature: 0, seed: 42, maxTokens: 512, answerRetries: 2 };

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function createLlmReader(options: LlmReaderOptions): LlmReader {
  const temperature = options.temperature ?? DEFAULTS.temperature;
  const seed = options.seed ?? DEFAULTS.seed;
  const maxTokens = options.maxTokens ?? DEFAULTS.maxTokens;
  const answerRetries = options.answerRetries ?? DEFAULTS.answerRetries;
  const schema = answerJsonSchema(options.taxonomy);
  const categories = options.taxonomy.categories.map((c) => `- ${c.id}: ${c.name}. ${c.definition}`).join('\n');
  const ids = options.taxonomy.categories.map((c) => c.id).join(', ');
  const byEndpoint = new Map(options.backends.map((b) => [b.endpoint, b]));

  return {
    id: options.id,
    endpoints: options.backends.map((b) => b.endpoint),

    async classify(report: Report, classifyOptions: ClassifyOptions = {}): Promise<Prediction> {
      const started = performance.now();
      const backend = (classifyOptions.endpoint && byEndpoint.get(classifyOptions.endpoint)) || options.backends[0]!;
      const read = options.textFor(report);
      const messages = renderPrompt(options.prompt, { categories, ids, report: read.text, measurements: read.measurements ?? '' });
      options.logPrompt?.(report.id, messages);
      const details: Record<string, unknown> = {
        endpoint: backend.endpoint,
        read: read.source,
        ...(read.translationModel ? { translationModel: read.translationModel } : {}),
        textHash: textHash(read.text),
        promptVersion: options.prompt.version,
        options: { temperature, seed, maxTokens },
      };
      const base = { id: report.id, model: options.id };
      const seconds = () => (performance.now() - started) / 1000;

      // Ask for a context window that fits prompt and answer; refuse (never cut) a prompt that does not fit.
      const promptTokens = estimateTokens(messages.map((m) => m.content).join('\n'));
      const modelContext = await backend.contextLength?.(options.model).catch(() => undefined);
      const contextFor = (budget: number, floor = 0) => {
        const wanted = Math.max(2048, floor, Math.ceil((promptTokens + budget + 256) / 1024) * 1024);
        return modelContext ? Math.min(wanted, modelContext) : wanted;
      };
      const failed = (error: unknown): Prediction => ({ ...base, category: null, evidence: [], seconds: seconds(), error: toErrorRecord(error), details });
      if (modelContext && promptTokens + maxTokens > modelContext) {
        return failed(new BackendError(`the prompt (about ${promptTokens} tokens) and answer do not fit the model's context of ${modelContext} tokens`, { code: 'backend.context_overflow', isRetryable: false, hint: 'Use a model with a longer context' }));
      }
      let budget = maxTokens;
      let contextTokens = contextFor(budget);
      details.options = { temperature, seed, maxTokens, contextTokens };

      const usage = { promptTokens: 0, outputTokens: 0 };
      const timings: GenerateResult['timings'][] = [];
      const warnings = new Set<string>();
      let conversation = messages;
      let lastError: AnswerError | undefined;
      // An answer cut at the output budget is asked once more with twice the budget, and a prompt the server cut
      // at the context window once more with twice the window; neither counts as an answer retry.
      let lengthRetried = false;
      let contextRetried = false;
      let requests = 0;
      for (let attempt = 0; attempt <= answerRetries; ) {
        let result: GenerateResult;
        requests++;
        try {
          result = await backend.generate({ model: options.model, messages: conversation, schema, temperature, seed: seed + attempt, maxTokens: budget, contextTokens, signal: classifyOptions.signal });
        } catch (error) {
          if (!(BackendError.isInstance(error) && (error as BackendError).code === 'backend.context_overflow')) throw error;
          const larger = contextFor(budget, contextTokens * 2);
          if (contextRetried || larger <= contextTokens) return failed(error);
          contextRetried = true;
          contextTokens = larger;
          details.options = { temperature, seed, maxTokens, contextTokens };
          continue;
        }
        usage.promptTokens += result.usage.promptTokens ?? 0;
        usage.outputTokens += result.usage.outputTokens ?? 0;
        timings.push(result.timings);
        for (const w of result.warnings) warnings.add(w);
        details.usage = usage;
        details.timings = timings;
        details.answerAttempts = requests;
        if (warnings.size > 0) details.warnings = [...warnings];
        details.rawAnswer = result.text.slice(0, 4000);
        if (result.thinking) details.thinkingChars = result.thinking.length;
        if (result.truncated) {
          if (!lengthRetried) {
            lengthRetried = true;
            budget *= 2;
            contextTokens = Math.max(contextTokens, contextFor(budget));
            details.outputBudget = budget;
            continue;
          }
          return failed(
            new AnswerError(`the answer stopped at the output budget of ${budget} tokens (the server's length stop), also when asked again with twice the budget`, {
              code: 'answer.truncated',
              raw: result.text.slice(0, 2000),
              hint: `Raise --max-tokens (now ${maxTokens}), or use a prompt that asks for a shorter answer`,
            }),
          );
        }
        try {
          const answer = parseAnswer(result.text, options.taxonomy);
          if (answer.rationale) details.rationale = answer.rationale;
          if (read.source === 'translation') details.evidenceIn = 'translation';
          // Quotes from the original are placed in the report itself (spans into report.text); quotes from a
          // translation can only be placed in the translation.
          const alignedIn = read.source === 'translation' ? read.text : report.text;
          return { ...base, category: answer.category, evidence: alignEvidence(alignedIn, answer.evidence), seconds: seconds(), error: null, details };
        } catch (error) {
          if (!(error instanceof AnswerError)) throw error;
          lastError = error;
          // Ask again, saying what was wrong; a different seed so a deterministic model can answer differently.
          conversation = [
            ...messages,
            { role: 'assistant', content: result.text.slice(0, 2000) },
            { role: 'user', content: `That answer was not valid: ${lastError.message}. Reply with only the JSON object {"category": ..., "evidence": [...], "rationale": ...}; category is one of ${ids}.` },
          ];
          attempt++;
        }
      }
      return failed(lastError);
    },

    async close() {
      for (const backend of options.backends) await backend.close?.();
    },
  };
}
