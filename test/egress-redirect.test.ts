// Issue 10, point 1: a loopback server could send report text anywhere with a 307 (undici followed redirects,
// and the guard's DNS hook never ran for IP literals). No backend request follows a redirect now: a 3xx is
// an `egress.redirect` error naming the endpoint and the Location's host (never its query), not retried.
// Here the redirect points at a second local server that records whatever reaches it; the namespace test
// (egress-netns.test.ts) points it at public addresses and watches the connect() calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../src/cli/program.js';
import { bufferIo } from '../src/cli/io.js';
import { startFakeServer, type Behaviour, type FakeServer } from './helpers/fake-llm-server.js';
import { tempDir } from './helpers/temp-dir.js';

const dir = tempDir();
const input = join(dir, 'in.jsonl');
writeFileSync(input, ['r1', 'r2', 'r3'].map((id) => JSON.stringify({ id, text: 'Befund: Kein LGE. Beurteilung: Normalbefund.' })).join('\n'));

async function withServers(first: (elsewhere: FakeServer) => Parameters<typeof startFakeServer>[0], run: (url: string, elsewhere: FakeServer) => Promise<void>) {
  const elsewhere = await startFakeServer({ models: ['m1'] });
  const server = await startFakeServer(first(elsewhere));
  try {
    await run(server.url, elsewhere);
    assert.deepEqual(elsewhere.requests, [], 'nothing reached the redirect target');
  } finally {
    await server.close();
    await elsewhere.close();
  }
}

const CHAT_CASES: [string, number, (out: string, url: string) => string[], string][] = [
  ['ollama', 307, (out, url) => ['--model', 'ollama:m1', '--ollama-url', url, '--out', out], '/api/chat'],
  ['openai', 308, (out, url) => ['--model', 'openai:m1', '--openai-url', `${url}/v1`, '--out', out], '/v1/chat/completions'],
];
for (const [provider, status, flags, path] of CHAT_CASES) {
  test(`${provider}: a ${status} on the chat request is an egress.redirect error per report, never followed and not retried`, async () => {
    let chats = 0;
    await withServers(
      (elsewhere) => ({ models: ['m1'], behaviour: (): Behaviour => (chats++, { kind: 'redirect', status, location: `${elsewhere.url}${path}?session=SECRET-QUERY` }) }),
      async (url, elsewhere) => {
        const out = join(dir, `chat-${provider}`);
        const io = bufferIo();
        assert.equal(await runCli(['classify', input, ...flags(out, url), '--retries', '3', '--quiet'], io), 1, io.stderr());
        const lines = readFileSync(join(out, 'predictions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { category: string | null; error: { code: string; message: string } });
        assert.equal(lines.length, 3);
        for (const l of lines) {
          assert.equal(l.category, null);
          assert.equal(l.error.code, 'egress.redirect');
          assert.ok(l.error.message.startsWith(`${url}${path}: the server answered ${status} with a redirect to ${new URL(elsewhere.url).host}`), l.error.message);
          assert.ok(!l.error.message.includes('SECRET-QUERY'), 'the Location query is never shown');
        }
        assert.equal(chats, 3, 'one request per report: a redirect is not retried');
      },
    );
  });
}

test('a redirect on the preflight stops classify before any report is sent (exit 2)', async () => {
  await withServers(
    (elsewhere) => ({ models: ['m1'], route: ({ path }) => (path === '/api/tags' ? { kind: 'redirect', location: `${elsewhere.url}/api/tags` } : undefined) }),
    async (url) => {
      const io = bufferIo();
      assert.equal(await runCli(['classify', input, '--model', 'ollama:m1', '--ollama-url', url, '--out', join(dir, 'preflight')], io), 2);
      assert.match(io.stderr(), /^cmrdx: http:\/\/127\.0\.0\.1:\d+\/api\/tags: the server answered 307 with a redirect to 127\.0\.0\.1:\d+; cmrdx never follows redirects.*--ollama-url/);
      assert.equal(io.stderr().split('\n').filter(Boolean).length, 1, 'one line');
    },
  );
});

test('cmrdx models does not follow a redirect either', async () => {
  await withServers(
    (elsewhere) => ({ route: ({ path }) => (path === '/api/tags' ? { kind: 'redirect', status: 301, location: `${elsewhere.url}/api/tags?k=SECRET-QUERY` } : undefined) }),
    async (url, elsewhere) => {
      const io = bufferIo();
      assert.equal(await runCli(['models', '--ollama-url', url], io), 2);
      assert.match(io.stdout(), new RegExp(`unreachable: the server answered 301 with a redirect to ${new URL(elsewhere.url).host.replace(/\./g, '\\.')}`));
      assert.ok(!io.stdout().includes('SECRET-QUERY'));
    },
  );
});
