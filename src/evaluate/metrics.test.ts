import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cohensKappa, computeMetrics, FAILED } from './metrics.js';
import { bootstrapIntervals } from './bootstrap.js';
import { fleissKappa, mcnemarExact } from './agreement.js';

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
  close(m.kappa, 0);
  assert.deepEqual(m.confusion.a, { a: 2, b: 0, c: 0, FAILED: 0 });
});

test("matches scikit-learn's cohen_kappa_score example (0.6875)", () => {
  close(cohensKappa(pairs(['neg', 'pos', 'neg', 'neu', 'pos'], ['neg', 'pos', 'neg', 'neu', 'neg'])), 0.6875);
});

test('zero divisions: a class never predicted has precision 0; a class never true has recall 0 and still counts in the macro', () => {
  const m = computeMetrics(pairs(['a', 'a', 'b'], ['a', 'c', 'a']), ['a', 'b', 'c']);
  assert.deepEqual(m.classes, ['a', 'b', 'c']);
  assert.deepEqual(m.perClass.b, { precision: 0, recall: 0, f1: 0, support: 1 });
  assert.deepEqual(m.perClass.c, { precision: 0, recall: 0, f1: 0, support: 0 });
  close(m.perClass.a!.precision, 0.5);
  close(m.macro.f1, (0.5 + 0 + 0) / 3);
});

test('failed predictions are wrong, shown in their own column, and counted', () => {
  const m = computeMetrics(pairs(['a', 'a', 'b', 'b'], ['a', null, 'b', null]), ['a', 'b']);
  assert.equal(m.failed, 2);
  close(m.accuracy, 0.5);
  assert.equal(m.confusion.a![FAILED], 1);
  close(m.perClass.a!.recall, 0.5);
  close(m.perClass.a!.precision, 1);
});

test('an empty set gives zeros, not NaN', () => {
  const m = computeMetrics([], ['a']);
  assert.equal(m.accuracy, 0);
  assert.equal(m.macro.f1, 0);
  assert.deepEqual(m.classes, []);
});

test('bootstrap intervals are reproducible for a seed and contain the estimate', () => {
  const data = pairs(Array.from({ length: 60 }, (_, i) => ['a', 'b', 'c'][i % 3]!), Array.from({ length: 60 }, (_, i) => (i % 7 === 0 ? 'a' : ['a', 'b', 'c'][i % 3]!)));
  const one = bootstrapIntervals(data, { seed: 7, resamples: 500 });
  assert.deepEqual(bootstrapIntervals(data, { seed: 7, resamples: 500 }), one);
  assert.notDeepEqual(bootstrapIntervals(data, { seed: 8, resamples: 500 }), one);
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
  close(fleissKappa(ratings), 0.20993070442195522, 1e-6);
});
