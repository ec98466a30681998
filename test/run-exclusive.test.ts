// Issue 10, point 6: one run per output folder, and resume is exact. Two runs on one --out were not refused
// (800 requests for 400 pairs) and --fresh in a second process deleted the first run's rows under it; an
// edited report kept its old answer ("0 classified now") and evaluate scored the stale prediction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../src/cli/program.js';
import { bufferIo } from '../src/cli/io.js';
import { runClassify } from '../src/run/run-classify.js';
import { createRulesReader } from '../src/readers/rules/rules-reader.js';
import { StorageError } from '../src/errors.js';
import { answer, startFakeServer } from './helpers/fake-llm-server.js';
import { BIN, runBinAsync, spawnBin } from './helpers/run-bin.js';
import { tempDir } from './helpers/temp-dir.js';
import { waitFor } from './helpers/wait-for.js';

const dir = tempDir();
const N = 12;
const input = join(dir, 'in.jsonl');
writeFileSync(input, Array.from({ length: N }, (_, i) => JSON.stringify({ id: `r${i + 1}`, text: `Befund ${i + 1}: Kein LGE. Beurteilung: Normalbefund.` })).join('\n'));
const lines = (file: string) => readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; category: string | null; error: unknown });


test('a second process on the same --out is refused naming the PID; --fresh too; the first run finishes untouched; the store stays open to others', async () => {
  // After two answers the server holds the rest until the two other processes have been refused, so the first
  // run is still going however slow the machine (a fixed service time made this flaky under load).
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const server = await startFakeServer({ models: ['m1'], slots: 1, behaviour: (call) => answer('NORMAL', ['Kein LGE'], call.n > 2 ? { gate: held } : {}) });
  const out = join(dir, 'shared-out');
  const args = ['classify', input, '--model', 'ollama:m1', '--ollama-url', server.url, '--out', out, '--concurrency', '1', '--quiet'];
  try {
    const first = spawnBin(args);
    await waitFor(() => server.answeredAt.size >= 2);

    for (const extra of [[], ['--fresh']]) {
      const second = await runBinAsync([...args, ...extra]);
      assert.equal(second.code, 2, second.stderr);
      assert.match(second.stderr, new RegExp(`^cmrdx: ${out.replace(/[/.]/g, '\\$&')}: another cmrdx run is using this output folder \\(PID ${first.child.pid}, started [0-9T:.-]+Z\\)\\. Wait for it to finish, stop it, or choose another --out folder`));
    }

    // Another process (the reading server of issue 14, evaluate) can open the store for its own tables meanwhile.
    const other = new Database(join(out, 'run.sqlite'), { timeout: 5000 });
    other.exec('CREATE TABLE IF NOT EXISTS test_reader_answers (report_id TEXT, answer TEXT)');
    for (let i = 0; i < 20; i++) other.prepare('INSERT INTO test_reader_answers VALUES (?, ?)').run(`r${i}`, 'NORMAL');
    assert.ok((other.prepare('SELECT COUNT(*) AS n FROM predictions').get() as { n: number }).n >= 2);
    other.close();

    release();
    const firstRun = await first.done;
    assert.equal(firstRun.code, 0, firstRun.stderr);
    const result = lines(join(out, 'predictions.jsonl'));
    assert.equal(result.length, N);
    assert.ok(result.every((l) => l.error === null));
    assert.equal(server.calls.length, N, 'each report asked once: the refused runs sent nothing');
  } finally {
    release();
    await server.close();
  }
});

test('a lock left by a killed run is no lock: the next run resumes (the OS releases it with the process)', async () => {
  const server = await startFakeServer({ models: ['m1'], slots: 1, serviceMs: 100, behaviour: () => answer('NORMAL') });
  const out = join(dir, 'killed-out');
  const args = ['classify', input, '--model', 'ollama:m1', '--ollama-url', server.url, '--out', out, '--concurrency', '1', '--quiet'];
  try {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
    await waitFor(() => server.answeredAt.size >= 2);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const again = await runBinAsync(args);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(new Set(lines(join(out, 'predictions.jsonl')).map((l) => l.id)).size, N);
  } finally {
    await server.close();
  }
});

test('two runs in one process on one folder: the second is refused too', async () => {
  const out = join(dir, 'in-process');
  const reports = [{ id: 'a', text: 'Beurteilung: Normalbefund.' }];
  const config = { models: ['slow'], taxonomy: { name: 'd', version: '1' } };
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const slow = { id: 'slow', classify: async (r: { id: string }) => (await gate, { id: r.id, model: 'slow', category: 'NORMAL', evidence: [], seconds: 0, error: null }) };
  const first = runClassify({ reports, readers: [slow], outDir: out, config });
  try {
    await new Promise((r) => setTimeout(r, 50));
    await assert.rejects(runClassify({ reports, readers: [slow], outDir: out, config }), (e: unknown) => e instanceof StorageError && e.code === 'storage.locked' && e.message.includes('a run of this same process') && !e.message.includes(`PID ${process.pid}`));
  } finally {
    release();
    await first;
  }
});

test('an edited report is classified again, the summary says how many, and its old prediction never reaches predictions.jsonl', async () => {
  const out = join(dir, 'changed');
  const path = join(dir, 'changing.jsonl');
  const write = (r2: string) =>
    writeFileSync(path, [
      JSON.stringify({ id: 'r1', text: 'Befund: Kein LGE. Beurteilung: Normalbefund.', label: 'NORMAL' }),
      JSON.stringify({ id: 'r2', text: r2, label: 'MYO' }),
      JSON.stringify({ id: 'r3', text: 'Befund: Kein LGE. Beurteilung: Normalbefund.', label: 'NORMAL' }),
    ].join('\n'));
  write('Befund: Kein LGE. Beurteilung: Normalbefund.');
  const run = async () => {
    const io = bufferIo();
    assert.equal(await runCli(['classify', path, '--out', out], io), 0, io.stderr());
    return io.stderr();
  };
  await run();
  assert.equal(lines(join(out, 'predictions.jsonl')).find((l) => l.id === 'r2')!.category, 'NORMAL');
  assert.match(await run(), /resumed run: 0 classified now, 3 already stored\n/);
  write('Befund: Subepikardiales LGE basal inferolateral, Myokardödem. Beurteilung: Akute Myokarditis.');
  assert.match(await run(), /resumed run: 1 classified now, 2 already stored, 1 report\(s\) changed since their prediction and classified again/);
  assert.equal(lines(join(out, 'predictions.jsonl')).find((l) => l.id === 'r2')!.category, 'MYO');

  // Interrupted before the changed report is classified again: the stale prediction is gone, not exported.
  write('Befund: Septum 19 mm, asymmetrische Hypertrophie. Beurteilung: Hypertrophe Kardiomyopathie.');
  const stop = new AbortController();
  stop.abort();
  const { readReports } = await import('../src/ingest/read-reports.js');
  const summary = await runClassify({ reports: readReports(path).reports, readers: [createRulesReader()], outDir: out, config: { models: ['rules'], taxonomy: { name: 'cmrdx-default', version: '1' }, options: {} }, stop: stop.signal });
  assert.equal(summary.changed, 1);
  assert.equal(summary.interrupted, true);
  assert.deepEqual(lines(join(out, 'predictions.jsonl')).map((l) => l.id), ['r1', 'r3'], 'the prediction made from the old text is not exported');
});
