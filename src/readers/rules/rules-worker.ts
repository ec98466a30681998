/**
 * A worker thread of the guideline engine (rules-workers.ts): it builds the rules reader for the taxonomy it
 * is given and answers each batch of reports with their predictions, in order. A report the engine fails on
 * gets an error prediction, as in the main thread's run loop, so a batch always has one prediction per report.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorRecord } from '../../errors.js';
import type { Report } from '../../report/report.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import type { Prediction } from '../reader.js';
import { createRulesReader, RULES_READER_ID } from './rules-reader.js';

const reader = createRulesReader((workerData as { taxonomy: Taxonomy }).taxonomy);

parentPort!.on('message', async ({ batch, reports }: { batch: number; reports: Report[] }) => {
  const predictions: Prediction[] = [];
  for (const report of reports) {
    const started = performance.now();
    try {
      predictions.push(await reader.classify(report));
    } catch (error) {
      predictions.push({ id: report.id, model: RULES_READER_ID, category: null, evidence: [], seconds: (performance.now() - started) / 1000, error: toErrorRecord(error) });
    }
  }
  parentPort!.postMessage({ batch, predictions });
});
