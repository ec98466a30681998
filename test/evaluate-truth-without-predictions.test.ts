// Found by the attack7 review: `cmrdx evaluate <dir> --truth truth.csv` where the truth names reports the run never classified (ids
// changed on the way: leading zeros lost in Excel, another id scheme, a typo) scores them as wrong with exit 0 and
// no word about it: the terminal shows them in the "failed" column though no prediction failed, and only the
// opposite direction ("predictions for reports without truth were left out") is warned. Human readers get
// "no answer for N report(s); they count as wrong"; models do not. With no id in common, every reader scores 0.000.
// Reproduce: classify a.jsonl (ids r1,r2) -m rules -o out; printf 'id,label\nX1,MYO\nX2,NORMAL\n' > t.csv;
// cmrdx evaluate out --truth t.csv  -> exit 0, accuracy 0.000, failed 2, no warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { tempDir } from './helpers/temp-dir.js';

const MYO = 'Kardio-MRT. Subepikardiales LGE lateral, Ödem in T2. Befund vereinbar mit akuter Myokarditis.';
const NORMAL = 'Kardio-MRT. LVEF 60 %. Kein LGE. Normalbefund, Herzgröße normal, keine Myokarditis.';

/** A run of two reports (r1, r2) classified by rules, in a folder of its own. */
async function classifiedRun(): Promise<{ dir: string; out: string }> {
  const dir = tempDir();
  const input = join(dir, 'r.jsonl');
  writeFileSync(input, [{ id: 'r1', text: MYO }, { id: 'r2', text: NORMAL }].map((r) => JSON.stringify(r)).join('\n') + '\n');
  const out = join(dir, 'out');
  assert.equal(await runCli(['classify', input, '-m', 'rules', '-o', out, '-q'], bufferIo()), 0);
  return { dir, out };
}

test('evaluate says how many truth reports have no prediction of a model (they count as wrong), or refuses when none match', async () => {
  const { dir, out } = await classifiedRun();
  // One truth id matches, two are ids the run does not have.
  const truth = join(dir, 'truth.csv');
  writeFileSync(truth, 'id,label\nr1,MYO\n000123,NORMAL\nX9,MYO\n');
  const io = bufferIo();
  const code = await runCli(['evaluate', out, '--truth', truth], io);
  // One truth id matches, so the run is scored (the two others count as wrong) and says so.
  assert.equal(code, 0, io.stderr());
  assert.match(io.stderr(), /rules: .*2 report\(s\)/, `no warning about the 2 truth reports without a prediction: ${io.stderr()}`);
});

test('evaluate with a truth file that shares no id with the run is refused (exit 2), not scored 0.000', async () => {
  const { dir, out } = await classifiedRun();
  const truth = join(dir, 'truth.csv');
  writeFileSync(truth, 'id,label\nX1,MYO\nX2,NORMAL\n');
  const io = bufferIo();
  const code = await runCli(['evaluate', out, '--truth', truth], io);
  assert.equal(code, 2, `scored anyway: ${io.stdout()} ${io.stderr()}`);
  assert.match(io.stderr(), /truth\.csv/);
});
