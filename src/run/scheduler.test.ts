import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BackendError } from '../errors.js';
import { EndpointGivenUpError, schedule, type SchedTask, type SchedulerOptions } from './scheduler.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const retryable = () => new BackendError('HTTP 503', { code: 'backend.http', status: 503 });
const fatal = () => new BackendError('HTTP 400', { code: 'backend.http', status: 400 });

interface Log {
  calls: { task: number; endpoint: string; group: string; at: number }[];
  active: Map<string, number>;
  maxActive: Map<string, number>;
}

function tasks(n: number, opts: { endpoints: string[]; group?: (i: number) => string; work: (i: number, endpoint: string, attempt: number) => Promise<string>; log: Log }): SchedTask<string>[] {
  const attempts = new Map<number, number>();
  return Array.from({ length: n }, (_, i) => ({
    group: opts.group?.(i) ?? 'm',
    endpoints: opts.endpoints,
    async run(endpoint: string) {
      const attempt = attempts.get(i) ?? 0;
      attempts.set(i, attempt + 1);
      opts.log.calls.push({ task: i, endpoint, group: opts.group?.(i) ?? 'm', at: Date.now() });
      opts.log.active.set(endpoint, (opts.log.active.get(endpoint) ?? 0) + 1);
      opts.log.maxActive.set(endpoint, Math.max(opts.log.maxActive.get(endpoint) ?? 0, opts.log.active.get(endpoint)!));
      try {
        return await opts.work(i, endpoint, attempt);
      } finally {
        opts.log.active.set(endpoint, opts.log.active.get(endpoint)! - 1);
      }
    },
  }));
}

const newLog = (): Log => ({ calls: [], active: new Map(), maxActive: new Map() });

function options(overrides: Partial<SchedulerOptions<string>> = {}) {
  const done: string[] = [];
  const failed: { error: unknown; attempts: number }[] = [];
  const opts: SchedulerOptions<string> = {
    concurrency: () => 2,
    retries: 2,
    backoff: { baseMs: 1, maxMs: 5 },
    cooldown: { afterFailures: 3, ms: 30, giveUpAfter: 3 },
    isRetryable: (e) => BackendError.isInstance(e) && (e as BackendError).isRetryable,
    onDone: (_t, r) => done.push(r),
    onFailed: (_t, error, meta) => failed.push({ error, attempts: meta.attempts }),
    random: () => 0.5,
    ...overrides,
  };
  return { opts, done, failed };
}

test('every task runs once, and no endpoint gets more than its slots', async () => {
  const log = newLog();
  const { opts, done } = options({ concurrency: (e) => (e === 'a' ? 3 : 1) });
  const result = await schedule(tasks(30, { endpoints: ['a', 'b'], log, work: async (i) => (await sleep(5), `r${i}`) }), opts);
  assert.deepEqual(result, { done: 30, failed: 0, unfinished: 0, interrupted: false });
  assert.equal(new Set(done).size, 30);
  assert.equal(log.maxActive.get('a'), 3);
  assert.equal(log.maxActive.get('b'), 1);
});

test('several endpoints share the work: both are used, in parallel', async () => {
  const log = newLog();
  const { opts } = options({ concurrency: () => 2 });
  const started = Date.now();
  await schedule(tasks(40, { endpoints: ['gpu1', 'gpu2'], log, work: async (i) => (await sleep(20), `r${i}`) }), opts);
  const elapsed = Date.now() - started;
  const onGpu2 = log.calls.filter((c) => c.endpoint === 'gpu2').length;
  assert.ok(onGpu2 >= 15 && onGpu2 <= 25, `gpu2 took ${onGpu2} of 40`);
  assert.ok(elapsed < 40 * 20 * 0.5, `4 slots in parallel, took ${elapsed} ms`);
});

test('a retryable failure is retried; a non-retryable one is not; retries run out', async () => {
  const log = newLog();
  const { opts, done, failed } = options({ retries: 2 });
  await schedule(
    tasks(3, {
      endpoints: ['a'],
      log,
      work: async (i, _e, attempt) => {
        if (i === 0 && attempt === 0) throw retryable();
        if (i === 1) throw fatal();
        if (i === 2) throw retryable();
        return `r${i}`;
      },
    }),
    opts,
  );
  assert.deepEqual(done, ['r0']);
  assert.equal(log.calls.filter((c) => c.task === 0).length, 2);
  assert.equal(log.calls.filter((c) => c.task === 1).length, 1, 'a 400 is not retried');
  assert.equal(log.calls.filter((c) => c.task === 2).length, 3, 'first try and two retries');
  assert.deepEqual(failed.map((f) => f.attempts).sort(), [1, 3]);
});

