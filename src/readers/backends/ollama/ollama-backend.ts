/**
 * Ollama through its official client: /api/chat with `format` set to the answer's JSON Schema and
 * `options: {temperature, seed, num_ctx, num_predict}`, `keep_alive` so the model stays loaded between reports,
 * `think` for reasoning models (Ollama has no thinking budget: num_predict caps thinking and answer together) and
 * `logprobs`/`top_logprobs` (Ollama 0.12.11 and later answer with a top-level `logprobs` list; older servers
 * ignore the fields). A model that cannot think refuses `think`: it is asked again without, with a warning. Reads the
 * token counts and the durations (nanoseconds on the wire, milliseconds here). The client has no per-request
 * timeout, so it gets a fetch that has one (and caps the answer's size). Ollama cuts a prompt longer than
 * `num_ctx` without saying so; a `prompt_eval_count` that reaches `num_ctx` is therefore an error here.
 */
import { Ollama, type ModelResponse } from 'ollama';
import { BackendError, isRetryableStatus } from '../../../errors.js';
import type { Backend, BackendOptions, GenerateRequest, GenerateResult, ModelInfo, ServerStatus } from '../backend.js';
import { boundedFetch, MAX_ANSWER_BYTES, probeServer, STATUS_TIMEOUT_MS, transportError } from '../http.js';
import { serverMessage } from '../server-message.js';

export interface OllamaOptions extends BackendOptions {
  /** How long Ollama keeps the model in memory after a request (e.g. "30m"). */
  keepAlive?: string;
}

