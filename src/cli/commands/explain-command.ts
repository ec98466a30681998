/**
 * `cmrdx explain <input> --id <id>`: shows how the guideline engine read one report and why it chose its category
 * (or none), in the categories of --taxonomy, which it refuses when the engine cannot answer in them.
 */
import { explain } from '../../api/explain.js';
import { renderExplanation } from '../../readers/rules/explain.js';
import { loadTaxonomy } from '../../taxonomy/load-taxonomy.js';
import type { Context } from '../program.js';
import { readOptionsOf, type InputFlags } from './input-options.js';

export async function explainCommand(args: unknown[], ctx: Context): Promise<number> {
  const [input, flags] = args as [string, InputFlags & { id?: string; json?: boolean }];
  const { explanation, warnings } = await explain({ input, id: flags.id, taxonomy: loadTaxonomy(flags.taxonomy), read: readOptionsOf(flags) });
  for (const warning of warnings) ctx.io.err(`cmrdx: warning: ${warning}\n`);
  ctx.io.out(flags.json ? `${JSON.stringify(explanation, null, 2)}\n` : renderExplanation(explanation));
  return 0;
}
