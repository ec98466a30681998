import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnswerError } from '../../errors.js';
import { DEFAULT_TAXONOMY } from '../../taxonomy/taxonomy.js';
import { parseAnswer, stripReasoning } from './parse-answer.js';

const parse = (raw: string) => parseAnswer(raw, DEFAULT_TAXONOMY);

const VALID: [string, string, string][] = [
  ['plain JSON', '{"category":"MYO","evidence":["LGE lateral"]}', 'MYO'],
  ['a <think> block before', '<think>The LGE is subepicardial, so...\n{"category":"HCM"}</think>\n{"category":"MYO","evidence":[]}', 'MYO'],
  ['a code fence', 'Here you go:\n```json\n{"category": "DCM", "evidence": ["LVEF 25 %"]}\n```', 'DCM'],
  ['prose around', 'The answer is {"category":"CA","evidence":["ECV 55 %"],"rationale":"diffuse LGE"} as requested.', 'CA'],
  ['category as a name', '{"category":"Myocarditis","evidence":[]}', 'MYO'],
  ['category in German', '{"category":"dilatative Kardiomyopathie","evidence":[]}', 'DCM'],
  ['evidence as one string', '{"category":"ICM","evidence":"transmurale Narbe"}', 'ICM'],
  ['braces inside strings', '{"category":"NORMAL","evidence":["kein LGE {sic}"]}', 'NORMAL'],
];
for (const [name, raw, expected] of VALID) {
  test(`parses: ${name}`, () => assert.equal(parse(raw).category, expected));
}

const INVALID: [string, string, RegExp][] = [
  ['cut-off JSON', '{"category":"MYO","evidence":["LGE lat', /cut off/],
  ['no JSON at all', 'I think this is myocarditis.', /contains no JSON object/],
  ['a category outside the taxonomy', '{"category":"pulmonary embolism","evidence":[]}', /category/],
  ['an unclosed think block only', '<think>Let me think about the LGE pattern', /contains no JSON object/],
  ['too many quotes', JSON.stringify({ category: 'MYO', evidence: ['a', 'b', 'c', 'd', 'e', 'f'] }), /evidence/],
  ['unknown keys', '{"category":"MYO","evidence":[],"confidence":0.9}', /schema/],
];
for (const [name, raw, message] of INVALID) {
  test(`rejects: ${name}`, () =>
    assert.throws(() => parse(raw), (e: unknown) => {
      assert.ok(e instanceof AnswerError);
      assert.match(e.message, message);
      return true;
    }));
}

test('stripReasoning removes closed and unclosed reasoning blocks', () => {
  assert.equal(stripReasoning('<think>a</think>b<reasoning>c</reasoning>'), 'b');
  assert.equal(stripReasoning('<think>never closed'), '');
});

const V2 = { mode: 'evidence', order: 'evidence-first' } as const;
const CATEGORY = { mode: 'category', order: 'evidence-first' } as const;

const SHAPED: [string, string, typeof V2 | typeof CATEGORY, string][] = [
  ['v2: evidence, rationale, category', '{"evidence":["LGE lateral"],"rationale":"subepicardial LGE","category":"MYO"}', V2, 'MYO'],
  ['v2: a server that ignored the schema and left out the rationale', '{"evidence":[],"category":"NORMAL"}', V2, 'NORMAL'],
  ['category mode: a JSON string', '"HCM"', CATEGORY, 'HCM'],
  ['category mode: a JSON string after a think block', '<think>septum 18 mm</think>\n"HCM"', CATEGORY, 'HCM'],
  ['category mode: an object root', '{"category": "CA"}', CATEGORY, 'CA'],
  ['category mode: a bare id', 'DCM\n', CATEGORY, 'DCM'],
  ['category mode: a name', '"Myocarditis"', CATEGORY, 'MYO'],
];
for (const [name, raw, shape, expected] of SHAPED) {
  test(`parses: ${name}`, () => {
    const answer = parseAnswer(raw, DEFAULT_TAXONOMY, shape);
    assert.equal(answer.category, expected);
    if (shape.mode === 'category') assert.deepEqual(answer.evidence, []);
  });
}

const SHAPED_INVALID: [string, string, typeof V2 | typeof CATEGORY, RegExp][] = [
  ['category mode: nothing', '   ', CATEGORY, /names no category/],
  ['category mode: not a category', '"Lungenembolie"', CATEGORY, /schema/],
  ['category mode: a cut-off string', '"MY', CATEGORY, /cut off/],
  ['v2: a category outside the taxonomy', '{"evidence":[],"rationale":"","category":"XYZ"}', V2, /category/],
];
for (const [name, raw, shape, message] of SHAPED_INVALID) {
  test(`rejects: ${name}`, () => assert.throws(() => parseAnswer(raw, DEFAULT_TAXONOMY, shape), (e: unknown) => e instanceof AnswerError && message.test(e.message)));
}

test('--abstain: an answer that gives no category is read in any case; without --abstain it is invalid', () => {
  const abstaining = { ...V2, abstain: true } as const;
  assert.equal(parseAnswer('{"evidence":[],"rationale":"a CT report","category":"UNCLASSIFIED_NOT_CMR"}', DEFAULT_TAXONOMY, abstaining).category, 'UNCLASSIFIED_NOT_CMR');
  assert.equal(parseAnswer('"unclassified_non_diagnostic"', DEFAULT_TAXONOMY, { ...CATEGORY, abstain: true }).category, 'UNCLASSIFIED_NON_DIAGNOSTIC');
  assert.throws(() => parseAnswer('{"evidence":[],"rationale":"","category":"UNCLASSIFIED_NOT_CMR"}', DEFAULT_TAXONOMY, V2), AnswerError);
  assert.throws(() => parseAnswer('"UNCLASSIFIED"', DEFAULT_TAXONOMY, { ...CATEGORY, abstain: true }), AnswerError, 'the bare word gives no reason');
});
