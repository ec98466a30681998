/**
 * One coordinator that keeps every inference server busy. All (report, model) tasks wait in one queue,
 * grouped by model; each endpoint has its own number of slots and takes the next task of the model it is
 * already serving (Ollama swaps models in and out of GPU memory, so switching is expensive). Retryable failures
 * go back into the queue after an exponential backoff with jitter, maybe to another endpoint; an endpoint that
 * keeps failing is cooled down while the others carry on, and one that never recovers is given up for the run.
 * A stop signal ends the taking of new work; an abandon signal also cancels what is in flight.
 */
import { setMaxListeners } from 'node:events';

export interface SchedTask<R> {
  /** Tasks of one group (one model) are kept together on an endpoint. */
  group: string;
  /** The endpoints this task may run on. */
  endpoints: readonly string[];
  run(endpoint: string, signal: AbortSignal): Promise<R>;
}

export interface TaskMeta {
  endpoint: string;
  attempts: number;
}

export interface SchedulerOptions<R> {
  /** Slots per endpoint (requests it is sent at once). */
  concurrency(endpoint: string): number;
  /** Extra attempts for a retryable failure (0: try once). */
  retries: number;
  backoff?: { baseMs: number; maxMs: number };
  /** After this many failures in a row an endpoint rests for `ms`; after `giveUpAfter` rests in a row it is dropped. */
  cooldown?: { afterFailures: number; ms: number; giveUpAfter: number };
  isRetryable(error: unknown): boolean;
  onDone(task: SchedTask<R>, result: R, meta: TaskMeta): void;
  /** A task that failed for good (not retryable, out of retries, or no endpoint left). */
  onFailed(task: SchedTask<R>, error: unknown, meta: TaskMeta): void;
  /** A request was sent to an endpoint / it settled (answered, failed or abandoned). */
  onStart?(task: SchedTask<R>, endpoint: string): void;
  onSettle?(task: SchedTask<R>, endpoint: string): void;
  /** Stop taking new tasks; in-flight ones finish. */
  stop?: AbortSignal;
  /** Cancel in-flight tasks too (they are neither done nor failed: a resumed run does them again). */
  abandon?: AbortSignal;
  random?: () => number;
}

export interface ScheduleResult {
  done: number;
  failed: number;
  /** Tasks never finished because of a stop or abandon signal. */
  unfinished: number;
  interrupted: boolean;
}

interface Endpoint {
  name: string;
  slots: number;
  active: number;
  group: string | undefined;
  failures: number;
  restUntil: number;
  rests: number;
  dead: boolean;
}

interface Retry<R> {
  task: SchedTask<R>;
  attempts: number;
  notBefore: number;
}

export class EndpointGivenUpError extends Error {
  constructor(readonly endpoints: readonly string[], readonly last: unknown) {
    super(`no endpoint left for this model (${endpoints.join(', ')} kept failing)${last instanceof Error ? `; last error: ${last.message}` : ''}`);
    this.name = 'EndpointGivenUpError';
  }
}

