import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignQuote } from './align-evidence.js';

const TEXT = 'Befund:\nSubepikardiales Late Enhancement basal inferolateral,  keiner koronaren Versorgung folgend.\nBeurteilung: Akute Myokarditis.';

test('exact quotes get their span', () => {
  const e = alignQuote(TEXT, 'Akute Myokarditis');
  assert.equal(e.alignment, 'exact');
  assert.equal(TEXT.slice(e.start!, e.end!), 'Akute Myokarditis');
});

test('case, spacing and punctuation differences are normalised', () => {
  const e = alignQuote(TEXT, 'subepikardiales late-enhancement basal inferolateral, keiner koronaren Versorgung folgend');
  assert.equal(e.alignment, 'normalised');
  assert.equal(TEXT.slice(e.start!, e.end!), 'Subepikardiales Late Enhancement basal inferolateral,  keiner koronaren Versorgung folgend');
});

test('a quote with a small slip is found fuzzily', () => {
  const e = alignQuote(TEXT, 'Subepicardiales Late Enhancment basal inferolateral');
  assert.equal(e.alignment, 'fuzzy');
  assert.match(TEXT.slice(e.start!, e.end!), /^Subepikardiales Late Enhancement basal inferolatera/);
});

test('a quote that is not in the text is kept and flagged, not dropped', () => {
  const e = alignQuote(TEXT, 'Transmurale Narbe im RIVA-Stromgebiet');
  assert.deepEqual(e, { quote: 'Transmurale Narbe im RIVA-Stromgebiet', start: null, end: null, alignment: 'none' });
});
