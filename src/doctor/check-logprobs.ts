/**
 * Logprobs: whether the server returns token log-probabilities with classify's own request (it asks for
 * `top_logprobs` on every request: OpenAI-compatible `logprobs`, Ollama's `logprobs` from 0.12.11), and so which
 * confidence classify's predictions will carry: the category's probability from the logprobs, the agreement of
 * `--samples k` answers, or none. Read from the answer probe, the very request and prediction classify makes.
 */
import type { ServerStatus } from '../readers/backends/backend.js';
import { ok, warn, type CheckResult } from './check-result.js';
import type { AnswerProbe } from './check-answer.js';
import { olderThan } from './check-server.js';
import type { DoctorTarget } from './doctor-target.js';

/** The first Ollama that returns logprobs (on its own API). */
const OLLAMA_LOGPROBS_VERSION = [0, 12, 11];

function advice(target: DoctorTarget, status: ServerStatus | undefined): string {
  const fallback = 'without them predictions have no confidence unless --samples k (k requests per report, at a --temperature above 0)';
  const server = status?.server;
  if (server === 'Ollama' && target.backend.provider === 'openai') return `Ollama returns logprobs on its own API: use --model ollama:${target.model} with --ollama-url; ${fallback}`;
  if (server === 'Ollama' && status?.version && !olderThan(status.version, OLLAMA_LOGPROBS_VERSION)) return `This Ollama (${status.version}) returns logprobs for models whose runner supports them; this one does not: ${fallback}`;
  if (target.backend.provider === 'ollama' || server === 'Ollama') return `Ollama returns logprobs from 0.12.11 on: update it; ${fallback}`;
  if (server === 'vLLM') return `vLLM returns logprobs unless limited: start it with --max-logprobs 20; ${fallback}`;
  if (server === 'llama.cpp server') return `Use a recent llama-server (it returns logprobs for logprobs/top_logprobs); ${fallback}`;
  if (target.backend.provider === 'llamacpp') return `cmrdx reads no logprobs from llama.cpp in this process; serve the model with llama-server, or ${fallback.replace('without them predictions have no confidence unless ', 'use ')}`;
  return `Use a server that returns logprobs/top_logprobs; ${fallback}`;
}

export function logprobsResult(target: DoctorTarget, probe: AnswerProbe, status: ServerStatus | undefined): CheckResult {
  const answered = probe.exchanges.filter((e) => e.result);
  if (answered.length === 0) return warn('logprobs', `not judged: no answer to ${probe.report.id}`, 'See the structured check', { logprobs: null });
  const withLogprobs = answered.filter((e) => e.result!.logprobs && e.result!.logprobs.length > 0);
  const asked = Math.max(0, ...answered.map((e) => e.request.topLogprobs ?? 0));
  const top = Math.max(0, ...withLogprobs.flatMap((e) => e.result!.logprobs!.map((t) => t.top?.length ?? 0)));
  const refused = answered.some((e) => e.result!.warnings.some((w) => /refuses logprobs/.test(w)));
  const confidence = probe.prediction?.confidence ?? null;
  const measured = { logprobs: withLogprobs.length > 0, asked, topLogprobs: top, confidenceSource: confidence?.source ?? null, ...(confidence ? { confidence: confidence.value } : {}) };
  const samples = target.generation.samples;
  if (samples > 1) {
    const also = withLogprobs.length > 0 ? 'token logprobs come back too' : 'no token logprobs';
    return ok('logprobs', `--samples ${samples}: confidence is the agreement of ${samples} answers (${also})`, measured);
  }
  if (withLogprobs.length === 0) {
    return warn('logprobs', refused ? 'the server refuses logprobs: predictions will have no confidence' : 'the server returns no token logprobs: predictions will have no confidence', advice(target, status), measured);
  }
  if (confidence?.source === 'logprobs') {
    return ok('logprobs', `token logprobs with the top ${top} alternatives: confidence is the category's probability (${confidence.value.toFixed(2)} for ${probe.report.id})`, measured);
  }
  return warn(
    'logprobs',
    top < 2 ? 'token logprobs, but without the alternatives (top_logprobs): no category probability' : `token logprobs came back, but they do not spell the category: no confidence for ${probe.report.id}`,
    advice(target, status),
    measured,
  );
}
