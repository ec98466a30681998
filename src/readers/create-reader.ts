/**
 * Turns model specs into readers. Heavy backends are imported only when a spec asks for them, so a run with the
 * guideline engine alone never loads an LLM client.
 */
import { ConfigError } from '../errors.js';
import { parseModelSpec } from './model-spec.js';
import type { Reader } from './reader.js';
import { createRulesReader } from './rules/rules-reader.js';

export async function createReaders(specs: string[]): Promise<Reader[]> {
  const seen = new Set<string>();
  const readers: Reader[] = [];
  for (const raw of specs) {
    const spec = parseModelSpec(raw);
    if (seen.has(spec.spec)) {
      throw new ConfigError(`--model ${raw}: given twice`, { code: 'config.model_duplicate', hint: 'Name each model once' });
    }
    seen.add(spec.spec);
    if (spec.kind === 'rules') readers.push(createRulesReader());
    else throw new ConfigError(`--model ${raw}: the ${spec.kind} backend is not available in this version`, { code: 'config.backend_missing', hint: 'Use --model rules' });
  }
  return readers;
}
