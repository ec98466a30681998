// Found by the attack7 review: `cmrdx consensus <dir> --models rules,rules` is accepted as a two-model consensus of one model:
// votes are keyed by model, so a report never has two agreeing votes, every report becomes "no majority",
// Fleiss' kappa is reported as 1.000, and evaluate then scores a "consensus" at accuracy 0 with every report failed.
// A model named twice must be refused (exit 2 naming --models), as a model not in the run is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { tempDir } from './helpers/temp-dir.js';
import { writeRunFolder, RULES, QWEN } from './helpers/export-fixture.js';

test('consensus --models with a model named twice is refused, not a consensus of one model counted as two', async () => {
  const dir = writeRunFolder(join(tempDir(), 'run'), false);
  const io = bufferIo();
  const code = await runCli(['consensus', dir, '--models', `${RULES},${RULES}`], io);
  assert.equal(code, 2, `expected a refusal; got ${code}: ${io.stdout()}`);
  assert.match(io.stderr(), /--models/);
});

test('consensus --models a,b,a is refused too (three names, two models)', async () => {
  const dir = writeRunFolder(join(tempDir(), 'run'), false);
  const io = bufferIo();
  const code = await runCli(['consensus', dir, '--models', `${RULES},${QWEN},${RULES}`], io);
  assert.equal(code, 2, `expected a refusal; got ${code}: ${io.stdout()}`);
});
