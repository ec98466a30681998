// Issue 16: `cmrdx doctor` against the fake server configured as each kind of server a study meets: healthy
// with 4 slots (doctor recommends 4), one that ignores the schema, one that thinks, one with a 2,048 context and
// a long report, one without logprobs, one that is down; and attacked: a redirecting server, a public URL
// (refused before any connection), servers that stall, one that quotes the report back in its errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../src/cli/program.js';
import { bufferIo } from '../src/cli/io.js';
import { capacityCacheFile, readCapacityCache } from '../src/doctor/capacity-cache.js';
import type { DoctorReport } from '../src/doctor/run-doctor.js';
import { readReports } from '../src/ingest/read-reports.js';
import { ReadTexts } from '../src/readers/llm/read-texts.js';
import { answer, startFakeServer, valueTokens, type Behaviour, type ChatCall, type FakeServer, type FakeServerOptions } from './helpers/fake-llm-server.js';
import { tempDir } from './helpers/temp-dir.js';

const dir = tempDir();
// The measured capacity goes to the user's cache folder: here a folder of this test.
process.env.XDG_CACHE_HOME = join(dir, 'cache');

const DEMO = readReports(new URL('../examples/demo/reports.jsonl', import.meta.url).pathname).reports;
const texts = new ReadTexts();
const NARRATIVES = DEMO.map((r) => [texts.textFor(r).text, r.label!] as const);
/** What a good model answers: the demo report's true category (NORMAL for anything else). */
const rightCategory = (call: ChatCall) => NARRATIVES.find(([t]) => call.user.includes(t))?.[1] ?? 'NORMAL';
const good = (call: ChatCall): Behaviour => answer(rightCategory(call));
/** The same, with the token logprobs of the answer (the category 0.97 sure, another category the runner-up). */
const goodWithLogprobs = (call: ChatCall): Behaviour => {
  const category = rightCategory(call);
  const plain = answer(category) as Extract<Behaviour, { kind: 'answer' }>;
  return { ...plain, logprobs: valueTokens(plain.content, category, 0.97, [[category === 'NORMAL' ? 'DCM' : 'NORMAL', 0.02]]) };
};
/** Output budget of classify's requests by default: 1,024 for the answer, 2,048 for thinking (--think auto). */
const BUDGET = 3072;

/** A long report: about 2,600 tokens to the fake tokenizer, beyond a 2,048-token context. */
const LONG_INPUT = join(dir, 'long.jsonl');
writeFileSync(
  LONG_INPUT,
  [
    { id: 'long-1', text: `Befund: ${'Normale linksventrikuläre Funktion ohne regionale Wandbewegungsstörungen. '.repeat(140)}\nBeurteilung: Normalbefund.` },
    { id: 'short-1', text: 'Befund: Kein LGE, normale Funktion.\nBeurteilung: Normalbefund.' },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n'),
);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  report: DoctorReport;
  server: FakeServer;
}

type Provider = 'ollama' | 'openai';

const modelFlags = (provider: Provider, url: string) => (provider === 'ollama' ? ['--model', 'ollama:m1', '--ollama-url', url] : ['--model', 'openai:m1', '--openai-url', `${url}/v1`]);

/** Runs doctor twice against one fake server: once for the table, once for --json (the same checks). */
async function doctor(provider: Provider, server: FakeServerOptions, args: string[] = []): Promise<Outcome> {
  const fake = await startFakeServer({ models: ['m1'], ...server });
  try {
    const io = bufferIo();
    const code = await runCli(['doctor', ...modelFlags(provider, fake.url), ...args], io);
    const json = bufferIo();
    const jsonCode = await runCli(['doctor', ...modelFlags(provider, fake.url), ...args, '--json'], json);
    assert.equal(jsonCode, code, 'the same exit code with --json');
    for (const line of io.stdout().split('\n')) assert.ok(line.length <= 100, `table line over 100 columns: ${line}`);
    return { code, stdout: io.stdout(), stderr: io.stderr(), report: JSON.parse(json.stdout()) as DoctorReport, server: fake };
  } finally {
    await fake.close();
  }
}

