/**
 * `cmrdx explain <input> --id <id>`: shows how the guideline engine read one report and why it chose its category
 * (or none), in the categories of --taxonomy, which it refuses when the engine cannot answer in them.
 */
import { InputError } from '../../errors.js';
import { explain, renderExplanation } from '../../readers/rules/explain.js';
import { buildOutcomeMap } from '../../readers/rules/outcome-map.js';
import type { Context } from '../program.js';
import { loadInput, type InputFlags } from './input-options.js';

export async function explainCommand(args: unknown[], ctx: Context): Promise<number> {
  const [input, flags] = args as [string, InputFlags & { id?: string; json?: boolean }];
  const { reports, taxonomy } = await loadInput(input, flags, ctx.io);
  buildOutcomeMap(taxonomy); // refuses a taxonomy the engine cannot answer in, before anything else
  const report = flags.id === undefined && reports.length === 1 ? reports[0] : reports.find((r) => r.id === flags.id);
  if (!report) {
    const hint = flags.id === undefined ? 'Name the report with --id <id>' : `Known ids start with: ${reports.slice(0, 5).map((r) => r.id).join(', ')}`;
    throw new InputError({ file: input }, flags.id === undefined ? `has ${reports.length} reports` : `no report with id "${flags.id}"`, { code: 'input.unknown_id', hint });
  }
  const explanation = explain(report, taxonomy);
  ctx.io.out(flags.json ? `${JSON.stringify(explanation, null, 2)}\n` : renderExplanation(explanation));
  return 0;
}
