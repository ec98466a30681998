import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EgressError } from '../../errors.js';
import { createReaders } from '../create-reader.js';
import { checkEndpoint, classifyAddress, guardedConnector, type Resolver } from './egress-guard.js';
import { createGuardedFetch } from './http.js';
import { startFakeServer } from '../../../test/helpers/fake-llm-server.js';

const ADDRESSES: [string, string][] = [
  ['127.0.0.1', 'loopback'],
  ['127.8.9.10', 'loopback'],
  ['0.0.0.0', 'loopback'],
  ['::1', 'loopback'],
  ['10.1.2.3', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['172.32.0.1', 'public'],
  ['172.15.0.1', 'public'],
  ['192.168.10.20', 'private'],
  ['192.169.0.1', 'public'],
  ['169.254.1.1', 'link-local'],
  ['fd12:3456::1', 'private'],
  ['fc00::1', 'private'],
  ['fe80::1%eth0', 'link-local'],
  ['::ffff:10.0.0.1', 'private'],
  ['::ffff:8.8.8.8', 'public'],
  // Issue 10: mapped IPv6 loopback in every spelling is loopback (the URL parser writes [::ffff:127.0.0.1] as
  // [::ffff:7f00:1], which was refused as "a public address").
  ['::ffff:127.0.0.1', 'loopback'],
  ['[::ffff:127.0.0.1]', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['0:0:0:0:0:ffff:7f00:1', 'loopback'],
  ['::FFFF:C0A8:0101', 'private'],
  ['::ffff:808:808', 'public'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['64:ff9b::808:808', 'public'],
  ['8.8.8.8', 'public'],
  ['2001:4860:4860::8888', 'public'],
  ['100.64.0.1', 'public'],
  ['not-an-ip', 'invalid'],
];
for (const [address, expected] of ADDRESSES) {
  test(`classifyAddress(${address}) = ${expected}`, () => assert.equal(classifyAddress(address), expected));
}

const resolverTo = (...addresses: string[]): Resolver => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

test('a name is resolved first: a private name passes, a public one is refused with a hint naming --allow-host', async () => {
  await checkEndpoint('http://gpu-server.klinik.local:11434', { allowHosts: [], resolve: resolverTo('10.20.30.40') });
  await assert.rejects(checkEndpoint('http://llm.example.com:11434', { allowHosts: [], resolve: resolverTo('93.184.216.34') }), (e: unknown) => {
    assert.ok(e instanceof EgressError);
    assert.match(e.message, /refused to send reports to llm\.example\.com \(93\.184\.216\.34, a public address\).*--allow-host llm\.example\.com/);
    return true;
  });
});

test('every address of a name must be private; an address literal needs no DNS', async () => {
  await assert.rejects(checkEndpoint('http://mixed.local', { allowHosts: [], resolve: resolverTo('10.0.0.1', '8.8.4.4') }), EgressError);
  await checkEndpoint('http://192.168.1.5:8000/v1', { allowHosts: [], resolve: async () => assert.fail('no lookup for an address') });
  await assert.rejects(checkEndpoint('http://8.8.8.8/', { allowHosts: [] }), EgressError);
});

test('--allow-host lets a named host through', async () => {
  await checkEndpoint('http://llm.example.com:11434', { allowHosts: ['LLM.example.com'], resolve: resolverTo('93.184.216.34') });
});

test('no connection is attempted for a public endpoint: the fetch is never called', async () => {
  let calls = 0;
  const spy = (async () => {
    calls++;
    throw new Error('must not be called');
  }) as unknown as typeof fetch;
  await assert.rejects(
    createReaders(['ollama:qwen2.5:32b'], { ollamaUrls: ['http://inference.cloud-provider.example:11434'], fetch: spy, resolve: resolverTo('203.0.113.7') }),
    (e: unknown) => e instanceof EgressError && /--allow-host/.test(e.message),
  );
  await assert.rejects(createReaders(['openai:gpt-x'], { openaiUrls: ['https://1.1.1.1/v1'], fetch: spy }), EgressError);
  assert.equal(calls, 0);
});

test('the checked address is the one connected to: a private name is dialled at its checked address', async () => {
  const server = await startFakeServer();
  try {
    const port = new URL(server.url).port;
    // "inference.klinik.internal" does not exist in any DNS; the guard's resolver says 127.0.0.1, and the
    // connection goes exactly there.
    const guarded = createGuardedFetch({ allowHosts: [], resolve: resolverTo('127.0.0.1') });
    const response = await guarded(`http://inference.klinik.internal:${port}/api/tags`);
    assert.equal(response.status, 200);
    // If the name later resolves to a public address, the connection itself is refused.
    const rebinding = createGuardedFetch({ allowHosts: [], resolve: resolverTo('93.184.216.34') });
    await assert.rejects(rebinding(`http://inference.klinik.internal:${port}/api/tags`), (e: unknown) => (e as { cause?: Error }).cause?.name === 'EgressError');
  } finally {
    await server.close();
  }
});

test('mapped IPv6 loopback is loopback as an endpoint, in the spelling users write', async () => {
  await checkEndpoint('http://[::ffff:127.0.0.1]:11434', { allowHosts: [] });
  await assert.rejects(checkEndpoint('http://[::ffff:8.8.8.8]:11434', { allowHosts: [] }), /refused to send reports to ::ffff:808:808 \(8\.8\.8\.8, a public address\)/);
  await checkEndpoint('http://[::ffff:8.8.8.8]:11434', { allowHosts: ['::ffff:8.8.8.8'] });
});

// The connector is where every socket of every backend request is made: an address literal never goes
// through a DNS lookup, so it is checked here, before the socket exists.
const CONNECT_CASES: [string, string, boolean][] = [
  ['a public IPv4 literal', '8.8.8.8', false],
  ['a public IPv6 literal', '2001:4860:4860::8888', false],
  ['a public address in mapped IPv6 spelling', '::ffff:808:808', false],
  ['loopback', '127.0.0.1', true],
  ['mapped IPv6 loopback', '::ffff:7f00:1', true],
  ['a private address', '10.1.2.3', true],
];
for (const [name, hostname, passes] of CONNECT_CASES) {
  test(`connector: ${name} (${hostname}) is ${passes ? 'dialled' : 'refused before any socket is made'}`, async () => {
    let dialled = 0;
    const base = ((_options: unknown, callback: (error: Error | null, socket: null) => void) => {
      dialled++;
      callback(new Error('test: not dialled for real'), null);
    }) as unknown as Parameters<typeof guardedConnector>[1];
    const error = await new Promise<Error | null>((resolve) => guardedConnector({ allowHosts: [] }, base)({ hostname, host: hostname, port: '80', protocol: 'http:' } as never, ((e: Error | null) => resolve(e)) as never));
    assert.equal(dialled, passes ? 1 : 0);
    if (!passes) assert.equal(error?.name, 'EgressError');
  });
}

test('connector: the peer address of a connected socket is checked again before anything is sent', async () => {
  let destroyed = false;
  const socket = { remoteAddress: '93.184.216.34', destroy: () => (destroyed = true) };
  const base = ((_o: unknown, callback: (error: Error | null, socket: unknown) => void) => callback(null, socket)) as unknown as Parameters<typeof guardedConnector>[1];
  const error = await new Promise<Error | null>((resolve) => guardedConnector({ allowHosts: [] }, base)({ hostname: 'inference.klinik.internal', host: 'inference.klinik.internal', port: '80', protocol: 'http:' } as never, ((e: Error | null) => resolve(e)) as never));
  assert.equal(error?.name, 'EgressError');
  assert.ok(destroyed);
});
