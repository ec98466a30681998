/**
 * `synth()`: a synthetic cohort of German or English CMR reports from a seed (the same seed, the same reports),
 * the function `cmrdx synth` calls. Returns the reports with their labels, difficulty and every printed value;
 * with `out` it also writes `<out>/reports.jsonl` and `<out>/labels.csv`.
 */
import { checkOptions, synthOptionsSchema } from './check-options.js';
import { generateCohort, writeCohort, type SynthOptions as CohortOptions, type SynthReport } from '../synth/generate-cohort.js';

export interface SynthOptions extends CohortOptions {
  /** Also write reports.jsonl and labels.csv into this folder. */
  out?: string;
}

export interface SynthResult {
  reports: SynthReport[];
  files?: { reportsFile: string; labelsFile: string };
}

export async function synth(options: SynthOptions): Promise<SynthResult> {
  checkOptions('synth', synthOptionsSchema, options);
  const { out, ...cohort } = options;
  const reports = generateCohort(cohort);
  return { reports, ...(out ? { files: writeCohort(reports, out) } : {}) };
}
