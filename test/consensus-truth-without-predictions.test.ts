// Pins a bug: `cmrdx consensus <dir> --truth truth.csv` where the truth names reports the run never classified
// (ids changed on the way) scored the consensus and ranked --top with those reports counted as wrong, exit 0 and no
// word about it, and a truth sharing no id with the run was scored 0.000 instead of refused. evaluate has said so
// since test/evaluate-truth-without-predictions.test.ts; consensus now says it in the same words (one module,
// src/evaluate/truth-coverage.ts).
// Reproduce: a run of models a, b, c for r1..r3; printf 'id,label\nr1,MYO\nX1,NORMAL\n' > t.csv;
// cmrdx consensus out --models a,b,c --truth t.csv  -> exit 0, no warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { tempDir } from './helpers/temp-dir.js';

const MODELS = ['ollama:a', 'ollama:b', 'ollama:c'];

/** A run folder of three models' answers for r1..r3, as predictions from elsewhere in classify's format. */
function runFolder(): { dir: string; out: string } {
  const dir = tempDir();
  const out = join(dir, 'out');
  mkdirSync(out);
  const answers: Record<string, string[]> = { r1: ['MYO', 'MYO', 'DCM'], r2: ['NORMAL', 'NORMAL', 'NORMAL'], r3: ['HCM', 'CA', 'HCM'] };
  const lines = Object.entries(answers).flatMap(([id, categories]) => MODELS.map((model, i) => JSON.stringify({ id, model, category: categories[i], evidence: [], seconds: 1, error: null })));
  writeFileSync(join(out, 'predictions.jsonl'), `${lines.join('\n')}\n`);
  return { dir, out };
}

/** The warnings a command printed about reports of the truth without a prediction. */
const truthWarnings = (stderr: string) => stderr.split('\n').filter((l) => l.includes('of the truth'));

for (const choice of [['--models', MODELS.join(',')], ['--top', '3']]) {
  test(`consensus ${choice[0]} names each model without a prediction for reports of the truth, as evaluate does`, async () => {
    const { dir, out } = runFolder();
    const truth = join(dir, 'truth.csv');
    writeFileSync(truth, 'id,label\nr1,MYO\nr2,NORMAL\n000123,NORMAL\nX9,MYO\n');
    const io = bufferIo();
    assert.equal(await runCli(['consensus', out, ...choice, '--truth', truth], io), 0, io.stderr());
    const said = truthWarnings(io.stderr());
    assert.deepEqual(said, MODELS.map((m) => `cmrdx: warning: ${m}: no prediction for 2 report(s) of the truth; they count as wrong (failed)`), io.stderr());
    const evaluated = bufferIo();
    assert.equal(await runCli(['evaluate', out, '--truth', truth], evaluated), 0, evaluated.stderr());
    assert.deepEqual(truthWarnings(evaluated.stderr()), said, 'evaluate and consensus say it differently');
  });

  test(`consensus ${choice[0]} with a truth that shares no id with the run is refused (exit 2), as evaluate refuses it`, async () => {
    const { dir, out } = runFolder();
    const truth = join(dir, 'truth.csv');
    writeFileSync(truth, 'id,label\nX1,MYO\nX2,NORMAL\n');
    const io = bufferIo();
    assert.equal(await runCli(['consensus', out, ...choice, '--truth', truth], io), 2, `scored anyway: ${io.stdout()} ${io.stderr()}`);
    assert.equal(io.stderr().trimEnd().split('\n').length, 1, io.stderr());
    assert.match(io.stderr(), /truth\.csv: none of its 2 report id\(s\) is a report any reader of .* answered\. Check that the truth names/);
    assert.ok(!existsSync(join(out, 'consensus.jsonl')), 'a consensus was written for a truth it was refused for');
    const evaluated = bufferIo();
    assert.equal(await runCli(['evaluate', out, '--truth', truth], evaluated), 2);
    assert.equal(evaluated.stderr(), io.stderr());
  });
}

test('consensus with a truth that covers the run says nothing about it', async () => {
  const { dir, out } = runFolder();
  const truth = join(dir, 'truth.csv');
  writeFileSync(truth, 'id,label\nr1,MYO\nr2,NORMAL\nr3,HCM\n');
  const io = bufferIo();
  assert.equal(await runCli(['consensus', out, '--models', MODELS.join(','), '--truth', truth], io), 0, io.stderr());
  assert.equal(io.stderr(), '');
});
