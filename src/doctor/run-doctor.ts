/**
 * `cmrdx doctor` as a library function: for each endpoint of one model, the checks in order (server, context,
 * structured output, reasoning, logprobs, capacity, smoke run), each under its own time budget, with the reader
 * options classify would use (answer mode, thinking, samples, budget). When the server
 * check fails the rest are not run; when a chat request times out, the later checks that need chat requests
 * are not run either, so a stalled server costs one budget, not six. Endpoints pass the egress guard before
 * anything is sent (a refusal is a ConfigError: exit 2, nothing connected).
 */
import { ConfigError } from '../errors.js';
import type { Backend } from '../readers/backends/backend.js';
import { checkEndpoint, type EgressPolicy } from '../readers/backends/egress-guard.js';
import { createGuardedFetch, STATUS_TIMEOUT_MS } from '../readers/backends/http.js';
import { createServerBackend, endpointUrls, type ReaderSettings } from '../readers/create-reader.js';
import { DEFAULTS } from '../readers/llm/llm-reader.js';
import { loadPrompt } from '../readers/llm/prompt.js';
import { ReadTexts } from '../readers/llm/read-texts.js';
import { parseModelSpec } from '../readers/model-spec.js';
import type { Report } from '../report/report.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { probeAnswer, reasoningResult, smokeAnswers, structuredResult, withSmoke, type AnswerProbe } from './check-answer.js';
import { capacityResult, measureCapacity, type Capacity } from './check-capacity.js';
import { checkContext } from './check-context.js';
import { logprobsResult } from './check-logprobs.js';
import { count, fail, ok, secondsText, worstVerdict, type CheckName, type CheckResult, type Verdict } from './check-result.js';
import { checkServer } from './check-server.js';
import { smokeResult, smokeRun, stratifiedSample, type SmokeRun } from './check-smoke.js';
import { budgetOf, readerFor, type DoctorTarget } from './doctor-target.js';
import { SentTexts } from './safe-text.js';
import { withinBudget } from './budget.js';

/** Each check's time budget (ms). A healthy server needs a fraction of each; together they bound a stalled one. */
export const BUDGETS = {
  status: 10_000,
  load: 120_000,
  context: 30_000,
  answer: 60_000,
  capacity: 30_000,
  smoke: 60_000,
};
export type Budgets = typeof BUDGETS;

export interface DoctorOptions {
  spec: string;
  settings: Omit<ReaderSettings, 'taxonomy' | 'translate' | 'logPrompt' | 'skipPreflight'>;
  taxonomy: Taxonomy;
  /** The reports of --input (the longest prompt is checked) and what to call them. */
  input: { name: string; reports: Report[] };
  /** The labelled cohort the smoke run samples (the demo) and its taxonomy. */
  smoke: { reports: Report[]; taxonomy: Taxonomy };
  skip?: CheckName[];
  version: string;
  budgets?: Partial<Budgets>;
  onProgress?(endpoint: string, check: CheckName, budgetMs: number): void;
}

export interface EndpointReport {
  endpoint: string;
  provider: string;
  verdict: Verdict;
  checks: CheckResult[];
  /** Checks not run, and why. */
  notRun: { check: CheckName; why: string }[];
  /** The measured capacity, when the sweep ran (classify uses it). */
  capacity?: Capacity & { secondsPerReport?: number };
}

export interface DoctorReport {
  cmrdx: string;
  model: string;
  input: { name: string; reports: number };
  startedAt: string;
  seconds: number;
  verdict: Verdict;
  endpoints: EndpointReport[];
}

