// Found by the attack7 review: `cmrdx classify <folder>` reads only the folder's own .txt/.pdf files and says nothing about the rest:
// reports in subfolders (2023/, 2024/, an export split by month) and files of other extensions (.TXT is read,
// .text, .rtf, .doc are not) are silently left out. Every report in must be a prediction out or a named skip.
// Reproduce: mkdir -p f/2024 && echo "$T" > f/a.txt && echo "$T" > f/2024/b.txt && echo "$T" > f/c.text;
// cmrdx classify f -m rules -o out -> 1 classified, exit 0, no word about f/2024 or f/c.text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { tempDir } from './helpers/temp-dir.js';

const TEXT = 'Kardio-MRT. Subepikardiales LGE lateral, Ödem in T2. Befund vereinbar mit akuter Myokarditis.';

test('a folder with reports in a subfolder and a file of another extension says what it did not read', async () => {
  const dir = tempDir();
  const folder = join(dir, 'befunde');
  mkdirSync(join(folder, '2024'), { recursive: true });
  writeFileSync(join(folder, 'a.txt'), TEXT);
  writeFileSync(join(folder, '2024', 'b.txt'), TEXT);
  writeFileSync(join(folder, 'c.text'), TEXT);
  const io = bufferIo();
  const code = await runCli(['classify', folder, '-m', 'rules', '-o', join(dir, 'out'), '-q'], io);
  assert.equal(code, 0, io.stderr());
  assert.match(io.stderr(), /2024/, `the subfolder with a report was left out without a word: ${io.stderr()}`);
  assert.match(io.stderr(), /c\.text|1 other file/, `the .text file was left out without a word: ${io.stderr()}`);
});

test('the labels file and system files (.DS_Store) are no left-out reports', async () => {
  const folder = join(tempDir(), 'befunde');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a.txt'), TEXT);
  writeFileSync(join(folder, 'labels.csv'), 'id,label\na,MYO\n');
  writeFileSync(join(folder, '.DS_Store'), '');
  const io = bufferIo();
  assert.equal(await runCli(['parse', folder], io), 0, io.stderr());
  assert.equal(io.stderr(), '');
});

test('a folder with nothing readable names what it holds', async () => {
  const folder = join(tempDir(), 'befunde');
  mkdirSync(join(folder, '2024'), { recursive: true });
  writeFileSync(join(folder, '2024', 'b.txt'), TEXT);
  const io = bufferIo();
  assert.equal(await runCli(['parse', folder], io), 2);
  assert.match(io.stderr(), /no \.txt files \(1 subfolder\(s\) not read \(2024\/\)\)/);
});
