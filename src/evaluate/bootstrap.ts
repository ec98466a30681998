/**
 * Percentile bootstrap confidence intervals: the reports are resampled with replacement (2,000 times by
 * default), the metric is computed on each resample, and the 2.5th and 97.5th percentiles form the 95 % interval.
 * Seeded, so the same data and seed give the same intervals. Each resample averages over the class set as the
 * estimate does (the categories of its truth), so a class a resample happens to miss is not scored as 0 and a
 * wrong answer never adds a class.
 */
import { Rng } from '../util/rng.js';
import type { Pair } from './metrics.js';

export interface Interval {
  low: number;
  high: number;
}

export interface BootstrapIntervals {
  accuracy: Interval;
  precision: Interval;
  recall: Interval;
  f1: Interval;
}

export interface BootstrapOptions {
  resamples?: number;
  seed?: string | number;
  /** 0.95 for a 95 % interval. */
  level?: number;
}

/** Macro metrics over the classes present in the resample's truth; `predicted` is -1 for an answer outside the class set. */
function macro(truth: Int32Array, predicted: Int32Array, k: number, tp: Int32Array, support: Int32Array, predCount: Int32Array): { accuracy: number; precision: number; recall: number; f1: number } {
  tp.fill(0);
  support.fill(0);
  predCount.fill(0);
  let correct = 0;
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!;
    const p = predicted[i]!;
    support[t]!++;
    if (p >= 0) predCount[p]!++;
    if (p === t) {
      tp[t]!++;
      correct++;
    }
  }
  let classes = 0;
  let sp = 0;
  let sr = 0;
  let sf = 0;
  for (let c = 0; c < k; c++) {
    if (support[c] === 0) continue;
    classes++;
    const precision = predCount[c] === 0 ? 0 : tp[c]! / predCount[c]!;
    const recall = tp[c]! / support[c]!;
    sp += precision;
    sr += recall;
    sf += precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  const n = truth.length;
  return { accuracy: n === 0 ? 0 : correct / n, precision: classes ? sp / classes : 0, recall: classes ? sr / classes : 0, f1: classes ? sf / classes : 0 };
}

/**
 * The resamples every interval of an evaluation uses: `resamples` draws of n report positions with
 * replacement from the seeded stream `bootstrap:<seed>`. The same seed and n give the same resamples, so the
 * accuracy, F1 and selective-prediction intervals of a reader all come from the same resampled cohorts.
 * Calls `each(indices, r)` for each resample. Every reader of an evaluation has the same n and seed, so the
 * draws are kept (up to 8 M positions, 32 MB: 4,000 reports × 2,000 resamples) and reused instead of drawn
 * again for each reader and interval.
 */
export function forEachResample(n: number, options: Pick<BootstrapOptions, 'resamples' | 'seed'>, each: (indices: Int32Array, r: number) => void): void {
  const resamples = options.resamples ?? 2000;
  const key = `${n}:${resamples}:${options.seed ?? 42}`;
  if (n * resamples <= MAX_KEPT) {
    if (kept?.key !== key) {
      const all = new Int32Array(n * resamples);
      drawResamples(n, resamples, options.seed, (indices, r) => all.set(indices, r * n));
      kept = { key, all };
    }
    for (let r = 0; r < resamples; r++) each(kept.all.subarray(r * n, (r + 1) * n), r);
    return;
  }
  drawResamples(n, resamples, options.seed, each);
}

const MAX_KEPT = 8 * 1024 * 1024;
let kept: { key: string; all: Int32Array } | undefined;

function drawResamples(n: number, resamples: number, seed: string | number | undefined, each: (indices: Int32Array, r: number) => void): void {
  const rng = new Rng(`bootstrap:${seed ?? 42}`);
  const indices = new Int32Array(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) indices[i] = Math.floor(rng.next() * n);
    each(indices, r);
  }
}

/** The two-sided percentile interval of `values` at `level` (0.95: the 2.5th and 97.5th percentiles). */
export function percentileInterval(values: Float64Array, level = 0.95): Interval {
  const alpha = (1 - level) / 2;
  const sorted = values.slice().sort();
  return { low: percentile(sorted, alpha), high: percentile(sorted, 1 - alpha) };
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** @param classSet the evaluation's class set (every truth is in it). */
export function bootstrapIntervals(pairs: Pair[], classSet: string[], options: BootstrapOptions = {}): BootstrapIntervals {
  const resamples = options.resamples ?? 2000;
  const level = options.level ?? 0.95;
  const index = new Map(classSet.map((l, i) => [l, i]));
  const n = pairs.length;
  const truth = new Int32Array(n);
  const predicted = new Int32Array(n);
  pairs.forEach((p, i) => {
    truth[i] = index.get(p.truth)!;
    predicted[i] = p.predicted === null ? -1 : (index.get(p.predicted) ?? -1);
  });
  const k = classSet.length;
  const scratch = { t: new Int32Array(n), p: new Int32Array(n), tp: new Int32Array(k), support: new Int32Array(k), pred: new Int32Array(k) };
  const values = { accuracy: new Float64Array(resamples), precision: new Float64Array(resamples), recall: new Float64Array(resamples), f1: new Float64Array(resamples) };
  forEachResample(n, options, (indices, r) => {
    for (let i = 0; i < n; i++) {
      const j = indices[i]!;
      scratch.t[i] = truth[j]!;
      scratch.p[i] = predicted[j]!;
    }
    const m = macro(scratch.t, scratch.p, k, scratch.tp, scratch.support, scratch.pred);
    values.accuracy[r] = m.accuracy;
    values.precision[r] = m.precision;
    values.recall[r] = m.recall;
    values.f1[r] = m.f1;
  });
  const interval = (v: Float64Array) => percentileInterval(v, level);
  return { accuracy: interval(values.accuracy), precision: interval(values.precision), recall: interval(values.recall), f1: interval(values.f1) };
}
