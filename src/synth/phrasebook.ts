/**
 * The contract between the report renderer and a language: headings, labels of measurements, and the
 * sentences for history, findings and assessment. The renderer owns layout and numbers; a phrasebook owns
 * words. `Ctx.v(key)` prints a value and records it, so the generator always knows what a report states.
 */
import type { Lang, Segment, Territory } from './anatomy.js';
import type { Rng } from '../util/rng.js';
import type { Label, SynthCase, ValueKey } from './sample-case.js';

export interface Ctx {
  rng: Rng;
  c: SynthCase;
  lang: Lang;
  /** Prints the case's value of `key` in the report's number format and records it as printed. */
  v(key: ValueKey): string;
  /** Formats a number without recording it (sizes of things that are not measurements). */
  num(value: number, digits?: number): string;
  /** "basal und mittventrikulär inferolateral". */
  segs(segments: Segment[]): string;
  territory(t: Territory): string;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** The printed reference of a key ("< 1.020 ms"), if the case has one. */
  ref(key: ValueKey): string | null;
  /** Keys the quantitative block already printed; prose may leave their numbers out. */
  inBlock: ReadonlySet<ValueKey>;
  /** The layout puts the numbers into the findings prose instead of a block. */
  prose: boolean;
  /** Unit spellings chosen for this report. */
  units: { ml: string; mlm2: string; gm2: string };
}

export interface Phrasebook {
  lang: Lang;
  headings: {
    history: string[];
    question: string[];
    technique: string[];
    quantitative: string[];
    findings: string[];
    assessment: string[];
    recommendation: string[];
  };
  title(ctx: Ctx): string | null;
  /** The indication/history text, and optionally a separate question. */
  history(ctx: Ctx): { history: string; question: string | null };
  technique(ctx: Ctx): string;
  /** Label variants per measurement key for quantitative blocks. */
  labels: Partial<Record<ValueKey, string[]>>;
  /** Labels used under a ventricle heading or in LV/RV column tables ("EDV", "EF"). */
  genericLabels: Partial<Record<'EDV' | 'EDVi' | 'ESV' | 'ESVi' | 'SV' | 'EF' | 'M', string[]>>;
  ventricleHeadings: { LV: string[]; RV: string[] };
  tableHeader: { parameter: string[]; value: string[]; ref: string[]; unit: string[] };
  absent: string[];
  refWords: string[];
  /** Findings paragraphs: each an array of sentences, with an optional subheading. */
  findings(ctx: Ctx): { heading?: string; sentences: string[] }[];
  assessment(ctx: Ctx): string[];
  recommendation(ctx: Ctx): string | null;
  /** Common misspellings [correct, typo] to sprinkle into a few reports. */
  typos: [string, string][];
  diagnosisName(label: Label, ctx: Ctx, form: 'nom' | 'dat' | 'acc' | 'gen'): string;
}
