// The reading commands' refusals through the CLI: each is one line naming the flag or file and how to fix it,
// exit code 2, and nothing served. (The served page itself: reading-browser.test.ts.)
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { HumanAnswerStore } from '../src/run/human-answers.js';
import { runFacts } from '../src/serve/reading-setup.js';
import { openReadingSession, readingOrder } from '../src/serve/reading-session.js';
import { DEFAULT_TAXONOMY } from '../src/taxonomy/taxonomy.js';
import { tempDir } from './helpers/temp-dir.js';

describe('read, adjudicate, export-readers and evaluate --truth adjudicated refuse bad input', () => {
  const dir = tempDir();
  const input = join(dir, 'reports.jsonl');
  const other = join(dir, 'other.jsonl');
  const out = join(dir, 'run');
  const demo = readFileSync(new URL('../examples/demo/reports.jsonl', import.meta.url), 'utf8').trim().split('\n').slice(0, 4);

  before(async () => {
    writeFileSync(input, demo.join('\n'));
    writeFileSync(other, JSON.stringify({ id: 'x-1', text: 'Ein anderer Befund.' }));
    assert.equal(await runCli(['classify', input, '--model', 'rules', '--out', out, '--quiet'], bufferIo()), 0);
    const p = JSON.parse(readFileSync(join(out, 'predictions.jsonl'), 'utf8').split('\n')[0]!) as Record<string, unknown>;
    appendFileSync(join(out, 'predictions.jsonl'), `${JSON.stringify({ ...p, model: 'simulated-llm' })}\n`);
  });

  const cases: [string, () => string[], RegExp][] = [
    ['a reader named like the guideline engine', () => ['read', input, '--reader', 'rules', '--out', out], /^cmrdx: --reader rules: "rules" is reserved/],
    ['a reader named like a model of the run', () => ['read', input, '--reader', 'Simulated-LLM', '--out', out], /^cmrdx: --reader Simulated-LLM: the run already has a model named simulated-llm/],
    ['a reader named like a model spec', () => ['read', input, '--reader', 'ollama:me', '--out', out], /^cmrdx: --reader ollama:me: not a plain name/],
    ['a public address', () => ['read', input, '--reader', 'anna', '--out', out, '--host', '8.8.8.8'], /^cmrdx: --host 8\.8\.8\.8: a public address/],
    ['every interface', () => ['read', input, '--reader', 'anna', '--out', out, '--host', '0.0.0.0'], /^cmrdx: --host 0\.0\.0\.0: listens on every network interface/],
    ['a port beyond 65535', () => ['read', input, '--reader', 'anna', '--out', out, '--port', '70000'], /^cmrdx: --port 70000: not a port/],
    ['a page language cmrdx has not', () => ['read', input, '--reader', 'anna', '--out', out, '--lang', 'fr'], /^cmrdx: --lang fr: not a page language/],
    ['reports that are not the run\'s', () => ['read', other, '--reader', 'anna', '--out', out], /^cmrdx: .*other\.jsonl: report "x-1": is not among the reports of the run/],
    ['no input and no run', () => ['read', '--reader', 'anna', '--out', join(dir, 'empty')], /^cmrdx: .*empty: the folder holds no reports yet/],
    ['adjudicating without a consensus', () => ['adjudicate', out], /^cmrdx: .*run: no consensus\.jsonl to adjudicate\. Classify with several models, then build the consensus/],
    ['an adjudicator name with a path', () => ['adjudicate', out, '--adjudicator', '../bob'], /^cmrdx: --adjudicator \.\.\/bob: not a plain name/],
    ['export-readers without a run', () => ['export-readers', join(dir, 'nothing')], /^cmrdx: .*nothing: no run here/],
    ['export-readers of a run no human read', () => ['export-readers', out], /^cmrdx: .*run: no human answers in this run/],
    ['the adjudicated truth before any adjudication', () => ['evaluate', out, '--truth', 'adjudicated'], /^cmrdx: --truth adjudicated: .*has no adjudications/],
  ];
  for (const [name, args, message] of cases) {
    test(`refused: ${name}`, async () => {
      const io = bufferIo();
      assert.equal(await runCli(args(), io), 2, io.stderr());
      assert.match(io.stderr(), message);
      assert.equal(io.stderr().trim().split('\n').length, 1, 'one line');
      assert.equal(io.stdout(), '', 'no address printed');
    });
  }

  test('refused: --with-rules on a run without the guideline engine', async () => {
    const run = join(dir, 'no-rules');
    const lines = demo.slice(0, 2).map((l) => JSON.parse(l) as { id: string });
    assert.equal(await runCli(['classify', input, '--model', 'rules', '--out', run, '--quiet'], bufferIo()), 0);
    writeFileSync(join(run, 'predictions.jsonl'), ['a', 'b', 'c'].flatMap((m) => lines.map((r) => JSON.stringify({ id: r.id, model: `ollama:${m}`, category: 'NORMAL', evidence: [], seconds: 1, error: null }))).join('\n'));
    assert.equal(await runCli(['consensus', run, '--models', 'ollama:a,ollama:b,ollama:c'], bufferIo()), 0);
    const io = bufferIo();
    assert.equal(await runCli(['adjudicate', run, '--with-rules'], io), 2);
    assert.match(io.stderr(), /^cmrdx: --with-rules: the run in .* has no predictions of the guideline engine/);
    // Without it the review list is empty (all unanimous): nothing to serve, said so, exit 0.
    const empty = bufferIo();
    assert.equal(await runCli(['adjudicate', run], empty), 0);
    assert.match(empty.stderr(), /the review list of .* is empty/);
    assert.equal(empty.stdout(), '');
  });

  test('refused: a port already taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const io = bufferIo();
      assert.equal(await runCli(['read', input, '--reader', 'anna', '--out', out, '--port', String((taken.address() as AddressInfo).port)], io), 2);
      assert.match(io.stderr(), /cannot listen \(EADDRINUSE\)\. The port is taken/);
      assert.equal(io.stdout(), '');
    } finally {
      taken.close();
    }
  });

  test('nothing was stored for the refused names, and no folder made for a refused export', () => {
    const store = HumanAnswerStore.openExisting(out);
    try {
      for (const name of ['rules', 'Simulated-LLM', 'ollama:me', '../bob']) assert.equal(store?.reader(name) ?? null, null, name);
    } finally {
      store?.close();
    }
    assert.equal(existsSync(join(dir, 'nothing')), false);
  });

  test('a study of human readers alone: read into a new folder, evaluate without any model', async () => {
    const study = join(dir, 'humans-only');
    mkdirSync(study);
    const reports = demo.map((l) => JSON.parse(l) as { id: string; text: string; label: string });
    // What `cmrdx read` does before it serves: store the reports, open the reader's session.
    const facts = runFacts(study, DEFAULT_TAXONOMY, { path: input, reports });
    const session = openReadingSession({ dir: study, reports: facts.reports, reader: 'anna', seed: '1', lang: 'de', taxonomy: DEFAULT_TAXONOMY });
    const order = readingOrder(facts.reports, '1');
    order.forEach((r, i) => session.answer({ i, category: i === 0 ? (r.label === 'DCM' ? 'ICM' : 'DCM') : r.label!, seconds: 10 + i, unsure: false, comment: null }));
    session.close();
    const io = bufferIo();
    assert.equal(await runCli(['evaluate', study, '--resamples', '200'], io), 0, io.stderr());
    const metrics = JSON.parse(readFileSync(join(study, 'metrics.json'), 'utf8')) as { readers: Record<string, { kind: string; n: number; accuracy: number; secondsPerReport: { total: number } }> };
    assert.deepEqual(Object.keys(metrics.readers), ['anna']);
    assert.deepEqual([metrics.readers.anna!.kind, metrics.readers.anna!.n, metrics.readers.anna!.accuracy, metrics.readers.anna!.secondsPerReport.total], ['human', 4, 0.75, 10 + 11 + 12 + 13]);
  });
});
