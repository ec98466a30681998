// Where the reading page may listen: loopback or a private address of this machine, never a public address, a
// name, or every interface at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBindAddress, hostHeader } from './bind-address.js';

const allowed: [string | undefined, string, boolean][] = [
  [undefined, '127.0.0.1', true],
  ['127.0.0.1', '127.0.0.1', true],
  ['127.0.0.2', '127.0.0.2', true],
  ['::1', '::1', true],
  ['[::1]', '::1', true],
  ['10.1.2.3', '10.1.2.3', false],
  ['172.16.0.9', '172.16.0.9', false],
  ['192.168.178.20', '192.168.178.20', false],
  ['fd12:3456::1', 'fd12:3456::1', false],
];
for (const [value, host, loopback] of allowed) {
  test(`--host ${value ?? '(default)'} is allowed`, () => assert.deepEqual(checkBindAddress(value), { host, loopback }));
}

const refused: [string, RegExp][] = [
  ['0.0.0.0', /every network interface/],
  ['::', /every network interface/],
  ['0:0:0:0:0:0:0:0', /every network interface/],
  ['8.8.8.8', /a public address/],
  ['172.32.0.1', /a public address/],
  ['2001:db8::1', /a public address/],
  ['169.254.10.10', /a link-local address/],
  ['fe80::1', /a link-local address/],
  ['localhost', /not an IP address/],
  ['ward-pc.hospital.local', /not an IP address/],
  ['127.0.0.1:8080', /not an IP address/],
];
for (const [value, why] of refused) {
  test(`--host ${value} is refused`, () => assert.throws(() => checkBindAddress(value), (e: Error) => why.test(e.message) && e.message.startsWith(`--host ${value}:`)));
}

test('the Host header a browser sends for the address', () => {
  assert.equal(hostHeader('127.0.0.1', 8080), '127.0.0.1:8080');
  assert.equal(hostHeader('::1', 8080), '[::1]:8080');
});
