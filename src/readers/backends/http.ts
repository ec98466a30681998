/**
 * HTTP for the backends. `createGuardedFetch`: undici's fetch on an agent whose connector goes through the
 * egress guard (address literals and DNS answers alike), and which never follows a redirect: a 3xx could send
 * the report text to any host, so it is an `egress.redirect` error. `boundedFetch`: one request with a
 * timeout that tells "no answer at all" from "slow answer", the caller's cancel signal, and a body read whole
 * up to a size cap (an empty or non-JSON 2xx body is an error here, not a puzzle for the client library).
 */
import { Agent, fetch as undiciFetch } from 'undici';
import { BackendError, CmrdxError } from '../../errors.js';
import { guardedConnector, type EgressPolicy } from './egress-guard.js';

/** The most an answer to a chat request may be: far above any real answer, far below what hurts memory. */
export const MAX_ANSWER_BYTES = 1024 * 1024;
/** The most any other answer (model lists, model info) may be. */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** How long the quick requests (model list, model info) may take by default: a working server answers at once. */
export const STATUS_TIMEOUT_MS = 10_000;

type FetchInput = Parameters<typeof fetch>[0];

const urlOf = (input: FetchInput): URL => new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
/** Where a request went, without its query (which is never shown). */
const placeOf = (url: URL) => `${url.origin}${url.pathname}`;

export function createGuardedFetch(policy: EgressPolicy): typeof fetch {
  const agent = new Agent({ connect: guardedConnector(policy), keepAliveTimeout: 30_000 });
  return (async (input: FetchInput, init?: RequestInit) => {
    const response = await undiciFetch(input as Parameters<typeof undiciFetch>[0], { ...(init as object), dispatcher: agent, redirect: 'manual' } as Parameters<typeof undiciFetch>[1]);
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined);
      throw redirectError(urlOf(input), response.status, response.headers.get('location'));
    }
    return response;
  }) as unknown as typeof fetch;
}

function redirectError(url: URL, status: number, location: string | null): BackendError {
  let target = 'no address';
  try {
    if (location) target = new URL(location, url).host || 'an address without a host';
  } catch {
    target = 'an unreadable address';
  }
  return new BackendError(`${placeOf(url)}: the server answered ${status} with a redirect to ${target}; cmrdx never follows redirects, so report text cannot be sent on to another host`, {
    code: 'egress.redirect',
    status,
    isRetryable: false,
    hint: 'Point --ollama-url or --openai-url at the inference server itself, not at a proxy or load balancer that redirects',
  });
}

export interface RequestLimits {
  /** The endpoint named in messages (the backend's base URL). */
  endpoint: string;
  timeoutMs: number;
  /** The caller's cancel signal (the scheduler's abandon signal). */
  signal?: AbortSignal;
  /** Body size cap; default MAX_RESPONSE_BYTES. */
  maxBytes?: number;
  /**
   * A cheap status request to the same server, tried when a request got no answer in time: if the server
   * answers it, the request was slow; if not, the server hangs.
   */
  probe?: () => Promise<unknown>;
}

/**
 * A fetch for requests under `limits`. The whole body is read here (bounded), so a timeout while waiting for
 * the response and one while reading it are told apart, and the client library gets a complete body.
 */
