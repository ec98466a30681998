/**
 * Classification metrics for one reader against the truth: accuracy, precision, recall and F1 per class, macro
 * and weighted averages, Cohen's kappa, Gwet's AC1 and the confusion matrix.
 *
 * The class set is the truth's categories in taxonomy order, the same for every reader of an evaluation: the
 * averages, kappa and AC1 run over it, so readers are never ranked by which categories they happened to use.
 * An answer outside it (a category the truth never has, UNCLASSIFIED, a failure) is an error: it lowers
 * accuracy and the recall of the true class, and has a column of its own in the confusion matrix.
 * Zero-division rule (as scikit-learn's zero_division=0): a precision or recall with an empty denominator is 0.
 */
import { UNCLASSIFIED } from '../taxonomy/taxonomy.js';
import { own } from '../util/own.js';

export const FAILED = 'FAILED';

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  /** How many reports have this class as truth (0 for a category only readers answered). */
  support: number;
}

export interface Averages {
  precision: number;
  recall: number;
  f1: number;
}

export interface Metrics {
  n: number;
  failed: number;
  /** Answers `UNCLASSIFIED` (the reader's honest "no category"): wrong, in their own column. */
  unclassified: number;
  accuracy: number;
  /** Mean over the class set. */
  macro: Averages;
  /** Mean over the class set weighted by support. */
  weighted: Averages;
  /**
   * scikit-learn's default macro average (`f1_score(y_true, y_pred, average='macro')` without `labels=`): over
   * every label in the truth or the answers, FAILED and UNCLASSIFIED included. Secondary: it depends on which
   * wrong answers a reader gave; kept so numbers computed that way can be reconciled.
   */
  macroUnionOfLabels: Averages & { labels: string[] };
  /** Cohen's kappa; null when undefined (chance agreement 1: one class answered and true throughout). */
  kappa: number | null;
  /** Gwet's AC1 over the class set; null when undefined (a class set of one). */
  ac1: number | null;
  /** Per category of the class set, then per other category some reader answered (support 0). */
  perClass: Record<string, ClassMetrics>;
  /** confusion[truth][column] = count; rows: the class set; columns: see `matrixColumns`. */
  confusion: Record<string, Record<string, number>>;
  /** The truth's categories in taxonomy order. */
  classSet: string[];
  /** The confusion matrix's columns. */
  columns: string[];
}

export interface Pair {
  truth: string;
  /** null when the prediction failed (or is missing); `UNCLASSIFIED` for the reader's "no category". */
  predicted: string | null;
}

/** The truth's categories in taxonomy order (categories outside the taxonomy, which validation prevents, last). */
export function classSetOf(truths: Iterable<string>, order: string[]): string[] {
  return sortCategories(new Set(truths), order);
}

function sortCategories(seen: Set<string>, order: string[]): string[] {
  return [...order.filter((c) => seen.has(c)), ...[...seen].filter((c) => !order.includes(c)).sort()];
}

/**
 * The confusion matrix's columns: the class set, then every other category any reader answered (taxonomy
 * order), then UNCLASSIFIED when any reader answered it, then FAILED (always, so "none failed" is visible).
 */
export function matrixColumns(classSet: string[], answers: Iterable<string | null>, order: string[]): string[] {
  const other = new Set<string>();
  let unclassified = false;
  for (const a of answers) {
    if (a === null || classSet.includes(a)) continue;
    if (a === UNCLASSIFIED) unclassified = true;
    else if (a !== FAILED) other.add(a);
  }
  return [...classSet, ...sortCategories(other, order), ...(unclassified ? [UNCLASSIFIED] : []), FAILED];
}

/** The categories among the columns that get per-class figures (not UNCLASSIFIED or FAILED). */
export function perClassCategories(columns: string[]): string[] {
  return columns.filter((c) => c !== UNCLASSIFIED && c !== FAILED);
}

export interface MetricsOptions {
  /** Default: the truth's categories of these pairs. */
  classSet?: string[];
  /** Default: matrixColumns of this reader's answers. Pass the evaluation's, so all readers share them. */
  columns?: string[];
}

const f1Of = (precision: number, recall: number) => (precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall));

/**
 * @param order the taxonomy's categories, for a stable order.
 */
