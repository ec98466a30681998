/**
 * Runs inside an empty network namespace (see test/egress-netns.test.ts): starts the fake inference server on
 * the namespace's loopback, scripted to redirect to a public address, runs the built CLI against it under
 * `strace -f -e trace=connect`, and prints {code, stdout, stderr} as JSON. The trace file is the evidence.
 * Usage: node --import tsx netns-scenario.ts <scenario> <dir>
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from './run-bin.js';
import { startFakeServer, type FakeServerOptions } from './fake-llm-server.js';

export const SCENARIOS: Record<string, { server?: FakeServerOptions; args(url: string, dir: string): string[] }> = {
  // Ollama: the model list is honest, every chat request is redirected to a public literal.
  'ollama-chat': {
    server: { models: ['m1'], behaviour: () => ({ kind: 'redirect', status: 307, location: 'http://8.8.8.8:11434/api/chat?token=secret' }) },
    args: (url, dir) => ['classify', join(dir, 'in.jsonl'), '--model', 'ollama:m1', '--ollama-url', url, '--out', join(dir, 'out'), '--retries', '2', '--quiet'],
  },
  // OpenAI-compatible: a 308 to a public IPv6 literal.
  'openai-chat': {
    server: { models: ['m1'], behaviour: () => ({ kind: 'redirect', status: 308, location: 'http://[2001:4860:4860::8888]:8000/v1/chat/completions' }) },
    args: (url, dir) => ['classify', join(dir, 'in.jsonl'), '--model', 'openai:m1', '--openai-url', `${url}/v1`, '--out', join(dir, 'out'), '--retries', '2', '--quiet'],
  },
  // cmrdx models: the model list itself is redirected.
  models: {
    server: { route: ({ path }) => (path === '/api/tags' ? { kind: 'redirect', status: 302, location: 'http://8.8.8.8:11434/api/tags' } : undefined) },
    args: (url) => ['models', '--ollama-url', url],
  },
  // An endpoint that is a public address in IPv4-mapped IPv6 spelling: refused before any socket.
  'mapped-literal': {
    args: (_url, dir) => ['classify', join(dir, 'in.jsonl'), '--model', 'ollama:m1', '--ollama-url', 'http://[::ffff:8.8.8.8]:11434', '--out', join(dir, 'out'), '--quiet'],
  },
};

const [scenarioName, dir] = process.argv.slice(2);
const scenario = SCENARIOS[scenarioName ?? ''];
if (!scenario || !dir) {
  console.error(`usage: netns-scenario.ts <${Object.keys(SCENARIOS).join('|')}> <dir>`);
  process.exit(2);
}
writeFileSync(join(dir, 'in.jsonl'), ['r1', 'r2'].map((id) => JSON.stringify({ id, text: 'Befund: Kein LGE. Beurteilung: Normalbefund.' })).join('\n'));
const server = await startFakeServer(scenario.server ?? {});
try {
  // Asynchronous: the server answers from this process's event loop while the CLI runs.
  const child = spawn('strace', ['-f', '-qq', '-e', 'trace=connect', '-o', join(dir, 'trace.txt'), process.execPath, BIN, ...scenario.args(server.url, dir)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  process.stdout.write(JSON.stringify({ code, stdout, stderr, url: server.url, requests: server.requests }));
} finally {
  await server.close();
}
