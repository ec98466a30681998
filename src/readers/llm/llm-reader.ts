/**
 * An LLM as a reader: build the study's prompt for one report, ask a backend for a schema-constrained answer,
 * parse leniently and validate strictly, retry a bad answer a bounded number of times (telling the model what
 * was wrong), then ground the quotes in the text it read. A bad answer after the retries is an error prediction,
 * and so is an answer the server stopped at the output budget (never taken as complete); a transport failure is
 * thrown as a BackendError so the scheduler can retry it or another endpoint can.
 *
 * The answer has a mode (`--answer evidence|category`) and the prompt's property order; the output budget is
 * the mode's answer budget plus a reserve for thinking (`--think`). Every prediction records its tokens in and
 * out (thinking where the server says), the stop reason, and its confidence: the category's probability from
 * the answer's token logprobs when the server gives them, or with `--samples k` the agreement of k answers.
 * `plan` and `fromResults` are the same steps for a batch file: the requests one report needs, and the
 * prediction from their results.
 */
import { createHash } from 'node:crypto';
import { AnswerError, BackendError, ConfigError, toErrorRecord, type ErrorRecord } from '../../errors.js';
import type { Report } from '../../report/report.js';
import { labelKey, UNCLASSIFIED, UNCLASSIFIED_REASON_TEXT, type Taxonomy, type UnclassifiedReason } from '../../taxonomy/taxonomy.js';
import type { Backend, ChatMessage, GenerateRequest, GenerateResult } from '../backends/backend.js';
import type { Confidence } from '../confidence.js';
import type { ClassifyOptions, Prediction, Reader } from '../reader.js';
import { alignEvidence } from './align-evidence.js';
import { ABSTENTION_PREFIX, ABSTENTIONS, abstentionReason, answerJsonSchema, answerValues, categoryObjectSchema, describeShape, type Answer, type AnswerMode, type AnswerShape } from './answer-schema.js';
import { logprobConfidence } from './logprob-confidence.js';
import { parseAnswer } from './parse-answer.js';
import { estimateTokens, renderPrompt, type PromptTemplate } from './prompt.js';
import { combineSamples } from './sample-votes.js';

/** The text a model reads for a report, and what it is. */
export interface ReadText {
  text: string;
  /** `narrative` (the report's findings and assessment), `full` (no narrative found), or `translation`. */
  source: 'narrative' | 'full' | 'translation';
  translationModel?: string;
  measurements?: string;
}

/** `--think`: the model's default (auto), thinking on or off, or on with a token budget. */
export type ThinkSetting = 'auto' | 'on' | 'off' | number;

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
  /** `--answer`: the full grounded answer (default) or the category alone. */
  mode?: AnswerMode;
  /** `--abstain`: the model may give no category, with a reason (not a CMR report, non-diagnostic exam, ...). */
  abstain?: boolean;
  temperature?: number;
  seed?: number;
  /** The answer's token budget; default per mode (DEFAULTS.answerTokens). The thinking reserve comes on top. */
  maxTokens?: number;
  think?: ThinkSetting;
  /** Self-consistency: this many answers per report at `temperature` (default 1). */
  samples?: number;
  /** Ask for token logprobs (default true; servers that have none answer without). */
  logprobs?: boolean;
  /** How often a schema-invalid answer is asked again. */
  answerRetries?: number;
  /** Called with the full prompt of each request when --log-prompts is given (report text in logs is opt-in). */
  logPrompt?(reportId: string, messages: ChatMessage[]): void;
}

export interface LlmReader extends Reader {
  readonly endpoints: string[];
  /** What one report needs from a server: one request per sample. */
  plan(report: Report): GenerateRequest[];
  /** The prediction from the results of `plan(report).requests`, in order (an error record for a failed request). */
  fromResults(report: Report, results: (GenerateResult | ErrorRecord)[], seconds: number): Prediction;
}

/** A model's "no category" as a prediction's `unclassified`. */
const modelUnclassified = (reason: UnclassifiedReason) => ({ reason, message: `the model gave no category: ${UNCLASSIFIED_REASON_TEXT[reason]}` });

export const DEFAULTS = {
  temperature: 0,
  seed: 42,
  answerRetries: 2,
  /** Answer budgets: five quotes of up to 400 characters and a rationale fit in 1,024 tokens; an id in 16. */
  answerTokens: { evidence: 1024, category: 16 } as Record<AnswerMode, number>,
  /** Tokens set aside for a reasoning model's thinking unless --think off (or a budget) says otherwise. */
  thinkingReserve: 2048,
};

