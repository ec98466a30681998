/**
 * Progress of a run on stderr: on a terminal a bar per model (done/total, rate, ETA, errors) drawn by
 * cli-progress; otherwise a plain line every few seconds, so logs of long runs stay readable. Ids and counts
 * only — never report text.
 */
import cliProgress from 'cli-progress';
import type { Prediction } from '../readers/reader.js';

export interface Progress {
  /** A prediction was committed. */
  tick(prediction: Prediction): void;
  note(line: string): void;
  stop(): void;
}

interface ModelCount {
  done: number;
  failed: number;
  total: number;
}

export function createProgress(options: { totals: Record<string, number>; write(text: string): void; isTTY: boolean; quiet?: boolean; intervalMs?: number }): Progress {
  const counts = new Map<string, ModelCount>(Object.entries(options.totals).map(([m, total]) => [m, { done: 0, failed: 0, total }]));
  const started = Date.now();
  if (options.quiet) return { tick: () => undefined, note: () => undefined, stop: () => undefined };

  const totalAll = () => [...counts.values()].reduce((s, c) => s + c.total, 0);
  const doneAll = () => [...counts.values()].reduce((s, c) => s + c.done, 0);
  /** Counts one prediction; the model's count, or undefined for a model this run does not know. */
  const count = (p: Prediction) => {
    const c = counts.get(p.model);
    if (c) {
      c.done++;
      if (p.error) c.failed++;
    }
    return c;
  };

  if (options.isTTY) {
    const multi = new cliProgress.MultiBar(
      {
        format: '{model} |{bar}| {value}/{total} · {rate}/s · ETA {eta_formatted} · errors {errors}',
        hideCursor: true,
        clearOnComplete: false,
        stream: process.stderr,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    const bars = new Map([...counts].map(([m, c]) => [m, multi.create(c.total, 0, { model: m.padEnd(24), rate: '0.0', errors: 0 })]));
    return {
      tick(p) {
        const c = count(p);
        if (!c) return;
        const seconds = Math.max(0.001, (Date.now() - started) / 1000);
        bars.get(p.model)?.update(c.done, { rate: (c.done / seconds).toFixed(1), errors: c.failed });
      },
      note: (line) => multi.log(`${line}\n`),
      stop: once(() => multi.stop()),
    };
  }

  const line = () => {
    const done = doneAll();
    const total = totalAll();
    const seconds = (Date.now() - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const eta = rate > 0 ? (total - done) / rate : Infinity;
    const models = [...counts].map(([m, c]) => `${m} ${c.done}/${c.total}${c.failed ? ` (${c.failed} failed)` : ''}`).join(', ');
    return `progress: ${done}/${total} (${rate.toFixed(1)}/s, ETA ${formatDuration(eta)}) — ${models}\n`;
  };
  const timer = setInterval(() => options.write(line()), options.intervalMs ?? 5000);
  timer.unref();
  return {
    tick: count,
    note: (text) => options.write(`${text}\n`),
    stop: once(() => {
      clearInterval(timer);
      if (doneAll() > 0) options.write(line());
    }),
  };
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      fn();
    }
  };
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  if (seconds < 60) return `${Math.round(seconds)}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}
