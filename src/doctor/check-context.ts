/**
 * Context: does the longest prompt of the input, with the output budget, fit the context the server will use?
 * The prompt is counted by the server itself (one real request with one output token: Ollama's
 * prompt_eval_count, the OpenAI-compatible usage.prompt_tokens, or the counts in vLLM's refusal), and compared
 * with the limit that applies: the model's context for Ollama (cmrdx sets num_ctx itself), max_model_len for
 * vLLM, the context of one slot for llama.cpp server, and for Ollama behind its OpenAI-compatible API the
 * context it loaded the model with (OLLAMA_CONTEXT_LENGTH: cmrdx cannot send num_ctx there). classify's own
 * estimate (about three characters a token) is checked over every report too: it refuses a report whose
 * estimate does not fit, whatever the server would have done.
 */
import type { GenerateResult, ServerStatus } from '../readers/backends/backend.js';
import { BudgetExceeded, isTimeout, withinBudget } from './budget.js';
import { count, fail, ok, secondsText, warn, type CheckResult } from './check-result.js';
import { budgetOf, promptSize, readerFor, type DoctorTarget } from './doctor-target.js';
import { errorCode } from './safe-text.js';
import { extent } from '../util/extent.js';

interface Limit {
  tokens: number;
  /** Where the limit comes from, as shown. */
  source: string;
}

/** What shrinks the output budget: the answer's share, the thinking reserve, the mode. */
function lowerBudget(target: DoctorTarget): string {
  const { answerTokens, thinkingTokens } = budgetOf(target.generation);
  const parts = [`a lower --max-tokens (the answer's ${count(answerTokens)})`];
  if (thinkingTokens > 0) parts.push(`--think off or a smaller thinking budget (${count(thinkingTokens)} reserved)`);
  if (target.generation.mode === 'evidence') parts.push('--answer category');
  return parts.join(', ');
}

function fixFor(target: DoctorTarget, status: ServerStatus | undefined, needed: number): string {
  const lower = lowerBudget(target);
  if (target.backend.provider === 'ollama') return `The model allows no more; cmrdx sets num_ctx itself, so OLLAMA_CONTEXT_LENGTH cannot help: use a model with a longer context, ${lower}, or a shorter prompt`;
  if (status?.server === 'Ollama') return `cmrdx cannot set num_ctx through Ollama's OpenAI-compatible API: use --model ollama:${target.model} with --ollama-url (the server without /v1), or restart Ollama with OLLAMA_CONTEXT_LENGTH=${Math.ceil(needed / 1024) * 1024} or more`;
  if (status?.server === 'vLLM') return `Restart vLLM with --max-model-len ${Math.ceil(needed / 1024) * 1024} or more (up to the model's own limit), or ${lower}`;
  if (status?.server === 'llama.cpp server') return `Start llama-server with a larger -c: each of its --parallel slots gets c / parallel tokens (${Math.ceil(needed / 1024) * 1024} or more per slot), or ${lower}`;
  return `Give the server a context of ${Math.ceil(needed / 1024) * 1024} tokens or more, or ${lower}`;
}

function limitOf(target: DoctorTarget, status: ServerStatus | undefined): Limit | undefined {
  const limits: Limit[] = [];
  const provider = target.backend.provider;
  if (target.modelContext) limits.push({ tokens: target.modelContext, source: provider === 'ollama' ? "the model's context" : provider === 'openai' ? 'max_model_len' : "the model's trained context" });
  if (status?.requestContext) limits.push({ tokens: status.requestContext, source: 'the context of one slot (n_ctx)' });
  if (provider === 'openai' && status?.server === 'Ollama' && status.loaded?.contextLength) limits.push({ tokens: status.loaded.contextLength, source: 'the context Ollama loaded the model with (OLLAMA_CONTEXT_LENGTH)' });
  return limits.sort((a, b) => a.tokens - b.tokens)[0];
}

