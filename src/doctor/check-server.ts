/**
 * The first check: the server answers, says what it is and its version, has the model, and (Ollama) has it in
 * memory or loads it now. Every other check needs this one; when it fails, they are not run.
 */
import type { ServerStatus } from '../readers/backends/backend.js';
import { hasModel } from '../readers/create-reader.js';
import { BudgetExceeded, withinBudget } from './budget.js';
import { count, fail, ok, secondsText, warn, type CheckResult } from './check-result.js';
import { commonContext, type DoctorTarget } from './doctor-target.js';
import { errorCode } from './safe-text.js';

export interface ServerFindings {
  result: CheckResult;
  status?: ServerStatus;
}

const START_HINT: Record<string, string> = {
  ollama: 'Start Ollama (ollama serve) or point --ollama-url at a running server',
  openai: 'Start the server or check --openai-url (vLLM and llama.cpp serve the API under /v1)',
  llamacpp: 'Check the model file and that node-llama-cpp is installed (npm install node-llama-cpp@3.21.1)',
};

/** The first version whose `format` takes a JSON Schema (older ones know only "json"). */
const OLLAMA_SCHEMA_VERSION = [0, 5, 0];

const gb = (bytes: number) => `${(bytes / 1e9).toFixed(1)} GB`;

/** Whether a dotted version (`0.12.11`, `0.5.0-rc1`) is older than `wanted`; unreadable ones are not. */
export function olderThan(version: string, wanted: number[]): boolean {
  const parts = version.split(/[.-]/).map((p) => Number.parseInt(p, 10));
  for (let i = 0; i < wanted.length; i++) {
    const have = parts[i] ?? 0;
    if (Number.isNaN(have)) return false;
    if (have !== wanted[i]) return have < wanted[i]!;
  }
  return false;
}

export async function checkServer(target: DoctorTarget, budgets: { statusMs: number; loadMs: number }): Promise<ServerFindings> {
  const { backend, model } = target;
  const endpoint = backend.endpoint;
  const inProcess = backend.provider === 'llamacpp';
  let ids: string[];
  try {
    // llama.cpp in this process loads the model file to list it.
    ids = (await withinBudget(inProcess ? budgets.loadMs : budgets.statusMs, () => backend.listModels())).map((m) => m.id);
  } catch (error) {
    if (errorCode(error)?.startsWith('egress.')) {
      return { result: fail('server', target.sent.scrub((error as { summary: string }).summary), (error as { hint?: string }).hint ?? START_HINT[backend.provider]!, { code: errorCode(error) }) };
    }
    const why = error instanceof BudgetExceeded ? error.message : target.sent.reason(endpoint, error);
    return { result: fail('server', inProcess ? `the model does not load: ${why}` : `cannot reach ${endpoint}: ${why}`, START_HINT[backend.provider]!, { code: errorCode(error) ?? 'budget' }) };
  }
  if (!inProcess && !hasModel(ids, model)) {
    const shown = ids.slice(0, 5).join(', ') + (ids.length > 5 ? ` and ${ids.length - 5} more` : '');
    return {
      result: fail('server', `the server has no model "${model}" (it has ${ids.length === 0 ? 'none' : shown})`, backend.provider === 'ollama' ? `Pull it first: ollama pull ${model}` : `Name one the server serves: --model openai:<id> (cmrdx models --openai-url ${endpoint})`, { models: ids.length }),
    };
  }
  target.modelContext = await backend.contextLength?.(model).catch(() => undefined);
  if (backend.provider === 'ollama') target.contextTokens = commonContext(target);
  let status: ServerStatus | undefined;
  try {
    status = await withinBudget(budgets.statusMs, async () => backend.describe?.(model));
  } catch (error) {
    if (errorCode(error)?.startsWith('egress.')) return { result: fail('server', target.sent.scrub((error as { summary: string }).summary), (error as { hint?: string }).hint ?? START_HINT[backend.provider]!) };
    status = undefined;
  }
  const name = inProcess ? 'llama.cpp in this process' : `${status?.server ?? 'the server'}${status?.version ? ` ${status.version}` : ''}`;
  const parts = [name, `${model} present`];
  const measured: Record<string, unknown> = { server: status?.server, version: status?.version, modelContext: target.modelContext };
  let verdict: 'ok' | 'warn' = 'ok';
  let advice: string | undefined;

  if (status?.loaded === null && backend.load) {
    const started = performance.now();
    try {
      await withinBudget(budgets.loadMs, (signal) => backend.load!(model, { contextTokens: target.contextTokens, signal }));
    } catch (error) {
      const why = error instanceof BudgetExceeded ? error.message : target.sent.reason(endpoint, error);
      return { result: fail('server', `${parts.join('; ')}, but it does not load: ${why}`, 'Check the server log (not enough memory for the model and its context?) and ollama ps', measured) };
    }
    const loadSeconds = (performance.now() - started) / 1000;
    measured.loadSeconds = loadSeconds;
    parts[1] += `, loaded now in ${secondsText(loadSeconds)}`;
  } else if (status?.loaded) {
    const { sizeBytes, sizeVramBytes } = status.loaded;
    parts[1] += ', loaded';
    if (sizeBytes && sizeVramBytes !== undefined) {
      parts[1] += ` (${gb(sizeVramBytes)} of ${gb(sizeBytes)} in GPU memory)`;
      measured.gpuShare = sizeVramBytes / sizeBytes;
      if (sizeVramBytes < sizeBytes * 0.95) {
        verdict = 'warn';
        advice = `Only ${Math.round((100 * sizeVramBytes) / sizeBytes)} % of the model is in GPU memory, the rest runs on the CPU (much slower): use a smaller model or quantisation, a smaller context, or fewer parallel requests (OLLAMA_NUM_PARALLEL)`;
      }
    }
  }
  if (target.modelContext) parts.push(`context ${count(target.modelContext)} tokens`);
  if (status?.server === 'Ollama' && status.version && olderThan(status.version, OLLAMA_SCHEMA_VERSION)) {
    verdict = 'warn';
    advice = `Ollama ${status.version} takes no JSON Schema in format (0.5.0 and later do): update Ollama`;
  }
  const detail = parts.join('; ');
  return { result: verdict === 'ok' ? ok('server', detail, measured) : warn('server', detail, advice!, measured), status };
}
