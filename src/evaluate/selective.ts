/**
 * Selective prediction: what a reader's confidence buys when the reports it is least sure of go to a person.
 *
 * Reports are ordered by confidence, highest first. Reports with equal confidence enter together (no threshold
 * can separate them), and reports without a confidence (failed, UNCLASSIFIED, missing, or a reader that gave
 * none) come last, together, and count as wrong when covered if they are wrong. So the accuracy–coverage curve
 * has one point per distinct confidence: answering every report whose confidence is at least t covers
 * `coverage` of the reports with `accuracy` among them; its last point covers everything.
 *
 * AURC, the area under the risk–coverage curve (Geifman et al. 2019), is (1/n) Σ_{k=1..n} risk(k), the mean
 * error rate of the k most confident reports. Inside a block of m tied reports with e errors, after N covered
 * reports with E errors, risk(N + j) = (E + j·e/m) / (N + j): the expected value when the tied reports come in a
 * random order, so AURC does not depend on how ties are stored. Lower is better; `aurcOptimal` is the AURC of a
 * reader with the same errors ranked perfectly (all errors last), so AURC - aurcOptimal is the excess (E-AURC).
 *
 * For each target accuracy, `atAccuracy` gives the largest coverage whose accuracy reaches the target, the
 * lowest confidence still answered there, and a percentile bootstrap interval of that coverage over the same
 * resamples as the evaluation's other intervals (0 when even the most confident reports miss the target).
 */
import { forEachResample, percentileInterval, type Interval } from './bootstrap.js';

export const TARGET_ACCURACIES = [0.95, 0.98, 0.99];

export interface Scored {
  correct: boolean;
  /** null: no confidence (sorts last). */
  confidence: number | null;
}

export interface CurvePoint {
  coverage: number;
  accuracy: number;
  /** Reports answered at this point. */
  covered: number;
  /** The lowest confidence answered; null for the last point when it takes in reports without confidence. */
  threshold: number | null;
}

export interface AtAccuracy {
  target: number;
  /** Largest coverage with accuracy >= target; 0 when none. */
  coverage: number;
  covered: number;
  /** Accuracy at that coverage (null when nothing is covered). */
  accuracy: number | null;
  /** Answer the reports with confidence >= threshold; null: none (coverage 0) or all, including those without. */
  threshold: number | null;
  ci: Interval;
}

export interface Selective {
  n: number;
  /** Reports that had a confidence. */
  withConfidence: number;
  curve: CurvePoint[];
  aurc: number;
  aurcOptimal: number;
  atAccuracy: AtAccuracy[];
  ci: { level: number; resamples: number; aurc: Interval };
}

export interface SelectiveOptions {
  seed?: number | string;
  resamples?: number;
  targets?: number[];
}

/** Positions sorted by confidence (nulls last) and the block each sorted position belongs to. */
function blocksOf(items: Scored[]): { order: Int32Array; block: Int32Array; thresholds: (number | null)[] } {
  const n = items.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const ca = items[a]!.confidence;
    const cb = items[b]!.confidence;
    if (ca === cb) return a - b;
    if (ca === null) return 1;
    if (cb === null) return -1;
    return cb - ca;
  });
  const block = new Int32Array(n);
  const thresholds: (number | null)[] = [];
  for (let k = 0; k < n; k++) {
    const c = items[order[k]!]!.confidence;
    if (k === 0 || c !== thresholds[thresholds.length - 1]) thresholds.push(c);
    block[order[k]!] = thresholds.length - 1;
  }
  return { order, block, thresholds };
}

/**
 * Curve, AURC and the point of each target from per-block counts (size and correct). The bootstrap calls it
 * 2,000 times per reader, so without `withCurve` it only keeps, per target, the largest coverage reached.
 */
function summarise(size: Float64Array, right: Float64Array, thresholds: (number | null)[], targets: number[], withCurve: boolean) {
  let n = 0;
  let correct = 0;
  for (let b = 0; b < size.length; b++) {
    n += size[b]!;
    correct += right[b]!;
  }
  const curve: CurvePoint[] = [];
  const at: (CurvePoint | undefined)[] = targets.map(() => undefined);
  const coverageAt = new Float64Array(targets.length);
  let covered = 0;
  let wrong = 0;
  let area = 0;
  for (let b = 0; b < size.length; b++) {
    const m = size[b]!;
    if (m === 0) continue;
    const e = m - right[b]!;
    for (let j = 1; j <= m; j++) area += (wrong + (j * e) / m) / (covered + j);
    covered += m;
    wrong += e;
    const accuracy = (covered - wrong) / covered;
    const point = withCurve ? { coverage: covered / n, accuracy, covered, threshold: thresholds[b]! } : undefined;
    if (point) curve.push(point);
    for (let t = 0; t < targets.length; t++) {
      if (accuracy < targets[t]! - 1e-12) continue;
      coverageAt[t] = covered / n;
      at[t] = point;
    }
  }
  // Perfect ranking: the correct reports first (risk 0), then each error adds to the risk.
  let optimal = 0;
  for (let k = correct + 1; k <= n; k++) optimal += (k - correct) / k;
  return { n, curve, aurc: n === 0 ? 0 : area / n, aurcOptimal: n === 0 ? 0 : optimal / n, at, coverageAt };
}

export function selectivePrediction(items: Scored[], options: SelectiveOptions = {}): Selective {
  const targets = options.targets ?? TARGET_ACCURACIES;
  const resamples = options.resamples ?? 2000;
  const { block, thresholds } = blocksOf(items);
  const blocks = thresholds.length;
  const size = new Float64Array(blocks);
  const right = new Float64Array(blocks);
  items.forEach((item, i) => {
    size[block[i]!]!++;
    if (item.correct) right[block[i]!]!++;
  });
  const estimate = summarise(size, right, thresholds, targets, true);

  // The bootstrap: the same resampled cohorts as the other intervals; each resample only re-weights the blocks.
  const aurcs = new Float64Array(resamples);
  const coverages = targets.map(() => new Float64Array(resamples));
  const rsize = new Float64Array(blocks);
  const rright = new Float64Array(blocks);
  forEachResample(items.length, { seed: options.seed, resamples }, (indices, r) => {
    rsize.fill(0);
    rright.fill(0);
    for (const i of indices) {
      rsize[block[i]!]!++;
      if (items[i]!.correct) rright[block[i]!]!++;
    }
    const s = summarise(rsize, rright, thresholds, targets, false);
    aurcs[r] = s.aurc;
    for (let t = 0; t < targets.length; t++) coverages[t]![r] = s.coverageAt[t]!;
  });

  return {
    n: items.length,
    withConfidence: items.filter((i) => i.confidence !== null).length,
    curve: estimate.curve,
    aurc: estimate.aurc,
    aurcOptimal: estimate.aurcOptimal,
    atAccuracy: targets.map((target, t) => {
      const p = estimate.at[t];
      return { target, coverage: p?.coverage ?? 0, covered: p?.covered ?? 0, accuracy: p?.accuracy ?? null, threshold: p?.threshold ?? null, ci: percentileInterval(coverages[t]!) };
    }),
    ci: { level: 0.95, resamples, aurc: percentileInterval(aurcs) },
  };
}
