// Issue 10, point 7: storage faults are explained and lose nothing. A corrupt or foreign run.sqlite, a
// read-only folder, --out naming a file and a full disk all ended as "unexpected error" with no path or hint,
// and the full disk left predictions.jsonl.<pid>.tmp behind. Each is one line naming the path and what to do,
// exit 2 (1 if predictions were made); committed predictions are kept; no temporary files are left.
//
// The full disk is tested twice: for real on a 2 MB tmpfs (needs root and mount; skipped with the reason
// otherwise) and simulated by a run store whose writes fail with SQLITE_FULL (always).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../src/cli/program.js';
import { bufferIo } from '../src/cli/io.js';
import { StorageError } from '../src/errors.js';
import { runClassify } from '../src/run/run-classify.js';
import { RunStore } from '../src/run/run-store.js';
import type { Reader } from '../src/readers/reader.js';
import { answer, startFakeServer } from './helpers/fake-llm-server.js';
import { runBinAsync, spawnBin } from './helpers/run-bin.js';
import { tempDir } from './helpers/temp-dir.js';
import { waitFor } from './helpers/wait-for.js';

const dir = tempDir();
const input = join(dir, 'in.jsonl');
const N = 30;
writeFileSync(input, Array.from({ length: N }, (_, i) => JSON.stringify({ id: `r${i + 1}`, text: `Befund ${i + 1}: Kein LGE. Beurteilung: Normalbefund.` })).join('\n'));
const predictionLines = (file: string) => readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string });
const tmpFiles = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.tmp'));

async function classify(out: string): Promise<{ code: number; stderr: string }> {
  const io = bufferIo();
  const code = await runCli(['classify', input, '--out', out], io);
  return { code, stderr: io.stderr() };
}
const oneLine = (stderr: string) => assert.equal(stderr.trim().split('\n').length, 1, `one line: ${stderr}`);

test('--out naming a file: exit 2, the file untouched', async () => {
  const file = join(dir, 'a-file');
  writeFileSync(file, 'keep me');
  const { code, stderr } = await classify(file);
  assert.equal(code, 2);
  assert.match(stderr, /a-file: --out names a file, not a folder\. Name a folder with --out/);
  oneLine(stderr);
  assert.equal(readFileSync(file, 'utf8'), 'keep me');
});

test('a damaged run.sqlite: exit 2 naming it and what to do, the file untouched', async () => {
  const out = join(dir, 'damaged');
  mkdirSync(out);
  const garbage = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 31 + 7) % 256));
  writeFileSync(join(out, 'run.sqlite'), garbage);
  const { code, stderr } = await classify(out);
  assert.equal(code, 2);
  assert.match(stderr, /damaged\/run\.sqlite: the run store is damaged or not an SQLite file\. Move it away to start the run over/);
  oneLine(stderr);
  assert.deepEqual(readFileSync(join(out, 'run.sqlite')), garbage);
});

test("another program's SQLite file as run.sqlite: refused before anything is written to it", async () => {
  const out = join(dir, 'foreign');
  mkdirSync(out);
  const db = new Database(join(out, 'run.sqlite'));
  db.exec("CREATE TABLE patients (name TEXT); INSERT INTO patients VALUES ('someone')");
  db.close();
  const { code, stderr } = await classify(out);
  assert.equal(code, 2);
  assert.match(stderr, /foreign\/run\.sqlite: not a cmrdx run store \(another program's SQLite file\)\. Choose another --out folder/);
  const check = new Database(join(out, 'run.sqlite'), { readonly: true });
  assert.deepEqual((check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name), ['patients']);
  check.close();
});

/** A tmpfs mounted at a fresh folder (own cleanup: unmounted before the folder is removed), or why not. */
function mountTmpfs(name: string, options: string): { path: string } | { error: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'cmrdx-mount-')), name);
  mkdirSync(path);
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', path], { encoding: 'utf8' });
  after(() => {
    if (mount.status === 0) spawnSync('umount', [path]);
    rmSync(join(path, '..'), { recursive: true, force: true });
  });
  return mount.status === 0 ? { path } : { error: mount.stderr.trim() || `mount exit ${mount.status}` };
}

/** A folder this process cannot write to: a read-only tmpfs for root (who may write anywhere else), else chmod. */
function readOnlyFolder(): { path: string } | { skip: string } {
  if (process.getuid?.() !== 0) {
    const path = join(dir, 'read-only');
    mkdirSync(path);
    chmodSync(path, 0o555);
    after(() => chmodSync(path, 0o755));
    return { path };
  }
  const mounted = mountTmpfs('read-only', 'ro,size=64k');
  return 'path' in mounted ? mounted : { skip: `running as root, and cannot mount a read-only tmpfs here (${mounted.error})` };
}
const readOnly = readOnlyFolder();

test('a read-only output folder: exit 2 naming it', { skip: 'skip' in readOnly ? readOnly.skip : false }, async () => {
  const path = (readOnly as { path: string }).path;
  const { code, stderr } = await classify(path);
  assert.equal(code, 2);
  assert.match(stderr, /read-only(\/run\.lock)?: cannot write there \(the folder is read-only, or you have no permission\)\. Make the folder writable or copy the run somewhere you can write \(classify: choose a folder you can write to with --out\)/);
  oneLine(stderr);
});

