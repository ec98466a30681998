/**
 * The OpenAI chat-completions wire format, both ways: the request body cmrdx sends (to a live server, and as
 * the `body` of each line of a batch file for `vllm run-batch`) and the GenerateResult read from a response
 * (a live answer, or the `response.body` of a batch output line). Snake case stays in this folder.
 *
 * Request: `response_format` json_schema with the answer's schema (or its object-root form, then json_object,
 * then none, for servers that refuse), `logprobs` + `top_logprobs`, and for reasoning models
 * `chat_template_kwargs.enable_thinking` (vLLM, llama.cpp server, SGLang pass it to Qwen-style chat templates)
 * with `thinking_token_budget` for a budget (vLLM's field; servers without it let max_tokens cap thinking and
 * answer together).
 */
import type { GenerateRequest, GenerateResult, TokenLogprob } from '../backend.js';

/** How the answer's format is asked for, strongest first. */
export type FormatLevel = 'json_schema' | 'json_schema_object' | 'json_object' | 'none';

/** Request fields a server may refuse; each is left out (with a warning) once the server says so. */
export type OptionalField = 'logprobs' | 'thinking';

export function formatLevels(request: Pick<GenerateRequest, 'schema' | 'schemaFallback'>): FormatLevel[] {
  if (!request.schema) return ['none'];
  return request.schemaFallback ? ['json_schema', 'json_schema_object', 'json_object', 'none'] : ['json_schema', 'json_object', 'none'];
}

function responseFormat(level: FormatLevel, request: GenerateRequest): Record<string, unknown> {
  const schema = level === 'json_schema' ? request.schema : level === 'json_schema_object' ? request.schemaFallback : undefined;
  if (schema) return { response_format: { type: 'json_schema', json_schema: { name: 'cmrdx_answer', schema, strict: true } } };
  return level === 'json_object' ? { response_format: { type: 'json_object' } } : {};
}

/** The JSON body of POST /v1/chat/completions for a request. */
export function chatCompletionBody(request: GenerateRequest, level: FormatLevel = formatLevels(request)[0]!, without: ReadonlySet<OptionalField> = new Set()): Record<string, unknown> {
  const think = request.think;
  return {
    model: request.model,
    messages: request.messages,
    temperature: request.temperature,
    seed: request.seed,
    max_tokens: request.maxTokens,
    ...responseFormat(level, request),
    ...(request.topLogprobs && !without.has('logprobs') ? { logprobs: true, top_logprobs: request.topLogprobs } : {}),
    ...(think !== undefined && !without.has('thinking') ? { chat_template_kwargs: { enable_thinking: think !== false }, ...(typeof think === 'number' ? { thinking_token_budget: think } : {}) } : {}),
  };
}

/** Which optional field a 400 refuses, by its wording (vLLM, llama.cpp server, LM Studio, OpenAI). */
export function refusedField(message: string): OptionalField | undefined {
  if (/logprob/i.test(message)) return 'logprobs';
  if (/chat_template_kwargs|enable_thinking|thinking_token_budget/i.test(message)) return 'thinking';
  return undefined;
}

interface WireLogprob {
  token?: unknown;
  logprob?: unknown;
  top_logprobs?: { token?: unknown; logprob?: unknown }[] | null;
}

/** A chat completion response (parsed JSON) as a GenerateResult, without warnings. */
export function resultOf(response: unknown): Omit<GenerateResult, 'warnings'> {
  const r = (response ?? {}) as {
    choices?: { message?: { content?: string | null; reasoning_content?: string | null; reasoning?: string | null } | null; finish_reason?: string | null; logprobs?: { content?: WireLogprob[] | null } | null }[];
    usage?: { prompt_tokens?: number; completion_tokens?: number; completion_tokens_details?: { reasoning_tokens?: number | null } | null } | null;
  };
  const choice = r.choices?.[0];
  const message = choice?.message;
  const thinking = message?.reasoning_content ?? message?.reasoning;
  const logprobs = (choice?.logprobs?.content ?? [])
    .filter((t): t is WireLogprob & { token: string; logprob: number } => typeof t.token === 'string' && typeof t.logprob === 'number')
    .map((t): TokenLogprob => {
      const top = (t.top_logprobs ?? []).filter((a): a is { token: string; logprob: number } => typeof a.token === 'string' && typeof a.logprob === 'number');
      return { token: t.token, logprob: t.logprob, ...(top.length > 0 ? { top: top.map((a) => ({ token: a.token, logprob: a.logprob })) } : {}) };
    });
  const reasoningTokens = r.usage?.completion_tokens_details?.reasoning_tokens;
  return {
    text: message?.content ?? '',
    ...(thinking ? { thinking } : {}),
    usage: { promptTokens: r.usage?.prompt_tokens, outputTokens: r.usage?.completion_tokens, ...(typeof reasoningTokens === 'number' ? { thinkingTokens: reasoningTokens } : {}) },
    timings: {},
    truncated: choice?.finish_reason === 'length',
    ...(choice?.finish_reason ? { stopReason: choice.finish_reason } : {}),
    ...(logprobs.length > 0 ? { logprobs } : {}),
  };
}
