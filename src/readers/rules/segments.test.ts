import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentPlaces } from './segments.js';

test('segments: one artery\'s segments are its territory, with their walls (AHA 17-segment model)', () => {
  assert.deepEqual(new Set(segmentPlaces('lge transmural segm. 1, 2, 7, 8, 13, 14, 17.')), new Set(['anterior', 'septal', 'apical', 'territory']));
  assert.deepEqual(new Set(segmentPlaces('akinesia of segments 4 and 10')), new Set(['inferior', 'territory']));
  assert.deepEqual(new Set(segmentPlaces('lge in den segmenten 5-6 und 11')), new Set(['inferior', 'lateral', 'anterior', 'territory']));
});

test('segments: segments of two territories are walls, no territory; the ECG\'s ST segment and numbers beyond 17 are nothing', () => {
  assert.deepEqual(new Set(segmentPlaces('mid-wall lge in segments 3 and 5')), new Set(['inferior', 'septal', 'lateral']));
  assert.deepEqual(segmentPlaces('st-segment-hebung in v2-v4'), []);
  assert.deepEqual(segmentPlaces('17-segment model'), []);
  assert.deepEqual(segmentPlaces('segment 18 and 19'), []);
});
