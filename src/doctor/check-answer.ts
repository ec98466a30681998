/**
 * One report through the real LLM reader (as classify asks: prompt, schema, context, re-asking, the length
 * retry), with every raw answer kept, and what it shows: whether the answer schema is honoured and by which
 * mechanism (structured output), and whether the answers carry thinking and fit the output budget (reasoning).
 * The smoke run adds its counts to both afterwards.
 */
import { AnswerError } from '../errors.js';
import type { AnswerFormat, GenerateResult } from '../readers/backends/backend.js';
import { answerSchema, type AnswerShape } from '../readers/llm/answer-schema.js';
import { parseAnswer, stripReasoning } from '../readers/llm/parse-answer.js';
import { estimateTokens } from '../readers/llm/prompt.js';
import type { Prediction } from '../readers/reader.js';
import type { Report } from '../report/report.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { BudgetExceeded, isTimeout, withinBudget } from './budget.js';
import { count, fail, ok, warn, type CheckResult } from './check-result.js';
import { budgetOf, readerFor, type DoctorTarget } from './doctor-target.js';
import { recordingBackend, type Exchange } from './recording-backend.js';
import { errorCode } from './safe-text.js';

export interface AnswerProbe {
  report: Report;
  prediction?: Prediction;
  exchanges: Exchange[];
  /** Set when the probe did not finish (the budget, the server). */
  error?: unknown;
}

export async function probeAnswer(target: DoctorTarget, report: Report, taxonomy: Taxonomy, budgetMs: number): Promise<AnswerProbe> {
  const recorder = recordingBackend(target.backend);
  const reader = readerFor(target, recorder, taxonomy);
  try {
    const prediction = await withinBudget(budgetMs, (signal) => reader.classify(report, { signal }));
    return { report, prediction, exchanges: recorder.exchanges };
  } catch (error) {
    return { report, exchanges: recorder.exchanges, error };
  }
}

/** How an answer came back: valid as sent, valid only after cmrdx's lenient parsing, or not valid at all. */
export function answerShape(text: string, taxonomy: Taxonomy, shape: AnswerShape): 'as-sent' | 'lenient' | 'invalid' {
  const bare = stripReasoning(text);
  try {
    const value = JSON.parse(bare) as unknown;
    // Category mode: a plain enum, or its object-root form for servers that need an object.
    const category = shape.mode === 'category' && value && typeof value === 'object' ? (value as { category?: unknown }).category : value;
    if (answerSchema(taxonomy, shape).safeParse(category).success) return 'as-sent';
  } catch {
    // not JSON as sent; try the lenient way
  }
  try {
    parseAnswer(text, taxonomy, shape);
    return 'lenient';
  } catch (error) {
    if (error instanceof AnswerError) return 'invalid';
    throw error;
  }
}

const MECHANISM: Record<AnswerFormat, string> = {
  format: 'Ollama format (the JSON Schema)',
  json_schema: 'response_format json_schema',
  json_schema_object: 'response_format json_schema in its object form (the server refused a plain enum)',
  json_object: 'response_format json_object (the server refused json_schema)',
  grammar: 'a grammar made from the JSON Schema',
  none: 'no constraint (the server refused json_schema and json_object)',
};

function schemaAdvice(target: DoctorTarget, server: string | undefined): string {
  if (target.backend.provider === 'ollama') return 'Update Ollama (0.5.0 and later constrain answers to a JSON Schema), or use a model that follows the prompt';
  if (server === 'vLLM') return 'Start vLLM with structured output support (a guided decoding backend such as xgrammar; --guided-decoding-backend or --structured-outputs-config), or use a model that follows the prompt';
  if (server === 'llama.cpp server') return 'Use a recent llama-server (it turns response_format json_schema into a grammar), or use a model that follows the prompt';
  return 'Use a server that honours response_format json_schema, or a model that follows the prompt';
}

/** The first answer of the probe that came back, and why there is none. */
function firstAnswer(probe: AnswerProbe): GenerateResult | undefined {
  return probe.exchanges.find((e) => e.result)?.result;
}

