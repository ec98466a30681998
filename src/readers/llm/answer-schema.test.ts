import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TAXONOMY } from '../../taxonomy/taxonomy.js';
import { ABSTENTIONS, abstentionReason, answerJsonSchema, categoryObjectSchema, DEFAULT_SHAPE, describeShape, V1_SHAPE } from './answer-schema.js';

const IDS = DEFAULT_TAXONOMY.categories.map((c) => c.id);

test('prompt v2 (the default) orders evidence, rationale, category, all required, in the JSON Schema text', () => {
  const schema = answerJsonSchema(DEFAULT_TAXONOMY, DEFAULT_SHAPE) as { properties: Record<string, unknown>; required: string[] };
  assert.deepEqual(Object.keys(schema.properties), ['evidence', 'rationale', 'category']);
  assert.deepEqual(schema.required, ['evidence', 'rationale', 'category']);
  // What a server receives is the serialised text: the order must survive JSON.stringify.
  const text = JSON.stringify(schema);
  assert.ok(text.indexOf('"evidence"') < text.indexOf('"rationale"') && text.indexOf('"rationale"') < text.indexOf('"category"'));
  assert.equal('$schema' in schema, false);
});

test('prompt v1 keeps the study order: category first, rationale optional', () => {
  const schema = answerJsonSchema(DEFAULT_TAXONOMY, V1_SHAPE) as { properties: Record<string, unknown>; required: string[] };
  assert.deepEqual(Object.keys(schema.properties), ['category', 'evidence', 'rationale']);
  assert.deepEqual(schema.required, ['category', 'evidence']);
});

test('category mode: a plain string enum, and an object root for servers that need one', () => {
  assert.deepEqual(answerJsonSchema(DEFAULT_TAXONOMY, { mode: 'category', order: 'evidence-first' }), { description: 'the diagnostic category', type: 'string', enum: IDS });
  const object = categoryObjectSchema(DEFAULT_TAXONOMY) as { properties: { category: { enum: string[] } }; required: string[]; additionalProperties: boolean };
  assert.deepEqual(object.properties.category.enum, IDS);
  assert.deepEqual(object.required, ['category']);
  assert.equal(object.additionalProperties, false);
});

test('the retry message describes the shape asked for', () => {
  assert.match(describeShape(DEFAULT_TAXONOMY, DEFAULT_SHAPE), /\{"evidence": \[\.\.\.\], "rationale": \.\.\., "category": \.\.\.\}/);
  assert.match(describeShape(DEFAULT_TAXONOMY, { mode: 'category', order: 'evidence-first' }), /only the category as a JSON string, one of HCM, CA/);
});

test('--abstain: the answers that give no category join the enum after the categories, one per reason; without it they are not allowed', () => {
  assert.deepEqual(ABSTENTIONS, ['UNCLASSIFIED_NOT_CMR', 'UNCLASSIFIED_NON_DIAGNOSTIC', 'UNCLASSIFIED_NO_FINDINGS', 'UNCLASSIFIED_OUTSIDE_TAXONOMY']);
  const enumOf = (abstain: boolean) => ((answerJsonSchema(DEFAULT_TAXONOMY, { ...DEFAULT_SHAPE, abstain }) as { properties: { category: { enum: string[] } } }).properties.category.enum);
  assert.deepEqual(enumOf(false), IDS);
  assert.deepEqual(enumOf(true), [...IDS, ...ABSTENTIONS]);
  assert.deepEqual((categoryObjectSchema(DEFAULT_TAXONOMY, true) as { properties: { category: { enum: string[] } } }).properties.category.enum, [...IDS, ...ABSTENTIONS]);
  assert.match(describeShape(DEFAULT_TAXONOMY, { mode: 'category', order: 'evidence-first', abstain: true }), /NORMAL, OTHER, UNCLASSIFIED_NOT_CMR, .*UNCLASSIFIED_OUTSIDE_TAXONOMY$/);
  assert.equal(abstentionReason('UNCLASSIFIED_NON_DIAGNOSTIC'), 'non_diagnostic');
  assert.equal(abstentionReason('MYO'), null);
  assert.equal(abstentionReason('UNCLASSIFIED'), null, 'the bare word names no reason');
});
