/** Spawns the built `cmrdx` executable (dist/cli/main.js) the way a user runs it. */
import { spawn, spawnSync, type ChildProcess, type SpawnSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export function runBin(args: string[], options: SpawnSyncOptions = {}): { code: number | null; stdout: string; stderr: string } {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" first (npm test does)`);
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, ...options });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/**
 * Runs the executable so that file permissions hold even for root (who may otherwise write anywhere): as root, under
 * setpriv without the capabilities that override them (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), still as root, so
 * the checkout stays readable wherever it lies (a clone in a 0700 temporary folder is out of reach of "nobody").
 */
export function runBinHonouringPermissions(args: string[]): { code: number | null; stdout: string; stderr: string } {
  if (process.getuid?.() !== 0) return runBin(args);
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" first (npm test does)`);
  const drop = '-dac_override,-dac_read_search';
  const result = spawnSync('setpriv', [`--inh-caps=${drop}`, `--bounding-set=${drop}`, '--', process.execPath, BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  if (result.error) throw new Error(`setpriv (util-linux) is needed to test permissions as root: ${result.error.message}`);
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** The same, without blocking the event loop (needed when the test itself runs the server the CLI talks to). */
export function runBinAsync(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return spawnBin(args).done;
}

/** Starts the CLI and returns at once: the child (to signal it) and a promise of its exit code and output. */
export function spawnBin(args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" first (npm test does)`);
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}