function noAnswer(check: 'structured' | 'reasoning', target: DoctorTarget, probe: AnswerProbe): CheckResult {
  const error = probe.error ?? probe.prediction?.error;
  const why = probe.error instanceof BudgetExceeded ? probe.error.message : probe.error ? target.sent.reason(target.backend.endpoint, probe.error) : probe.prediction?.error?.code ?? 'no answer';
  const detail = `no answer to ${probe.report.id} to judge: ${why}`;
  const measured = { report: probe.report.id, code: errorCode(error) ?? (probe.prediction?.error?.code || undefined), ...(isTimeout(probe.error) ? { timedOut: true } : {}) };
  if (probe.prediction?.error?.code === 'backend.context_overflow') return warn(check, detail, 'See the context check', measured);
  return fail(check, detail, isTimeout(probe.error) ? 'The server is overloaded or the model too slow: check the server, or raise --timeout' : 'Check the server log', measured);
}

export function structuredResult(target: DoctorTarget, probe: AnswerProbe, taxonomy: Taxonomy, server: string | undefined): CheckResult {
  const first = firstAnswer(probe);
  if (!first) return noAnswer('structured', target, probe);
  const mechanism: AnswerFormat = first.answerFormat ?? 'none';
  const shape = answerShape(first.text, taxonomy, { mode: target.generation.mode, order: target.prompt.answerOrder, ...(target.generation.abstain ? { abstain: true } : {}) });
  const asks = probe.exchanges.filter((e) => e.result).length;
  const finalCode = probe.prediction?.error?.code;
  const measured = { report: probe.report.id, mechanism, firstAnswer: shape, requests: asks, error: finalCode ?? null };
  const how = MECHANISM[mechanism];
  if (finalCode === 'answer.invalid') {
    return fail('structured', `${how}, but the server ignores the schema: ${asks} answer${asks === 1 ? '' : 's'} to ${probe.report.id}, none valid`, schemaAdvice(target, server), measured);
  }
  if (shape === 'invalid' && finalCode === 'answer.truncated') return warn('structured', `${how}; not judged: the answers to ${probe.report.id} stopped at the output budget (see reasoning)`, 'See the reasoning check', measured);
  if (mechanism === 'json_object' || mechanism === 'none') {
    return warn('structured', `${how}; the answer ${shape === 'as-sent' ? 'validated' : shape === 'lenient' ? 'validated after cmrdx removed text around the JSON' : 'was invalid and had to be asked again'}`, `Answers are only checked, not constrained, so some will be re-asked or fail. ${schemaAdvice(target, server)}`, measured);
  }
  if (shape === 'lenient') return warn('structured', `${how}, but the answer has text around the JSON (cmrdx removed it): the schema is not enforced`, schemaAdvice(target, server), measured);
  if (shape === 'invalid') return warn('structured', `${how}, but the first answer did not match the schema; asked again, it did`, schemaAdvice(target, server), measured);
  return ok('structured', `${how}; the answer validates as sent`, measured);
}

/** A reasoning block in the answer text, or a thinking field beside it. */
function thinkingOf(result: GenerateResult): { text: string; where: string } | undefined {
  if (result.thinking) return { text: result.thinking, where: 'a thinking field' };
  const block = /<(think|thinking|reasoning)>([\s\S]*?)(?:<\/\1>|$)/i.exec(result.text);
  return block ? { text: block[2]!, where: `<${block[1]!.toLowerCase()}> blocks` } : undefined;
}

/** Thinking tokens: the server's own count, else its output count shared out by characters, else estimated. */
function thinkingTokens(result: GenerateResult, thinking: string): number {
  if (result.usage.thinkingTokens !== undefined) return result.usage.thinkingTokens;
  const answerChars = stripReasoning(result.text).length;
  const out = result.usage.outputTokens;
  return out ? Math.round((out * thinking.length) / Math.max(1, thinking.length + answerChars)) : estimateTokens(thinking);
}

