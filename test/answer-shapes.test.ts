// Issue 13: answers built to be right and cheap, and a confidence for every LLM prediction, against the fake
// server in both wire formats. What the server receives is checked in the request bodies as it parsed them (JSON
// keeps the property order it was sent in): the v2 schema orders evidence, rationale, category for Ollama
// `format` and OpenAI `response_format`, and so does the grammar node-llama-cpp builds from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { answerJsonSchema, DEFAULT_SHAPE } from '../src/readers/llm/answer-schema.js';
import { createReaders, type ReaderSettings } from '../src/readers/create-reader.js';
import { DEFAULT_TAXONOMY } from '../src/taxonomy/taxonomy.js';
import { ConfigError } from '../src/errors.js';
import { answer, valueTokens, type Behaviour, type ChatCall, type Provider } from './helpers/fake-llm-server.js';
import { classifyWithServer, type PredictionLine } from './helpers/classify-with-server.js';
import { tempDir } from './helpers/temp-dir.js';

const dir = tempDir();
const IDS = DEFAULT_TAXONOMY.categories.map((c) => c.id);
const v2 = (category: string, evidence: string[] = []) => JSON.stringify({ evidence, rationale: 'test', category });
const truth = (c: ChatCall) => (c.user.includes('Myokarditis') ? 'MYO' : 'NORMAL');
const run = (provider: Provider, behaviour: (c: ChatCall) => Behaviour, settings: ReaderSettings = {}) => classifyWithServer(dir, provider, { behaviour }, { settings });
const schemaOf = (c: ChatCall) => (c.provider === 'ollama' ? c.body.format : (c.body.response_format as { json_schema?: { schema: unknown } } | undefined)?.json_schema?.schema) as { properties?: Record<string, unknown>; required?: string[]; enum?: string[]; type?: string };
const confidenceOf = (l: PredictionLine) => (l as PredictionLine & { confidence?: { source: string; value: number; votes?: Record<string, number> } | null }).confidence;

