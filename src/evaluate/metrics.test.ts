import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cohensKappa, computeMetrics, FAILED } from './metrics.js';
import { bootstrapIntervals } from './bootstrap.js';
import { mcnemarExact, raterAgreement } from './agreement.js';

const pairs = (truth: string[], predicted: (string | null)[]) => truth.map((t, i) => ({ truth: t, predicted: predicted[i]! }));
const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) < eps, `${a} != ${b}`);

test('matches scikit-learn on its f1_score example (macro 0.2667, weighted 0.2667, accuracy 0.3333)', () => {
  // y_true = [0, 1, 2, 0, 1, 2], y_pred = [0, 2, 1, 0, 0, 1] (sklearn.metrics.f1_score documentation)
  const m = computeMetrics(pairs(['a', 'b', 'c', 'a', 'b', 'c'], ['a', 'c', 'b', 'a', 'a', 'b']), ['a', 'b', 'c']);
  close(m.accuracy, 2 / 6);
  close(m.macro.f1, 0.26666666666666666);
  close(m.weighted.f1, 0.26666666666666666);
  close(m.perClass.a!.precision, 2 / 3);
  close(m.perClass.a!.recall, 1);
  close(m.kappa!, 0);
  assert.deepEqual(m.confusion.a, { a: 2, b: 0, c: 0, FAILED: 0 });
});

test("matches scikit-learn's cohen_kappa_score example (0.6875)", () => {
  close(cohensKappa(pairs(['neg', 'pos', 'neg', 'neu', 'pos'], ['neg', 'pos', 'neg', 'neu', 'neg']))!, 0.6875);
});

test('zero divisions: a class never predicted has precision 0; a category never true is an error outside the class set, not a class of the average', () => {
  const m = computeMetrics(pairs(['a', 'a', 'b'], ['a', 'c', 'a']), ['a', 'b', 'c']);
  assert.deepEqual(m.classSet, ['a', 'b']);
  assert.deepEqual(m.columns, ['a', 'b', 'c', FAILED]);
  assert.deepEqual(m.perClass.b, { precision: 0, recall: 0, f1: 0, support: 1 });
  assert.deepEqual(m.perClass.c, { precision: 0, recall: 0, f1: 0, support: 0 });
  close(m.perClass.a!.precision, 0.5);
  close(m.macro.f1, (0.5 + 0) / 2);
  // scikit-learn's default (union of labels a, b, c) is kept beside it, clearly named.
  close(m.macroUnionOfLabels.f1, (0.5 + 0 + 0) / 3);
  assert.deepEqual(m.macroUnionOfLabels.labels, ['a', 'b', 'c']);
});

test('failed predictions are wrong, shown in their own column, and counted', () => {
  const m = computeMetrics(pairs(['a', 'a', 'b', 'b'], ['a', null, 'b', null]), ['a', 'b']);
  assert.equal(m.failed, 2);
  close(m.accuracy, 0.5);
  assert.equal(m.confusion.a![FAILED], 1);
  close(m.perClass.a!.recall, 0.5);
  close(m.perClass.a!.precision, 1);
});

test('an empty set gives zeros and undefined agreement (null), not NaN', () => {
  const m = computeMetrics([], ['a']);
  assert.equal(m.accuracy, 0);
  assert.equal(m.macro.f1, 0);
  assert.equal(m.kappa, null);
  assert.equal(m.ac1, null);
  assert.deepEqual(m.classSet, []);
});

test('bootstrap intervals are reproducible for a seed and contain the estimate', () => {
  const data = pairs(Array.from({ length: 60 }, (_, i) => ['a', 'b', 'c'][i % 3]!), Array.from({ length: 60 }, (_, i) => (i % 7 === 0 ? 'a' : ['a', 'b', 'c'][i % 3]!)));
  const one = bootstrapIntervals(data, ['a', 'b', 'c'], { seed: 7, resamples: 500 });
  assert.deepEqual(bootstrapIntervals(data, ['a', 'b', 'c'], { seed: 7, resamples: 500 }), one);
  assert.notDeepEqual(bootstrapIntervals(data, ['a', 'b', 'c'], { seed: 8, resamples: 500 }), one);
  const m = computeMetrics(data, ['a', 'b', 'c']);
  assert.ok(one.accuracy.low <= m.accuracy && m.accuracy <= one.accuracy.high);
  assert.ok(one.f1.low <= m.macro.f1 && m.macro.f1 <= one.f1.high);
  assert.ok(one.f1.high - one.f1.low > 0.02);
});

