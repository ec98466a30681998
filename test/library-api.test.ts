// Issue 15, point 1: the study functions as a script uses them: data back, progress as events, a signal that
// stops the run (resumable), and runs that the library and the CLI resume from each other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classify, consensus, evaluate, synth, type ClassifyEvent } from '../src/index.js';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { answer, startFakeServer } from './helpers/fake-llm-server.js';
import { tempDir } from './helpers/temp-dir.js';

const dir = tempDir();

test('synth → classify → consensus → evaluate as a script: data back, files written, events in order', async () => {
  const { reports } = await synth({ n: 24, seed: 7 });
  const events: ClassifyEvent['type'][] = [];
  const out = join(dir, 'script');
  const run = await classify({ input: reports, out, onProgress: (e) => events.push(e.type) });
  assert.equal(run.predictions.length, 24);
  assert.equal(run.summary.done, 24);
  assert.equal(events[0], 'start');
  assert.equal(events.filter((e) => e === 'prediction').length, 24);
  assert.deepEqual(run.predictions.map((p) => p.id), reports.map((r) => r.id), 'input order');
  // predictions is read lazily but stays a plain field: spread, serialised and assigned like one.
  assert.equal({ ...run }.predictions.length, 24);
  run.predictions = run.predictions.slice(0, 1);
  assert.equal(run.predictions.length, 1);

  const study = await evaluate({ dir: out, write: false });
  const rules = (study.metrics.readers as Record<string, { n: number; accuracy: number }>).rules!;
  assert.equal(rules.n, 24);
  assert.equal(rules.accuracy, study.evaluation.readers[0]!.metrics.accuracy);
  assert.equal(study.files, undefined, 'write: false writes nothing');

  await assert.rejects(consensus({ dir: out, models: ['rules'] }), /consensus/i, 'a consensus of one model is refused');
});

test('the signal stops a run: requests in flight finish, the rest is left, and the next call resumes', async () => {
  const server = await startFakeServer({ models: ['m1'], slots: 1, serviceMs: 20, behaviour: () => answer('NORMAL', ['kein LGE']) });
  try {
    const { reports } = await synth({ n: 12, seed: 3 });
    const out = join(dir, 'stopped');
    const stop = new AbortController();
    const options = { input: reports, models: ['ollama:m1'], ollamaUrls: [server.url], out, concurrency: 1 };
    const first = await classify({ ...options, signal: stop.signal, onProgress: (e) => e.type === 'prediction' && e.done === 3 && stop.abort() });
    assert.equal(first.summary.interrupted, true);
    assert.ok(first.summary.unfinished > 0 && first.predictions.length < 12, `stopped early (${first.predictions.length} stored)`);
    const second = await classify(options);
    assert.equal(second.summary.resumed, true);
    assert.equal(second.predictions.length, 12);
    assert.equal(server.calls.length, 12, 'each report asked once');
  } finally {
    await server.close();
  }
});

test('a run the library started is the same run for the CLI (defaults filled in the same way), and back', async () => {
  const server = await startFakeServer({ models: ['m1'], behaviour: () => answer('NORMAL', ['kein LGE']) });
  try {
    const { reports } = await synth({ n: 4, seed: 5 });
    const input = join(dir, 'four.jsonl');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(input, reports.map((r) => JSON.stringify({ id: r.id, text: r.text, label: r.label })).join('\n'));
    const out = join(dir, 'shared');
    await classify({ input, models: ['ollama:m1'], ollamaUrls: [server.url], out });
    const io = bufferIo();
    assert.equal(await runCli(['classify', input, '-m', 'ollama:m1', '--ollama-url', server.url, '-o', out], io), 0, io.stderr());
    assert.match(io.stderr(), /resumed run: 0 classified now, 4 already stored/);
    const again = await classify({ input, models: ['ollama:m1'], ollamaUrls: [server.url], out });
    assert.equal(again.summary.skipped, 4);
    assert.equal(server.calls.length, 4);
    assert.equal(readFileSync(join(out, 'predictions.jsonl'), 'utf8').trim().split('\n').length, 4);
  } finally {
    await server.close();
  }
});
