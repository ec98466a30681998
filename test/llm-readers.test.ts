// LLM readers against a local server that speaks the real Ollama and OpenAI wire formats, including their
// failures. Every scenario must end with exactly one prediction per (report, model), valid or error.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createReaders } from '../src/readers/create-reader.js';
import { runClassify, STORE_FILE } from '../src/run/run-classify.js';
import { RunStore } from '../src/run/run-store.js';
import type { Report } from '../src/report/report.js';
import { DEFAULT_TAXONOMY } from '../src/taxonomy/taxonomy.js';
import { loadTaxonomy } from '../src/taxonomy/load-taxonomy.js';
import { runCli } from '../src/cli/program.js';
import { bufferIo } from '../src/cli/io.js';
import { answer, startFakeServer, type Behaviour, type ChatCall, type Provider } from './helpers/fake-llm-server.js';
import { classifyWithServer } from './helpers/classify-with-server.js';
import { tempDir } from './helpers/temp-dir.js';

const dir = tempDir();

const REPORTS: Report[] = [
  { id: 'r1', text: 'Befund: Subepikardiales LGE basal inferolateral, Myokardödem inferolateral.\nBeurteilung: Akute Myokarditis.' },
  { id: 'r2', text: 'Befund: Normale Größe und Funktion, kein LGE.\nBeurteilung: Normalbefund.' },
];

type Outcome = Awaited<ReturnType<typeof classifyWithServer>>;

const run = (provider: Provider, behaviour: (call: ChatCall) => Behaviour, options: Parameters<typeof classifyWithServer>[3] = {}): Promise<Outcome> =>
  classifyWithServer(dir, provider, { behaviour }, { reports: REPORTS, ...options });

const byId = (o: Outcome, id: string) => o.lines.find((l) => l.id === id)!;
const oncePerReport = (o: Outcome) => assert.deepEqual(o.lines.map((l) => l.id).sort(), REPORTS.map((r) => r.id).sort(), 'exactly one prediction per report');
/** The right answer for each report, as a well-behaved model would give it. */
const good = (call: ChatCall): Behaviour => (call.user.includes('Myokarditis') ? answer('MYO', ['Subepikardiales LGE basal inferolateral']) : answer('NORMAL', ['kein LGE']));