test('simulated full disk: the run stops, committed predictions are kept and exported, the rerun completes (exit 1)', async () => {
  const out = join(dir, 'simulated-full');
  const asked: string[] = [];
  const reader: Reader = { id: 'server', endpoints: ['e'], classify: async (r) => (asked.push(r.id), { id: r.id, model: 'server', category: 'NORMAL', evidence: [], seconds: 0, error: null }) };
  const reports = Array.from({ length: 10 }, (_, i) => ({ id: `r${i + 1}`, text: 'Kein LGE.' }));
  const config = { models: ['server'], taxonomy: { name: 'd', version: '1' } };
  const put = RunStore.prototype.put;
  let writes = 0;
  RunStore.prototype.put = function (this: RunStore, ...args: Parameters<RunStore['put']>) {
    if (++writes > 3) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    return put.apply(this, args);
  };
  try {
    await assert.rejects(runClassify({ reports, readers: [reader], outDir: out, config, concurrency: () => 1 }), (e: unknown) => {
      assert.ok(e instanceof StorageError);
      assert.equal(e.code, 'storage.full');
      assert.equal(e.predictionsMade, true);
      assert.match(e.message, /simulated-full\/run\.sqlite: the disk is full; the predictions committed so far are kept\. Free some space/);
      return true;
    });
  } finally {
    RunStore.prototype.put = put;
  }
  assert.deepEqual(predictionLines(join(out, 'predictions.jsonl')).map((l) => l.id), ['r1', 'r2', 'r3'], 'what was committed is exported');
  assert.deepEqual(tmpFiles(out), []);
  const before = asked.length;
  await runClassify({ reports, readers: [reader], outDir: out, config });
  assert.equal(predictionLines(join(out, 'predictions.jsonl')).length, 10);
  assert.ok(asked.slice(before).every((id) => !['r1', 'r2', 'r3'].includes(id)), 'committed predictions are not asked again');
});

function tmpfs(size: string): { path: string } | { skip: string } {
  if (process.platform !== 'linux') return { skip: 'tmpfs needs Linux' };
  if (process.getuid?.() !== 0) return { skip: 'mounting a small tmpfs needs root; the simulated full-disk test covers this' };
  const mounted = mountTmpfs('small-disk', `size=${size}`);
  return 'path' in mounted ? mounted : { skip: `cannot mount a tmpfs here (${mounted.error}); the simulated full-disk test covers this` };
}
const small = tmpfs('2m');

test('a real full disk (2 MB tmpfs filled mid-run): one line, exit 1, nothing lost, no temporary files, the rerun completes', { skip: 'skip' in small ? small.skip : false }, async () => {
  const disk = (small as { path: string }).path;
  const out = join(disk, 'out');
  const server = await startFakeServer({ models: ['m1'], slots: 1, serviceMs: 60, behaviour: () => answer('NORMAL', ['Kein LGE']) });
  const args = ['classify', input, '--model', 'ollama:m1', '--ollama-url', server.url, '--out', out, '--concurrency', '1', '--quiet'];
  try {
    const run = spawnBin(args);
    await waitFor(() => server.answeredAt.size >= 5);
    // Fill the disk to the last byte.
    const filler = join(disk, 'filler');
    const fd = openSync(filler, 'w');
    const chunk = Buffer.alloc(16 * 1024, 1);
    try {
      for (;;) writeSync(fd, chunk);
    } catch {
      for (let size = 1024; size >= 1; size = Math.floor(size / 2)) {
        try {
          for (;;) writeSync(fd, chunk.subarray(0, size));
        } catch {
          // smaller pieces until nothing fits
        }
      }
    } finally {
      closeSync(fd);
    }
    const { code, stderr } = await run.done;
    assert.equal(code, 1, stderr);
    assert.match(stderr, /^cmrdx: .*small-disk\/out\/run\.sqlite: the disk is full; the predictions committed so far are kept(; predictions\.jsonl is the previous complete export)?\. Free some space \(or choose another --out folder\) and run the same command again/);
    oneLine(stderr);
    assert.deepEqual(tmpFiles(out), [], 'no temporary files left');
    if (existsSync(join(out, 'predictions.jsonl'))) predictionLines(join(out, 'predictions.jsonl'));
    const store = new Database(join(out, 'run.sqlite'), { readonly: true });
    const committed = (store.prepare('SELECT report_id FROM predictions').all() as { report_id: string }[]).map((r) => r.report_id);
    store.close();
    assert.ok(committed.length >= 3, `predictions committed before the disk filled are kept (${committed.length})`);

    rmSync(filler);
    const callsBefore = server.calls.length;
    const again = await runBinAsync(args);
    assert.equal(again.code, 0, again.stderr);
    const final = predictionLines(join(out, 'predictions.jsonl'));
    assert.deepEqual(final.map((l) => l.id).sort(), Array.from({ length: N }, (_, i) => `r${i + 1}`).sort());
    const reasked = server.calls.slice(callsBefore).map((c) => /Befund (\d+):/.exec(c.user)?.[1]).filter((id) => committed.includes(`r${id}`));
    assert.deepEqual(reasked, [], 'no committed prediction was asked again');
  } finally {
    await server.close();
  }
});
