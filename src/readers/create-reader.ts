/**
 * Turns model specs and the endpoint flags into readers. Every HTTP endpoint passes the egress guard before
 * anything is sent, then a short preflight asks each server for its models, so a run against a server that is
 * down or lacks the model stops with a clear message instead of writing thousands of failed predictions.
 * Heavy backends are imported only when asked for (llama.cpp, the OpenAI client), and the HTTP layer (undici,
 * the egress guard) only for a run with a server: a run of the guideline engine alone starts without them.
 */
import { CmrdxError, ConfigError } from '../errors.js';
import { loadTaxonomy } from '../taxonomy/load-taxonomy.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { Backend } from './backends/backend.js';
import type { EgressPolicy } from './backends/egress-guard.js';
import type { AnswerMode } from './llm/answer-schema.js';
import { checkLlmSettings, createLlmReader, DEFAULTS, type LlmReader, type ThinkSetting } from './llm/llm-reader.js';
import { loadPrompt, type ClassifyVersion, type PromptTemplate } from './llm/prompt.js';
import { ReadTexts } from './llm/read-texts.js';
import { createTranslator, type Translator } from './llm/translator.js';
import { parseModelSpec, type ModelSpec } from './model-spec.js';
import type { ChatMessage } from './backends/backend.js';
import type { Reader } from './reader.js';
import { createRulesReader } from './rules/rules-reader.js';

export const DEFAULT_OLLAMA_URL = 'http://127.0.0.1:11434';

export interface ReaderSettings {
  taxonomy?: Taxonomy;
  promptFile?: string;
  /** The built-in classification prompt (--prompt-version); --prompt wins. */
  promptVersion?: ClassifyVersion;
  /** --answer evidence|category. */
  answer?: AnswerMode;
  /** --abstain: LLM readers may give no category, with a reason. */
  abstain?: boolean;
  think?: ThinkSetting;
  /** --samples k: self-consistency. */
  samples?: number;
  ollamaUrls?: string[];
  openaiUrls?: string[];
  allowHosts?: string[];
  timeoutMs?: number;
  temperature?: number;
  seed?: number;
  maxTokens?: number;
  answerRetries?: number;
  /** CPU threads for llama.cpp in this process. */
  threads?: number;
  withMeasurements?: boolean;
  /** Model spec of the translation step (--translate). */
  translate?: string;
  apiKey?: string;
  logPrompt?(reportId: string, messages: ChatMessage[]): void;
  /** Test seams: the fetch and the DNS resolver behind the egress guard. */
  fetch?: typeof fetch;
  resolve?: EgressPolicy['resolve'];
  /** Skip asking the servers for their models before the run. */
  skipPreflight?: boolean;
  /** Readers that only plan requests and read answers (batch files): no server, no endpoint flags needed. */
  offline?: boolean;
}

export interface Readers {
  readers: Reader[];
  translator?: Translator;
  texts: ReadTexts;
  /** Versions of the prompts in use, for the run configuration. */
  promptVersion?: string;
  /** The classification prompt, when an LLM reader uses one. */
  prompt?: PromptTemplate;
  /** Remarks for the user (an endpoint without the model, a fallback). */
  warnings: string[];
  /** Parallel slots per endpoint, where the server says. */
  slots: Map<string, number>;
}

/** `OLLAMA_HOST` may be "0.0.0.0:11434" or "localhost"; make it a URL with scheme and port. */
export function normaliseOllamaUrl(value: string): string {
  const withScheme = /^[a-z]+:\/\//i.test(value) ? value : `http://${value}`;
  const url = new URL(withScheme);
  if (!url.port && !/^[a-z]+:\/\/[^/]+:\d+/i.test(withScheme)) url.port = '11434';
  return url.toString().replace(/\/+$/, '');
}

