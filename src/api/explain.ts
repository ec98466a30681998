/**
 * `explain()`: how the guideline engine read one report and why it chose its category (or none), in the
 * categories of the taxonomy, the function `cmrdx explain` calls. A taxonomy the engine cannot answer in is
 * refused before anything is read.
 */
import { InputError } from '../errors.js';
import type { InputOptions } from '../ingest/read-input.js';
import { explain as explainReport, type Explanation } from '../readers/rules/explain.js';
import { buildOutcomeMap } from '../readers/rules/outcome-map.js';
import type { Report } from '../report/report.js';
import { loadTaxonomy } from '../taxonomy/load-taxonomy.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { reportsOf } from './reports-of.js';

export interface ExplainOptions {
  /** The reports, or the path of a file or folder to read them from. */
  input: Report[] | string;
  read?: Omit<InputOptions, 'taxonomy'>;
  /** The report to explain; may be left out when the input holds one report. */
  id?: string;
  /** Default: the study categories plus OTHER. */
  taxonomy?: Taxonomy;
}

export interface ExplainResult {
  explanation: Explanation;
  warnings: string[];
}

export async function explain(options: ExplainOptions): Promise<ExplainResult> {
  const taxonomy = options.taxonomy ?? loadTaxonomy(undefined);
  buildOutcomeMap(taxonomy);
  const warnings: string[] = [];
  const reports = await reportsOf(options.input, options.read, taxonomy, (w) => warnings.push(w));
  const report = options.id === undefined && reports.length === 1 ? reports[0] : reports.find((r) => r.id === options.id);
  if (!report) {
    const file = typeof options.input === 'string' ? options.input : 'input';
    const hint = options.id === undefined ? 'Name the report with --id <id> (id in the library)' : `Known ids start with: ${reports.slice(0, 5).map((r) => r.id).join(', ')}`;
    throw new InputError({ file }, options.id === undefined ? `has ${reports.length} reports` : `no report with id "${options.id}"`, { code: 'input.unknown_id', hint });
  }
  return { explanation: explainReport(report, taxonomy), warnings };
}
