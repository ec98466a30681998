/** Writes the study outputs of an evaluation into its folder: metrics.json, metrics.csv and report.html. */
import { join } from 'node:path';
import type { Evaluation } from '../evaluate/evaluate-run.js';
import { writeAtomic } from '../util/write-atomic.js';
import { renderFigures } from './charts.js';
import { metricsCsv, metricsJson } from './metrics-files.js';
import { renderReport, type ReportMeta } from './render-report.js';

export interface StudyFiles {
  metricsJson: string;
  metricsCsv: string;
  reportHtml: string;
}

export async function writeStudy(dir: string, ev: Evaluation, meta: ReportMeta = {}): Promise<StudyFiles> {
  const files = { metricsJson: join(dir, 'metrics.json'), metricsCsv: join(dir, 'metrics.csv'), reportHtml: join(dir, 'report.html') };
  const figures = await renderFigures(ev);
  writeAtomic(files.metricsJson, `${JSON.stringify(metricsJson(ev), null, 2)}\n`);
  writeAtomic(files.metricsCsv, metricsCsv(ev));
  writeAtomic(files.reportHtml, renderReport(ev, figures, meta));
  return files;
}
