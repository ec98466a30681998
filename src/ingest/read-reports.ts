/**
 * Reads reports from what a user points cmrdx at: a .jsonl/.json file, a .csv/.tsv file, a single .txt
 * report, or a folder of .txt files (id = file name) with an optional labels.csv. Every record is checked
 * here (id, text that is text and not absurdly long, label in the taxonomy, unique ids) so later stages can
 * trust a Report; a bad record is a one-line InputError naming file, line and id (never the content), or, with
 * skipInvalid, is counted and left out.
 */
import { statSync, existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { InputError } from '../errors.js';
import type { Lang, Report } from '../report/report.js';
import { DEFAULT_TAXONOMY, resolveLabel, unknownLabelHint, type Taxonomy } from '../taxonomy/taxonomy.js';
import { normaliseText, notTextReason, type Encoding } from './decode-text.js';
import { formatOf, readRecords, type RawRecord } from './read-records.js';
import { readTxtReport } from './read-txt-report.js';
import { readId } from './report-id.js';
import { loneSurrogateAt } from './lone-surrogate.js';
import { describeUnread, labelsFileOf, listFolder, unreadWarning } from './folder-entries.js';
import { readLabels } from './read-labels.js';
import { mapColumns, type ColumnChoice } from './map-columns.js';
import { printable } from '../util/printable.js';

export interface ReadOptions {
  taxonomy?: Taxonomy;
  encoding?: Encoding;
  /** Leave out invalid records instead of failing; they are returned in `skipped`. */
  skipInvalid?: boolean;
  /** Which columns (or JSON keys) hold id, text and label, when they are not recognised by name. */
  columns?: ColumnChoice;
}

export interface ReadResult {
  reports: Report[];
  skipped: InputError[];
  /** Non-fatal remarks, e.g. labels for reports that are not in the folder. */
  warnings: string[];
}

const KNOWN_FIELDS = new Set(['id', 'text', 'label', 'lang']);

/** The longest report text: a CMR report has a few thousand characters; a million is a wrong field or file. */
export const MAX_REPORT_CHARS = 1_000_000;

export function readReports(path: string, options: ReadOptions = {}): ReadResult {
  if (!existsSync(path)) {
    throw new InputError({ file: path }, 'no such file or folder', {
      code: 'input.missing',
      hint: 'Check the path; cmrdx reads a .jsonl, .csv or .txt file, or a folder of .txt files',
    });
  }
  if (statSync(path).isDirectory()) return readFolder(path, options);
  if (extname(path).toLowerCase() === '.txt') {
    const text = readTxtReport(path, options.encoding);
    return collect([{ fields: { id: basename(path, extname(path)), text }, file: path }], options);
  }
  const format = formatOf(path);
  if (!format) {
    throw new InputError({ file: path }, `cannot read "${extname(path) || 'no extension'}" files`, {
      code: 'input.format',
      hint: 'Use a .jsonl file of {"id","text","label"?}, a .csv with columns id,text[,label], or a folder of .txt files',
    });
  }
  // JSON objects may each lack a field: that is a per-record error below (and --skip-invalid skips it).
  const records = mapColumns(readRecords(path, format, { encoding: options.encoding, skipInvalid: options.skipInvalid }), options.columns, undefined, { required: format === 'csv' ? undefined : [] });
  if (format === 'csv') requireColumns(path, records);
  return collect(records, options);
}

function requireColumns(file: string, records: RawRecord[]): void {
  const first = records.find((r) => !r.invalid);
  if (!first) {
    throw new InputError({ file }, records.length > 0 ? `has no readable row (all ${records.length} invalid; first: ${records[0]!.invalid!.message})` : 'has a header but no rows', {
      code: 'input.empty',
      hint: 'Add one row per report below the header id,text[,label]',
    });
  }
  const columns = Object.keys(first.fields);
  const missing = ['id', 'text'].filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    // The header is named by what it has of ours, not by its words: without a header, its "names" are a report.
    const known = ['id', 'text', 'label'].filter((c) => columns.includes(c));
    throw new InputError({ file, line: 1 }, `no "${missing.join('" or "')}" column (the header has ${columns.length} column(s)${known.length ? `, of them ${known.join(', ')}` : ', none of them id, text or label'})`, {
      code: 'input.columns',
      hint: 'The first line must name the columns id,text and optionally label',
    });
  }
}

function readFolder(folder: string, options: ReadOptions): ReadResult {
  const listing = listFolder(folder, ['.txt']);
  if (listing.reports.length === 0) {
    throw new InputError({ file: folder }, `the folder has no .txt files${listing.unread.length > 0 ? ` (${describeUnread(listing.unread)})` : ''}`, {
      code: 'input.empty',
      hint: 'Put one report per .txt file in the folder (the file name is the report id)',
    });
  }
  const records: RawRecord[] = listing.reports.map((name) => {
    const file = join(folder, name);
    try {
      return { fields: { id: basename(name, extname(name)), text: readTxtReport(file, options.encoding) }, file };
    } catch (error) {
      // One unreadable file (binary, mixed encodings) is one bad record of the folder.
      if (!(error instanceof InputError) || !options.skipInvalid) throw error;
      // Its id stays known, so a label for it is not reported as a label without a file.
      return { fields: { id: basename(name, extname(name)) }, file, invalid: error };
    }
  });
  const result = readFolderRecords(folder, records, options);
  const unread = unreadWarning(folder, listing, '.txt');
  if (unread) result.warnings.unshift(unread);
  return result;
}

