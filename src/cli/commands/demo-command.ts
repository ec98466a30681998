/**
 * `cmrdx demo`: the bundled 109-report cohort through the guideline engine (and any --model given), evaluated,
 * with report.html written to cmrdx-demo/. Needs no server and no GPU.
 */
import { fileURLToPath } from 'node:url';
import { CmrdxError } from '../../errors.js';
import { consensus } from '../../api/consensus.js';
import { evaluate } from '../../api/evaluate.js';
import { readReports } from '../../ingest/read-reports.js';
import { DEFAULT_TAXONOMY } from '../../taxonomy/taxonomy.js';
import type { Context } from '../program.js';
import { classifyReports, type ClassifyFlags } from './classify-command.js';
import { formatTable } from './evaluate-command.js';

export const DEMO_REPORTS = fileURLToPath(new URL('../../../examples/demo/reports.jsonl', import.meta.url));

export async function demoCommand(args: unknown[], ctx: Context): Promise<number> {
  const [flags] = args as [ClassifyFlags];
  const taxonomy = DEFAULT_TAXONOMY;
  const { reports } = readReports(DEMO_REPORTS, { taxonomy });
  const models = ['rules', ...flags.model.filter((m) => m !== 'rules')];
  ctx.io.err(`cmrdx demo: ${reports.length} synthetic German CMR reports (the study's design) through ${models.join(', ')}\n`);
  const run = (fresh: boolean) => classifyReports({ input: reports }, taxonomy, models, { ...flags, fresh }, ctx);
  let summary;
  try {
    summary = await run(false);
  } catch (error) {
    // The demo folder is a sandbox: a run with other models starts it over instead of refusing.
    if (!(CmrdxError.isInstance(error) && error.code === 'config.resume_mismatch')) throw error;
    summary = await run(true);
  }
  if (summary.interrupted) return 130;
  if (models.length >= 3) await consensus({ dir: flags.out, taxonomy, models });
  // A consensus left from an earlier demo with other models is rebuilt, or removed when its models are gone.
  const { evaluation: ev, warnings, files } = await evaluate({ dir: flags.out, taxonomy, orphanConsensus: 'remove', write: { title: 'cmrdx demo — 109 synthetic CMR reports' } });
  for (const w of warnings) ctx.io.err(`cmrdx demo: ${w}\n`);
  ctx.io.out(formatTable(ev));
  ctx.io.out(`\nreport: ${files!.reportHtml}\n`);
  return summary.failed > 0 ? 1 : 0;
}
