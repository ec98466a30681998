// Issue 16, point 3: classify uses the concurrency cmrdx doctor measured for its endpoint and model, says so on
// stderr, and lets --concurrency win; entries that are old, of another cmrdx version, another model or
// endpoint, and a damaged cache file are not used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCli } from '../src/cli/program.js';
import { bufferIo } from '../src/cli/io.js';
import { capacityCacheFile, readCapacityCache, rememberCapacity, type CapacityEntry } from '../src/doctor/capacity-cache.js';
import { answer, startFakeServer } from './helpers/fake-llm-server.js';
import { tempDir } from './helpers/temp-dir.js';

const dir = tempDir();
process.env.XDG_CACHE_HOME = join(dir, 'cache');
const input = join(dir, 'in.jsonl');
writeFileSync(input, Array.from({ length: 12 }, (_, i) => JSON.stringify({ id: `r${i}`, text: `Befund: Kein LGE (${i}).\nBeurteilung: Normalbefund.` })).join('\n'));

const DAY = 86_400_000;
const entry = (endpoint: string, extra: Partial<CapacityEntry> = {}): CapacityEntry => ({ endpoint, model: 'ollama:m1', concurrency: 3, slots: 3, perSecond: 6, measuredAt: new Date().toISOString(), cmrdx: '0.1.0', ...extra });

let runs = 0;
/** classify of 12 reports against a server with unlimited slots and 150 ms per request: how many at once? */
async function classify(cache: (url: string) => CapacityEntry[] | string, extra: string[] = []): Promise<{ code: number; stderr: string; maxActive: number }> {
  const server = await startFakeServer({ models: ['m1'], serviceMs: 150, behaviour: () => answer('NORMAL') });
  try {
    const file = capacityCacheFile();
    mkdirSync(dirname(file), { recursive: true });
    const content = cache(server.url);
    if (typeof content === 'string') writeFileSync(file, content);
    else writeFileSync(file, JSON.stringify({ entries: content }));
    const io = bufferIo();
    const code = await runCli(['classify', input, '--model', 'ollama:m1', '--ollama-url', server.url, '--out', join(dir, `run-${++runs}`), ...extra], io);
    return { code, stderr: io.stderr(), maxActive: server.maxActive };
  } finally {
    await server.close();
  }
}

test('classify uses the measured --concurrency for its endpoint and model, and says so', async () => {
  const r = await classify((url) => [entry(url)]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.maxActive, 3);
  assert.match(r.stderr, /^cmrdx: --concurrency 3 for http:\/\/127\.0\.0\.1:\d+, as cmrdx doctor measured for ollama:m1 on \d{4}-\d\d-\d\d \(--concurrency overrides it\)$/m);
});

test('an explicit --concurrency wins, and nothing is said about the measurement', async () => {
  const r = await classify((url) => [entry(url)], ['--concurrency', '5']);
  assert.equal(r.maxActive, 5);
  assert.doesNotMatch(r.stderr, /doctor/);
});

const IGNORED: [string, (url: string) => CapacityEntry[] | string, RegExp | null][] = [
  ['older than a week', (url) => [entry(url, { measuredAt: new Date(Date.now() - 8 * DAY).toISOString() })], /not using the capacity cmrdx doctor measured for ollama:m1 at .* on \d{4}-\d\d-\d\d, more than 7 days ago; run cmrdx doctor again/],
  ['dated in the future', (url) => [entry(url, { measuredAt: new Date(Date.now() + 2 * DAY).toISOString() })], /not using the capacity/],
  ['of another cmrdx version', (url) => [entry(url, { cmrdx: '0.0.9' })], /not using the capacity cmrdx doctor measured for ollama:m1 at .* by cmrdx 0\.0\.9; run cmrdx doctor again/],
  ['of another model', (url) => [entry(url, { model: 'ollama:other' })], null],
  ['of another endpoint', () => [entry('http://127.0.0.1:1')], null],
  ['a damaged cache file', () => '{"entries": [', /ignoring the doctor cache: .*capacity\.json is not a capacity cache \(not JSON\)/],
  ['entries of the wrong shape', (url) => JSON.stringify({ entries: [{ ...entry(url), concurrency: 0 }, { endpoint: url }] }), null],
];
for (const [name, cache, note] of IGNORED) {
  test(`a measurement ${name} is not used: the default concurrency (4)`, async () => {
    const r = await classify(cache);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.maxActive, 4);
    if (note) assert.match(r.stderr, note);
    else assert.doesNotMatch(r.stderr, /doctor/);
  });
}

test('several models on one endpoint: the smallest measurement', async () => {
  const server = await startFakeServer({ models: ['m1', 'm2'], serviceMs: 100, behaviour: () => answer('NORMAL') });
  try {
    rememberCapacity(capacityCacheFile(), [entry(server.url, { concurrency: 2 }), entry(server.url, { model: 'ollama:m2', concurrency: 6 })]);
    const io = bufferIo();
    assert.equal(await runCli(['classify', input, '-m', 'ollama:m1', '-m', 'ollama:m2', '--ollama-url', server.url, '--out', join(dir, 'two-models')], io), 0);
    assert.equal(server.maxActive, 2);
    assert.match(io.stderr(), /--concurrency 2 for .*, as cmrdx doctor measured for ollama:m1, ollama:m2 on/);
  } finally {
    await server.close();
  }
});

test('rememberCapacity replaces the entry of the same endpoint and model and keeps the others', () => {
  const file = join(dir, 'own', 'capacity.json');
  rememberCapacity(file, [entry('http://a'), entry('http://b')]);
  rememberCapacity(file, [entry('http://a', { concurrency: 8 })]);
  const { entries } = readCapacityCache(file);
  assert.deepEqual(entries.map((e) => [e.endpoint, e.concurrency]).sort(), [['http://a', 8], ['http://b', 3]]);
});

test('the cache lives in $XDG_CACHE_HOME/cmrdx, else ~/.cache/cmrdx (a relative XDG_CACHE_HOME is ignored, as the spec says)', () => {
  assert.equal(capacityCacheFile({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' }), '/x/cache/cmrdx/capacity.json');
  assert.equal(capacityCacheFile({ HOME: '/home/u' }), '/home/u/.cache/cmrdx/capacity.json');
  assert.equal(capacityCacheFile({ XDG_CACHE_HOME: 'rel', HOME: '/home/u' }), '/home/u/.cache/cmrdx/capacity.json');
});