/** A folder's reports (already read) with the labels of its labels.csv. */
export function readFolderRecords(folder: string, records: RawRecord[], options: ReadOptions): ReadResult {
  const warnings: string[] = [];
  const labelsFile = labelsFileOf(folder);
  if (labelsFile) {
    const labels = readLabels(labelsFile, { taxonomy: options.taxonomy, encoding: options.encoding });
    const byId = new Map(labels.map((l) => [l.id, l.label]));
    for (const record of records) {
      // The label file's ids are read as ids (NFC); so is a file name here.
      const reading = readId(record.fields.id);
      const id = 'id' in reading ? reading.id : String(record.fields.id);
      const label = byId.get(id);
      if (label !== undefined) record.fields.label = label;
      byId.delete(id);
    }
    if (byId.size > 0) {
      warnings.push(
        `${printable(labelsFile)}: ${byId.size} label(s) for ids with no .txt file (e.g. "${[...byId.keys()][0]}"); they are ignored`,
      );
    }
  }
  const result = collect(records, options);
  result.warnings.push(...warnings);
  return result;
}

export function collect(records: RawRecord[], options: ReadOptions): ReadResult {
  const taxonomy = options.taxonomy ?? DEFAULT_TAXONOMY;
  const reports: Report[] = [];
  const skipped: InputError[] = [];
  const firstSeen = new Map<string, string>();
  for (const record of records) {
    try {
      if (record.invalid) throw record.invalid;
      const report = toReport(record, taxonomy);
      const previous = firstSeen.get(report.id);
      if (previous !== undefined) {
        throw inputError(record, `duplicate id "${report.id}" (first at ${previous})`, 'input.duplicate_id',
          'Ids must be unique; rename or remove one of the two');
      }
      firstSeen.set(report.id, report.origin ?? record.file);
      reports.push(report);
    } catch (error) {
      if (!(error instanceof InputError) || !options.skipInvalid) throw error;
      skipped.push(error);
    }
  }
  if (reports.length === 0 && skipped.length > 0) {
    throw new InputError({ file: records[0]?.file }, `no valid report (all ${skipped.length} skipped; first: ${skipped[0]!.message})`, {
      code: 'input.none_valid',
    });
  }
  return { reports, skipped, warnings: [] };
}

function where(record: RawRecord): string {
  if (record.line !== undefined) return `${record.file}:${record.line}`;
  if (record.item !== undefined) return `${record.file} item ${record.item}`;
  return record.file;
}

function inputError(record: RawRecord, message: string, code: string, hint: string): InputError {
  const prefix = record.item !== undefined ? `item ${record.item}: ` : '';
  return new InputError({ file: record.file, line: record.line }, prefix + message, { code, hint });
}

function toReport(record: RawRecord, taxonomy: Taxonomy): Report {
  const { fields } = record;
  const reading = readId(fields.id);
  if ('problem' in reading) throw inputError(record, reading.problem, 'input.bad_id', reading.hint);
  const { id } = reading;
  if (id === '') {
    throw inputError(record, 'missing "id"', 'input.missing_id', 'Give every report a non-empty id');
  }
  const rawText = fields.text;
  if (typeof rawText !== 'string') {
    throw inputError(record, `report "${id}" has no "text"`, 'input.missing_text', 'Add the report text in a "text" field or column');
  }
  const text = normaliseText(rawText);
  if (text.trim() === '') {
    throw inputError(record, `report "${id}" has an empty "text"`, 'input.empty_text', 'Remove the row or add the report text');
  }
  if (text.length > MAX_REPORT_CHARS) {
    throw inputError(record, `report "${id}" has ${(text.length / 1e6).toFixed(1)} million characters, more than the ${MAX_REPORT_CHARS / 1e6} million a report may have`, 'input.report_too_long',
      'A CMR report has a few thousand characters: check that the "text" field holds one report, or leave this one out with --skip-invalid');
  }
  const broken = loneSurrogateAt(text);
  if (broken >= 0) {
    // Refused, not repaired, as a broken id is: what the reader would classify is not the text the hospital has.
    throw inputError(record, `the "text" of report "${id}" holds a broken character at character ${broken + 1} (half of a UTF-16 surrogate pair, as a JSON "\\ud800" escape without its other half, or an emoji cut in two by an export)`, 'input.broken_character',
      'Export the report again with its text intact, or delete the broken character, or leave the report out with --skip-invalid');
  }
  const notText = notTextReason(text);
  if (notText) {
    throw inputError(record, `the "text" of report "${id}" is not text (${notText})`, 'input.not_text', 'Check the export of this report, or leave it out with --skip-invalid');
  }
  const report: Report = { id, text, origin: where(record) };
  const rawLabel = fields.label;
  if (rawLabel !== undefined && rawLabel !== null && String(rawLabel).trim() !== '') {
    const label = resolveLabel(taxonomy, String(rawLabel));
    if (label === undefined) {
      throw inputError(record, `report "${id}": its label is not a category of the taxonomy`, 'input.unknown_label',
        unknownLabelHint(taxonomy));
    }
    report.label = label;
  }
  const lang = fields.lang;
  if (lang === 'de' || lang === 'en') report.lang = lang as Lang;
  const meta: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!KNOWN_FIELDS.has(key) && value !== undefined && value !== null) meta[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  if (Object.keys(meta).length > 0) report.meta = meta;
  return report;
}
