import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { RunStore, configHash } from './run-store.js';

const dir = tempDir();
const config = { models: ['ollama:qwen2.5:32b'], taxonomy: { name: 'cmrdx-default', version: '1' }, promptVersion: 'classify-v1', options: { temperature: 0, seed: 42 } };
const prediction = (id: string, error = false) => ({ id, model: 'ollama:qwen2.5:32b', category: error ? null : 'MYO', evidence: [], seconds: 1.5, error: error ? { type: 'BackendError', code: 'backend.timeout', message: 't' } : null });

test('predictions are committed and read back in input order; a resumed run with the same configuration continues', () => {
  const path = join(dir, 'a.sqlite');
  const store = RunStore.open(path);
  assert.equal(store.begin(config), 'new');
  store.put(prediction('r2'), 1);
  store.put(prediction('r1'), 0);
  store.put(prediction('r3', true), 2);
  store.close();
  const again = RunStore.open(path);
  assert.equal(again.begin({ ...config, options: { seed: 42, temperature: 0 } }), 'resumed', 'key order does not matter');
  assert.deepEqual(again.all(config.models).map((p) => p.id), ['r1', 'r2', 'r3']);
  assert.equal(again.doneKeys().size, 3);
  assert.equal(again.doneKeys(false).size, 2, 'failed ones can be retried');
  assert.deepEqual(again.count(), { done: 3, failed: 1 });
  again.close();
});

test('a changed configuration refuses to resume, naming the difference and --fresh', () => {
  const path = join(dir, 'b.sqlite');
  const store = RunStore.open(path);
  store.begin(config);
  store.put(prediction('r1'), 0);
  store.close();
  const changed = RunStore.open(path);
  assert.throws(() => changed.begin({ ...config, promptVersion: 'classify-v2' }), (e: unknown) => {
    assert.ok(e instanceof ConfigError);
    assert.match(e.message, /another configuration \(prompt was classify-v1, now classify-v2\).*--fresh/);
    return true;
  });
  assert.throws(() => changed.begin({ ...config, models: ['ollama:gemma2:27b'] }), /models were ollama:qwen2\.5:32b, now ollama:gemma2:27b/);
  assert.equal(changed.begin({ ...config, promptVersion: 'classify-v2' }, true), 'resumed');
  assert.equal(changed.count().done, 0, '--fresh starts over');
  changed.close();
});

test('translations are cached by text hash, model and prompt version', () => {
  const store = RunStore.open(join(dir, 'c.sqlite'));
  store.begin(config);
  store.putTranslation('h1', 'ollama:llama3.3', 'translate-v1', 'English text');
  assert.equal(store.translation('h1', 'ollama:llama3.3', 'translate-v1'), 'English text');
  assert.equal(store.translation('h1', 'ollama:llama3.3', 'translate-v2'), undefined);
  store.close();
  assert.notEqual(configHash(config), configHash({ ...config, models: [] }));
});

test("a store the reading page made first (only the human readers' tables) is a cmrdx store, not a foreign file", async () => {
  const { HumanAnswerStore } = await import('./human-answers.js');
  const folder = join(dir, 'read-first');
  HumanAnswerStore.open(folder).close();
  const store = RunStore.open(join(folder, 'run.sqlite'));
  assert.equal(store.begin(config), 'new');
  store.close();
});

test('opening a run store while another connection writes waits for it instead of failing (SQLITE_BUSY)', async () => {
  const dir = tempDir();
  const path = join(dir, 'run.sqlite');
  RunStore.open(path).close();
  // Another process (a reading page's answer, another command) holds the write lock for 1.2 s.
  const holder = spawn(process.execPath, ['-e', `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(path)}); db.exec('BEGIN IMMEDIATE'); process.stdout.write('locked'); setTimeout(() => { db.exec('COMMIT'); db.close(); }, 1200);`], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
  const opened = await new Promise<string>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `import { RunStore } from ${JSON.stringify(new URL('./run-store.ts', import.meta.url).href)}; RunStore.open(${JSON.stringify(path)}).close(); console.log('opened');`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', () => resolve(out.trim()));
  });
  assert.equal(opened, 'opened');
  if (holder.exitCode === null) await new Promise((resolve) => holder.once('exit', resolve));
  assert.equal(holder.exitCode, 0);
});
