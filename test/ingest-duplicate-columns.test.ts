// Found by the attack7 review: a CSV whose header names a column twice ("id,text,text" or "id,text,label,label") is read with the
// LAST column of that name silently winning: the report text becomes the second column's "Nachtrag" and the
// label the second label column's value. The same header in an .xlsx is refused ("several columns could be the
// report text: Befundtext, Befundtext"). A CSV should be refused the same way (exit 2, naming the columns).
// Reproduce: printf 'id,text,label,label\nr1,"...Myokarditis.",MYO,NORMAL\n' > d.csv; cmrdx classify d.csv -m rules -o out
//            -> truth NORMAL in run.sqlite, exit 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readInput } from '../src/ingest/read-input.js';
import { DEFAULT_TAXONOMY } from '../src/taxonomy/taxonomy.js';
import { tempDir } from './helpers/temp-dir.js';

const MYO = 'Kardio-MRT. Befund vereinbar mit akuter Myokarditis.';

for (const [name, csv] of [
  ['text', `id,text,text\nr1,${MYO},Nachtrag: keine Aenderung\n`],
  ['label', `id,text,label,label\nr1,${MYO},MYO,NORMAL\n`],
  ['Befundtext (any case)', `Fallnummer,Befundtext,befundtext\nr1,${MYO},Nachtrag\n`],
] as const) {
  test(`a CSV header naming ${name} twice is refused, not read with the last column winning`, async () => {
    const file = join(tempDir(), 'd.csv');
    writeFileSync(file, csv);
    await assert.rejects(readInput(file, { taxonomy: DEFAULT_TAXONOMY }), /column/);
  });
}

test('the refusal names the line, the column as written and both positions', async () => {
  const file = join(tempDir(), 'd.csv');
  writeFileSync(file, `Fallnummer;Befundtext;Befundtext\nr1;${MYO};Nachtrag\n`);
  await assert.rejects(readInput(file, { taxonomy: DEFAULT_TAXONOMY }), /d\.csv:1: the header names the column "Befundtext" twice \(columns 2 and 3\)/);
});

test('an xlsx header naming a column twice is refused at its row, also when it is no id/text/label column', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Befunde');
  ws.addRow([]);
  ws.addRow(['Fallnummer', 'Befundtext', 'Bemerkung', 'Bemerkung']);
  ws.addRow(['4711', MYO, 'eins', 'zwei']);
  const file = join(tempDir(), 'd.xlsx');
  await wb.xlsx.writeFile(file);
  await assert.rejects(readInput(file, { taxonomy: DEFAULT_TAXONOMY }), /d\.xlsx:2: the header names the column "Bemerkung" twice \(columns 3 and 4\)/);
});