for (const provider of ['ollama', 'openai'] as const) {
  test(`${provider}: the v2 schema sent orders evidence, rationale, category; v1 keeps the category first`, async () => {
    const o = await run(provider, (c) => ({ kind: 'answer', content: v2(truth(c)) }));
    assert.deepEqual(o.lines.map((l) => l.category), ['MYO', 'NORMAL']);
    const sent = schemaOf(o.calls[0]!);
    assert.deepEqual(Object.keys(sent.properties!), ['evidence', 'rationale', 'category']);
    assert.deepEqual(sent.required, ['evidence', 'rationale', 'category']);
    assert.match(o.calls[0]!.system, /\{"evidence": \["<quote>", \.\.\.\], "rationale": "<one sentence>", "category"/);
    const v1 = await run(provider, (c) => answer(truth(c)), { promptVersion: 'v1' });
    assert.deepEqual(Object.keys(schemaOf(v1.calls[0]!).properties!), ['category', 'evidence', 'rationale']);
    assert.equal(v1.lines[0]!.details!.promptVersion, 'classify-v1');
  });

  test(`${provider}: --answer category sends a plain enum and asks for the id alone; the budget is 16 tokens plus the thinking reserve`, async () => {
    const o = await run(provider, (c) => ({ kind: 'answer', content: `"${truth(c)}"` }), { answer: 'category' });
    assert.deepEqual(o.lines.map((l) => [l.category, l.evidence.length, l.error]), [['MYO', 0, null], ['NORMAL', 0, null]]);
    assert.deepEqual(schemaOf(o.calls[0]!), { description: 'the diagnostic category', type: 'string', enum: IDS });
    assert.match(o.calls[0]!.system, /Answer with the category only, as a JSON string/);
    const budget = provider === 'ollama' ? (o.calls[0]!.body.options as { num_predict: number }).num_predict : o.calls[0]!.body.max_tokens;
    assert.equal(budget, 16 + 2048);
    const { contextTokens, ...options } = o.lines[0]!.details!.options as { contextTokens: number };
    assert.deepEqual(options, { temperature: 0, seed: 42, maxTokens: 2064, answer: 'category', answerTokens: 16, think: 'auto', thinkingTokens: 2048, samples: 1 });
    assert.ok(contextTokens >= 2064 + 256, 'a context that fits prompt and budget');
  });

  test(`${provider}: token logprobs give the category's probability, renormalised over the categories`, async () => {
    const o = await run(provider, (c) => {
      const content = v2(truth(c));
      // MYO 0.9 against DCM 0.05, and 0.05 on a token that spells no category ("Hmm"): 0.9 / 0.95.
      return { kind: 'answer', content, logprobs: valueTokens(content, truth(c), 0.9, [['DCM', 0.05], ['Hmm', 0.05]]) };
    });
    const body = o.calls[0]!.body;
    assert.deepEqual([body.logprobs, body.top_logprobs], [true, 10], 'asked for logprobs with 10 alternatives (8 categories + 2)');
    for (const l of o.lines) {
      const c = confidenceOf(l)!;
      assert.equal(c.source, 'logprobs');
      assert.ok(Math.abs(c.value - 0.9 / 0.95) < 1e-6, `${c.value}`);
    }
    assert.deepEqual((confidenceOf(o.lines[0]!) as unknown as { alternatives: Record<string, number> }).alternatives, { MYO: 0.947368, DCM: 0.052632 });
  });

  test(`${provider}: no logprobs from the server: no confidence, and the prediction says why`, async () => {
    const o = await run(provider, (c) => ({ kind: 'answer', content: v2(truth(c)) }));
    for (const l of o.lines) {
      assert.equal(confidenceOf(l), null);
      assert.match(String(l.details!.warnings), /no token logprobs from .*no confidence unless --samples k/);
    }
  });

  test(`${provider}: --samples 5 that agree: the majority with agreement 1; that disagree: 3 of 5`, async () => {
    const agree = await run(provider, (c) => ({ kind: 'answer', content: v2(truth(c)) }), { samples: 5, temperature: 0.7 });
    assert.equal(agree.calls.length, 10, 'five requests per report');
    assert.deepEqual([...new Set(agree.calls.map((c) => (c.provider === 'ollama' ? (c.body.options as { seed: number }).seed : c.body.seed)))].sort(), [1042, 2042, 3042, 4042, 42]);
    for (const l of agree.lines) assert.deepEqual(confidenceOf(l), { source: 'samples', value: 1, votes: { [l.category!]: 5 }, samples: 5 });
    // Report r1: MYO, DCM, MYO, DCM, MYO (samples told apart by their seeds).
    const seedOf = (c: ChatCall) => Number(c.provider === 'ollama' ? (c.body.options as { seed: number }).seed : c.body.seed);
    const split = await run(provider, (c) => ({ kind: 'answer', content: v2(truth(c) === 'MYO' && Math.floor(seedOf(c) / 1000) % 2 === 1 ? 'DCM' : truth(c)) }), { samples: 5, temperature: 0.7 });
    const r1 = split.lines.find((l) => l.id === 'r1')!;
    assert.equal(r1.category, 'MYO');
    assert.deepEqual(confidenceOf(r1), { source: 'samples', value: 0.6, votes: { MYO: 3, DCM: 2 }, samples: 5 });
    assert.deepEqual((r1.details!.samples as { category: string }[]).map((s) => s.category), ['MYO', 'DCM', 'MYO', 'DCM', 'MYO']);
  });

  test(`${provider}: tokens in/out, thinking and the stop reason are stored, in predictions.jsonl and the store`, async () => {
    const o = await run(provider, (c) => ({ kind: 'answer', content: v2(truth(c)), promptTokens: 300, outputTokens: 90, thinkingTokens: 60, thinking: 'because', logprobs: valueTokens(v2(truth(c)), truth(c), 0.8) }));
    const l = o.lines[0]!;
    assert.deepEqual(l.details!.usage, provider === 'openai' ? { promptTokens: 300, outputTokens: 90, thinkingTokens: 60 } : { promptTokens: 300, outputTokens: 90 });
    assert.equal(l.details!.stopReason, 'stop');
    const db = new Database(join(o.out, 'run.sqlite'), { readonly: true });
    try {
      const row = db.prepare('SELECT tokens_in, tokens_out, tokens_thinking, stop_reason, confidence, confidence_source FROM predictions WHERE report_id = ?').get('r1');
      assert.deepEqual(row, { tokens_in: 300, tokens_out: 90, tokens_thinking: provider === 'openai' ? 60 : null, stop_reason: 'stop', confidence: 1, confidence_source: 'logprobs' });
    } finally {
      db.close();
    }
  });
}

test('ollama: --think off/on/<budget> sends think; a budget Ollama cannot honour is a warning; a model that cannot think is asked without', async () => {
  const thinkOf = (o: { calls: ChatCall[] }) => o.calls.map((c) => c.body.think);
  const off = await run('ollama', (c) => ({ kind: 'answer', content: v2(truth(c)) }), { think: 'off' });
  assert.deepEqual(thinkOf(off), [false, false]);
  assert.equal((off.calls[0]!.body.options as { num_predict: number }).num_predict, 1024, 'no thinking reserve');
  const auto = await run('ollama', (c) => ({ kind: 'answer', content: v2(truth(c)) }));
  assert.deepEqual(thinkOf(auto), [undefined, undefined], 'auto leaves it to the model');
  const budget = await run('ollama', (c) => ({ kind: 'answer', content: v2(truth(c)) }), { think: 500 });
  assert.deepEqual(thinkOf(budget), [true, true]);
  assert.equal((budget.calls[0]!.body.options as { num_predict: number }).num_predict, 1524);
  assert.match(String(budget.lines[0]!.details!.warnings), /Ollama has no thinking budget; thinking is on and num_predict \(1524\) caps thinking and answer together/);
  const refuses = await run('ollama', (c) => (c.body.think !== undefined ? { kind: 'status', status: 400, message: '"m1" does not support thinking' } : { kind: 'answer', content: v2(truth(c)) }), { think: 'on' });
  assert.deepEqual(refuses.lines.map((l) => [l.category, l.error]), [['MYO', null], ['NORMAL', null]]);
  assert.match(String(refuses.lines[0]!.details!.warnings), /m1 does not take think=true; asked without it/);
});

test('openai: --think goes as chat_template_kwargs.enable_thinking, a budget as thinking_token_budget; a server that refuses it is asked without', async () => {
  const on = await run('openai', (c) => ({ kind: 'answer', content: v2(truth(c)) }), { think: 1000 });
  assert.deepEqual([on.calls[0]!.body.chat_template_kwargs, on.calls[0]!.body.thinking_token_budget, on.calls[0]!.body.max_tokens], [{ enable_thinking: true }, 1000, 2024]);
  const off = await run('openai', (c) => ({ kind: 'answer', content: v2(truth(c)) }), { think: 'off' });
  assert.deepEqual(off.calls[0]!.body.chat_template_kwargs, { enable_thinking: false });
  const refuses = await run('openai', (c) => (c.body.chat_template_kwargs ? { kind: 'status', status: 400, message: 'Unrecognized request argument supplied: chat_template_kwargs' } : { kind: 'answer', content: v2(truth(c)) }), { think: 'off' });
  assert.deepEqual(refuses.lines.map((l) => l.error), [null, null]);
  assert.match(String(refuses.lines[0]!.details!.warnings), /refuses the thinking switch \(chat_template_kwargs\); asked without/);
});

test('openai: a server that refuses logprobs is asked without them, and says so', async () => {
  const o = await run('openai', (c) => (c.body.logprobs ? { kind: 'status', status: 400, message: 'logprobs is not supported for this model' } : { kind: 'answer', content: v2(truth(c)) }));
  assert.deepEqual(o.lines.map((l) => [l.category, l.error]), [['MYO', null], ['NORMAL', null]]);
  assert.match(String(o.lines[0]!.details!.warnings), /refuses logprobs; asked without/);
  assert.equal((o.lines[0]!.details!.warnings as string[]).some((w) => /json_object|plain text/.test(w)), false, 'the answer format was not weakened');
});

test('openai: --answer category on a server that wants an object root gets {"category": enum}', async () => {
  const o = await run('openai', (c) => {
    const schema = schemaOf(c);
    if (schema?.type === 'string') return { kind: 'status', status: 400, message: 'Invalid schema for response_format: root must be an object' };
    return { kind: 'answer', content: JSON.stringify({ category: truth(c) }), logprobs: valueTokens(JSON.stringify({ category: truth(c) }), truth(c), 0.7, [['DCM', 0.3]]) };
  }, { answer: 'category' });
  assert.deepEqual(o.lines.map((l) => l.category), ['MYO', 'NORMAL']);
  assert.deepEqual(Object.keys(schemaOf(o.calls.at(-1)!).properties!), ['category']);
  assert.match(String(o.lines[0]!.details!.warnings), /does not take a JSON Schema whose root is not an object; asked for \{"category": \.\.\.\}/);
  assert.ok(Math.abs(confidenceOf(o.lines[0]!)!.value - 0.7) < 1e-6, 'the logprob confidence reads the object root too');
});

test('--samples k > 1 at temperature 0 is refused before any request (their agreement would say nothing)', async () => {
  await assert.rejects(
    createReaders(['ollama:m1'], { taxonomy: DEFAULT_TAXONOMY, samples: 3, skipPreflight: true, ollamaUrls: ['http://127.0.0.1:9'] }),
    (e: unknown) => e instanceof ConfigError && /--samples 3: at temperature 0 every sample gives the same answer.*--samples 5 --temperature 0\.7/.test(e.message),
  );
  await assert.rejects(createReaders(['ollama:m1'], { taxonomy: DEFAULT_TAXONOMY, answer: 'category', promptVersion: 'v1', skipPreflight: true, ollamaUrls: ['http://127.0.0.1:9'] }), /--answer category: the prompt classify-v1 has no category mode/);
});

// The grammar node-llama-cpp builds for the embedded backend, from the same schema (needs its native binary).
const grammarTest = async () => {
  const { getLlama, LlamaLogLevel } = await import('node-llama-cpp');
  return getLlama({ build: 'never', gpu: false, logLevel: LlamaLogLevel.error });
};
test('llama.cpp: the grammar built from the v2 schema writes evidence, rationale, then category', { timeout: 120_000 }, async (t) => {
  let llama;
  try {
    llama = await grammarTest();
  } catch (error) {
    t.skip(`node-llama-cpp has no usable binary here (${(error as Error).name})`);
    return;
  }
  try {
    const { grammarFor } = await import('../src/readers/backends/llama-cpp/llama-cpp-backend.js');
    const grammar = (await grammarFor(llama, answerJsonSchema(DEFAULT_TAXONOMY, DEFAULT_SHAPE))).grammar;
    const root = grammar.split('\n').find((l) => l.startsWith('root ::='))!;
    const at = (key: string) => root.indexOf(`\\"${key}\\"`);
    assert.ok(at('evidence') > 0 && at('evidence') < at('rationale') && at('rationale') < at('category'), root);
    const category = (await grammarFor(llama, answerJsonSchema(DEFAULT_TAXONOMY, { mode: 'category', order: 'evidence-first' }))).grammar;
    for (const id of IDS) assert.ok(category.includes(`"\\"${id}\\""`), `${id} in the enum grammar`);
  } finally {
    await llama.dispose();
  }
});

