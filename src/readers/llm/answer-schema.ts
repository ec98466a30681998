/**
 * The answer every LLM reader must give, written once in zod: the category (one of the taxonomy's ids), the
 * verbatim quotes it relied on, and an optional short rationale. Its JSON Schema goes to Ollama `format`,
 * OpenAI `response_format` and the llama.cpp grammar; the answer is validated with the same schema.
 */
import { z } from 'zod';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';

export const MAX_EVIDENCE = 5;

export function answerSchema(taxonomy: Taxonomy) {
  const ids = taxonomy.categories.map((c) => c.id) as [string, ...string[]];
  return z
    .object({
      category: z.enum(ids).describe('the diagnostic category'),
      evidence: z.array(z.string().min(1).max(400)).max(MAX_EVIDENCE).describe('verbatim quotes from the report that support the category'),
      rationale: z.string().max(600).optional().describe('one or two sentences on why'),
    })
    .strict();
}

export type Answer = z.infer<ReturnType<typeof answerSchema>>;

/** The schema as plain JSON Schema for servers (without `$schema`, which some servers reject). */
export function answerJsonSchema(taxonomy: Taxonomy): Record<string, unknown> {
  const schema = z.toJSONSchema(answerSchema(taxonomy)) as Record<string, unknown>;
  delete schema.$schema;
  return schema;
}
