// Nothing stale is scored: consensus.jsonl / consensus.json / review.csv / metrics.json record the run
// configuration and the predictions they came from, and evaluate and demo rebuild (or refuse, or in the demo
// sandbox remove) a consensus that no longer matches the run, saying which and why. Also: `consensus --models`
// and `--top` find and use the truth alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { answer, startFakeServer } from './helpers/fake-llm-server.js';
import { tempDir } from './helpers/temp-dir.js';

const root = tempDir();
const demo = readFileSync(new URL('../examples/demo/reports.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string; label: string });
const reports = demo.slice(0, 24);
const truthFile = join(root, 'truth.csv');
writeFileSync(truthFile, `id,label\n${reports.map((r) => `${r.id},${r.label}`).join('\n')}\n`);

/** A folder with predictions.jsonl of the given models (each wrong on every k-th report). */
function folder(name: string, models: Record<string, number>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writePredictions(dir, models);
  return dir;
}
function writePredictions(dir: string, models: Record<string, number>): void {
  const lines = Object.entries(models).flatMap(([model, every]) => reports.map((r, i) => JSON.stringify({ id: r.id, model, category: i % every === 0 ? 'NORMAL' : r.label, evidence: [], seconds: 1, error: null })));
  writeFileSync(join(dir, 'predictions.jsonl'), `${lines.join('\n')}\n`);
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = bufferIo();
  const code = await runCli(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

test('consensus files record their source; evaluate rebuilds a consensus whose predictions changed, and says so', async () => {
  const dir = folder('changed', { m1: 3, m2: 4, m3: 5 });
  assert.equal((await cli(['consensus', dir, '--models', 'm1,m2,m3', '--truth', truthFile])).code, 0);
  const before = json(join(dir, 'consensus.json'));
  assert.deepEqual(before.source.models, ['m1', 'm2', 'm3']);
  assert.equal(before.source.runConfig, null, 'no run store here');
  assert.match(before.source.predictions, /^[0-9a-f]{16}$/);
  const rows = readFileSync(join(dir, 'consensus.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(rows.every((r) => r.source === before.source.id));

  // A later classify (say --retry-failed) changes m2's answers: m2 now says NORMAL throughout.
  writePredictions(dir, { m1: 3, m2: 1, m3: 5 });
  const ev = await cli(['evaluate', dir, '--truth', truthFile, '--resamples', '100']);
  assert.equal(ev.code, 0, ev.err);
  assert.match(ev.err, /consensus\.jsonl was stale \(the predictions of m1, m2, m3 changed since it was made\); rebuilt from the run's predictions of m1, m2, m3/);
  const after = json(join(dir, 'consensus.json'));
  assert.notEqual(after.source.predictions, before.source.predictions);
  const metrics = json(join(dir, 'metrics.json'));
  assert.deepEqual(metrics.consensus.source, after.source, 'metrics.json names the consensus it scored');
  assert.deepEqual(metrics.source.models, ['m1', 'm2', 'm3']);
  assert.equal(metrics.source.predictions.length, 16);
  // Scored from the current votes: with m2 all NORMAL, a report m1 or m3 also calls NORMAL is NORMAL.
  const now = readFileSync(join(dir, 'consensus.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(now.find((r) => r.id === reports[0]!.id).category, 'NORMAL');
  assert.ok(now.every((r) => r.votes.m2 === 'NORMAL'));
  // Evaluated again, it is current: no note.
  const again = await cli(['evaluate', dir, '--truth', truthFile, '--resamples', '100']);
  assert.doesNotMatch(again.err, /stale/);
});

test('evaluate refuses a consensus of models that are no longer in the run: exit 2, one line naming file, models and fix', async () => {
  const dir = folder('gone', { m1: 3, m2: 4, m3: 5 });
  assert.equal((await cli(['consensus', dir, '--models', 'm1,m2,m3', '--truth', truthFile])).code, 0);
  writePredictions(dir, { m1: 3, m2: 4 });
  const ev = await cli(['evaluate', dir, '--truth', truthFile]);
  assert.equal(ev.code, 2);
  assert.equal(ev.err.trim().split('\n').length, 1);
  assert.match(ev.err, /gone\/consensus\.jsonl: a consensus of m1, m2, m3, but its models m3 are no longer in the run\. Build it again with cmrdx consensus .* --models <a,b,c> \(the run has: m1, m2\), or delete consensus\.jsonl, consensus\.json and review\.csv/);
});

test('a consensus written before sources were recorded counts as stale and is rebuilt', async () => {
  const dir = folder('old', { m1: 3, m2: 4, m3: 5 });
  // consensus.jsonl as an older cmrdx wrote it: rows only, no source, a summary without one.
  writeFileSync(join(dir, 'consensus.jsonl'), reports.map((r) => JSON.stringify({ id: r.id, category: 'HCM', status: 'unanimous', votes: { m1: 'HCM', m2: 'HCM', m3: 'HCM' }, agree: 3 })).join('\n'));
  writeFileSync(join(dir, 'consensus.json'), JSON.stringify({ models: ['m1', 'm2', 'm3'], minAgree: 2, fleissKappa: 1 }));
  const ev = await cli(['evaluate', dir, '--truth', truthFile, '--resamples', '100']);
  assert.equal(ev.code, 0, ev.err);
  assert.match(ev.err, /was stale \(it records no source \(written by an older cmrdx\)\); rebuilt/);
  const metrics = json(join(dir, 'metrics.json'));
  assert.ok(metrics.readers.consensus.accuracy > 0.5, 'scored from the real votes, not the stored HCM throughout');
});

test('consensus --models and --top are scored alike: with --truth, with the input\'s labels, and --models also unlabelled', async () => {
  // A classify run (its store holds the labels) with two more models beside rules.
  const input = join(root, 'reports.jsonl');
  writeFileSync(input, reports.map((r) => JSON.stringify(r)).join('\n'));
  const run = join(root, 'labelled');
  assert.equal((await cli(['classify', input, '--model', 'rules', '--out', run, '--quiet'])).code, 0);
  appendFileSync(join(run, 'predictions.jsonl'), reports.flatMap((r, i) => ['a', 'b'].map((m, k) => JSON.stringify({ id: r.id, model: m, category: i % (3 + k) === 0 ? 'DCM' : r.label, evidence: [], seconds: 1, error: null }))).join('\n') + '\n');
  const scored = /against the truth: accuracy \d\.\d{3}, macro-F1 \d\.\d{3}/;
  for (const how of [['--models', 'rules,a,b'], ['--top', '3']]) {
    for (const truth of [[], ['--truth', truthFile]]) {
      const r = await cli(['consensus', run, ...how, ...truth]);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, scored, `${how.join(' ')} ${truth.join(' ')}`);
    }
  }
  // No truth anywhere: --models still builds the consensus (unscored); --top cannot rank and says how to fix it.
  const bare = folder('unlabelled', { a: 3, b: 4, c: 5 });
  const models = await cli(['consensus', bare, '--models', 'a,b,c']);
  assert.equal(models.code, 0, models.err);
  assert.doesNotMatch(models.out, /against the truth/);
  const top = await cli(['consensus', bare, '--top', '2']);
  assert.equal(top.code, 2);
  assert.match(top.err, /no truth to score against\. Pass --truth/);
});

test('issue 11: cmrdx demo rerun with fewer models no longer scores the old consensus; it removes it and says why', { timeout: 240_000 }, async () => {
  const server = await startFakeServer({ models: ['good', 'poor'], behaviour: (call) => answer(String(call.body.model) === 'good' ? 'NORMAL' : 'DCM') });
  try {
    const out = join(root, 'demo');
    const flags = ['--out', out, '--quiet', '--openai-url', `${server.url}/v1`];
    const three = await cli(['demo', ...flags, '--model', 'openai:good', '--model', 'openai:poor']);
    assert.ok(three.code <= 1, three.err);
    assert.ok(json(join(out, 'metrics.json')).readers.consensus, 'three readers: the demo builds their consensus');
    const source = json(join(out, 'consensus.json')).source;
    assert.deepEqual(source.models, ['rules', 'openai:good', 'openai:poor']);
    assert.match(source.runConfig, /^[0-9a-f]{16}$/, 'the run configuration of the run store');

    const one = await cli(['demo', ...flags]);
    assert.equal(one.code, 0, one.err);
    assert.match(one.err, /consensus\.jsonl was stale \(its models openai:good, openai:poor are no longer in the run\); removed/);
    for (const f of ['consensus.jsonl', 'consensus.json', 'review.csv']) assert.equal(existsSync(join(out, f)), false, f);
    const metrics = json(join(out, 'metrics.json'));
    assert.deepEqual(Object.keys(metrics.readers), ['rules']);
    assert.equal(metrics.consensus, undefined);
  } finally {
    await server.close();
  }
});
