/**
 * Reads reports from anything a hospital hands over: what readReports reads (JSONL/JSON, CSV/TSV, .txt and
 * folders of them), plus Excel workbooks (.xlsx) and PDF reports (a .pdf file, or a folder of .pdf and .txt
 * files, id = file name, with an optional labels.csv). Workbooks and PDFs are read asynchronously by their
 * libraries, so this is the async entry point the CLI uses; everything ends in the same checks (ids, text,
 * labels, duplicates) as readReports.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { InputError } from '../errors.js';
import { listFolder, unreadWarning, type FolderListing } from './folder-entries.js';
import { mapColumns } from './map-columns.js';
import { readPdfText } from './read-pdf.js';
import type { RawRecord } from './read-records.js';
import { collect, readFolderRecords, readReports, type ReadOptions, type ReadResult } from './read-reports.js';
import { readTxtReport } from './read-txt-report.js';
import { readXlsx } from './read-xlsx.js';

export interface InputOptions extends ReadOptions {
  /** The sheet of a workbook to read: its name or 1-based number (default: the first visible sheet). */
  sheet?: string;
}

const WORKBOOK = new Set(['.xlsx', '.xlsm']);

export async function readInput(path: string, options: InputOptions = {}): Promise<ReadResult> {
  if (!existsSync(path)) return readReports(path, options);
  const ext = extname(path).toLowerCase();
  if (statSync(path).isDirectory()) {
    const listing = listFolder(path, ['.pdf', '.txt']);
    const pdfs = listing.reports.some((name) => extname(name).toLowerCase() === '.pdf');
    return pdfs ? readDocumentFolder(path, listing, options) : readReports(path, options);
  }
  if (ext === '.pdf') {
    return collect([{ fields: { id: basename(path, extname(path)), text: await readPdfText(path) }, file: path }], options);
  }
  if (ext === '.xls') {
    throw new InputError({ file: path }, 'old .xls workbooks are not read', {
      code: 'input.format',
      hint: 'Open it in Excel and save it as .xlsx (Excel workbook)',
    });
  }
  if (WORKBOOK.has(ext)) return readWorkbook(path, options);
  if (options.sheet !== undefined) {
    throw new InputError({ file: path }, '--sheet applies to Excel workbooks only', { code: 'input.sheet', hint: 'Leave out --sheet for this file' });
  }
  return readReports(path, options);
}

async function readWorkbook(file: string, options: InputOptions): Promise<ReadResult> {
  const table = await readXlsx(file, options.sheet);
  if (table.records.length === 0) {
    throw new InputError({ file }, `sheet "${table.sheet}" has ${table.headers.length > 0 ? 'a header but no rows' : 'no rows'}`, {
      code: 'input.empty',
      hint: 'Put one report per row below a header row (e.g. Fallnummer, Befundtext); choose another sheet with --sheet',
    });
  }
  const result = collect(mapColumns(table.records, options.columns, table.headers), options);
  if (table.warning) result.warnings.push(table.warning);
  return result;
}

/** A folder with PDF reports (and perhaps .txt reports beside them), read in file-name order. */
async function readDocumentFolder(folder: string, listing: FolderListing, options: InputOptions): Promise<ReadResult> {
  const files = listing.reports;
  const records: RawRecord[] = [];
  for (const name of files) {
    const file = join(folder, name);
    const id = basename(name, extname(name));
    try {
      const text = extname(name).toLowerCase() === '.pdf' ? await readPdfText(file) : readTxtReport(file, options.encoding);
      records.push({ fields: { id, text }, file });
    } catch (error) {
      // A scanned or broken PDF among thousands is left out and counted with --skip-invalid, like a bad row; its
      // id stays known, so its label in labels.csv is not reported as a label without a file.
      if (!(error instanceof InputError) || !options.skipInvalid) throw error;
      records.push({ fields: { id }, file, invalid: error });
    }
  }
  const invalid = records.filter((r) => r.invalid);
  if (invalid.length === records.length) {
    throw new InputError({ file: folder }, `no readable report (all ${invalid.length} skipped; first: ${invalid[0]?.invalid?.message})`, { code: 'input.none_valid' });
  }
  const result = readFolderRecords(folder, records, options);
  const unread = unreadWarning(folder, listing, '.txt and .pdf');
  if (unread) result.warnings.unshift(unread);
  return result;
}
