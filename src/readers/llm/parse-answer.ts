/**
 * Parse leniently, validate strictly. A model's answer may come wrapped in a reasoning block (`<think>…</think>`,
 * or a separate `thinking` field), a code fence, or prose around the JSON; all of that is stripped, the first
 * complete JSON object is read, a category written as a name or synonym ("Myocarditis") is mapped to its id, and
 * the result must then pass the answer schema. Anything else is an AnswerError with the reasons — never a guess.
 */
import { AnswerError } from '../../errors.js';
import { resolveLabel, type Taxonomy } from '../../taxonomy/taxonomy.js';
import { describeJsonError } from '../../util/json-error.js';
import { ABSTENTIONS, answerSchema, V1_SHAPE, type Answer, type AnswerShape } from './answer-schema.js';

/** Removes reasoning blocks: closed ones anywhere, and an unclosed one at the start (a model cut off while thinking). */
export function stripReasoning(text: string): string {
  return text
    .replace(/<(think|thinking|reasoning)>[\s\S]*?<\/\1>/gi, '')
    .replace(/^\s*<(think|thinking|reasoning)>[\s\S]*$/i, '')
    .trim();
}

/** The first balanced {...} in the text, honouring strings; null if none is complete. */
export function firstJsonObject(text: string): string | null {
  const start = text.indexOf('{');
  if (start === -1) return null;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
}

/** The JSON value a category-mode answer is: a JSON string (`"MYO"`), an object with a category, or a bare word. */
function categoryOnly(cleaned: string): unknown {
  const text = cleaned.trim();
  if (text.startsWith('{')) {
    const json = firstJsonObject(text);
    return json === null ? undefined : JSON.parse(json);
  }
  const quoted = /^"(?:[^"\\]|\\.)*"/.exec(text);
  if (quoted) return JSON.parse(quoted[0]);
  // A bare id without quotes (a server that ignored the schema): the first word, without trailing punctuation.
  return /^[\p{L}\p{N}_ -]+/u.exec(text)?.[0].trim() || undefined;
}

export function parseAnswer(raw: string, taxonomy: Taxonomy, shape: AnswerShape = V1_SHAPE): Answer {
  const fail = (message: string, issues: string[] = []) => new AnswerError(message, { code: 'answer.invalid', issues, raw: raw.slice(0, 2000) });
  const cleaned = stripReasoning(raw).replace(/```(?:json|JSON)?/g, '');
  if (shape.mode === 'category') return parseCategoryOnly(cleaned, taxonomy, shape, fail);
  const json = firstJsonObject(cleaned);
  if (json === null) throw fail(cleaned.includes('{') ? 'the answer\'s JSON is cut off' : 'the answer contains no JSON object');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw fail(`the answer is not valid JSON (${describeJsonError(error)})`);
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    // Lenient: category names and synonyms, a single quote instead of a list, common key spellings.
    if (record.category === undefined) for (const k of ['diagnosis', 'Category', 'label']) if (record[k] !== undefined) record.category = record[k];
    for (const k of ['diagnosis', 'Category', 'label']) delete record[k];
    if (typeof record.category === 'string') record.category = lenientCategory(record.category, taxonomy, shape);
    if (typeof record.evidence === 'string') record.evidence = [record.evidence];
    if (record.evidence === undefined) record.evidence = [];
    if (Array.isArray(record.evidence)) record.evidence = record.evidence.filter((e) => typeof e === 'string' && e.trim() !== '');
    // Evidence first requires a rationale for constrained decoding; a server that ignored the schema may omit it.
    if (shape.order === 'evidence-first' && record.rationale === undefined) record.rationale = '';
  }
  const result = answerSchema(taxonomy, shape).safeParse(value);
  if (!result.success) throw fail(`the answer does not match the schema (${issuesOf(result.error).join('; ')})`, issuesOf(result.error));
  const answer = result.data as { category: string; evidence: string[]; rationale?: string };
  return { category: answer.category, evidence: answer.evidence, ...(answer.rationale ? { rationale: answer.rationale } : {}) };
}

const issuesOf = (error: { issues: { path: PropertyKey[]; message: string }[] }) => error.issues.map((i) => `${i.path.map(String).join('.') || '(answer)'}: ${i.message}`);

/** A category written as a name or synonym becomes its id; an abstention (under --abstain) in any case its value. */
function lenientCategory(value: string, taxonomy: Taxonomy, shape: AnswerShape): string {
  const label = resolveLabel(taxonomy, value);
  if (label !== undefined) return label;
  const upper = value.trim().toUpperCase();
  return shape.abstain && ABSTENTIONS.includes(upper) ? upper : value;
}

function parseCategoryOnly(cleaned: string, taxonomy: Taxonomy, shape: AnswerShape, fail: (message: string, issues?: string[]) => AnswerError): Answer {
  let value: unknown;
  try {
    value = categoryOnly(cleaned);
  } catch (error) {
    throw fail(`the answer is not valid JSON (${describeJsonError(error)})`);
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    value = record.category ?? record.diagnosis ?? record.Category ?? record.label;
  }
  if (value === undefined) throw fail(/^\s*["{]/.test(cleaned) ? "the answer's JSON is cut off" : 'the answer names no category');
  if (typeof value === 'string') value = lenientCategory(value, taxonomy, shape);
  const result = answerSchema(taxonomy, { ...shape, mode: 'category' }).safeParse(value);
  if (!result.success) throw fail(`the answer does not match the schema (${issuesOf(result.error).join('; ')})`, issuesOf(result.error));
  return { category: result.data as string, evidence: [] };
}
