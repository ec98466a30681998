import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numberReadings, numberStyleOf } from './parse-number.js';

const CASES: [string, 'de' | 'en', number[]][] = [
  ['45,5', 'de', [45.5]],
  ['45.5', 'de', [45.5]],
  ['1.231', 'de', [1231, 1.231]],
  ['1.231', 'en', [1.231, 1231]],
  ['1,231', 'en', [1231, 1.231]],
  ['1,231', 'de', [1.231, 1231]],
  ['1.231,5', 'de', [1231.5]],
  ['1,231.5', 'en', [1231.5]],
  ['152', 'de', [152]],
  ['0,31', 'de', [0.31]],
];

for (const [raw, style, expected] of CASES) {
  test(`numberReadings(${raw}, ${style})`, () => assert.deepEqual(numberReadings(raw, style), expected));
}

test('number style: decimal commas are German, points English, dates ignored', () => {
  assert.equal(numberStyleOf('LVEF 55,5 %, ECV 0,31'), 'de');
  assert.equal(numberStyleOf('LVEF 55.5 %, ECV 0.31'), 'en');
  assert.equal(numberStyleOf('Untersuchung vom 12.03.2024: die LVEF ist normal'), 'de');
});
