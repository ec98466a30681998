// Attacks on the reading page's server, as a page elsewhere, another local user or a broken client would make
// them: DNS rebinding (wrong Host), cross-site requests (Origin, Sec-Fetch-Site), a missing or wrong key, path
// traversal, oversized and malformed bodies, unknown categories, positions outside the session. Each must be
// refused without storing anything; only the one well-formed answer may reach the run store. And an answer
// given while a classify run holds the write lock waits for it instead of failing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { HumanAnswerStore } from '../run/human-answers.js';
import { DEFAULT_TAXONOMY } from '../taxonomy/taxonomy.js';
import { checkBindAddress } from './bind-address.js';
import type { LocalServer } from './local-server.js';
import { openReadingSession } from './reading-session.js';
import { serveSession } from './serve-session.js';
import type { PageSession } from './page-session.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers = { ...options.headers, ...(options.body !== undefined && !options.chunked ? { 'content-length': String(Buffer.byteLength(options.body)) } : {}) };
    const req = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body !== undefined) {
      if (options.chunked) {
        // No content-length: the size is only known as the bytes arrive.
        const buf = Buffer.from(options.body);
        for (let i = 0; i < buf.length; i += 4096) req.write(buf.subarray(i, i + 4096));
      } else req.write(options.body);
    }
    req.end();
  });
}

/** A request without any Host header (HTTP/1.0), which node's client cannot send. */
function sendRaw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let out = '';
    socket.on('data', (d) => (out += d.toString()));
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
  });
}

const reports = Array.from({ length: 5 }, (_, i) => ({ id: `r${i + 1}`, text: `Befund ${i + 1}: normale Funktion, kein LGE.`, label: 'NORMAL' }));

