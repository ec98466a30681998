// Found by the attack7 review: an xlsx id cell holding a number shown with a number format loses what Excel shows. A Fallnummer
// column formatted "000000" shows 000123, and the hospital's labels file, HIS and the export say 000123, but
// cmrdx reads "123" (README: "number ids stay as Excel shows them"). The truth from a labels file then does not
// match (the report is scored as missing = failed) and exports name a report the hospital does not have.
// Reproduce: an .xlsx with id 123 formatted 000000; `cmrdx classify x.xlsx -m rules -o out`; predictions.jsonl id "123".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import ExcelJS, { type CellValue } from 'exceljs';
import { readInput } from '../src/ingest/read-input.js';
import { cellText } from '../src/ingest/read-xlsx.js';
import { DEFAULT_TAXONOMY } from '../src/taxonomy/taxonomy.js';
import { tempDir } from './helpers/temp-dir.js';

const TEXT = 'Kardio-MRT. Subepikardiales LGE lateral, Ödem in T2. Befund vereinbar mit akuter Myokarditis.';

test('an id cell formatted with leading zeros (000000) is read as Excel shows it', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Befunde');
  ws.addRow(['Fallnummer', 'Befundtext']);
  ws.addRow([123, TEXT]).getCell(1).numFmt = '000000';
  ws.addRow([4711, TEXT]).getCell(1).numFmt = '00000000';
  const file = join(tempDir(), 'export.xlsx');
  await wb.xlsx.writeFile(file);
  const { reports } = await readInput(file, { taxonomy: DEFAULT_TAXONOMY });
  assert.deepEqual(reports.map((r) => r.id), ['000123', '00004711']);
});

test('zero-padding formats keep their literal text; other formats and fractions keep the plain number', () => {
  assert.equal(cellText(5, '"K-"0000'), 'K-0005');
  assert.equal(cellText(5, '\\K0000'), 'K0005');
  assert.equal(cellText(42, '000;-000'), '042');
  assert.equal(cellText(12.5, '000'), '12.5');
  assert.equal(cellText(4711, '#,##0'), '4711');
  assert.equal(cellText(4711, 'General'), '4711');
  assert.equal(cellText(4711), '4711');
  assert.equal(cellText({ formula: 'A1', result: 7 } as CellValue, '000'), '007');
});
