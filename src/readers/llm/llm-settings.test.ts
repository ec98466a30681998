import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../errors.js';
import { DEFAULT_TAXONOMY, type Taxonomy } from '../../taxonomy/taxonomy.js';
import { checkLlmSettings } from './llm-reader.js';
import { loadPrompt } from './prompt.js';

const withCategory = (category: Taxonomy['categories'][number]): Taxonomy => ({ ...DEFAULT_TAXONOMY, categories: [...DEFAULT_TAXONOMY.categories, category] });

test('--abstain refuses a taxonomy category spelt like an abstention value in its id, name or alias (answers match loosely)', () => {
  const prompt = loadPrompt('classify', undefined, 'v2');
  for (const category of [
    { id: 'UNCLASSIFIED-NOT-CMR', name: 'x', definition: 'x', aliases: [] },
    { id: 'UnclassifiedNonDiagnostic', name: 'x', definition: 'x', aliases: [] },
    { id: 'EXTRA', name: 'Unclassified not CMR', definition: 'x', aliases: [] },
    { id: 'EXTRA', name: 'x', definition: 'x', aliases: ['unclassified_no_findings'] },
  ]) {
    assert.throws(() => checkLlmSettings({ prompt, taxonomy: withCategory(category), abstain: true }), (e: unknown) => e instanceof ConfigError && /looks like an answer that gives no category/.test(e.message), JSON.stringify(category));
    // Without --abstain the taxonomy is fine.
    assert.doesNotThrow(() => checkLlmSettings({ prompt, taxonomy: withCategory(category) }));
  }
  assert.doesNotThrow(() => checkLlmSettings({ prompt, taxonomy: DEFAULT_TAXONOMY, abstain: true }));
});
