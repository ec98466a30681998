// Selective prediction checked by hand on a fixture of eight reports (the arithmetic is in the comments), then
// against a brute force over every order of the tied reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectivePrediction, type Scored } from './selective.js';

const FIXTURE: Scored[] = [
  { confidence: 0.9, correct: true },
  { confidence: 0.9, correct: false },
  { confidence: 0.8, correct: true },
  { confidence: 0.7, correct: true },
  { confidence: 0.7, correct: true },
  { confidence: 0.5, correct: false },
  { confidence: null, correct: false }, // a failed prediction: no confidence, last, wrong
  { confidence: null, correct: true }, // a right answer without confidence (a server without logprobs)
];
const close = (a: number | null | undefined, b: number, what: string) => assert.ok(typeof a === 'number' && Math.abs(a - b) < 1e-6, `${what}: ${a} ≠ ${b}`);

test('the accuracy–coverage curve: one point per distinct confidence, ties enter together, no confidence last', () => {
  const s = selectivePrediction(FIXTURE, { resamples: 200 });
  // Blocks: 0.9 (2 reports, 1 wrong), 0.8 (1, 0), 0.7 (2, 0), 0.5 (1, 1), none (2, 1).
  const expected = [
    [0.9, 2 / 8, 1 / 2], // 2 covered, 1 right
    [0.8, 3 / 8, 2 / 3], // 3 covered, 2 right
    [0.7, 5 / 8, 4 / 5], // 5 covered, 4 right
    [0.5, 6 / 8, 4 / 6], // 6 covered, 4 right
    [null, 8 / 8, 5 / 8], // all 8, 5 right
  ] as const;
  assert.equal(s.curve.length, expected.length);
  s.curve.forEach((p, i) => {
    const [threshold, coverage, accuracy] = expected[i]!;
    assert.equal(p.threshold, threshold);
    close(p.coverage, coverage, `point ${i} coverage`);
    close(p.accuracy, accuracy, `point ${i} accuracy`);
  });
  assert.equal(s.n, 8);
  assert.equal(s.withConfidence, 6);
});

test('AURC by hand: the mean risk of the k most confident, ties at their expected risk', () => {
  const s = selectivePrediction(FIXTURE, { resamples: 200 });
  // risk(k), k = 1..8, with (E + j·e/m) / (N + j) inside each block:
  //   block 0.9 (N=0, E=0, m=2, e=1): (0 + 1/2)/1 = 0.5,        (0 + 2/2)/2 = 0.5
  //   block 0.8 (N=2, E=1, m=1, e=0): 1/3 = 0.333333
  //   block 0.7 (N=3, E=1, m=2, e=0): 1/4 = 0.25,               1/5 = 0.2
  //   block 0.5 (N=5, E=1, m=1, e=1): 2/6 = 0.333333
  //   no conf.  (N=6, E=2, m=2, e=1): (2 + 1/2)/7 = 0.357143,   (2 + 1)/8 = 0.375
  // sum 2.848810, AURC = 2.848810 / 8 = 0.356101
  close(s.aurc, 2.84881 / 8, 'AURC');
  // Perfect ranking of the same 5 right and 3 wrong: risk 0 for k <= 5, then 1/6, 2/7, 3/8: 0.827381 / 8 = 0.103423
  close(s.aurcOptimal, (1 / 6 + 2 / 7 + 3 / 8) / 8, 'optimal AURC');
});

test('AURC is the mean over every order of the tied reports', () => {
  // Brute force: each tie block in both orders (2 × 2 × 2 = 8 orders), plain AURC of each, averaged.
  const blocks = [[true, false], [true], [true, true], [false], [false, true]];
  const orders: boolean[][] = [[]];
  for (const b of blocks) {
    const next: boolean[][] = [];
    for (const o of orders) for (const p of b.length === 2 ? [b, [b[1]!, b[0]!]] : [b]) next.push([...o, ...p]);
    orders.splice(0, orders.length, ...next);
  }
  const plain = (o: boolean[]) => o.reduce((s, _, k) => s + o.slice(0, k + 1).filter((c) => !c).length / (k + 1), 0) / o.length;
  const mean = orders.reduce((s, o) => s + plain(o), 0) / orders.length;
  assert.equal(orders.length, 8);
  close(selectivePrediction(FIXTURE, { resamples: 100 }).aurc, mean, 'AURC vs brute force');
});

test('coverage at a target accuracy: the largest covered share that reaches it, and its threshold', () => {
  const s = selectivePrediction(FIXTURE, { resamples: 500, targets: [0.95, 0.8, 0.6] });
  const [t95, t80, t60] = s.atAccuracy;
  // 0.95: no point reaches it, not even the most confident block (1/2): everything goes to a person.
  assert.deepEqual([t95!.coverage, t95!.covered, t95!.threshold, t95!.accuracy], [0, 0, null, null]);
  // 0.80: the 0.7 block point (5 of 8 at 4/5); the later points are below 0.8.
  assert.deepEqual([t80!.coverage, t80!.covered, t80!.threshold], [5 / 8, 5, 0.7]);
  close(t80!.accuracy, 0.8, 'accuracy at 0.8');
  // 0.60: the last point (8 of 8 at 5/8 = 0.625) already reaches it.
  assert.deepEqual([t60!.coverage, t60!.threshold], [1, null]);
  for (const t of s.atAccuracy) assert.ok(t.ci.low >= 0 && t.ci.low <= t.ci.high && t.ci.high <= 1, JSON.stringify(t.ci));
});

test('the bootstrap is seeded and collapses when every answer is right', () => {
  const a = selectivePrediction(FIXTURE, { seed: 7, resamples: 300 });
  const b = selectivePrediction(FIXTURE, { seed: 7, resamples: 300 });
  const c = selectivePrediction(FIXTURE, { seed: 8, resamples: 300 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.ci, c.ci);
  const perfect = selectivePrediction([0.9, 0.3, 0.3, null].map((confidence) => ({ confidence, correct: true })), { resamples: 200 });
  assert.equal(perfect.aurc, 0);
  for (const t of perfect.atAccuracy) assert.deepEqual([t.coverage, t.ci.low, t.ci.high], [1, 1, 1]);
});

test('no confidence at all: one point at full coverage', () => {
  const s = selectivePrediction([{ confidence: null, correct: true }, { confidence: null, correct: false }], { resamples: 100 });
  assert.deepEqual(s.curve, [{ coverage: 1, accuracy: 0.5, covered: 2, threshold: null }]);
  close(s.aurc, (0.5 + 0.5) / 2, 'AURC of one tie block: (1/2)/1 and (2/2)/2, mean 0.5');
});
