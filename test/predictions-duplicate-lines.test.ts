// Found by the attack7 review: predictions.jsonl with two lines for the same (report, model) — two runs' files concatenated, a
// batch imported twice by hand, an edited file (the README invites scoring predictions from elsewhere in this
// format) — is scored silently with the LAST line winning: exit 0, no warning, n unchanged. With the two lines
// disagreeing the accuracy is whatever the order makes it. It should be refused naming the file and both lines.
// Reproduce: classify s.jsonl -m rules -o out; append a copy of line 1 with another category; cmrdx evaluate out
//            -> accuracy falls from 1.000 to 0.667 with exit 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { tempDir } from './helpers/temp-dir.js';

const MYO = 'Kardio-MRT. Subepikardiales LGE lateral, Ödem in T2. Befund vereinbar mit akuter Myokarditis.';
const NORMAL = 'Kardio-MRT. LVEF 60 %. Kein LGE. Normalbefund, Herzgröße normal, keine Myokarditis.';

test('evaluate refuses predictions.jsonl with two lines for one (report, model)', async () => {
  const dir = tempDir();
  const input = join(dir, 'r.jsonl');
  writeFileSync(input, [{ id: 'r1', text: MYO, label: 'MYO' }, { id: 'r2', text: NORMAL, label: 'NORMAL' }].map((r) => JSON.stringify(r)).join('\n') + '\n');
  const out = join(dir, 'out');
  assert.equal(await runCli(['classify', input, '-m', 'rules', '-o', out, '-q'], bufferIo()), 0);
  const file = join(out, 'predictions.jsonl');
  const first = JSON.parse(readFileSync(file, 'utf8').split('\n')[0]!) as { id: string; category: string };
  assert.equal(first.category, 'MYO');
  appendFileSync(file, JSON.stringify({ ...first, category: 'HCM' }) + '\n');
  const io = bufferIo();
  const code = await runCli(['evaluate', out], io);
  assert.equal(code, 2, `scored anyway (exit ${code}): ${io.stdout()}`);
  assert.match(io.stderr(), /predictions\.jsonl:3/);
});
