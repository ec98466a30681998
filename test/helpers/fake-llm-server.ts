/**
 * A small inference server for tests and benchmarks, on 127.0.0.1 with an ephemeral port. It speaks the real
 * Ollama (/api/tags, /api/show, /api/chat) and OpenAI (/v1/models, /v1/chat/completions) wire formats, and each
 * test scripts its behaviour per request: valid answers, <think> blocks, code fences, cut-off JSON, HTTP errors,
 * connection resets, stalls, refusing JSON schemas, redirects, empty or non-JSON bodies, answers that start and
 * never finish, requests never answered at all, token logprobs in either wire format. It can also act as a server with K parallel slots and a fixed
 * service time (requests beyond K wait), for the scheduler benchmark.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Provider = 'ollama' | 'openai';

export interface ChatCall {
  provider: Provider;
  path: string;
  body: Record<string, unknown>;
  /** 1-based number of this chat request on the server. */
  n: number;
  /** The text of the last user message. */
  user: string;
  system: string;
}

/** A token of the answer with its logprob and alternatives ([token, logprob]), as a test scripts it. */
export interface FakeToken {
  token: string;
  logprob: number;
  top?: [string, number][];
}

export type Behaviour =
  | {
      kind: 'answer';
      content: string;
      thinking?: string;
      doneReason?: string;
      promptTokens?: number;
      outputTokens?: number;
      /** Reported apart (OpenAI usage.completion_tokens_details.reasoning_tokens). */
      thinkingTokens?: number;
      /** Sent only when the request asks for logprobs, in the provider's wire format, at most top_logprobs alternatives. */
      logprobs?: FakeToken[];
      delayMs?: number;
      /** Answers only once this settles: a test holds the server's answers for as long as it needs. */
      gate?: Promise<unknown>;
    }
  | { kind: 'status'; status: number; message?: string; json?: boolean }
  | { kind: 'reset' }
  | { kind: 'stall'; ms: number }
  | { kind: 'cut-body' }
  /** A 3xx pointing elsewhere. */
  | { kind: 'redirect'; location: string; status?: number }
  /** Any body as is: empty, HTML, not JSON. */
  | { kind: 'raw'; body: string; status?: number; contentType?: string }
  /** Headers and the start of a JSON body at once, the rest never (until the server closes). */
  | { kind: 'slow-body' }
  /** Accepts the request and never answers (until the server closes). */
  | { kind: 'hang' };

export interface FakeServerOptions {
  models?: string[];
  contextLength?: number;
  /** Decides what each chat request gets. Default: a valid answer for category NORMAL. */
  behaviour?(call: ChatCall): Behaviour;
  /** Simulated parallel slots and service time (ms) of an inference server. */
  slots?: number;
  serviceMs?: number;
  /**
   * Decides any request before the built-in routes (GET /api/tags, POST /api/chat, ...): return a behaviour
   * other than `answer` to take it over (a redirect on /api/tags, a server that hangs on everything).
   */
  route?(request: { method: string; path: string }): Behaviour | undefined;
  /**
   * Which server the status routes make it look like: `ollama` (the default) answers /api/version, `vllm`
   * answers /version, `llama.cpp` answers /props (as does any server with a finite number of `slots`). With
   * `countTokens`, an Ollama also cuts prompts on its OpenAI-compatible API, silently, at `contextLength`.
   */
  kind?: 'ollama' | 'vllm' | 'llama.cpp';
  /** The version the status route reports. */
  version?: string;
  /** Whether /api/ps lists the models as loaded in memory (default true). */
  loaded?: boolean;
  /** What /api/show says the model can do (default ['completion']). */
  capabilities?: string[];
  /**
   * Count prompt tokens (one per four characters of the messages) instead of the fixed default, and enforce
   * `contextLength` as the servers do: Ollama cuts the prompt at its num_ctx (reporting that many tokens), vLLM
   * refuses a request whose prompt and max_tokens exceed max_model_len with its 400 message.
   */
  countTokens?: boolean;
}

