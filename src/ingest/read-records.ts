/**
 * Reads the rows of a JSONL, JSON or CSV/TSV file as plain records with their line numbers, before any
 * meaning is checked. CSV follows RFC 4180 (quoted fields with commas, quotes and newlines) through
 * csv-parse; the delimiter (`,` `;` or tab, as German Excel writes `;`) is taken from the header line.
 * Messages name the file, line and field, never what is in them: the content is report text. With
 * `skipInvalid`, a record that cannot be read (a line that is not JSON, a CSV row with the wrong number of
 * fields) comes back with `invalid` set instead of stopping the read.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import { describeJsonError } from '../util/json-error.js';
import { decodeText, normaliseText, type Encoding } from './decode-text.js';
import { refuseDuplicateHeaders } from './map-columns.js';
import { requireRegularFile, unreadableFile } from './regular-file.js';

export interface RawRecord {
  fields: Record<string, unknown>;
  file: string;
  /** 1-based line where the record starts; undefined for items of a JSON array. */
  line?: number;
  /** 1-based position of an item in a JSON array, for messages. */
  item?: number;
  /** Set when the record could not be read at all (only with `skipInvalid`); `fields` is then empty. */
  invalid?: InputError;
}

/** The largest input file: one JavaScript string holds at most about 512 MB of text. */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

export type RecordFormat = 'jsonl' | 'json' | 'csv';

export function formatOf(path: string): RecordFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  return undefined;
}

/** Reads a file as text, with a clear error when it is missing, a folder, not a regular file, too large, empty, or not text. */
export function readTextFile(path: string, encoding?: Encoding): string {
  const stat = requireRegularFile(path);
  if (stat.size > MAX_INPUT_BYTES) {
    throw new InputError({ file: path }, `is ${Math.round(stat.size / 1024 / 1024)} MB, more than the ${MAX_INPUT_BYTES / 1024 / 1024} MB cmrdx reads from one file`, {
      code: 'input.too_large',
      hint: 'Split it into several files (e.g. split -l 50000 reports.jsonl part-) and classify each into the same --out folder one after the other',
    });
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw unreadableFile(path, error);
  }
  const { text } = decodeText(bytes, encoding, { file: path });
  if (text.trim() === '') {
    throw new InputError({ file: path }, 'the file is empty', {
      code: 'input.empty',
      hint: 'Export the reports again, or point cmrdx at the right file',
    });
  }
  return text;
}

export interface RecordOptions {
  encoding?: Encoding;
  /** Return unreadable records marked `invalid` instead of throwing at the first. */
  skipInvalid?: boolean;
}

export function readRecords(path: string, format: RecordFormat, options: RecordOptions = {}): RawRecord[] {
  if (format === 'jsonl' && options.skipInvalid) return readJsonLinesSkipping(path, options.encoding);
  const text = readTextFile(path, options.encoding);
  if (format === 'jsonl') return readJsonLines(path, text.split('\n'), options);
  if (format === 'json') return readJsonArray(path, text, options);
  return readDelimited(path, text, options);
}

const JSONL_HINT = 'Each line must be one JSON object like {"id": "r1", "text": "..."}';

/**
 * JSON Lines with skipInvalid: a file with mixed encodings is read line by line, so a line that is not UTF-8
 * is one skipped record (named), not the end of the read.
 */
function readJsonLinesSkipping(path: string, encoding?: Encoding): RawRecord[] {
  let text: string;
  try {
    text = readTextFile(path, encoding);
  } catch (error) {
    if (!(error instanceof InputError) || error.code !== 'input.mixed_encoding') throw error;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const lines = readFileSync(path)
      .toString('latin1')
      .split('\n')
      .map((raw, i): string | InputError => {
        try {
          return normaliseText(decoder.decode(Buffer.from(raw, 'latin1')));
        } catch {
          return new InputError({ file: path, line: i + 1 }, 'is not valid UTF-8, while other lines of the file are', { code: 'input.mixed_encoding', hint: 'Export the file again as UTF-8' });
        }
      });
    return readJsonLines(path, lines, { skipInvalid: true });
  }
  return readJsonLines(path, text.split('\n'), { skipInvalid: true });
}

function readJsonLines(file: string, lines: (string | InputError)[], options: RecordOptions): RawRecord[] {
  const records: RawRecord[] = [];
  const fail = (line: number, error: InputError) => {
    if (!options.skipInvalid) throw error;
    records.push({ fields: {}, file, line, invalid: error });
  };
  for (let i = 0; i < lines.length; i++) {
    const entry = lines[i]!;
    const line = i + 1;
    if (entry instanceof InputError) {
      fail(line, entry);
      continue;
    }
    const source = entry.trim();
    if (source === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      fail(line, new InputError({ file, line }, `not valid JSON (${describeJsonError(error)})`, { code: 'input.not_json', hint: JSONL_HINT }));
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      fail(line, new InputError({ file, line }, 'is JSON but not an object', { code: 'input.not_object', hint: JSONL_HINT }));
      continue;
    }
    records.push({ fields: value as Record<string, unknown>, file, line });
  }
  return records;
}

