// Issue 10, point 5: answers are complete or failed. Valid JSON the server stopped at the output budget was
// stored as a normal prediction, a 300 MB answer was accepted, an empty 200 body read as "connection failed
// (Unexpected end of JSON input)", and Ollama cut prompts longer than num_ctx without anyone noticing. Each is
// now a stored error that says what to change (after one retry where a retry can help).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answer, type Behaviour, type ChatCall } from './helpers/fake-llm-server.js';
import { classifyWithServer, TWO_REPORTS } from './helpers/classify-with-server.js';
import { tempDir } from './helpers/temp-dir.js';

const dir = tempDir();
const budgetOf = (c: ChatCall) => Number(c.provider === 'ollama' ? (c.body.options as { num_predict: number }).num_predict : c.body.max_tokens);
const good = (c: ChatCall): Behaviour => (c.user.includes('Myokarditis') ? answer('MYO', ['Subepikardiales LGE basal inferolateral']) : answer('NORMAL', ['kein LGE']));

for (const provider of ['ollama', 'openai'] as const) {
  test(`${provider}: a length stop with valid JSON is asked once more with twice the output budget, and that answer is used`, async () => {
    const o = await classifyWithServer(dir, provider, { behaviour: (c) => (budgetOf(c) === 512 ? { ...(good(c) as object), doneReason: 'length' } as Behaviour : good(c)) }, { maxTokens: 512, settings: { think: 'off' } });
    assert.deepEqual(o.lines.map((l) => [l.id, l.category, l.error]), [['r1', 'MYO', null], ['r2', 'NORMAL', null]]);
    assert.deepEqual(o.calls.map(budgetOf).sort(), [1024, 1024, 512, 512], 'each report: 512, then 1024');
    assert.equal(o.lines[0]!.details!.outputBudget, 1024);
  });

  test(`${provider}: a length stop twice is answer.truncated, stored and counted as wrong, naming --max-tokens`, async () => {
    const o = await classifyWithServer(dir, provider, { behaviour: (c) => ({ ...(good(c) as object), doneReason: 'length' }) as Behaviour }, { maxTokens: 512, settings: { think: 'off' } });
    assert.equal(o.calls.length, 4, 'two requests per report');
    for (const l of o.lines) {
      assert.equal(l.category, null);
      assert.equal(l.error!.code, 'answer.truncated');
      assert.match(l.error!.message, /stopped at the output budget of 1024 tokens.*Raise --max-tokens \(now 512\)/);
    }
  });

  test(`${provider}: an answer over 1 MB is cut there and refused (answer.too_large), not retried`, async () => {
    const huge = JSON.stringify({ category: 'NORMAL', evidence: [], rationale: 'x'.repeat(3 * 1024 * 1024) });
    const o = await classifyWithServer(dir, provider, { behaviour: () => ({ kind: 'answer', content: huge }) });
    assert.equal(o.calls.length, 2, 'one request per report');
    for (const l of o.lines) {
      assert.equal(l.error!.code, 'answer.too_large');
      assert.match(l.error!.message, /the answer is larger than 1 MB; it was cut off there and refused\. Lower --max-tokens/);
    }
  });

  test(`${provider}: an empty 200 body is backend.empty_answer (retried, then stored)`, async () => {
    const o = await classifyWithServer(dir, provider, { behaviour: () => ({ kind: 'raw', body: '' }) }, { retries: 1 });
    assert.equal(o.calls.length, 4);
    for (const l of o.lines) {
      assert.equal(l.error!.code, 'backend.empty_answer');
      assert.match(l.error!.message, /^http:\/\/127\.0\.0\.1:\d+(\/v1)?: the server answered 200 with an empty body\. Check the server log/);
      assert.doesNotMatch(l.error!.message, /JSON input|connection failed/);
    }
  });

  test(`${provider}: a 200 body that is not JSON (a proxy's page) is backend.bad_answer`, async () => {
    const o = await classifyWithServer(dir, provider, { behaviour: () => ({ kind: 'raw', body: '<html>Login</html>', contentType: 'text/html' }) }, { retries: 0 });
    for (const l of o.lines) assert.match(`${l.error!.code} ${l.error!.message}`, /^backend\.bad_answer .*answered 200 with 18 bytes that are not JSON/);
  });

  test(`${provider}: a failed answer never loses the row: one prediction per report, whatever broke`, async () => {
    const o = await classifyWithServer(dir, provider, { behaviour: (c) => (c.n % 2 ? { kind: 'raw', body: '' } : { ...(good(c) as object), doneReason: 'length' } as Behaviour) }, { retries: 0 });
    assert.deepEqual(o.lines.map((l) => l.id).sort(), TWO_REPORTS.map((r) => r.id));
  });
}

test('ollama: prompt_eval_count reaching num_ctx means Ollama cut the prompt: asked once more with twice the context', async () => {
  const o = await classifyWithServer(dir, 'ollama', {
    behaviour: (c) => {
      const numCtx = (c.body.options as { num_ctx: number }).num_ctx;
      return numCtx <= 2048 ? answer('NORMAL', [], { promptTokens: numCtx }) : good(c);
    },
  }, { maxTokens: 512, settings: { think: 'off' } });
  assert.ok(o.lines.every((l) => l.error === null), JSON.stringify(o.lines.map((l) => l.error)));
  assert.deepEqual(o.calls.map((c) => (c.body.options as { num_ctx: number }).num_ctx).sort(), [2048, 2048, 4096, 4096]);
});

test('ollama: a prompt cut again at the larger context is backend.context_overflow, stored with what to change', async () => {
  const o = await classifyWithServer(dir, 'ollama', { behaviour: (c) => answer('NORMAL', [], { promptTokens: (c.body.options as { num_ctx: number }).num_ctx + 5 }) }, { maxTokens: 512, settings: { think: 'off' } });
  assert.equal(o.calls.length, 4);
  for (const l of o.lines) {
    assert.equal(l.category, null);
    assert.equal(l.error!.code, 'backend.context_overflow');
    assert.match(l.error!.message, /the prompt filled the whole context of 4096 tokens cmrdx asked for \(num_ctx\), so Ollama cut it\. Use a model with a longer context/);
  }
});

test('openai: prompt tokens beyond the requested context are not an overflow (the server sizes its own context)', async () => {
  const o = await classifyWithServer(dir, 'openai', { behaviour: () => answer('NORMAL', [], { promptTokens: 100_000 }) });
  assert.ok(o.lines.every((l) => l.error === null));
});