/** The fake tokenizer of `countTokens`: one token per four characters. */
const fakeTokens = (text: string) => Math.ceil(text.length / 4);

export interface FakeServer {
  url: string;
  calls: ChatCall[];
  /** Every request seen, chat or not: "GET /api/tags". */
  requests: string[];
  /** Most chat requests in service at the same time. */
  maxActive: number;
  /** When each chat request's answer was sent (call number -> ms since epoch). */
  answeredAt: Map<number, number>;
  close(): Promise<void>;
}

export const answer = (category: string, evidence: string[] = [], extra: Partial<Extract<Behaviour, { kind: 'answer' }>> = {}): Behaviour => ({
  kind: 'answer',
  content: JSON.stringify({ category, evidence, rationale: 'test' }),
  ...extra,
});

/**
 * The tokens of an answer for `logprobs`: everything before the category value as one token, the value as one
 * token with probability `p` and the given alternatives, the rest as one token. They concatenate to `content`.
 */
export function valueTokens(content: string, category: string, p: number, alternatives: [string, number][] = []): FakeToken[] {
  const at = content.lastIndexOf(`"${category}"`) + 1;
  const logprob = Math.log(p);
  return [
    { token: content.slice(0, at), logprob: 0 },
    { token: category, logprob, top: [[category, logprob], ...alternatives.map(([t, q]) => [t, Math.log(q)] as [string, number])] },
    { token: content.slice(at + category.length), logprob: 0 },
  ];
}

/** Ollama (0.12.11+) and OpenAI put token logprobs in different places and shapes; both carry UTF-8 bytes. */
function wireLogprobs(tokens: FakeToken[], top: number) {
  const bytes = (t: string) => [...Buffer.from(t, 'utf8')];
  return tokens.map((t) => ({ token: t.token, logprob: t.logprob, bytes: bytes(t.token), top_logprobs: (t.top ?? []).slice(0, top).map(([token, logprob]) => ({ token, logprob, bytes: bytes(token) })) }));
}