export function reasoningResult(target: DoctorTarget, probe: AnswerProbe, capabilities: string[] | undefined): CheckResult {
  const first = firstAnswer(probe);
  if (!first) return noAnswer('reasoning', target, probe);
  const budget = budgetOf(target.generation);
  const total = budget.total;
  const thinking = thinkingOf(first);
  const tokens = thinking ? thinkingTokens(first, thinking.text) : 0;
  const output = first.usage.outputTokens;
  const finalCode = probe.prediction?.error?.code;
  const measured = { report: probe.report.id, thinking: Boolean(thinking), thinkingTokens: tokens, outputTokens: output ?? null, outputBudget: total, answerBudget: budget.answerTokens, thinkingReserve: budget.thinkingTokens, think: target.generation.think, cutAtBudget: first.truncated, error: finalCode ?? null };
  const what = thinking ? `answers carry thinking (${thinking.where}), about ${count(tokens)} tokens` : 'no thinking in the answer';
  const shown = `${count(total)}-token budget (${count(budget.answerTokens)} answer${budget.thinkingTokens ? ` + ${count(budget.thinkingTokens)} thinking` : ''})`;
  const used = output !== undefined ? `${count(output)} output tokens of the ${shown}` : `the ${shown}`;
  /** How to give a request n output tokens in all: more for thinking when it thinks, else for the answer. */
  const room = (n: number) => {
    const up = (x: number, step: number) => Math.ceil(x / step) * step;
    return thinking
      ? `Give thinking a budget that fits, --think ${up(Math.max(n - budget.answerTokens, 2 * budget.thinkingTokens), 512)}, or turn it off with --think off`
      : `Raise --max-tokens to ${up(n - budget.thinkingTokens, 256)}`;
  };
  if (finalCode === 'answer.truncated') {
    return fail('reasoning', `${what}; the answer stopped at the ${shown} and again at twice that`, `${room(total * 4)}, so that each report has an answer`, measured);
  }
  if (first.truncated) {
    return warn('reasoning', `${what}; the answer stopped at the ${shown}, asked again with twice the budget it fitted`, `${room(total * 2)}, so that each report takes one request`, measured);
  }
  if (output !== undefined && output > total * 0.6) {
    return warn('reasoning', `${what}; ${used}: little room left`, `${room(output * 2)}`, measured);
  }
  const canThink = !thinking && capabilities?.includes('thinking') ? '; the model can think (Ollama says) but did not here' : '';
  return ok('reasoning', `${what}; ${used}${canThink}`, measured);
}

/** What the smoke run's answers add: how many were asked again, invalid, cut at the budget, carried thinking. */
export interface SmokeAnswers {
  n: number;
  reasked: number;
  invalid: number;
  truncated: number;
  lengthRetried: number;
  thinking: number;
}

export function smokeAnswers(predictions: Prediction[]): SmokeAnswers {
  const attempts = (p: Prediction) => Number(p.details?.answerAttempts ?? 1);
  return {
    n: predictions.length,
    reasked: predictions.filter((p) => !p.error && attempts(p) > 1 && p.details?.outputBudget === undefined).length,
    invalid: predictions.filter((p) => p.error?.code === 'answer.invalid').length,
    truncated: predictions.filter((p) => p.error?.code === 'answer.truncated').length,
    lengthRetried: predictions.filter((p) => p.details?.outputBudget !== undefined).length,
    thinking: predictions.filter((p) => Number(p.details?.thinkingChars ?? 0) > 0 || /<(think|thinking|reasoning)>/i.test(String(p.details?.rawAnswer ?? ''))).length,
  };
}

/** A check's result with the smoke run's counts added (and its verdict raised when they show a problem). */
export function withSmoke(result: CheckResult, smoke: SmokeAnswers, advice: string): CheckResult {
  if (smoke.n === 0 || (result.measured?.timedOut ?? false)) return result;
  const structured = result.check === 'structured';
  const parts = structured
    ? [smoke.invalid && `${smoke.invalid} invalid after asking again`, smoke.reasked && `${smoke.reasked} valid only when asked again`]
    : [smoke.thinking && `${smoke.thinking} with thinking`, smoke.lengthRetried && `${smoke.lengthRetried} needed twice the budget`, smoke.truncated && `${smoke.truncated} cut at twice the budget`];
  const found = parts.filter(Boolean);
  const note = found.length > 0 ? `smoke run (${smoke.n} reports): ${found.join(', ')}` : `the same in the ${smoke.n} answers of the smoke run`;
  const bad = structured ? smoke.invalid : smoke.truncated;
  const doubt = structured ? smoke.reasked : smoke.lengthRetried;
  const measured = { ...result.measured, smoke };
  const detail = `${result.detail}; ${note}`;
  if (bad > 0 && result.verdict !== 'fail') return { ...result, verdict: 'fail', detail, advice: result.advice ?? advice, measured };
  if (doubt > 0 && result.verdict === 'ok') return { ...result, verdict: 'warn', detail, advice, measured };
  return { ...result, detail, measured };
}
