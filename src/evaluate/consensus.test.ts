import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildConsensus } from './consensus.js';

const CATEGORIES = ['HCM', 'CS', 'MYO', 'DCM', 'NORMAL', 'X', 'Y', 'Z'];

const votes = (rows: Record<string, Record<string, string | null>>) => new Map(Object.entries(rows));

test('unanimous, majority, no majority (tie or too few), and failed predictions cast no vote', () => {
  const c = buildConsensus(['r1', 'r2', 'r3', 'r4', 'r5'], ['a', 'b', 'c'], votes({
    r1: { a: 'MYO', b: 'MYO', c: 'MYO' },
    r2: { a: 'MYO', b: 'CS', c: 'MYO' },
    r3: { a: 'MYO', b: 'CS', c: 'DCM' },
    r4: { a: 'MYO', b: null, c: null },
    r5: { a: 'HCM', b: 'HCM', c: null },
  }), CATEGORIES);
  assert.deepEqual(c.rows.map((r) => [r.id, r.category, r.status, r.agree]), [
    ['r1', 'MYO', 'unanimous', 3],
    ['r2', 'MYO', 'majority', 2],
    ['r3', null, 'no majority', 1],
    ['r4', null, 'no majority', 1],
    ['r5', 'HCM', 'majority', 2],
  ]);
  assert.deepEqual(c.counts, { unanimous: 1, majority: 2, 'no majority': 2 });
  assert.equal(c.minAgree, 2);
});

test('--min-agree raises the bar; ties never win', () => {
  const c = buildConsensus(['r1', 'r2'], ['a', 'b', 'c', 'd'], votes({ r1: { a: 'X', b: 'X', c: 'Y', d: 'Y' }, r2: { a: 'X', b: 'X', c: 'X', d: 'Y' } }), CATEGORIES, 3);
  assert.deepEqual(c.rows.map((r) => r.status), ['no majority', 'majority']);
});

test("Fleiss' kappa is 1 for perfect agreement and about 0 for chance", () => {
  const same = buildConsensus(['1', '2', '3'], ['a', 'b'], votes({ 1: { a: 'X', b: 'X' }, 2: { a: 'Y', b: 'Y' }, 3: { a: 'Z', b: 'Z' } }), CATEGORIES);
  assert.equal(same.agreement.fleissKappa, 1);
  const split = buildConsensus(['1', '2'], ['a', 'b'], votes({ 1: { a: 'X', b: 'Y' }, 2: { a: 'Y', b: 'X' } }), CATEGORIES);
  assert.ok(split.agreement.fleissKappa! < 0);
  // One category throughout: chance agreement is 1, kappa undefined (null), never a made-up 1.
  const one = buildConsensus(['1', '2'], ['a', 'b'], votes({ 1: { a: 'X', b: 'X' }, 2: { a: 'X', b: 'X' } }), CATEGORIES);
  assert.equal(one.agreement.fleissKappa, null);
});

test('UNCLASSIFIED casts no vote, like a failure, but stays in the votes', () => {
  const c = buildConsensus(['r1', 'r2'], ['a', 'b', 'c'], votes({
    r1: { a: 'UNCLASSIFIED', b: 'UNCLASSIFIED', c: 'MYO' },
    r2: { a: 'UNCLASSIFIED', b: 'MYO', c: 'MYO' },
  }), CATEGORIES);
  assert.deepEqual(c.rows.map((r) => [r.category, r.status, r.agree]), [[null, 'no majority', 1], ['MYO', 'majority', 2]]);
  assert.equal(c.rows[0]!.votes.a, 'UNCLASSIFIED');
  assert.equal(c.agreement.n, 0, 'no report has a category from every model');
});

test("hand-worked fixture: Fleiss' kappa and Gwet's multi-rater AC1 over the reports every model answered", () => {
  // Three models, six reports; r5 has a failure and r6 an UNCLASSIFIED answer, so the statistics use r1-r4
  // (N = 4, r = 3 raters), with the answer scale A, B, C (Q = 3).
  const c = buildConsensus(['r1', 'r2', 'r3', 'r4', 'r5', 'r6'], ['m1', 'm2', 'm3'], votes({
    r1: { m1: 'A', m2: 'A', m3: 'A' },
    r2: { m1: 'A', m2: 'A', m3: 'B' },
    r3: { m1: 'B', m2: 'B', m3: 'B' },
    r4: { m1: 'A', m2: 'B', m3: 'C' },
    r5: { m1: 'A', m2: null, m3: 'A' },
    r6: { m1: 'C', m2: 'UNCLASSIFIED', m3: 'C' },
  }), ['A', 'B', 'C']);
  assert.equal(c.agreement.n, 4);
  // Per report, Σ_q r_iq(r_iq − 1) / (r(r − 1)) with r(r − 1) = 6: r1 6/6 = 1, r2 2/6 = 1/3, r3 1, r4 0
  // pa = (1 + 1/3 + 1 + 0) / 4 = 7/12
  // Shares of the 12 ratings: A 6/12, B 5/12, C 1/12
  // Fleiss: pe = (6/12)² + (5/12)² + (1/12)² = 62/144; kappa = (84/144 − 62/144) / (1 − 62/144) = 22/82 = 0.26829
  const close = (a: number | null, b: number) => assert.ok(a !== null && Math.abs(a - b) < 1e-12, `${a} != ${b}`);
  close(c.agreement.fleissKappa, 22 / 82);
  // AC1: Σ π(1 − π) = (1/2)(1/2) + (5/12)(7/12) + (1/12)(11/12) = 36/144 + 35/144 + 11/144 = 82/144
  // pe = (82/144) / (Q − 1) = 41/144; AC1 = (84/144 − 41/144) / (1 − 41/144) = 43/103 = 0.41748
  close(c.agreement.ac1, 43 / 103);
});
