// Found by the attack7 review: in a folder with PDFs, `--skip-invalid` leaves out a scanned PDF and then warns that its label in
// labels.csv is "for ids with no .txt file (e.g. "scan1"); they are ignored" — the file exists (it is the skipped
// scan), so the warning points the user at a missing file that is not missing, and the skip is counted twice
// over. A .txt-only folder keeps a skipped file's id for exactly this reason (read-reports.ts); PDF folders do not.
// Reproduce: folder with ok.pdf, scan1.pdf (image only), labels.csv naming both; cmrdx classify f -m rules -o out --skip-invalid
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInput } from '../src/ingest/read-input.js';
import { DEFAULT_TAXONOMY } from '../src/taxonomy/taxonomy.js';
import { makePdf } from './helpers/make-pdf.js';
import { tempDir } from './helpers/temp-dir.js';

test('a skipped scanned PDF is not also reported as a label without a file', async () => {
  const folder = join(tempDir(), 'f');
  mkdirSync(folder);
  writeFileSync(join(folder, 'ok.pdf'), await makePdf([['Kardio-MRT.', 'Befund vereinbar mit akuter Myokarditis.']]));
  writeFileSync(join(folder, 'scan1.pdf'), await makePdf(['scan']));
  writeFileSync(join(folder, 'labels.csv'), 'id,label\nok,MYO\nscan1,NORMAL\n');
  const result = await readInput(folder, { taxonomy: DEFAULT_TAXONOMY, skipInvalid: true });
  assert.equal(result.skipped.length, 1);
  assert.deepEqual(result.warnings.filter((w) => /no \.txt file/.test(w)), [], result.warnings.join('\n'));
});

test('a PDF folder whose every file is skipped is refused naming the folder', async () => {
  const folder = join(tempDir(), 'f');
  mkdirSync(folder);
  writeFileSync(join(folder, 'scan1.pdf'), await makePdf(['scan']));
  await assert.rejects(readInput(folder, { taxonomy: DEFAULT_TAXONOMY, skipInvalid: true }), /f: no readable report \(all 1 skipped; first: .*scan1\.pdf: has no text layer/);
});
