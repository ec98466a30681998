import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../errors.js';
import { tempDir } from '../../../test/helpers/temp-dir.js';
import { fill, loadPrompt, renderPrompt } from './prompt.js';

const dir = tempDir();

test('the built-in prompt is versioned and puts the static instruction first', () => {
  const prompt = loadPrompt('classify');
  assert.equal(prompt.version, 'classify-v1');
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
