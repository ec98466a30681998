/**
 * Benchmark: the guideline engine on the real-text corpus (test/fixtures/real/, CMR case texts written by
 * others). Each language's dev and test halves are classified by the rules reader exactly as `cmrdx classify
 * --model rules` does (createRulesReader in the default taxonomy) and scored as `cmrdx evaluate` does
 * (computeMetrics: macro-F1 over the truth's categories, UNCLASSIFIED counted wrong). Target (issue 12): the
 * test half >= 0.85 macro-F1 in both languages.
 *
 *   npm run real-corpus                  both languages, both halves
 *   npm run real-corpus -- --split dev   the dev halves only (tuning never needs to measure the test halves)
 *   npm run real-corpus -- --errors      the dev halves' errors: id, truth, answer, strongest criteria
 *
 * The test halves are only ever measured: their errors are not listed, so nobody tunes on them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootstrapIntervals, type Interval } from '../src/evaluate/bootstrap.js';
import { computeMetrics, formatConfusion, type Metrics, type Pair } from '../src/evaluate/metrics.js';
import type { Prediction } from '../src/readers/reader.js';
import { createRulesReader } from '../src/readers/rules/rules-reader.js';
import { categoryIds, DEFAULT_TAXONOMY } from '../src/taxonomy/taxonomy.js';

export const TARGET_MACRO_F1 = 0.85;
export const LANGS = ['en', 'de'] as const;
export const SPLITS = ['dev', 'test'] as const;
export type CorpusLang = (typeof LANGS)[number];
export type CorpusSplit = (typeof SPLITS)[number];

export interface CorpusCase {
  id: string;
  lang: CorpusLang;
  split: CorpusSplit;
  label: string;
  subtype: string | null;
  text: string;
}

const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'real');

export function readCorpus(lang: CorpusLang): CorpusCase[] {
  return readFileSync(join(CORPUS_DIR, `${lang}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusCase);
}

export interface HalfResult {
  lang: CorpusLang;
  split: CorpusSplit;
  metrics: Metrics;
  /** The macro-F1's 95 % percentile bootstrap interval (2,000 resamples, as `cmrdx evaluate`): a half of 27 cases says little alone. */
  f1Interval: Interval;
  predictions: { case: CorpusCase; prediction: Prediction }[];
}

/** Classifies one half with the rules reader and scores it against the corpus labels. */
export async function scoreHalf(lang: CorpusLang, split: CorpusSplit): Promise<HalfResult> {
  const reader = createRulesReader(DEFAULT_TAXONOMY);
  const cases = readCorpus(lang).filter((c) => c.split === split);
  const predictions = [];
  for (const c of cases) predictions.push({ case: c, prediction: await reader.classify({ id: c.id, text: c.text, lang: c.lang }) });
  const pairs: Pair[] = predictions.map((p) => ({ truth: p.case.label, predicted: p.prediction.error ? null : p.prediction.category }));
  const metrics = computeMetrics(pairs, categoryIds(DEFAULT_TAXONOMY));
  return { lang, split, metrics, f1Interval: bootstrapIntervals(pairs, metrics.classSet, { seed: `real-${lang}-${split}` }).f1, predictions };
}

const interval = (i: Interval) => `(95 % CI ${i.low.toFixed(2)}–${i.high.toFixed(2)})`;

function describeError({ case: c, prediction: p }: HalfResult['predictions'][number]): string {
  const truth = c.subtype ? `${c.label}.${c.subtype}` : c.label;
  const answer = typeof p.details?.outcome === 'string' ? p.details.outcome : (p.category ?? 'FAILED');
  const reasons = p.unclassified
    ? [p.unclassified.message]
    : [...(p.criteria ?? [])].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, 5).map((k) => `${k.id} ${k.weight > 0 ? '+' : ''}${k.weight}`);
  return `  ${c.id.padEnd(14)} truth ${truth.padEnd(20)} answer ${answer.padEnd(20)} ${reasons.join(', ')}`;
}

export function formatHalf(r: HalfResult, { errors = false } = {}): string {
  const { metrics: m } = r;
  const target = r.split === 'test' ? ` (target >= ${TARGET_MACRO_F1}: ${m.macro.f1 >= TARGET_MACRO_F1 ? 'OK' : 'BELOW TARGET'})` : '';
  const lines = [`real corpus ${r.lang} ${r.split} (n=${m.n}): macro-F1 ${m.macro.f1.toFixed(3)} ${interval(r.f1Interval)}, accuracy ${m.accuracy.toFixed(3)}, unclassified ${m.unclassified}${target}`, formatConfusion(m)];
  if (errors) {
    const wrong = r.predictions.filter((p) => p.prediction.category !== p.case.label);
    lines.push(`errors (${wrong.length}):`, ...wrong.map(describeError));
  }
  return lines.join('\n');
}

/** For `npm run bench`: the four figures, the test halves beside the target. */
export async function printRealCorpus(): Promise<boolean> {
  let ok = true;
  for (const lang of LANGS) {
    const dev = await scoreHalf(lang, 'dev');
    const test = await scoreHalf(lang, 'test');
    const pass = test.metrics.macro.f1 >= TARGET_MACRO_F1;
    ok &&= pass;
    console.log(`rules reader, real corpus ${lang}: macro-F1 dev ${dev.metrics.macro.f1.toFixed(3)} ${interval(dev.f1Interval)} (n=${dev.metrics.n}), test ${test.metrics.macro.f1.toFixed(3)} ${interval(test.f1Interval)} (n=${test.metrics.n}) (target test >= ${TARGET_MACRO_F1}) ${pass ? 'OK' : 'BELOW TARGET'}`);
  }
  return ok;
}

async function main(argv: string[]): Promise<number> {
  const errors = argv.includes('--errors');
  const at = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const split = at('--split');
  const lang = at('--lang');
  if (split !== undefined && !(SPLITS as readonly string[]).includes(split)) throw new Error(`--split ${split}: dev or test`);
  if (lang !== undefined && !(LANGS as readonly string[]).includes(lang)) throw new Error(`--lang ${lang}: en or de`);
  if (errors && split === 'test') {
    console.error('real-corpus: the test halves are only measured; their errors are not listed (tune on --split dev).');
    return 2;
  }
  // --errors lists the dev halves only, so it never measures a test half.
  const splits = errors ? (['dev'] as const) : split ? [split as CorpusSplit] : SPLITS;
  const langs = lang ? [lang as CorpusLang] : LANGS;
  for (const l of langs) for (const s of splits) console.log(`${formatHalf(await scoreHalf(l, s), { errors })}\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await main(process.argv.slice(2));
