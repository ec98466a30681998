// Found by the attack7 review: human reader names are used as plain-object keys. `cmrdx evaluate out --reader __proto__=r.csv` prints
// the reader in the table but metrics.json silently has no such reader (assigning obj["__proto__"] sets the
// prototype); `--reader toString=r.csv` (also constructor, valueOf, hasOwnProperty — all "plain names" that
// `cmrdx read --reader` accepts too) crashes with "unexpected error: Operator not defined: undefined", exit 1,
// from the Vega chart code. Either name the reader safely (Map / Object.create(null)) or refuse it with exit 2.
// Reproduce: cmrdx evaluate out --reader toString=reader.csv
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { tempDir } from './helpers/temp-dir.js';

const MYO = 'Kardio-MRT. Subepikardiales LGE lateral, Ödem in T2. Befund vereinbar mit akuter Myokarditis.';
const NORMAL = 'Kardio-MRT. LVEF 60 %. Kein LGE. Normalbefund, Herzgröße normal, keine Myokarditis.';

for (const name of ['__proto__', 'toString', 'constructor']) {
  test(`evaluate --reader ${name}=file either scores the reader into metrics.json or refuses the name (exit 2)`, async () => {
    const dir = tempDir();
    const input = join(dir, 'r.jsonl');
    writeFileSync(input, [{ id: 'r1', text: MYO, label: 'MYO' }, { id: 'r2', text: NORMAL, label: 'NORMAL' }].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const out = join(dir, 'out');
    assert.equal(await runCli(['classify', input, '-m', 'rules', '-o', out, '-q'], bufferIo()), 0);
    const labels = join(dir, 'reader.csv');
    writeFileSync(labels, 'id,label\nr1,MYO\nr2,NORMAL\n');
    const io = bufferIo();
    const code = await runCli(['evaluate', out, '--reader', `${name}=${labels}`], io);
    assert.ok(code === 0 || code === 2, `exit ${code}: ${io.stderr()}`);
    assert.doesNotMatch(io.stderr(), /unexpected error/);
    if (code === 0) {
      const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
      assert.ok(Object.keys(metrics.readers).includes(name), `metrics.json has no reader ${name}: ${Object.keys(metrics.readers).join(', ')}`);
    }
  });
}

// The same crash from the other two names evaluate keys by: a taxonomy category id and a model name.
// Reproduce: a taxonomy with a category `id: constructor` (rules: [MYO]); classify -m rules --taxonomy t.yaml;
// cmrdx evaluate out --taxonomy t.yaml -> unexpected error: Operator not defined: undefined, exit 1.
test('a taxonomy category id "constructor" is scored or refused when the taxonomy is loaded, never a crash of evaluate', async () => {
  const dir = tempDir();
  const taxonomy = join(dir, 't.yaml');
  writeFileSync(taxonomy, 'name: t\nversion: 1\ncategories:\n  - id: constructor\n    name: Myo\n    definition: myocarditis\n    rules: [MYO]\n  - id: NORMAL\n    name: normal\n    definition: normal\n  - id: OTHER\n    name: other\n    definition: other\n    rules: [HCM, CA, CS, ICM, DCM, OTHER]\n');
  const input = join(dir, 'r.jsonl');
  writeFileSync(input, [{ id: 'r1', text: MYO, label: 'constructor' }, { id: 'r2', text: NORMAL, label: 'NORMAL' }].map((r) => JSON.stringify(r)).join('\n') + '\n');
  const out = join(dir, 'out');
  const classified = await runCli(['classify', input, '-m', 'rules', '--taxonomy', taxonomy, '-o', out, '-q'], bufferIo());
  if (classified === 2) return; // refused up front: fine
  const io = bufferIo();
  const code = await runCli(['evaluate', out, '--taxonomy', taxonomy], io);
  assert.equal(code, 0, io.stderr());
});

test('a model named "toString" in predictions.jsonl is scored, not a crash', async () => {
  const dir = tempDir();
  const out = join(dir, 'out');
  mkdirSync(out);
  writeFileSync(join(out, 'predictions.jsonl'), JSON.stringify({ id: 'r1', model: 'toString', category: 'MYO', error: null }) + '\n');
  const truth = join(dir, 't.csv');
  writeFileSync(truth, 'id,label\nr1,MYO\n');
  const io = bufferIo();
  const code = await runCli(['evaluate', out, '--truth', truth], io);
  assert.ok(code === 0 || code === 2, `exit ${code}: ${io.stderr()}`);
  assert.doesNotMatch(io.stderr(), /unexpected error/);
});

test('consensus keeps the vote of a model named "toString" that did not answer a report (failed, not an inherited function)', async () => {
  const dir = tempDir();
  const out = join(dir, 'out');
  mkdirSync(out);
  const lines = [
    { id: 'r1', model: 'toString', category: 'MYO', error: null },
    { id: 'r1', model: 'b', category: 'MYO', error: null },
    { id: 'r1', model: 'c', category: 'HCM', error: null },
    { id: 'r2', model: 'b', category: 'NORMAL', error: null },
    { id: 'r2', model: 'c', category: 'NORMAL', error: null },
  ];
  writeFileSync(join(out, 'predictions.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const io = bufferIo();
  assert.equal(await runCli(['consensus', out, '--models', 'toString,b,c'], io), 0, io.stderr());
  const rows = readFileSync(join(out, 'consensus.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; votes: Record<string, string | null> });
  assert.deepEqual(rows.find((r) => r.id === 'r2')!.votes, { toString: null, b: 'NORMAL', c: 'NORMAL' });
});
