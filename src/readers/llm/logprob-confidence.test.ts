// The category probability from token logprobs, worked by hand on small token streams (ln values chosen so
// the arithmetic is short; e^-0.1 = 0.904837, e^-2.5 = 0.082085, e^-3 = 0.049787, ...).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TAXONOMY } from '../../taxonomy/taxonomy.js';
import { categoryValueSpan, logprobConfidence, type TokenLogprob } from './logprob-confidence.js';

const IDS = DEFAULT_TAXONOMY.categories.map((c) => c.id); // HCM, CA, CS, MYO, ICM, DCM, NORMAL, OTHER
const tok = (token: string, logprob: number, top?: [string, number][]): TokenLogprob => ({ token, logprob, ...(top ? { top: top.map(([t, l]) => ({ token: t, logprob: l })) } : {}) });
const close = (actual: number | undefined, expected: number, what: string) => assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-5, `${what}: ${actual} ≠ ${expected}`);

test('category mode, a JSON string: the first token renormalised over the category-spelling alternatives', () => {
  const tokens = [tok('"', 0), tok('MY', -0.1, [['MY', -0.1], ['D', -2.5], ['HC', -3], ['Hello', -4]]), tok('O', -0.01, [['O', -0.01]]), tok('"', 0)];
  const c = logprobConfidence(tokens, 'MYO', IDS, 'category')!;
  // MY: 0.904837 / (0.904837 + 0.082085 + 0.049787) = 0.904837 / 1.036709 = 0.872799 ("Hello" spells no category);
  // O: the only listed alternative, 1. Product 0.872799.
  close(c.value, 0.872799, 'value');
  assert.equal(c.tokens, 2);
  close(c.alternatives.MYO, 0.872799, 'MYO');
  close(c.alternatives.DCM, 0.082085 / 1.036709, 'DCM (D spells only DCM)');
  close(c.alternatives.HCM, 0.049787 / 1.036709, 'HCM');
});

test('evidence mode: the value after "category":, a shared prefix counts in the total but for no category', () => {
  const tokens = [tok('{"evidence": ["LGE"], "rationale": "x", "category": "', -0.5), tok('CA', -0.2, [['CA', -0.2], ['CS', -1.8], ['C', -3]]), tok('"}', 0)];
  const c = logprobConfidence(tokens, 'CA', IDS, 'evidence')!;
  // 0.818731 / (0.818731 + 0.165299 + 0.049787) = 0.818731 / 1.033817 = 0.791950; "C" could be CA or CS.
  close(c.value, 0.818731 / 1.033817, 'value');
  close(c.alternatives.CS, 0.165299 / 1.033817, 'CS');
  assert.equal(Object.keys(c.alternatives).sort().join(), 'CA,CS');
  assert.equal(c.tokens, 1, 'the closing quote is not part of the value');
});

test('a token that starts before the value: alternatives must share its leading text', () => {
  const tokens = [tok('{"category":', -0.1), tok(' "MY', -0.05, [[' "MY', -0.05], [' "DC', -3], ['\n', -4]]), tok('O"}', -0.02)];
  const c = logprobConfidence(tokens, 'MYO', IDS, 'evidence')!;
  // ' "MY' and ' "DC' spell MYO and DCM; '\n' does not start with ' "'. 0.951229 / (0.951229 + 0.049787) = 0.950264;
  // 'O"}' has no list, so it counts with its own probability e^-0.02 = 0.980199: 0.950264 × 0.980199 = 0.931447.
  close(c.value, 0.931447, 'value');
  assert.equal(c.tokens, 2);
});

test('no top lists: the plain product of the value tokens', () => {
  const tokens = [tok('"', 0), tok('NOR', -0.3), tok('MAL', -0.1), tok('"', 0)];
  close(logprobConfidence(tokens, 'NORMAL', IDS, 'category')!.value, Math.exp(-0.4), 'e^-0.4 = 0.670320');
});

test('a chosen token the server did not list is still one of the alternatives', () => {
  const tokens = [tok('"', 0), tok('ICM', -1, [['DCM', -0.8]]), tok('"', 0)];
  const c = logprobConfidence(tokens, 'ICM', IDS, 'category')!;
  // 0.367879 / (0.449329 + 0.367879) = 0.450164
  close(c.value, 0.367879 / 0.817208, 'value');
  close(c.alternatives.ICM, 0.367879 / 0.817208, 'ICM');
});

test('a bare id without quotes', () => {
  const tokens = [tok('NOR', -0.1, [['NOR', -0.1], ['MY', -2.4], ['The', -1]]), tok('MAL', -0.05), tok('\n', 0)];
  // 0.904837 / (0.904837 + 0.090718) = 0.908876 ("The" spells nothing), times e^-0.05 = 0.951229: 0.864551.
  close(logprobConfidence(tokens, 'NORMAL', IDS, 'category')!.value, 0.864551, 'value');
});

const NONE: [string, TokenLogprob[], string, 'evidence' | 'category'][] = [
  ['a value that is a name, not an id', [tok('{"category": "', 0), tok('Myocarditis', -0.1), tok('"}', 0)], 'MYO', 'evidence'],
  ['tokens that do not spell the category the answer validated to', [tok('"', 0), tok('DCM', -0.1), tok('"', 0)], 'ICM', 'category'],
  ['a value cut off before its closing quote', [tok('{"category": "', 0), tok('MY', -0.1)], 'MYO', 'evidence'],
  ['no tokens at all', [], 'MYO', 'category'],
];
for (const [name, tokens, category, mode] of NONE) test(`no logprob confidence: ${name}`, () => assert.equal(logprobConfidence(tokens, category, IDS, mode), null));

test('the value span: the last "category" key, or the last string in category mode', () => {
  const text = '{"rationale": "not \\"category\\": \\"X\\"", "category": "CS"}';
  assert.equal(text.slice(...categoryValueSpan(text, 'evidence')!), 'CS');
  const thought = '<think>"HCM"?</think>"CA"';
  assert.equal(thought.slice(...categoryValueSpan(thought, 'category')!), 'CA');
  assert.equal(categoryValueSpan('{"evidence": []}', 'evidence'), null);
});
