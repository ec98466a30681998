/**
 * The blind cases (test/fixtures/blind/, README there): reports written for the engine by another author, blind to
 * its code. Every case is classified as `cmrdx classify --model rules` does; the share answered with the author's
 * category must stay at or above a floor per language (the measured rate minus about 0.03). Only the misses' ids
 * are printed. Raise a floor when the engine improves, never lower it to make a change pass.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rulesCategory } from '../src/readers/rules/rules-reader.js';

interface BlindCase {
  id: string;
  lang: 'en' | 'de';
  label: string;
  note: string | null;
  text: string;
}

// Round 1 (en.jsonl, de.jsonl), measured 2026-12-03 after the rules made for its failures: English 129/131 (0.985),
// German 125/126 (0.992). Round 2 (round2-*.jsonl), held out: written after those rules by a new author and measured
// once, with no rule made for it: English 43/45 (0.956), German 45/49 (0.918). Round 3 (round3-*.jsonl), development
// text like round 1: English 94/102 (0.922) and German 93/102 (0.912) before the rules made for its failures
// (a379916), 100/102 (0.980) and 101/102 (0.990) after.
const SETS = [
  { file: 'en', floor: 0.95 },
  { file: 'de', floor: 0.96 },
  { file: 'round2-en', floor: 0.93 },
  { file: 'round2-de', floor: 0.89 },
  { file: 'round3-en', floor: 0.95 },
  { file: 'round3-de', floor: 0.96 },
];

for (const { file, floor } of SETS) {
  test(`blind cases (${file}): the share answered with the author's category stays above ${floor}`, (t) => {
    const cases = readFileSync(fileURLToPath(new URL(`fixtures/blind/${file}.jsonl`, import.meta.url)), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as BlindCase);
    assert.ok(cases.length > 40, 'the fixture is there');
    const misses = cases.filter((c) => rulesCategory({ id: c.id, text: c.text }) !== c.label).map((c) => c.id);
    const rate = (cases.length - misses.length) / cases.length;
    t.diagnostic(`${file}: ${cases.length - misses.length}/${cases.length} = ${rate.toFixed(3)}`);
    assert.ok(rate >= floor, `${rate.toFixed(3)} below ${floor}; missed: ${misses.join(', ')}`);
  });
}
