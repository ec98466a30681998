/**
 * `cmrdx synth`: writes a synthetic cohort (reports.jsonl and labels.csv) from a seed.
 */
import { ConfigError } from '../../errors.js';
import { synth } from '../../api/synth.js';
import { DIFFICULTIES, LABELS, type Difficulty } from '../../synth/sample-case.js';
import type { Context } from '../program.js';

interface SynthFlags {
  n?: string;
  seed: string;
  lang: string;
  mix?: string;
  difficulty?: string;
  out: string;
}

export async function synthCommand(args: unknown[], ctx: Context): Promise<number> {
  const [flags] = args as [SynthFlags];
  const n = flags.n === undefined ? undefined : positiveInt(flags.n, '--n');
  if (flags.lang !== 'de' && flags.lang !== 'en') {
    throw new ConfigError(`--lang ${flags.lang}: unknown language`, { code: 'config.lang', hint: 'Use --lang de or --lang en' });
  }
  const mix = flags.mix ? parseCounts(flags.mix, '--mix', LABELS, 'HCM=15,OTHER=5') : undefined;
  const difficulty = flags.difficulty ? parseDifficulty(flags.difficulty) : undefined;
  const { reports, files } = await synth({ n, seed: flags.seed, lang: flags.lang, mix, difficulty, out: flags.out });
  const { reportsFile, labelsFile } = files!;
  const counts = LABELS.map((l) => [l, reports.filter((r) => r.label === l).length] as const).filter(([, c]) => c > 0);
  ctx.io.out(`wrote ${reports.length} reports to ${reportsFile} and ${labelsFile}\n`);
  ctx.io.out(`labels: ${counts.map(([l, c]) => `${l} ${c}`).join(', ')}\n`);
  return 0;
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${flag} ${value}: not a positive whole number`, { code: 'config.number', hint: `Write e.g. ${flag} 109` });
  return n;
}

function parseCounts<K extends string>(value: string, flag: string, allowed: readonly K[], example: string): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const part of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [rawKey, rawCount] = part.split('=');
    const key = allowed.find((a) => a.toLowerCase() === rawKey?.trim().toLowerCase());
    const count = Number(rawCount);
    if (!key || rawCount === undefined || !Number.isFinite(count) || count < 0) {
      throw new ConfigError(`${flag} ${value}: cannot read "${part}"`, { code: 'config.mix', hint: `Write ${flag} ${example} with keys from ${allowed.join(', ')}` });
    }
    out[key] = count;
  }
  return out;
}

function parseDifficulty(value: string): Partial<Record<Difficulty, number>> {
  const single = DIFFICULTIES.find((d) => d === value.trim().toLowerCase());
  if (single) return { [single]: 1 };
  return parseCounts(value, '--difficulty', DIFFICULTIES, 'explicit=0.4,implicit=0.2,hedged=0.2,hard=0.2');
}
