// Found by the attack7 review: `cmrdx export <run> -f xlsx|fhir -o <a folder you cannot write>` ends in "cmrdx: unexpected error:
// EACCES: permission denied, open '.../x.xlsx.<pid>.tmp' (run again with --debug)", exit 1, instead of one line
// naming the folder and what to do, exit 2 (as classify's storage faults are).
// Reproduce (as a normal user): mkdir ro && chmod 555 ro && cmrdx export out -f xlsx -o ro/x.xlsx
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runBinHonouringPermissions } from './helpers/run-bin.js';
import { tempDir } from './helpers/temp-dir.js';
import { writeRunFolder } from './helpers/export-fixture.js';


for (const format of ['xlsx', 'fhir'] as const) {
  test(`export -f ${format} into a read-only folder is one line naming it, exit 2`, { skip: process.platform === 'win32' }, () => {
    const dir = tempDir();
      const run = writeRunFolder(join(dir, 'run'));
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    const target = format === 'xlsx' ? join(ro, 'x.xlsx') : ro;
    const r = runBinHonouringPermissions(['export', run, '-f', format, '-o', target]);
    assert.equal(r.code, 2, r.stderr);
    assert.doesNotMatch(r.stderr, /unexpected error|EACCES/, r.stderr);
    assert.ok(r.stderr.includes(ro), r.stderr);
  });
}
