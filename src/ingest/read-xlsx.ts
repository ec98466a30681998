/**
 * Reads the rows of an Excel workbook (.xlsx) as raw records: one sheet (the first visible one, or `--sheet`
 * by name or 1-based number), the first non-empty row as the header, every later non-empty row as a record
 * whose line is its Excel row number. Cells become strings as Excel shows them: numbers without a format or with
 * leading zeros (`000123`), dates as ISO dates, rich text and hyperlinks as their text, formulas as their cached
 * result. exceljs is loaded only here, when a workbook is read, so `cmrdx --help` stays instant.
 */
import { openSync, readSync, closeSync } from 'node:fs';
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { InputError } from '../errors.js';
import { printable } from '../util/printable.js';
import { refuseDuplicateHeaders } from './map-columns.js';
import { requireRegularFile, unreadableFile } from './regular-file.js';
import type { RawRecord } from './read-records.js';

export interface XlsxTable {
  records: RawRecord[];
  /** The header row's names, in column order (empty headers become `column C`). */
  headers: string[];
  sheet: string;
  /** How an ambiguous --sheet was read, for stderr. */
  warning?: string;
}

export async function readXlsx(file: string, sheet?: string): Promise<XlsxTable> {
  refuseNonWorkbook(file);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw new InputError({ file }, 'not a readable .xlsx workbook (damaged or not an Excel file)', {
      code: 'input.not_xlsx',
      hint: 'Open it in Excel and save it again as .xlsx, or export the reports as CSV',
      cause: error,
    });
  }
  const { worksheet, warning } = chooseSheet(file, workbook, sheet);
  return { ...tableOf(file, worksheet), sheet: worksheet.name, ...(warning ? { warning } : {}) };
}

/** A zip file is what an .xlsx is; an encrypted workbook or an old .xls is an OLE compound file instead. */
function refuseNonWorkbook(file: string): void {
  requireRegularFile(file);
  const head = Buffer.alloc(8);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw unreadableFile(file, error);
  }
  try {
    readSync(fd, head, 0, 8, 0);
  } finally {
    closeSync(fd);
  }
  if (head.readUInt32BE(0) === 0xd0cf11e0) {
    throw new InputError({ file }, 'is a password-protected workbook or an old .xls file', {
      code: 'input.xlsx_encrypted',
      hint: 'Open it in Excel and save it as .xlsx without a password',
    });
  }
  if (head.readUInt32BE(0) !== 0x504b0304) {
    throw new InputError({ file }, 'is not an .xlsx workbook', {
      code: 'input.not_xlsx',
      hint: 'Save it from Excel as .xlsx, or use a .csv export',
    });
  }
}

interface ChosenSheet {
  worksheet: Worksheet;
  /** Said on stderr when the choice could be read two ways. */
  warning?: string;
}

const isVisible = (sheet: Worksheet) => sheet.state !== 'hidden' && sheet.state !== 'veryHidden';

/**
 * The sheet `--sheet` names. A sheet whose name it is wins, so sheets named by year or number ("2024", "2") are
 * found by name; otherwise a number counts the tabs Excel shows, hidden sheets left out (the default skips them
 * too). Where the number could also mean another sheet, a warning names the sheet read.
 */
function chooseSheet(file: string, workbook: Workbook, wanted: string | undefined): ChosenSheet {
  const sheets = workbook.worksheets;
  const visible = sheets.filter(isVisible);
  if (wanted === undefined) {
    const first = visible[0] ?? sheets[0];
    if (first) return { worksheet: first };
    throw new InputError({ file }, 'the workbook has no sheet', { code: 'input.empty', hint: 'Save the reports in the first sheet' });
  }
  const name = wanted.trim();
  const byName = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const byNumber = /^\d+$/.test(name) ? visible[Number(name) - 1] : undefined;
  if (byName) {
    const other = byNumber && byNumber !== byName ? `; tab ${name} is "${byNumber.name}", give its name to read it` : '';
    return { worksheet: byName, ...(other ? { warning: printable(`${file}: --sheet ${name} read the sheet named "${byName.name}"${other}`) } : {}) };
  }
  if (byNumber) {
    const hidden = sheets.length - visible.length;
    return { worksheet: byNumber, ...(hidden > 0 ? { warning: printable(`${file}: --sheet ${name} read the sheet "${byNumber.name}", tab ${name} as Excel shows them (${hidden} hidden sheet(s) not counted)`) } : {}) };
  }
  const names = sheets.map((s) => (isVisible(s) ? s.name : `${s.name} (hidden)`)).join(', ');
  throw new InputError({ file }, `--sheet ${wanted}: no such sheet (sheets: ${names})`, {
    code: 'input.sheet',
    hint: 'Give the sheet by its name, or by its number from 1 among the tabs Excel shows',
  });
}

function tableOf(file: string, worksheet: Worksheet): Omit<XlsxTable, 'sheet'> {
  const records: RawRecord[] = [];
  let headers: string[] | undefined;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: (string | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      values[column - 1] = cellText(cell.value, cell.numFmt);
    });
    if (values.every((v) => v === undefined || v.trim() === '')) return;
    if (!headers) {
      headers = Array.from({ length: values.length }, (_, i) => values[i]?.trim() || `column ${columnLetter(i + 1)}`);
      refuseDuplicateHeaders({ file, line: rowNumber }, headers);
      return;
    }
    const fields: Record<string, unknown> = {};
    values.forEach((value, i) => {
      if (value === undefined) return;
      // A cell right of the last header gets a name of its own, so its content is kept (as meta), not lost.
      const name = headers![i] ?? `column ${columnLetter(i + 1)}`;
      fields[name] = value;
    });
    records.push({ fields, file, line: rowNumber });
  });
  return { records, headers: headers ?? [] };
}

/** A cell's value as text, or undefined when it is empty; `numFmt` is the cell's Excel number format. */
export function cellText(value: CellValue, numFmt?: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return unescapeOoxml(value);
  if (typeof value === 'number') return zeroPadded(value, numFmt) ?? String(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return isoDate(value);
  if ('richText' in value) return unescapeOoxml(value.richText.map((r) => r.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) return 'result' in value ? cellText(value.result as CellValue, numFmt) : undefined;
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  if ('error' in value) return undefined;
  return undefined;
}

/**
 * A whole number under a format that pads it with zeros, as Excel shows it: `000000` makes 123 `000123`, and
 * literal text around the zeros (`"K-"0000`, `\\K0000`) is kept. Ids are formatted so (Fallnummer 000123), and
 * the hospital's other files name them so. Other formats are left to the plain number, never approximated.
 */
function zeroPadded(value: number, numFmt: string | undefined): string | undefined {
  if (numFmt === undefined || !Number.isSafeInteger(value) || value < 0) return undefined;
  // The first section is the one for positive numbers (`000;-000;"null"`).
  const match = /^((?:"[^"]*"|\\.)*)(0+)((?:"[^"]*"|\\.)*)$/.exec(numFmt.split(';')[0]!);
  if (!match) return undefined;
  const literal = (part: string) => part.replace(/"([^"]*)"|\\(.)/g, (_, quoted: string | undefined, char: string | undefined) => quoted ?? char ?? '');
  return literal(match[1]!) + String(value).padStart(match[2]!.length, '0') + literal(match[3]!);
}

/** Midnight dates (what a date cell holds) as `2024-05-01`; others as the full ISO instant. */
function isoDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** Excel writes characters XML cannot hold as `_x000D_` (OOXML ST_Xstring escapes); exceljs leaves them. */
function unescapeOoxml(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