const check = (o: Outcome, name: string) => {
  const found = o.report.endpoints[0]!.checks.find((c) => c.check === name);
  assert.ok(found, `check ${name} in ${JSON.stringify(o.report.endpoints[0]!.checks.map((c) => c.check))}`);
  return found;
};
const verdicts = (o: Outcome) => Object.fromEntries(o.report.endpoints[0]!.checks.map((c) => [c.check, c.verdict]));

// A server with 4 parallel slots and half a second per request: the sweep sees 1, 2, 4 rise and 8 not.
const HEALTHY: FakeServerOptions = { slots: 4, serviceMs: 500, countTokens: true, behaviour: goodWithLogprobs };

test('a healthy 4-slot Ollama: every check ok, doctor recommends --concurrency 4, the smoke run is right, exit 0', async () => {
  const o = await doctor('ollama', HEALTHY);
  assert.equal(o.code, 0, o.stdout);
  assert.deepEqual(verdicts(o), { server: 'ok', context: 'ok', structured: 'ok', reasoning: 'ok', logprobs: 'ok', capacity: 'ok', smoke: 'ok' });
  const capacity = o.report.endpoints[0]!.capacity!;
  assert.equal(capacity.recommended, 4);
  assert.equal(capacity.slots, 4);
  assert.deepEqual(capacity.levels.map((l) => l.concurrency), [1, 2, 4, 8]);
  assert.equal(capacity.ended, 'plateau');
  assert.match(check(o, 'capacity').detail, /use --concurrency 4/);
  assert.match(check(o, 'server').detail, /^Ollama 0\.12\.11; m1 present, loaded/);
  assert.match(check(o, 'context').detail, /longest prompt [\d,]+ tokens \(cmr-\d+, the server's count\) \+ 3,072 output budget fits 32,768/);
  assert.equal(check(o, 'structured').measured!.mechanism, 'format');
  assert.match(check(o, 'logprobs').detail, /^token logprobs with the top 2 alternatives: confidence is the category's probability \(0\.98 for cmr-\d+\)$/);
  assert.equal(check(o, 'logprobs').measured!.confidenceSource, 'logprobs');
  assert.equal(check(o, 'smoke').measured!.right, 12);
  assert.match(check(o, 'smoke').detail, /^12\/12 right \(accuracy 1\.00; demo reports of 7 categories\)/);
  // The smoke run is 12 demo reports over all 7 categories, each asked once at the recommended concurrency.
  const smokeIds = new Set(o.server.calls.filter((c) => (c.body.options as { num_predict?: number }).num_predict === BUDGET).map((c) => rightCategory(c)));
  assert.equal(smokeIds.size, 7);
  assert.match(o.stdout, /^cmrdx doctor 0\.1\.0: ollama:m1, input the demo cohort \(109 reports\)\n/);
  assert.match(o.stdout, /\nok: 0 failures, 0 warnings \(/);
  // Stored for classify, with the date and the version.
  const cached = readCapacityCache(capacityCacheFile()).entries.find((e) => e.endpoint === o.server.url && e.model === 'ollama:m1')!;
  assert.equal(cached.concurrency, 4);
  assert.equal(cached.cmrdx, '0.1.0');
  assert.ok(Date.now() - Date.parse(cached.measuredAt) < 3_600_000);
  assert.match(o.stderr, /classify will use --concurrency 4 for http:\/\/127\.0\.0\.1:\d+ \(stored in .*capacity\.json\)/);
  // doctor's own short requests ask for one num_ctx, one classify itself asks for: Ollama loads a model again
  // whenever num_ctx changes, so doctor must not make it switch for its own requests.
  const numCtxOf = (c: ChatCall) => (c.body.options as { num_ctx?: number }).num_ctx;
  const short = new Set(o.server.calls.filter((c) => (c.body.options as { num_predict?: number }).num_predict === 16).map(numCtxOf));
  assert.equal(short.size, 1);
  assert.ok(o.server.calls.some((c) => (c.body.options as { num_predict?: number }).num_predict === BUDGET && numCtxOf(c) === [...short][0]));
});

test('a healthy llama.cpp server with 4 slots: it says 4, doctor measures 4 and recommends 4', async () => {
  const o = await doctor('openai', { ...HEALTHY, kind: 'llama.cpp' }, ['--skip', 'smoke']);
  assert.equal(o.code, 0, o.stdout);
  assert.equal(o.report.endpoints[0]!.capacity!.recommended, 4);
  assert.match(check(o, 'capacity').detail, /about 4 parallel slots, the server says 4; use --concurrency 4/);
  assert.match(check(o, 'server').detail, /^llama\.cpp server b5000-fake; m1 present/);
  assert.match(check(o, 'context').detail, /fits 32,768, max_model_len/);
  assert.equal(check(o, 'structured').measured!.mechanism, 'json_schema');
  assert.deepEqual(o.report.endpoints[0]!.notRun, [{ check: 'smoke', why: 'skipped (--skip)' }]);
});

// A server that ignores the schema: it answers prose (or JSON of another shape), whatever it is asked.
const PROSE = (): Behaviour => ({ kind: 'answer', content: 'This report most likely shows a normal heart.' });
const WRONG_JSON = (): Behaviour => ({ kind: 'answer', content: '{"finding": "normal heart", "score": 3}' });
for (const [name, behaviour] of [['prose', PROSE], ['JSON of another shape', WRONG_JSON]] as const) {
  for (const provider of ['ollama', 'openai'] as const) {
    test(`${provider}: a server that ignores the schema (answers ${name}): structured fails with advice, the smoke run fails, exit 1`, async () => {
      const o = await doctor(provider, { kind: provider === 'openai' ? 'vllm' : 'ollama', behaviour }, ['--skip', 'capacity']);
      assert.equal(o.code, 1);
      const structured = check(o, 'structured');
      assert.equal(structured.verdict, 'fail');
      assert.match(structured.detail, /but the server ignores the schema: 3 answers to cmr-\d+, none valid; smoke run \(12 reports\): 12 invalid after asking again/);
      assert.match(structured.advice!, provider === 'ollama' ? /Update Ollama/ : /vLLM with structured output support/);
      assert.equal(check(o, 'smoke').verdict, 'fail');
      assert.match(check(o, 'smoke').detail, /^0\/12 right .*12 failed \(answer\.invalid\)/);
      assert.match(check(o, 'smoke').advice!, /^Most reports failed \(answer\.invalid\): see the checks above for why/);
      assert.match(o.stdout, /\n {2}structured {2}FAIL {4}/);
      assert.match(o.stdout, /\n {22}-> Update Ollama|\n {22}-> Start vLLM/, 'the advice under the line, under the detail');
    });
  }
}

test('a model that answers in the schema but wrongly (a broken prompt or model): the smoke run fails, the wrong ones by id', async () => {
  const o = await doctor('ollama', { behaviour: () => answer('OTHER') }, ['--skip', 'capacity']);
  assert.equal(o.code, 1);
  assert.equal(check(o, 'structured').verdict, 'ok');
  const smoke = check(o, 'smoke');
  assert.equal(smoke.verdict, 'fail');
  assert.match(smoke.detail, /^0\/12 right \(accuracy 0\.00; demo reports of 7 categories\); 0 failed; .*; wrong: cmr-\d+ [A-Z]+ as OTHER, cmr-\d+ [A-Z]+ as OTHER, cmr-\d+ [A-Z]+ as OTHER, \.\.\.$/);
  assert.match(smoke.advice!, /^The reports were answered, but mostly wrong: check the prompt/);
});

test('openai: a server that refuses json_schema but takes json_object: which mechanism worked, a warning', async () => {
  const o = await doctor('openai', {
    kind: 'vllm',
    behaviour: (call) => ((call.body.response_format as { type?: string } | undefined)?.type === 'json_schema' ? { kind: 'status', status: 400, message: 'response_format json_schema is not supported' } : good(call)),
  }, ['--skip', 'capacity']);
  assert.equal(o.code, 0);
  const structured = check(o, 'structured');
  assert.equal(structured.verdict, 'warn');
  assert.equal(structured.measured!.mechanism, 'json_object');
  assert.match(structured.detail, /^response_format json_object \(the server refused json_schema\); the answer validated/);
});

/** A reasoning model: thinking before the answer, needing `fitsIn` output tokens (cut at any smaller budget). */
const thinker = (provider: Provider, fitsIn: number) => (call: ChatCall): Behaviour => {
  const budget = provider === 'ollama' ? (call.body.options as { num_predict: number }).num_predict : (call.body.max_tokens as number);
  const thinking = 'Erst die Volumina, dann das LGE-Muster betrachten. '.repeat(60);
  const cut = budget < fitsIn;
  const json = JSON.stringify({ category: rightCategory(call), evidence: [], rationale: 'test' });
  const content = provider === 'ollama' ? json : `<think>${thinking}</think>${cut ? '' : json}`;
  return { kind: 'answer', content, ...(provider === 'ollama' ? { thinking } : {}), outputTokens: cut ? budget : fitsIn - 10, doneReason: cut ? 'length' : 'stop' };
};
for (const provider of ['ollama', 'openai'] as const) {
  test(`${provider}: a model that thinks past the output budget: reasoning warns (twice the budget fits), counts the thinking, advises --max-tokens`, async () => {
    const o = await doctor(provider, { kind: provider === 'openai' ? 'vllm' : 'ollama', behaviour: thinker(provider, 4000) }, ['--skip', 'capacity']);
    assert.equal(o.code, 0, o.stdout);
    const reasoning = check(o, 'reasoning');
    assert.equal(reasoning.verdict, 'warn');
    assert.match(reasoning.detail, new RegExp(`^answers carry thinking \\(${provider === 'ollama' ? 'a thinking field' : '<think> blocks'}\\), about [\\d,]+ tokens; the answer stopped at the 3,072-token budget \\(1,024 answer \\+ 2,048 thinking\\), asked again with twice the budget it fitted`));
    assert.ok((reasoning.measured!.thinkingTokens as number) > 300);
    assert.match(reasoning.advice!, /^Give thinking a budget that fits, --think 5120, or turn it off with --think off, so that each report takes one request$/);
    assert.match(reasoning.detail, /smoke run \(12 reports\): 12 with thinking, 12 needed twice the budget/);
    assert.equal(check(o, 'smoke').verdict, 'ok');
  });
}

test('one probe answer fits, but smoke reports need twice the budget: the smoke run turns reasoning into a warning', async () => {
  // The probe is the input's report of middle length; only the smoke run's CA reports think past the budget.
  const byLength = [...DEMO].sort((a, b) => a.text.length - b.text.length);
  const probe = texts.textFor(byLength[Math.floor((byLength.length - 1) / 2)]!).text;
  const thinksLong = thinker('ollama', 4000);
  const o = await doctor('ollama', { behaviour: (call) => (rightCategory(call) === 'CA' && !call.user.includes(probe) ? thinksLong(call) : good(call)) }, ['--skip', 'capacity']);
  const reasoning = check(o, 'reasoning');
  assert.equal(reasoning.verdict, 'warn');
  assert.match(reasoning.detail, /^no thinking in the answer; .*; smoke run \(12 reports\): 2 with thinking, 2 needed twice the budget$/);
  assert.equal(reasoning.advice, 'Some answers needed more than the 3,072-token output budget: give thinking a budget that fits (--think <tokens>), turn it off (--think off), or raise --max-tokens');
});

test('ollama: a model whose thinking does not fit even twice the budget: reasoning fails, so does the smoke run', async () => {
  const o = await doctor('ollama', { behaviour: thinker('ollama', 10_000) }, ['--skip', 'capacity']);
  assert.equal(o.code, 1);
  assert.equal(check(o, 'reasoning').verdict, 'fail');
  assert.match(check(o, 'reasoning').detail, /the answer stopped at the 3,072-token budget \(1,024 answer \+ 2,048 thinking\) and again at twice that/);
  assert.match(check(o, 'reasoning').advice!, /--think 11264, or turn it off with --think off/);
  assert.match(check(o, 'smoke').detail, /12 failed \(answer\.truncated\)/);
});

// A 2,048-token context and a report of about 2,600 tokens.
const SMALL_CONTEXT = { contextLength: 2048, countTokens: true, behaviour: good };
const CONTEXT_CASES: [string, Provider, FakeServerOptions, RegExp, RegExp][] = [
  ['Ollama (the model allows 2,048)', 'ollama', SMALL_CONTEXT, /\(long-1, at least; the server cut or refused it\) \+ 1,024 for the answer = [\d,]+, more than 2,048, the model's context/, /cmrdx sets num_ctx itself, so OLLAMA_CONTEXT_LENGTH cannot help/],
  ['vLLM (max_model_len 2,048, refuses with a 400)', 'openai', { ...SMALL_CONTEXT, kind: 'vllm' }, /\(long-1, the server's count\) \+ 1,024 for the answer = [\d,]+, more than 2,048, the server's limit \(it refused the prompt\)/, /Restart vLLM with --max-model-len \d+ or more \(up to the model's own limit\), or a lower --max-tokens \(the answer's 1,024\), --think off or a smaller thinking budget \(2,048 reserved\), --answer category/],
  ['llama.cpp server (n_ctx 2,048 per slot)', 'openai', { ...SMALL_CONTEXT, kind: 'llama.cpp' }, /more than 2,048/, /Start llama-server with a larger -c: each of its --parallel slots gets c \/ parallel tokens/],
  ["Ollama's OpenAI-compatible API (cuts at its loaded context, silently)", 'openai', SMALL_CONTEXT, /\(long-1, the server's count: it cut the prompt there\)/, /cmrdx cannot set num_ctx through Ollama's OpenAI-compatible API: use --model ollama:m1 with --ollama-url .*OLLAMA_CONTEXT_LENGTH=/],
];
for (const [name, provider, server, detail, advice] of CONTEXT_CASES) {
  test(`${name}, a long report in --input: context fails with the fix`, async () => {
    const o = await doctor(provider, server, ['--input', LONG_INPUT, '--skip', 'capacity,smoke']);
    assert.equal(o.code, 1);
    const context = check(o, 'context');
    assert.equal(context.verdict, 'fail', context.detail);
    assert.match(context.detail, detail);
    assert.match(context.advice!, advice);
    assert.equal(context.measured!.longest, 'long-1');
    assert.match(o.stdout, /input .*long\.jsonl \(2 reports\)/);
  });
}

test('the long report against a 32k context: ok, counted by the server', async () => {
  const o = await doctor('ollama', { ...SMALL_CONTEXT, contextLength: 32768 }, ['--input', LONG_INPUT, '--skip', 'capacity,smoke']);
  assert.equal(check(o, 'context').verdict, 'ok');
  assert.equal(check(o, 'context').measured!.counted, 'server');
  // the fake tokenizer: one token per four characters of the messages
  assert.ok((check(o, 'context').measured!.promptTokens as number) > 2048);
});

for (const provider of ['ollama', 'openai'] as const) {
  test(`${provider}: a server without logprobs: a warning naming the other confidence source, exit 0`, async () => {
    const o = await doctor(provider, { kind: provider === 'openai' ? 'vllm' : 'ollama', behaviour: good }, ['--skip', 'capacity']);
    assert.equal(o.code, 0);
    const logprobs = check(o, 'logprobs');
    assert.equal(logprobs.verdict, 'warn');
    assert.equal(logprobs.detail, 'the server returns no token logprobs: predictions will have no confidence');
    assert.match(logprobs.advice!, provider === 'ollama' ? /This Ollama \(0\.12\.11\) returns logprobs for models whose runner supports them; this one does not/ : /--max-logprobs 20/);
    assert.match(logprobs.advice!, /no confidence unless --samples k \(k requests per report/);
    if (provider === 'ollama') {
      const old = await doctor('ollama', { version: '0.6.8', behaviour: good }, ['--skip', 'capacity,smoke']);
      assert.match(check(old, 'logprobs').advice!, /Ollama returns logprobs from 0\.12\.11 on: update it/);
    }
    // It asked for them the way each server takes it.
    const asked = o.server.calls.find((c) => c.body.logprobs === true)!;
    assert.equal(asked.body.top_logprobs, 10, 'classify asks for the categories + 2 alternatives');
  });
}

test('doctor asks as classify will: --samples k makes the agreement the confidence, --think off and --answer category change the budget', async () => {
  const sampled = await doctor('ollama', { behaviour: good }, ['--samples', '3', '--temperature', '0.7', '--skip', 'capacity,smoke']);
  assert.equal(check(sampled, 'logprobs').verdict, 'ok');
  assert.equal(check(sampled, 'logprobs').detail, '--samples 3: confidence is the agreement of 3 answers (no token logprobs)');
  assert.equal(sampled.server.calls.filter((c) => c.user.length > 0 && (c.body.options as { num_predict?: number }).num_predict === BUDGET).length, 2 * 3, 'three samples for the probe (table and JSON run)');
  const off = await doctor('ollama', { behaviour: goodWithLogprobs }, ['--think', 'off', '--skip', 'capacity,smoke']);
  assert.match(check(off, 'context').detail, /\+ 1,024 output budget fits/);
  assert.match(check(off, 'reasoning').detail, /30 output tokens of the 1,024-token budget \(1,024 answer\)$/);
  assert.ok(off.server.calls.every((c) => c.body.think === false || c.body.messages === undefined || (c.body.messages as unknown[]).length === 0 || c.body.think === false));
  const category = await doctor('openai', { kind: 'vllm', behaviour: () => ({ kind: 'answer', content: '"NORMAL"' }) }, ['--answer', 'category', '--skip', 'capacity,smoke']);
  assert.match(check(category, 'context').detail, /\+ 2,064 output budget fits/);
  assert.equal(check(category, 'structured').verdict, 'ok');
});

test('doctor --abstain asks as classify --abstain will: the prompt says when, the schema takes the abstentions, an abstention validates as sent', async () => {
  const abstains = await doctor('ollama', { behaviour: () => answer('UNCLASSIFIED_NO_FINDINGS') }, ['--abstain', '--skip', 'capacity,smoke']);
  const asked = abstains.server.calls.find((c) => c.user.length > 0 && c.body.format !== undefined)!;
  assert.ok(asked, 'a probe request with a schema');
  assert.match(JSON.stringify(asked.body.format), /UNCLASSIFIED_NOT_CMR/, 'the schema offers the abstentions');
  assert.match(asked.system + asked.user, /UNCLASSIFIED_NO_FINDINGS/, 'the prompt says when to give no category');
  assert.equal(check(abstains, 'structured').verdict, 'ok', check(abstains, 'structured').detail);
  // Without --abstain the same answer is outside the schema: doctor does not judge as if the flag were there.
  const plain = await doctor('ollama', { behaviour: () => answer('UNCLASSIFIED_NO_FINDINGS') }, ['--skip', 'capacity,smoke']);
  assert.doesNotMatch(JSON.stringify(plain.server.calls.find((c) => c.body.format !== undefined)!.body.format), /UNCLASSIFIED/);
  assert.equal(check(plain, 'structured').verdict, 'fail');
});

test('a server that is down: the server check fails with what to do, nothing else is run, exit 1', async () => {
  const gone = await startFakeServer();
  await gone.close();
  for (const json of [false, true]) {
    const io = bufferIo();
    assert.equal(await runCli(['doctor', '--model', 'ollama:m1', '--ollama-url', gone.url, ...(json ? ['--json'] : [])], io), 1);
    if (!json) {
      assert.match(io.stdout().replace(/\s+/g, ' '), /server FAIL cannot reach http:\/\/127\.0\.0\.1:\d+: connection refused \(nothing listens there\)/);
      assert.match(io.stdout(), /-> Start Ollama \(ollama serve\)/);
      assert.match(io.stdout(), /not run: context, structured, reasoning, logprobs, capacity, smoke: the server check failed/);
      continue;
    }
    const report = JSON.parse(io.stdout()) as DoctorReport;
    assert.equal(report.verdict, 'fail');
    assert.equal(report.endpoints[0]!.checks.length, 1);
    assert.equal(report.endpoints[0]!.notRun.length, 6);
  }
});

test('a model the server does not have: the server check fails with the pull command', async () => {
  const o = await doctor('ollama', { models: ['other:7b'] });
  assert.equal(o.code, 1);
  assert.match(check(o, 'server').detail, /the server has no model "m1" \(it has other:7b\)/);
  assert.equal(check(o, 'server').advice, 'Pull it first: ollama pull m1');
});

test('a model not in memory is loaded with the num_ctx classify will ask for', async () => {
  const o = await doctor('ollama', { loaded: false, behaviour: goodWithLogprobs }, ['--skip', 'capacity,smoke']);
  assert.equal(o.code, 0);
  // The table is of the first run, which loaded it (the JSON run after it finds it loaded).
  assert.match(o.stdout, /m1 present, loaded now in [\d.]+ s/);
});

test('several endpoints: each is checked and has its own table', async () => {
  const a = await startFakeServer({ models: ['m1'], behaviour: goodWithLogprobs });
  const b = await startFakeServer({ models: ['m1'], behaviour: good });
  try {
    const io = bufferIo();
    assert.equal(await runCli(['doctor', '--model', 'ollama:m1', '--ollama-url', a.url, '--ollama-url', b.url, '--skip', 'capacity,smoke', '--json'], io), 0);
    const report = JSON.parse(io.stdout()) as DoctorReport;
    assert.deepEqual(report.endpoints.map((e) => e.endpoint), [a.url, b.url]);
    assert.deepEqual(report.endpoints.map((e) => e.verdict), ['ok', 'warn']);
  } finally {
    await a.close();
    await b.close();
  }
});

test('a redirecting server: the server check fails (egress.redirect), nothing reaches the redirect target', async () => {
  const elsewhere = await startFakeServer({ models: ['m1'] });
  try {
    for (const provider of ['ollama', 'openai'] as const) {
      const o = await doctor(provider, { route: () => ({ kind: 'redirect', location: `${elsewhere.url}/steal?k=SECRET-QUERY` }) });
      assert.equal(o.code, 1);
      const server = check(o, 'server');
      assert.equal(server.verdict, 'fail');
      assert.equal(server.measured!.code, 'egress.redirect');
      assert.match(server.detail, /the server answered 307 with a redirect to 127\.0\.0\.1:\d+; cmrdx never follows redirects/);
      assert.match(server.advice!, /not at a proxy or load balancer that redirects/);
      assert.ok(!o.stdout.includes('SECRET-QUERY'));
    }
    // A server that redirects only the chat requests: the checks that send report text fail, none follows.
    const o = await doctor('ollama', { behaviour: () => ({ kind: 'redirect', location: `${elsewhere.url}/api/chat` }) }, ['--skip', 'capacity']);
    assert.equal(o.code, 1);
    assert.match(check(o, 'context').detail, /redirect/);
    assert.deepEqual(elsewhere.requests, []);
  } finally {
    await elsewhere.close();
  }
});

test('a public URL is refused before any connection: exit 2, one line, nothing printed on stdout', async () => {
  for (const flags of [['--ollama-url', 'http://93.184.216.34:11434'], ['--model', 'openai:m1', '--openai-url', 'http://[2001:4860:4860::8888]:8000/v1']]) {
    const io = bufferIo();
    const args = flags[0] === '--model' ? ['doctor', ...flags] : ['doctor', '--model', 'ollama:m1', ...flags];
    assert.equal(await runCli(args, io), 2);
    assert.match(io.stderr(), /refused to send reports to .* a public address\)\. cmrdx only talks to servers on this machine or a private network/);
    assert.equal(io.stderr().trim().split('\n').length, 1);
    assert.equal(io.stdout(), '');
  }
});

test('servers that stall: doctor ends in bounded time, says what timed out, and does not pile up requests', async () => {
  // Stalls on everything: the status requests time out (at --timeout 2) and nothing else is tried.
  const all = await doctor('ollama', { route: () => ({ kind: 'hang' }) }, ['--timeout', '2']);
  assert.equal(all.code, 1);
  assert.match(check(all, 'server').detail, /cannot reach http:\/\/127\.0\.0\.1:\d+: no answer within 2 s/);
  assert.deepEqual(all.server.calls, []);
  // Answers status requests, stalls on chat: the first chat check times out, the others are not run.
  const chat = await doctor('ollama', { behaviour: () => ({ kind: 'hang' }) }, ['--timeout', '2']);
  assert.equal(chat.code, 1);
  assert.equal(check(chat, 'context').verdict, 'fail');
  assert.match(check(chat, 'context').detail, /no answer to the longest prompt \(cmr-\d+\) \(no answer within 2 s; the server is up, so the model is slow or the queue is long\)/);
  assert.deepEqual(chat.report.endpoints[0]!.notRun.map((n) => n.check), ['structured', 'reasoning', 'logprobs', 'capacity', 'smoke']);
  assert.match(chat.stdout, /not run: structured, reasoning, logprobs, capacity, smoke: chat requests time out \(see context\)/);
  assert.equal(chat.server.calls.length, 2, 'one chat request per run (the table\'s and the JSON\'s)');
});

test('a server that quotes the report in its errors: no report text in the table, the JSON or stderr', async () => {
  const MARKER = 'ZEBRA7731MARKER';
  const input = join(dir, 'marked.jsonl');
  writeFileSync(input, ['m-1', 'm-2', 'm-3'].map((id) => JSON.stringify({ id, text: `Befund: ${MARKER} Kein LGE, normale Funktion ${MARKER}.\nBeurteilung: ${MARKER} Normalbefund.` })).join('\n'));
  for (const provider of ['ollama', 'openai'] as const) {
    const echo = (call: ChatCall): Behaviour => (call.user.includes(MARKER) ? { kind: 'status', status: 400, message: `cannot read: ${call.user.slice(0, 300)}` } : good(call));
    const o = await doctor(provider, { kind: provider === 'openai' ? 'vllm' : 'ollama', behaviour: echo }, ['--input', input]);
    assert.ok(o.server.calls.some((c) => c.user.includes(MARKER)), 'the report was sent');
    for (const [name, text] of [['stdout', o.stdout], ['stderr', o.stderr], ['json', JSON.stringify(o.report)]]) assert.ok(!text!.includes(MARKER), `${provider}: report text in ${name}`);
    assert.match(check(o, 'context').detail, /\(the server's message quotes the report; not shown\)/);
  }
});

const BAD_FLAGS: [string, string[], RegExp][] = [
  ['no --model', ['doctor'], /doctor needs --model <spec>/],
  ['two models', ['doctor', '-m', 'ollama:a', '-m', 'ollama:b'], /doctor checks one model at a time; --model was given 2 times/],
  ['the guideline engine', ['doctor', '-m', 'rules'], /--model rules: the guideline engine runs in this process and needs no server check/],
  ['openai without a URL', ['doctor', '-m', 'openai:m1'], /--model openai:<model> needs --openai-url/],
  ['an unknown check to skip', ['doctor', '-m', 'ollama:m1', '--skip', 'server'], /--skip server: unknown check server\. Name checks from context, structured/],
  ['a bad timeout', ['doctor', '-m', 'ollama:m1', '--timeout', '0'], /--timeout 0: not a number >= 1/],
  ['an unknown flag', ['doctor', '-m', 'ollama:m1', '--frobnicate'], /unknown option '--frobnicate'/],
  ['samples at temperature 0 (classify refuses them too)', ['doctor', '-m', 'ollama:m1', '--samples', '3'], /--samples 3: at temperature 0 every sample gives the same answer/],
  ['a bad --think', ['doctor', '-m', 'ollama:m1', '--think', 'maybe'], /--think maybe: not auto, on, off or a number of tokens/],
  ['--abstain with a prompt that never offers it (classify refuses it too)', ['doctor', '-m', 'ollama:m1', '--abstain', '--prompt-version', 'v1'], /--abstain: the prompt classify-v1 never tells the model when it may give no category/],
  ['a missing input', ['doctor', '-m', 'ollama:m1', '--input', join(dir, 'nope.jsonl')], /nope\.jsonl: no such file/],
];
for (const [name, args, message] of BAD_FLAGS) {
  test(`bad flags (${name}): exit 2 with one line`, async () => {
    const io = bufferIo();
    assert.equal(await runCli(args, io), 2);
    assert.match(io.stderr(), message);
    assert.equal(io.stdout(), '');
  });
}

test('doctor is in --help', async () => {
  const io = bufferIo();
  assert.equal(await runCli(['doctor', '--help'], io), 0);
  const help = io.stdout().replace(/\s+/g, ' ');
  assert.match(help, /--skip <checks> checks to leave out, comma-separated: context, structured, reasoning, logprobs, capacity, smoke/);
  assert.match(help, /-m, --model <spec> the model to check: ollama:<tag>, openai:<model> or llamacpp:<path\.gguf> /);
  assert.ok(!io.stdout().includes('--log-prompts'), 'doctor prints no prompts');
});

test('the JSON is the table\'s content: the same checks and verdicts', async () => {
  const o = await doctor('ollama', { behaviour: good }, ['--skip', 'capacity']);
  for (const c of o.report.endpoints[0]!.checks) assert.match(o.stdout, new RegExp(`\\n {2}${c.check} +${c.verdict === 'ok' ? 'ok' : c.verdict.toUpperCase()} `));
  assert.equal(o.report.model, 'ollama:m1');
  assert.equal(o.report.input.reports, 109);
  assert.equal(readFileSync(new URL('../examples/demo/reports.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean).length, 109);
});
