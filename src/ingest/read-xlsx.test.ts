import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { InputError } from '../errors.js';
import { bufferIo } from '../cli/io.js';
import { runCli } from '../cli/program.js';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { readInput } from './read-input.js';
import { cellText } from './read-xlsx.js';

const dir = tempDir();
let n = 0;
function folder(): string {
  const f = join(dir, String(n++));
  mkdirSync(f);
  return f;
}

type Row = ExcelJS.CellValue[];

/** A workbook as a hospital export looks: the tests make it with exceljs, the library cmrdx reads it with. */
async function workbook(sheets: { name: string; rows: Row[]; hidden?: boolean }[], name = 'export.xlsx'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = wb.addWorksheet(s.name, s.hidden ? { state: 'hidden' } : {});
    s.rows.forEach((row, i) => {
      row.forEach((value, j) => {
        if (value !== null && value !== undefined) sheet.getCell(i + 1, j + 1).value = value;
      });
    });
  }
  const path = join(folder(), name);
  await wb.xlsx.writeFile(path);
  return path;
}

const GERMAN: Row[] = [
  ['Fallnummer', 'Untersuchungsdatum', 'Befundtext', 'Diagnose'],
  [4711, new Date(Date.UTC(2024, 4, 1)), 'Befund: LVEF 61 %, kein LGE.\r\nBeurteilung: Normalbefund.', 'Normalbefund'],
  [null, null, null, null],
  [{ text: '4712', hyperlink: 'http://ris.local/4712' }, null, { richText: [{ text: 'Beurteilung: ', font: { bold: true } }, { text: 'akute Myokarditis.' }] }, { formula: 'IF(1,"Myokarditis","")', result: 'Myokarditis' }],
];

test('xlsx: German headers, number ids, dates, line breaks, rich text, hyperlinks and formula results', async () => {
  const path = await workbook([{ name: 'Befunde', rows: GERMAN }]);
  const { reports } = await readInput(path);
  assert.deepEqual(reports.map((r) => [r.id, r.label]), [['4711', 'NORMAL'], ['4712', 'MYO']]);
  assert.equal(reports[0]!.text, 'Befund: LVEF 61 %, kein LGE.\nBeurteilung: Normalbefund.');
  assert.equal(reports[1]!.text, 'Beurteilung: akute Myokarditis.');
  assert.deepEqual(reports[0]!.meta, { Untersuchungsdatum: '2024-05-01' });
  assert.equal(reports[1]!.origin, `${path}:4`, 'the Excel row number');
});

test('xlsx: the first non-empty row is the header; --sheet by name or number; hidden sheets are skipped', async () => {
  const path = await workbook([
    { name: 'Hinweise', rows: [['nur für den Export']], hidden: true },
    { name: 'Befunde', rows: [[], ['Befundnummer', 'Bericht'], ['B1', 'Kein LGE.']] },
    { name: 'Nachträge', rows: [['id', 'text'], ['N1', 'LVEF 40 %.']] },
  ]);
  const first = await readInput(path);
  assert.deepEqual(first.reports.map((r) => [r.id, r.origin]), [['B1', `${path}:3`]]);
  assert.equal((await readInput(path, { sheet: 'nachträge' })).reports[0]!.id, 'N1');
  // A number counts the tabs Excel shows: Nachträge is the 2nd (the hidden Hinweise is not counted).
  assert.equal((await readInput(path, { sheet: '2' })).reports[0]!.id, 'N1');
  await assert.rejects(readInput(path, { sheet: 'Befund' }), /export\.xlsx: --sheet Befund: no such sheet \(sheets: Hinweise \(hidden\), Befunde, Nachträge\)/);
});

test('xlsx: column flags by name and number', async () => {
  const path = await workbook([{ name: 'S', rows: [['PID', 'Auftrag', 'Freitext', 'Gruppe'], ['p1', 'A-1', 'LVEF 30 %.', 'DCM']] }]);
  const { reports } = await readInput(path, { columns: { id: 'Auftrag', text: '3', label: 'gruppe' } });
  assert.deepEqual(reports.map((r) => [r.id, r.text, r.label, r.meta]), [['A-1', 'LVEF 30 %.', 'DCM', { PID: 'p1' }]]);
});

