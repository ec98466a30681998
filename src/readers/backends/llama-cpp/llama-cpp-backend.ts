/**
 * llama.cpp inside this process through node-llama-cpp: a GGUF file on disk, no server. The answer is
 * constrained by a grammar made from the same JSON Schema the HTTP backends send; `--think` sets node-llama-cpp's
 * thought budget. It gives no token logprobs (confidence needs --samples). node-llama-cpp is an optional
 * dependency of 700 MB and is imported only when a `llamacpp:` model is asked for. Its default thread count
 * oversubscribes small CPUs badly (measured 500x slower on 2 cores), so the thread count is always set.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { BackendError, ConfigError } from '../../../errors.js';
import type { Backend, GenerateRequest, GenerateResult, ModelInfo } from '../backend.js';

export interface LlamaCppOptions {
  modelPath: string;
  /** CPU threads for generation; default: the machine's cores. */
  threads?: number;
  /** 'auto' uses a GPU when node-llama-cpp finds one. */
  gpu?: 'auto' | false;
}

// Types only: the module itself is imported lazily in importNodeLlamaCpp().
import type * as NodeLlamaCppModule from 'node-llama-cpp';

type NodeLlamaCpp = typeof NodeLlamaCppModule;
type Llama = Awaited<ReturnType<NodeLlamaCpp['getLlama']>>;
type LlamaModel = Awaited<ReturnType<Llama['loadModel']>>;

async function importNodeLlamaCpp(): Promise<NodeLlamaCpp> {
  try {
    return await import('node-llama-cpp');
  } catch (error) {
    throw new ConfigError('llamacpp: node-llama-cpp is not installed', {
      code: 'config.llamacpp_missing',
      hint: 'Install it with npm install node-llama-cpp@3.21.1 (an optional dependency of cmrdx), or use an Ollama or OpenAI-compatible server',
      cause: error,
    });
  }
}

/**
 * The grammar for an answer schema: node-llama-cpp turns the same JSON Schema the HTTP backends send into a GBNF
 * grammar, properties in the schema's order. (Its generator is typed over literal schemas; zod checks the
 * answer afterwards.)
 */
export function grammarFor(llama: Llama, schema: Record<string, unknown>) {
  return llama.createGrammarForJsonSchema(schema as never);
}

export function createLlamaCppBackend(options: LlamaCppOptions): Backend {
  if (!existsSync(options.modelPath)) {
    throw new ConfigError(`--model llamacpp:${options.modelPath}: no such file`, { code: 'config.model_file', hint: 'Give the path of a .gguf model file' });
  }
  const threads = options.threads ?? Math.max(1, availableParallelism());
  let loading: Promise<{ llama: Llama; model: LlamaModel; lib: NodeLlamaCpp }> | undefined;
  // One request at a time: the embedded model has one context.
  let queue: Promise<unknown> = Promise.resolve();

  const load = () => {
    loading ??= (async () => {
      const lib = await importNodeLlamaCpp();
      const llama = await lib.getLlama({ gpu: options.gpu ?? 'auto', build: 'never', maxThreads: threads, logLevel: lib.LlamaLogLevel.error });
      const model = await llama.loadModel({ modelPath: options.modelPath });
      return { llama, model, lib };
    })();
    return loading;
  };

  const generateNow = async (request: GenerateRequest): Promise<GenerateResult> => {
    const { llama, model, lib } = await load();
    const [system, ...rest] = request.messages;
    const user = rest.filter((m) => m.role === 'user').map((m) => m.content).join('\n\n');
    const promptTokens = model.tokenize(`${system?.content ?? ''}\n${user}`).length;
    // The exact count (the reader only estimates it): an output budget larger than the context leaves is cut to
    // what fits, with a warning; a prompt that leaves too little room for any answer is refused.
    const room = model.trainContextSize - promptTokens - 64;
    const warnings: string[] = [];
    if (room < Math.min(request.maxTokens, 16)) {
      throw new BackendError(`llamacpp: the prompt needs ${promptTokens} tokens, which leaves no room for an answer in the model's context of ${model.trainContextSize}`, {
        code: 'backend.context_overflow',
        isRetryable: false,
        hint: 'Use a model with a longer context, or leave out --with-measurements',
      });
    }
    const maxTokens = Math.min(request.maxTokens, room);
    if (maxTokens < request.maxTokens) warnings.push(`llamacpp: the output budget was cut from ${request.maxTokens} to ${maxTokens} tokens to fit the model's context of ${model.trainContextSize}`);
    const needed = promptTokens + maxTokens + 64;
    const started = performance.now();
    const context = await model.createContext({ contextSize: Math.min(model.trainContextSize, Math.max(512, 2 ** Math.ceil(Math.log2(needed)))), threads });
    try {
      const session = new lib.LlamaChatSession({ contextSequence: context.getSequence(), systemPrompt: system?.role === 'system' ? system.content : undefined });
      const grammar = request.schema ? await grammarFor(llama, request.schema) : undefined;
      let outputTokens = 0;
      // A thinking budget node-llama-cpp honours itself; thinking off is a budget of none.
      const thoughtTokens = request.think === false ? 0 : typeof request.think === 'number' ? request.think : undefined;
      const text = await session.prompt(user, {
        ...(grammar ? { grammar } : {}),
        ...(thoughtTokens === undefined ? {} : { budgets: { thoughtTokens } }),
        maxTokens,
        temperature: request.temperature,
        seed: request.seed,
        signal: request.signal,
        onToken: (tokens) => (outputTokens += tokens.length),
      });
      session.dispose();
      return {
        text,
        usage: { promptTokens, outputTokens },
        timings: { totalMs: performance.now() - started },
        truncated: outputTokens >= maxTokens,
        stopReason: outputTokens >= maxTokens ? 'length' : 'stop',
        warnings,
        answerFormat: grammar ? 'grammar' : 'none',
      };
    } catch (error) {
      if (error instanceof BackendError) throw error;
      const e = error as Error;
      throw new BackendError(`llamacpp: generation failed (${e.message})`, { code: e.name === 'AbortError' ? 'backend.aborted' : 'backend.llamacpp', isRetryable: false, cause: error });
    } finally {
      await context.dispose();
    }
  };

  return {
    provider: 'llamacpp',
    endpoint: 'in-process',
    generate(request) {
      const next = queue.then(() => generateNow(request));
      queue = next.catch(() => undefined);
      return next;
    },
    async listModels(): Promise<ModelInfo[]> {
      const { model } = await load();
      return [{ id: options.modelPath, contextLength: model.trainContextSize, sizeBytes: model.size }];
    },
    async contextLength() {
      return (await load()).model.trainContextSize;
    },
    parallelSlots: async () => 1,
    async close() {
      if (!loading) return;
      const { llama, model } = await loading;
      await model.dispose();
      await llama.dispose();
      loading = undefined;
    },
  };
}
