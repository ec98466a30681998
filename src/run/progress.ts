/**
 * Progress of a run on stderr: on a terminal a bar per model (done/total, rate, ETA, errors) drawn by
 * cli-progress; otherwise a plain line every few seconds, so logs of long runs stay readable. A server that
 * has requests and has not answered for a while shows as "waiting for <endpoint> (N s)" from the first
 * seconds, so a hung server is never silence. Ids and counts only — never report text.
 */
import cliProgress from 'cli-progress';
import type { Prediction } from '../readers/reader.js';

export interface Progress {
  /** A prediction was committed. */
  tick(prediction: Prediction): void;
  /** A request to `endpoint` started or settled. */
  request(endpoint: string, event: 'start' | 'end'): void;
  note(line: string): void;
  stop(): void;
}

/** After how long without an answer an endpoint with requests in flight shows as waiting. */
export const WAITING_AFTER_MS = 2000;

/** Per endpoint: requests in flight, and since when it has not answered (the last answer, or its first request). */
export class Waiting {
  private readonly endpoints = new Map<string, { active: number; since: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  request(endpoint: string, event: 'start' | 'end'): void {
    const e = this.endpoints.get(endpoint) ?? { active: 0, since: this.now() };
    if (event === 'start' && e.active === 0) e.since = this.now();
    if (event === 'end') e.since = this.now();
    e.active = Math.max(0, e.active + (event === 'start' ? 1 : -1));
    this.endpoints.set(endpoint, e);
  }

  /** "waiting for http://10.0.0.11:11434 (17 s)", or '' when every busy endpoint answered recently. */
  describe(): string {
    const now = this.now();
    const waiting = [...this.endpoints].filter(([, e]) => e.active > 0 && now - e.since >= WAITING_AFTER_MS);
    return waiting.map(([name, e]) => `waiting for ${name} (${Math.floor((now - e.since) / 1000)} s)`).join(', ');
  }
}

interface ModelCount {
  done: number;
  failed: number;
  total: number;
}

export function createProgress(options: { totals: Record<string, number>; write(text: string): void; isTTY: boolean; quiet?: boolean; intervalMs?: number }): Progress {
  const counts = new Map<string, ModelCount>(Object.entries(options.totals).map(([m, total]) => [m, { done: 0, failed: 0, total }]));
  const started = Date.now();
  if (options.quiet) return { tick: () => undefined, request: () => undefined, note: () => undefined, stop: () => undefined };
  const waiting = new Waiting();

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
    // One line under the bars for the servers that keep the run waiting.
    const status = multi.create(1, 0, { status: '' }, { format: '{status}' });
    const timer = setInterval(() => status.update(0, { status: waiting.describe() }), 1000);
    timer.unref();
    return {
      tick(p) {
        const c = count(p);
        if (!c) return;
        const seconds = Math.max(0.001, (Date.now() - started) / 1000);
        bars.get(p.model)?.update(c.done, { rate: (c.done / seconds).toFixed(1), errors: c.failed });
      },
      request: (endpoint, event) => waiting.request(endpoint, event),
      note: (line) => multi.log(`${line}\n`),
      stop: once(() => {
        clearInterval(timer);
        multi.remove(status);
        multi.stop();
      }),
    };
  }

  const line = () => {
    const done = doneAll();
    const total = totalAll();
    const seconds = (Date.now() - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const eta = rate > 0 ? (total - done) / rate : Infinity;
    const models = [...counts].map(([m, c]) => `${m} ${c.done}/${c.total}${c.failed ? ` (${c.failed} failed)` : ''}`).join(', ');
    const wait = waiting.describe();
    return `progress: ${done}/${total} (${rate.toFixed(1)}/s, ETA ${formatDuration(eta)}) — ${models}${wait ? ` — ${wait}` : ''}\n`;
  };
  // A line every interval; the first one as soon as a server keeps the run waiting.
  const interval = options.intervalMs ?? 5000;
  let lastLine = Date.now();
  let waitShown = false;
  const timer = setInterval(() => {
    const now = Date.now();
    const wait = waiting.describe() !== '';
    if (now - lastLine >= interval || (wait && !waitShown)) {
      options.write(line());
      lastLine = now;
    }
    waitShown = wait;
  }, Math.min(1000, interval));
  timer.unref();
  return {
    tick: count,
    request: (endpoint, event) => waiting.request(endpoint, event),
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
