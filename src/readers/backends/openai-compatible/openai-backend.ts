/**
 * Any OpenAI-compatible server (vLLM, llama.cpp server, LM Studio, TGI) through the official `openai` client
 * pointed at a local base URL; the wire format is in chat-completion.ts. Asks for `response_format:
 * json_schema`; a server that refuses the schema gets its object-root form (category mode), then `json_object`,
 * then no format at all; one that refuses logprobs or the thinking switch is asked without them — each step
 * remembered per model and reported as a warning. Reads `usage`; a vLLM reasoning model's `reasoning_content`
 * is kept as thinking.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import OpenAI from 'openai';
import { BackendError, CmrdxError, isRetryableStatus } from '../../../errors.js';
import type { Backend, BackendOptions, GenerateRequest, GenerateResult, ModelInfo, ServerStatus } from '../backend.js';
import { boundedFetch, MAX_ANSWER_BYTES, probeServer, requestSignal, STATUS_TIMEOUT_MS, transportError } from '../http.js';
import { serverMessage } from '../server-message.js';
import { chatCompletionBody, formatLevels, refusedField, resultOf, type FormatLevel, type OptionalField } from './chat-completion.js';

export interface OpenAiOptions extends BackendOptions {
  /** Some deployments want a key even on a private network; default: none. */
  apiKey?: string;
}

/**
 * A 400/422/501 that says the server does not take this response_format (wording differs per server), or a
 * 400 whose body the client could not read (older vLLM error bodies): worth one try with a simpler format.
 */
function refusesFormat(error: unknown): boolean {
  const e = error as { status?: number; message?: string };
  if (e?.status !== 400 && e?.status !== 422 && e?.status !== 501) return false;
  return /response_format|json_schema|json_object|guided|grammar|schema|not supported|no body/i.test(e?.message ?? '');
}

