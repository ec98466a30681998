/**
 * Writes `<out>/predictions.jsonl` from the run store: one line per (report, model) in input order, the
 * contract fields first. The file is written to a temporary name and renamed, so a reader (or a crash) never
 * sees half a file.
 */
import { join } from 'node:path';
import { writeAtomic } from '../util/write-atomic.js';
import type { RunStore } from './run-store.js';

export const PREDICTIONS_FILE = 'predictions.jsonl';

export function exportPredictions(store: RunStore, outDir: string, models: string[]): string {
  const path = join(outDir, PREDICTIONS_FILE);
  const lines = store.lines(models);
  writeAtomic(path, lines.length > 0 ? `${lines.join('\n')}\n` : '');
  return path;
}
