// Found by the attack7 review: evaluate scores predictions.jsonl lines it should refuse, and its counts then disagree with each other.
// The design lets predictions "from elsewhere in the same format" be scored, but a line is not validated:
//   {"category":"myo"} / {"category":"Normalbefund"}  -> new confusion columns "myo", "Normalbefund" (scored wrong)
//   {"category":"MYO","error":{...}}                  -> a failed prediction scored as a CORRECT MYO, and also counted in "failed"
//   {"category":null,"error":null} / {"category":"FAILED"} -> in the FAILED column, but not in "failed"
// Result for 5 reports: accuracy 0.2, "failed": 1, FAILED column 2, exit 0.
// Reproduce: the five lines below in out/predictions.jsonl, truth all MYO/NORMAL; cmrdx evaluate out --truth t.csv
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { tempDir } from './helpers/temp-dir.js';

function run(lines: object[]): { out: string; truth: string } {
  const out = join(tempDir(), 'out');
  mkdirSync(out);
  writeFileSync(join(out, 'predictions.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const truth = join(out, 't.csv');
  writeFileSync(truth, 'id,label\nr1,MYO\nr2,NORMAL\nr3,MYO\n');
  return { out, truth };
}

test('a category that is no taxonomy id (myo, Normalbefund) is refused, naming the line', async () => {
  const { out, truth } = run([
    { id: 'r1', model: 'ext', category: 'myo', error: null },
    { id: 'r2', model: 'ext', category: 'Normalbefund', error: null },
    { id: 'r3', model: 'ext', category: 'MYO', error: null },
  ]);
  const io = bufferIo();
  const code = await runCli(['evaluate', out, '--truth', truth], io);
  assert.equal(code, 2, `scored anyway: ${io.stdout()}`);
  assert.match(io.stderr(), /predictions\.jsonl:1/);
});

test('a line with an error is failed (never scored as its category), and "failed" equals the FAILED column', async () => {
  const { out, truth } = run([
    { id: 'r1', model: 'ext', category: 'MYO', error: { type: 'BackendError', code: 'backend.timeout', message: 'no answer' } },
    { id: 'r2', model: 'ext', category: null, error: null },
    { id: 'r3', model: 'ext', category: 'MYO', error: null },
  ]);
  const io = bufferIo();
  const code = await runCli(['evaluate', out, '--truth', truth], io);
  if (code === 2) return; // refusing the inconsistent lines is as good
  assert.equal(code, 0, io.stderr());
  const r = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')).readers.ext;
  const failedColumn = Object.values(r.confusion as Record<string, Record<string, number>>).reduce((s, row) => s + (row.FAILED ?? 0), 0);
  assert.equal(r.accuracy, 1 / 3, 'the failed r1 was scored as a correct MYO');
  assert.equal(r.failed, failedColumn, `"failed" ${r.failed} but the FAILED column holds ${failedColumn}`);
});
