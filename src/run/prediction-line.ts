/** One line of predictions.jsonl: the contract fields first (id, model, category, evidence, seconds, error), then the reader's extras. */
import type { Prediction } from '../readers/reader.js';

export function predictionLine(p: Prediction): string {
  const { id, model, category, evidence, seconds, error, ...rest } = p;
  return JSON.stringify({ id, model, category, evidence, seconds: Math.round(seconds * 1e6) / 1e6, error, ...rest });
}
