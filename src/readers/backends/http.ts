/**
 * HTTP for the backends: undici's fetch on an agent whose DNS lookup goes through the egress guard, so every
 * connection is to a checked address, and a per-request timeout (the official Ollama client has none).
 */
import { Agent, fetch as undiciFetch } from 'undici';
import { BackendError } from '../../errors.js';
import { guardedLookup, type EgressPolicy } from './egress-guard.js';

export function createGuardedFetch(policy: EgressPolicy): typeof fetch {
  const agent = new Agent({ connect: { lookup: guardedLookup(policy) }, keepAliveTimeout: 30_000 });
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], { ...(init as object), dispatcher: agent } as Parameters<typeof undiciFetch>[1])) as unknown as typeof fetch;
}

/** A fetch that gives up after `timeoutMs`, and when the caller's signal aborts. */
export function withTimeout(base: typeof fetch, timeoutMs: number, signal?: AbortSignal): typeof fetch {
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const signals = [AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : []), ...(init?.signal ? [init.signal] : [])];
    return base(input, { ...init, signal: AbortSignal.any(signals) });
  }) as typeof fetch;
}

/** Turns what fetch throws (refused, reset, timeout, abort) into a BackendError the scheduler understands. */
export function transportError(error: unknown, endpoint: string, timeoutMs: number): BackendError {
  const e = error as Error & { cause?: { code?: string; message?: string }; code?: string };
  const name = e?.name ?? '';
  const code = e?.cause?.code ?? e?.code ?? '';
  if (name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || /timed? ?out/i.test(e?.message ?? '')) {
    return new BackendError(`${endpoint}: no answer within ${Math.round(timeoutMs / 1000)} s`, { code: 'backend.timeout', isRetryable: true, hint: 'Raise --timeout, or lower --concurrency if the server is overloaded', cause: error });
  }
  if (name === 'AbortError') {
    return new BackendError(`${endpoint}: request cancelled`, { code: 'backend.aborted', isRetryable: false, cause: error });
  }
  if (name === 'EgressError' || (e?.cause as { name?: string } | undefined)?.name === 'EgressError') {
    return new BackendError((e.cause as Error | undefined)?.message ?? e.message, { code: 'egress.refused', isRetryable: false, cause: error });
  }
  const detail = code || e?.cause?.message || e?.message || String(error);
  return new BackendError(`${endpoint}: connection failed (${detail})`, { code: 'backend.connection', isRetryable: true, hint: 'Check that the server is running and the URL is right', cause: error });
}