/** An OpenAI-compatible base URL; "/v1" is added when the URL has no path (vLLM serves under /v1). */
export function normaliseOpenAiUrl(value: string): string {
  const url = new URL(/^[a-z]+:\/\//i.test(value) ? value : `http://${value}`);
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/v1';
  return url.toString().replace(/\/+$/, '');
}

function parseUrl(flag: string, value: string, normalise: (v: string) => string): string {
  try {
    return normalise(value);
  } catch {
    throw new ConfigError(`${flag} ${value}: not a URL`, { code: 'config.url', hint: `Write e.g. ${flag} http://127.0.0.1:${flag === '--ollama-url' ? '11434' : '8000/v1'}` });
  }
}

export async function createReaders(specs: string[], settings: ReaderSettings = {}): Promise<Readers> {
  const parsed = specs.map(parseModelSpec);
  const seen = new Set<string>();
  for (const spec of parsed) {
    if (seen.has(spec.spec)) throw new ConfigError(`--model ${spec.spec}: given twice`, { code: 'config.model_duplicate', hint: 'Name each model once' });
    seen.add(spec.spec);
  }
  const translateSpec = settings.translate ? parseModelSpec(settings.translate) : undefined;
  if (translateSpec?.kind === 'rules') throw new ConfigError('--translate rules: the guideline engine does not translate', { code: 'config.translate', hint: 'Name an LLM, e.g. --translate ollama:llama3.3:70b' });
  const taxonomy = settings.taxonomy ?? loadTaxonomy(undefined);
  const texts = new ReadTexts({ withMeasurements: settings.withMeasurements, translateModel: translateSpec?.spec });
  const llmSpecs = parsed.filter((s) => s.kind !== 'rules');
  const warnings: string[] = [];
  const readers: Reader[] = [];
  const prompt: PromptTemplate | undefined = llmSpecs.length > 0 ? loadPrompt('classify', settings.promptFile, settings.promptVersion) : undefined;
  if (prompt) checkLlmSettings({ prompt, taxonomy, mode: settings.answer, abstain: settings.abstain, samples: settings.samples, temperature: settings.temperature });
  const slots = new Map<string, number>();
  // Built before any server is asked, so a taxonomy the engine cannot answer in is refused first.
  const rules = parsed.some((s) => s.kind === 'rules') ? createRulesReader(taxonomy) : undefined;
  const backendsFor: BackendsFor = settings.offline
    ? async (spec) => ({ model: spec.kind === 'llamacpp' ? spec.path : 'model' in spec ? spec.model : spec.spec, backends: [] })
    : await backendFactory(settings, [...llmSpecs, ...(translateSpec ? [translateSpec] : [])], warnings, slots);

  for (const spec of parsed) {
    if (spec.kind === 'rules') {
      readers.push(rules!);
      continue;
    }
    const { model, backends } = await backendsFor(spec);
    readers.push(
      createLlmReader({
        id: spec.spec,
        model,
        backends,
        taxonomy,
        prompt: prompt!,
        textFor: (report) => texts.textFor(report),
        mode: settings.answer,
        abstain: settings.abstain,
        temperature: settings.temperature,
        seed: settings.seed,
        maxTokens: settings.maxTokens,
        think: settings.think,
        samples: settings.samples,
        answerRetries: settings.answerRetries,
        logPrompt: settings.logPrompt,
      }),
    );
  }
  let translator: Translator | undefined;
  if (translateSpec) {
    const { model, backends } = await backendsFor(translateSpec);
    translator = createTranslator({ id: translateSpec.spec, model, backends, prompt: loadPrompt('translate'), seed: settings.seed });
  }
  const versions = [prompt?.version, translator?.promptVersion].filter(Boolean);
  return { readers, translator, texts, promptVersion: versions.length > 0 ? versions.join('+') : undefined, prompt, warnings, slots };
}

type BackendsFor = (spec: ModelSpec) => Promise<{ model: string; backends: Backend[] }>;

/** The endpoints of one server kind as the flags give them (Ollama: `$OLLAMA_HOST` or the default when none). */
export function endpointUrls(kind: 'ollama' | 'openai', settings: Pick<ReaderSettings, 'ollamaUrls' | 'openaiUrls'>): string[] {
  if (kind === 'ollama') return (settings.ollamaUrls?.length ? settings.ollamaUrls : [process.env.OLLAMA_HOST || DEFAULT_OLLAMA_URL]).map((u) => parseUrl('--ollama-url', u, normaliseOllamaUrl));
  return (settings.openaiUrls ?? []).map((u) => parseUrl('--openai-url', u, normaliseOpenAiUrl));
}

/** The backend of one server endpoint; its client library is imported only now. */
export async function createServerBackend(kind: 'ollama' | 'openai', url: string, options: { fetch: typeof fetch; timeoutMs: number; statusTimeoutMs?: number; apiKey?: string }): Promise<Backend> {
  if (kind === 'ollama') {
    const { createOllamaBackend } = await import('./backends/ollama/ollama-backend.js');
    return createOllamaBackend({ baseUrl: url, fetch: options.fetch, timeoutMs: options.timeoutMs, statusTimeoutMs: options.statusTimeoutMs });
  }
  const { createOpenAiBackend } = await import('./backends/openai-compatible/openai-backend.js');
  return createOpenAiBackend({ baseUrl: url, fetch: options.fetch, timeoutMs: options.timeoutMs, statusTimeoutMs: options.statusTimeoutMs, apiKey: options.apiKey });
}

/** Whether a server's model list has the model (`qwen2.5` is `qwen2.5:latest` to Ollama). */
export function hasModel(ids: string[], model: string): boolean {
  return ids.some((m) => m === model || m === `${model}:latest` || m.replace(/:latest$/, '') === model);
}

/** Creates the backends once per endpoint and checks them before use. */
async function backendFactory(settings: ReaderSettings, specs: ModelSpec[], warnings: string[], slots: Map<string, number>): Promise<BackendsFor> {
  const timeoutMs = settings.timeoutMs ?? 300_000;
  const policy: EgressPolicy = { allowHosts: settings.allowHosts ?? [], resolve: settings.resolve };
  const needs = new Set(specs.map((s) => s.kind));
  const ollamaUrls = endpointUrls('ollama', settings);
  const openaiUrls = endpointUrls('openai', settings);
  if (needs.has('openai') && openaiUrls.length === 0) {
    throw new ConfigError('--model openai:<model> needs --openai-url', { code: 'config.openai_url', hint: 'Give the server, e.g. --openai-url http://127.0.0.1:8000/v1 (vLLM) or http://127.0.0.1:8080/v1 (llama.cpp server)' });
  }
  // The privacy guard runs before any connection, for every endpoint the run will use.
  const endpoints = [...(needs.has('ollama') ? ollamaUrls : []), ...(needs.has('openai') ? openaiUrls : [])];
  let fetchFn: typeof fetch | undefined = settings.fetch;
  if (endpoints.length > 0) {
    const { checkEndpoint } = await import('./backends/egress-guard.js');
    for (const url of endpoints) await checkEndpoint(url, policy);
    fetchFn ??= (await import('./backends/http.js')).createGuardedFetch(policy);
  }
  const cache = new Map<string, Backend>();
  const backend = async (kind: 'ollama' | 'openai', url: string): Promise<Backend> => {
    const key = `${kind} ${url}`;
    let b = cache.get(key);
    if (!b) {
      b = await createServerBackend(kind, url, { fetch: fetchFn!, timeoutMs, apiKey: settings.apiKey });
      cache.set(key, b);
    }
    return b;
  };
  const inventory = new Map<Backend, Promise<string[]>>();
  const modelsOn = (b: Backend) => {
    let list = inventory.get(b);
    if (!list) {
      list = b.listModels().then((ms) => ms.map((m) => m.id));
      inventory.set(b, list);
    }
    return list;
  };

  return async (spec) => {
    if (spec.kind === 'llamacpp') {
      const { createLlamaCppBackend } = await import('./backends/llama-cpp/llama-cpp-backend.js');
      slots.set('in-process', 1);
      return { model: spec.path, backends: [createLlamaCppBackend({ modelPath: spec.path, threads: settings.threads })] };
    }
    if (spec.kind === 'rules') throw new ConfigError('rules has no backend', { code: 'internal' });
    const urls = spec.kind === 'ollama' ? ollamaUrls : openaiUrls;
    const all = await Promise.all(urls.map((u) => backend(spec.kind as 'ollama' | 'openai', u)));
    if (settings.skipPreflight) return { model: spec.model, backends: all };
    const usable: Backend[] = [];
    for (const b of all) {
      let models: string[];
      try {
        models = await modelsOn(b);
      } catch (error) {
        throw unreachable(b.endpoint, error, spec.kind === 'ollama' ? 'Start Ollama (ollama serve) or point --ollama-url at a running server' : 'Start the server or check --openai-url');
      }
      const present = hasModel(models, spec.model);
      const serverSlots = await b.parallelSlots?.();
      if (serverSlots) slots.set(b.endpoint, serverSlots);
      if (present) usable.push(b);
      else warnings.push(`${b.endpoint} does not have ${spec.model}; it is not used for that model`);
    }
    if (usable.length === 0) {
      throw new ConfigError(`--model ${spec.spec}: no endpoint has the model "${spec.model}" (asked ${urls.join(', ')})`, {
        code: 'config.model_missing',
        hint: spec.kind === 'ollama' ? `Pull it with: ollama pull ${spec.model}` : 'Check the model name with cmrdx models --openai-url <url>',
      });
    }
    return { model: spec.model, backends: usable };
  };
}

/**
 * A server that failed the preflight, in one sentence: the backend's reason already names the endpoint
 * ("http://127.0.0.1:9: connection refused"), so it is said once, with one hint. A redirect keeps its own code
 * and advice: it is a privacy refusal, not an outage.
 */
export function unreachable(endpoint: string, error: unknown, hint: string): ConfigError {
  if (CmrdxError.isInstance(error) && error.code.startsWith('egress.')) return new ConfigError(error.summary, { code: error.code, hint: error.hint });
  return new ConfigError(`cannot reach ${endpoint}: ${failureReason(endpoint, error)}`, { code: 'config.unreachable', hint });
}

/** Why a request to `endpoint` failed, without the endpoint and the hint ("connection refused (nothing listens there)"). */
export function failureReason(endpoint: string, error: unknown): string {
  const summary = CmrdxError.isInstance(error) ? error.summary : error instanceof Error ? error.message : String(error);
  return summary.startsWith(endpoint) ? summary.slice(endpoint.length).replace(/^[^:]*:\s*/, '') : summary;
}

export { DEFAULTS as LLM_DEFAULTS };
export type { LlmReader };
