/**
 * Reads the reports a command was pointed at, with the shared input flags, and says on stderr what was
 * skipped or ignored (counts and places, never report text).
 */
import { parseEncodingFlag } from '../../ingest/decode-text.js';
import { readReports } from '../../ingest/read-reports.js';
import type { Report } from '../../report/report.js';
import { loadTaxonomy } from '../../taxonomy/load-taxonomy.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import type { Io } from '../io.js';

export interface InputFlags {
  encoding?: string;
  skipInvalid?: boolean;
  taxonomy?: string;
}

export function loadInput(input: string, flags: InputFlags, io: Io): { reports: Report[]; taxonomy: Taxonomy } {
  const taxonomy = loadTaxonomy(flags.taxonomy);
  const encoding = flags.encoding ? parseEncodingFlag(flags.encoding) : undefined;
  const result = readReports(input, { taxonomy, encoding, skipInvalid: flags.skipInvalid });
  for (const warning of result.warnings) io.err(`cmrdx: warning: ${warning}\n`);
  if (result.skipped.length > 0) {
    io.err(`cmrdx: skipped ${result.skipped.length} invalid record(s); first: ${result.skipped[0]!.message}\n`);
  }
  return { reports: result.reports, taxonomy };
}