export function createOpenAiBackend(options: OpenAiOptions): Backend {
  const endpoint = options.baseUrl.replace(/\/+$/, '');
  const apiKey = options.apiKey ?? 'not-needed';
  const statusTimeoutMs = options.statusTimeoutMs ?? Math.min(options.timeoutMs, STATUS_TIMEOUT_MS);
  // The clients' own timers are a backstop a second later: the fetch's timeout comes first and says which phase
  // (no answer / slow answer) it was in.
  const client = new OpenAI({ baseURL: endpoint, apiKey, fetch: boundedFetch(options.fetch, { endpoint, timeoutMs: statusTimeoutMs }), timeout: statusTimeoutMs + 1000, maxRetries: 0 });
  const probe = () => probeServer(options.fetch, `${endpoint}/models`, options.timeoutMs);
  // The client turns whatever its fetch throws into its own connection errors (and takes any message with
  // "timeout" in it for a timeout); the error cmrdx made (redirect, size cap, no answer / slow answer) is
  // kept aside per request and thrown instead.
  const failures = new AsyncLocalStorage<{ error?: unknown }>();
  const bounded = boundedFetch(options.fetch, { endpoint, timeoutMs: options.timeoutMs, maxBytes: MAX_ANSWER_BYTES, probe });
  const chatFetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    try {
      return await bounded(input, init);
    } catch (error) {
      const slot = failures.getStore();
      if (slot && CmrdxError.isInstance(error)) slot.error = error;
      throw error;
    }
  }) as typeof fetch;
  const chatClient = new OpenAI({ baseURL: endpoint, apiKey, fetch: chatFetch, timeout: options.timeoutMs + 1000, maxRetries: 0 });
  const formatFor = new Map<string, FormatLevel>();
  const refusedFor = new Map<string, Set<OptionalField>>();
  /** A JSON document at the server root (outside /v1), or undefined when there is none; a redirect is still refused. */
  const serverJson = async <T>(path: string): Promise<T | undefined> => {
    try {
      const response = await boundedFetch(options.fetch, { endpoint, timeoutMs: Math.min(statusTimeoutMs, 5000) })(`${endpoint.replace(/\/v1$/, '')}${path}`);
      return response.ok ? ((await response.json()) as T) : undefined;
    } catch (error) {
      if (CmrdxError.isInstance(error) && error.code.startsWith('egress.')) throw error;
      return undefined;
    }
  };

  /** `sent`: the texts a chat request carried, which the server's error message must not bring back. */
  const call = async <T>(fn: () => Promise<T>, sent: string[] = []): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof OpenAI.APIUserAbortError) throw new BackendError(`${endpoint}: request cancelled`, { code: 'backend.aborted', isRetryable: false, cause: error });
      if (error instanceof OpenAI.APIConnectionTimeoutError) throw transportError(Object.assign(new Error('timed out'), { name: 'TimeoutError' }), endpoint, options.timeoutMs);
      if (error instanceof OpenAI.APIConnectionError) throw transportError((error as { cause?: unknown }).cause ?? error, endpoint, options.timeoutMs);
      if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
        // The client's message starts with the status; no cause: the client's error holds the server's whole body.
        const said = error.message.replace(new RegExp(`^${error.status}\\s*`), '');
        throw new BackendError(`${endpoint}: server answered ${error.status} (${serverMessage(said, sent)})`, {
          code: error.status === 404 ? 'backend.model_missing' : 'backend.http',
          status: error.status,
          isRetryable: isRetryableStatus(error.status),
        });
      }
      throw transportError(error, endpoint, options.timeoutMs);
    }
  };

  return {
    provider: 'openai',
    endpoint,
    async generate(request: GenerateRequest): Promise<GenerateResult> {
      const warnings: string[] = [];
      const levels = formatLevels(request);
      let level = formatFor.get(request.model) ?? levels[0]!;
      if (!levels.includes(level)) level = levels[0]!;
      const without = refusedFor.get(request.model) ?? new Set<OptionalField>();
      if (typeof request.think === 'number' && !without.has('thinking')) warnings.push(`${endpoint}: the thinking budget went as thinking_token_budget (vLLM); a server without that field lets max_tokens (${request.maxTokens}) cap thinking and answer together`);
      for (;;) {
        const signal = requestSignal(request.signal);
        const slot: { error?: unknown } = {};
        try {
          const body = chatCompletionBody(request, level, without) as unknown as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;
          const response = await failures.run(slot, () => chatClient.chat.completions.create(body, { signal: signal.signal }));
          if (level === 'json_schema_object') warnings.push(`${endpoint} does not take a JSON Schema whose root is not an object; asked for {"category": ...} and validated the answer`);
          else if (level !== levels[0]) warnings.push(`${endpoint} does not take json_schema response formats; asked for ${level === 'json_object' ? 'json_object' : 'plain text'} and validated the answer`);
          for (const field of without) warnings.push(`${endpoint} refuses ${field === 'logprobs' ? 'logprobs' : 'the thinking switch (chat_template_kwargs)'}; asked without`);
          return { ...resultOf(response), warnings, answerFormat: level };
        } catch (caught) {
          const error = slot.error ?? caught;
          const status = (error as { status?: number }).status;
          // A refused optional field first (its message may also say "not supported"), then a weaker format.
          const field = status === 400 || status === 422 ? refusedField((error as Error).message ?? '') : undefined;
          if (field && !without.has(field) && (field !== 'logprobs' || request.topLogprobs) && (field !== 'thinking' || request.think !== undefined)) {
            without.add(field);
            refusedFor.set(request.model, without);
            continue;
          }
          const next = levels[levels.indexOf(level) + 1];
          if (next && refusesFormat(error)) {
            level = next;
            formatFor.set(request.model, level);
            continue;
          }
          return call(() => Promise.reject(error), request.messages.map((m) => m.content));
        } finally {
          signal.release();
        }
      }
    },
    async listModels(): Promise<ModelInfo[]> {
      const page = await call(() => client.models.list());
      return page.data.map((m) => {
        const extra = m as unknown as { max_model_len?: number; owned_by?: string };
        return { id: m.id, ...(extra.max_model_len ? { contextLength: extra.max_model_len } : {}), details: { owned_by: extra.owned_by } };
      });
    },
    async parallelSlots(): Promise<number | undefined> {
      // llama.cpp server: GET /props at the server root says {"total_slots": n}.
      const props = await serverJson<{ total_slots?: unknown }>('/props').catch(() => undefined);
      return typeof props?.total_slots === 'number' && props.total_slots > 0 ? props.total_slots : undefined;
    },
    async describe(model: string): Promise<ServerStatus> {
      // llama.cpp server answers /props (build, slots, the context of one slot); vLLM answers /version; Ollama's
      // OpenAI-compatible API sits beside its own, which says the context a loaded model got (/api/ps).
      const props = await serverJson<{ total_slots?: unknown; build_info?: unknown; default_generation_settings?: { n_ctx?: unknown } }>('/props');
      if (props && (typeof props.total_slots === 'number' || typeof props.build_info === 'string')) {
        const nCtx = props.default_generation_settings?.n_ctx;
        return { server: 'llama.cpp server', ...(typeof props.build_info === 'string' ? { version: props.build_info } : {}), ...(typeof nCtx === 'number' && nCtx > 0 ? { requestContext: nCtx } : {}) };
      }
      const vllm = await serverJson<{ version?: unknown }>('/version');
      if (typeof vllm?.version === 'string') return { server: 'vLLM', version: vllm.version };
      const ollama = await serverJson<{ version?: unknown }>('/api/version');
      if (typeof ollama?.version === 'string') {
        const ps = await serverJson<{ models?: { name?: string; model?: string; context_length?: unknown }[] }>('/api/ps');
        const running = ps?.models?.find((m) => m.name === model || m.model === model);
        const contextLength = typeof running?.context_length === 'number' ? running.context_length : undefined;
        return { server: 'Ollama', version: ollama.version, ...(ps ? { loaded: running ? (contextLength ? { contextLength } : {}) : null } : {}) };
      }
      return { server: 'OpenAI-compatible server' };
    },
    async contextLength(model: string): Promise<number | undefined> {
      const models = await this.listModels().catch(() => []);
      return models.find((m) => m.id === model)?.contextLength;
    },
  };
}
