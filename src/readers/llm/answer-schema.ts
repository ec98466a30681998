/**
 * The answer every LLM reader must give, written once in zod; its JSON Schema goes to Ollama `format`, OpenAI
 * `response_format` and the llama.cpp grammar, and the answer is validated with the same schema.
 *
 * Two answer modes (`--answer`):
 * - `evidence` (default): verbatim quotes, a short rationale and the category. Under constrained decoding a
 *   model writes the properties in the schema's order, so the order matters: `evidence-first` (prompt v2)
 *   makes the model quote and reason before it commits to a category; `category-first` (prompt v1, the
 *   study's original) puts the category first.
 * - `category`: the category alone, the fewest output tokens. Its schema is a plain string enum (Ollama, vLLM,
 *   llama.cpp accept any JSON Schema root); servers that insist on an object root (OpenAI's strict mode, LM
 *   Studio) get `categoryObjectSchema`, `{"category": <enum>}`.
 */
import { z } from 'zod';
import { UNCLASSIFIED, UNCLASSIFIED_REASONS, type Taxonomy, type UnclassifiedReason } from '../../taxonomy/taxonomy.js';

export const MAX_EVIDENCE = 5;

export type AnswerMode = 'evidence' | 'category';
export const ANSWER_MODES: readonly AnswerMode[] = ['evidence', 'category'];

/** Property order of the evidence answer: prompt v1 asks for the category first, v2 for it last. */
export type AnswerOrder = 'category-first' | 'evidence-first';
export const ANSWER_ORDERS: readonly AnswerOrder[] = ['category-first', 'evidence-first'];

export interface AnswerShape {
  mode: AnswerMode;
  order: AnswerOrder;
  /** --abstain: the model may answer one of the ABSTENTIONS instead of a category. */
  abstain?: boolean;
}

/**
 * What a model may answer instead of a category under --abstain, one value per reason a reader gives no category
 * (`UNCLASSIFIED_NOT_CMR` is not_cmr): plain enum values, so constrained decoding, logprob confidence and sample
 * votes treat them as they treat categories, and the reader turns them into an UNCLASSIFIED prediction.
 */
export const ABSTENTION_PREFIX = `${UNCLASSIFIED}_`;
export const ABSTENTIONS: readonly string[] = UNCLASSIFIED_REASONS.map((r) => `${ABSTENTION_PREFIX}${r.toUpperCase()}`);

/** The reason an answer gives no category, or null for a category. */
export function abstentionReason(value: string): UnclassifiedReason | null {
  if (!ABSTENTIONS.includes(value)) return null;
  return value.slice(ABSTENTION_PREFIX.length).toLowerCase() as UnclassifiedReason;
}

/** The default answer: prompt v2's, evidence first. */
export const DEFAULT_SHAPE: AnswerShape = { mode: 'evidence', order: 'evidence-first' };
/** Prompt v1's answer, the study's original. */
export const V1_SHAPE: AnswerShape = { mode: 'evidence', order: 'category-first' };

/** What every answer becomes after validation (category mode: no evidence, no rationale). */
export interface Answer {
  category: string;
  evidence: string[];
  rationale?: string;
}

/** The values the answer's category may take: the taxonomy's ids, and with --abstain the abstentions after them. */
export const answerValues = (taxonomy: Taxonomy, abstain = false) => [...taxonomy.categories.map((c) => c.id), ...(abstain ? ABSTENTIONS : [])] as [string, ...string[]];

/** The zod schema of the answer as the model writes it. */
export function answerSchema(taxonomy: Taxonomy, shape: AnswerShape = V1_SHAPE) {
  const category = z.enum(answerValues(taxonomy, shape.abstain)).describe(shape.abstain ? 'the diagnostic category, or why the text takes none' : 'the diagnostic category');
  if (shape.mode === 'category') return category;
  const evidence = z.array(z.string().min(1).max(400)).max(MAX_EVIDENCE).describe('verbatim quotes from the report that support the category');
  if (shape.order === 'category-first') {
    return z.object({ category, evidence, rationale: z.string().max(600).optional().describe('one or two sentences on why') }).strict();
  }
  // Evidence first: the rationale is required, so a constrained model cannot skip from the quotes to the category.
  return z.object({ evidence, rationale: z.string().max(600).describe('one or two sentences on why, from the quotes'), category }).strict();
}

function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema) as Record<string, unknown>;
  // Some servers reject `$schema`.
  delete json.$schema;
  return json;
}

/** The schema as plain JSON Schema for servers; property order is kept (JSON objects keep insertion order). */
export function answerJsonSchema(taxonomy: Taxonomy, shape: AnswerShape = V1_SHAPE): Record<string, unknown> {
  return toJsonSchema(answerSchema(taxonomy, shape));
}

/** Category mode for servers that need an object at the root: `{"category": <enum>}`. */
export function categoryObjectSchema(taxonomy: Taxonomy, abstain = false): Record<string, unknown> {
  return toJsonSchema(z.object({ category: z.enum(answerValues(taxonomy, abstain)) }).strict());
}

/** The answer's shape in words, for the message that asks a model again after an invalid answer. */
export function describeShape(taxonomy: Taxonomy, shape: AnswerShape): string {
  const list = answerValues(taxonomy, shape.abstain).join(', ');
  if (shape.mode === 'category') return `Reply with only the category as a JSON string, one of ${list}`;
  const object = shape.order === 'category-first' ? '{"category": ..., "evidence": [...], "rationale": ...}' : '{"evidence": [...], "rationale": ..., "category": ...}';
  return `Reply with only the JSON object ${object}; category is one of ${list}`;
}
