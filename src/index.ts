/** The public library API of cmrdx. Re-exports only; see docs/architecture.md for the modules. */
export * from './errors.js';
export type { Report, Span, Lang } from './report/report.js';
export { readReports, type ReadOptions, type ReadResult } from './ingest/read-reports.js';
export { readLabels, type LabelRecord } from './ingest/read-labels.js';
export { decodeText, detectEncoding, type Encoding } from './ingest/decode-text.js';
export { parseReport, parsedReportJson, type ParsedReport } from './report/parse-report.js';
export { extractMeasurements, type Measurement, type Reference } from './report/extract-measurements.js';
export { splitSections, splitParts, type Section, type SectionKind, type Parts } from './report/split-sections.js';
export { detectLanguage } from './report/detect-language.js';
export { DEFAULT_TAXONOMY, resolveLabel, categoryIds, type Taxonomy, type Category } from './taxonomy/taxonomy.js';
export { loadTaxonomy } from './taxonomy/load-taxonomy.js';
export { runCli } from './cli/program.js';
