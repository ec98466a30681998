/** The reports of a library call: read from a path with the read options, or checked as given. */
import { checkReports } from '../ingest/check-reports.js';
import { skippedLines } from '../ingest/describe-skipped.js';
import { readInput, type InputOptions } from '../ingest/read-input.js';
import type { Report } from '../report/report.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';

export async function reportsOf(input: Report[] | string, read: Omit<InputOptions, 'taxonomy'> | undefined, taxonomy: Taxonomy, warn: (message: string) => void): Promise<Report[]> {
  const result = typeof input === 'string' ? await readInput(input, { ...read, taxonomy }) : { ...checkReports(input, taxonomy, read?.skipInvalid), warnings: [] };
  result.warnings.forEach(warn);
  skippedLines(result.skipped).forEach(warn);
  return result.reports;
}
