/**
 * The numbers of an evaluation as files: metrics.json (every figure unrounded, the class set and matrix
 * columns it used, where the predictions came from) and metrics.csv (one row per reader, a column per class
 * of the matrix for each per-class figure, headers a spreadsheet user can read). Cells go through toCsv, so
 * a reader name such as `=HYPERLINK(...)` stays text.
 */
import type { Evaluation, ReaderResult } from '../evaluate/evaluate-run.js';
import { perClassCategories } from '../evaluate/metrics.js';
import { TARGET_ACCURACIES } from '../evaluate/selective.js';
import { CONFIDENCE_DEFINITIONS } from '../readers/confidence.js';
import { toCsv, type CsvCell } from '../util/csv.js';

/** Short definitions written into metrics.json, so the file says what its numbers mean. */
export const DEFINITIONS = {
  classSet: "the truth's categories in taxonomy order, the same for every reader; macro and weighted averages, kappa, AC1 and the bootstrap resamples run over it",
  wrong: 'an answer outside the class set (another category, UNCLASSIFIED), a failed and a missing prediction count as wrong and have their own matrix columns',
  macro: 'unweighted mean over the class set of per-class precision, recall and F1 (a 0/0 ratio is 0)',
  weighted: 'mean over the class set weighted by support',
  macroUnionOfLabels: "scikit-learn's default macro average (no labels=): over every label in truth or answers, FAILED and UNCLASSIFIED included; secondary",
  kappa: "Cohen's kappa of answers against the truth; null when chance agreement is 1",
  ac1: "Gwet's AC1 against the truth, Q = size of the class set; answers outside it agree with nothing",
  ci: 'percentile bootstrap over reports; each resample averages over the class-set categories present in its truth',
  mcnemar: "McNemar's exact test (two-sided binomial on discordant reports) against the best reader",
  consensusAgreement: "Fleiss' kappa and Gwet's AC1 (Q = the taxonomy's categories) between the consensus models, over the reports all of them answered",
  confidence: CONFIDENCE_DEFINITIONS,
  selective:
    'reports ordered by confidence, highest first (the consensus by agreement level = votes for its category / models, and by agreement level then agreement with the guideline engine); equal confidences enter together, failed, UNCLASSIFIED and reports without a confidence last. curve: coverage and accuracy after each distinct confidence (threshold: the lowest confidence answered)',
  aurc: 'area under the risk-coverage curve: mean over k = 1..n of the error rate of the k most confident reports, tied reports at their expected error rate; aurcOptimal: the same errors ranked perfectly',
  atAccuracy: 'largest coverage whose accuracy reaches the target, with its confidence threshold; 95 % percentile bootstrap interval over the same resamples as ci',
};

/** The reader's selective prediction per ordering, keyed by ordering. */
function selectiveJson(r: ReaderResult): Record<string, unknown> | undefined {
  if (r.selective.length === 0) return undefined;
  return Object.fromEntries(
    r.selective.map((s) => [
      s.by,
      { sources: s.sources, n: s.n, withConfidence: s.withConfidence, aurc: s.aurc, aurcOptimal: s.aurcOptimal, ci: { level: s.ci.level, resamples: s.ci.resamples, aurc: [s.ci.aurc.low, s.ci.aurc.high] }, atAccuracy: s.atAccuracy.map((a) => ({ ...a, ci: [a.ci.low, a.ci.high] })), curve: s.curve },
    ]),
  );
}

/** metrics.json: `{"readers": {"<name>": {"n", "accuracy", "macro", "perClass", "confusion", "secondsPerReport", "ci", ...}}, ...}`. */
export function metricsJson(ev: Evaluation): Record<string, unknown> {
  // fromEntries makes every name an own key: an assignment readers["__proto__"] would set the prototype instead.
  const readers = Object.fromEntries(ev.readers.map((r) => [r.name, readerJson(ev, r)]));
  const c = ev.consensus?.summary;
  return {
    classSet: ev.classSet,
    columns: ev.columns,
    definitions: DEFINITIONS,
    readers,
    best: ev.best,
    truth: { source: ev.truthSource, n: ev.truth.size, classes: ev.classSet },
    source: { ...ev.source, humanReaders: ev.humanReaders },
    ...(c ? { consensus: { models: c.models, minAgree: c.minAgree, selection: c.selection, counts: c.counts, agreement: c.agreement, fleissKappa: c.agreement.fleissKappa, source: c.source } } : {}),
  };
}

