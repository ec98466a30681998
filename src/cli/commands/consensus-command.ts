/**
 * `cmrdx consensus <dir> --models a,b,c [--min-agree 2]` or `--top 3`: majority vote, review list, agreement.
 * `--target-accuracy 0.98 [--calibration <labelled run>]` sizes the review list so the rest reaches the target.
 */
import { ConfigError } from '../../errors.js';
import type { ReviewSizing } from '../../evaluate/review-sizing.js';
import { consensus } from '../../api/consensus.js';
import { loadTaxonomy } from '../../taxonomy/load-taxonomy.js';
import type { Context } from '../program.js';
import { number } from './model-flags.js';

interface ConsensusFlags {
  models?: string;
  top?: string;
  minAgree?: string;
  truth?: string;
  taxonomy?: string;
  targetAccuracy?: string;
  calibration?: string;
}

export async function consensusCommand(args: unknown[], ctx: Context): Promise<number> {
  const [dir, flags] = args as [string, ConsensusFlags];
  if ((flags.models === undefined) === (flags.top === undefined)) {
    throw new ConfigError('consensus needs either --models a,b,c or --top <n>', { code: 'config.consensus_models', hint: 'Name the models, or let cmrdx take the best n by macro-F1 with --top 3' });
  }
  if (flags.calibration !== undefined && flags.targetAccuracy === undefined) {
    throw new ConfigError('--calibration needs --target-accuracy', { code: 'config.calibration', hint: 'Write e.g. --target-accuracy 0.98 --calibration <labelled run>' });
  }
  const result = await consensus({
    dir,
    taxonomy: loadTaxonomy(flags.taxonomy),
    models: flags.models?.split(',').map((m) => m.trim()).filter(Boolean),
    top: flags.top === undefined ? undefined : number('--top', flags.top, { min: 2, integer: true }),
    minAgree: flags.minAgree === undefined ? undefined : number('--min-agree', flags.minAgree, { min: 1, integer: true }),
    truthFile: flags.truth,
    targetAccuracy: flags.targetAccuracy === undefined ? undefined : number('--target-accuracy', flags.targetAccuracy),
    calibrationDir: flags.calibration,
  });
  const { consensus: c, metrics } = result;
  for (const w of result.warnings) ctx.io.err(`cmrdx: warning: ${w}\n`);
  ctx.io.out(`consensus of ${c.models.join(', ')} (at least ${c.minAgree} agreeing)\n`);
  const stat = (x: number | null) => (x === null ? 'undefined' : x.toFixed(3));
  ctx.io.out(`unanimous ${c.counts.unanimous}, majority ${c.counts.majority}, no majority ${c.counts['no majority']} (to review); Fleiss' kappa ${stat(c.agreement.fleissKappa)}, Gwet's AC1 ${stat(c.agreement.ac1)} (over the ${c.agreement.n} reports every model answered)\n`);
  if (metrics) ctx.io.out(`against the truth: accuracy ${metrics.accuracy.toFixed(3)}, macro-F1 ${metrics.macro.f1.toFixed(3)} (no majority counts as wrong)\n`);
  if (result.sizing) ctx.io.out(formatSizing(result.sizing));
  ctx.io.out(`${result.files.rowsFile}\n${result.files.reviewFile}\n`);
  return 0;
}

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

export function formatSizing(s: ReviewSizing): string {
  const c = s.calibration;
  const where = c.sameRun ? 'this run' : c.dir;
  const lines = [
    `target accuracy ${s.targetAccuracy}: a person reads ${s.review.total} of ${s.review.total + s.review.answered} reports (${s.review.noMajority} without a majority, ${s.review.belowThreshold} below the threshold); the consensus answers ${s.review.answered} alone`,
    `threshold (calibrated on ${where}, ${c.n} labelled reports, ordered by ${s.ordering === 'agreement' ? 'agreement level' : 'agreement level, then the guideline engine'}): ${s.rule}`,
    c.accuracy === null
      ? `on ${where} no agreement level reached ${s.targetAccuracy}: every report goes to a person`
      : `on ${where} the answered reports reached accuracy ${c.accuracy.toFixed(3)} at coverage ${percent(c.coverage)} (95 % CI of the coverage ${percent(c.ci[0])}–${percent(c.ci[1])})${c.sameRun ? '; measured on this run itself, so it is no prediction for another' : '; expect it on this run only if its reports are like the calibration run\'s'}`,
  ];
  return `${lines.join('\n')}\n`;
}
