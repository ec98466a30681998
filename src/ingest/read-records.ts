/**
 * Reads the rows of a JSONL, JSON or CSV/TSV file as plain records with their line numbers, before any
 * meaning is checked. CSV follows RFC 4180 (quoted fields with commas, quotes and newlines) through
 * csv-parse; the delimiter (`,` `;` or tab, as German Excel writes `;`) is taken from the header line.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import { decodeText, type Encoding } from './decode-text.js';

export interface RawRecord {
  fields: Record<string, unknown>;
  file: string;
  /** 1-based line where the record starts; undefined for items of a JSON array. */
  line?: number;
  /** 1-based position of an item in a JSON array, for messages. */
  item?: number;
}

export type RecordFormat = 'jsonl' | 'json' | 'csv';

export function formatOf(path: string): RecordFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  return undefined;
}

/** Reads a file as text, with a clear error when it is missing, a folder, or empty. */
export function readTextFile(path: string, encoding?: Encoding): string {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) {
      throw new InputError({ file: path }, 'is a folder, not a file', {
        code: 'input.is_folder',
        hint: 'Pass a .jsonl, .csv or .txt file here',
      });
    }
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError({ file: path }, 'no such file or folder', {
      code: 'input.missing',
      hint: 'Check the path (it is relative to the current folder)',
      cause: error,
    });
  }
  const { text } = decodeText(bytes, encoding);
  if (text.trim() === '') {
    throw new InputError({ file: path }, 'the file is empty', {
      code: 'input.empty',
      hint: 'Export the reports again, or point cmrdx at the right file',
    });
  }
  return text;
}

export function readRecords(path: string, format: RecordFormat, encoding?: Encoding): RawRecord[] {
  const text = readTextFile(path, encoding);
  if (format === 'jsonl') return readJsonLines(path, text);
  if (format === 'json') return readJsonArray(path, text);
  return readDelimited(path, text);
}

function readJsonLines(file: string, text: string): RawRecord[] {
  const records: RawRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const source = lines[i]!.trim();
    if (source === '') continue;
    const line = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      throw new InputError({ file, line }, `not valid JSON (${(error as Error).message})`, {
        code: 'input.not_json',
        hint: 'Each line must be one JSON object like {"id": "r1", "text": "..."}',
      });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new InputError({ file, line }, 'is JSON but not an object', {
        code: 'input.not_object',
        hint: 'Each line must be one JSON object like {"id": "r1", "text": "..."}',
      });
    }
    records.push({ fields: value as Record<string, unknown>, file, line });
  }
  return records;
}

function readJsonArray(file: string, text: string): RawRecord[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError({ file }, `not valid JSON (${(error as Error).message})`, {
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
      throw new InputError({ file }, `item ${index + 1} is not an object`, {
        code: 'input.not_object',
        hint: 'Every item must be an object like {"id": "r1", "text": "..."}',
      });
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

function readDelimited(file: string, text: string): RawRecord[] {
  const delimiter = detectDelimiter(text);
  let rows: CsvRow[];
  try {
    rows = parseCsv(text, {
      delimiter,
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_quotes: false,
    }) as CsvRow[];
  } catch (error) {
    const e = error as Error & { lines?: number; code?: string };
    throw new InputError({ file, line: e.lines }, `not valid CSV (${e.message.replace(/ on line \d+$/, '')})`, {
      code: 'input.not_csv',
      hint: 'Every row needs the same columns as the header (id,text[,label]); quote fields that contain the delimiter, quotes or line breaks',
    });
  }
  return rows.map((row) => {
    // info.lines is where the record ends; count the line breaks inside it to find where it starts.
    const body = row.raw.replace(/^\n+/, '').replace(/\n$/, '');
    const inner = body.split('\n').length - 1;
    return { fields: row.record, file, line: row.info.lines - inner };
  });
}
