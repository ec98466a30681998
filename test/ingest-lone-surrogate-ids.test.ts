// Found by the attack7 review: an id holding a lone UTF-16 surrogate (a JSON export that cut an emoji or a CJK pair in half:
// "s\ud800x") is accepted, but run.sqlite cannot keep it: it comes back as "s\ufffdx". Consequences:
//   - the same classify command never resumes: "2 classified now, 0 already stored" every time;
//   - two such ids ("s\ud800x", "s\ud801x") collapse into one in the store, so evaluate (truth = the input's
//     labels) scores n=1 with accuracy 0.000 and "failed 1", and warns that 2 predictions had no truth.
//   - in predictions.xlsx both show as "s\ufffdx".
// Such ids should be refused (exit 2, named line) like other non-text, or kept intact.
// Reproduce: printf '{"id":"s\\ud800x","text":"...","label":"MYO"}\n{"id":"s\\ud801x","text":"...","label":"NORMAL"}\n' > r.jsonl
//            cmrdx classify r.jsonl -m rules -o out; cmrdx classify r.jsonl -m rules -o out; cmrdx evaluate out
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { tempDir } from './helpers/temp-dir.js';

const MYO = 'Kardio-MRT. Subepikardiales LGE lateral, Ödem in T2. Befund vereinbar mit akuter Myokarditis.';
const NORMAL = 'Kardio-MRT. LVEF 60 %. Kein LGE. Normalbefund, Herzgröße normal, keine Myokarditis.';

test('ids with lone surrogates are refused, or resumed and scored as the two reports they are', async () => {
  const dir = tempDir();
  const input = join(dir, 'r.jsonl');
  writeFileSync(input, `{"id":"s\\ud800x","text":${JSON.stringify(MYO)},"label":"MYO"}\n{"id":"s\\ud801x","text":${JSON.stringify(NORMAL)},"label":"NORMAL"}\n`);
  const out = join(dir, 'out');
  const first = bufferIo();
  const code = await runCli(['classify', input, '-m', 'rules', '-o', out], first);
  if (code === 2) return; // refused as not text: fine
  assert.equal(code, 0, first.stderr());
  const again = bufferIo();
  assert.equal(await runCli(['classify', input, '-m', 'rules', '-o', out], again), 0);
  assert.match(again.stderr(), /0 classified now, 2 already stored/, `the run did not resume: ${again.stderr()}`);
  assert.equal(await runCli(['evaluate', out], bufferIo()), 0);
  const r = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')).readers.rules;
  assert.equal(r.n, 2, `evaluate scored ${r.n} report(s)`);
  assert.equal(r.accuracy, 1);
});

test('an id with a lone surrogate is refused at its line, before anything is stored; a whole emoji is an id', async () => {
  const dir = tempDir();
  const input = join(dir, 'r.jsonl');
  writeFileSync(input, `{"id":"ok\\ud83d\\ude00","text":${JSON.stringify(MYO)}}\n{"id":"s\\udc00x","text":${JSON.stringify(NORMAL)}}\n`);
  const io = bufferIo();
  assert.equal(await runCli(['classify', input, '-m', 'rules', '-o', join(dir, 'out'), '-q'], io), 2);
  assert.match(io.stderr(), /r\.jsonl:2: the id holds a broken character \(half of a UTF-16 surrogate pair/);
  assert.equal(existsSync(join(dir, 'out', 'run.sqlite')), false);
  const skipping = bufferIo();
  assert.equal(await runCli(['parse', input, '--skip-invalid', '--json'], skipping), 0, skipping.stderr());
  assert.deepEqual(skipping.stdout().trim().split('\n').map((l) => JSON.parse(l).id), ['ok\u{1F600}']);
});
