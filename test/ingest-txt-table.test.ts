// Found by the attack7 review: a single .txt (or a .txt in a report folder) that is really a table — a HIS export saved as
// Befunde.txt (tab-separated with a Fallnummer/Befundtext header) or JSON Lines — is read as ONE report whose id is
// the file name. Many reports in, one prediction out, exit 0: the guideline engine even gives the whole table a
// category (the demo's six-report JSONL as c.txt -> one NORMAL). It should be refused (exit 2: "looks like a table
// of N reports; name it .tsv/.csv/.jsonl") or at least warned about.
// Reproduce: cp reports.jsonl c.txt; cmrdx classify c.txt -m rules -o out -> 1 classified.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { tempDir } from './helpers/temp-dir.js';

const MYO = 'Kardio-MRT. Subepikardiales LGE lateral, Ödem in T2. Befund vereinbar mit akuter Myokarditis.';
const NORMAL = 'Kardio-MRT. LVEF 60 %. Kein LGE. Normalbefund, Herzgröße normal.';

const cases: [string, string][] = [
  ['a tab-separated HIS export', `Fallnummer\tBefundtext\tDiagnose\n4711\t${MYO}\tMyokarditis\n4712\t${NORMAL}\tNormalbefund\n4713\t${MYO}\tMyokarditis\n`],
  ['JSON Lines', [{ id: 'r1', text: MYO }, { id: 'r2', text: NORMAL }, { id: 'r3', text: MYO }].map((r) => JSON.stringify(r)).join('\n') + '\n'],
];

for (const [name, content] of cases) {
  test(`a .txt that is ${name} of three reports is not classified as one report`, async () => {
    const dir = tempDir();
    const input = join(dir, 'Befunde.txt');
    writeFileSync(input, content);
    const io = bufferIo();
    const code = await runCli(['classify', input, '-m', 'rules', '-o', join(dir, 'out'), '-q'], io);
    if (code === 0) assert.match(io.stderr(), /warning/, `three reports in, one prediction out, not a word: ${io.stdout()}`);
    else assert.equal(code, 2, io.stderr());
  });
}

test('a table saved as .txt in a report folder is refused with its file named, or skipped and counted', async () => {
  const dir = tempDir();
  const folder = join(dir, 'befunde');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a.txt'), MYO);
  writeFileSync(join(folder, 'Befunde.txt'), cases[0]![1]);
  const io = bufferIo();
  assert.equal(await runCli(['parse', folder], io), 2);
  assert.match(io.stderr(), /Befunde\.txt: looks like a tab-separated table .*Rename it to \.tsv/);
  const skipping = bufferIo();
  assert.equal(await runCli(['parse', folder, '--skip-invalid'], skipping), 0, skipping.stderr());
  assert.match(skipping.stderr(), /skipped 1 .*Befunde\.txt/);
});

test('a report with tab-separated measurements is still one report', async () => {
  const input = join(tempDir(), 'r.txt');
  writeFileSync(input, `Kardio-MRT\nParameter\tWert\tNorm\nLVEF\t60 %\t57-77\n${NORMAL}\n`);
  const io = bufferIo();
  assert.equal(await runCli(['parse', input], io), 0, io.stderr());
});
