/**
 * Generates a synthetic cohort: the label mix (by default the study's 109 reports: HCM 15, CA 14, CS 14,
 * MYO 14, ICM 17, DCM 16, NORMAL 19), difficulty levels, one seeded random stream per report, and the files
 * `reports.jsonl` and `labels.csv`. The same options give byte-identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import type { Lang } from './anatomy.js';
import { renderReport, type Layout, type PrintedValue } from './render-report.js';
import { Rng } from '../util/rng.js';
import { DIFFICULTIES, LABELS, OTHER_SUBTYPES, sampleCase, type Difficulty, type Label, type OtherSubtype, type SynthCase } from './sample-case.js';

export const STUDY_MIX: Partial<Record<Label, number>> = { HCM: 15, CA: 14, CS: 14, MYO: 14, ICM: 17, DCM: 16, NORMAL: 19 };
export const DEFAULT_DIFFICULTY: Record<Difficulty, number> = { explicit: 0.4, implicit: 0.2, hedged: 0.2, hard: 0.2 };

export interface SynthOptions {
  n?: number;
  seed: string | number;
  lang?: Lang;
  /** Exact counts for the labels named; the rest of n is spread over the study's labels. */
  mix?: Partial<Record<Label, number>>;
  difficulty?: Partial<Record<Difficulty, number>>;
}

export interface SynthReport {
  id: string;
  text: string;
  label: Label;
  difficulty: Difficulty;
  lang: Lang;
  subtype?: OtherSubtype;
  layout: Layout;
  /** Every measurement the text states, as generated. */
  printed: PrintedValue[];
  case: SynthCase;
}

/** Splits `total` over weighted items by the largest-remainder method, so counts add up exactly. */
export function apportion<K extends string>(total: number, weights: Partial<Record<K, number>>): Record<K, number> {
  const entries = Object.entries(weights) as [K, number][];
  const sum = entries.reduce((s, [, w]) => s + w, 0);
  const exact = entries.map(([k, w]) => [k, (total * w) / sum] as const);
  const counts = Object.fromEntries(exact.map(([k, x]) => [k, Math.floor(x)])) as Record<K, number>;
  let left = total - Object.values<number>(counts).reduce((s, c) => s + c, 0);
  for (const [k] of [...exact].sort((a, b) => b[1] - Math.floor(b[1]) - (a[1] - Math.floor(a[1])))) {
    if (left-- <= 0) break;
    counts[k]++;
  }
  return counts;
}

export function resolveMix(n: number | undefined, mix: Partial<Record<Label, number>> = {}): Record<Label, number> {
  const named = Object.entries(mix) as [Label, number][];
  const namedTotal = named.reduce((s, [, c]) => s + c, 0);
  const rest = (Object.keys(STUDY_MIX) as Label[]).filter((l) => mix[l] === undefined);
  const restDefault = rest.reduce((s, l) => s + STUDY_MIX[l]!, 0);
  const total = n ?? namedTotal + restDefault;
  const remaining = total - namedTotal;
  if (remaining < 0) {
    throw new ConfigError(`--mix adds up to ${namedTotal}, more than --n ${total}`, { code: 'config.mix', hint: 'Raise --n or lower the counts in --mix' });
  }
  if (remaining > 0 && rest.length === 0) {
    throw new ConfigError(`--mix names every label and adds up to ${namedTotal}, not --n ${total}`, { code: 'config.mix', hint: 'Make the counts add up to --n, or leave out --n' });
  }
  const counts = Object.fromEntries(LABELS.map((l) => [l, 0])) as Record<Label, number>;
  for (const [label, count] of named) counts[label] = count;
  if (remaining > 0) {
    const spread = apportion(remaining, Object.fromEntries(rest.map((l) => [l, STUDY_MIX[l]!])) as Partial<Record<Label, number>>);
    for (const label of rest) counts[label] = spread[label] ?? 0;
  }
  return counts;
}

export function generateCohort(options: SynthOptions): SynthReport[] {
  const lang = options.lang ?? 'de';
  const counts = resolveMix(options.n, options.mix);
  const difficultyWeights = options.difficulty ?? DEFAULT_DIFFICULTY;
  const rng = new Rng(`cmrdx-synth:${options.seed}`);

  // One slot per report: its label, difficulty and (for OTHER) subtype, then shuffled so labels interleave.
  const slots: { label: Label; difficulty: Difficulty; subtype?: OtherSubtype }[] = [];
  for (const label of LABELS) {
    const count = counts[label];
    if (count === 0) continue;
    const perDifficulty = apportion(count, difficultyWeights);
    const difficulties = rng.shuffle(DIFFICULTIES.flatMap((d) => Array<Difficulty>(perDifficulty[d] ?? 0).fill(d)));
    const subtypes = rng.shuffle(OTHER_SUBTYPES);
    difficulties.forEach((difficulty, i) => slots.push({ label, difficulty, ...(label === 'OTHER' ? { subtype: subtypes[i % subtypes.length]! } : {}) }));
  }
  const order = rng.shuffle(slots);
  const width = Math.max(3, String(order.length).length);
  return order.map((slot, i) => {
    const id = `cmr-${String(i + 1).padStart(width, '0')}`;
    const reportRng = new Rng(`${options.seed}:${i}:${slot.label}:${slot.difficulty}`);
    const c = sampleCase(reportRng.fork('case'), slot.label, slot.difficulty, slot.subtype);
    const rendered = renderReport(c, lang, reportRng.fork('text'));
    return { id, text: rendered.text, label: slot.label, difficulty: slot.difficulty, lang, subtype: c.subtype, layout: rendered.layout, printed: rendered.printed, case: c };
  });
}

/** Writes `reports.jsonl` and `labels.csv`; returns their paths. */
export function writeCohort(reports: SynthReport[], outDir: string): { reportsFile: string; labelsFile: string } {
  mkdirSync(outDir, { recursive: true });
  const reportsFile = join(outDir, 'reports.jsonl');
  const labelsFile = join(outDir, 'labels.csv');
  const lines = reports.map((r) => JSON.stringify({ id: r.id, text: r.text, label: r.label, difficulty: r.difficulty, lang: r.lang, ...(r.subtype ? { subtype: r.subtype } : {}) }));
  writeFileSync(reportsFile, `${lines.join('\n')}\n`);
  writeFileSync(labelsFile, `id,label\n${reports.map((r) => `${r.id},${r.label}`).join('\n')}\n`);
  return { reportsFile, labelsFile };
}
