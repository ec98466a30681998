/**
 * Any OpenAI-compatible server (vLLM, llama.cpp server, LM Studio, TGI) through the official `openai` client
 * pointed at a local base URL. Asks for `response_format: json_schema`; a server that refuses schemas gets
 * `json_object`, and one that refuses that gets no format at all — each step remembered per model and
 * reported as a warning. Reads `usage`; a vLLM reasoning model's `reasoning_content` is kept as thinking.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import OpenAI from 'openai';
import { BackendError, CmrdxError, isRetryableStatus } from '../../../errors.js';
import type { Backend, BackendOptions, GenerateRequest, GenerateResult, ModelInfo } from '../backend.js';
import { boundedFetch, MAX_ANSWER_BYTES, probeServer, requestSignal, STATUS_TIMEOUT_MS, transportError } from '../http.js';

export interface OpenAiOptions extends BackendOptions {
  /** Some deployments want a key even on a private network; default: none. */
  apiKey?: string;
}

type FormatLevel = 'json_schema' | 'json_object' | 'none';

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

  const call = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof OpenAI.APIUserAbortError) throw new BackendError(`${endpoint}: request cancelled`, { code: 'backend.aborted', isRetryable: false, cause: error });
      if (error instanceof OpenAI.APIConnectionTimeoutError) throw transportError(Object.assign(new Error('timed out'), { name: 'TimeoutError' }), endpoint, options.timeoutMs);
      if (error instanceof OpenAI.APIConnectionError) throw transportError((error as { cause?: unknown }).cause ?? error, endpoint, options.timeoutMs);
      if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
        throw new BackendError(`${endpoint}: server answered ${error.status} (${error.message.slice(0, 200)})`, {
          code: error.status === 404 ? 'backend.model_missing' : 'backend.http',
          status: error.status,
          isRetryable: isRetryableStatus(error.status),
          cause: error,
        });
      }
      throw transportError(error, endpoint, options.timeoutMs);
    }
  };

  const responseFormat = (level: FormatLevel, schema: Record<string, unknown>) =>
    level === 'json_schema'
      ? { response_format: { type: 'json_schema' as const, json_schema: { name: 'cmrdx_answer', schema, strict: true } } }
      : level === 'json_object'
        ? { response_format: { type: 'json_object' as const } }
        : {};

  return {
    provider: 'openai',
    endpoint,
    async generate(request: GenerateRequest): Promise<GenerateResult> {
      const warnings: string[] = [];
      let level: FormatLevel = request.schema ? (formatFor.get(request.model) ?? 'json_schema') : 'none';
      for (;;) {
        const signal = requestSignal(request.signal);
        const slot: { error?: unknown } = {};
        try {
          const response = await failures.run(slot, () => chatClient.chat.completions.create(
            {
              model: request.model,
              messages: request.messages,
              temperature: request.temperature,
              seed: request.seed,
              max_tokens: request.maxTokens,
              ...(request.schema ? responseFormat(level, request.schema) : {}),
            },
            { signal: signal.signal },
          ));
          const choice = response.choices[0];
          const message = choice?.message as { content?: string | null; reasoning_content?: string | null } | undefined;
          if (level !== 'json_schema' && request.schema) warnings.push(`${endpoint} does not take json_schema response formats; asked for ${level === 'json_object' ? 'json_object' : 'plain text'} and validated the answer`);
          return {
            text: message?.content ?? '',
            ...(message?.reasoning_content ? { thinking: message.reasoning_content } : {}),
            usage: { promptTokens: response.usage?.prompt_tokens, outputTokens: response.usage?.completion_tokens },
            timings: {},
            truncated: choice?.finish_reason === 'length',
            warnings,
          };
        } catch (caught) {
          const error = slot.error ?? caught;
          if (level !== 'none' && refusesFormat(error)) {
            level = level === 'json_schema' ? 'json_object' : 'none';
            formatFor.set(request.model, level);
            continue;
          }
          return call(() => Promise.reject(error));
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
      try {
        const root = endpoint.replace(/\/v1$/, '');
        const response = await boundedFetch(options.fetch, { endpoint, timeoutMs: Math.min(statusTimeoutMs, 5000) })(`${root}/props`);
        if (!response.ok) return undefined;
        const props = (await response.json()) as { total_slots?: unknown };
        return typeof props.total_slots === 'number' && props.total_slots > 0 ? props.total_slots : undefined;
      } catch {
        return undefined;
      }
    },
    async contextLength(model: string): Promise<number | undefined> {
      const models = await this.listModels().catch(() => []);
      return models.find((m) => m.id === model)?.contextLength;
    },
  };
}