export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const models = options.models ?? ['test-model'];
  const calls: ChatCall[] = [];
  const requests: string[] = [];
  const answeredAt = new Map<number, number>();
  let n = 0;
  let active = 0;
  let maxActive = 0;
  const waiting: (() => void)[] = [];
  const slots = options.slots ?? Infinity;
  const sockets = new Set<Socket>();
  /** Models an Ollama chat request has loaded (for `loaded: false`). */
  const inMemory = new Set<string>();

  const acquire = () =>
    new Promise<void>((resolve) => {
      if (active < slots) {
        active++;
        resolve();
      } else waiting.push(() => {
        active++;
        resolve();
      });
    });
  const release = () => {
    active--;
    waiting.shift()?.();
  };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };

  /** The behaviours that do not depend on the wire format; false for the ones that do (answer, status). */
  const respondRaw = (behaviour: Behaviour, req: IncomingMessage, res: ServerResponse): boolean => {
    switch (behaviour.kind) {
      case 'reset':
        req.socket.destroy();
        return true;
      case 'redirect':
        res.writeHead(behaviour.status ?? 307, { location: behaviour.location, 'content-length': 0 });
        res.end();
        return true;
      case 'raw':
        res.writeHead(behaviour.status ?? 200, { 'content-type': behaviour.contentType ?? 'application/json', 'content-length': Buffer.byteLength(behaviour.body) });
        res.end(behaviour.body);
        return true;
      case 'slow-body':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"model":"test-model","message":{"role":"assistant","content":"');
        return true;
      case 'hang':
        return true;
      default:
        return false;
    }
  };

  const handleChat = async (provider: Provider, req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>) => {
    const messages = (body.messages ?? []) as { role: string; content: string }[];
    const call: ChatCall = {
      provider,
      path: req.url ?? '',
      body,
      n: ++n,
      user: [...messages].reverse().find((m) => m.role === 'user')?.content ?? '',
      system: messages.find((m) => m.role === 'system')?.content ?? '',
    };
    calls.push(call);
    const counted = options.countTokens ? fakeTokens(messages.map((m) => m.content).join('')) : undefined;
    const kind = options.kind ?? 'ollama';
    if (counted !== undefined && provider === 'openai' && kind !== 'ollama') {
      const limit = options.contextLength ?? 32768;
      const wanted = counted + Number(body.max_tokens ?? 0);
      if (wanted > limit) {
        const message = `This model's maximum context length is ${limit} tokens. However, you requested ${wanted} tokens (${counted} in the messages, ${Number(body.max_tokens ?? 0)} in the completion). Please reduce the length of the messages or completion.`;
        return json(res, 400, { error: { message, type: 'BadRequestError', param: null, code: 400 } });
      }
    }
    const numCtx = Number((body.options as { num_ctx?: number } | undefined)?.num_ctx ?? 2048);
    const contextTokens = counted === undefined ? undefined : provider === 'ollama' ? Math.min(counted, numCtx, options.contextLength ?? Infinity) : kind === 'ollama' ? Math.min(counted, options.contextLength ?? Infinity) : counted;
    const behaviour = options.behaviour?.(call) ?? answer('NORMAL');
    await acquire();
    maxActive = Math.max(maxActive, active);
    try {
      if (options.serviceMs) await sleep(options.serviceMs);
      if (respondRaw(behaviour, req, res)) return;
      switch (behaviour.kind) {
        case 'stall':
          await sleep(behaviour.ms);
          if (!res.writableEnded && !req.socket.destroyed) json(res, 500, { error: 'stalled' });
          return;
        case 'cut-body': {
          // Headers promise more than is sent; then the connection drops mid-JSON.
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': 500 });
          res.write('{"model":"test-model","message":{"role":"assistant","content":"{\\"categ');
          setTimeout(() => req.socket.destroy(), 5);
          return;
        }
        case 'status':
          if (behaviour.json === false) {
            res.writeHead(behaviour.status, { 'content-type': 'text/plain' });
            res.end(behaviour.message ?? 'Internal Server Error');
          } else if (provider === 'ollama') json(res, behaviour.status, { error: behaviour.message ?? 'server error' });
          else json(res, behaviour.status, { error: { message: behaviour.message ?? 'server error', type: 'invalid_request_error', param: null, code: behaviour.status } });
          return;
        case 'answer': {
          if (behaviour.delayMs) await sleep(behaviour.delayMs);
          if (behaviour.gate) await behaviour.gate;
          if (req.socket.destroyed) return;
          res.once('finish', () => answeredAt.set(call.n, Date.now()));
          const promptTokens = behaviour.promptTokens ?? contextTokens ?? 120;
          const outputTokens = behaviour.outputTokens ?? 30;
          const logprobs = body.logprobs === true && behaviour.logprobs ? wireLogprobs(behaviour.logprobs, Number(body.top_logprobs ?? 0)) : undefined;
          if (provider === 'ollama') {
            json(res, 200, {
              model: body.model,
              created_at: new Date(0).toISOString(),
              message: { role: 'assistant', content: behaviour.content, ...(behaviour.thinking ? { thinking: behaviour.thinking } : {}) },
              ...(logprobs ? { logprobs } : {}),
              done_reason: behaviour.doneReason ?? 'stop',
              done: true,
              total_duration: 2_500_000_000,
              load_duration: 100_000_000,
              prompt_eval_count: promptTokens,
              prompt_eval_duration: 400_000_000,
              eval_count: outputTokens,
              eval_duration: 2_000_000_000,
              ...(logprobs ? { logprobs } : {}),
            });
          } else {
            json(res, 200, {
              id: `chatcmpl-${call.n}`,
              object: 'chat.completion',
              created: 0,
              model: body.model,
              choices: [{ index: 0, message: { role: 'assistant', content: behaviour.content, ...(behaviour.thinking ? { reasoning_content: behaviour.thinking } : {}) }, ...(logprobs ? { logprobs: { content: logprobs, refusal: null } } : {}), finish_reason: behaviour.doneReason ?? 'stop' }],
              usage: {
                prompt_tokens: promptTokens,
                completion_tokens: outputTokens,
                total_tokens: promptTokens + outputTokens,
                ...(behaviour.thinkingTokens !== undefined ? { completion_tokens_details: { reasoning_tokens: behaviour.thinkingTokens } } : {}),
              },
            });
          }
          return;
        }
      }
    } finally {
      release();
    }
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0]!;
      requests.push(`${req.method} ${path}`);
      const routed = options.route?.({ method: req.method ?? 'GET', path });
      if (routed && routed.kind !== 'answer') {
        if (routed.kind === 'status') return json(res, routed.status, { error: routed.message ?? 'server error' });
        if (routed.kind === 'stall') return void sleep(routed.ms).then(() => !res.writableEnded && !req.socket.destroyed && json(res, 500, { error: 'stalled' }));
        if (routed.kind === 'cut-body') return void req.socket.destroy();
        if (respondRaw(routed, req, res)) return;
      }
      let body: Record<string, unknown>;
      try {
        body = chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
      } catch {
        return json(res, 400, { error: 'invalid JSON' });
      }
      const kind = options.kind ?? 'ollama';
      if (req.method === 'GET' && path === '/api/version' && kind === 'ollama') return json(res, 200, { version: options.version ?? '0.12.11' });
      if (req.method === 'GET' && path === '/version' && kind === 'vllm') return json(res, 200, { version: options.version ?? '0.10.1' });
      if (req.method === 'GET' && path === '/api/ps') return json(res, 200, { models: models.filter((m) => options.loaded !== false || inMemory.has(m)).map((name) => ({ name, model: name, size: 4_700_000_000, size_vram: 4_700_000_000, context_length: options.contextLength ?? 32768, expires_at: new Date(Date.now() + 1_800_000).toISOString(), digest: 'sha256:0', details: {} })) });
      if (req.method === 'GET' && path === '/api/tags') return json(res, 200, { models: models.map((name) => ({ name, model: name, modified_at: new Date(0).toISOString(), size: 4_700_000_000, digest: 'sha256:0', details: { format: 'gguf', family: 'test', parameter_size: '7B', quantization_level: 'Q4_K_M' } })) });
      if (req.method === 'POST' && path === '/api/show') {
        if (!models.includes(String(body.model))) return json(res, 404, { error: `model '${String(body.model)}' not found` });
        return json(res, 200, { model_info: { 'general.architecture': 'test', 'test.context_length': options.contextLength ?? 32768 }, details: {}, capabilities: options.capabilities ?? ['completion'] });
      }
      if (req.method === 'POST' && path === '/api/chat') {
        if (!models.includes(String(body.model))) return json(res, 404, { error: `model '${String(body.model)}' not found, try pulling it first` });
        // Ollama loads the model for a chat request without messages and answers at once.
        inMemory.add(String(body.model));
        if (Array.isArray(body.messages) && body.messages.length === 0) return json(res, 200, { model: body.model, created_at: new Date(0).toISOString(), message: { role: 'assistant', content: '' }, done_reason: 'load', done: true });
        return void handleChat('ollama', req, res, body);
      }
      if (req.method === 'GET' && path === '/props' && (kind === 'llama.cpp' || (options.slots !== undefined && Number.isFinite(options.slots)))) {
        return json(res, 200, { total_slots: Number.isFinite(options.slots) ? options.slots : 1, build_info: options.version ?? 'b5000-fake', default_generation_settings: { n_ctx: options.contextLength ?? 32768 } });
      }
      if (req.method === 'GET' && path === '/v1/models') return json(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'vllm', max_model_len: options.contextLength ?? 32768 })) });
      if (req.method === 'POST' && path === '/v1/chat/completions') return void handleChat('openai', req, res, body);
      json(res, 404, { error: `no route ${req.method} ${path}` });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    requests,
    answeredAt,
    get maxActive() {
      return maxActive;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
