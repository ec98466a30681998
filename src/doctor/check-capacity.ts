/**
 * Capacity: how many requests the server really serves at once. Short requests (classify's own requests, in
 * category mode when the prompt has one, with a 16-token budget) go through the scheduler at concurrency 1, 2, 4, 8, ... until the throughput stops
 * rising (less than 10 % more), a level fails, or the time bound is near. The slots it implies are the best
 * throughput times the time of one request alone (the fastest at concurrency 1); the recommended --concurrency is the lowest level within 10 %
 * of the best. Bounded in time: a level that would not finish within what is left of the budget is not started.
 */
import { schedule, type SchedTask } from '../run/scheduler.js';
import { eitherSignal, isTimeout } from './budget.js';
import { count, fail, ok, warn, type CheckResult } from './check-result.js';
import { readerFor, type DoctorTarget } from './doctor-target.js';
import { errorCode } from './safe-text.js';

/** Output tokens of a capacity request: enough to be a real generation, short enough to be quick. */
export const SHORT_ANSWER_TOKENS = 16;
const GAIN = 1.1;
const MAX_CONCURRENCY = 64;

export interface CapacityLevel {
  concurrency: number;
  requests: number;
  seconds: number;
  perSecond: number;
}

export interface Capacity {
  levels: CapacityLevel[];
  /** Parallel requests the measurements imply. */
  slots: number;
  recommended: number;
  /** Why the sweep ended: the throughput stopped rising, the time bound, the largest level, a failure. */
  ended: 'plateau' | 'time' | 'max' | 'failure';
  /** Seconds per short request at the recommended concurrency. */
  secondsPerShortRequest: number;
}

/** Runs `n` short requests at `concurrency` through the scheduler; the first failure ends the level. */
async function level(target: DoctorTarget, concurrency: number, n: number, signal: AbortSignal): Promise<{ seconds: number; fastest: number; error?: unknown }> {
  const reports = (target.smoke.reports.length > 0 ? target.smoke.reports : target.input).slice(0, 12);
  // classify's own requests, in category mode when the prompt has it, cut to a short answer.
  const reader = readerFor(target, target.backend, target.smoke.taxonomy, target.prompt.modes.includes('category') ? { mode: 'category', maxTokens: SHORT_ANSWER_TOKENS, samples: 1 } : { samples: 1 });
  const requests = reports.map((r) => reader.plan(r)[0]!);
  const endpoint = target.backend.endpoint;
  let failure: unknown;
  let fastest = Infinity;
  const stop = new AbortController();
  const tasks: SchedTask<unknown>[] = Array.from({ length: n }, (_, i) => ({
    group: 'capacity',
    endpoints: [endpoint],
    run: async (_endpoint, abandon) => {
      const sent = performance.now();
      await target.backend.generate({ ...requests[i % requests.length]!, maxTokens: SHORT_ANSWER_TOKENS, ...(target.contextTokens ? { contextTokens: target.contextTokens } : {}), signal: eitherSignal(signal, abandon) });
      fastest = Math.min(fastest, (performance.now() - sent) / 1000);
    },
  }));
  const started = performance.now();
  await schedule(tasks, {
    concurrency: () => concurrency,
    retries: 0,
    isRetryable: () => false,
    stop: eitherSignal(stop.signal, signal),
    onDone: () => undefined,
    onFailed: (_task, error) => {
      failure ??= error;
      stop.abort();
    },
  });
  return { seconds: (performance.now() - started) / 1000, fastest, ...(failure !== undefined || signal.aborted ? { error: failure ?? signal.reason } : {}) };
}

export async function measureCapacity(target: DoctorTarget, budgetMs: number): Promise<{ capacity?: Capacity; error?: unknown }> {
  const started = performance.now();
  const signal = AbortSignal.timeout(budgetMs);
  const levels: CapacityLevel[] = [];
  let ended: Capacity['ended'] = 'max';
  let latency = 0;
  for (let c = 1; c <= MAX_CONCURRENCY; c *= 2) {
    const n = c === 1 ? 3 : 2 * c;
    const previous = levels.at(-1);
    const left = (budgetMs - (performance.now() - started)) / 1000;
    // Bounded: a level that would not end within what is left is not started.
    if (previous && n / previous.perSecond > left * 0.8) {
      ended = 'time';
      break;
    }
    const run = await level(target, c, n, signal);
    if (run.error !== undefined) {
      if (levels.length === 0) return { error: run.error };
      ended = signal.aborted ? 'time' : 'failure';
      break;
    }
    const perSecond = n / run.seconds;
    levels.push({ concurrency: c, requests: n, seconds: run.seconds, perSecond });
    // One request alone, at its fastest: the server's time for it, without the client's gaps between requests.
    if (c === 1) latency = run.fastest;
    if (previous && perSecond < previous.perSecond * GAIN) {
      ended = 'plateau';
      break;
    }
  }
  const best = Math.max(...levels.map((l) => l.perSecond));
  const chosen = levels.find((l) => l.perSecond >= best / GAIN)!;
  return { capacity: { levels, slots: Math.max(1, Math.round(best * latency)), recommended: chosen.concurrency, ended, secondsPerShortRequest: 1 / chosen.perSecond } };
}

const rate = (n: number) => (n >= 10 ? n.toFixed(0) : n.toFixed(1));

export function capacityResult(target: DoctorTarget, result: { capacity?: Capacity; error?: unknown }, server: string | undefined, serverSlots: number | undefined): CheckResult {
  const { capacity, error } = result;
  if (!capacity) {
    const why = target.sent.reason(target.backend.endpoint, error);
    const slow = isTimeout(error) || (error instanceof Error && error.name === 'TimeoutError');
    return fail('capacity', `a single short request failed: ${why}`, 'Check the server log; classify would fail the same way', { code: errorCode(error), ...(slow ? { timedOut: true } : {}) });
  }
  const { levels, slots, recommended } = capacity;
  const sweep = `${levels.map((l) => l.concurrency).join(', ')} at once: ${levels.map((l) => rate(l.perSecond)).join(', ')} answers/s`;
  const ending = capacity.ended === 'time' ? ' (the time bound ended the sweep while it still rose)' : capacity.ended === 'failure' ? ' (requests failed at the next level)' : capacity.ended === 'max' ? ` (still rising at ${MAX_CONCURRENCY})` : '';
  const said = serverSlots ? `, the server says ${serverSlots}` : '';
  const detail = `${sweep}${ending}; about ${count(slots)} parallel slot${slots === 1 ? '' : 's'}${said}; use --concurrency ${recommended}`;
  const measured = { ...capacity, serverSlots: serverSlots ?? null };
  if (capacity.ended === 'failure') return warn('capacity', detail, `More requests at once made the server fail: keep --concurrency at ${recommended} or lower`, measured);
  if (slots === 1 && (target.backend.provider === 'ollama' || server === 'Ollama')) {
    return warn('capacity', detail, 'Ollama serves one request at a time: start it with OLLAMA_NUM_PARALLEL=4 (it needs memory for four contexts) and run doctor again', measured);
  }
  if (serverSlots && slots < serverSlots * 0.75) {
    return warn('capacity', detail, `The server has ${serverSlots} slots but serves about ${slots} at once: check its log (memory, a busy GPU)`, measured);
  }
  return ok('capacity', detail, measured);
}