export function schedule<R>(tasks: SchedTask<R>[], options: SchedulerOptions<R>): Promise<ScheduleResult> {
  const backoff = options.backoff ?? { baseMs: 500, maxMs: 30_000 };
  const cooldown = options.cooldown ?? { afterFailures: 3, ms: 30_000, giveUpAfter: 3 };
  const random = options.random ?? Math.random;

  // Queues per group, in the order groups first appear; a head index instead of shift() keeps it O(1).
  const groups = new Map<string, { tasks: SchedTask<R>[]; head: number }>();
  for (const task of tasks) {
    const g = groups.get(task.group);
    if (g) g.tasks.push(task);
    else groups.set(task.group, { tasks: [task], head: 0 });
  }
  const retries: Retry<R>[] = [];
  const endpoints = new Map<string, Endpoint>();
  for (const task of tasks) {
    for (const name of task.endpoints) {
      if (!endpoints.has(name)) endpoints.set(name, { name, slots: Math.max(1, options.concurrency(name)), active: 0, group: undefined, failures: 0, restUntil: 0, rests: 0, dead: false });
    }
  }
  const lastError = new Map<string, unknown>();
  const inflight = new Set<SchedTask<R>>();
  let done = 0;
  let failed = 0;
  let queued = tasks.length;
  let timer: NodeJS.Timeout | undefined;

  return new Promise<ScheduleResult>((resolve) => {
    const stopped = () => Boolean(options.stop?.aborted || options.abandon?.aborted);
    const finishIfIdle = () => {
      if (inflight.size > 0) return;
      if (!stopped() && queued > 0) return;
      if (timer) clearTimeout(timer);
      resolve({ done, failed, unfinished: queued, interrupted: stopped() && queued > 0 });
    };

    const usable = (task: SchedTask<R>) => task.endpoints.some((e) => !endpoints.get(e)!.dead);

    /** A task whose endpoints were all given up fails now instead of waiting forever. */
    const failHopeless = (task: SchedTask<R>, attempts: number) => {
      queued--;
      failed++;
      options.onFailed(task, new EndpointGivenUpError(task.endpoints, lastError.get(task.group)), { endpoint: task.endpoints[0] ?? '', attempts });
    };

    const take = (ep: Endpoint, now: number): { task: SchedTask<R>; attempts: number } | undefined => {
      // Retries that are due come first, preferring the endpoint's current model.
      let best = -1;
      for (let i = 0; i < retries.length; i++) {
        const r = retries[i]!;
        if (r.notBefore > now || !r.task.endpoints.includes(ep.name)) continue;
        if (best === -1 || (r.task.group === ep.group && retries[best]!.task.group !== ep.group)) best = i;
      }
      if (best !== -1) {
        const [r] = retries.splice(best, 1);
        return { task: r!.task, attempts: r!.attempts };
      }
      const fromGroup = (name: string) => {
        const g = groups.get(name);
        if (!g || g.head >= g.tasks.length || !g.tasks[g.head]!.endpoints.includes(ep.name)) return undefined;
        const task = g.tasks[g.head]!;
        g.tasks[g.head++] = undefined as unknown as SchedTask<R>; // let finished tasks be collected
        return task;
      };
      const same = ep.group !== undefined ? fromGroup(ep.group) : undefined;
      if (same) return { task: same, attempts: 0 };
      for (const name of groups.keys()) {
        const task = fromGroup(name);
        if (task) {
          ep.group = name;
          return { task, attempts: 0 };
        }
      }
      return undefined;
    };

    const pump = () => {
      if (timer) {
        clearTimeout(timer);
        timer = undefined;
      }
      if (stopped()) return finishIfIdle();
      const now = Date.now();
      // Fail what can no longer run anywhere.
      for (let i = retries.length - 1; i >= 0; i--) {
        if (usable(retries[i]!.task)) continue;
        const [r] = retries.splice(i, 1);
        failHopeless(r!.task, r!.attempts);
      }
      for (const g of groups.values()) {
        while (g.head < g.tasks.length && !usable(g.tasks[g.head]!)) failHopeless(g.tasks[g.head++]!, 0);
      }
      for (const ep of endpoints.values()) {
        if (ep.dead || ep.restUntil > now) continue;
        while (ep.active < ep.slots) {
          const next = take(ep, now);
          if (!next) break;
          start(ep, next.task, next.attempts);
        }
      }
      // Nothing to do right now but retries or rests pending: wake up when the first one is due.
      // A loop, not Math.min(...): with thousands of retries pending a spread overflows the call stack.
      let wake = Infinity;
      for (const r of retries) wake = Math.min(wake, r.notBefore);
      for (const e of endpoints.values()) if (!e.dead && e.restUntil > now) wake = Math.min(wake, e.restUntil);
      if (Number.isFinite(wake) && queued > 0) timer = setTimeout(pump, Math.max(1, wake - now));
      finishIfIdle();
    };

    // Every in-flight task listens to the same abandon signal: no controller per task (100,000 tasks stay small).
    // Each request in flight may add a listener to it, so more than the default ten are expected.
    const signal = options.abandon ?? new AbortController().signal;
    setMaxListeners(0, signal);
    const start = (ep: Endpoint, task: SchedTask<R>, attempts: number) => {
      ep.active++;
      inflight.add(task);
      options.onStart?.(task, ep.name);
      const settle = () => {
        ep.active--;
        inflight.delete(task);
        options.onSettle?.(task, ep.name);
      };
      const meta = () => ({ endpoint: ep.name, attempts: attempts + 1 });
      task.run(ep.name, signal).then(
        (result) => {
          settle();
          if (options.abandon?.aborted) return pump();
          ep.failures = 0;
          ep.rests = 0;
          queued--;
          done++;
          options.onDone(task, result, meta());
          pump();
        },
        (error: unknown) => {
          settle();
          if (options.abandon?.aborted) return pump();
          lastError.set(task.group, error);
          if (options.isRetryable(error)) {
            if (++ep.failures >= cooldown.afterFailures) {
              ep.failures = 0;
              ep.restUntil = Date.now() + cooldown.ms;
              if (++ep.rests >= cooldown.giveUpAfter) ep.dead = true;
            }
            if (attempts < options.retries) {
              const delay = Math.min(backoff.maxMs, backoff.baseMs * 2 ** attempts) * (0.5 + random());
              retries.push({ task, attempts: attempts + 1, notBefore: Date.now() + delay });
              return pump();
            }
          }
          queued--;
          failed++;
          options.onFailed(task, error, meta());
          pump();
        },
      );
    };

    options.stop?.addEventListener('abort', pump, { once: true });
    options.abandon?.addEventListener('abort', pump, { once: true });
    pump();
  });
}
