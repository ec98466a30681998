/**
 * The Backend contract: the one thing every inference server (Ollama, an OpenAI-compatible server such as vLLM
 * or llama.cpp server, or llama.cpp embedded in this process) does for cmrdx — answer chat messages, optionally
 * constrained by a JSON Schema. Wire formats stay inside each backend's folder. A setting a server cannot honour
 * becomes a warning in the result, not an exception; a transport failure is a BackendError whose `isRetryable`
 * tells the scheduler whether to try again.
 */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface GenerateRequest {
  model: string;
  messages: ChatMessage[];
  /** JSON Schema the answer must follow (constrained decoding where the server supports it). */
  schema?: Record<string, unknown>;
  temperature: number;
  seed: number;
  /** Most tokens to generate. */
  maxTokens: number;
  /** Context window to ask for (Ollama num_ctx, llama.cpp context size); servers that size it themselves ignore it. */
  contextTokens?: number;
  /**
   * An object-root form of `schema` for servers that refuse another root (a plain string enum in category
   * mode): tried before the server's weaker formats.
   */
  schemaFallback?: Record<string, unknown>;
  /** Ask for the answer's token logprobs with this many alternatives per token; absent or 0: none. */
  topLogprobs?: number;
  /** Reasoning models: absent = the model's default; false = no thinking; true = thinking; a number = thinking with that token budget. */
  think?: boolean | number;
  signal?: AbortSignal;
}

/** One generated token with its log probability and the most likely alternatives at its position. */
export interface TokenLogprob {
  token: string;
  logprob: number;
  top?: { token: string; logprob: number }[];
}

export interface GenerateResult {
  text: string;
  /** A reasoning model's thinking, when the server returns it apart from the answer. */
  thinking?: string;
  /** Tokens as the server counts them; `thinkingTokens` (part of outputTokens) where the server reports them apart. */
  usage: { promptTokens?: number; outputTokens?: number; thinkingTokens?: number };
  /** Server-side durations in milliseconds, where the server reports them. */
  timings: { totalMs?: number; loadMs?: number; promptMs?: number; generateMs?: number };
  /** The output stopped at maxTokens (the answer is probably cut off). */
  truncated: boolean;
  /** Why the server stopped, as it says (`stop`, `length`, ...). */
  stopReason?: string;
  /** The answer's tokens with logprobs, when asked for and the server gave them. */
  logprobs?: TokenLogprob[];
  warnings: string[];
  /**
   * How the answer was constrained to the schema: Ollama `format`, OpenAI `json_schema`, its object-root form
   * `json_schema_object` or `json_object` (after a server refused the schema), a llama.cpp `grammar`, or `none`
   * (no schema asked for, or refused outright).
   */
  answerFormat?: AnswerFormat;
}

export type AnswerFormat = 'format' | 'json_schema' | 'json_schema_object' | 'json_object' | 'grammar' | 'none';

export interface ModelInfo {
  id: string;
  sizeBytes?: number;
  contextLength?: number;
  details?: Record<string, unknown>;
}

export interface Backend {
  /** `ollama`, `openai` or `llamacpp`. */
  readonly provider: string;
  /** Where it runs: the base URL, or `in-process`. */
  readonly endpoint: string;
  generate(request: GenerateRequest): Promise<GenerateResult>;
  listModels(): Promise<ModelInfo[]>;
  /** The model's context window in tokens, when the server says. */
  contextLength?(model: string): Promise<number | undefined>;
  /**
   * How many requests the server serves at once, when it says: llama.cpp server reports its slots at /props;
   * Ollama and vLLM do not expose theirs.
   */
  parallelSlots?(): Promise<number | undefined>;
  /** What the server says about itself and the model (cmrdx doctor); fields it does not report are left out. */
  describe?(model: string): Promise<ServerStatus>;
  /**
   * Brings the model into memory with the context window requests will ask for (Ollama loads on the first
   * request, and loads again whenever num_ctx changes; this does it without a prompt).
   */
  load?(model: string, options?: { contextTokens?: number; signal?: AbortSignal }): Promise<void>;
  close?(): Promise<void>;
}

export interface ServerStatus {
  /** What kind of server it is, as shown to users: `Ollama`, `vLLM`, `llama.cpp server`, `OpenAI-compatible server`. */
  server: string;
  version?: string;
  /**
   * Ollama: the model is in memory now, `null` when it is not; absent when unknown. `sizeBytes` is its whole size
   * in memory, `sizeVramBytes` the part on the GPU (the rest runs on the CPU).
   */
  loaded?: { sizeBytes?: number; sizeVramBytes?: number; contextLength?: number } | null;
  /** The context window one request gets when the server fixes it (llama.cpp server: n_ctx per slot). */
  requestContext?: number;
  /** Ollama's capabilities of the model (`completion`, `thinking`, ...). */
  capabilities?: string[];
}

export interface BackendOptions {
  baseUrl: string;
  /** The fetch to use: the egress-guarded one in the CLI, a spy in tests. */
  fetch: typeof fetch;
  /** Per-request timeout. */
  timeoutMs: number;
  /** Timeout of the quick requests (model list, model info); default the smaller of timeoutMs and 10 s. */
  statusTimeoutMs?: number;
}
