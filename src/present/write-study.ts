/** Writes the study outputs of an evaluation into its folder: metrics.json, metrics.csv and report.html. */
import { join } from 'node:path';
import { writeAtomic } from '../util/write-atomic.js';
import { metricsCsv, metricsJson, type Evaluation } from '../evaluate/evaluate-run.js';
import { renderCharts } from './charts.js';
import { renderReport } from './render-report.js';

export interface StudyFiles {
  metricsJson: string;
  metricsCsv: string;
  reportHtml: string;
}

export async function writeStudy(dir: string, ev: Evaluation, meta: { title?: string; generated?: string } = {}): Promise<StudyFiles> {
  const files = { metricsJson: join(dir, 'metrics.json'), metricsCsv: join(dir, 'metrics.csv'), reportHtml: join(dir, 'report.html') };
  const charts = await renderCharts(ev);
  writeAtomic(files.metricsJson, `${JSON.stringify(metricsJson(ev), null, 2)}\n`);
  writeAtomic(files.metricsCsv, metricsCsv(ev));
  writeAtomic(files.reportHtml, renderReport(ev, charts, meta));
  return files;
}
