/**
 * Paraphrase robustness of the guideline engine (test/fixtures/paraphrase/): the DEV half's cases of the real
 * corpus rewritten in the styles other authors use (terse radiology "Findings", abbreviation-heavy notes, US/UK
 * prose, German Kurzbefund, strukturierter Befund with a table, Fließtext, Austrian and Swiss wording, English to
 * German and German to English), the same clinical facts and measurements, the diagnosis-naming sentence left out.
 * Every paraphrase is classified as `cmrdx classify --model rules` does and the share answered with its case's
 * category must stay at or above a floor (the measured rate minus a small margin). Only the misses' ids are
 * printed. No paraphrase is of a test-half case: each names the dev case it was written from.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LANGS, readCorpus } from '../bench/real-corpus.js';
import { rulesCategory } from '../src/readers/rules/rules-reader.js';

interface Paraphrase {
  id: string;
  lang: 'en' | 'de';
  from: string;
  label: string;
  subtype: string | null;
  style: string;
  text: string;
}

const read = (lang: string): Paraphrase[] =>
  readFileSync(fileURLToPath(new URL(`fixtures/paraphrase/${lang}.jsonl`, import.meta.url)), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Paraphrase);

// Measured 2026-12-02 (branch rules-paraphrase), five batches written one after another, each measured before any
// rule was made for it (main's engine, the one before this work, in brackets): batch 1 (161) 0.807 [0.807]; batch 2
// (61, after part 1's rules) 0.787 [0.787]; batch 3 (38, after parts 2-3) 0.895 [0.895]; batch 4 (33, after part 4)
// 0.818 [0.818]; batch 5 (29, after all parts, kept held out: no rule was made for it) 0.759 [0.759]. So the rules
// mended the batches they were written from and did not raise a fresh batch's rate. All 322 now: 0.929 [0.811].
// The floor is the measured rate minus about 0.03; raise it when the engine improves, never lower it to make a change pass.
const FLOOR = 0.9;

test('paraphrases: every one is of a dev-half case, in both languages, 120 or more (40 or more German)', () => {
  const dev = new Map(LANGS.flatMap((lang) => readCorpus(lang).filter((c) => c.split === 'dev').map((c) => [c.id, c] as const)));
  const all = LANGS.flatMap(read);
  assert.ok(all.length >= 120, `${all.length} paraphrases`);
  assert.ok(all.filter((p) => p.lang === 'de').length >= 40);
  assert.equal(new Set(all.map((p) => p.id)).size, all.length, 'ids are unique');
  for (const p of all) {
    const source = dev.get(p.from);
    assert.ok(source, `${p.id}: ${p.from} is no dev-half case`);
    assert.equal(p.label, source.label, `${p.id}: the label of ${p.from}`);
    assert.equal(p.subtype ?? null, source.subtype ?? null, `${p.id}: the subtype of ${p.from}`);
  }
});

test(`paraphrases: the rules answer at least ${FLOOR} of them with their case's category`, () => {
  const all = LANGS.flatMap(read);
  const misses = all.filter((p) => rulesCategory({ id: p.id, text: p.text, lang: p.lang }) !== p.label).map((p) => p.id);
  const rate = (all.length - misses.length) / all.length;
  console.log(`paraphrase hit rate ${rate.toFixed(3)} (${all.length - misses.length}/${all.length}); misses: ${misses.join(' ') || 'none'}`);
  assert.ok(rate >= FLOOR, `hit rate ${rate.toFixed(3)} fell below the floor ${FLOOR}`);
});
