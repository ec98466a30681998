/**
 * A backend that keeps every request it passes on and what came back, so doctor can run the real LLM reader
 * (context sizing, re-asking, the length retry) and still see each raw answer: whether the first one followed
 * the schema as sent, whether it carried thinking, where it stopped.
 */
import type { Backend, GenerateRequest, GenerateResult } from '../readers/backends/backend.js';

export interface Exchange {
  request: GenerateRequest;
  result?: GenerateResult;
  error?: unknown;
}

export function recordingBackend(inner: Backend): Backend & { exchanges: Exchange[] } {
  const exchanges: Exchange[] = [];
  return {
    provider: inner.provider,
    endpoint: inner.endpoint,
    exchanges,
    async generate(request) {
      const exchange: Exchange = { request };
      exchanges.push(exchange);
      try {
        exchange.result = await inner.generate(request);
        return exchange.result;
      } catch (error) {
        exchange.error = error;
        throw error;
      }
    },
    listModels: () => inner.listModels(),
    ...(inner.contextLength ? { contextLength: (model: string) => inner.contextLength!(model) } : {}),
  };
}
