/** `cmrdx models`: what each Ollama or OpenAI-compatible server offers (/api/tags, /v1/models). */
import { ConfigError } from '../../errors.js';
import type { Backend } from '../../readers/backends/backend.js';
import { checkEndpoint } from '../../readers/backends/egress-guard.js';
import { createGuardedFetch } from '../../readers/backends/http.js';
import { createOllamaBackend } from '../../readers/backends/ollama/ollama-backend.js';
import { createOpenAiBackend } from '../../readers/backends/openai-compatible/openai-backend.js';
import { DEFAULT_OLLAMA_URL, failureReason, normaliseOllamaUrl, normaliseOpenAiUrl } from '../../readers/create-reader.js';
import type { Context } from '../program.js';
import { timeoutFlag } from './model-flags.js';

interface ModelsFlags {
  ollamaUrl: string[];
  openaiUrl: string[];
  allowHost: string[];
  timeout: string;
  json?: boolean;
}

export async function modelsCommand(args: unknown[], ctx: Context): Promise<number> {
  const [flags] = args as [ModelsFlags];
  const policy = { allowHosts: flags.allowHost };
  const timeoutMs = timeoutFlag(flags.timeout);
  const fetchFn = createGuardedFetch(policy);
  const ollama = flags.ollamaUrl.length > 0 || flags.openaiUrl.length === 0 ? (flags.ollamaUrl.length > 0 ? flags.ollamaUrl : [process.env.OLLAMA_HOST || DEFAULT_OLLAMA_URL]) : [];
  const backends: Backend[] = [];
  for (const url of ollama.map(normaliseOllamaUrl)) {
    await checkEndpoint(url, policy);
    backends.push(createOllamaBackend({ baseUrl: url, fetch: fetchFn, timeoutMs, statusTimeoutMs: timeoutMs }));
  }
  for (const url of flags.openaiUrl.map(normaliseOpenAiUrl)) {
    await checkEndpoint(url, policy);
    backends.push(createOpenAiBackend({ baseUrl: url, fetch: fetchFn, timeoutMs, statusTimeoutMs: timeoutMs }));
  }
  const out: { endpoint: string; provider: string; models?: { id: string; sizeBytes?: number; contextLength?: number }[]; error?: string }[] = [];
  for (const b of backends) {
    try {
      out.push({ endpoint: b.endpoint, provider: b.provider, models: (await b.listModels()).map(({ id, sizeBytes, contextLength }) => ({ id, sizeBytes, contextLength })) });
    } catch (error) {
      out.push({ endpoint: b.endpoint, provider: b.provider, error: failureReason(b.endpoint, error) });
    }
  }
  if (flags.json) ctx.io.out(`${JSON.stringify(out, null, 2)}\n`);
  else {
    for (const e of out) {
      ctx.io.out(`${e.provider} ${e.endpoint}\n`);
      if (e.error) ctx.io.out(`  unreachable: ${e.error}\n`);
      for (const m of e.models ?? []) ctx.io.out(`  ${e.provider === 'ollama' ? 'ollama' : 'openai'}:${m.id}${m.sizeBytes ? `  ${(m.sizeBytes / 1e9).toFixed(1)} GB` : ''}${m.contextLength ? `  ctx ${m.contextLength}` : ''}\n`);
    }
  }
  if (out.every((e) => e.error)) throw new ConfigError('no server answered', { code: 'config.unreachable', hint: 'Start the server, or pass --ollama-url / --openai-url' });
  return 0;
}
