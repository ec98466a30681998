// Found by the attack7 review: entries of a report folder that exist but cannot be read are reported as "no such file or folder.
// Check the path": a symlink loop (loop.txt -> loop.txt, ELOOP) and a folder named like a PDF (scans.pdf/) in a
// folder with PDFs. The user is told the file is missing while `ls` shows it; the message should say what it is.
// Reproduce: mkdir f && echo "$T" > f/a.txt && ln -s loop.txt f/loop.txt && cmrdx parse f
//            mkdir -p g/scans.pdf && echo "$T" > g/a.txt && cmrdx parse g
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { tempDir } from './helpers/temp-dir.js';

const TEXT = 'Kardio-MRT. Subepikardiales LGE lateral, Ödem in T2. Befund vereinbar mit akuter Myokarditis.';

test('a symlink loop in a report folder is not reported as a missing file', async () => {
  const folder = join(tempDir(), 'f');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a.txt'), TEXT);
  symlinkSync('loop.txt', join(folder, 'loop.txt'));
  const io = bufferIo();
  assert.equal(await runCli(['parse', folder], io), 2);
  assert.doesNotMatch(io.stderr(), /no such file/, io.stderr());
});

test('a folder named scans.pdf in a report folder is not reported as a missing file', async () => {
  const folder = join(tempDir(), 'g');
  mkdirSync(join(folder, 'scans.pdf'), { recursive: true });
  writeFileSync(join(folder, 'a.txt'), TEXT);
  const io = bufferIo();
  const code = await runCli(['parse', folder], io);
  assert.ok(code === 0 || code === 2);
  assert.doesNotMatch(io.stderr(), /no such file/, io.stderr());
});

test('each unreadable entry says what it is; with --skip-invalid they are counted and named', async () => {
  const folder = join(tempDir(), 'f');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a.txt'), TEXT);
  symlinkSync('loop.txt', join(folder, 'loop.txt'));
  symlinkSync('gone.txt', join(folder, 'dangling.txt'));
  const io = bufferIo();
  assert.equal(await runCli(['parse', folder, '--skip-invalid', '--json'], io), 0, io.stderr());
  assert.equal(io.stdout().trim().split('\n').length, 1);
  assert.match(io.stderr(), /skipped 2 .*dangling\.txt: is a symbolic link to a file that does not exist/);
  assert.match(io.stderr(), /also skipped: .*loop\.txt: is a symbolic link that loops/);
});
