// Batch runs: `cmrdx batch export` writes OpenAI Batch JSONL as `vllm run-batch -i` reads it, and `cmrdx batch
// import` reads a file this test writes in vLLM's output format, taken from vLLM's source
// (vllm/entrypoints/openai/run_batch.py at commit 0056ae7b: BatchRequestOutput {id, custom_id, response:
// BatchResponseData {status_code, request_id, body: ChatCompletionResponse | null}, error}; a failed request has
// status_code 400, body null and error a message; ids are "vllm-<uuid>" and "vllm-batch-<uuid>"). Answers are
// stored exactly once; missing and failed lines are stored errors; another run's line refuses the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { valueTokens } from './helpers/fake-llm-server.js';
import { tempDir } from './helpers/temp-dir.js';

const root = tempDir();
const REPORTS = [
  { id: 'r1', label: 'MYO', text: 'Befund: Subepikardiales LGE basal inferolateral, Myokardödem inferolateral.\nBeurteilung: Akute Myokarditis.' },
  { id: 'r2', label: 'NORMAL', text: 'Befund: Normale Größe und Funktion, kein LGE.\nBeurteilung: Normalbefund.' },
  { id: 'r|3', label: 'DCM', text: 'Befund: LV dilatiert, LVEF 25 %, kein LGE.\nBeurteilung: Dilatative Kardiomyopathie.' },
];
const input = join(root, 'reports.jsonl');
writeFileSync(input, REPORTS.map((r) => JSON.stringify(r)).join('\n'));
const MODEL = 'openai:Qwen/Qwen2.5-32B-Instruct';

