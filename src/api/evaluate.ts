/**
 * `evaluate()`: the study's step 4 for a run folder, the function `cmrdx evaluate` and `cmrdx demo` call. Every
 * reader of the run (models, the guideline engine, human readers from the store or labels files, the current
 * consensus) is scored against one truth over one class set, with intervals, timing, agreement and selective
 * prediction. It returns the numbers as data — `metrics` is exactly what metrics.json holds — and, unless
 * `write: false`, writes metrics.json, metrics.csv and report.html into the folder.
 */
import { evaluateRun, type EvaluateOptions as RunEvaluateOptions, type Evaluation } from '../evaluate/evaluate-run.js';
import { metricsJson } from '../present/metrics-files.js';
import type { ReportMeta } from '../present/render-report.js';
import { writeStudy, type StudyFiles } from '../present/write-study.js';
import { loadTaxonomy } from '../taxonomy/load-taxonomy.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { checkOptions, evaluateOptionsSchema } from './check-options.js';

export interface EvaluateOptions extends Omit<RunEvaluateOptions, 'taxonomy'> {
  /** Default: the study categories plus OTHER (the taxonomy the run was classified in). */
  taxonomy?: Taxonomy;
  /** Write metrics.json, metrics.csv and report.html into `dir` (default true); `{noText: true}` for a report.html without any report text. */
  write?: boolean | ReportMeta;
}

export interface EvaluateResult {
  /** metrics.json's content: `{readers: {<name>: {n, accuracy, macro, perClass, confusion, ci, ...}}, best, truth, ...}`. */
  metrics: Record<string, unknown>;
  /** The full evaluation (per-report predictions of every reader, the truth, the consensus). */
  evaluation: Evaluation;
  /** Remarks for the user (predictions without truth, a rebuilt consensus, a truth of adjudicated reports only). */
  warnings: string[];
  files?: StudyFiles;
}

export async function evaluate(options: EvaluateOptions): Promise<EvaluateResult> {
  checkOptions('evaluate', evaluateOptionsSchema, options);
  const taxonomy = options.taxonomy ?? loadTaxonomy(undefined);
  const evaluation = evaluateRun({ ...options, taxonomy });
  const meta = typeof options.write === 'object' ? options.write : {};
  const files = options.write === false ? undefined : await writeStudy(options.dir, evaluation, { generated: new Date().toISOString().slice(0, 10), ...meta });
  return { metrics: metricsJson(evaluation), evaluation, warnings: evaluation.warnings, ...(files ? { files } : {}) };
}
