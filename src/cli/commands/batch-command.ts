/**
 * `cmrdx batch export <input> --model openai:<name> --out <dir>` and `cmrdx batch import <dir> <results.jsonl>`:
 * thin wrappers over src/batch/batch-run.ts. Export prints each file and the vLLM command that runs it.
 */
import { exportBatch, importBatch } from '../../batch/batch-run.js';
import { loadTaxonomy } from '../../taxonomy/load-taxonomy.js';
import type { Context } from '../program.js';
import { runConfigOf, withAnswerDefaults } from '../../run/run-config.js';
import { printable } from '../../util/printable.js';
import { answerSettings, type AnswerFlags } from './model-flags.js';
import { loadInput, type InputFlags } from './input-options.js';

interface ExportFlags extends InputFlags, AnswerFlags {
  model: string[];
  out: string;
  fresh?: boolean;
  retryFailed?: boolean;
}

export async function batchExportCommand(args: unknown[], ctx: Context): Promise<number> {
  const [input, flags] = args as [string, ExportFlags];
  const { reports, taxonomy } = await loadInput(input, flags, ctx.io);
  const settings = answerSettings(flags);
  const result = await exportBatch({ reports, taxonomy, models: flags.model, settings, outDir: flags.out, config: (built) => runConfigOf(built, taxonomy, withAnswerDefaults(settings)), fresh: flags.fresh, retryFailed: flags.retryFailed });
  for (const f of result.files) {
    const [file, results, out] = [f.file, f.file.replace(/\.jsonl$/, '.results.jsonl'), flags.out].map(printable);
    ctx.io.err(`${f.model}: ${f.requests} request(s) for ${f.reports} report(s)${result.alreadyStored ? ` (${result.alreadyStored} pair(s) already stored)` : ''}; run them with\n  vllm run-batch -i ${file} -o ${results} --model ${f.served}\nthen: cmrdx batch import ${out} ${results}\n`);
    ctx.io.out(`${f.file}\n`);
  }
  if (result.changed) ctx.io.err(`cmrdx: ${result.changed} report(s) changed since their prediction; they are in the batch again\n`);
  return 0;
}

interface ImportFlags {
  taxonomy?: string;
}

export async function batchImportCommand(args: unknown[], ctx: Context): Promise<number> {
  const [dir, file, flags] = args as [string, string, ImportFlags];
  const s = importBatch({ dir, file, taxonomy: loadTaxonomy(flags.taxonomy) });
  ctx.io.err(`${printable(s.file)}: ${s.answered} answer(s) stored, ${s.failed} failed, ${s.missing} missing (stored as errors), ${s.unchanged} unchanged (already stored)${s.pending ? `, ${s.pending} pending (models this file has no answer of: import their own file)` : ''}\n`);
  ctx.io.out(`${s.predictionsFile}\n`);
  return s.failed + s.missing > 0 ? 1 : 0;
}
