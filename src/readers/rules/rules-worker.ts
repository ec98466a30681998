/**
 * A worker thread of the guideline engine (rules-workers.ts): it maps the engine's outcomes onto the taxonomy it
 * is given and answers each batch of reports with their predictions, in order. A report the engine fails on
 * fails its batch, which the run loop then does again one report at a time in the main thread, where the failed
 * report gets its error prediction as any other (run-classify.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Report } from '../../report/report.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import type { Prediction } from '../reader.js';
import { buildOutcomeMap } from './outcome-map.js';
import { rulesPrediction } from './rules-reader.js';

const outcomes = buildOutcomeMap((workerData as { taxonomy: Taxonomy }).taxonomy);

// The engine is synchronous: a chunk is one loop, with no await per report.
parentPort!.on('message', ({ batch, reports }: { batch: number; reports: Report[] }) => {
  try {
    const predictions: Prediction[] = [];
    for (const report of reports) predictions.push(rulesPrediction(report, outcomes));
    parentPort!.postMessage({ batch, predictions });
  } catch (error) {
    // Only the error's name goes back: a message could quote the report.
    parentPort!.postMessage({ batch, failed: error instanceof Error ? error.name : 'Error' });
  }
});
