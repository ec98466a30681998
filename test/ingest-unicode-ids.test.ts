// Found by the attack7 review: report ids are not Unicode-normalised, but CSV/labels files are (the whole decoded file goes through
// NFC) and JSON escapes are not. An id written in decomposed form (NFD, as macOS file names and some exports write
// "Müller" = "Mu\u0308ller") is kept as NFD from a .jsonl ("\u0308" escapes, as Python's json.dumps writes) or a
// folder's file names, while the same id in truth.csv / labels.csv becomes NFC: the truth does not match its
// own report (counted as missing = wrong), and two ids that look identical ("Müller-1" NFC and NFD) pass the
// duplicate check as two reports.
// Reproduce: python3 -c 'import json,unicodedata;i=unicodedata.normalize("NFD","Müller-1");print(json.dumps({"id":i,"text":"..."}))' > r.jsonl
//            printf 'id,label\nMu\xcc\x88ller-1,MYO\n' > t.csv; cmrdx classify r.jsonl -m rules -o out; cmrdx evaluate out --truth t.csv
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { readInput } from '../src/ingest/read-input.js';
import { DEFAULT_TAXONOMY } from '../src/taxonomy/taxonomy.js';
import { tempDir } from './helpers/temp-dir.js';

const MYO = 'Kardio-MRT. Subepikardiales LGE lateral, Ödem in T2. Befund vereinbar mit akuter Myokarditis.';
const NFD = 'Mu\u0308ller-1';
const NFC = NFD.normalize('NFC');

test('the same decomposed id in the input and in truth.csv matches (the report is scored, not missing)', async () => {
  const dir = tempDir();
  const input = join(dir, 'r.jsonl');
  // JSON.stringify keeps the combining mark as a character; escape it as Python's json.dumps does.
  writeFileSync(input, JSON.stringify({ id: NFD, text: MYO }).replace('\u0308', '\\u0308') + '\n');
  const truth = join(dir, 'truth.csv');
  writeFileSync(truth, `id,label\n${NFD},MYO\n`);
  const out = join(dir, 'out');
  assert.equal(await runCli(['classify', input, '-m', 'rules', '-o', out, '-q'], bufferIo()), 0);
  const io = bufferIo();
  assert.equal(await runCli(['evaluate', out, '--truth', truth], io), 0, io.stderr());
  const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
  assert.equal(metrics.readers.rules.missing, 0, `the report's own truth did not match it: ${io.stderr()}`);
  assert.equal(metrics.readers.rules.accuracy, 1);
});

test('ids that differ only in Unicode normalisation are one id (a duplicate), not two reports', async () => {
  const input = join(tempDir(), 'r.jsonl');
  writeFileSync(input, [JSON.stringify({ id: NFC, text: MYO }), JSON.stringify({ id: NFD, text: MYO }).replace('\u0308', '\\u0308')].join('\n') + '\n');
  await assert.rejects(readInput(input, { taxonomy: DEFAULT_TAXONOMY }), /duplicate id/);
});

test('a folder file named in decomposed form (as macOS writes it) gets its label from labels.csv and an NFC id', async () => {
  const folder = join(tempDir(), 'befunde');
  mkdirSync(folder);
  writeFileSync(join(folder, `${NFD}.txt`), MYO);
  writeFileSync(join(folder, 'labels.csv'), `id,label\n${NFC},MYO\n`);
  const { reports, warnings } = await readInput(folder, { taxonomy: DEFAULT_TAXONOMY });
  assert.deepEqual(reports.map((r) => [r.id, r.label]), [[NFC, 'MYO']]);
  assert.deepEqual(warnings, []);
});