/** 40 s, 12 min, 3.5 h */
const duration = (s: number) => (s < 90 ? secondsText(s) : s < 5400 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`);

/** How long past its budget a check that keeps its own budget may run before it is abandoned. */
const GUARD_MS = 5000;

const CHAT_CHECKS: CheckName[] = ['context', 'structured', 'reasoning', 'logprobs', 'capacity', 'smoke'];

async function backendsFor(options: DoctorOptions): Promise<{ backends: Backend[]; fetch: typeof fetch }> {
  const spec = parseModelSpec(options.spec);
  const s = options.settings;
  const timeoutMs = s.timeoutMs ?? 300_000;
  const policy: EgressPolicy = { allowHosts: s.allowHosts ?? [], resolve: s.resolve };
  const guarded = s.fetch ?? createGuardedFetch(policy);
  if (spec.kind === 'rules') throw new ConfigError('--model rules: the guideline engine runs in this process and needs no server check', { code: 'config.model_spec', hint: 'Name an LLM, e.g. --model ollama:qwen2.5:32b' });
  if (spec.kind === 'llamacpp') {
    const { createLlamaCppBackend } = await import('../readers/backends/llama-cpp/llama-cpp-backend.js');
    return { backends: [createLlamaCppBackend({ modelPath: spec.path, threads: s.threads })], fetch: guarded };
  }
  const urls = endpointUrls(spec.kind, s);
  if (urls.length === 0) throw new ConfigError('--model openai:<model> needs --openai-url', { code: 'config.openai_url', hint: 'Give the server, e.g. --openai-url http://127.0.0.1:8000/v1 (vLLM) or http://127.0.0.1:8080/v1 (llama.cpp server)' });
  // The privacy guard first, for every endpoint: a refused one stops doctor before any connection.
  for (const url of urls) await checkEndpoint(url, policy);
  const statusTimeoutMs = Math.min(timeoutMs, STATUS_TIMEOUT_MS);
  return { backends: await Promise.all(urls.map((url) => createServerBackend(spec.kind as 'ollama' | 'openai', url, { fetch: guarded, timeoutMs, statusTimeoutMs, apiKey: s.apiKey }))), fetch: guarded };
}

export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const startedAt = new Date();
  const started = performance.now();
  const spec = parseModelSpec(options.spec);
  if (options.input.reports.length === 0) throw new ConfigError(`--input ${options.input.name}: no reports`, { code: 'config.input', hint: 'Give a file with reports, or leave out --input for the demo cohort' });
  const { backends, fetch } = await backendsFor(options);
  const prompt = loadPrompt('classify', options.settings.promptFile, options.settings.promptVersion);
  const endpoints: EndpointReport[] = [];
  try {
    for (const backend of backends) {
      const target: DoctorTarget = {
        spec: options.spec,
        model: spec.kind === 'llamacpp' ? spec.path : (spec as { model: string }).model,
        backend,
        fetch,
        taxonomy: options.taxonomy,
        prompt,
        texts: new ReadTexts({ withMeasurements: options.settings.withMeasurements }),
        generation: {
          mode: options.settings.answer ?? 'evidence',
          think: options.settings.think ?? 'auto',
          samples: options.settings.samples ?? 1,
          temperature: options.settings.temperature ?? DEFAULTS.temperature,
          seed: options.settings.seed ?? DEFAULTS.seed,
          ...(options.settings.maxTokens !== undefined ? { maxTokens: options.settings.maxTokens } : {}),
          answerRetries: options.settings.answerRetries ?? DEFAULTS.answerRetries,
          ...(options.settings.abstain ? { abstain: true } : {}),
        },
        input: options.input.reports,
        smoke: { reports: stratifiedSample(options.smoke.reports, options.smoke.taxonomy), taxonomy: options.smoke.taxonomy },
        sent: new SentTexts(),
      };
      // The reader classify would build: a combination it refuses (--answer category with a v1 prompt, --samples
      // at temperature 0) stops doctor here, before anything is sent.
      readerFor(target);
      endpoints.push(await doctorEndpoint(target, options));
    }
  } finally {
    for (const b of backends) await b.close?.();
  }
  return {
    cmrdx: options.version,
    model: options.spec,
    input: { name: options.input.name, reports: options.input.reports.length },
    startedAt: startedAt.toISOString(),
    seconds: (performance.now() - started) / 1000,
    verdict: worstVerdict(endpoints.map((e) => e.verdict)),
    endpoints,
  };
}

async function doctorEndpoint(target: DoctorTarget, options: DoctorOptions): Promise<EndpointReport> {
  const budgets = { ...BUDGETS, ...options.budgets };
  const skip = new Set(options.skip ?? []);
  const endpoint = target.backend.endpoint;
  const checks: CheckResult[] = [];
  const notRun: EndpointReport['notRun'] = [];
  const progress = (check: CheckName, ms: number) => options.onProgress?.(endpoint, check, ms);
  /** Set when a check's chat requests timed out: the later ones would too. */
  let chatDown: CheckName | undefined;
  const wanted = (check: CheckName) => {
    if (skip.has(check)) {
      notRun.push({ check, why: 'skipped (--skip)' });
      return false;
    }
    if (chatDown) {
      notRun.push({ check, why: `chat requests time out (see ${chatDown})` });
      return false;
    }
    return true;
  };
  const add = (result: CheckResult) => {
    checks.push(result);
    if (result.measured?.timedOut) chatDown ??= result.check;
    return result;
  };
  let capacity: EndpointReport['capacity'];
  const report = (): EndpointReport => ({ endpoint, provider: target.backend.provider, verdict: worstVerdict(checks.map((c) => c.verdict)), checks, notRun, ...(capacity ? { capacity } : {}) });

  progress('server', budgets.status);
  const server = await checkServer(target, { statusMs: budgets.status, loadMs: budgets.load });
  add(server.result);
  if (server.result.verdict === 'fail') {
    for (const check of CHAT_CHECKS) notRun.push({ check, why: 'the server check failed' });
    return report();
  }
  const serverKind = server.status?.server;

  if (wanted('context')) {
    progress('context', budgets.context);
    add(await checkContext(target, server.status, budgets.context));
  }

  // One report through the real reader: its answers say what structured output, reasoning and logprobs do.
  let probe: AnswerProbe | undefined;
  const answerChecks = (['structured', 'reasoning', 'logprobs'] as const).filter(wanted);
  if (answerChecks.length > 0) {
    progress(answerChecks[0]!, budgets.answer);
    // A report of middle length from the input: the answer is judged, not the context (that has its check).
    const byLength = [...target.input].sort((a, b) => a.text.length - b.text.length);
    probe = await probeAnswer(target, byLength[Math.floor((byLength.length - 1) / 2)]!, target.taxonomy, budgets.answer);
    if (answerChecks.includes('structured')) add(structuredResult(target, probe, target.taxonomy, serverKind));
    if (answerChecks.includes('reasoning')) add(reasoningResult(target, probe, server.status?.capabilities));
    if (answerChecks.includes('logprobs')) add(logprobsResult(target, probe, server.status));
  }

  const serverSlots = await target.backend.parallelSlots?.().catch(() => undefined);
  if (wanted('capacity')) {
    progress('capacity', budgets.capacity);
    if (target.backend.provider === 'llamacpp') {
      add(ok('capacity', 'in this process: one request at a time (--concurrency 1)', { recommended: 1 }));
    } else {
      // The sweep keeps to its budget itself; the guard is for a backend that ignores its abort signal.
      const measured = await withinBudget(budgets.capacity + GUARD_MS, () => measureCapacity(target, budgets.capacity)).catch((error: unknown): { capacity?: Capacity; error?: unknown } => ({ error }));
      capacity = measured.capacity;
      add(capacityResult(target, measured, serverKind, serverSlots));
    }
  }

  let smoke: SmokeRun | undefined;
  if (wanted('smoke')) {
    // At the concurrency just measured, else what classify would use without doctor.
    const concurrency = capacity?.recommended ?? (target.backend.provider === 'llamacpp' ? 1 : serverSlots ? serverSlots + 2 : 4);
    progress('smoke', budgets.smoke);
    const run = Math.min(concurrency, target.smoke.reports.length);
    smoke = await withinBudget(budgets.smoke + GUARD_MS, () => smokeRun(target, run, budgets.smoke)).catch(() => undefined);
    add(smoke ? smokeResult(target, smoke) : fail('smoke', `the smoke run did not end within ${secondsText((budgets.smoke + GUARD_MS) / 1000)}`, 'The server does not answer in time: check it, or raise --timeout', { timedOut: true }));
    if (capacity && smoke) capacity = { ...capacity, secondsPerReport: smoke.seconds / smoke.predictions.length };
  }

  // The smoke run's answers say more about the schema and the budget than one probe.
  if (smoke && probe) {
    const counts = smokeAnswers(smoke.predictions);
    for (let i = 0; i < checks.length; i++) {
      const c = checks[i]!;
      if (c.check === 'structured') checks[i] = withSmoke(c, counts, 'Some answers did not follow the schema: see the advice above');
      if (c.check === 'reasoning') checks[i] = withSmoke(c, counts, `Some answers needed more than the ${count(budgetOf(target.generation).total)}-token output budget: give thinking a budget that fits (--think <tokens>), turn it off (--think off), or raise --max-tokens`);
    }
  }
  // Seconds per report at the recommended setting: with full answers when the smoke run measured them.
  const i = checks.findIndex((c) => c.check === 'capacity');
  if (capacity && i >= 0) {
    const perReport = capacity.secondsPerReport ?? capacity.secondsPerShortRequest;
    const how = capacity.secondsPerReport !== undefined ? 'full answers, smoke run' : 'short answers; full ones take longer';
    const all = target.input.length > 1 ? `, the ${count(target.input.length)} reports of the input in about ${duration(perReport * target.input.length)}` : '';
    checks[i] = { ...checks[i]!, detail: `${checks[i]!.detail}: ${secondsText(perReport)} per report (${how})${all}`, measured: { ...checks[i]!.measured, secondsPerReport: perReport } };
  }
  return report();
}
