// Found by the attack7 review: a predictions.jsonl line without an "evidence" array (a file from elsewhere that evaluate accepts and
// scores) makes `cmrdx export <dir> -f xlsx` crash: "unexpected error: Cannot read properties of undefined
// (reading 'map')", exit 1. Either read it (no evidence) or refuse the line with exit 2 naming predictions.jsonl:line.
// Reproduce: printf '{"id":"r1","model":"a","category":"MYO","error":null}\n' > out/predictions.jsonl; cmrdx export out -f xlsx
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { tempDir } from './helpers/temp-dir.js';

test('export -f xlsx of a line without evidence is a workbook or a one-line refusal, not a TypeError', async () => {
  const out = join(tempDir(), 'out');
  mkdirSync(out);
  writeFileSync(join(out, 'predictions.jsonl'), JSON.stringify({ id: 'r1', model: 'a', category: 'MYO', error: null, seconds: 1 }) + '\n');
  const io = bufferIo();
  const code = await runCli(['export', out, '-f', 'xlsx'], io);
  assert.ok(code === 0 || code === 2, `exit ${code}: ${io.stderr()}`);
  assert.doesNotMatch(io.stderr(), /unexpected error/);
});
