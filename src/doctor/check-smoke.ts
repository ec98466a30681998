/**
 * The smoke run: 12 reports of the demo cohort, spread over its categories, through the real LLM reader at the
 * recommended concurrency, scored with evaluate's metrics. It is a sanity check, not a study (12 reports give a
 * wide interval): a wrong prompt, a broken model or a server that mangles answers shows at once.
 */
import { computeMetrics } from '../evaluate/metrics.js';
import { toErrorRecord } from '../errors.js';
import type { Prediction } from '../readers/reader.js';
import type { Report } from '../report/report.js';
import { schedule } from '../run/scheduler.js';
import { categoryIds, type Taxonomy } from '../taxonomy/taxonomy.js';
import { BudgetExceeded, eitherSignal } from './budget.js';
import { fail, ok, secondsText, warn, type CheckResult } from './check-result.js';
import { readerFor, type DoctorTarget } from './doctor-target.js';

export const SMOKE_REPORTS = 12;

/** `n` labelled reports taken in turn from each category (taxonomy order), in file order within one. */
export function stratifiedSample(reports: Report[], taxonomy: Taxonomy, n = SMOKE_REPORTS): Report[] {
  const byLabel = new Map<string, Report[]>();
  for (const id of categoryIds(taxonomy)) byLabel.set(id, []);
  for (const r of reports) if (r.label && byLabel.has(r.label)) byLabel.get(r.label)!.push(r);
  const queues = [...byLabel.values()].filter((q) => q.length > 0);
  const picked: Report[] = [];
  for (let round = 0; picked.length < n && queues.some((q) => q.length > round); round++) {
    for (const q of queues) if (q[round] && picked.length < n) picked.push(q[round]!);
  }
  return picked;
}

export interface SmokeRun {
  predictions: Prediction[];
  seconds: number;
  concurrency: number;
}

export async function smokeRun(target: DoctorTarget, concurrency: number, budgetMs: number): Promise<SmokeRun> {
  const { reports, taxonomy } = target.smoke;
  const reader = readerFor(target, target.backend, taxonomy);
  const budget = AbortSignal.timeout(budgetMs);
  const predictions: Prediction[] = [];
  const started = performance.now();
  const failed = (report: Report, error: unknown): Prediction => ({ id: report.id, model: target.spec, category: null, evidence: [], seconds: 0, error: toErrorRecord(budget.aborted ? new BudgetExceeded(budgetMs) : error) });
  await schedule(
    reports.map((report) => ({ report, group: target.spec, endpoints: [target.backend.endpoint], run: (endpoint: string, abandon: AbortSignal) => reader.classify(report, { endpoint, signal: eitherSignal(budget, abandon) }) })),
    {
      concurrency: () => concurrency,
      retries: 0,
      isRetryable: () => false,
      stop: budget,
      onDone: (_task, prediction) => predictions.push(prediction),
      onFailed: (task, error) => predictions.push(failed((task as unknown as { report: Report }).report, error)),
    },
  );
  // Reports never started before the budget ran out are failures too, never dropped.
  for (const r of reports) if (!predictions.some((p) => p.id === r.id)) predictions.push(failed(r, new BudgetExceeded(budgetMs)));
  return { predictions, seconds: (performance.now() - started) / 1000, concurrency };
}

export function smokeResult(target: DoctorTarget, run: SmokeRun): CheckResult {
  const { reports, taxonomy } = target.smoke;
  const truth = new Map(reports.map((r) => [r.id, r.label!]));
  const metrics = computeMetrics(
    run.predictions.map((p) => ({ truth: truth.get(p.id)!, predicted: p.category })),
    categoryIds(taxonomy),
  );
  const n = metrics.n;
  const right = Math.round(metrics.accuracy * n);
  const wrong = run.predictions.filter((p) => p.category !== null && p.category !== truth.get(p.id)).map((p) => `${p.id} ${truth.get(p.id)} as ${p.category}`);
  const codes = [...new Set(run.predictions.filter((p) => p.error).map((p) => p.error!.code))];
  const perReport = run.seconds / n;
  const categories = new Set(truth.values()).size;
  const detail = [
    `${right}/${n} right (accuracy ${metrics.accuracy.toFixed(2)}; demo reports of ${categories} categories)`,
    `${metrics.failed} failed${codes.length ? ` (${codes.join(', ')})` : ''}`,
    `${secondsText(perReport)} per report at --concurrency ${run.concurrency}`,
    ...(wrong.length ? [`wrong: ${wrong.slice(0, 3).join(', ')}${wrong.length > 3 ? ', ...' : ''}`] : []),
  ].join('; ');
  const measured = { n, right, accuracy: metrics.accuracy, failed: metrics.failed, unclassified: metrics.unclassified, errors: codes, wrong: wrong.length, secondsPerReport: perReport, concurrency: run.concurrency, ...(codes.includes('doctor.budget') ? { timedOut: true } : {}) };
  const look = `Classify the demo yourself and read the answers: cmrdx classify examples/demo/reports.jsonl --model ${target.spec} -o <dir>, then cmrdx evaluate <dir>`;
  if (metrics.failed > n / 2) return fail('smoke', detail, `Most reports failed (${codes.join(', ')}): see the checks above for why. ${look}`, measured);
  if (metrics.accuracy < 0.5) return fail('smoke', detail, `The reports were answered, but mostly wrong: check the prompt (--prompt, --prompt-version) and the model. ${look}`, measured);
  if (metrics.accuracy < 0.75 || metrics.failed > 0) return warn('smoke', detail, `${metrics.failed > 0 ? 'Some reports failed: see the other checks. ' : ''}${look}`, measured);
  return ok('smoke', detail, measured);
}
