/**
 * Classification metrics for one reader against the truth: accuracy, precision, recall and F1 per class,
 * macro and weighted averages, Cohen's kappa and the confusion matrix. A failed prediction counts as wrong: it
 * goes into a column of its own (`FAILED`) of the confusion matrix and lowers recall, never silently dropped.
 * Zero-division rule (as scikit-learn's zero_division=0): a precision or recall with an empty denominator is 0;
 * the macro average runs over the classes present in the truth or the predictions.
 */

export const FAILED = 'FAILED';

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  /** How many reports have this class as truth. */
  support: number;
}

export interface Metrics {
  n: number;
  failed: number;
  accuracy: number;
  macro: { precision: number; recall: number; f1: number };
  weighted: { precision: number; recall: number; f1: number };
  kappa: number;
  perClass: Record<string, ClassMetrics>;
  /** confusion[truth][predicted] = count; predicted may be FAILED. */
  confusion: Record<string, Record<string, number>>;
  /** The classes the macro average runs over, in taxonomy order. */
  classes: string[];
}

export interface Pair {
  truth: string;
  /** null when the prediction failed. */
  predicted: string | null;
}

/**
 * @param labels the taxonomy's categories, for a stable order; classes outside it (should not happen after
 * validation) are appended.
 */
export function computeMetrics(pairs: Pair[], labels: string[]): Metrics {
  const seen = new Set<string>();
  for (const p of pairs) {
    seen.add(p.truth);
    if (p.predicted !== null) seen.add(p.predicted);
  }
  const classes = [...labels.filter((l) => seen.has(l)), ...[...seen].filter((l) => !labels.includes(l)).sort()];
  const confusion: Record<string, Record<string, number>> = {};
  for (const t of classes) confusion[t] = Object.fromEntries([...classes, FAILED].map((c) => [c, 0]));
  let correct = 0;
  let failed = 0;
  for (const { truth, predicted } of pairs) {
    const column = predicted ?? FAILED;
    confusion[truth]![column] = (confusion[truth]![column] ?? 0) + 1;
    if (predicted === null) failed++;
    else if (predicted === truth) correct++;
  }
  const n = pairs.length;
  const perClass: Record<string, ClassMetrics> = {};
  for (const c of classes) {
    const tp = confusion[c]![c] ?? 0;
    const support = Object.values(confusion[c]!).reduce((s, x) => s + x, 0);
    const predictedAs = classes.reduce((s, t) => s + (confusion[t]![c] ?? 0), 0);
    const precision = predictedAs === 0 ? 0 : tp / predictedAs;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass[c] = { precision, recall, f1, support };
  }
  const mean = (k: keyof ClassMetrics) => (classes.length === 0 ? 0 : classes.reduce((s, c) => s + perClass[c]![k], 0) / classes.length);
  const weightedMean = (k: keyof ClassMetrics) => (n === 0 ? 0 : classes.reduce((s, c) => s + perClass[c]![k] * perClass[c]!.support, 0) / n);
  return {
    n,
    failed,
    accuracy: n === 0 ? 0 : correct / n,
    macro: { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') },
    weighted: { precision: weightedMean('precision'), recall: weightedMean('recall'), f1: weightedMean('f1') },
    kappa: cohensKappa(pairs),
    perClass,
    confusion,
    classes,
  };
}

/** Cohen's kappa of predictions against the truth (failed predictions are their own category). */
export function cohensKappa(pairs: Pair[]): number {
  const n = pairs.length;
  if (n === 0) return 0;
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  let agree = 0;
  for (const { truth, predicted } of pairs) {
    const p = predicted ?? FAILED;
    a.set(truth, (a.get(truth) ?? 0) + 1);
    b.set(p, (b.get(p) ?? 0) + 1);
    if (p === truth) agree++;
  }
  const po = agree / n;
  let pe = 0;
  for (const [k, count] of a) pe += (count / n) * ((b.get(k) ?? 0) / n);
  return pe === 1 ? (po === 1 ? 1 : 0) : (po - pe) / (1 - pe);
}

/** The confusion matrix as text rows, for tests, benches and the CLI. */
export function formatConfusion(m: Metrics): string {
  const columns = [...m.classes, ...(m.failed > 0 ? [FAILED] : [])];
  const width = Math.max(7, ...columns.map((c) => c.length + 1));
  const lines = [`${'truth \\ predicted'.padEnd(18)}${columns.map((c) => c.padStart(width)).join('')}`];
  for (const t of m.classes) lines.push(`${t.padEnd(18)}${columns.map((c) => String(m.confusion[t]![c] || '.').padStart(width)).join('')}`);
  return lines.join('\n');
}
