/**
 * Parse leniently, validate strictly. A model's answer may come wrapped in a reasoning block (`<think>…</think>`,
 * or a separate `thinking` field), a code fence, or prose around the JSON; all of that is stripped, the first
 * complete JSON object is read, a category written as a name or synonym ("Myocarditis") is mapped to its id, and
 * the result must then pass the answer schema. Anything else is an AnswerError with the reasons — never a guess.
 */
import { AnswerError } from '../../errors.js';
import { resolveLabel, type Taxonomy } from '../../taxonomy/taxonomy.js';
import { describeJsonError } from '../../util/json-error.js';
import { answerSchema, type Answer } from './answer-schema.js';

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

export function parseAnswer(raw: string, taxonomy: Taxonomy): Answer {
  const fail = (message: string, issues: string[] = []) => new AnswerError(message, { code: 'answer.invalid', issues, raw: raw.slice(0, 2000) });
  const cleaned = stripReasoning(raw).replace(/```(?:json|JSON)?/g, '');
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
    if (typeof record.category === 'string') record.category = resolveLabel(taxonomy, record.category) ?? record.category;
    if (typeof record.evidence === 'string') record.evidence = [record.evidence];
    if (record.evidence === undefined) record.evidence = [];
    if (Array.isArray(record.evidence)) record.evidence = record.evidence.filter((e) => typeof e === 'string' && e.trim() !== '');
  }
  const result = answerSchema(taxonomy).safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(answer)'}: ${i.message}`);
    throw fail(`the answer does not match the schema (${issues.join('; ')})`, issues);
  }
  return result.data;
}
