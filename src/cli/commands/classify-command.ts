/**
 * `cmrdx classify <input> --model <spec> ... --out <dir>`: runs the readers over the reports into the run store
 * and writes <dir>/predictions.jsonl. Exit 1 when any prediction failed.
 */
import { createReaders } from '../../readers/create-reader.js';
import { runClassify, type RunSummary } from '../../run/run-classify.js';
import type { Context } from '../program.js';
import { loadInput, type InputFlags } from './input-options.js';

interface ClassifyFlags extends InputFlags {
  model: string[];
  out: string;
  fresh?: boolean;
  retryFailed?: boolean;
  quiet?: boolean;
}

export async function classifyCommand(args: unknown[], ctx: Context): Promise<number> {
  const [input, flags] = args as [string, ClassifyFlags];
  const { reports, taxonomy } = loadInput(input, flags, ctx.io);
  const models = flags.model.length > 0 ? flags.model : ['rules'];
  const readers = await createReaders(models);
  try {
    const summary = await runClassify({
      reports,
      readers,
      outDir: flags.out,
      config: { models: readers.map((r) => r.id), taxonomy: { name: taxonomy.name, version: taxonomy.version } },
      fresh: flags.fresh,
      retryFailed: flags.retryFailed,
    });
    if (!flags.quiet) ctx.io.err(formatSummary(summary));
    ctx.io.out(`${summary.predictionsFile}\n`);
    return summary.failed > 0 ? 1 : 0;
  } finally {
    for (const reader of readers) await reader.close?.();
  }
}

export function formatSummary(summary: RunSummary): string {
  const lines = [
    `${summary.resumed ? 'resumed' : 'new'} run: ${summary.total} classified now, ${summary.skipped} already stored${summary.interrupted ? ' (interrupted)' : ''}`,
    `${'model'.padEnd(28)}${'done'.padStart(8)}${'failed'.padStart(8)}${'median s'.padStart(10)}${'tokens in/out'.padStart(18)}`,
  ];
  for (const [model, s] of Object.entries(summary.perModel)) {
    const median = s.medianSeconds === null ? '–' : s.medianSeconds < 0.01 ? s.medianSeconds.toExponential(1) : s.medianSeconds.toFixed(2);
    lines.push(`${model.padEnd(28)}${String(s.done).padStart(8)}${String(s.failed).padStart(8)}${median.padStart(10)}${`${s.tokensIn}/${s.tokensOut}`.padStart(18)}`);
  }
  return `${lines.join('\n')}\n`;
}
