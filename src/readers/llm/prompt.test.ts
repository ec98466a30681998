import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../errors.js';
import { tempDir } from '../../../test/helpers/temp-dir.js';
import { DEFAULT_TAXONOMY } from '../../taxonomy/taxonomy.js';
import { classifyMessages } from './llm-reader.js';
import { fill, loadPrompt, renderPrompt } from './prompt.js';

const dir = tempDir();

test('the built-in prompt is versioned and puts the static instruction first', () => {
  const prompt = loadPrompt('classify', undefined, 'v1');
  assert.equal(prompt.version, 'classify-v1');
  assert.equal(loadPrompt('classify').version, 'classify-v2', 'v2 is the default');
  const [system, user] = renderPrompt(prompt, { categories: '- MYO: Myocarditis.', ids: 'MYO, NORMAL', report: 'Befund: LGE lateral.', measurements: '' });
  assert.match(system!.content, /^You are an experienced cardiologist/);
  assert.match(system!.content, /- MYO: Myocarditis\./);
  assert.doesNotMatch(system!.content, /Befund/, 'the report is not in the cacheable prefix');
  assert.match(user!.content, /Befund: LGE lateral\./);
  assert.doesNotMatch(user!.content, /Measurements printed/, 'empty blocks are left out');
});

test('blocks appear only with a value', () => {
  assert.equal(fill('a{{#m}} [{{m}}]{{/m}}', { m: 'x' }), 'a [x]');
  assert.equal(fill('a{{#m}} [{{m}}]{{/m}}', { m: '' }), 'a');
});

test('a custom prompt without a version is versioned by its content', () => {
  const file = join(dir, 'mine.yaml');
  writeFileSync(file, 'system: Classify.\nuser: "{{report}}"\n');
  assert.match(loadPrompt('classify', file).version, /^custom-[0-9a-f]{8}$/);
});

test('a broken prompt file is a one-line configuration error', () => {
  const file = join(dir, 'broken.yaml');
  writeFileSync(file, 'system: [unclosed\n');
  assert.throws(() => loadPrompt('classify', file), (e: unknown) => e instanceof ConfigError && /--prompt .*broken\.yaml: not a prompt file/.test(e.message));
  assert.throws(() => loadPrompt('classify', join(dir, 'missing.yaml')), /cannot read the file/);
});

test('prompt v2 asks for evidence, rationale, then category, and has a category-only mode', () => {
  const v2 = loadPrompt('classify', undefined, 'v2');
  assert.equal(v2.version, 'classify-v2');
  assert.equal(v2.answerOrder, 'evidence-first');
  assert.deepEqual(v2.modes, ['evidence', 'category']);
  const values = { categories: '- MYO: Myocarditis.', ids: 'MYO, NORMAL', report: 'Befund: LGE lateral.', measurements: '' };
  const [evidence] = renderPrompt(v2, { ...values, evidenceMode: 'yes' });
  assert.match(evidence!.content, /\{"evidence": \["<quote>", \.\.\.\], "rationale": "<one sentence>", "category": "<one of MYO, NORMAL>"\}/);
  assert.doesNotMatch(evidence!.content, /category only/);
  assert.doesNotMatch(evidence!.content, /\n\n\n/, 'no empty lines left by the blocks');
  const [category] = renderPrompt(v2, { ...values, categoryMode: 'yes' });
  assert.match(category!.content, /Answer with the category only, as a JSON string such as "NORMAL": one of MYO, NORMAL\. No other text\.$/);
  assert.doesNotMatch(category!.content, /"evidence"/);
});

test('prompt v1 stays selectable with the study order; an unknown version is refused', () => {
  const v1 = loadPrompt('classify', undefined, 'v1');
  assert.equal(v1.answerOrder, 'category-first');
  assert.deepEqual(v1.modes, ['evidence']);
  assert.throws(() => loadPrompt('classify', undefined, 'v3' as 'v1'), (e: unknown) => e instanceof ConfigError && /--prompt-version v3: no such built-in prompt\. Use one of v1, v2/.test(e.message));
});

test('a custom prompt may set answerOrder; a wrong one is refused', () => {
  const file = join(dir, 'ordered.yaml');
  writeFileSync(file, 'answerOrder: category-first\nsystem: Classify.\nuser: "{{report}}"\n');
  assert.equal(loadPrompt('classify', file).answerOrder, 'category-first');
  writeFileSync(file, 'answerOrder: sideways\nsystem: Classify.\nuser: "{{report}}"\n');
  assert.throws(() => loadPrompt('classify', file), /not a prompt file/);
});

test('prompt v2 without --abstain is what it was before --abstain existed, byte for byte; with it the model is told the values and when', () => {
  const v2 = loadPrompt('classify', undefined, 'v2');
  assert.equal(v2.abstains, true);
  assert.equal(loadPrompt('classify', undefined, 'v1').abstains, false, 'the study prompt stays as published');
  const read = { text: 'Befund: kein LGE.', source: 'narrative' as const };
  const digest = (mode: 'evidence' | 'category', abstain = false) => createHash('sha256').update(JSON.stringify(classifyMessages(v2, DEFAULT_TAXONOMY, read, mode, abstain))).digest('hex');
  // The digests of classify-v2's messages as they were rendered before the {{#abstain}} block (commit 0c08a33):
  // runs without --abstain keep comparing with earlier runs of the same prompt version.
  assert.equal(digest('evidence'), 'c5169de1210a03a234f5c2833682bc054a5d3a4914edcd9226030d8294d21ab8');
  assert.equal(digest('category'), '92add59874258ec2d31a10b0ac171e0290fdad29c9ea318cdec471e90de0b7ce');
  const [system] = classifyMessages(v2, DEFAULT_TAXONOMY, read, 'evidence', true);
  assert.match(system!.content, /^- UNCLASSIFIED_NOT_CMR: the text is not a cardiac MRI report$/m);
  assert.match(system!.content, /^- UNCLASSIFIED_OUTSIDE_TAXONOMY: .*none of the categories/m);
  assert.match(system!.content, /A CMR report with findings always gets a category/);
  assert.doesNotMatch(system!.content, /\n\n\n/, 'no empty lines left by the blocks');
});