describe('the reading server refuses what is not its own page talking to it', () => {
  const dir = tempDir();
  let session: PageSession;
  let server: LocalServer;
  let key = '';
  let host = '';
  const refused: string[] = [];
  const api = (headers: Record<string, string> = {}) => ({ host, 'x-cmrdx-token': key, ...headers });
  const post = (body: string | Buffer, headers: Record<string, string> = {}, chunked = false) =>
    send(server.port, { method: 'POST', path: '/api/answer', headers: api({ 'content-type': 'application/json', ...headers }), body, chunked });
  const answer = (fields: Record<string, unknown>) => JSON.stringify({ i: 0, category: 'NORMAL', seconds: 12.5, ...fields });
  const stored = () => {
    const store = HumanAnswerStore.openExisting(dir)!;
    try {
      return [...store.answers('anna').values()];
    } finally {
      store.close();
    }
  };

  before(async () => {
    session = openReadingSession({ dir, reports, reader: 'anna', seed: '1', lang: 'en', taxonomy: DEFAULT_TAXONOMY });
    server = await serveSession(session, { bind: checkBindAddress(undefined), port: 0, onRefused: (r) => refused.push(r) });
    key = new URL(server.url).searchParams.get('key')!;
    host = new URL(server.url).host;
  });
  after(async () => {
    await server.close();
    session.close();
  });

  const refusals: [string, () => Promise<Reply>, number][] = [
    ['wrong Host (DNS rebinding)', () => send(server.port, { path: '/api/session', headers: api({ host: 'evil.example:80' }) }), 403],
    ['wrong Host with the right port', () => send(server.port, { path: '/api/session', headers: api({ host: `evil.example:${server.port}` }) }), 403],
    ['Host of another port', () => send(server.port, { path: '/api/session', headers: api({ host: `127.0.0.1:${server.port + 1}` }) }), 403],
    ['page under a rebound name', () => send(server.port, { path: `/?key=${key}`, headers: { host: `attacker.test:${server.port}` } }), 403],
    ['foreign Origin on an answer', () => post(answer({}), { origin: 'http://evil.example' }), 403],
    ['Origin "null" (sandboxed frame, file://)', () => post(answer({}), { origin: 'null' }), 403],
    ['foreign Origin on a read', () => send(server.port, { path: '/api/item?i=0', headers: api({ origin: `http://localhost:${server.port + 1}` }) }), 403],
    ['cross-site fetch', () => send(server.port, { path: '/api/item?i=0', headers: api({ 'sec-fetch-site': 'cross-site' }) }), 403],
    ['same-site (another port of this machine)', () => post(answer({}), { 'sec-fetch-site': 'same-site' }), 403],
    ['no key', () => send(server.port, { path: '/api/item?i=0', headers: { host } }), 403],
    ['wrong key of the same length', () => send(server.port, { path: '/api/item?i=0', headers: api({ 'x-cmrdx-token': key.replace(/./, (c) => (c === 'A' ? 'B' : 'A')) }) }), 403],
    ['answer without key', () => send(server.port, { method: 'POST', path: '/api/answer', headers: { host, 'content-type': 'application/json' }, body: answer({}) }), 403],
    ['page without key', () => send(server.port, { path: '/', headers: { host } }), 403],
    ['page with a wrong key', () => send(server.port, { path: '/?key=guess', headers: { host } }), 403],
    ['traversal ../', () => send(server.port, { path: '/../../etc/passwd', headers: api() }), 404],
    ['traversal %2e%2e', () => send(server.port, { path: '/%2e%2e/%2e%2e/etc/passwd', headers: api() }), 404],
    ['traversal %2f', () => send(server.port, { path: '/..%2f..%2fetc%2fpasswd', headers: api() }), 404],
    ['traversal under /api', () => send(server.port, { path: '/api/../../../etc/passwd', headers: api() }), 404],
    ['traversal after an API path', () => send(server.port, { path: '/api/session/../../package.json', headers: api() }), 404],
    ['double slash', () => send(server.port, { path: '//etc/passwd', headers: api() }), 404],
    ['a file name', () => send(server.port, { path: '/index.html', headers: api() }), 404],
    ['the run store', () => send(server.port, { path: '/run.sqlite', headers: api() }), 404],
    ['favicon', () => send(server.port, { path: '/favicon.ico', headers: api() }), 404],
    ['oversized body', () => post(answer({ comment: 'x'.repeat(20_000) })), 413],
    ['oversized body without length', () => post(answer({ comment: 'x'.repeat(40_000) }), {}, true), 413],
    ['bad JSON', () => post('{"i":0,"category":"NORMAL",'), 400],
    ['not JSON at all', () => post('i=0&category=NORMAL'), 400],
    ['a form post', () => post('i=0&category=NORMAL', { 'content-type': 'application/x-www-form-urlencoded' }), 415],
    ['text/plain (a no-preflight cross-site request)', () => post(answer({}), { 'content-type': 'text/plain' }), 415],
    ['unknown category', () => post(answer({ category: 'XYZ' })), 422],
    ['a category in lower case', () => post(answer({ category: 'normal' })), 422],
    ['no category without its reason', () => post(answer({ category: 'UNCLASSIFIED' })), 422],
    ['a reason beside a category', () => post(answer({ reason: 'not_cmr' })), 422],
    ['an unknown reason', () => post(answer({ category: 'UNCLASSIFIED', reason: 'tired' })), 400],
    ['no category in lower case', () => post(answer({ category: 'unclassified', reason: 'not_cmr' })), 422],
    ['a position after the last', () => post(answer({ i: 5 })), 404],
    ['a negative position', () => post(answer({ i: -1 })), 400],
    ['a fractional position', () => post(answer({ i: 1.5 })), 400],
    ['a position as text', () => post(answer({ i: '0' })), 400],
    ['a report id instead of a position', () => post(JSON.stringify({ id: 'r1', category: 'NORMAL', seconds: 3 })), 400],
    ['an extra field', () => post(answer({ reader: 'someone-else' })), 400],
    ['negative seconds', () => post(answer({ seconds: -1 })), 400],
    ['seconds beyond a day', () => post(answer({ seconds: 1e9 })), 400],
    ['no seconds', () => post(JSON.stringify({ i: 0, category: 'NORMAL' })), 400],
    ['a comment over 2000 characters', () => post(answer({ comment: 'x'.repeat(2001) })), 400],
    ['a JSON array', () => post('[0, "NORMAL", 3]'), 400],
    ['JSON null', () => post('null'), 400],
    ['PUT an answer', () => send(server.port, { method: 'PUT', path: '/api/answer', headers: api({ 'content-type': 'application/json' }), body: answer({}) }), 405],
    ['GET the answer endpoint', () => send(server.port, { path: '/api/answer', headers: api() }), 405],
    ['DELETE the page', () => send(server.port, { method: 'DELETE', path: `/?key=${key}`, headers: { host } }), 405],
    ['an item without a position', () => send(server.port, { path: '/api/item', headers: api() }), 400],
    ['an item at a position as words', () => send(server.port, { path: '/api/item?i=abc', headers: api() }), 400],
    ['an item outside the session', () => send(server.port, { path: '/api/item?i=99', headers: api() }), 404],
  ];
  for (const [name, attempt, status] of refusals) {
    test(`refused: ${name} (${status})`, async () => {
      const reply = await attempt();
      assert.equal(reply.status, status, reply.body);
      assert.doesNotMatch(reply.body, /root:|Befund \d/, 'nothing of the machine or of a report in a refusal');
      assert.equal(stored().length, 0, 'nothing stored');
    });
  }

  test('refused: a request without any Host header', async () => {
    const reply = await sendRaw(server.port, `GET /?key=${key} HTTP/1.0\r\n\r\n`);
    assert.match(reply, /^HTTP\/1\.[01] 403/);
    assert.doesNotMatch(reply, /Befund/);
  });

  test('the page: only with its key, self-contained, locked down by its headers', async () => {
    const reply = await send(server.port, { path: `/?key=${key}`, headers: { host: `localhost:${server.port}` } });
    assert.equal(reply.status, 200);
    const csp = String(reply.headers['content-security-policy']);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /connect-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(reply.headers['cache-control'], 'no-store');
    assert.equal(reply.headers['x-content-type-options'], 'nosniff');
    assert.equal((reply.body.match(/<script/g) ?? []).length, 1);
    assert.ok(reply.body.includes(`<script nonce="${nonce}">`));
    assert.doesNotMatch(reply.body, /(?:src|href)="(?!data:)/, 'nothing loaded from anywhere');
    assert.doesNotMatch(reply.body, /Befund \d/, 'report text only through the API');
    assert.doesNotMatch(reply.body, /\br[1-5]\b/, 'no report id');
  });

  test('the API without ids: an item is its text and the earlier answer', async () => {
    const reply = await send(server.port, { path: '/api/item?i=2', headers: api() });
    assert.equal(reply.status, 200);
    const item = JSON.parse(reply.body) as Record<string, unknown>;
    assert.deepEqual(Object.keys(item).sort(), ['answer', 'i', 'text']);
    assert.match(String(item.text), /^Befund \d/);
  });

  test('the one well-formed answer is stored, after all the refusals', async () => {
    assert.ok(refused.length > 0, 'refusals were told');
    const reply = await post(answer({ comment: '  =HYPERLINK("x")  ', unsure: true }));
    assert.equal(reply.status, 200, reply.body);
    assert.deepEqual(JSON.parse(reply.body), { answered: 1, total: 5, next: 1 });
    const [a] = stored();
    assert.deepEqual([a?.category, a?.seconds, a?.unsure, a?.comment], ['NORMAL', 12.5, true, '=HYPERLINK("x")']);
  });

  test('a reader\'s "no category" is stored with its reason, shown again with it, and replaced by a category', async () => {
    const reply = await post(answer({ i: 3, category: 'UNCLASSIFIED', reason: 'non_diagnostic', seconds: 6 }));
    assert.equal(reply.status, 200, reply.body);
    const item = JSON.parse((await send(server.port, { path: '/api/item?i=3', headers: api() })).body) as { answer: Record<string, unknown> };
    assert.deepEqual([item.answer.category, item.answer.reason], ['UNCLASSIFIED', 'non_diagnostic']);
    assert.equal(stored().find((a) => a.category === 'UNCLASSIFIED')?.unclassifiedReason, 'non_diagnostic');
    assert.equal((await post(answer({ i: 3, category: 'MYO', seconds: 2 }))).status, 200);
    const changed = stored().find((a) => a.firstCategory === 'UNCLASSIFIED')!;
    assert.deepEqual([changed.category, changed.unclassifiedReason, changed.seconds, changed.revisions], ['MYO', null, 8, 1]);
  });

  test('an answer while a classify run holds the write lock waits for it, then is stored', async () => {
    // Another process (as classify is) takes the write lock of run.sqlite for 1.5 s.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(join(dir, 'run.sqlite'))});
         db.exec('BEGIN IMMEDIATE'); db.exec('CREATE TABLE IF NOT EXISTS lock_test (x)'); db.prepare('INSERT INTO lock_test VALUES (1)').run();
         process.stdout.write('locked\\n'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500); db.exec('COMMIT'); db.close();`,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve()));
    const lockedAt = Date.now();
    const reply = await post(answer({ i: 1, category: 'DCM', seconds: 4 }));
    assert.equal(reply.status, 200, reply.body);
    // A lower bound, not a speed: the answer was written after the lock was released, not beside it.
    assert.ok(Date.now() - lockedAt >= 1000, 'the answer waited for the lock');
    await new Promise((resolve) => holder.once('exit', resolve));
    assert.equal(holder.exitCode, 0);
    assert.deepEqual(stored().map((a) => a.category).sort(), ['DCM', 'MYO', 'NORMAL']);
  });
});
