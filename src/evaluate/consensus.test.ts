import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildConsensus } from './consensus.js';

const votes = (rows: Record<string, Record<string, string | null>>) => new Map(Object.entries(rows));

test('unanimous, majority, no majority (tie or too few), and failed predictions cast no vote', () => {
  const c = buildConsensus(['r1', 'r2', 'r3', 'r4', 'r5'], ['a', 'b', 'c'], votes({
    r1: { a: 'MYO', b: 'MYO', c: 'MYO' },
    r2: { a: 'MYO', b: 'CS', c: 'MYO' },
    r3: { a: 'MYO', b: 'CS', c: 'DCM' },
    r4: { a: 'MYO', b: null, c: null },
    r5: { a: 'HCM', b: 'HCM', c: null },
  }));
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
  const c = buildConsensus(['r1', 'r2'], ['a', 'b', 'c', 'd'], votes({ r1: { a: 'X', b: 'X', c: 'Y', d: 'Y' }, r2: { a: 'X', b: 'X', c: 'X', d: 'Y' } }), 3);
  assert.deepEqual(c.rows.map((r) => r.status), ['no majority', 'majority']);
});

test("Fleiss' kappa is 1 for perfect agreement and about 0 for chance", () => {
  const same = buildConsensus(['1', '2', '3'], ['a', 'b'], votes({ 1: { a: 'X', b: 'X' }, 2: { a: 'Y', b: 'Y' }, 3: { a: 'Z', b: 'Z' } }));
  assert.equal(same.fleissKappa, 1);
  const split = buildConsensus(['1', '2'], ['a', 'b'], votes({ 1: { a: 'X', b: 'Y' }, 2: { a: 'Y', b: 'X' } }));
  assert.ok(split.fleissKappa < 0);
});
