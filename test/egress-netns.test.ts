// Issue 10, point 1, where it cannot leak: the built CLI runs inside an empty network namespace (only `lo`, so
// no packet can leave even if the guard failed) under `strace -f -e trace=connect`, against a loopback server
// that redirects to public literals. The trace must show connect() calls to the loopback server (proof that
// tracing works) and none to the public addresses. Linux only, with unshare (user + network namespace), ip
// and strace; it says why it skips elsewhere. CI sets CMRDX_REQUIRE_NETNS=1 (.ci/run), which turns a skip
// into a failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './helpers/temp-dir.js';

const SCENARIO = fileURLToPath(new URL('./helpers/netns-scenario.ts', import.meta.url));
const dir = tempDir();

function whyNot(): string | undefined {
  if (process.platform !== 'linux') return `network namespaces need Linux (this is ${process.platform})`;
  for (const tool of ['unshare', 'ip', 'strace']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} is not installed (apt-get install ${tool === 'strace' ? 'strace' : tool === 'ip' ? 'iproute2' : 'util-linux'})`;
  }
  const probe = spawnSync('unshare', ['-rn', 'sh', '-c', 'ip link set lo up'], { encoding: 'utf8' });
  if (probe.status !== 0) return `cannot make a network namespace here (unshare -rn: ${probe.stderr.trim() || `exit ${probe.status}`}); run as root or enable unprivileged user namespaces`;
  return undefined;
}
const reason = whyNot();
const required = process.env.CMRDX_REQUIRE_NETNS === '1';
if (reason && required) test('the network-namespace egress test runs (CMRDX_REQUIRE_NETNS=1)', () => assert.fail(`required but cannot run: ${reason}`));

const PUBLIC = /8\.8\.8\.8|2001:4860:4860|::ffff:808:808/;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  url: string;
  requests: string[];
  connects: string[];
}

function inNamespace(scenario: string): Outcome {
  const where = join(dir, scenario);
  mkdirSync(where);
  const result = spawnSync('unshare', ['-rn', 'sh', '-c', `ip link set lo up && exec "${process.execPath}" --import tsx "${SCENARIO}" ${scenario} "${where}"`], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.status, 0, `the scenario ran: ${result.stderr}`);
  const outcome = JSON.parse(result.stdout) as Omit<Outcome, 'connects'>;
  const connects = readFileSync(join(where, 'trace.txt'), 'utf8').split('\n').filter((l) => / connect\(/.test(l));
  return { ...outcome, connects };
}

const CASES: [string, (o: Outcome) => void][] = [
  ['ollama-chat', (o) => assert.equal(o.code, 1, 'the run finished with every prediction failed')],
  ['openai-chat', (o) => assert.equal(o.code, 1)],
  ['models', (o) => {
    assert.equal(o.code, 2);
    assert.match(o.stdout, /redirect to 8\.8\.8\.8:11434; cmrdx never follows redirects/);
  }],
  ['mapped-literal', (o) => {
    assert.equal(o.code, 2);
    assert.match(o.stderr, /refused to send reports to ::ffff:808:808 \(8\.8\.8\.8, a public address\)/);
  }],
];

for (const [scenario, check] of CASES) {
  test(`in an empty network namespace under strace: ${scenario} makes no connect() to a public address`, { skip: reason && !required ? reason : false }, () => {
    const o = inNamespace(scenario);
    check(o);
    const leaks = o.connects.filter((l) => PUBLIC.test(l));
    assert.deepEqual(leaks, [], 'no connect() to the redirect target');
    if (scenario !== 'mapped-literal') {
      const port = new URL(o.url).port;
      assert.ok(o.connects.some((l) => l.includes('127.0.0.1') && l.includes(`htons(${port})`)), `strace saw the connection to the loopback server:\n${o.connects.join('\n')}`);
    }
  });
}
