/**
 * The public library API of cmrdx. Re-exports only; see docs/architecture.md for the modules. The study's steps
 * are `classify`, `evaluate` and `consensus` (what the CLI commands of the same names call), `explain` for the
 * guideline engine's reading of one report, and `synth` for synthetic cohorts; below them, the parts.
 */
export { classify, type ClassifyOptions, type ClassifyEvent, type ClassifyResult } from './api/classify.js';
export { evaluate, type EvaluateOptions, type EvaluateResult } from './api/evaluate.js';
export { consensus, type ConsensusOptions, type ConsensusResult } from './api/consensus.js';
export { synth, type SynthOptions, type SynthResult } from './api/synth.js';
export { explain, type ExplainOptions, type ExplainResult } from './api/explain.js';
export { renderExplanation, type Explanation } from './readers/rules/explain.js';
export type { SynthReport } from './synth/generate-cohort.js';
export type { StudyFiles } from './present/write-study.js';
export type { ReportMeta } from './present/render-report.js';
export type { ThinkSetting } from './readers/llm/llm-reader.js';
export type { AnswerMode } from './readers/llm/answer-schema.js';
export type { ClassifyVersion } from './readers/llm/prompt.js';
export type { Consensus, ConsensusRow } from './evaluate/consensus.js';
export type { Prediction, Evidence, Reader } from './readers/reader.js';
export type { Confidence } from './readers/confidence.js';
export type { RunSummary, ModelSummary } from './run/run-classify.js';
export type { Evaluation, ReaderResult } from './evaluate/evaluate-run.js';
export { VERSION } from './version.js';
export * from './errors.js';
export type { Report, Span, Lang } from './report/report.js';
export { readReports, type ReadOptions, type ReadResult } from './ingest/read-reports.js';
export { readInput, type InputOptions } from './ingest/read-input.js';
export { mapColumns, resolveColumns, type ColumnChoice, type ColumnMap, type ColumnRole } from './ingest/map-columns.js';
export { readXlsx, type XlsxTable } from './ingest/read-xlsx.js';
export { readPdfText } from './ingest/read-pdf.js';
export { readLabels, type LabelRecord } from './ingest/read-labels.js';
export { decodeText, detectEncoding, type Encoding } from './ingest/decode-text.js';
export { parseReport, parsedReportJson, type ParsedReport } from './report/parse-report.js';
export { extractMeasurements, type Measurement, type Reference } from './report/extract-measurements.js';
export { splitSections, splitParts, type Section, type SectionKind, type Parts } from './report/split-sections.js';
export { detectLanguage } from './report/detect-language.js';
export { DEFAULT_TAXONOMY, UNCLASSIFIED, resolveLabel, categoryIds, type Taxonomy, type Category, type UnclassifiedReason } from './taxonomy/taxonomy.js';
export { loadTaxonomy } from './taxonomy/load-taxonomy.js';
export type { CategoryCode } from './taxonomy/taxonomy.js';
export { exportRun, type ExportOptions, type ExportResult } from './present/export-run.js';
export { readRun, type RunResults, type ConsensusEntry } from './present/read-run.js';
export { fhirBundles, writeFhirExport, type FhirOptions, type FhirBundle } from './present/export-fhir.js';
export { writeXlsxExport, workbookSheets } from './present/export-xlsx.js';
export { runCli } from './cli/program.js';