/** Seeds of sample s: far apart, so the answer retries of one sample never reuse another sample's seed. */
const SAMPLE_SEED_STRIDE = 1000;

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The thinking part of the output budget, and what the backend is told. */
export function thinkingOf(think: ThinkSetting): { tokens: number; request: GenerateRequest['think'] } {
  if (think === 'off') return { tokens: 0, request: false };
  if (typeof think === 'number') return { tokens: think, request: think };
  return { tokens: DEFAULTS.thinkingReserve, request: think === 'on' ? true : undefined };
}

/** When each answer that gives no category applies, in the prompt's words (--abstain). */
const ABSTENTION_WHEN: Record<UnclassifiedReason, string> = {
  not_cmr: 'the text is not a cardiac MRI report',
  non_diagnostic: 'the examination was aborted or is non-diagnostic',
  no_findings: 'the report states no findings that could be judged',
  outside_taxonomy: 'the findings show a diagnosis that none of the categories above takes',
};
/** The prompt's {{abstentions}}: the same for every report and taxonomy. */
const ABSTENTION_LINES = ABSTENTIONS.map((value) => `- ${value}: ${ABSTENTION_WHEN[abstentionReason(value)!]}`).join('\n');

/** The messages of a classify request for one report: the prompt filled with the taxonomy, the mode and the text read. */
export function classifyMessages(prompt: PromptTemplate, taxonomy: Taxonomy, read: ReadText, mode: AnswerMode = 'evidence', abstain = false): ChatMessage[] {
  const categories = taxonomy.categories.map((c) => `- ${c.id}: ${c.name}. ${c.definition}`).join('\n');
  const ids = taxonomy.categories.map((c) => c.id).join(', ');
  return renderPrompt(prompt, {
    categories,
    ids,
    report: read.text,
    measurements: read.measurements ?? '',
    ...(mode === 'category' ? { categoryMode: 'yes' } : { evidenceMode: 'yes' }),
    ...(abstain ? { abstain: 'yes', abstentions: ABSTENTION_LINES } : {}),
  });
}

/**
 * The context window to ask for: room for the prompt, the output budget and a margin, rounded up to a power of
 * two (at least 2,048 and `floor`), never more than the model's own context when the server says it.
 */
export function contextWindow(promptTokens: number, budget: number, modelContext: number | undefined, floor = 0): number {
  // A power of two, so most reports of a cohort ask for the same window: Ollama loads the model again whenever
  // num_ctx changes (ollama/ollama#9977), and a window per 1,024 tokens made it reload between reports.
  const wanted = Math.max(2048, floor, 2 ** Math.ceil(Math.log2(promptTokens + budget + 256)));
  return modelContext ? Math.min(wanted, modelContext) : wanted;
}

/**
 * The output budget a request is sent with: the whole budget, but the thinking reserve only as far as the model's
 * context leaves room for it (a model that does not think, or a small one, must not be refused for a reserve it
 * never uses). The answer's own budget always fits: a prompt that leaves no room for it is refused before.
 */
export function fittedBudget(promptTokens: number, budget: number, modelContext: number | undefined): number {
  return modelContext ? Math.min(budget, modelContext - promptTokens) : budget;
}

/** The output budget of one request: the mode's answer budget (or --max-tokens) plus the thinking reserve. */
export function outputBudget(mode: AnswerMode, maxTokens: number | undefined, think: ThinkSetting): { answerTokens: number; thinkingTokens: number; total: number } {
  const answerTokens = maxTokens ?? DEFAULTS.answerTokens[mode];
  const thinkingTokens = thinkingOf(think).tokens;
  return { answerTokens, thinkingTokens, total: answerTokens + thinkingTokens };
}

/** One answer, or why there is none, with what its requests cost. */
interface Outcome {
  answer?: Answer;
  result?: GenerateResult;
  error?: ErrorRecord;
}

/**
 * The reader's settings that need no server, checked before any server is asked (createReaders calls this
 * first, so a wrong flag is refused without waiting for an endpoint that is down).
 */
