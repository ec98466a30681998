/**
 * Reads a .txt file as one report, after checking it is not a table in disguise: a HIS export saved as
 * Befunde.txt (a tab- or ;-separated table with a Fallnummer/Befundtext header) or JSON Lines renamed to .txt
 * would otherwise become ONE report holding many, and get one category for all of them. Such a file is refused
 * with the extension that reads it; the message names the file and the header's column names, never report text.
 */
import { InputError } from '../errors.js';
import type { Encoding } from './decode-text.js';
import { recognisedRoles } from './map-columns.js';
import { detectDelimiter, readTextFile } from './read-records.js';

export function readTxtReport(path: string, encoding?: Encoding): string {
  const text = readTextFile(path, encoding);
  const table = tableLikeReason(text);
  if (table) {
    throw new InputError({ file: path }, `looks like ${table.what}, not one report (a .txt file is read as one report)`, {
      code: 'input.txt_is_table',
      hint: `Rename it to ${table.extension} and give that file as the input, to read one report per ${table.extension === '.jsonl' ? 'line' : 'row'}`,
    });
  }
  return text;
}

interface TableLike {
  what: string;
  extension: string;
}

/** Why a text looks like many reports rather than one, or undefined when it reads as a report. */
export function tableLikeReason(text: string): TableLike | undefined {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const objects = lines.filter(isJsonObject).length;
  // The first line decides: a report never opens with a JSON object, and a stray one further down is text.
  if (lines[0] !== undefined && isJsonObject(lines[0])) return { what: `JSON Lines (${objects} of ${lines.length} line(s) are JSON objects)`, extension: '.jsonl' };
  if (lines.length < 2) return undefined;
  const delimiter = detectDelimiter(lines[0]!);
  const headers = lines[0]!.split(delimiter).map((h) => h.trim());
  const roles = recognisedRoles(headers);
  // An id and a text column named in the first line: a header row, as no report's first line is.
  if (headers.length < 2 || !roles.has('id') || !roles.has('text')) return undefined;
  const shown = headers.slice(0, 10).map((h) => (h.length > 40 ? `[${h.length} characters]` : h)).join(', ');
  const kind = delimiter === '\t' ? 'tab-separated' : `"${delimiter}"-separated`;
  return { what: `a ${kind} table with the header ${shown} and ${lines.length - 1} more line(s)`, extension: delimiter === '\t' ? '.tsv' : '.csv' };
}

function isJsonObject(line: string): boolean {
  const source = line.trim();
  if (!source.startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(source);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
