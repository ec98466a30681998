// The pattern index only skips work: for every lexicon pattern (concepts, triggers, attributes, signals,
// measurement labels) and every text of the golden cohort, its matches are those of a plain scan of the whole
// text without any pre-check. This holds for any lexicon, so it stays true as the vocabulary grows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../readers/rules/find-findings.js';
import './extract-measurements.js';
import { foldText } from './fold-text.js';
import { indexedPatterns, indexPattern, leadingPrefixes, TextIndex, type IndexedPattern } from './pattern-index.js';
import { goldenCohort } from '../../test/helpers/golden-answers.js';

const isWord = (c: string | undefined) => c !== undefined && /[a-z0-9]/.test(c);

/** The reference: every position the pattern may start at, tried one by one (no gates, no literals, no index). */
function plainMatches(p: IndexedPattern, wordStarts: number[], text: string): [number, number][] {
  const out: [number, number][] = [];
  if (p.prefixes) {
    // A match starts a word of the indexed text: the regex is tried at every word start, whatever the prefixes
    // say, so prefixes that missed a way a match can begin fail here.
    for (const pos of wordStarts) {
      p.sticky.lastIndex = pos;
      const m = p.sticky.exec(text);
      if (m && m[0].length > 0) out.push([pos, pos + m[0].length]);
    }
    return out;
  }
  for (let m = p.global.exec(text); m; m = p.global.exec(text)) {
    let start = m.index;
    if (m[0].length === 0) {
      p.global.lastIndex++;
      continue;
    }
    if (p.wordStart && isWord(text[start - 1])) {
      p.global.lastIndex = start + 1;
      continue;
    }
    if (p.compound) {
      while (start > 0 && /[a-z]/.test(text[start - 1]!)) start--;
      if (/[0-9]/.test(text[start - 1] ?? '')) continue;
    }
    out.push([start, m.index + m[0].length]);
  }
  p.global.lastIndex = 0;
  return out;
}

test('pattern index: every lexicon pattern finds on every cohort text exactly what a plain scan finds', () => {
  const patterns = indexedPatterns();
  assert.ok(patterns.length > 500, `only ${patterns.length} patterns registered`);
  let compared = 0;
  let found = 0;
  // Every third report of the cohort (all kinds are spread over it), to keep the plain scan quick.
  for (const report of goldenCohort().filter((_, i) => i % 3 === 0)) {
    const folded = foldText(report.text);
    const wordStarts: number[] = [];
    for (let pos = 0; pos + 1 < folded.length; pos++) if (isWord(folded[pos]) && !isWord(folded[pos - 1])) wordStarts.push(pos);
    const index = new TextIndex(folded);
    // The measurement extractor scans a copy with dates blanked; one index serves both.
    const masked = folded.replace(/\d{1,2}\.\d{1,2}\.\d{2,4}/g, (m) => 'x'.repeat(m.length));
    for (const text of masked === folded ? [folded] : [folded, masked]) {
      for (const p of patterns) {
        const fast = [...index.matches(p, text)].sort((a, b) => a[0] - b[0]);
        assert.deepEqual(fast, plainMatches(p, wordStarts, text), `${report.id}: ${p.global.source}`);
        compared++;
        found += fast.length;
      }
    }
  }
  assert.ok(found > 5_000, `only ${found} matches in ${compared} comparisons`);
});

test('pattern index: a pattern built after a text was indexed still finds its matches there', () => {
  const index = new TextIndex('kein perikarderguss, aber eine kleine pleuraeffusion.');
  const late = indexPattern('pleuraeffusion', '(?:pleuraeffusion)(?![a-z0-9])', { wordStart: true });
  assert.deepEqual(index.matches(late), [[38, 52]]);
});

test('pattern index: an index whose tables were taken by a newer text marks its own text again', () => {
  const p = indexPattern('narbe', '(?:narbe)(?![a-z0-9])', { wordStart: true });
  const first = new TextIndex('eine narbe lateral');
  const second = new TextIndex('keine befunde');
  assert.deepEqual(second.matches(p), []);
  assert.deepEqual(first.matches(p), [[5, 10]]);
});

test('pattern index: the prefixes of a pattern are every way its matches can begin', () => {
  const cases: [string, string[] | null][] = [
    ['narbe', ['narbe']],
    // "lv" covers every longer start ("lv-ef", "lvef").
    ['lv\\s?-?\\s?ef|lvef', ['lv']],
    // Umlauts in both folded spellings; a hyphen is a letter of the prefix.
    ['röntgen[a-z]*|x-ray', ['rontge', 'roentg', 'x-ray']],
    ['ödem[a-z]*', ['odem', 'oedem']],
    ['myo[ck]ardit', ['myocar', 'myokar']],
    ['h[on]?cmp?', ['hocm', 'hncm', 'hcm']],
    ['z\\.[ \\t-]*n\\.', ['z. ', 'z.\t', 'z.-', 'z.n.']],
    // An optional group: its own starts or those of what follows it.
    ['(?:globale )?lv-funktion', ['global', 'lv-fun']],
    // A match that may begin with a hyphen, a class of letters or a digit has no prefix.
    ['(?:septum|septale|septal)?-?hypertrophie', null],
    ['[a-z]+itis', null],
    ['\\d+ jahre', null],
  ];
  for (const [source, expected] of cases) assert.deepEqual(leadingPrefixes(source), expected, source);
});