export function checkLlmSettings(options: Pick<LlmReaderOptions, 'prompt' | 'taxonomy' | 'mode' | 'abstain' | 'samples' | 'temperature'>): void {
  const mode = options.mode ?? 'evidence';
  if (!options.prompt.modes.includes(mode)) {
    throw new ConfigError(`--answer ${mode}: the prompt ${options.prompt.version} has no ${mode} mode`, { code: 'config.answer_mode', hint: 'Use --prompt-version v2, or a prompt with a {{#categoryMode}} block' });
  }
  if (options.abstain && !options.prompt.abstains) {
    // A model never told when it may give no category would be offered the values by the schema alone.
    throw new ConfigError(`--abstain: the prompt ${options.prompt.version} never tells the model when it may give no category`, { code: 'config.abstain', hint: 'Use --prompt-version v2, or a prompt with an {{#abstain}} block that shows {{abstentions}}' });
  }
  // Answers are matched to categories by id, name or alias spelt any way (labelKey), before the abstention values:
  // a category spelt like one ("UNCLASSIFIED-NOT-CMR", name "Unclassified not CMR") would take the model's abstention.
  const abstentionKey = labelKey(ABSTENTION_PREFIX);
  const clash = options.abstain ? options.taxonomy.categories.find((c) => [c.id, c.name, ...c.aliases].some((l) => labelKey(l).startsWith(abstentionKey))) : undefined;
  if (clash) {
    throw new ConfigError(`--abstain: the taxonomy's category ${clash.id} looks like an answer that gives no category (${ABSTENTION_PREFIX}...)`, { code: 'config.abstain', hint: `Rename the category, or leave out --abstain` });
  }
  const samples = options.samples ?? 1;
  if (samples > 1 && (options.temperature ?? DEFAULTS.temperature) === 0) {
    throw new ConfigError(`--samples ${samples}: at temperature 0 every sample gives the same answer, so their agreement says nothing`, { code: 'config.samples', hint: 'Sample at a temperature above 0, e.g. --samples 5 --temperature 0.7' });
  }
}

