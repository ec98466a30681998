/** Writes the study outputs of an evaluation into its folder: metrics.json, metrics.csv and report.html. */
import { join } from 'node:path';
import type { Evaluation } from '../evaluate/evaluate-run.js';
import { writeOutput } from '../util/write-output.js';
import { renderFigures } from './charts.js';
import { metricsCsv, metricsJson } from './metrics-files.js';
import { renderReport, type ReportMeta } from './render-report.js';

export interface StudyFiles {
  metricsJson: string;
  metricsCsv: string;
  reportHtml: string;
}

/** evaluate writes its files beside the run: the run folder must take them. */
const STUDY_FIX = 'evaluate writes metrics.json, metrics.csv and report.html into the run folder: move what is in the way, or make the folder writable (or copy the run)';

export async function writeStudy(dir: string, ev: Evaluation, meta: ReportMeta = {}): Promise<StudyFiles> {
  const files = { metricsJson: join(dir, 'metrics.json'), metricsCsv: join(dir, 'metrics.csv'), reportHtml: join(dir, 'report.html') };
  const figures = await renderFigures(ev);
  writeOutput(files.metricsJson, `${JSON.stringify(metricsJson(ev), null, 2)}\n`, STUDY_FIX);
  writeOutput(files.metricsCsv, metricsCsv(ev), STUDY_FIX);
  writeOutput(files.reportHtml, renderReport(ev, figures, meta), STUDY_FIX);
  return files;
}