async function cli(args: string[]) {
  const io = bufferIo();
  const code = await runCli(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}
const jsonl = (file: string) => readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
let uuid = 0;
const id = () => `${(++uuid).toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;

/** One output line as vLLM writes it for an answered request. */
function answered(customId: string, category: string, evidence: string[], p = 0.9): Record<string, unknown> {
  const content = JSON.stringify({ evidence, rationale: 'from the quotes', category });
  const logprobs = valueTokens(content, category, p, [['DCM', 1 - p]]).map((t) => ({ token: t.token, logprob: t.logprob, bytes: [], top_logprobs: (t.top ?? []).map(([token, logprob]) => ({ token, logprob, bytes: [] })) }));
  return {
    id: `vllm-${id()}`,
    custom_id: customId,
    response: {
      status_code: 200,
      request_id: `vllm-batch-${id()}`,
      body: {
        id: `chatcmpl-${id()}`,
        object: 'chat.completion',
        created: 1735000000,
        model: 'Qwen/Qwen2.5-32B-Instruct',
        choices: [{ index: 0, message: { role: 'assistant', content, tool_calls: [], reasoning_content: null }, logprobs: { content: logprobs }, finish_reason: 'stop', stop_reason: null }],
        usage: { prompt_tokens: 412, total_tokens: 460, completion_tokens: 48, prompt_tokens_details: null },
        prompt_logprobs: null,
      },
    },
    error: null,
  };
}
/** A request vLLM could not run (make_error_request_output): status 400, no body, the message as error. */
const failed = (customId: string, message: string) => ({ id: `vllm-${id()}`, custom_id: customId, response: { status_code: 400, request_id: `vllm-batch-${id()}`, body: null }, error: message });
const write = (file: string, lines: unknown[]) => writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');

test('batch round trip: export for vllm run-batch, import its output once, then evaluate', async () => {
  const dir = join(root, 'run');
  const exported = await cli(['batch', 'export', input, '--model', MODEL, '--out', dir]);
  assert.equal(exported.code, 0, exported.err);
  const file = join(dir, 'batch-Qwen_Qwen2.5-32B-Instruct.jsonl');
  assert.equal(exported.out.trim(), file);
  assert.match(exported.err, /3 request\(s\) for 3 report\(s\); run them with\n {2}vllm run-batch -i .*batch-Qwen_Qwen2\.5-32B-Instruct\.jsonl -o .*\.results\.jsonl --model Qwen\/Qwen2\.5-32B-Instruct/);

  // The requests: OpenAI Batch JSONL, the same prompt, schema and options classify sends.
  const requests = jsonl(file);
  assert.equal(requests.length, 3);
  for (const r of requests) {
    assert.deepEqual(Object.keys(r), ['custom_id', 'method', 'url', 'body']);
    assert.deepEqual([r.method, r.url, r.body.model, r.body.temperature, r.body.seed, r.body.max_tokens, r.body.logprobs, r.body.top_logprobs], ['POST', '/v1/chat/completions', 'Qwen/Qwen2.5-32B-Instruct', 0, 42, 1024 + 2048, true, 10]);
    assert.deepEqual(Object.keys(r.body.response_format.json_schema.schema.properties), ['evidence', 'rationale', 'category']);
    assert.match(r.body.messages[0].content, /^You are an experienced cardiologist/);
  }
  const run = requests[0].custom_id.split('|')[1];
  assert.deepEqual(requests.map((r: { custom_id: string }) => r.custom_id), [`cmrdx|${run}|openai%3AQwen%2FQwen2.5-32B-Instruct|r1|0`, `cmrdx|${run}|openai%3AQwen%2FQwen2.5-32B-Instruct|r2|0`, `cmrdx|${run}|openai%3AQwen%2FQwen2.5-32B-Instruct|r%7C3|0`]);
  assert.match(requests[0].body.messages[1].content, /Subepikardiales LGE/);

  // vLLM's output: r1 answered, r2 failed, r|3 missing (the engine was stopped).
  const [c1, c2, c3] = requests.map((r: { custom_id: string }) => r.custom_id) as [string, string, string];
  const results = join(dir, 'results.jsonl');
  write(results, [answered(c1, 'MYO', ['Subepikardiales LGE basal inferolateral']), failed(c2, "This model's maximum context length is 4096 tokens.\nHowever, you requested ...")]);
  const first = await cli(['batch', 'import', dir, results]);
  assert.equal(first.code, 1, 'some requests failed');
  assert.match(first.err, /1 answer\(s\) stored, 1 failed, 1 missing \(stored as errors\), 0 unchanged/);
  const lines = jsonl(join(dir, 'predictions.jsonl'));
  const byId = (x: string) => lines.find((l) => l.id === x);
  assert.equal(byId('r1').category, 'MYO');
  assert.deepEqual(byId('r1').evidence, [{ quote: 'Subepikardiales LGE basal inferolateral', start: 8, end: 47, alignment: 'exact' }]);
  assert.equal(byId('r1').confidence.source, 'logprobs');
  assert.ok(Math.abs(byId('r1').confidence.value - 0.9) < 1e-6);
  assert.deepEqual(byId('r1').details.usage, { promptTokens: 412, outputTokens: 48 });
  assert.equal(byId('r1').details.stopReason, 'stop');
  assert.deepEqual([byId('r2').category, byId('r2').error.code], [null, 'batch.failed']);
  assert.equal(byId('r2').error.message, "the batch engine failed this request (status 400: This model's maximum context length is 4096 tokens.)", 'one line of the message, no more');
  assert.deepEqual([byId('r|3').category, byId('r|3').error.code], [null, 'batch.missing']);
  assert.match(byId('r|3').error.message, /results\.jsonl has no line for this request/);

  // Importing the same file again is a no-op: no row rewritten.
  const stamp = () => {
    const db = new Database(join(dir, 'run.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT report_id, completed_at, line FROM predictions ORDER BY report_id').all();
    } finally {
      db.close();
    }
  };
  const before = stamp();
  const again = await cli(['batch', 'import', dir, results]);
  assert.match(again.err, /0 answer\(s\) stored, 0 failed, 0 missing \(stored as errors\), 3 unchanged/);
  assert.deepEqual(stamp(), before);

  // A later file with the missing answer fills it in; r1's answer is never written again, r2's failure stands.
  const later = join(dir, 'results-2.jsonl');
  write(later, [answered(c3, 'DCM', ['LVEF 25 %'], 0.6), answered(c1, 'HCM', [])]);
  const second = await cli(['batch', 'import', dir, later]);
  assert.match(second.err, /1 answer\(s\) stored, 0 failed, 0 missing \(stored as errors\), 2 unchanged/);
  const now = jsonl(join(dir, 'predictions.jsonl'));
  assert.deepEqual(now.map((l) => [l.id, l.category]), [['r1', 'MYO'], ['r2', null], ['r|3', 'DCM']]);

  // The run evaluates as any other.
  const ev = await cli(['evaluate', dir, '--resamples', '100']);
  assert.equal(ev.code, 0, ev.err);
  const metrics = JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8'));
  assert.deepEqual([metrics.readers[MODEL].n, metrics.readers[MODEL].failed], [3, 1]);
  assert.equal(metrics.readers[MODEL].selective.confidence.sources.logprobs, 2);

  // --retry-failed exports only what failed, under the same run.
  const retry = await cli(['batch', 'export', input, '--model', MODEL, '--out', dir, '--retry-failed']);
  assert.equal(retry.code, 0, retry.err);
  assert.deepEqual(jsonl(file).map((r) => r.custom_id), [c2]);
});

test('batch import of one model\'s file leaves the other models pending (vLLM serves one model per run), not missing', async () => {
  const dir = join(root, 'two-models');
  const OTHER = 'openai:google/gemma-2-27b-it';
  const exported = await cli(['batch', 'export', input, '--model', MODEL, '--model', OTHER, '--out', dir]);
  assert.equal(exported.code, 0, exported.err);
  const ids = (file: string) => jsonl(join(dir, file)).map((r: { custom_id: string }) => r.custom_id) as string[];
  const qwen = ids('batch-Qwen_Qwen2.5-32B-Instruct.jsonl');
  const gemma = ids('batch-google_gemma-2-27b-it.jsonl');
  write(join(dir, 'qwen.results.jsonl'), qwen.slice(0, 2).map((c) => answered(c, 'MYO', [])));
  const first = await cli(['batch', 'import', dir, join(dir, 'qwen.results.jsonl')]);
  assert.match(first.err, /2 answer\(s\) stored, 0 failed, 1 missing \(stored as errors\), 0 unchanged \(already stored\), 3 pending \(models this file has no answer of/);
  const models = () => jsonl(join(dir, 'predictions.jsonl')).map((l: { model: string; error: { code: string } | null }) => `${l.model} ${l.error?.code ?? 'ok'}`);
  assert.deepEqual(models().filter((m: string) => m.startsWith(OTHER)), [], 'no gemma request is stored as missing');
  write(join(dir, 'gemma.results.jsonl'), gemma.map((c) => answered(c, 'NORMAL', [])));
  const second = await cli(['batch', 'import', dir, join(dir, 'gemma.results.jsonl')]);
  assert.match(second.err, /3 answer\(s\) stored, 0 failed, 0 missing \(stored as errors\), 3 unchanged \(already stored\)\n/);
  assert.equal(models().filter((m: string) => m === `${OTHER} ok`).length, 3);
  // Evaluate on a folder with a batch exported and nothing answered yet says so (it crashed on best.name).
  const waiting = join(root, 'waiting');
  assert.equal((await cli(['batch', 'export', input, '--model', MODEL, '--out', waiting])).code, 0);
  const early = await cli(['evaluate', waiting]);
  assert.equal(early.code, 2, early.err);
  assert.match(early.err, /predictions\.jsonl: no reader has an answer here yet\. Classify first/);
  // An empty output (vLLM stopped before its first answer) is refused, nothing stored.
  write(join(dir, 'empty.results.jsonl'), []);
  const empty = await cli(['batch', 'import', dir, join(dir, 'empty.results.jsonl')]);
  assert.equal(empty.code, 2, empty.err);
  assert.match(empty.err, /empty\.results\.jsonl: has no answer to any request of this run\. Give the file vllm run-batch wrote/);
});

test('batch import refuses a line of another run, a file that is not vLLM output, and a duplicate, storing nothing', async () => {
  const dir = join(root, 'refuse');
  assert.equal((await cli(['batch', 'export', input, '--model', MODEL, '--out', dir])).code, 0);
  const file = join(dir, 'batch-Qwen_Qwen2.5-32B-Instruct.jsonl');
  const [c1] = jsonl(file).map((r) => r.custom_id as string);
  const stored = () => statSync(join(dir, 'predictions.jsonl')).size;
  const empty = stored();
  const cases: [string, unknown[] | string, RegExp][] = [
    ['another run', [answered(c1!, 'MYO', []), answered(c1!.replace(/^cmrdx\|[^|]+/, 'cmrdx|0123456789abcdef'), 'MYO', [])], /other\.jsonl:2: belongs to run 0123456789abcdef, not to this folder's run [0-9a-f]{16}\. Import it into the folder its batch was exported into/],
    ['the input file instead of the output', readFileSync(file, 'utf8'), /other\.jsonl:1: not a line of a vLLM batch output \(response: .*\)\. Import the output file of vllm run-batch \(-o\), not its input/],
    ['not JSON', 'garbage\n', /other\.jsonl:1: not JSON/],
    ['a custom_id cmrdx never wrote', [{ ...answered(c1!, 'MYO', []), custom_id: 'request-1' }], /other\.jsonl:1: custom_id "request-1" was not written by cmrdx batch export/],
    ['the same request twice', [answered(c1!, 'MYO', []), answered(c1!, 'DCM', [])], /other\.jsonl:2: answers the same request as line 1/],
  ];
  for (const [name, content, message] of cases) {
    const other = join(dir, 'other.jsonl');
    if (typeof content === 'string') writeFileSync(other, content);
    else write(other, content);
    const r = await cli(['batch', 'import', dir, other]);
    assert.equal(r.code, 2, `${name}: ${r.err}`);
    assert.match(r.err, message, name);
    assert.equal(stored(), empty, `${name}: nothing stored`);
  }
  const none = await cli(['batch', 'import', join(root, 'nowhere'), file]);
  assert.equal(none.code, 2);
  assert.match(none.err, /no batch was exported into this folder\. Write one first: cmrdx batch export/);
});

test('batch export with --samples: k requests per report with their seeds; import votes them', async () => {
  const dir = join(root, 'samples');
  assert.equal((await cli(['batch', 'export', input, '--model', MODEL, '--out', dir, '--samples', '3', '--temperature', '0.7', '--answer', 'category'])).code, 0);
  const requests = jsonl(join(dir, 'batch-Qwen_Qwen2.5-32B-Instruct.jsonl'));
  assert.equal(requests.length, 9);
  assert.deepEqual(requests.filter((r) => r.custom_id.includes('|r1|')).map((r) => [r.custom_id.split('|')[4], r.body.seed, r.body.max_tokens, r.body.response_format.json_schema.schema.type]), [['0', 42, 16 + 2048, 'string'], ['1', 1042, 2064, 'string'], ['2', 2042, 2064, 'string']]);
  const line = (customId: string, category: string) => ({ ...answered(customId, category, []), response: { ...(answered(customId, category, []).response as object), body: { choices: [{ index: 0, message: { role: 'assistant', content: `"${category}"` }, finish_reason: 'stop' }], usage: { prompt_tokens: 300, completion_tokens: 3 } } } });
  const ids = requests.map((r) => r.custom_id as string);
  write(join(dir, 'out.jsonl'), ids.map((c) => line(c, c.includes('|r1|') && c.endsWith('|2') ? 'DCM' : c.includes('|r1|') ? 'MYO' : c.includes('|r2|') ? 'NORMAL' : 'DCM')));
  const r = await cli(['batch', 'import', dir, join(dir, 'out.jsonl')]);
  assert.equal(r.code, 0, r.err);
  const r1 = jsonl(join(dir, 'predictions.jsonl')).find((l) => l.id === 'r1');
  assert.equal(r1.category, 'MYO');
  assert.deepEqual(r1.confidence, { source: 'samples', value: 0.666667, votes: { MYO: 2, DCM: 1 }, samples: 3 });
  assert.deepEqual(r1.details.usage, { promptTokens: 900, outputTokens: 9 });
});

test('batch export with --abstain offers the answers that give no category; import reads one as UNCLASSIFIED with its reason', async () => {
  const dir = join(root, 'abstain');
  assert.equal((await cli(['batch', 'export', input, '--model', MODEL, '--out', dir, '--abstain'])).code, 0);
  const requests = jsonl(join(dir, 'batch-Qwen_Qwen2.5-32B-Instruct.jsonl'));
  assert.ok(requests[0].body.response_format.json_schema.schema.properties.category.enum.includes('UNCLASSIFIED_NO_FINDINGS'));
  assert.match(requests[0].body.messages[0].content, /UNCLASSIFIED_NO_FINDINGS: the report states no findings/);
  const ids = requests.map((r) => r.custom_id as string);
  write(join(dir, 'out.jsonl'), ids.map((c) => answered(c, c.includes('|r2|') ? 'UNCLASSIFIED_NO_FINDINGS' : 'MYO', [])));
  const r = await cli(['batch', 'import', dir, join(dir, 'out.jsonl')]);
  assert.equal(r.code, 0, r.err);
  const r2 = jsonl(join(dir, 'predictions.jsonl')).find((l) => l.id === 'r2');
  assert.equal(r2.category, 'UNCLASSIFIED');
  assert.equal(r2.unclassified.reason, 'no_findings');
});

test('batch export refuses models that are not OpenAI-compatible, --translate, and samples at temperature 0', async () => {
  const cases: [string[], RegExp][] = [
    [['--model', 'ollama:qwen2.5:32b'], /batch export: --model ollama:qwen2\.5:32b is not an OpenAI-compatible model/],
    [['--model', MODEL, '--translate', 'openai:llama'], /unknown option '--translate'/],
    [['--model', MODEL, '--samples', '3'], /--samples 3: at temperature 0 every sample gives the same answer/],
  ];
  for (const [args, message] of cases) {
    const r = await cli(['batch', 'export', input, '--out', join(root, 'refused'), ...args]);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, message);
  }
});
