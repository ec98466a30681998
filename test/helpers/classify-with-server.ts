/**
 * One classify run of an LLM reader against the fake server, in process: the server scripted per request, the
 * real backends and scheduler, quick retries. Returns the predictions.jsonl lines and the server's record.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createReaders, type ReaderSettings } from '../../src/readers/create-reader.js';
import { runClassify } from '../../src/run/run-classify.js';
import type { Report } from '../../src/report/report.js';
import { DEFAULT_TAXONOMY } from '../../src/taxonomy/taxonomy.js';
import { startFakeServer, type ChatCall, type FakeServerOptions, type Provider } from './fake-llm-server.js';

export interface PredictionLine {
  id: string;
  model: string;
  category: string | null;
  error: { type: string; code: string; message: string } | null;
  evidence: { quote: string; start: number | null; alignment: string }[];
  details?: Record<string, unknown>;
}

export const TWO_REPORTS: Report[] = [
  { id: 'r1', text: 'Befund: Subepikardiales LGE basal inferolateral, Myokardödem inferolateral.\nBeurteilung: Akute Myokarditis.' },
  { id: 'r2', text: 'Befund: Normale Größe und Funktion, kein LGE.\nBeurteilung: Normalbefund.' },
];

let runs = 0;

export async function classifyWithServer(
  outRoot: string,
  provider: Provider,
  server: FakeServerOptions,
  options: { timeoutMs?: number; retries?: number; maxTokens?: number; answerRetries?: number; reports?: Report[]; settings?: ReaderSettings } = {},
): Promise<{ lines: PredictionLine[]; calls: ChatCall[]; requests: string[]; out: string }> {
  const fake = await startFakeServer({ models: ['m1'], ...server });
  try {
    const spec = provider === 'ollama' ? 'ollama:m1' : 'openai:m1';
    const built = await createReaders([spec], {
      taxonomy: DEFAULT_TAXONOMY,
      ollamaUrls: [fake.url],
      openaiUrls: [`${fake.url}/v1`],
      timeoutMs: options.timeoutMs ?? 5000,
      maxTokens: options.maxTokens,
      answerRetries: options.answerRetries,
      ...options.settings,
    });
    const out = join(outRoot, `run-${++runs}`);
    await runClassify({
      reports: options.reports ?? TWO_REPORTS,
      readers: built.readers,
      texts: built.texts,
      outDir: out,
      config: { models: [spec], taxonomy: { name: 'd', version: '1' } },
      retries: options.retries ?? 2,
      backoff: { baseMs: 5, maxMs: 20 },
      cooldown: { afterFailures: 100, ms: 10, giveUpAfter: 100 },
    });
    const lines = readFileSync(join(out, 'predictions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as PredictionLine);
    return { lines, calls: [...fake.calls], requests: [...fake.requests], out };
  } finally {
    await fake.close();
  }
}