test('backoff grows exponentially between retries', async () => {
  const log = newLog();
  const { opts } = options({ retries: 3, backoff: { baseMs: 20, maxMs: 1000 }, cooldown: { afterFailures: 99, ms: 1, giveUpAfter: 99 } });
  await schedule(tasks(1, { endpoints: ['a'], log, work: async () => Promise.reject(retryable()) }), opts);
  const gaps = log.calls.slice(1).map((c, i) => c.at - log.calls[i]!.at);
  // random() = 0.5 gives exactly base * 2^attempt: 20, 40, 80 ms.
  assert.ok(gaps[0]! >= 15 && gaps[1]! >= 35 && gaps[2]! >= 70, `gaps ${gaps.join(', ')}`);
});

test('an endpoint that keeps failing is cooled down while the others carry on', async () => {
  const log = newLog();
  const { opts, done, failed } = options({ retries: 5, cooldown: { afterFailures: 2, ms: 10_000, giveUpAfter: 5 }, concurrency: () => 1 });
  await schedule(tasks(20, { endpoints: ['broken', 'good'], log, work: async (i, endpoint) => (endpoint === 'broken' ? Promise.reject(retryable()) : (await sleep(2), `r${i}`)) }), opts);
  assert.equal(done.length, 20);
  assert.equal(failed.length, 0);
  assert.equal(log.calls.filter((c) => c.endpoint === 'broken').length, 2, 'after two failures in a row it rests (10 s) and gets no more work');
});

test('an endpoint that never recovers is given up, and its tasks fail instead of waiting forever', async () => {
  const log = newLog();
  const { opts, done, failed } = options({ retries: 10, cooldown: { afterFailures: 1, ms: 5, giveUpAfter: 2 }, concurrency: () => 1 });
  const started = Date.now();
  await schedule(tasks(5, { endpoints: ['down'], log, work: async () => Promise.reject(retryable()) }), opts);
  assert.equal(done.length, 0);
  assert.equal(failed.length, 5);
  assert.ok(failed.some((f) => f.error instanceof EndpointGivenUpError));
  assert.ok(Date.now() - started < 2000);
});

test('tasks of one model stay together on an endpoint (Ollama keeps one model loaded)', async () => {
  const log = newLog();
  const { opts } = options({ concurrency: () => 1 });
  // Input order interleaves the models; the queue groups them.
  await schedule(tasks(12, { endpoints: ['a'], group: (i) => (i % 2 === 0 ? 'qwen' : 'gemma'), log, work: async (i) => `r${i}` }), opts);
  const switches = log.calls.filter((c, i) => i > 0 && c.group !== log.calls[i - 1]!.group).length;
  assert.equal(switches, 1);
});

test('stop: no new tasks start, in-flight ones finish; abandon cancels them', async () => {
  const log = newLog();
  const stop = new AbortController();
  const { opts, done } = options({ concurrency: () => 2, stop: stop.signal });
  const result = await schedule(
    tasks(10, {
      endpoints: ['a'],
      log,
      work: async (i) => {
        if (i === 2) stop.abort();
        await sleep(10);
        return `r${i}`;
      },
    }),
    opts,
  );
  assert.equal(result.interrupted, true);
  assert.equal(done.length, 3, 'the two in flight when stop came, and the one that stopped it');
  assert.equal(result.unfinished, 7);

  const abandon = new AbortController();
  const cancelled: string[] = [];
  const o2 = options({ concurrency: () => 2, stop: abandon.signal, abandon: abandon.signal });
  const r2 = await schedule(
    Array.from({ length: 4 }, (_, i) => ({
      group: 'm',
      endpoints: ['a'],
      run: (_e: string, signal: AbortSignal) =>
        new Promise<string>((resolve, reject) => {
          const t = setTimeout(() => resolve(`r${i}`), 200);
          signal.addEventListener('abort', () => {
            clearTimeout(t);
            cancelled.push(`r${i}`);
            reject(signal.reason);
          });
          if (i === 1) setTimeout(() => abandon.abort(), 10);
        }),
    })),
    o2.opts,
  );
  assert.deepEqual(cancelled.sort(), ['r0', 'r1']);
  assert.equal(o2.done.length + o2.failed.length, 0, 'abandoned tasks are neither done nor failed');
  assert.equal(r2.unfinished, 4);
});
