// Found by the attack7 review: a report folder entry that is not a regular file — a FIFO named x.txt, a symlink to /dev/zero — is
// opened and read: classify blocks forever (FIFO) or reads without end (/dev/zero), with no message. It should be
// refused as "not a regular file" (exit 2, or left out and counted with --skip-invalid).
// Reproduce: mkdir f && echo "$T" > f/a.txt && mkfifo f/pipe.txt && cmrdx parse f   (hangs)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBin } from './helpers/run-bin.js';
import { tempDir } from './helpers/temp-dir.js';

const TEXT = 'Kardio-MRT. Subepikardiales LGE lateral, Ödem in T2. Befund vereinbar mit akuter Myokarditis.';

test('a FIFO named pipe.txt in a report folder is refused, not read forever', { skip: process.platform === 'win32' }, () => {
  const folder = join(tempDir(), 'f');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a.txt'), TEXT);
  execFileSync('mkfifo', [join(folder, 'pipe.txt')]);
  const r = runBin(['parse', folder], { timeout: 15_000 });
  assert.notEqual(r.code, null, 'cmrdx parse still running after 15 s (blocked opening the FIFO)');
  assert.equal(r.code, 2, r.stderr);
});

test('a symlink to /dev/zero named z.txt in a report folder is refused, not read without end', { skip: process.platform === 'win32' }, () => {
  const folder = join(tempDir(), 'f');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a.txt'), TEXT);
  symlinkSync('/dev/zero', join(folder, 'z.txt'));
  const r = runBin(['parse', folder], { timeout: 15_000 });
  assert.notEqual(r.code, null, 'cmrdx parse still running after 15 s (reading /dev/zero)');
  assert.equal(r.code, 2, r.stderr);
});
