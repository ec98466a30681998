import { test } from 'node:test';
import assert from 'node:assert/strict';
import { marginConfidence } from './rules-confidence.js';

const CASES: [string, Record<string, number>, string, number, number][] = [
  ['one stated diagnosis ahead: 1 - e^-2', { MYO: 12, DCM: 2, NORMAL: 0 }, 'MYO', 10, 0.864665],
  ['a tie', { CA: 8, HCM: 8 }, 'CA', 0, 0],
  ['NORMAL behind a zero (nothing scored above zero)', { NORMAL: -3, MYO: 0 }, 'NORMAL', 0, 0],
  ['a small lead: 1 - e^-0.5', { ICM: 6.5, DCM: 4 }, 'ICM', 2.5, 0.393469],
  ['one category only', { NORMAL: 1 }, 'NORMAL', 0, 0],
];
for (const [name, scores, category, margin, value] of CASES) {
  test(`rules margin: ${name}`, () => {
    const c = marginConfidence(scores, category);
    assert.equal(c.margin, margin);
    assert.ok(Math.abs(c.value - value) < 1e-6, `${c.value}`);
  });
}

test('rules margin: monotone in the margin and inside [0, 1)', () => {
  let last = -1;
  for (let m = 0; m <= 60; m += 0.5) {
    const v = marginConfidence({ A: m, B: 0 }, 'A').value;
    assert.ok(v >= last && v >= 0 && v < 1 + 1e-12, `m=${m}: ${v}`);
    last = v;
  }
});