export function createLlmReader(options: LlmReaderOptions): LlmReader {
  checkLlmSettings(options);
  const temperature = options.temperature ?? DEFAULTS.temperature;
  const seed = options.seed ?? DEFAULTS.seed;
  const mode = options.mode ?? 'evidence';
  const abstain = options.abstain ?? false;
  const shape: AnswerShape = { mode, order: options.prompt.answerOrder, ...(abstain ? { abstain } : {}) };
  const samples = options.samples ?? 1;
  const think = options.think ?? 'auto';
  const thinking = thinkingOf(think);
  const { answerTokens, total: maxTokens } = outputBudget(mode, options.maxTokens, think);
  const answerRetries = options.answerRetries ?? DEFAULTS.answerRetries;
  const schema = answerJsonSchema(options.taxonomy, shape);
  const schemaFallback = mode === 'category' ? categoryObjectSchema(options.taxonomy, abstain) : undefined;
  const ids = answerValues(options.taxonomy, abstain);
  // Enough alternatives for every category's first token, and not so many that long answers weigh megabytes.
  const topLogprobs = options.logprobs === false ? 0 : Math.min(20, Math.max(5, ids.length + 2));
  const byEndpoint = new Map(options.backends.map((b) => [b.endpoint, b]));
  const optionsRecord = { temperature, seed, maxTokens, answer: mode, answerTokens, think, thinkingTokens: thinking.tokens, samples, ...(abstain ? { abstain } : {}) };

  const messagesFor = (read: ReadText) => classifyMessages(options.prompt, options.taxonomy, read, mode, abstain);

  const detailsFor = (read: ReadText, endpoint: string): Record<string, unknown> => ({
    endpoint,
    read: read.source,
    ...(read.translationModel ? { translationModel: read.translationModel } : {}),
    textHash: textHash(read.text),
    promptVersion: options.prompt.version,
    options: { ...optionsRecord },
  });

  const requestFor = (messages: ChatMessage[], sample: number, contextTokens?: number): GenerateRequest => ({
    model: options.model,
    messages,
    schema,
    ...(schemaFallback ? { schemaFallback } : {}),
    temperature,
    seed: seed + sample * SAMPLE_SEED_STRIDE,
    maxTokens,
    ...(contextTokens ? { contextTokens } : {}),
    ...(topLogprobs ? { topLogprobs } : {}),
    ...(thinking.request === undefined ? {} : { think: thinking.request }),
  });

  /** Parses a result into an answer; an AnswerError when it is not one. */
  const interpret = (result: GenerateResult): Answer => parseAnswer(result.text, options.taxonomy, shape);

  /** The confidence of a single answer: the category's logprob probability, when the server gave logprobs. */
  const logprobsOf = (outcome: Outcome): Confidence | null => (outcome.answer && outcome.result?.logprobs ? logprobConfidence(outcome.result.logprobs, outcome.answer.category, ids, mode) : null);

  /** Records what a result cost and said (tokens, timings, warnings, stop reason) into the prediction's details. */
  const account = (details: Record<string, unknown>, result: GenerateResult) => {
    const usage = (details.usage ??= { promptTokens: 0, outputTokens: 0 }) as { promptTokens: number; outputTokens: number; thinkingTokens?: number };
    usage.promptTokens += result.usage.promptTokens ?? 0;
    usage.outputTokens += result.usage.outputTokens ?? 0;
    if (result.usage.thinkingTokens !== undefined) usage.thinkingTokens = (usage.thinkingTokens ?? 0) + result.usage.thinkingTokens;
    ((details.timings ??= []) as GenerateResult['timings'][]).push(result.timings);
    const warnings = new Set((details.warnings as string[] | undefined) ?? []);
    for (const w of result.warnings) warnings.add(w);
    if (topLogprobs && samples === 1 && !result.logprobs) warnings.add(`no token logprobs from ${String(details.endpoint)} (Ollama before 0.12.11 and llama.cpp in this process have none): no confidence unless --samples k`);
    if (warnings.size > 0) details.warnings = [...warnings];
    details.rawAnswer = result.text.slice(0, 4000);
    if (result.thinking) details.thinkingChars = result.thinking.length;
    if (result.stopReason) details.stopReason = result.stopReason;
  };

  /** A prediction from the outcomes of the samples (one without --samples). */
  const predictionOf = (report: Report, read: ReadText, outcomes: Outcome[], details: Record<string, unknown>, seconds: number): Prediction => {
    const base = { id: report.id, model: options.id, seconds };
    let chosen: Outcome;
    let confidence: Confidence | null;
    if (outcomes.length === 1) {
      chosen = outcomes[0]!;
      confidence = logprobsOf(chosen);
    } else {
      const combined = combineSamples(outcomes.map((o) => ({ category: o.answer?.category ?? null })));
      chosen = combined.index >= 0 ? outcomes[combined.index]! : outcomes[outcomes.length - 1]!;
      confidence = combined.confidence;
      details.samples = outcomes.map((o) => {
        const own = logprobsOf(o);
        return o.answer ? { category: o.answer.category, ...(own ? { confidence: own.value } : {}) } : { category: null, error: o.error?.code };
      });
    }
    if (!chosen.answer) return { ...base, category: null, evidence: [], error: chosen.error ?? { type: 'AnswerError', code: 'answer.invalid', message: 'no answer' }, details };
    if (chosen.answer.rationale) details.rationale = chosen.answer.rationale;
    if (read.source === 'translation') details.evidenceIn = 'translation';
    // Quotes from the original are placed in the report itself (spans into report.text); quotes from a
    // translation can only be placed in the translation.
    const alignedIn = read.source === 'translation' ? read.text : report.text;
    const evidence = alignEvidence(alignedIn, chosen.answer.evidence);
    const reason = abstentionReason(chosen.answer.category);
    // No category (--abstain): an UNCLASSIFIED prediction with the model's reason, counted as wrong as the engine's is.
    if (reason) return { ...base, category: UNCLASSIFIED, unclassified: modelUnclassified(reason), evidence, error: null, confidence, details: { ...details, answered: chosen.answer.category } };
    return { ...base, category: chosen.answer.category, evidence, error: null, confidence, details };
  };

  return {
    id: options.id,
    endpoints: options.backends.map((b) => b.endpoint),

    async classify(report: Report, classifyOptions: ClassifyOptions = {}): Promise<Prediction> {
      const started = performance.now();
      const backend = (classifyOptions.endpoint && byEndpoint.get(classifyOptions.endpoint)) || options.backends[0]!;
      const read = options.textFor(report);
      const messages = messagesFor(read);
      options.logPrompt?.(report.id, messages);
      const details = detailsFor(read, backend.endpoint);
      const seconds = () => (performance.now() - started) / 1000;

      // Ask for a context window that fits prompt and answer; refuse (never cut) a prompt that does not fit.
      const promptTokens = estimateTokens(messages.map((m) => m.content).join('\n'));
      const modelContext = await backend.contextLength?.(options.model).catch(() => undefined);
      const contextFor = (budget: number, floor = 0) => contextWindow(promptTokens, budget, modelContext, floor);
      const failed = (error: unknown): Prediction => ({ id: report.id, model: options.id, category: null, evidence: [], seconds: seconds(), error: toErrorRecord(error), details });
      if (modelContext && promptTokens + answerTokens > modelContext) {
        return failed(new BackendError(`the prompt (about ${promptTokens} tokens) and an answer of up to ${answerTokens} tokens do not fit the model's context of ${modelContext} tokens`, { code: 'backend.context_overflow', isRetryable: false, hint: 'Use a model with a longer context, a shorter prompt, or a smaller --max-tokens' }));
      }
      const fitted = fittedBudget(promptTokens, maxTokens, modelContext);
      let contextTokens = contextFor(fitted);
      details.options = { ...optionsRecord, contextTokens };
      let requests = 0;

      /** One answer for sample s: answer retries, one length-stop retry, one context retry (issue 10). */
      const answerOnce = async (sample: number): Promise<Outcome | { overflow: unknown }> => {
        let budget = fitted;
        let conversation = messages;
        let lastError: AnswerError | undefined;
        // An answer cut at the output budget is asked once more with twice the budget, and a prompt the server cut
        // at the context window once more with twice the window; neither counts as an answer retry.
        let lengthRetried = false;
        let contextRetried = false;
        for (let attempt = 0; attempt <= answerRetries; ) {
          let result: GenerateResult;
          requests++;
          try {
            const request = requestFor(conversation, sample, contextTokens);
            result = await backend.generate({ ...request, seed: request.seed + attempt, maxTokens: budget, signal: classifyOptions.signal });
          } catch (error) {
            if (!(BackendError.isInstance(error) && (error as BackendError).code === 'backend.context_overflow')) throw error;
            const larger = contextFor(budget, contextTokens * 2);
            if (contextRetried || larger <= contextTokens) return { overflow: error };
            contextRetried = true;
            contextTokens = larger;
            details.options = { ...optionsRecord, contextTokens };
            continue;
          }
          account(details, result);
          details.answerAttempts = requests;
          if (result.truncated) {
            if (!lengthRetried) {
              lengthRetried = true;
              budget *= 2;
              contextTokens = Math.max(contextTokens, contextFor(budget));
              details.outputBudget = budget;
              continue;
            }
            const error = new AnswerError(`the answer stopped at the output budget of ${budget} tokens (the server's length stop), also when asked again with twice the budget`, {
              code: 'answer.truncated',
              raw: result.text.slice(0, 2000),
              hint: `Raise --max-tokens (now ${answerTokens}${thinking.tokens ? ` plus ${thinking.tokens} for thinking` : ''}), use --think off, or --answer category`,
            });
            return { result, error: toErrorRecord(error) };
          }
          try {
            return { answer: interpret(result), result };
          } catch (error) {
            if (!(error instanceof AnswerError)) throw error;
            lastError = error;
            // Ask again, saying what was wrong; a different seed so a deterministic model can answer differently.
            conversation = [...messages, { role: 'assistant', content: result.text.slice(0, 2000) }, { role: 'user', content: `That answer was not valid: ${lastError.message}. ${describeShape(options.taxonomy, shape)}.` }];
            attempt++;
          }
        }
        return { error: toErrorRecord(lastError) };
      };

      const outcomes: Outcome[] = [];
      for (let s = 0; s < samples; s++) {
        const outcome = await answerOnce(s);
        if ('overflow' in outcome) return failed(outcome.overflow);
        outcomes.push(outcome);
      }
      return predictionOf(report, read, outcomes, details, seconds());
    },

    plan(report: Report): GenerateRequest[] {
      const messages = messagesFor(options.textFor(report));
      return Array.from({ length: samples }, (_, s) => requestFor(messages, s));
    },

    fromResults(report: Report, results: (GenerateResult | ErrorRecord)[], seconds: number): Prediction {
      const read = options.textFor(report);
      const details = detailsFor(read, 'batch');
      const outcomes = results.map((r): Outcome => {
        if (!('text' in r)) return { error: r };
        account(details, r);
        if (r.truncated) return { result: r, error: toErrorRecord(new AnswerError(`the answer stopped at the output budget of ${maxTokens} tokens (the server's length stop)`, { code: 'answer.truncated', raw: r.text.slice(0, 2000), hint: `Export the batch again with a larger --max-tokens (now ${answerTokens})` })) };
        try {
          return { answer: interpret(r), result: r };
        } catch (error) {
          if (!(error instanceof AnswerError)) throw error;
          return { result: r, error: toErrorRecord(error) };
        }
      });
      return predictionOf(report, read, outcomes, details, seconds);
    },

    async close() {
      for (const backend of options.backends) await backend.close?.();
    },
  };
}