export function computeMetrics(pairs: Pair[], order: string[], options: MetricsOptions = {}): Metrics {
  const classSet = options.classSet ?? classSetOf(pairs.map((p) => p.truth), order);
  const columns = options.columns ?? matrixColumns(classSet, pairs.map((p) => p.predicted), order);
  const confusion: Record<string, Record<string, number>> = {};
  for (const t of classSet) confusion[t] = Object.fromEntries(columns.map((c) => [c, 0]));
  const answered = new Map<string, number>();
  let correct = 0;
  let failed = 0;
  let unclassified = 0;
  for (const { truth, predicted } of pairs) {
    const column = predicted ?? FAILED;
    const row = own(confusion, truth);
    if (!row || !Object.hasOwn(row, column)) throw new Error(`computeMetrics: truth ${truth} or answer ${column} outside the class set and columns`);
    row[column]!++;
    answered.set(column, (answered.get(column) ?? 0) + 1);
    if (predicted === null) failed++;
    else if (predicted === UNCLASSIFIED) unclassified++;
    else if (predicted === truth) correct++;
  }
  const n = pairs.length;
  const perClass: Record<string, ClassMetrics> = {};
  for (const c of perClassCategories(columns)) {
    const row = own(confusion, c);
    const tp = own(row, c) ?? 0;
    const support = row ? Object.values(row).reduce((s, x) => s + x, 0) : 0;
    const predictedAs = answered.get(c) ?? 0;
    const precision = predictedAs === 0 ? 0 : tp / predictedAs;
    const recall = support === 0 ? 0 : tp / support;
    perClass[c] = { precision, recall, f1: f1Of(precision, recall), support };
  }
  const average = (weight: (c: string) => number): Averages => {
    const total = classSet.reduce((s, c) => s + weight(c), 0);
    const mean = (k: 'precision' | 'recall' | 'f1') => (total === 0 ? 0 : classSet.reduce((s, c) => s + perClass[c]![k] * weight(c), 0) / total);
    return { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') };
  };
  return {
    n,
    failed,
    unclassified,
    accuracy: n === 0 ? 0 : correct / n,
    macro: average(() => 1),
    weighted: average((c) => perClass[c]!.support),
    macroUnionOfLabels: unionMacro(pairs, perClass),
    kappa: cohensKappa(pairs),
    ac1: gwetAc1(pairs, classSet),
    perClass,
    confusion,
    classSet,
    columns,
  };
}

/** scikit-learn's default macro average: over the sorted union of truth and answer labels (FAILED for a failure). */
function unionMacro(pairs: Pair[], perClass: Record<string, ClassMetrics>): Averages & { labels: string[] } {
  const labels = [...new Set(pairs.flatMap((p) => [p.truth, p.predicted ?? FAILED]))].sort();
  // Labels with no per-class entry (FAILED, UNCLASSIFIED) are never true, so their precision, recall and F1 are 0.
  const mean = (k: 'precision' | 'recall' | 'f1') => (labels.length === 0 ? 0 : labels.reduce((s, l) => s + (own(perClass, l)?.[k] ?? 0), 0) / labels.length);
  return { precision: mean('precision'), recall: mean('recall'), f1: mean('f1'), labels };
}

/**
 * Cohen's kappa of the answers against the truth. Chance agreement sums over the truth's categories only (an
 * answer outside the class set never agrees with the truth), so grouping such answers changes nothing.
 */
export function cohensKappa(pairs: Pair[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const truth = new Map<string, number>();
  const answer = new Map<string, number>();
  let agree = 0;
  for (const { truth: t, predicted } of pairs) {
    const p = predicted ?? FAILED;
    truth.set(t, (truth.get(t) ?? 0) + 1);
    answer.set(p, (answer.get(p) ?? 0) + 1);
    if (p === t) agree++;
  }
  let pe = 0;
  for (const [k, count] of truth) pe += (count / n) * ((answer.get(k) ?? 0) / n);
  return pe === 1 ? null : (agree / n - pe) / (1 - pe);
}

/**
 * Gwet's AC1 of the answers against the truth (Gwet 2008, two raters): (pa − pe) / (1 − pe) with pa the share
 * of agreement and pe = Σ_q π_q(1 − π_q) / (Q − 1) over the Q categories of the class set, π_q the mean of the
 * truth's and the reader's share of q. Answers outside the class set agree with nothing and fall in no π_q.
 * Unlike kappa it does not collapse when one class dominates.
 */
export function gwetAc1(pairs: Pair[], classSet: string[]): number | null {
  const n = pairs.length;
  const q = classSet.length;
  if (n === 0 || q < 2) return null;
  const share = new Map<string, number>(classSet.map((c) => [c, 0]));
  let agree = 0;
  for (const { truth, predicted } of pairs) {
    if (share.has(truth)) share.set(truth, share.get(truth)! + 1 / (2 * n));
    if (predicted !== null && share.has(predicted)) share.set(predicted, share.get(predicted)! + 1 / (2 * n));
    if (predicted === truth) agree++;
  }
  let sum = 0;
  for (const pi of share.values()) sum += pi * (1 - pi);
  const pe = sum / (q - 1);
  return (agree / n - pe) / (1 - pe);
}

/** Best first: macro-F1 over the class set, then accuracy, then name (so ties are ordered the same every time). */
export function compareReaders(a: { name: string; metrics: Metrics }, b: { name: string; metrics: Metrics }): number {
  return b.metrics.macro.f1 - a.metrics.macro.f1 || b.metrics.accuracy - a.metrics.accuracy || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** The confusion matrix as text rows, for tests, benches and the CLI (zero cells as '.'). */
export function formatConfusion(m: Metrics): string {
  const columns = m.columns.filter((c) => c !== FAILED || m.failed > 0);
  const width = Math.max(7, ...columns.map((c) => c.length + 1));
  const lines = [`${'truth \\ predicted'.padEnd(18)}${columns.map((c) => c.padStart(width)).join('')}`];
  for (const t of m.classSet) lines.push(`${t.padEnd(18)}${columns.map((c) => String(m.confusion[t]![c] || '.').padStart(width)).join('')}`);
  return lines.join('\n');
}
