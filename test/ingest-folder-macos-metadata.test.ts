// Pins a bug: a report folder copied from a Mac to a USB stick or a share holds an AppleDouble file `._<name>` beside
// each report (the Finder information macOS cannot store there). `._a.txt` ends in .txt, so it was read as a
// report and refused as binary, which failed the whole read (exit 2), or with --skip-invalid cost one skipped
// "record" per report. It is left out like other entries that are no reports, and the warning names it as macOS
// metadata. (`.DS_Store` was passed over silently already, and still is: test/ingest-folder-entries.test.ts.)
// Reproduce: mkdir f && echo "$T" > f/a.txt && printf '\0\5\26\7\0\2\0\0Mac OS X' > f/._a.txt && cmrdx parse f
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { makePdf } from './helpers/make-pdf.js';
import { tempDir } from './helpers/temp-dir.js';

const TEXT = 'Kardio-MRT. Subepikardiales LGE lateral, Ödem in T2. Befund vereinbar mit akuter Myokarditis.';
/** The start of an AppleDouble file: magic 0x00051607, version 2, the filler "Mac OS X", then entries. */
const APPLE_DOUBLE = Buffer.concat([Buffer.from([0, 5, 22, 7, 0, 2, 0, 0]), Buffer.from('Mac OS X        '), Buffer.from([0, 2, 0, 0, 0, 9, 0, 0, 0, 50])]);

function macFolder(reports: Record<string, string | Uint8Array>): string {
  const folder = join(tempDir(), 'befunde');
  mkdirSync(folder);
  for (const [name, content] of Object.entries(reports)) {
    writeFileSync(join(folder, name), content);
    writeFileSync(join(folder, `._${name}`), APPLE_DOUBLE);
  }
  writeFileSync(join(folder, '.DS_Store'), Buffer.from([0, 0, 0, 1, 66, 117, 100, 49]));
  return folder;
}

for (const flags of [[], ['--skip-invalid']]) {
  test(`AppleDouble ._ files beside .txt reports are left out and named as macOS metadata${flags.length ? ' (--skip-invalid: not skipped records)' : ''}`, async () => {
    const folder = macFolder({ 'a.txt': TEXT, 'b.txt': TEXT, 'labels.csv': 'id,label\na,MYO\nb,MYO\n' });
    const io = bufferIo();
    assert.equal(await runCli(['parse', folder, '--json', ...flags], io), 0, io.stderr());
    assert.deepEqual(io.stdout().trim().split('\n').map((l) => JSON.parse(l).id), ['a', 'b']);
    assert.equal(io.stderr().trimEnd().split('\n').length, 1, `one warning, no skipped records: ${io.stderr()}`);
    assert.match(io.stderr(), /^cmrdx: warning: .*befunde: 3 macOS metadata file\(s\) not read \(\._a\.txt, \._b\.txt, \._labels\.csv\); the \._ files are macOS metadata \(AppleDouble/);
    assert.doesNotMatch(io.stderr(), /other file|reads only|skipped|DS_Store/, io.stderr());
  });
}

test('beside other left-out entries the metadata is counted apart, with each reason', async () => {
  const folder = macFolder({ 'a.txt': TEXT });
  mkdirSync(join(folder, '2024'));
  writeFileSync(join(folder, 'c.rtf'), TEXT);
  const io = bufferIo();
  assert.equal(await runCli(['parse', folder, '--json'], io), 0, io.stderr());
  assert.match(io.stderr(), /1 subfolder\(s\), 1 other file\(s\) and 1 macOS metadata file\(s\) not read \(\._a\.txt, 2024\/, c\.rtf\); cmrdx reads only the folder's own \.txt files as reports .*; the \._ files are macOS metadata/);
});

test('AppleDouble ._ files beside PDF reports are left out too', async () => {
  const folder = macFolder({ 'a.pdf': await makePdf([[TEXT]]), 'b.txt': TEXT });
  const io = bufferIo();
  assert.equal(await runCli(['parse', folder, '--json'], io), 0, io.stderr());
  assert.deepEqual(io.stdout().trim().split('\n').map((l) => JSON.parse(l).id), ['a', 'b']);
  assert.match(io.stderr(), /2 macOS metadata file\(s\) not read \(\._a\.pdf, \._b\.txt\)/);
});

test('a folder of nothing but macOS metadata names it in the refusal', async () => {
  const folder = join(tempDir(), 'leer');
  mkdirSync(folder);
  writeFileSync(join(folder, '._a.txt'), APPLE_DOUBLE);
  const io = bufferIo();
  assert.equal(await runCli(['parse', folder], io), 2);
  assert.match(io.stderr(), /the folder has no \.txt files \(1 macOS metadata file\(s\) not read \(\._a\.txt\)\)/);
});