function readerJson(ev: Evaluation, r: ReaderResult): Record<string, unknown> {
  const m = r.metrics;
  return {
    kind: r.kind,
    n: m.n,
    accuracy: m.accuracy,
    macro: m.macro,
    weighted: m.weighted,
    macroUnionOfLabels: m.macroUnionOfLabels,
    kappa: m.kappa,
    ac1: m.ac1,
    failed: m.failed,
    unclassified: m.unclassified,
    missing: r.missing,
    perClass: m.perClass,
    confusion: m.confusion,
    secondsPerReport: r.seconds,
    tokens: r.tokens,
    ci: {
      level: 0.95,
      resamples: ev.resamples,
      accuracy: [r.ci.accuracy.low, r.ci.accuracy.high],
      macroF1: [r.ci.f1.low, r.ci.f1.high],
      macroPrecision: [r.ci.precision.low, r.ci.precision.high],
      macroRecall: [r.ci.recall.low, r.ci.recall.high],
    },
    ...(r.mcnemar ? { mcnemar: r.mcnemar } : {}),
    ...(r.selective.length > 0 ? { selective: selectiveJson(r) } : {}),
  };
}

const round = (x: number | null | undefined, digits = 6): CsvCell => (x === null || x === undefined ? '' : Math.round(x * 10 ** digits) / 10 ** digits);
/** p-values keep six significant digits, so a tiny one is not written as 0. */
const significant = (x: number | undefined): CsvCell => (x === undefined ? '' : Number(x.toPrecision(6)));

/** The first ordering of a reader (its own confidence, or the consensus by agreement level) in metrics.csv. */
function selectiveCells(r: ReaderResult): CsvCell[] {
  const s = r.selective[0];
  if (!s) return ['', '', '', '', ...TARGET_ACCURACIES.map(() => '')];
  return [s.by, round(s.aurc), round(s.ci.aurc.low), round(s.ci.aurc.high), ...TARGET_ACCURACIES.map((t) => round(s.atAccuracy.find((a) => a.target === t)?.coverage))];
}

/** metrics.csv: one row per reader, best first. */
export function metricsCsv(ev: Evaluation): string {
  const categories = perClassCategories(ev.columns);
  const label = (c: string) => (ev.classSet.includes(c) ? c : `${c} (not in truth)`);
  const header = [
    'reader', 'kind', 'reports', 'failed', 'unclassified', 'missing',
    'accuracy', 'accuracy 95% CI low', 'accuracy 95% CI high',
    'macro precision', 'macro recall', 'macro F1', 'macro F1 95% CI low', 'macro F1 95% CI high',
    'weighted precision', 'weighted recall', 'weighted F1', "Cohen's kappa", "Gwet's AC1",
    'median seconds per report', 'mean seconds per report', 'McNemar vs', 'McNemar p',
    'selective by', 'AURC', 'AURC 95% CI low', 'AURC 95% CI high', ...TARGET_ACCURACIES.map((t) => `coverage at accuracy ${t}`),
    ...categories.flatMap((c) => [`${label(c)} precision`, `${label(c)} recall`, `${label(c)} F1`, `${label(c)} support`]),
  ];
  const rows = ev.readers.map((r) => {
    const m = r.metrics;
    return [
      r.name, r.kind, m.n, m.failed, m.unclassified, r.missing,
      round(m.accuracy), round(r.ci.accuracy.low), round(r.ci.accuracy.high),
      round(m.macro.precision), round(m.macro.recall), round(m.macro.f1), round(r.ci.f1.low), round(r.ci.f1.high),
      round(m.weighted.precision), round(m.weighted.recall), round(m.weighted.f1), round(m.kappa), round(m.ac1),
      round(r.seconds?.median), round(r.seconds?.mean), r.mcnemar?.vs ?? '', significant(r.mcnemar?.pValue),
      ...selectiveCells(r),
      ...categories.flatMap((c) => {
        const pc = m.perClass[c]!;
        return [round(pc.precision), round(pc.recall), round(pc.f1), pc.support];
      }),
    ];
  });
  return toCsv([header, ...rows]);
}
