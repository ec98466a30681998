/**
 * `cmrdx evaluate <dir> [--truth <file>] [--reader <name>=<labels file> ...]`: scores every reader of a run
 * (and imported human readers) and writes <dir>/metrics.json, metrics.csv and report.html (`--no-text`: a
 * report.html without any report text, to share outside the hospital).
 */
import { ConfigError } from '../../errors.js';
import { evaluate } from '../../api/evaluate.js';
import type { Evaluation } from '../../evaluate/evaluate-run.js';
import { formatSeconds } from '../../present/render-report.js';
import { loadTaxonomy } from '../../taxonomy/load-taxonomy.js';
import type { Context } from '../program.js';
import { number } from './model-flags.js';

interface EvaluateFlags {
  truth?: string;
  reader: string[];
  input?: string;
  taxonomy?: string;
  seed: string;
  resamples: string;
  /** false with --no-text. */
  text: boolean;
}

export function parseHumanReaders(specs: string[]): { name: string; file: string }[] {
  return specs.map((spec) => {
    const eq = spec.indexOf('=');
    if (eq <= 0 || eq === spec.length - 1) {
      throw new ConfigError(`--reader ${spec}: expected <name>=<labels file>`, { code: 'config.reader', hint: 'Write e.g. --reader cardiologist=labels/cardiologist.csv (columns id,label[,seconds])' });
    }
    return { name: spec.slice(0, eq), file: spec.slice(eq + 1) };
  });
}

export function formatTable(ev: Evaluation): string {
  const lines = [`${'reader'.padEnd(30)}${'n'.padStart(6)}${'accuracy'.padStart(10)}${'macro-F1'.padStart(10)}${'95% CI'.padStart(16)}${'unclass.'.padStart(9)}${'failed'.padStart(8)}${'s/report'.padStart(10)}`];
  for (const r of ev.readers) {
    const s = formatSeconds(r);
    lines.push(`${r.name.padEnd(30)}${String(r.metrics.n).padStart(6)}${r.metrics.accuracy.toFixed(3).padStart(10)}${r.metrics.macro.f1.toFixed(3).padStart(10)}${`${r.ci.f1.low.toFixed(3)}–${r.ci.f1.high.toFixed(3)}`.padStart(16)}${String(r.metrics.unclassified).padStart(9)}${String(r.metrics.failed).padStart(8)}${s.padStart(10)}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function evaluateCommand(args: unknown[], ctx: Context): Promise<number> {
  const [dir, flags] = args as [string, EvaluateFlags];
  const taxonomy = loadTaxonomy(flags.taxonomy);
  const { evaluation: ev, warnings, files } = await evaluate({
    dir,
    taxonomy,
    truthFile: flags.truth,
    humanReaders: parseHumanReaders(flags.reader),
    inputFile: flags.input,
    seed: number('--seed', flags.seed, { integer: true }),
    resamples: number('--resamples', flags.resamples, { min: 100, integer: true }),
    write: { noText: flags.text === false },
  });
  for (const w of warnings) ctx.io.err(`cmrdx: warning: ${w}\n`);
  ctx.io.out(formatTable(ev));
  ctx.io.out(`${files!.metricsJson}\n${files!.metricsCsv}\n${files!.reportHtml}\n`);
  return 0;
}
