/** `cmrdx consensus <dir> --models a,b,c [--min-agree 2]` or `--top 3`: majority vote, review list, agreement. */
import { ConfigError } from '../../errors.js';
import { runConsensus } from '../../evaluate/run-consensus.js';
import { loadTaxonomy } from '../../taxonomy/load-taxonomy.js';
import type { Context } from '../program.js';
import { number } from './classify-command.js';

interface ConsensusFlags {
  models?: string;
  top?: string;
  minAgree?: string;
  truth?: string;
  taxonomy?: string;
}

export async function consensusCommand(args: unknown[], ctx: Context): Promise<number> {
  const [dir, flags] = args as [string, ConsensusFlags];
  if ((flags.models === undefined) === (flags.top === undefined)) {
    throw new ConfigError('consensus needs either --models a,b,c or --top <n>', { code: 'config.consensus_models', hint: 'Name the models, or let cmrdx take the best n by macro-F1 with --top 3' });
  }
  const result = runConsensus({
    dir,
    taxonomy: loadTaxonomy(flags.taxonomy),
    models: flags.models?.split(',').map((m) => m.trim()).filter(Boolean),
    top: flags.top === undefined ? undefined : number('--top', flags.top, { min: 2, integer: true }),
    minAgree: flags.minAgree === undefined ? undefined : number('--min-agree', flags.minAgree, { min: 1, integer: true }),
    truthFile: flags.truth,
  });
  const { consensus: c, metrics } = result;
  ctx.io.out(`consensus of ${c.models.join(', ')} (at least ${c.minAgree} agreeing)\n`);
  const stat = (x: number | null) => (x === null ? 'undefined' : x.toFixed(3));
  ctx.io.out(`unanimous ${c.counts.unanimous}, majority ${c.counts.majority}, no majority ${c.counts['no majority']} (to review); Fleiss' kappa ${stat(c.agreement.fleissKappa)}, Gwet's AC1 ${stat(c.agreement.ac1)} (over the ${c.agreement.n} reports every model answered)\n`);
  if (metrics) ctx.io.out(`against the truth: accuracy ${metrics.accuracy.toFixed(3)}, macro-F1 ${metrics.macro.f1.toFixed(3)} (no majority counts as wrong)\n`);
  ctx.io.out(`${result.files.rowsFile}\n${result.files.reviewFile}\n`);
  return 0;
}
