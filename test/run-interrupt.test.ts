// End to end: the built CLI against a slow local inference server, killed with SIGKILL mid-run and started
// again; and stopped with SIGINT. Every (report, model) must end up exactly once, and the server must only be
// asked again for what was in flight when the process died.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, runBinAsync } from './helpers/run-bin.js';
import { answer, startFakeServer, type ChatCall } from './helpers/fake-llm-server.js';
import { tempDir } from './helpers/temp-dir.js';
import { waitFor } from './helpers/wait-for.js';

const dir = tempDir();
const N = 24;

function writeReports(file: string) {
  const lines = Array.from({ length: N }, (_, i) => JSON.stringify({ id: `r${String(i + 1).padStart(2, '0')}`, text: `Befund: Bericht Nummer ${i + 1}. Kein LGE, normale Funktion.` }));
  writeFileSync(file, `${lines.join('\n')}\n`);
}

const reportOf = (call: ChatCall) => Number(/Bericht Nummer (\d+)/.exec(call.user)?.[1]);


function readLines(file: string) {
  return readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; category: string | null; error: unknown });
}

test('SIGKILL mid-run, then the same command again: every (report, model) once, only in-flight requests asked twice', async () => {
  const server = await startFakeServer({ models: ['m1'], slots: 2, serviceMs: 120, behaviour: () => answer('NORMAL', ['Kein LGE']) });
  const input = join(dir, 'kill.jsonl');
  const out = join(dir, 'kill-out');
  writeReports(input);
  const args = ['classify', input, '--model', 'ollama:m1', '--ollama-url', server.url, '--out', out, '--concurrency', '2', '--quiet'];
  try {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
    await waitFor(() => server.answeredAt.size >= 8);
    child.kill('SIGKILL');
    const killedAt = Date.now();
    await new Promise((r) => child.once('exit', r));
    const firstRun = server.calls.map((c) => ({ report: reportOf(c), answeredAt: server.answeredAt.get(c.n) }));
    // Whatever predictions.jsonl is on disk after the kill is whole: it is only ever replaced atomically.
    if (existsSync(join(out, 'predictions.jsonl'))) readLines(join(out, 'predictions.jsonl'));

    const second = await runBinAsync(args);
    assert.equal(second.code, 0, second.stderr);
    const lines = readLines(join(out, 'predictions.jsonl'));
    assert.equal(lines.length, N);
    assert.equal(new Set(lines.map((l) => l.id)).size, N, 'each report exactly once');
    assert.ok(lines.every((l) => l.error === null && l.category === 'NORMAL'));

    const secondRun = server.calls.slice(firstRun.length).map(reportOf);
    for (const first of firstRun) {
      if (!secondRun.includes(first.report)) continue;
      // Asked again: it must have been in flight when the process died (not answered well before the kill).
      assert.ok(first.answeredAt === undefined || first.answeredAt > killedAt - 50, `report ${first.report} was answered ${killedAt - (first.answeredAt ?? killedAt)} ms before the kill and asked again`);
    }
    assert.ok(firstRun.filter((f) => f.answeredAt !== undefined && f.answeredAt < killedAt - 50).length >= 6);
    assert.deepEqual([...new Set([...firstRun.map((f) => f.report), ...secondRun])].sort((a, b) => a - b), Array.from({ length: N }, (_, i) => i + 1));
  } finally {
    await server.close();
  }
});

test('SIGINT: in-flight requests finish, the run says how to resume (exit 130), and resuming completes it', async () => {
  const server = await startFakeServer({ models: ['m1'], slots: 2, serviceMs: 150, behaviour: () => answer('NORMAL') });
  const input = join(dir, 'int.jsonl');
  const out = join(dir, 'int-out');
  writeReports(input);
  const args = ['classify', input, '--model', 'ollama:m1', '--ollama-url', server.url, '--out', out, '--concurrency', '2'];
  try {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await waitFor(() => server.calls.length >= 4);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    assert.equal(code, 130, stderr);
    assert.match(stderr, /stopping: no new requests/);
    assert.match(stderr, /run the same command again to resume/);
    const firstRun = server.calls.map(reportOf);
    const partial = readLines(join(out, 'predictions.jsonl'));
    assert.equal(partial.length, firstRun.length, 'every request that was sent finished and was saved');

    const again = await runBinAsync(args);
    assert.equal(again.code, 0, again.stderr);
    const lines = readLines(join(out, 'predictions.jsonl'));
    assert.equal(new Set(lines.map((l) => l.id)).size, N);
    assert.equal(server.calls.length, N, 'no report was asked twice');
  } finally {
    await server.close();
  }
});