test("McNemar's exact test: b = 10, c = 2 gives p = 158/4096; equal discordance gives 1", () => {
  const a = [...Array(10).fill(true), ...Array(2).fill(false), ...Array(5).fill(true)];
  const b = [...Array(10).fill(false), ...Array(2).fill(true), ...Array(5).fill(true)];
  const r = mcnemarExact(a, b);
  assert.deepEqual([r.b, r.c], [10, 2]);
  close(r.pValue, 158 / 4096);
  assert.equal(mcnemarExact([true, false], [false, true]).pValue, 1);
  assert.equal(mcnemarExact([true], [true]).pValue, 1);
});

test("Fleiss' kappa matches the textbook example (10 items, 14 raters: 0.210)", () => {
  const table = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
  ];
  const ratings = table.map((row) => row.flatMap((count, c) => Array(count).fill(`c${c}`)));
  close(raterAgreement(ratings, ['c0', 'c1', 'c2', 'c3', 'c4']).fleissKappa!, 0.20993070442195522, 1e-6);
});

test('hand-worked fixture: a reader answers OTHER, which the truth never has, plus one UNCLASSIFIED and one failure', () => {
  // Truth: HCM x4, MYO x3, NORMAL x3 (n = 10). Class set = the truth's categories in taxonomy order:
  // HCM, MYO, NORMAL. The reader's answers:
  //   HCM    -> HCM, HCM, HCM, OTHER
  //   MYO    -> MYO, MYO, HCM
  //   NORMAL -> NORMAL, UNCLASSIFIED, (failed)
  const truth = ['HCM', 'HCM', 'HCM', 'HCM', 'MYO', 'MYO', 'MYO', 'NORMAL', 'NORMAL', 'NORMAL'];
  const answers = ['HCM', 'HCM', 'HCM', 'OTHER', 'MYO', 'MYO', 'HCM', 'NORMAL', 'UNCLASSIFIED', null];
  const order = ['HCM', 'CA', 'CS', 'MYO', 'ICM', 'DCM', 'NORMAL', 'OTHER'];
  const m = computeMetrics(pairs(truth, answers), order);
  assert.deepEqual(m.classSet, ['HCM', 'MYO', 'NORMAL']);
  // Columns: the class set, other categories answered (OTHER), UNCLASSIFIED, FAILED.
  assert.deepEqual(m.columns, ['HCM', 'MYO', 'NORMAL', 'OTHER', 'UNCLASSIFIED', 'FAILED']);
  assert.deepEqual(m.confusion, {
    HCM: { HCM: 3, MYO: 0, NORMAL: 0, OTHER: 1, UNCLASSIFIED: 0, FAILED: 0 },
    MYO: { HCM: 1, MYO: 2, NORMAL: 0, OTHER: 0, UNCLASSIFIED: 0, FAILED: 0 },
    NORMAL: { HCM: 0, MYO: 0, NORMAL: 1, OTHER: 0, UNCLASSIFIED: 1, FAILED: 1 },
  });
  assert.deepEqual([m.n, m.failed, m.unclassified], [10, 1, 1]);
  // accuracy = (3 + 2 + 1) / 10
  close(m.accuracy, 0.6);
  // HCM: answered 4 times (3 + the MYO report), 3 right: P = 3/4, R = 3/4, F1 = 0.75
  // MYO: answered 2 times, both right: P = 1, R = 2/3, F1 = 2·1·(2/3) / (1 + 2/3) = 0.8
  // NORMAL: answered once, right: P = 1, R = 1/3, F1 = 2·(1/3) / (4/3) = 0.5
  // OTHER: answered once, never true: P = 0, R = 0 (no support), F1 = 0; outside the class set.
  close(m.perClass.HCM!.precision, 0.75);
  close(m.perClass.HCM!.recall, 0.75);
  close(m.perClass.HCM!.f1, 0.75);
  close(m.perClass.MYO!.precision, 1);
  close(m.perClass.MYO!.recall, 2 / 3);
  close(m.perClass.MYO!.f1, 0.8);
  close(m.perClass.NORMAL!.recall, 1 / 3);
  close(m.perClass.NORMAL!.f1, 0.5);
  assert.deepEqual(m.perClass.OTHER, { precision: 0, recall: 0, f1: 0, support: 0 });
  assert.equal(m.perClass.UNCLASSIFIED, undefined);
  // macro over the class set: P = (0.75 + 1 + 1) / 3 = 0.91667, R = (0.75 + 2/3 + 1/3) / 3 = 0.58333,
  // F1 = (0.75 + 0.8 + 0.5) / 3 = 0.68333
  close(m.macro.precision, 2.75 / 3);
  close(m.macro.recall, 1.75 / 3);
  close(m.macro.f1, 2.05 / 3);
  // weighted by support 4, 3, 3: P = (4·0.75 + 3 + 3) / 10 = 0.9, R = accuracy = 0.6, F1 = (3 + 2.4 + 1.5) / 10 = 0.69
  close(m.weighted.precision, 0.9);
  close(m.weighted.recall, 0.6);
  close(m.weighted.f1, 0.69);
  // scikit-learn's default macro runs over all six labels seen (FAILED, HCM, MYO, NORMAL, OTHER, UNCLASSIFIED):
  // F1 = 2.05 / 6 = 0.34167. This is the number that ranked readers by the wrong answers they gave.
  close(m.macroUnionOfLabels.f1, 2.05 / 6);
  // Cohen's kappa: po = 0.6; truth shares HCM .4, MYO .3, NORMAL .3; answer shares HCM .4, MYO .2, NORMAL .1
  // pe = .4·.4 + .3·.2 + .3·.1 = .25; kappa = (.6 − .25) / (1 − .25) = 0.46667
  close(m.kappa!, 0.35 / 0.75);
  // Gwet's AC1, Q = 3: π_HCM = (.4 + .4)/2 = .4, π_MYO = (.3 + .2)/2 = .25, π_NORMAL = (.3 + .1)/2 = .2
  // Σ π(1 − π) = .24 + .1875 + .16 = .5875; pe = .5875 / (3 − 1) = .29375
  // AC1 = (.6 − .29375) / (1 − .29375) = .30625 / .70625 = 0.43363
  close(m.ac1!, 0.30625 / 0.70625);
});

