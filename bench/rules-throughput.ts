/**
 * Benchmark: how many reports per second the guideline engine classifies through the whole CLI
 * (`cmrdx classify --model rules`: read, parse, classify, commit to SQLite, export). Start-up is excluded by
 * timing a one-report run as well and subtracting it. Target: >= 2,000 reports per second on one core.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCohort } from '../src/synth/generate-cohort.js';
import { BIN } from './bin-path.js';

export const TARGET_REPORTS_PER_SECOND = 2000;

function timeRun(input: string, out: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [BIN, 'classify', input, '--model', 'rules', '--out', out, '--quiet'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`classify failed: ${result.stderr}`);
  return (performance.now() - started) / 1000;
}

export function benchRulesThroughput(n = 10_000): { reportsPerSecond: number; seconds: number; n: number } {
  const dir = mkdtempSync(join(tmpdir(), 'cmrdx-bench-rules-'));
  try {
    const reports = generateCohort({ seed: 'bench', n, mix: { OTHER: Math.round(n / 10) } });
    const big = join(dir, 'reports.jsonl');
    const one = join(dir, 'one.jsonl');
    writeFileSync(big, reports.map((r) => JSON.stringify({ id: r.id, text: r.text })).join('\n'));
    writeFileSync(one, JSON.stringify({ id: reports[0]!.id, text: reports[0]!.text }));
    const startup = Math.min(timeRun(one, join(dir, 'o1')), timeRun(one, join(dir, 'o2')));
    const total = timeRun(big, join(dir, 'big'));
    const seconds = total - startup;
    return { reportsPerSecond: (n - 1) / seconds, seconds, n };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printRulesThroughput(): boolean {
  const { reportsPerSecond, seconds, n } = benchRulesThroughput();
  const ok = reportsPerSecond >= TARGET_REPORTS_PER_SECOND;
  console.log(`rules reader, whole CLI: ${n} reports in ${seconds.toFixed(2)} s after start-up = ${Math.round(reportsPerSecond)} reports/s (target >= ${TARGET_REPORTS_PER_SECOND}) ${ok ? 'OK' : 'BELOW TARGET'}`);
  return ok;
}
