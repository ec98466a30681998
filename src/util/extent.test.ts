import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extent } from './extent.js';

test('extent: smallest and largest, also of more values than a spread could pass', () => {
  assert.deepEqual(extent([3, -1, 7, 0]), [-1, 7]);
  assert.deepEqual(extent([]), [Infinity, -Infinity]);
  const many = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 500_000);
  assert.throws(() => Math.max(...many), RangeError);
  assert.deepEqual(extent(many), [0, 499_999]);
});
