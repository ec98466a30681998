// Pins a privacy bug: when an inference server answered a chat request with an error, classify kept the first 200
// characters of the server's message in the prediction's error, and servers quote the request there (FastAPI-based
// servers' validation errors repeat the input, a template error the prompt). So report text reached
// predictions.jsonl, the predictions table of run.sqlite, the workbook of `cmrdx export`, and any terminal that
// printed the error. doctor already hid such messages (src/doctor/safe-text.ts); classify now keeps only the error's
// kind, the HTTP status and a short server message without quoted text, or none when it repeats what was sent.
// Reproduce: a server that answers 500 {"error": "cannot process: <the prompt>"};
// cmrdx classify r.jsonl -m ollama:m1 --ollama-url <it> --retries 0 -o out; grep Subepikardiales out/predictions.jsonl
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { startFakeServer, type Behaviour, type ChatCall } from './helpers/fake-llm-server.js';
import { tempDir } from './helpers/temp-dir.js';

/** Short and long sentences: a short one is what a cut-off message or a window check could let through. */
const REPORT = [
  'Kardio-MRT vom 12.03.2024.',
  'Kein Perikarderguss.',
  'Kein Thrombus.',
  'Subepikardiales LGE basal inferolateral mit Myokardödem in der T2-gewichteten Sequenz.',
  'LVEF 48 %.',
  'Beurteilung: Befundkonstellation vereinbar mit einer akuten Myokarditis.',
].join('\n');
const SENTENCES = REPORT.split('\n');

/** Ways a server echoes the request in its error: the whole prompt, a quoted stretch, a FastAPI validation body. */
const ECHOES: { name: string; behaviour(call: ChatCall): Behaviour }[] = [
  { name: 'the whole prompt in a JSON error', behaviour: (c) => ({ kind: 'status', status: 500, message: `cannot process the request: ${c.user}\n${c.system}` }) },
  { name: 'the report in quotes after the error', behaviour: (c) => ({ kind: 'status', status: 500, message: `template error at "${c.user.slice(c.user.indexOf('Kein'), c.user.indexOf('Kein') + 20)}": bad token` }) },
  {
    name: 'a FastAPI validation body, as plain text',
    behaviour: (c) => ({ kind: 'status', status: 500, json: false, message: `[{'type': 'string_too_long', 'loc': ('body', 'messages', 1, 'content'), 'msg': 'too long', 'input': '${c.user.replace(/'/g, "\\'")}'}]` }),
  },
  { name: 'one short sentence of the report, unquoted', behaviour: (c) => ({ kind: 'status', status: 500, message: `worker crashed on Kein Thrombus. (request ${c.n})` }) },
];

/** Every file of the run folder whose name starts with run.sqlite (the store, and its WAL while it exists). */
const storeBytes = (out: string) => Buffer.concat(readdirSync(out).filter((f) => f.startsWith('run.sqlite')).map((f) => readFileSync(join(out, f))));

const count = (haystack: Buffer, needle: string) => {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) n++;
  return n;
};

for (const provider of ['ollama', 'openai'] as const) {
  for (const echo of ECHOES) {
    test(`${provider}: a 500 echoing ${echo.name} leaves no report sentence in predictions.jsonl, run.sqlite, stdout or stderr`, async () => {
      const dir = tempDir();
      const input = join(dir, 'r.jsonl');
      writeFileSync(input, `${JSON.stringify({ id: 'r1', text: REPORT })}\n`);
      const server = await startFakeServer({ models: ['m1'], kind: provider === 'openai' ? 'vllm' : 'ollama', behaviour: echo.behaviour });
      const out = join(dir, 'out');
      const io = bufferIo();
      try {
        const flags = provider === 'ollama' ? ['-m', 'ollama:m1', '--ollama-url', server.url] : ['-m', 'openai:m1', '--openai-url', `${server.url}/v1`];
        assert.equal(await runCli(['classify', input, ...flags, '--retries', '0', '-o', out], io), 1, io.stderr());
      } finally {
        await server.close();
      }
      assert.ok(server.calls.some((c) => c.user.includes('Kein Thrombus.') && c.user.includes('Subepikardiales LGE')), 'the report was sent');
      const [line] = readFileSync(join(out, 'predictions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { error: { type: string; code: string; status?: number; message: string } });
      // What is kept: the kind, the status, and the server's message in words without the report.
      assert.equal(line!.error.code, 'backend.http');
      assert.equal(line!.error.status, 500);
      assert.match(line!.error.message, /answered 500/);
      const predictions = readFileSync(join(out, 'predictions.jsonl'), 'utf8');
      const store = storeBytes(out);
      for (const sentence of SENTENCES) {
        for (const [where, text] of [['predictions.jsonl', predictions], ['stdout', io.stdout()], ['stderr', io.stderr()]] as const) {
          assert.ok(!text.includes(sentence), `${where} holds "${sentence}": ${text}`);
        }
        // The reports table keeps the one copy of the text that privacy.md lists; any other copy is a leak.
        assert.equal(count(store, sentence), 1, `run.sqlite holds "${sentence}" ${count(store, sentence)} time(s)`);
      }
    });
  }
}

test('batch import: a failed line whose first line quotes the request keeps no report sentence', async () => {
  const dir = tempDir();
  const input = join(dir, 'r.jsonl');
  writeFileSync(input, `${JSON.stringify({ id: 'r1', text: REPORT })}\n`);
  const out = join(dir, 'out');
  assert.equal(await runCli(['batch', 'export', input, '-m', 'openai:m1', '-o', out], bufferIo()), 0);
  const [request] = readFileSync(join(out, 'batch-m1.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { custom_id: string; body: { messages: { content: string }[] } });
  const results = join(dir, 'results.jsonl');
  // vLLM's make_error_request_output: status 400, no body, the message (here a validation error repeating the input).
  const message = `1 validation error: input ${request!.body.messages[1]!.content.replace(/\n/g, ' ')}`;
  writeFileSync(results, `${JSON.stringify({ id: 'vllm-1', custom_id: request!.custom_id, response: { status_code: 400, request_id: 'vllm-batch-1', body: null }, error: message })}\n`);
  const io = bufferIo();
  assert.equal(await runCli(['batch', 'import', out, results], io), 1, io.stderr());
  const predictions = readFileSync(join(out, 'predictions.jsonl'), 'utf8');
  assert.match(predictions, /the batch engine failed this request \(status 400: /);
  const store = storeBytes(out);
  for (const sentence of SENTENCES) {
    assert.ok(!predictions.includes(sentence) && !io.stderr().includes(sentence) && !io.stdout().includes(sentence), `"${sentence}" kept: ${predictions}`);
    assert.equal(count(store, sentence), 1, `run.sqlite holds "${sentence}" ${count(store, sentence)} time(s)`);
  }
});