for (const provider of ['ollama', 'openai'] as const) {
  test(`${provider}: valid answers, evidence aligned to the report, tokens recorded`, async () => {
    const o = await run(provider, good);
    oncePerReport(o);
    assert.equal(byId(o, 'r1').category, 'MYO');
    assert.equal(byId(o, 'r2').category, 'NORMAL');
    const e = byId(o, 'r1').evidence[0]!;
    assert.equal(e.alignment, 'exact');
    assert.equal(REPORTS[0]!.text.slice(e.start!, e.start! + e.quote.length), e.quote);
    assert.deepEqual(byId(o, 'r1').details!.usage, { promptTokens: 120, outputTokens: 30 });
    assert.equal(byId(o, 'r1').details!.read, 'narrative');
    // The request carries the answer's JSON Schema and temperature 0 with a fixed seed.
    const body = o.calls[0]!.body;
    if (provider === 'ollama') {
      assert.deepEqual((body.format as { required: string[] }).required, ['evidence', 'rationale', 'category']);
      assert.equal((body.options as { temperature: number; seed: number }).temperature, 0);
      assert.equal(typeof (body.options as { num_ctx: number }).num_ctx, 'number');
    } else {
      assert.equal((body.response_format as { type: string }).type, 'json_schema');
      assert.equal(body.temperature, 0);
      assert.equal(body.seed, 42);
    }
    // The model reads the narrative, not the question line or the quantitative block.
    assert.match(o.calls[0]!.user, /Subepikardiales LGE/);
  });

  test(`${provider}: <think> blocks and reasoning fields are stripped`, async () => {
    const o = await run(provider, (c) => ({ ...(good(c) as Extract<Behaviour, { kind: 'answer' }>), content: `<think>LGE pattern first...</think>${(good(c) as { content: string }).content}`, thinking: 'separate reasoning' }));
    oncePerReport(o);
    assert.equal(byId(o, 'r1').category, 'MYO');
  });

  test(`${provider}: code fences and prose around the JSON`, async () => {
    const o = await run(provider, (c) => ({ kind: 'answer', content: `Sure! Here is my answer:\n\`\`\`json\n${(good(c) as { content: string }).content}\n\`\`\`\nHope this helps.` }));
    assert.equal(byId(o, 'r1').category, 'MYO');
    assert.equal(byId(o, 'r2').category, 'NORMAL');
  });

  test(`${provider}: cut-off JSON is asked again, then counted as an error (never guessed)`, async () => {
    const once = await run(provider, (c) => (c.n === 1 ? { kind: 'answer', content: '{"category": "MY', doneReason: 'length' } : good(c)));
    oncePerReport(once);
    assert.equal(once.lines.filter((l) => l.category !== null).length, 2);
    assert.equal(once.lines.find((l) => l.details?.answerAttempts === 2)?.category !== undefined, true);
    const always = await run(provider, () => ({ kind: 'answer', content: '{"category": "MY' }), { answerRetries: 2 });
    oncePerReport(always);
    for (const l of always.lines) {
      assert.equal(l.category, null);
      assert.equal(l.error!.code, 'answer.invalid');
    }
    assert.equal(always.calls.length, 6, 'three attempts per report');
    assert.ok(always.calls.some((c) => /That answer was not valid/.test(c.user)), 'the retry says what was wrong');
  });

  test(`${provider}: a 500 is retried; 500s that do not stop become an error prediction`, async () => {
    const once = await run(provider, (c) => (c.n === 1 ? { kind: 'status', status: 500, message: 'CUDA out of memory' } : good(c)));
    oncePerReport(once);
    assert.ok(once.lines.every((l) => l.error === null));
    const always = await run(provider, () => ({ kind: 'status', status: 503, message: 'overloaded' }), { retries: 2 });
    oncePerReport(always);
    for (const l of always.lines) {
      assert.equal(l.error!.code, 'backend.http');
      assert.match(l.error!.message, /503/);
    }
    assert.equal(always.calls.length, 6, 'the first try and two retries per report');
  });

  test(`${provider}: a plain-text 500 body does not break the client`, async () => {
    const o = await run(provider, (c) => (c.n === 1 ? { kind: 'status', status: 500, json: false, message: 'upstream crashed' } : good(c)));
    oncePerReport(o);
    assert.ok(o.lines.every((l) => l.error === null));
  });

  test(`${provider}: a 4xx is not retried`, async () => {
    const o = await run(provider, () => ({ kind: 'status', status: 404, message: "model 'm1' not found" }));
    oncePerReport(o);
    assert.equal(o.calls.length, 2, 'one request per report');
    assert.ok(o.lines.every((l) => l.error?.code === 'backend.model_missing'));
  });

  test(`${provider}: connection resets and bodies cut mid-JSON are retried`, async () => {
    const o = await run(provider, (c) => (c.n === 1 ? { kind: 'reset' } : c.n === 2 ? { kind: 'cut-body' } : good(c)));
    oncePerReport(o);
    assert.ok(o.lines.every((l) => l.error === null), JSON.stringify(o.lines.map((l) => l.error)));
  });

  test(`${provider}: a stall past the timeout becomes a timeout error`, async () => {
    const o = await run(provider, () => ({ kind: 'stall', ms: 1500 }), { timeoutMs: 200, retries: 1 });
    oncePerReport(o);
    for (const l of o.lines) assert.equal(l.error!.code, 'backend.timeout');
  });
}

test('openai: a server without json_schema support falls back to json_object, and says so', async () => {
  const o = await run('openai', (c) => ((c.body.response_format as { type?: string } | undefined)?.type === 'json_schema' ? { kind: 'status', status: 400, message: 'response_format json_schema is not supported by this server' } : good(c)));
  oncePerReport(o);
  assert.ok(o.lines.every((l) => l.error === null));
  assert.match(String((byId(o, 'r1').details!.warnings as string[])[0]), /does not take json_schema/);
  const formats = o.calls.map((c) => (c.body.response_format as { type: string }).type);
  assert.deepEqual(formats.filter((f) => f === 'json_object').length, 2, 'each report answered once with json_object');
  assert.ok(formats.every((f) => f === 'json_schema' || f === 'json_object'));
});

test('ollama: a thinking model answer in the thinking field only is not taken as the answer', async () => {
  const o = await run('ollama', () => ({ kind: 'answer', content: '', thinking: '{"category":"MYO","evidence":[]}' }), { answerRetries: 0 });
  assert.ok(o.lines.every((l) => l.error?.code === 'answer.invalid'));
});