export async function checkContext(target: DoctorTarget, status: ServerStatus | undefined, budgetMs: number): Promise<CheckResult> {
  const { backend } = target;
  // The whole output budget classify asks for: the answer's and the thinking reserve.
  const maxTokens = budgetOf(target.generation).total;
  const sizes = target.input.map((report) => ({ report, ...promptSize(target, report) }));
  const longest = sizes.reduce((a, b) => (b.estimate > a.estimate ? b : a));
  const id = longest.report.id;
  // classify's own request for the report, with one output token: only the prompt is counted.
  const [request] = readerFor(target).plan(longest.report);
  const ollama = backend.provider === 'ollama';
  const ask = (contextTokens: number | undefined): Promise<GenerateResult> => withinBudget(budgetMs, (signal) => backend.generate({ ...request!, maxTokens: 1, ...(contextTokens ? { contextTokens } : {}), signal }));

  let serverTokens: number | undefined;
  /** Ollama cut the prompt even at this num_ctx: it has at least this many tokens. */
  let cutAt: number | undefined;
  let firstNumCtxCut = false;
  let refusedByServer = false;
  let limit = limitOf(target, status);
  try {
    let result: GenerateResult | undefined;
    try {
      result = await ask(ollama ? longest.numCtx : undefined);
    } catch (error) {
      if (!(ollama && errorCode(error) === 'backend.context_overflow')) throw error;
      // As classify does: ask again with a larger window (here the model's whole context, to count it all).
      firstNumCtxCut = true;
      const larger = target.modelContext ?? longest.numCtx * 2;
      if (larger > longest.numCtx) {
        result = await ask(larger).catch((again: unknown) => {
          if (errorCode(again) !== 'backend.context_overflow') throw again;
          return undefined;
        });
      }
      if (!result) cutAt = larger;
    }
    if (typeof result?.usage.promptTokens === 'number' && result.usage.promptTokens > 0) serverTokens = result.usage.promptTokens;
  } catch (error) {
    if (isTimeout(error)) {
      const why = error instanceof BudgetExceeded ? `within ${secondsText(error.budgetMs / 1000)}` : `(${target.sent.reason(backend.endpoint, error)})`;
      return fail('context', `no answer to the longest prompt (${id}) ${why}`, 'The server is overloaded or the model too slow for this prompt: check the server, then run doctor again', { longest: id, timedOut: true });
    }
    const message = error instanceof Error ? error.message : String(error);
    // vLLM and others refuse a prompt over their limit with a 400 that gives the limit and the count.
    const refused = /maximum context length is (\d+)/i.exec(message);
    if (!refused) return fail('context', `the longest prompt (${id}) was not answered: ${target.sent.reason(backend.endpoint, error)}`, 'Check the server log', { longest: id, code: errorCode(error) });
    refusedByServer = true;
    limit = { tokens: Number(refused[1]), source: "the server's limit (it refused the prompt)" };
    const counted = /(\d+) (?:tokens )?in the messages/i.exec(message);
    if (counted) serverTokens = Number(counted[1]);
    cutAt = serverTokens === undefined ? limit.tokens : undefined;
  }
  // Behind Ollama's OpenAI-compatible API the context is whatever the model was loaded with: ask again now.
  if (backend.provider === 'openai' && status?.server === 'Ollama') limit = limitOf(target, await backend.describe?.(target.model).catch(() => status)) ?? limit;

  const tokens = serverTokens ?? cutAt ?? longest.estimate;
  // A count that reaches the limit is a prompt the server cut there (Ollama's OpenAI-compatible API does, silently).
  const cutByServer = !refusedByServer && serverTokens !== undefined && limit !== undefined && serverTokens >= limit.tokens;
  const counted = cutByServer ? "the server's count: it cut the prompt there" : serverTokens !== undefined ? "the server's count" : cutAt !== undefined ? 'at least; the server cut or refused it' : 'estimated: the server gives no count';
  const { answerTokens, thinkingTokens: reserve } = budgetOf(target.generation);
  // The answer's budget must fit; classify gives the thinking reserve only what the context leaves.
  const needed = tokens + answerTokens;
  const numCtxRange = ollama ? extent(sizes.map((s) => s.numCtx)) : undefined;
  const measured: Record<string, unknown> = { longest: id, promptTokens: tokens, counted: serverTokens !== undefined ? 'server' : cutAt !== undefined ? 'lower-bound' : 'estimate', estimateTokens: longest.estimate, outputBudget: maxTokens, answerBudget: answerTokens, thinkingReserve: reserve, limit: limit?.tokens, limitSource: limit?.source, ...(numCtxRange ? { numCtx: numCtxRange } : {}) };
  const prompt = `longest prompt ${count(tokens)} tokens (${id}, ${counted})`;

  // classify refuses a report before sending it when its estimate and the answer's budget exceed the model's context.
  const refusedByEstimate = target.modelContext ? sizes.filter((s) => s.estimate + answerTokens > target.modelContext!) : [];
  measured.refusedByClassify = refusedByEstimate.length;
  if (cutAt !== undefined || cutByServer || (limit && needed > limit.tokens)) {
    return fail('context', `${prompt} + ${count(answerTokens)} for the answer = ${count(needed)}, more than ${limit ? `${count(limit.tokens)}, ${limit.source}` : 'the server takes'}`, fixFor(target, status, needed), measured);
  }
  if (refusedByEstimate.length > 0) {
    const ids = refusedByEstimate.slice(0, 3).map((s) => s.report.id).join(', ');
    return fail('context', `classify will refuse ${count(refusedByEstimate.length)} of ${count(sizes.length)} reports (${ids}${refusedByEstimate.length > 3 ? ', ...' : ''}): its estimate of prompt + answer is over ${count(target.modelContext!)}`, fixFor(target, status, extent(refusedByEstimate.map((s) => s.estimate))[1] + answerTokens), measured);
  }
  if (!limit) {
    return warn('context', `${prompt} + ${count(maxTokens)} output budget; the server does not say its context window`, `Make sure it gives every request at least ${count(Math.ceil((tokens + maxTokens) / 1024) * 1024)} tokens (vLLM --max-model-len, llama-server -c per slot, Ollama OLLAMA_CONTEXT_LENGTH)`, measured);
  }
  const of = `fits ${count(limit.tokens)}, ${limit.source}`;
  const left = limit.tokens - needed;
  const notes: string[] = [];
  if (numCtxRange) notes.push(`classify asks num_ctx ${numCtxRange[0] === numCtxRange[1] ? count(numCtxRange[0]!) : `${count(numCtxRange[0]!)}-${count(numCtxRange[1]!)}`}`);
  if (firstNumCtxCut) notes.push(`the first num_ctx for it (${count(longest.numCtx)}) was too small, classify asks again with a larger one`);
  const tail = notes.length ? `; ${notes.join('; ')}` : '';
  if (left < reserve) {
    // The thinking reserve is cut to what is left: harmless for a model that does not think, a risk for one that does.
    const head = `${prompt} + ${count(answerTokens)} answer + ${count(left)} of the ${count(reserve)}-token thinking reserve ${of}`;
    if (target.generation.think === 'on' || typeof target.generation.think === 'number') return warn('context', `${head}${tail}`, fixFor(target, status, tokens + maxTokens), measured);
    return ok('context', `${head}${tail}`, measured);
  }
  if (tokens + 2 * answerTokens > limit.tokens) {
    return warn('context', `${prompt} + ${count(maxTokens)} output budget ${of}, but not classify's second try with twice the answer's budget (after an answer cut at it)`, fixFor(target, status, tokens + 2 * answerTokens), measured);
  }
  return ok('context', `${prompt} + ${count(maxTokens)} output budget ${of}${tail}`, measured);
}
