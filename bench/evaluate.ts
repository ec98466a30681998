/**
 * Benchmark: the study's next size. 4,000 reports, three models (each wrong on a different share, some failed),
 * their consensus and one human reader: `cmrdx consensus` then `cmrdx evaluate` through the CLI, 2,000
 * bootstrap resamples per reader, and selective prediction for the two models with confidences and the consensus. Target: both together under 10 s, report.html under 2 MB.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCohort } from '../src/synth/generate-cohort.js';
import { BIN } from './bin-path.js';

export const TARGET_SECONDS = 10;
export const TARGET_HTML_BYTES = 2_000_000;

function cli(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cmrdx ${args[0]} failed: ${result.stderr}`);
  return (performance.now() - started) / 1000;
}

export function printEvaluateBench(n = 4000): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'cmrdx-bench-evaluate-'));
  try {
    const reports = generateCohort({ seed: 'bench-evaluate', n });
    const run = join(dir, 'run');
    mkdirSync(run);
    writeFileSync(join(dir, 'reports.jsonl'), reports.map((r) => JSON.stringify({ id: r.id, text: r.text, label: r.label })).join('\n'));
    const wrong = (i: number, every: number) => i % every === 0;
    const lines = ['m1', 'm2', 'm3'].flatMap((model, k) =>
      reports.map((r, i) => {
        const failed = k === 2 && i % 50 === 0;
        const category = failed ? null : wrong(i, 7 + 4 * k) ? (r.label === 'NORMAL' ? 'DCM' : 'NORMAL') : r.label;
        const error = failed ? { type: 'BackendError', code: 'backend.timeout', message: 'timed out' } : null;
        // Confidences as logprobs give them (m3 has none), so selective prediction runs over 4,000 distinct values.
        const confidence = failed || k === 2 ? {} : { confidence: { source: 'logprobs', value: ((i * 7919) % 4000) / 4000 } };
        return JSON.stringify({ id: r.id, model, category, evidence: [], seconds: 2 + k + (i % 10) / 10, error, ...confidence });
      }),
    );
    writeFileSync(join(run, 'predictions.jsonl'), `${lines.join('\n')}\n`);
    const human = join(dir, 'cardiologist.csv');
    writeFileSync(human, `id,label,seconds\n${reports.map((r, i) => `${r.id},${wrong(i, 9) ? 'ICM' : r.label},${30 + (i % 40)}`).join('\n')}\n`);

    const seconds = cli(['consensus', run, '--models', 'm1,m2,m3', '--truth', join(dir, 'reports.jsonl')]) + cli(['evaluate', run, '--input', join(dir, 'reports.jsonl'), '--reader', `cardiologist=${human}`]);
    const bytes = statSync(join(run, 'report.html')).size;
    const ok = seconds < TARGET_SECONDS && bytes < TARGET_HTML_BYTES;
    console.log(`consensus + evaluate, ${n} reports x 3 models + consensus + 1 human, whole CLI: ${seconds.toFixed(2)} s (target < ${TARGET_SECONDS}), report.html ${(bytes / 1e6).toFixed(2)} MB (target < ${TARGET_HTML_BYTES / 1e6}) ${ok ? 'OK' : 'BELOW TARGET'}`);
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