test('--translate: one translation request per report, shared by two classifier models', async () => {
  const server = await startFakeServer({
    models: ['translator', 'a', 'b'],
    behaviour: (c) => (c.body.model === 'translator' ? { kind: 'answer', content: `EN: ${c.user}` } : good(c)),
  });
  try {
    const built = await createReaders(['ollama:a', 'ollama:b'], { taxonomy: DEFAULT_TAXONOMY, ollamaUrls: [server.url], translate: 'ollama:translator' });
    const out = join(dir, 'translate');
    const reports = [...REPORTS, { id: 'en1', text: 'Findings: No late gadolinium enhancement. Impression: Normal study.' }];
    const summary = await runClassify({ reports, readers: built.readers, translator: built.translator, texts: built.texts, outDir: out, config: { models: ['ollama:a', 'ollama:b'], taxonomy: { name: 'd', version: '1' } } });
    const translations = server.calls.filter((c) => c.body.model === 'translator');
    assert.equal(translations.length, 2, 'the two German reports, once each; the English one is not translated');
    assert.equal(summary.translated, 2);
    const classified = server.calls.filter((c) => c.body.model !== 'translator');
    assert.equal(classified.length, 6);
    assert.equal(classified.filter((c) => c.user.includes('EN: Subepikardiales')).length, 2, 'both models read the translation');
    const lines = readFileSync(join(out, 'predictions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.filter((l) => l.id === 'r1').map((l) => [l.details.read, l.details.translationModel]), [['translation', 'ollama:translator'], ['translation', 'ollama:translator']]);
    assert.equal(lines.find((l) => l.id === 'en1').details.read, 'narrative');
    // A second run takes the translations from the run store.
    const again = await runClassify({ reports, readers: built.readers, translator: built.translator, texts: built.texts, outDir: out, config: { models: ['ollama:a', 'ollama:b'], taxonomy: { name: 'd', version: '1' } }, fresh: true });
    assert.equal(again.translated, 0);
    assert.equal(server.calls.filter((c) => c.body.model === 'translator').length, 2);
  } finally {
    await server.close();
  }
});

test('--translate: a translation that fails is counted as failed, not as translated, and its report fails openly', async () => {
  const server = await startFakeServer({
    models: ['translator', 'a'],
    behaviour: (c) =>
      c.body.model === 'translator' ? (c.user.includes('Normale') ? { kind: 'status', status: 500, message: 'translator crashed' } : { kind: 'answer', content: `EN: ${c.user}` }) : good(c),
  });
  try {
    const built = await createReaders(['ollama:a'], { taxonomy: DEFAULT_TAXONOMY, ollamaUrls: [server.url], translate: 'ollama:translator' });
    const out = join(dir, 'translate-fails');
    const summary = await runClassify({ reports: REPORTS, readers: built.readers, translator: built.translator, texts: built.texts, outDir: out, retries: 0, config: { models: ['ollama:a'], taxonomy: { name: 'd', version: '1' } } });
    assert.equal(summary.translated, 1, 'only r1 was translated');
    assert.equal(summary.translationFailed, 1, 'r2 was sent but its translation failed');
    const lines = readFileSync(join(out, 'predictions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.find((l) => l.id === 'r1').category, 'MYO');
    const r2 = lines.find((l) => l.id === 'r2');
    assert.equal(r2.category, null);
    assert.equal(r2.error.code, 'answer.no_translation');
  } finally {
    await server.close();
  }
});

test('the CLI refuses an endpoint that is down or lacks the model before sending anything (exit 2)', async () => {
  const server = await startFakeServer({ models: ['other'] });
  const input = join(dir, 'cli.jsonl');
  writeFileSync(input, REPORTS.map((r) => JSON.stringify(r)).join('\n'));
  try {
    const missing = bufferIo();
    assert.equal(await runCli(['classify', input, '--model', 'ollama:qwen2.5:32b', '--ollama-url', server.url, '--out', join(dir, 'cli-out')], missing), 2);
    assert.match(missing.stderr(), /no endpoint has the model "qwen2\.5:32b".*ollama pull qwen2\.5:32b/);
    assert.equal(server.calls.length, 0);
  } finally {
    await server.close();
  }
  const down = bufferIo();
  assert.equal(await runCli(['classify', input, '--model', 'ollama:m', '--ollama-url', 'http://127.0.0.1:9', '--out', join(dir, 'cli-out2'), '--timeout', '2'], down), 2);
  assert.match(down.stderr(), /cannot reach http:\/\/127\.0\.0\.1:9.*Start Ollama/);
  const publicHost = bufferIo();
  assert.equal(await runCli(['classify', input, '--model', 'openai:x', '--openai-url', 'http://8.8.8.8/v1', '--out', join(dir, 'cli-out3')], publicHost), 2);
  assert.match(publicHost.stderr(), /refused to send reports to 8\.8\.8\.8.*--allow-host 8\.8\.8\.8/);
});

test('cmrdx models lists what a server offers', async () => {
  const server = await startFakeServer({ models: ['qwen2.5:32b', 'gemma2:27b'] });
  try {
    const io = bufferIo();
    assert.equal(await runCli(['models', '--ollama-url', server.url, '--openai-url', `${server.url}/v1`], io), 0);
    assert.match(io.stdout(), /ollama:qwen2\.5:32b\s+4\.7 GB/);
    assert.match(io.stdout(), /openai:gemma2:27b/);
  } finally {
    await server.close();
  }
});

// The shared model beside the repository, or wherever CMRDX_TEST_GGUF points (a clone elsewhere).
const GGUF = process.env.CMRDX_TEST_GGUF ?? fileURLToPath(new URL('../../shared/models/stories260K.gguf', import.meta.url));
test('llamacpp: the embedded model loads and answers schema-valid JSON', { skip: existsSync(GGUF) ? false : `no model at ${GGUF}; skipping the llama.cpp test (set CMRDX_TEST_GGUF=<path> to run it)` }, async () => {
  const input = join(dir, 'tiny.jsonl');
  writeFileSync(input, [JSON.stringify({ id: 't1', text: 'Befund: Kein LGE.' }), JSON.stringify({ id: 't2', text: 'Befund: LGE lateral.' })].join('\n'));
  // stories260K has a 2,048-token context and a character-level vocabulary: a short prompt keeps it inside.
  const prompt = join(dir, 'tiny-prompt.yaml');
  writeFileSync(prompt, 'version: tiny\nsystem: "Category: one of {{ids}}."\nuser: "{{report}}"\n');
  const out = join(dir, 'llamacpp');
  const io = bufferIo();
  const started = performance.now();
  const code = await runCli(['classify', input, '--model', `llamacpp:${GGUF}`, '--prompt', prompt, '--threads', '1', '--max-tokens', '200', '--answer-retries', '0', '--out', out, '--quiet'], io);
  const seconds = (performance.now() - started) / 1000;
  const lines = readFileSync(join(out, 'predictions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 2);
  for (const l of lines) {
    assert.equal(l.error, null, JSON.stringify(l.error));
    assert.ok(DEFAULT_TAXONOMY.categories.some((c) => c.id === l.category), `schema-valid category, got ${l.category}`);
    assert.ok(l.seconds > 0 && l.seconds < 30);
    assert.ok(l.details.usage.outputTokens > 0);
  }
  assert.equal(code, 0, io.stderr());
  assert.ok(seconds < 60, `took ${seconds.toFixed(1)} s`);
});

after(() => undefined);

test('a llama.cpp server that reports its slots sets the default concurrency (slots + 2 queued)', async () => {
  const server = await startFakeServer({ models: ['m1'], slots: 3, serviceMs: 40, behaviour: good });
  try {
    const built = await createReaders(['openai:m1'], { taxonomy: DEFAULT_TAXONOMY, openaiUrls: [`${server.url}/v1`] });
    assert.equal(built.slots.get(`${server.url}/v1`), 3);
    const input = join(dir, 'slots.jsonl');
    writeFileSync(input, Array.from({ length: 12 }, (_, i) => JSON.stringify({ id: `s${i}`, text: `Befund: Bericht ${i}.` })).join('\n'));
    const io = bufferIo();
    assert.equal(await runCli(['classify', input, '--model', 'openai:m1', '--openai-url', `${server.url}/v1`, '--out', join(dir, 'slots-out'), '--quiet'], io), 0, io.stderr());
    assert.equal(server.maxActive, 3, 'the server was kept at its 3 slots');
  } finally {
    await server.close();
  }
});

// --abstain: a CT report and a CMR report; the model says the first is no CMR report.
const WITH_CT: Report[] = [
  { id: 'ct', text: 'CT Thorax: Keine Lungenembolie. Kein Pleuraerguss. Beurteilung: Unauffälliger Befund.' },
  { id: 'cmr', text: 'Befund: Subepikardiales LGE basal inferolateral, Myokardödem inferolateral.\nBeurteilung: Akute Myokarditis.' },
];
const saysNotCmr = (call: ChatCall): Behaviour => (JSON.stringify(call.body).includes('CT Thorax') ? answer('UNCLASSIFIED_NOT_CMR', ['CT Thorax']) : answer('MYO', ['Subepikardiales LGE basal inferolateral']));

for (const provider of ['ollama', 'openai'] as const) {
  test(`${provider} --abstain: a model's "no category" is stored as UNCLASSIFIED with its reason, and counted as wrong by evaluate`, async () => {
    const server = await startFakeServer({ models: ['m1'], behaviour: saysNotCmr });
    const input = join(dir, `abstain-${provider}.jsonl`);
    writeFileSync(input, WITH_CT.map((r) => JSON.stringify(r)).join('\n'));
    const out = join(dir, `abstain-${provider}`);
    const endpoint = provider === 'ollama' ? ['--ollama-url', server.url] : ['--openai-url', `${server.url}/v1`];
    try {
      const io = bufferIo();
      assert.equal(await runCli(['classify', input, '--model', `${provider}:m1`, ...endpoint, '--abstain', '--out', out, '--quiet'], io), 0, io.stderr());
    } finally {
      await server.close();
    }
    const lines = readFileSync(join(out, 'predictions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const ct = lines.find((l) => l.id === 'ct');
    assert.equal(ct.category, 'UNCLASSIFIED');
    assert.equal(ct.error, null, 'an answer, not a failure');
    assert.deepEqual(ct.unclassified, { reason: 'not_cmr', message: 'the model gave no category: not a cardiac MRI report' });
    assert.equal(ct.details.answered, 'UNCLASSIFIED_NOT_CMR');
    assert.equal(lines.find((l) => l.id === 'cmr').category, 'MYO');
    // The model was told when it may abstain, and the schema it was given allows exactly those values.
    assert.match(server.calls[0]!.system, /UNCLASSIFIED_NON_DIAGNOSTIC: the examination was aborted/);
    const body = server.calls[0]!.body;
    const schema = (provider === 'ollama' ? body.format : (body.response_format as { json_schema: { schema: unknown } }).json_schema.schema) as { properties: { category: { enum: string[] } } };
    assert.ok(schema.properties.category.enum.includes('UNCLASSIFIED_NOT_CMR'));
    const store = RunStore.open(join(out, STORE_FILE));
    assert.equal((store.config()!.options as { abstain?: boolean }).abstain, true, 'a run with --abstain is not resumed as one without');
    store.close();
    const truth = join(dir, `abstain-truth-${provider}.csv`);
    writeFileSync(truth, 'id,label\nct,NORMAL\ncmr,MYO\n');
    const io = bufferIo();
    assert.equal(await runCli(['evaluate', out, '--truth', truth], io), 0, io.stderr());
    const m = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')).readers[`${provider}:m1`];
    assert.equal(m.unclassified, 1);
    assert.equal(m.failed, 0);
    assert.equal(m.accuracy, 0.5, 'no category is a wrong answer');
  });
}

test('without --abstain the same answer is invalid: asked again, then a failed prediction (never read as a category)', async () => {
  const o = await classifyWithServer(dir, 'ollama', { behaviour: saysNotCmr }, { reports: WITH_CT, answerRetries: 1 });
  const ct = o.lines.find((l) => l.id === 'ct')!;
  assert.equal(ct.category, null);
  assert.equal(ct.error!.code, 'answer.invalid');
  assert.doesNotMatch(o.calls[0]!.system, /UNCLASSIFIED/, 'the model is not offered values it may not give');
});

test('--abstain is refused with the study prompt v1 (it has no words for it) and with a taxonomy whose category looks like an abstention', async () => {
  const input = join(dir, 'abstain.jsonl');
  writeFileSync(input, WITH_CT.map((r) => JSON.stringify(r)).join('\n'));
  const v1 = bufferIo();
  assert.equal(await runCli(['classify', input, '--model', 'ollama:m1', '--ollama-url', 'http://127.0.0.1:9', '--prompt-version', 'v1', '--abstain', '--out', join(dir, 'abstain-v1')], v1), 2);
  assert.match(v1.stderr(), /--abstain: the prompt classify-v1 never tells the model when it may give no category.*--prompt-version v2/);
  const taxonomy = join(dir, 'clash.yaml');
  writeFileSync(taxonomy, 'name: clash\nversion: "1"\ncategories:\n  - { id: MYO, name: Myocarditis, definition: inflammation }\n  - { id: UNCLASSIFIED_OTHER, name: Other, definition: anything else }\n');
  await assert.rejects(
    createReaders(['ollama:m1'], { taxonomy: loadTaxonomy(taxonomy), ollamaUrls: ['http://127.0.0.1:9'], abstain: true }),
    /--abstain: the taxonomy's category UNCLASSIFIED_OTHER looks like an answer that gives no category/,
  );
});
