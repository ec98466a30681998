import { test } from 'node:test';
import assert from 'node:assert/strict';
import { combineSamples } from './sample-votes.js';

const votes = (...categories: (string | null)[]) => categories.map((category) => ({ category }));

const CASES: [string, (string | null)[], string | null, number | null, number][] = [
  ['all five agree', ['MYO', 'MYO', 'MYO', 'MYO', 'MYO'], 'MYO', 1, 0],
  ['three of five', ['DCM', 'ICM', 'ICM', 'DCM', 'ICM'], 'ICM', 0.6, 1],
  ['a tie goes to the category drawn first', ['CA', 'HCM', 'HCM', 'CA'], 'CA', 0.5, 0],
  ['a failed sample agrees with nothing', ['NORMAL', null, 'NORMAL'], 'NORMAL', 2 / 3, 0],
  ['every sample failed', [null, null], null, null, -1],
];
for (const [name, samples, category, value, index] of CASES) {
  test(`samples: ${name}`, () => {
    const c = combineSamples(votes(...samples));
    assert.equal(c.category, category);
    assert.equal(c.index, index);
    if (value === null) assert.equal(c.confidence, null);
    else assert.ok(Math.abs(c.confidence!.value - value) < 1e-6, `${c.confidence!.value}`);
  });
}

test('the vote counts, most votes first, and the number of samples', () => {
  assert.deepEqual(combineSamples(votes('DCM', 'ICM', 'ICM', null)).confidence, { source: 'samples', value: 0.5, votes: { ICM: 2, DCM: 1 }, samples: 4 });
});
