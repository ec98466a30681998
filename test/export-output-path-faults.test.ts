// Found by the attack7 review: output paths that already exist as the wrong kind of thing end in "cmrdx: unexpected error: EEXIST/EISDIR
// ... (run again with --debug)" and exit 1 (= "done but some predictions failed"), not one line naming the path and
// what to do with exit 2, as classify's storage faults do.
// Reproduce: touch afile; cmrdx export out -f fhir -o afile        -> unexpected error: EEXIST: file already exists, mkdir 'afile'
//            mkdir adir;  cmrdx export out -f xlsx -o adir        -> unexpected error: EISDIR ... rename 'adir.<pid>.tmp' -> 'adir'
//            mkdir out/report.html; cmrdx evaluate out            -> unexpected error: EISDIR ... rename
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { tempDir } from './helpers/temp-dir.js';
import { writeRunFolder } from './helpers/export-fixture.js';

const MYO = 'Kardio-MRT. Subepikardiales LGE lateral, Ödem in T2. Befund vereinbar mit akuter Myokarditis.';

async function expectCleanRefusal(argv: string[], path: string) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  assert.equal(code, 2, `exit ${code}: ${io.stderr()}`);
  assert.doesNotMatch(io.stderr(), /unexpected error|EEXIST|EISDIR|ENOTDIR/, io.stderr());
  assert.ok(io.stderr().includes(path), `the path is not named: ${io.stderr()}`);
}

test('export -f fhir -o <an existing file> is one line naming it, exit 2', async () => {
  const dir = tempDir();
  const run = writeRunFolder(join(dir, 'run'));
  const file = join(dir, 'afile');
  writeFileSync(file, 'x');
  await expectCleanRefusal(['export', run, '-f', 'fhir', '-o', file], file);
});

test('export -f xlsx -o <an existing folder> is one line naming it, exit 2', async () => {
  const dir = tempDir();
  const run = writeRunFolder(join(dir, 'run'));
  const folder = join(dir, 'adir');
  mkdirSync(folder);
  await expectCleanRefusal(['export', run, '-f', 'xlsx', '-o', folder], folder);
});

test('evaluate when report.html is a folder is one line naming it, exit 2', async () => {
  const dir = tempDir();
  const input = join(dir, 'r.jsonl');
  writeFileSync(input, JSON.stringify({ id: 'r1', text: MYO, label: 'MYO' }) + '\n');
  const out = join(dir, 'out');
  assert.equal(await runCli(['classify', input, '-m', 'rules', '-o', out, '-q'], bufferIo()), 0);
  mkdirSync(join(out, 'report.html'));
  await expectCleanRefusal(['evaluate', out], join(out, 'report.html'));
});
