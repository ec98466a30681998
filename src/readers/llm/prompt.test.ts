import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../errors.js';
import { tempDir } from '../../../test/helpers/temp-dir.js';
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
