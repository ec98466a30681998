// Found by the attack7 review: a finished run on a read-only share (an archived study, a colleague's folder) cannot be exported
// anywhere: `cmrdx export <run> -f xlsx -o ~/x.xlsx` is refused with "<run>/run.sqlite: cannot write there (the
// folder is read-only ...) Make the folder writable or copy the run", though export only reads the run (the store
// is opened for writing). Reading a run should open its store read-only.
// Reproduce (as a normal user): chmod -R a-w out; cmrdx export out -f xlsx -o /tmp/x.xlsx  -> exit 2
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { textHash } from '../src/readers/llm/llm-reader.js';
import { HumanAnswerStore } from '../src/run/human-answers.js';
import { runBinHonouringPermissions } from './helpers/run-bin.js';
import { tempDir } from './helpers/temp-dir.js';

const MYO = 'Kardio-MRT. Subepikardiales LGE lateral, Ödem in T2. Befund vereinbar mit akuter Myokarditis.';

/** A run of one report classified by rules. */
async function classifiedRun(): Promise<{ dir: string; run: string }> {
  const dir = tempDir();
  const input = join(dir, 'r.jsonl');
  writeFileSync(input, JSON.stringify({ id: 'r1', text: MYO, label: 'MYO' }) + '\n');
  const run = join(dir, 'run');
  assert.equal(await runCli(['classify', input, '-m', 'rules', '-o', run, '-q'], bufferIo()), 0);
  return { dir, run };
}

/** Makes the run read-only, exports it as xlsx to a writable folder with permissions honoured, then restores it. */
function exportReadOnly(dir: string, run: string): { dest: string; r: ReturnType<typeof runBinHonouringPermissions> } {
  for (const f of ['run.sqlite', 'predictions.jsonl', 'run.lock']) if (existsSync(join(run, f))) chmodSync(join(run, f), 0o444);
  chmodSync(run, 0o555);
  const dest = join(dir, 'dest');
  mkdirSync(dest);
  try {
    return { dest, r: runBinHonouringPermissions(['export', run, '-f', 'xlsx', '-o', join(dest, 'x.xlsx')]) };
  } finally {
    chmodSync(run, 0o755);
  }
}

test('export of a read-only run to a writable place works', { skip: process.platform === 'win32' }, async () => {
  const { dir, run } = await classifiedRun();
  const { dest, r } = exportReadOnly(dir, run);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(join(dest, 'x.xlsx')));
});

test('a read-only run keeps its human readers for export: their taxonomy is still checked, not silently skipped', { skip: process.platform === 'win32' }, async () => {
  const { dir, run } = await classifiedRun();
  // A reader who read under another category set: export must refuse to put the two side by side.
  const humans = HumanAnswerStore.open(run);
  humans.putReader({ name: 'anna', seed: '1', lang: 'de', taxonomy: 'hospital-categories #abc' });
  humans.putAnswer({ reader: 'anna', reportId: 'r1', category: 'MYO', seconds: 12, unsure: false, comment: null, textHash: textHash(MYO) });
  humans.close();
  const { r } = exportReadOnly(dir, run);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /anna read the reports .* under the taxonomy hospital-categories/);
});