/** Error responses without a JSON body make the client print to stdout; give it JSON instead. */
function jsonErrors(base: typeof fetch): typeof fetch {
  return (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const response = await base(input, init);
    if (response.ok || response.headers.get('content-type')?.includes('application/json')) return response;
    const text = await response.text().catch(() => '');
    return new Response(JSON.stringify({ error: text.slice(0, 300) || response.statusText || `HTTP ${response.status}` }), {
      status: response.status,
      statusText: response.statusText,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;
}

const ns = (n: number | undefined) => (typeof n === 'number' && n > 0 ? n / 1e6 : undefined);

export function createOllamaBackend(options: OllamaOptions): Backend {
  const endpoint = options.baseUrl.replace(/\/+$/, '');
  const contextCache = new Map<string, Promise<number | undefined>>();
  // Models that refused `think` (they cannot think): asked without it from then on.
  const cannotThink = new Set<string>();
  const statusTimeoutMs = options.statusTimeoutMs ?? Math.min(options.timeoutMs, STATUS_TIMEOUT_MS);
  const probe = () => probeServer(options.fetch, `${endpoint}/api/version`, options.timeoutMs);
  const client = (limits: { signal?: AbortSignal; timeoutMs?: number; maxBytes?: number; probe?: () => Promise<unknown> } = {}) =>
    new Ollama({ host: endpoint, fetch: jsonErrors(boundedFetch(options.fetch, { endpoint, timeoutMs: statusTimeoutMs, ...limits })) });

  /** `sent`: the texts a chat request carried, which the server's error message must not bring back. */
  const call = async <T>(fn: () => Promise<T>, sent: string[] = []): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      const e = error as Error & { status_code?: number; error?: string };
      if (e?.name === 'ResponseError' && typeof e.status_code === 'number') {
        const notFound = e.status_code === 404;
        // No cause: the client's error holds the server's whole message, which may quote the prompt.
        throw new BackendError(`${endpoint}: Ollama answered ${e.status_code} (${serverMessage(String(e.error ?? e.message), sent)})`, {
          code: notFound ? 'backend.model_missing' : 'backend.http',
          status: e.status_code,
          isRetryable: isRetryableStatus(e.status_code),
          hint: notFound ? 'Pull the model first (ollama pull <tag>) or check the tag' : undefined,
        });
      }
      throw transportError(error, endpoint, statusTimeoutMs);
    }
  };

  return {
    provider: 'ollama',
    endpoint,
    async generate(request: GenerateRequest): Promise<GenerateResult> {
      const warnings: string[] = [];
      if (typeof request.think === 'number') warnings.push(`${endpoint}: Ollama has no thinking budget; thinking is on and num_predict (${request.maxTokens}) caps thinking and answer together`);
      const ask = (think: boolean | undefined) =>
        call(() =>
          client({ signal: request.signal, timeoutMs: options.timeoutMs, maxBytes: MAX_ANSWER_BYTES, probe }).chat({
            model: request.model,
            messages: request.messages,
            stream: false,
            ...(request.schema ? { format: request.schema } : {}),
            ...(think === undefined ? {} : { think }),
            ...(request.topLogprobs ? { logprobs: true, top_logprobs: request.topLogprobs } : {}),
            keep_alive: options.keepAlive ?? '30m',
            options: {
              temperature: request.temperature,
              seed: request.seed,
              num_predict: request.maxTokens,
              ...(request.contextTokens ? { num_ctx: request.contextTokens } : {}),
            },
          }),
          request.messages.map((m) => m.content),
        );
      const think = request.think === undefined ? undefined : request.think !== false;
      const refused = () => warnings.push(`${endpoint}: ${request.model} does not take think=${think}; asked without it`);
      let response;
      if (think !== undefined && cannotThink.has(request.model)) {
        refused();
        response = await ask(undefined);
      } else {
        try {
          response = await ask(think);
        } catch (error) {
          // "... does not support thinking": honour what can be honoured and say what could not.
          if (think === undefined || !(BackendError.isInstance(error) && (error as BackendError).status === 400 && /think/i.test((error as Error).message))) throw error;
          cannotThink.add(request.model);
          refused();
          response = await ask(undefined);
        }
      }
      if (request.contextTokens && typeof response.prompt_eval_count === 'number' && response.prompt_eval_count >= request.contextTokens) {
        throw new BackendError(`${endpoint}: the prompt filled the whole context of ${request.contextTokens} tokens cmrdx asked for (num_ctx), so Ollama cut it`, {
          code: 'backend.context_overflow',
          isRetryable: false,
          hint: 'Use a model with a longer context, or a shorter prompt (--prompt)',
        });
      }
      const message = response.message as { content?: string; thinking?: string } | undefined;
      const logprobs = response.logprobs?.map((t) => ({ token: t.token, logprob: t.logprob, ...(t.top_logprobs ? { top: t.top_logprobs.map((a) => ({ token: a.token, logprob: a.logprob })) } : {}) }));
      return {
        text: message?.content ?? '',
        ...(message?.thinking ? { thinking: message.thinking } : {}),
        usage: { promptTokens: response.prompt_eval_count, outputTokens: response.eval_count },
        timings: { totalMs: ns(response.total_duration), loadMs: ns(response.load_duration), promptMs: ns(response.prompt_eval_duration), generateMs: ns(response.eval_duration) },
        truncated: response.done_reason === 'length',
        ...(response.done_reason ? { stopReason: response.done_reason } : {}),
        ...(logprobs && logprobs.length > 0 ? { logprobs } : {}),
        warnings,
        answerFormat: request.schema ? 'format' : 'none',
      };
    },
    async listModels(): Promise<ModelInfo[]> {
      const { models } = await call(() => client().list());
      return models.map((m) => ({ id: m.name, sizeBytes: m.size, details: { ...m.details } }));
    },
    contextLength(model: string): Promise<number | undefined> {
      let cached = contextCache.get(model);
      if (!cached) {
        cached = call(() => client().show({ model })).then((info) => {
          // model_info is a plain object on the wire: {"qwen2.context_length": 32768, ...}
          const entries = Object.entries((info.model_info ?? {}) as unknown as Record<string, unknown>);
          const found = entries.find(([k]) => k.endsWith('.context_length'));
          return typeof found?.[1] === 'number' ? found[1] : undefined;
        });
        contextCache.set(model, cached);
        cached.catch(() => contextCache.delete(model));
      }
      return cached;
    },
    async describe(model: string): Promise<ServerStatus> {
      // What a server does not answer stays unknown; a redirect is still refused.
      const soft = <T>(fn: () => Promise<T>) => call(fn).catch((error: BackendError) => (error.code.startsWith('egress.') ? Promise.reject(error) : undefined));
      const [about, ps, info] = await Promise.all([soft(() => client().version()), soft(() => client().ps()), soft(() => client().show({ model }))]);
      // /api/ps lists the models in memory; newer servers also say the context they were loaded with.
      const running = ps?.models.find((m) => m.name === model || m.model === model || m.name === `${model}:latest`) as (ModelResponse & { context_length?: number }) | undefined;
      return {
        server: 'Ollama',
        ...(about?.version ? { version: about.version } : {}),
        ...(ps ? { loaded: running ? { sizeBytes: running.size, sizeVramBytes: running.size_vram, ...(typeof running.context_length === 'number' ? { contextLength: running.context_length } : {}) } : null } : {}),
        ...(Array.isArray(info?.capabilities) ? { capabilities: info.capabilities } : {}),
      };
    },
    async load(model: string, { contextTokens, signal }: { contextTokens?: number; signal?: AbortSignal } = {}): Promise<void> {
      // A chat request without messages loads the model and answers at once (done_reason "load").
      await call(() =>
        client({ signal, timeoutMs: options.timeoutMs, probe }).chat({ model, messages: [], stream: false, keep_alive: options.keepAlive ?? '30m', ...(contextTokens ? { options: { num_ctx: contextTokens } } : {}) }),
      );
    },
  };
}