function readJsonArray(file: string, text: string, options: RecordOptions): RawRecord[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError({ file }, `not valid JSON (${describeJsonError(error)})`, {
      code: 'input.not_json',
      hint: 'A .json input must be an array of objects like [{"id": "r1", "text": "..."}]; use .jsonl for one object per line',
    });
  }
  if (!Array.isArray(value)) {
    throw new InputError({ file }, 'is not a JSON array', {
      code: 'input.not_array',
      hint: 'A .json input must be an array of objects like [{"id": "r1", "text": "..."}]',
    });
  }
  return value.map((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      const error = new InputError({ file }, `item ${index + 1} is not an object`, {
        code: 'input.not_object',
        hint: 'Every item must be an object like {"id": "r1", "text": "..."}',
      });
      if (!options.skipInvalid) throw error;
      return { fields: {}, file, item: index + 1, invalid: error };
    }
    return { fields: item as Record<string, unknown>, file, item: index + 1 };
  });
}

/** The delimiter is the one of `,` `;` tab that occurs most often in the header line outside quotes. */
export function detectDelimiter(text: string): string {
  const header = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n')).replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

interface CsvRow {
  record: Record<string, string>;
  raw: string;
  info: { lines: number };
}

const CSV_HINT = 'Every row needs the same columns as the header (id,text[,label]); quote fields that contain the delimiter, quotes or line breaks';

/** csv-parse's error in words that name the line and field, never the content (its messages quote values). */
function csvError(file: string, error: unknown): InputError {
  const e = error as Error & { code?: string; lines?: number; index?: number; record?: unknown[]; columns?: unknown[]; raw?: unknown };
  const field = typeof e.index === 'number' ? `field ${e.index + 1}` : 'a field';
  const reasons: Record<string, string> = {
    CSV_RECORD_INCONSISTENT_COLUMNS: `the row has ${e.record?.length ?? 'a different number of'} fields, the header ${e.columns?.length ?? 'another number'}`,
    CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: `the row has ${e.record?.length ?? 'a different number of'} fields, the first row another number`,
    INVALID_OPENING_QUOTE: `a quote inside the unquoted ${field}`,
    CSV_INVALID_CLOSING_QUOTE: `a quoted ${field} goes on after its closing quote`,
    CSV_QUOTE_NOT_CLOSED: 'a quoted field that starts here is never closed',
    CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: `a quoted ${field} goes on after its closing quote`,
  };
  const line = e.code === 'CSV_QUOTE_NOT_CLOSED' ? unclosedQuoteLine(e) : e.lines;
  return new InputError({ file, line }, `not valid CSV (${reasons[e.code ?? ''] ?? e.code ?? 'unreadable'})`, { code: 'input.not_csv', hint: CSV_HINT });
}

/**
 * Where the record with the unclosed quote starts: csv-parse's `lines` is the end of the file it swallowed,
 * and its `raw` (with raw: true) the record from its start, so the start is that many line breaks back. A
 * record that ends in a line break ends one line further than `lines` counts.
 */
function unclosedQuoteLine(e: { lines?: number; raw?: unknown }): number | undefined {
  if (typeof e.lines !== 'number' || typeof e.raw !== 'string') return e.lines;
  const breaks = e.raw.split('\n').length - 1;
  return e.lines - breaks + (e.raw.endsWith('\n') ? 1 : 0);
}

/** Errors a CSV reader can skip record by record; a broken quote swallows the rows after it and cannot be. */
const SKIPPABLE_CSV = new Set(['CSV_RECORD_INCONSISTENT_COLUMNS', 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH']);

function readDelimited(file: string, text: string, options: RecordOptions): RawRecord[] {
  const delimiter = detectDelimiter(text);
  const skipped: RawRecord[] = [];
  let fatal: unknown;
  let rows: CsvRow[];
  try {
    rows = parseCsv(text, {
      delimiter,
      columns: (header: string[]) => {
        const names = header.map((name) => name.trim().toLowerCase());
        refuseDuplicateHeaders({ file, line: 1 }, names, header.map((name) => name.trim()));
        return names;
      },
      info: true,
      raw: true,
      skip_empty_lines: true,
      // A row of bare delimiters (;;), as Excel writes for formatted or cleared rows, is no record, as in xlsx.
      skip_records_with_empty_values: true,
      relax_quotes: false,
      skip_records_with_error: Boolean(options.skipInvalid),
      on_skip: (error: unknown) => {
        const code = (error as { code?: string } | undefined)?.code ?? '';
        if (!SKIPPABLE_CSV.has(code)) fatal ??= error;
        else skipped.push({ fields: {}, file, line: (error as { lines?: number }).lines, invalid: csvError(file, error) });
      },
    }) as CsvRow[];
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw csvError(file, error);
  }
  if (fatal) throw csvError(file, fatal);
  const records: RawRecord[] = rows.map((row) => {
    // info.lines is where the record ends; count the line breaks inside it to find where it starts.
    const body = row.raw.replace(/^\n+/, '').replace(/\n$/, '');
    const inner = body.split('\n').length - 1;
    return { fields: row.record, file, line: row.info.lines - inner };
  });
  return [...records, ...skipped].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
