/**
 * Reads the reports a command was pointed at, with the shared input flags, and says on stderr what was
 * skipped (each record by its place) or ignored (counts and places, never report text).
 */
import { parseEncodingFlag } from '../../ingest/decode-text.js';
import { skippedLines } from '../../ingest/describe-skipped.js';
import { readInput, type InputOptions } from '../../ingest/read-input.js';
import type { Report } from '../../report/report.js';
import { loadTaxonomy } from '../../taxonomy/load-taxonomy.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import type { Io } from '../io.js';

export interface InputFlags {
  encoding?: string;
  skipInvalid?: boolean;
  taxonomy?: string;
  sheet?: string;
  idColumn?: string;
  textColumn?: string;
  /** `false` from --no-label-column: the table has no label column even if one looks like it. */
  labelColumn?: string | false;
}

/** The input flags as the library's read options. */
export function readOptionsOf(flags: InputFlags): Omit<InputOptions, 'taxonomy'> {
  const encoding = flags.encoding ? parseEncodingFlag(flags.encoding) : undefined;
  return { encoding, skipInvalid: flags.skipInvalid, sheet: flags.sheet, columns: { id: flags.idColumn, text: flags.textColumn, label: flags.labelColumn } };
}

export async function loadInput(input: string, flags: InputFlags, io: Io): Promise<{ reports: Report[]; taxonomy: Taxonomy }> {
  const taxonomy = loadTaxonomy(flags.taxonomy);
  const result = await readInput(input, { ...readOptionsOf(flags), taxonomy });
  for (const warning of result.warnings) io.err(`cmrdx: warning: ${warning}\n`);
  for (const line of skippedLines(result.skipped)) io.err(`cmrdx: ${line}\n`);
  return { reports: result.reports, taxonomy };
}
