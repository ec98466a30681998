import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { bufferIo } from '../cli/io.js';
import { runCli } from '../cli/program.js';
import { encryptedPdf, makePdf } from '../../test/helpers/make-pdf.js';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { readInput } from './read-input.js';
import { readPdfText } from './read-pdf.js';

const dir = tempDir();
let n = 0;
function folder(files: Record<string, string | Buffer>): string {
  const f = join(dir, String(n++));
  mkdirSync(f);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(f, name), content);
  return f;
}

const REPORT = ['Fragestellung: Myokarditis?', 'Befund: LVEF 61 %, T2 58 ms (Norm < 52 ms), Größe normal.', 'Beurteilung: akute Myokarditis.'];

test('pdf: the text layer in reading order, lines kept, pages apart', async () => {
  const f = folder({ 'r1.pdf': await makePdf([REPORT, ['Seite 2: Ödem basal lateral.']]) });
  const text = await readPdfText(join(f, 'r1.pdf'));
  assert.equal(text, `${REPORT.join('\n')}\n\nSeite 2: Ödem basal lateral.`);
  const { reports } = await readInput(join(f, 'r1.pdf'));
  assert.deepEqual(reports.map((r) => [r.id, r.text]), [['r1', text]]);
});

test('pdf: a folder of PDF (and .txt) reports, ids from file names, labels.csv applied', async () => {
  const f = folder({
    '10.pdf': await makePdf([['Beurteilung: Normalbefund.']]),
    '9.pdf': await makePdf([REPORT]),
    '11.txt': 'Beurteilung: DCM.',
    'labels.csv': 'id,label\n9,MYO\n10,NORMAL\n',
    'notes.docx': 'ignored',
  });
  const { reports } = await readInput(f);
  assert.deepEqual(reports.map((r) => [r.id, r.label]), [['9', 'MYO'], ['10', 'NORMAL'], ['11', undefined]]);
  assert.equal(reports[0]!.origin, join(f, '9.pdf'));
});

// A PDF that cannot be read as text is refused with the file named, never read as an empty or partial report.
const REFUSED: [string, () => Promise<Buffer>, RegExp, string][] = [
  ['a scan without a text layer', () => makePdf(['scan']), /scan\.pdf: has no text layer \(a scanned image\?\)\. Run OCR on it first/, 'input.pdf_no_text'],
  ['a scanned page among text pages', () => makePdf([REPORT, 'scan', []]), /scan\.pdf: page 2 of 3 has no text layer \(a scanned page\?\)/, 'input.pdf_scanned_page'],
  ['a password-protected PDF', async () => encryptedPdf(), /scan\.pdf: is a password-protected PDF\. Save it again without a password/, 'input.pdf_encrypted'],
  ['a truncated PDF', async () => (await makePdf([['VERTRAULICH: Befund']])).subarray(0, 900), /scan\.pdf: is not a readable PDF \(damaged or truncated\)/, 'input.not_pdf'],
  ['not a PDF at all', async () => Buffer.from('Befund: VERTRAULICH'), /scan\.pdf: is not a PDF file/, 'input.not_pdf'],
];

for (const [name, make, message, code] of REFUSED) {
  test(`pdf refused: ${name}`, async () => {
    const f = folder({ 'scan.pdf': await make() });
    await assert.rejects(readInput(join(f, 'scan.pdf')), (error: unknown) => {
      assert.ok(error instanceof InputError, String(error));
      assert.match(error.message, message);
      assert.equal(error.code, code);
      assert.doesNotMatch(error.message, /VERTRAULICH|Befund/, 'no text from the PDF in the message');
      return true;
    });
  });
}

test('CLI: classify a folder of PDFs; a scanned one is exit 2 naming it, or skipped and counted with --skip-invalid', async () => {
  const f = folder({ 'a.pdf': await makePdf([REPORT]), 'b.pdf': await makePdf([['Beurteilung: Normalbefund.']]) });
  const io = bufferIo();
  assert.equal(await runCli(['classify', f, '-m', 'rules', '-o', join(f, 'out'), '-q'], io), 0, io.stderr());

  writeFileSync(join(f, 'c.pdf'), await makePdf(['scan']));
  const refused = bufferIo();
  assert.equal(await runCli(['parse', f], refused), 2);
  assert.match(refused.stderr(), /^cmrdx: .*c\.pdf: has no text layer \(a scanned image\?\)\. Run OCR.*\n$/);
  const skipped = bufferIo();
  assert.equal(await runCli(['parse', f, '--skip-invalid', '--json'], skipped), 0);
  assert.equal(skipped.stdout().trim().split('\n').length, 2);
  assert.match(skipped.stderr(), /skipped 1 invalid record\(s\); first: .*c\.pdf: has no text layer/);
});