export function boundedFetch(base: typeof fetch, limits: RequestLimits): typeof fetch {
  const maxBytes = limits.maxBytes ?? MAX_RESPONSE_BYTES;
  return (async (input: FetchInput, init?: RequestInit) => {
    const timeout = AbortSignal.timeout(limits.timeoutMs);
    const signal = AbortSignal.any([timeout, ...(limits.signal ? [limits.signal] : []), ...(init?.signal ? [init.signal] : [])]);
    let response: Response;
    try {
      response = await base(input, { ...init, signal });
    } catch (error) {
      if (timeout.aborted && !CmrdxError.isInstance(error)) throw await noAnswerError(limits);
      throw error;
    }
    let body: Uint8Array;
    try {
      body = await readBounded(response, maxBytes, limits.endpoint);
    } catch (error) {
      if (timeout.aborted && !CmrdxError.isInstance(error)) {
        throw new BackendError(`${limits.endpoint}: the answer started but was not complete within ${seconds(limits.timeoutMs)}`, {
          code: 'backend.timeout',
          isRetryable: true,
          hint: 'Raise --timeout (or lower --concurrency if the server is overloaded)',
          cause: error,
        });
      }
      throw error;
    }
    if (response.ok) checkAnswerBody(body, response.status, limits.endpoint);
    const nullBody = [101, 204, 205, 304].includes(response.status);
    return new Response(nullBody ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
  }) as typeof fetch;
}

const seconds = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s` : `${Math.round(ms / 1000)} s`);

async function noAnswerError(limits: RequestLimits): Promise<BackendError> {
  const waited = seconds(limits.timeoutMs);
  if (limits.probe) {
    // Any HTTP status counts as an answer (a redirect too: the guarded fetch refuses it, with its status).
    const up = await limits.probe().then(
      () => true,
      (error: unknown) => BackendError.isInstance(error) && (error as BackendError).status !== undefined,
    );
    if (!up) {
      return new BackendError(`${limits.endpoint}: no answer at all within ${waited}, not even to a status request: the server hangs`, {
        code: 'backend.hung',
        isRetryable: true,
        hint: 'Check or restart the server (ollama ps, the server log); raising --timeout will not help',
      });
    }
    return new BackendError(`${limits.endpoint}: no answer within ${waited}; the server is up, so the model is slow or the queue is long`, {
      code: 'backend.timeout',
      isRetryable: true,
      hint: 'Raise --timeout, or lower --concurrency if the server is overloaded',
    });
  }
  return new BackendError(`${limits.endpoint}: no answer within ${waited}`, { code: 'backend.timeout', isRetryable: true, hint: 'Raise --timeout, or check that the server is working' });
}

/** Resolves when the server answers `url` with any HTTP status within a few seconds; rejects when it does not. */
export async function probeServer(fetchFn: typeof fetch, url: string, timeoutMs: number): Promise<void> {
  const response = await fetchFn(url, { signal: AbortSignal.timeout(Math.min(timeoutMs, 5000)) });
  await response.body?.cancel().catch(() => undefined);
}

/** Reads a response body up to `maxBytes`; a longer one is cut off (the rest is never read) and refused. */
async function readBounded(response: Response, maxBytes: number, endpoint: string): Promise<Uint8Array> {
  const tooLarge = () =>
    new BackendError(`${endpoint}: the answer is larger than ${formatBytes(maxBytes)}; it was cut off there and refused`, {
      code: 'answer.too_large',
      status: response.status,
      isRetryable: false,
      hint: 'Lower --max-tokens, or check what the server sends',
    });
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** A 2xx answer of these APIs is always a JSON document; anything else is the server's (or a proxy's) fault. */
function checkAnswerBody(body: Uint8Array, status: number, endpoint: string): void {
  if (body.byteLength === 0) {
    throw new BackendError(`${endpoint}: the server answered ${status} with an empty body`, {
      code: 'backend.empty_answer',
      status,
      isRetryable: true,
      hint: 'Check the server log; a proxy in between may drop answers',
    });
  }
  try {
    JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    throw new BackendError(`${endpoint}: the server answered ${status} with ${formatBytes(body.byteLength)} that are not JSON`, {
      code: 'backend.bad_answer',
      status,
      isRetryable: true,
      hint: 'Check that the URL points at the API itself (not a web page or proxy login)',
    });
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/**
 * A signal for one request that follows `parent` and lets go of it afterwards. Clients that add an abort
 * listener to the signal they are given and never remove it (openai 6) would otherwise pile listeners onto the
 * scheduler's one shared signal: a MaxListenersExceededWarning at eleven requests in flight, a leak over a run.
 */
export function requestSignal(parent: AbortSignal | undefined): { signal: AbortSignal | undefined; release(): void } {
  if (!parent) return { signal: undefined, release: () => undefined };
  const controller = new AbortController();
  const abort = () => controller.abort(parent.reason);
  if (parent.aborted) abort();
  else parent.addEventListener('abort', abort, { once: true });
  return { signal: controller.signal, release: () => parent.removeEventListener('abort', abort) };
}

const CONNECTION_PHRASES: Record<string, string> = {
  ECONNREFUSED: 'connection refused (nothing listens there)',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed',
  UND_ERR_SOCKET: 'the server closed the connection',
  UND_ERR_CLOSED: 'the server closed the connection',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved (DNS)',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection could not be made in time',
};

/**
 * Turns what fetch or a client throws (refused, reset, timeout, abort) into a BackendError the scheduler
 * understands; errors cmrdx made itself (redirect, size cap, timeout with its phase) pass unchanged.
 */
export function transportError(error: unknown, endpoint: string, timeoutMs: number): BackendError {
  if (BackendError.isInstance(error)) return error as BackendError;
  const e = error as Error & { cause?: { code?: string; message?: string; name?: string }; code?: string };
  if (CmrdxError.isInstance(error) || e?.cause?.name === 'EgressError') {
    const inner = (CmrdxError.isInstance(error) ? error : e.cause) as Error & { code?: string };
    return new BackendError(inner.message, { code: inner.code ?? 'egress.refused', isRetryable: false, cause: error });
  }
  const name = e?.name ?? '';
  const code = e?.cause?.code ?? e?.code ?? '';
  if (name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new BackendError(`${endpoint}: no answer within ${seconds(timeoutMs)}`, { code: 'backend.timeout', isRetryable: true, hint: 'Raise --timeout, or lower --concurrency if the server is overloaded', cause: error });
  }
  if (name === 'AbortError') {
    return new BackendError(`${endpoint}: request cancelled`, { code: 'backend.aborted', isRetryable: false, cause: error });
  }
  const detail = code || e?.cause?.message || e?.message;
  if (detail === 'bad port') {
    return new BackendError(`${endpoint}: fetch refuses to connect to this port (a "bad port" of the fetch standard)`, { code: 'backend.connection', isRetryable: false, hint: 'Serve the API on another port', cause: error });
  }
  const phrase = CONNECTION_PHRASES[code] ?? (detail ? `the connection failed (${detail})` : 'the connection failed');
  return new BackendError(`${endpoint}: ${phrase}`, { code: 'backend.connection', isRetryable: true, hint: 'Check that the server is running and the URL is right', cause: error });
}
