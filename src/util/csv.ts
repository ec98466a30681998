/**
 * Every CSV cmrdx writes goes through here. A cell that a spreadsheet would run as a formula (it begins with
 * `=`, `+`, `-`, `@`, a tab or a carriage return; OWASP "CSV Injection") is written with a leading `'`, so a
 * report id or reader name such as `=HYPERLINK(...)` shows as text. Numbers stay numbers.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as written: formula-looking text gets a leading quote; empty for null/undefined. */
export function safeCell(value: CsvCell): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value;
  return needsQuote(value) ? `'${value}` : value;
}

/**
 * Formula-looking text, or text that already looks protected ("'=x", "''=x"): the latter gets a quote too, so
 * unprotectCell is the exact inverse and "=x" and "'=x" stay two different ids.
 */
function needsQuote(value: string): boolean {
  let i = 0;
  while (value[i] === "'") i++;
  return FORMULA_START.test(value.slice(i));
}

/** A cell as cmrdx wrote it, read back: the protecting quote of `safeCell` taken off again. */
export function unprotectCell(value: string): string {
  return value.startsWith("'") && needsQuote(value.slice(1)) ? value.slice(1) : value;
}

/** RFC 4180 CSV of the rows (the first is the header), every cell neutralised. */
export function toCsv(rows: CsvCell[][]): string {
  return stringify(rows.map((row) => row.map(safeCell)));
}