test('issue 11: a reader who answered OTHER (never true) is averaged over the same class set as the others', () => {
  // Two readers with the same single error on an HCM report: one says OTHER, one says nothing (failed).
  // Before the fix the first was averaged over one more class (OTHER, F1 0) and ranked far below the second.
  const truth = ['HCM', 'HCM', 'MYO', 'MYO'];
  const order = ['HCM', 'MYO', 'OTHER'];
  const other = computeMetrics(pairs(truth, ['OTHER', 'HCM', 'MYO', 'MYO']), order);
  const failed = computeMetrics(pairs(truth, [null, 'HCM', 'MYO', 'MYO']), order);
  assert.deepEqual(other.classSet, failed.classSet);
  close(other.macro.f1, failed.macro.f1);
  close(other.accuracy, failed.accuracy);
});

test('Gwet AC1 stays high where kappa collapses: one dominant class (the paradox AC1 answers)', () => {
  // 20 reports, 18 NORMAL and 2 HCM; the reader finds the NORMALs but misses both HCM.
  const truth = [...Array(18).fill('NORMAL'), 'HCM', 'HCM'];
  const m = computeMetrics(pairs(truth, Array(20).fill('NORMAL')), ['HCM', 'NORMAL']);
  close(m.accuracy, 0.9);
  close(m.kappa!, 0);
  // π_NORMAL = (.9 + 1)/2 = .95, π_HCM = .05; pe = (.95·.05 + .05·.95) / 1 = .095; AC1 = (.9 − .095)/(1 − .095)
  close(m.ac1!, 0.805 / 0.905);
});

test('shared columns: every reader of an evaluation gets the same matrix columns, zeros included', () => {
  const columns = ['a', 'b', 'c', 'UNCLASSIFIED', FAILED];
  const m = computeMetrics(pairs(['a', 'b'], ['a', 'a']), ['a', 'b', 'c'], { columns });
  assert.deepEqual(Object.keys(m.confusion.a!), columns);
  assert.deepEqual(Object.keys(m.perClass), ['a', 'b', 'c']);
  for (const row of Object.values(m.confusion)) assert.equal(Object.values(row).reduce((s, x) => s + x, 0), 1);
});

test('bootstrap: an answer outside the class set adds no class to a resample average', () => {
  // Always right except one OTHER: with the class set {a, b} a perfect resample scores 1, never 2/3.
  const data = pairs(['a', 'b', 'a', 'b', 'a', 'b'], ['a', 'b', 'a', 'b', 'a', 'OTHER']);
  const ci = bootstrapIntervals(data, ['a', 'b'], { seed: 1, resamples: 400 });
  assert.equal(ci.f1.high, 1);
  assert.ok(ci.f1.low < 1);
});
