/**
 * `cmrdx classify <input> --model <spec> ... --out <dir>`: a shell over the library's `classify()` that turns
 * flags into settings, draws its progress events on stderr and maps Ctrl-C to its signals: once, no new
 * requests and the ones in flight finish; twice, they are abandoned (and redone on resume). Prints the path of
 * predictions.jsonl. Exit 1 when any prediction failed; 130 when interrupted (rerun resumes).
 */
import { classify, type ClassifyEvent, type ClassifyOptions } from '../../api/classify.js';
import { capacityCacheFile } from '../../doctor/capacity-cache.js';
import type { RunSummary } from '../../run/run-classify.js';
import { createProgress, type Progress } from '../../run/progress.js';
import { loadTaxonomy } from '../../taxonomy/load-taxonomy.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import type { Context } from '../program.js';
import { readOptionsOf, type InputFlags } from './input-options.js';
import { answerSettings, number, serverSettings, type ModelFlags } from './model-flags.js';

export interface ClassifyFlags extends InputFlags, ModelFlags {
  out: string;
  fresh?: boolean;
  retryFailed?: boolean;
  quiet?: boolean;
  concurrency?: string;
  retries: string;
}

export const EXIT_INTERRUPTED = 130;

export async function classifyCommand(args: unknown[], ctx: Context): Promise<number> {
  const [input, flags] = args as [string, ClassifyFlags];
  // The library reads and checks the input (once); its warnings come back as events.
  const summary = await classifyReports({ input, read: readOptionsOf(flags) }, loadTaxonomy(flags.taxonomy), flags.model.length > 0 ? flags.model : ['rules'], flags, ctx);
  ctx.io.out(`${summary.predictionsFile}\n`);
  if (summary.interrupted) {
    ctx.io.err(`cmrdx: interrupted with ${summary.unfinished} (report, model) pair(s) left; run the same command again to resume\n`);
    return EXIT_INTERRUPTED;
  }
  return summary.failed > 0 ? 1 : 0;
}

/** The library options the classify flags stand for. */
export function classifyOptions(reports: Pick<ClassifyOptions, 'input' | 'read'>, taxonomy: Taxonomy, models: string[], flags: Omit<ClassifyFlags, keyof InputFlags>, ctx: Context): ClassifyOptions {
  return {
    ...reports,
    taxonomy,
    models,
    out: flags.out,
    ...answerSettings(flags),
    ...serverSettings(flags),
    translate: flags.translate,
    concurrency: flags.concurrency ? number('--concurrency', flags.concurrency, { min: 1, integer: true }) : undefined,
    capacityCache: capacityCacheFile(),
    retries: number('--retries', flags.retries, { integer: true }),
    fresh: flags.fresh,
    retryFailed: flags.retryFailed,
    // Report text goes to the log only when asked for.
    logPrompt: flags.logPrompts ? (id, messages) => ctx.io.err(`--- prompt for ${id}\n${messages.map((m) => `[${m.role}]\n${m.content}`).join('\n')}\n`) : undefined,
  };
}

/** Runs the readers over the reports with progress on stderr and Ctrl-C handling. */
export async function classifyReports(reports: Pick<ClassifyOptions, 'input' | 'read'>, taxonomy: Taxonomy, models: string[], flags: Omit<ClassifyFlags, keyof InputFlags>, ctx: Context): Promise<RunSummary> {
  const options = classifyOptions(reports, taxonomy, models, flags, ctx);
  const stop = new AbortController();
  const abandon = new AbortController();
  let signals = 0;
  const onSignal = () => {
    signals++;
    if (signals === 1) {
      ctx.io.err('\ncmrdx: stopping: no new requests; waiting for the ones in flight (press Ctrl-C again to abandon them)\n');
      stop.abort();
    } else abandon.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let progress: Progress | undefined;
  const onProgress = (event: ClassifyEvent) => {
    switch (event.type) {
      case 'warning':
        return ctx.io.err(`cmrdx: warning: ${event.message}\n`);
      case 'note':
        if (!flags.quiet) ctx.io.err(`cmrdx: ${event.message}\n`);
        return;
      case 'start':
        // The guideline engine alone is done in moments: no bars for it.
        progress = createProgress({ totals: Object.fromEntries(event.readers.map((r) => [r.id, event.reports])), write: (t) => ctx.io.err(t), isTTY: ctx.io.isTTY, quiet: flags.quiet || event.readers.every((r) => !r.remote) });
        return;
      case 'translation':
        return progress?.note(`translating ${event.reports} report(s) with ${event.model}`);
      case 'request':
        return progress?.request(event.endpoint, event.event);
      case 'prediction':
        return progress?.tick(event.prediction);
    }
  };
  try {
    const { summary } = await classify({ ...options, signal: stop.signal, abandon: abandon.signal, onProgress });
    progress?.stop();
    if (!flags.quiet) ctx.io.err(formatSummary(summary));
    return summary;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress?.stop();
  }
}

export function formatSummary(summary: RunSummary): string {
  const lines = [
    `${summary.resumed ? 'resumed' : 'new'} run: ${summary.total - summary.unfinished} classified now, ${summary.skipped} already stored${summary.changed ? `, ${summary.changed} report(s) changed since their prediction and classified again` : ''}${summary.translated ? `, ${summary.translated} translated` : ''}${summary.translationFailed ? `, ${summary.translationFailed} translation(s) failed (those predictions are failed)` : ''}${summary.interrupted ? ' (interrupted)' : ''}`,
    `${'model'.padEnd(28)}${'done'.padStart(8)}${'failed'.padStart(8)}${'median s'.padStart(10)}${'tokens in/out'.padStart(18)}`,
  ];
  for (const [model, s] of Object.entries(summary.perModel)) {
    const median = s.medianSeconds === null ? '–' : s.medianSeconds < 0.01 ? s.medianSeconds.toExponential(1) : s.medianSeconds.toFixed(2);
    lines.push(`${model.padEnd(28)}${String(s.done).padStart(8)}${String(s.failed).padStart(8)}${median.padStart(10)}${`${s.tokensIn}/${s.tokensOut}`.padStart(18)}`);
  }
  if (summary.failed > 0) lines.push(`${summary.failed} prediction(s) failed; they are in predictions.jsonl with their error (rerun with --retry-failed to try them again)`);
  return `${lines.join('\n')}\n`;
}