test('xlsx: cells as Excel stores them (OOXML escapes)', () => {
  assert.equal(cellText('Zeile 1_x000D_\nZeile 2'), 'Zeile 1\r\nZeile 2');
  assert.equal(cellText('wörtlich _x005F_x000D_'), 'wörtlich _x000D_');
  assert.equal(cellText(12345678901), '12345678901');
  assert.equal(cellText({ formula: 'A1', result: undefined } as ExcelJS.CellValue), undefined);
  assert.equal(cellText({ error: '#N/A' } as ExcelJS.CellValue), undefined);
});

// Each bad workbook is one line naming the file and what to do, exit 2 from the CLI.
const BAD: [string, () => Promise<string>, RegExp, string][] = [
  ['not a zip', async () => writeTo('notes.xlsx', 'Fallnummer;Befundtext\n1;x\n'), /notes\.xlsx: is not an \.xlsx workbook/, 'input.not_xlsx'],
  ['encrypted or old .xls (OLE file)', async () => writeTo('secret.xlsx', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)])), /secret\.xlsx: is a password-protected workbook or an old \.xls file\. Open it in Excel and save it as \.xlsx without a password/, 'input.xlsx_encrypted'],
  ['damaged zip', async () => writeTo('cut.xlsx', Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(64, 7)])), /cut\.xlsx: not a readable \.xlsx workbook/, 'input.not_xlsx'],
  ['.xls', async () => writeTo('old.xls', 'x'), /old\.xls: old \.xls workbooks are not read\. .*save it as \.xlsx/, 'input.format'],
  ['a header but no rows', () => workbook([{ name: 'Leer', rows: [['Fallnummer', 'Befundtext']] }]), /sheet "Leer" has a header but no rows/, 'input.empty'],
  ['no usable columns', () => workbook([{ name: 'S', rows: [['Datum', 'Notiz'], ['1', 'x']] }]), /export\.xlsx: no column for the report id \(columns: Datum, Notiz\)\. .*--id-column/, 'input.columns'],
];

function writeTo(name: string, content: string | Buffer): string {
  const path = join(folder(), name);
  writeFileSync(path, content);
  return path;
}

for (const [name, make, message, code] of BAD) {
  test(`xlsx refused: ${name}`, async () => {
    const path = await make();
    await assert.rejects(readInput(path), (error: unknown) => {
      assert.ok(error instanceof InputError, String(error));
      assert.match(error.message, message);
      assert.equal(error.code, code);
      assert.ok(!error.message.includes('\n'));
      return true;
    });
  });
}

test('CLI: parse and classify read a workbook; an ambiguous column is exit 2 naming file, columns and flag', async () => {
  const path = await workbook([{ name: 'Befunde', rows: GERMAN }]);
  const io = bufferIo();
  assert.equal(await runCli(['parse', path, '--json', '--sheet', 'Befunde'], io), 0, io.stderr());
  assert.deepEqual(io.stdout().trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id), ['4711', '4712']);
  const out = join(folder(), 'run');
  const run = bufferIo();
  assert.equal(await runCli(['classify', path, '-m', 'rules', '-o', out, '-q'], run), 0, run.stderr());

  const twoIds = await workbook([{ name: 'S', rows: [['Fallnummer', 'Befundnummer', 'Befundtext'], [1, 2, 'VERTRAULICH Kein LGE.']] }]);
  const bad = bufferIo();
  assert.equal(await runCli(['parse', twoIds], bad), 2);
  assert.match(bad.stderr(), /^cmrdx: .*export\.xlsx: several columns could be the report id: Fallnummer, Befundnummer \(columns: Fallnummer, Befundnummer, Befundtext\)\. .*--id-column <name or number>\n$/);
  assert.doesNotMatch(bad.stderr(), /VERTRAULICH/, 'no report text in the message');
  const fixed = bufferIo();
  assert.equal(await runCli(['parse', twoIds, '--id-column', 'Befundnummer', '--json'], fixed), 0);
  assert.match(fixed.stdout(), /"id":"2"/);
  const sheetOnCsv = bufferIo();
  const csv = writeTo('r.csv', 'id,text\na,b\n');
  assert.equal(await runCli(['parse', csv, '--sheet', '2'], sheetOnCsv), 2);
  assert.match(sheetOnCsv.stderr(), /--sheet applies to Excel workbooks only/);
});
