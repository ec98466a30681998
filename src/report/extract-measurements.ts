/**
 * Finds every printed measurement in a report: tables, "Wert (Norm)" lists, pipes and prose, in German and
 * English. The method is label-first: find a label from the lexicon, then read the value that belongs to it
 * in the same line and sentence, up to the next label. A value must have a fitting unit and a plausible
 * size for its key, so a segment number or a date never becomes a measurement; "n.d." and "–" end the
 * search (absent values are not zeros). Ranges and "Norm"-cued numbers become the printed reference.
 */
import type { Span } from './report.js';
import { foldText } from './fold-text.js';
import { lineStarts } from './line-starts.js';
import { indexPattern, TextIndex } from './pattern-index.js';
import { NUMBER_SOURCE, numberReadings, numberStyleOf, type NumberStyle } from './parse-number.js';
import {
  FILLER_WORDS,
  REGION_WORDS,
  REGIONAL_FAMILIES,
  KEY_RULES,
  LABEL_PATTERNS,
  UNIT_SOURCE,
  canonicalUnit,
  keyFor,
  type LabelPattern,
  type Ventricle,
} from './measurement-lexicon.js';

export interface Reference {
  low: number | null;
  high: number | null;
  /** The range as printed, e.g. "< 1.020 ms" or "57–77 %". */
  text: string;
}

export interface Measurement {
  key: string;
  value: number;
  unit: string | null;
  ref: Reference | null;
  /** The label as printed, e.g. "LV-EDV" or "native T1-Zeit". */
  label: string;
  /** From the label's start to the value's end. */
  span: Span;
}

interface Anchor {
  pattern: LabelPattern;
  start: number;
  /** End of the label including qualifiers such as "(LV)" or "(ml)". */
  end: number;
  ventricle?: Ventricle | 'pair';
  index: boolean;
  labelUnit: string | null;
}

type Token =
  | { t: 'num'; start: number; end: number; raw: string; unit: string | null; afterPlusMinus: boolean; afterSlash: boolean }
  | { t: 'range'; start: number; end: number; low: string; high: string; unit: string | null }
  | { t: 'cmp'; start: number; end: number; op: '<' | '>'; upTo: boolean; raw: string; unit: string | null }
  | { t: 'absent'; start: number; end: number }
  | { t: 'cue'; start: number; end: number }
  | { t: 'open' | 'close'; start: number; end: number }
  | { t: 'word'; start: number; end: number; word: string };

const COMPILED = LABEL_PATTERNS.map((pattern) => {
  // Labels never span lines: "...Norm RV\nEDV (ml)" is not "RV EDV". The index reads the label as it runs, so its
  // prefixes spell the blanks out ("lv-ef", "lv ef", "lvef" rather than "lv": far fewer words reach the regex).
  const label = pattern.source.replace(/\\s/g, '[ \\t]');
  return { pattern, regex: indexPattern(label, String.raw`(?<![a-z0-9])(?:${label})(?![a-z0-9])`) };
});

// Tables put the unit in a column of its own, so any run of spaces or tabs may stand before it.
const UNIT_AFTER = new RegExp(String.raw`^[ \t]*-?[ \t]?(${UNIT_SOURCE})(?![a-z0-9])`);
const LABEL_UNIT = new RegExp(String.raw`^\s*[(\[]\s*(${UNIT_SOURCE})\s*[)\]]`);
const VENTRICLE_AFTER =
  /^\s*(?:\(\s*)?(?:-\s*)?(lv|rv|links|rechts|des\s+linken\s+ventrikels|des\s+rechten\s+ventrikels|linksventrikular|rechtsventrikular|left|right)(?:\s*\))?(?![a-z0-9])/;
const PAIR_AFTER = /^\s*(?:\(\s*)?(?:lv|links)\s*\/\s*(?:rv|rechts)(?:\s*\))?(?![a-z0-9])/;
export const VENTRICLE_BEFORE = /(?:^|[^a-z0-9])(lv|rv|links|rechts|linksventrikular(?:e[snmr]?)?|rechtsventrikular(?:e[snmr]?)?|left|right)\s?-?\s?$/;
export const PAIR_BEFORE = /(?:^|[^a-z0-9])(?:lv|links)\s*\/\s*(?:rv|rechts)\s?-?\s?$/;
const INDEX_AFTER = /^\s*(?:\(\s*)?(?:indexiert|indiziert|index|\/\s*kof|\/\s*bsa|indexed|bsa-?indexed|auf\s+(?:die\s+)?kof)(?:\s*\))?(?![a-z0-9])/;
export const INDEX_BEFORE = /(?:^|[^a-z0-9])(?:indexierte[snmr]?|indizierte[snmr]?|indexed)\s+$/;

export const TOKEN_SOURCE = [
  String.raw`(?<pm>±|\+\/-)`,
  String.raw`(?<range>(?<lo>${NUMBER_SOURCE})\s?(?<ulo>${UNIT_SOURCE})?\s?(?:-|bis|to)\s?(?<hi>${NUMBER_SOURCE})(?![\d]))`,
  String.raw`(?<cmp>(?<op><=|>=|≤|≥|<|>|kleiner(?:\s+als)?|grosser(?:\s+als)?|unter|uber|bis|less\s+than|greater\s+than|below|above|up\s+to)\s?(?<cnum>${NUMBER_SOURCE}))`,
  String.raw`(?<num>${NUMBER_SOURCE})`,
  String.raw`(?<absent>n\.\s?d\.?|n\.\s?a\.?|k\.\s?a\.?|nicht\s+(?:bestimmt|gemessen|erhoben|auswertbar|beurteilbar|verwertbar|durchgefuhrt)|not\s+(?:measured|assessed|available|done|performed)|entfallt|n\/a|nd(?![a-z])|-{1,3}(?=\s*(?:$|\||\t|\s{2,}|[,;)\]])))`,
  String.raw`(?<cue>(?:normwerte?|normbereich|normalbereich|norm|referenz(?:bereich|wert(?:e)?)?|ref\.?|nw|nr|normal\s+range|reference(?:\s+range)?|normal\s+values?|upper\s+limit|obere\s+grenze)(?=\s*[:=]?\s*(?:[<>≤≥]|\d|bis\s|up\s+to|kleiner|grosser|unter\s|uber\s))` +
    // A bare "normal" is a cue only before a bound or a range: "normal < 1050 ms", not "LVEF normal 62 %".
    String.raw`|normal(?=\s*[:=]?\s*(?:[<>≤≥]|(?:${NUMBER_SOURCE})\s?%?\s?(?:-|bis|to)\s?\d)))`,
  String.raw`(?<open>[(\[])`,
  String.raw`(?<close>[)\]])`,
  String.raw`(?<word>[a-z][a-z-]*)`,
].join('|');

/**
 * The token regex with plain numbered groups: a named group makes every match build a `groups` object, and the
 * tokenizer runs once per character run of every value region. `G` is each name's group number.
 */
const G = groupNumbers(TOKEN_SOURCE);
const TOKEN = new RegExp(TOKEN_SOURCE.replace(/\(\?<([a-z]+)>/g, '('), 'y');
const group = (name: string): number => {
  const n = G[name];
  if (n === undefined) throw new Error(`the token regex has no group ${name}`);
  return n;
};
const G_PM = group('pm');
const G_RANGE = group('range');
const G_LO = group('lo');
const G_ULO = group('ulo');
const G_HI = group('hi');
const G_CMP = group('cmp');
const G_OP = group('op');
const G_CNUM = group('cnum');
const G_NUM = group('num');
const G_ABSENT = group('absent');
const G_CUE = group('cue');
const G_OPEN = group('open');
const G_CLOSE = group('close');

/**
 * Letters that can start a token other than a word (the operators, absent markers and reference cues above):
 * a run that starts with any other letter is a word, read without the regex.
 */
const NOT_ONLY_WORD = new Set([...'abegklnoru'].map((c) => c.charCodeAt(0)));

/**
 * The first two letters of every other token that starts with a letter ("ab"ove, "bi"s, "no"rm, "re"ferenz,
 * "un"ter, ...): a run of letters that starts otherwise is a word, read without the regex.
 */
const NOT_ONLY_WORD_PAIRS = new Set(['ab', 'bi', 'be', 'en', 'gr', 'kl', 'le', 'ni', 'no', 'nd', 'nw', 'nr', 'ob', 're', 'un', 'ub', 'up']);

/** Whether the token at `pos` is a word (`[a-z][a-z-]*`) whatever follows it: no other kind of token starts so. */
export function plainWordAt(text: string, pos: number): boolean {
  const first = text.charCodeAt(pos);
  if (first < 97 || first > 122) return false;
  if (!NOT_ONLY_WORD.has(first)) return true;
  const second = text.charCodeAt(pos + 1);
  // "n.d.", "k. A.", "n/a": a letter and a sign may start an absent marker.
  if (second < 97 || second > 122) return false;
  return !NOT_ONLY_WORD_PAIRS.has(text.slice(pos, pos + 2));
}

/** Name → number of the named groups of a regex source (every capturing group counts, in order). */
function groupNumbers(source: string): Record<string, number> {
  const numbers: Record<string, number> = {};
  let n = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '[') {
      // A class may hold parentheses; skip to its end.
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (ch === '(') {
      const named = /^\?<([a-z]+)>/.exec(source.slice(i + 1, i + 40));
      if (named) numbers[named[1]!] = ++n;
      else if (source[i + 1] !== '?') ++n;
    }
  }
  return numbers;
}

/**
 * Every match of a global regex, like `matchAll` but with the regex itself: matchAll (and split) copy the regex
 * on each call, and the copy is often compiled again, which cost more than the search (measured: 5 % of the
 * engine for one such regex).
 */
function execAll(regex: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    out.push(m);
    if (m[0].length === 0) regex.lastIndex++;
  }
  return out;
}

/** A value made on the first call and kept. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** Dates and clock times look like numbers ("12.03.2024", "10:30"); blank them before scanning. */
function maskDates(folded: string): string {
  return folded.replace(/(?<![\d.,])(?:\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}(?::\d{2})?)(?![\d])/g, (m) =>
    'x'.repeat(m.length),
  );
}

export function extractMeasurements(text: string, style: NumberStyle = numberStyleOf(text), folded = foldText(text), index = new TextIndex(folded)): Measurement[] {
  const scan = maskDates(folded);
  const anchors = findAnchors(scan, index);
  // Tables with LV and RV columns and the ventricle a line speaks of are only needed for labels that do not
  // name their ventricle; most reports never ask, so both are found on the first question.
  const tables = once(() => findVentricleTables(scan));
  const context = once(() => new VentricleContext(scan));

  // Weak labels only count when they find a value; drop the ones that do not and read again, so they do
  // not cut the region of a strong label before them ("native T1 im Septum 1.062 ms").
  let kept = anchors;
  let results: Measurement[][] = [];
  const tokenCache = new Map<number, Token[]>();
  const unitCache = new Map<Anchor, Unit>();
  for (let round = 0; round < 3; round++) {
    results = readAll(text, scan, kept, tables, context, style, tokenCache, unitCache);
    const next = kept.filter((a, i) => !a.pattern.weak || results[i]!.length > 0);
    if (next.length === kept.length) break;
    kept = next;
  }
  // Loops, not flat() (generic and slow in V8) or push(...) (a spread of an unbounded array overflows the call
  // stack, issue 10).
  const measurements: Measurement[] = [];
  for (const list of results) for (const m of list) measurements.push(m);
  for (const m of findFieldStrength(text, scan, style)) measurements.push(m);
  measurements.sort((a, b) => a.span.start - b.span.start);
  return measurements;
}

/** Labels read together (one, or several joined by slashes), the end of their region, and what they read. */
interface Unit {
  group: Anchor[];
  regionEnd: number;
  found: Measurement[][];
}

function sameAnchors(a: Anchor[], b: Anchor[]): boolean {
  return a.length === b.length && a.every((x, k) => x === b[k]);
}

function readAll(
  text: string,
  scan: string,
  anchors: Anchor[],
  tables: () => TableRows,
  context: () => VentricleContext,
  style: NumberStyle,
  tokenCache: Map<number, Token[]>,
  unitCache: Map<Anchor, Unit>,
): Measurement[][] {
  const out: Measurement[][] = anchors.map(() => []);
  let i = 0;
  const tokensOf = (start: number, end: number): Token[] => {
    // One number per (start, end): end <= scan.length, so the key is unique for a text of any length.
    const key = start * (scan.length + 1) + end;
    let tokens = tokenCache.get(key);
    if (!tokens) tokenCache.set(key, (tokens = tokenize(scan, start, end)));
    return tokens;
  };
  while (i < anchors.length) {
    // "EDV/ESV/EF: 148/52/65" — labels joined by slashes share one run of values.
    let j = i;
    while (j + 1 < anchors.length && onlySlash(scan, anchors[j]!.end, anchors[j + 1]!.start)) j++;
    const group = anchors.slice(i, j + 1);
    const last = group[group.length - 1]!;
    const regionEnd = regionEndFor(text, scan, last.end, anchors[j + 1]?.start);
    // A unit read in an earlier round with the same labels and region reads the same again: a later round only
    // reads the units next to the weak labels it dropped (1.8 rounds a report on the bench cohort).
    const cached = unitCache.get(group[0]!);
    let found: Measurement[][];
    if (cached && cached.regionEnd === regionEnd && sameAnchors(cached.group, group)) found = cached.found;
    else {
      const tokens = tokensOf(last.end, regionEnd);
      found = group.length > 1 ? readGroup(text, group, tokens, style, context) : [readOne(text, scan, last, tokens, tables, context, style)];
      unitCache.set(group[0]!, { group, regionEnd, found });
    }
    found.forEach((m, k) => {
      for (const x of m) out[i + k]!.push(x);
    });
    i = j + 1;
  }
  return out;
}

/** Pattern id → place in COMPILED (-1: no label), so a report asks only the labels that passed its index. */
const LABEL_OF = (() => {
  const slots = new Int32Array(Math.max(...COMPILED.map((c) => c.regex.id)) + 1).fill(-1);
  COMPILED.forEach((c, k) => (slots[c.regex.id] = k));
  return slots;
})();

/** The places in COMPILED of the labels that may match, in lexicon order (equal matches keep that order below). */
function candidateLabels(index: TextIndex): number[] {
  const out: number[] = [];
  for (const id of index.passed()) {
    const k = id < LABEL_OF.length ? LABEL_OF[id]! : -1;
    if (k >= 0) out.push(k);
  }
  // Labels built after the text was indexed have no gate information: they are always tried.
  for (let k = 0; k < COMPILED.length; k++) if (COMPILED[k]!.regex.id >= index.gatedPatterns) out.push(k);
  return out.sort((a, b) => a - b);
}

/** Whether `scan[from, to)` is one slash between blanks (`/^\s*\/\s*$/`), read without slicing. */
function onlySlash(scan: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && isSpaceCode(scan.charCodeAt(i))) i++;
  if (i >= to || scan.charCodeAt(i) !== 47) return false;
  for (i++; i < to; i++) if (!isSpaceCode(scan.charCodeAt(i))) return false;
  return true;
}

function findAnchors(scan: string, index: TextIndex): Anchor[] {
  const matches: { pattern: LabelPattern; start: number; end: number }[] = [];
  let pattern: LabelPattern;
  const push = (start: number, end: number) => matches.push({ pattern, start, end });
  for (const k of candidateLabels(index)) {
    const label = COMPILED[k]!;
    pattern = label.pattern;
    index.eachMatch(label.regex, scan, push);
  }
  matches.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const anchors: Anchor[] = [];
  let covered = -1;
  for (const m of matches) {
    if (m.start < covered) continue;
    anchors.push(qualify(scan, m.pattern, m.start, m.end));
    covered = anchors[anchors.length - 1]!.end;
  }
  return anchors;
}

const isLetter = (c: number) => c >= 97 && c <= 122;

/**
 * Whether `text` ends in a letter followed by what `\s?-?\s?$` allows (a blank, a hyphen, a blank, each at most
 * once): VENTRICLE_BEFORE and PAIR_BEFORE cannot match otherwise, since their words end in a letter.
 */
export function wordEndsBeforeBlanks(text: string): boolean {
  let k = text.length;
  if (k > 0 && isSpaceCode(text.charCodeAt(k - 1))) k--;
  if (k > 0 && text.charCodeAt(k - 1) === 45) k--;
  if (k > 0 && isSpaceCode(text.charCodeAt(k - 1))) k--;
  return k > 0 && isLetter(text.charCodeAt(k - 1));
}

/** Whether `text` ends in a letter and one or more blanks (`[a-z]\s+$`), which INDEX_BEFORE needs. */
export function wordEndsBeforeSpace(text: string): boolean {
  let k = text.length;
  if (k === 0 || !isSpaceCode(text.charCodeAt(k - 1))) return false;
  while (k > 0 && isSpaceCode(text.charCodeAt(k - 1))) k--;
  return k > 0 && isLetter(text.charCodeAt(k - 1));
}

/** Reads qualifiers around a label: "(LV)", "LV-", "indexiert", "(ml/m²)". */
function qualify(scan: string, pattern: LabelPattern, start: number, end: number): Anchor {
  const label = scan.slice(start, end);
  const anchor: Anchor = { pattern, start, end, index: /index|(?:edv|esv|sv|m)\s?-?\s?i$/.test(label), labelUnit: null };
  if (pattern.ventricle) anchor.ventricle = pattern.ventricle;
  else if (/(?<![a-z])(?:lv|links|linksventrikular\w*|left)(?![a-z])/.test(label)) anchor.ventricle = 'LV';
  else if (/(?<![a-z])(?:rv|rechts|rechtsventrikular\w*|right)(?![a-z])/.test(label)) anchor.ventricle = 'RV';

  const lines = lineStarts(scan);
  const lineStart = lines.startOf(start);
  const before = scan.slice(Math.max(lineStart, start - 30), start);
  // The regexes below end at `$` and so are tried at every position of `before`: most labels are asked first
  // whether a word can end where they need one.
  if (!anchor.ventricle && wordEndsBeforeBlanks(before)) {
    if (PAIR_BEFORE.test(before)) anchor.ventricle = 'pair';
    else {
      const v = VENTRICLE_BEFORE.exec(before);
      if (v) anchor.ventricle = /^(?:lv|links|left)/.test(v[1]!) ? 'LV' : 'RV';
    }
  }
  if (wordEndsBeforeSpace(before) && INDEX_BEFORE.test(before)) anchor.index = true;

  const lineEnd = lines.endOf(end);
  for (let guard = 0; guard < 3; guard++) {
    const rest = scan.slice(anchor.end, Math.min(lineEnd, anchor.end + 40));
    let m: RegExpExecArray | null;
    if (!anchor.ventricle && (m = PAIR_AFTER.exec(rest))) {
      anchor.ventricle = 'pair';
    } else if (!anchor.ventricle && (m = VENTRICLE_AFTER.exec(rest))) {
      anchor.ventricle = /^(?:lv|links|left|des\s+linken|linksv)/.test(m[1]!) ? 'LV' : 'RV';
    } else if ((m = INDEX_AFTER.exec(rest))) {
      anchor.index = true;
    } else if ((m = LABEL_UNIT.exec(rest))) {
      anchor.labelUnit = canonicalUnit(m[1]!);
    } else {
      break;
    }
    anchor.end += m[0].length;
  }
  return anchor;
}

const ABBREVIATIONS = new Set(['ca', 'max', 'min', 'bzw', 'z', 'b', 'n', 'v', 'a', 'i', 's', 'd', 'ggf', 'inkl', 'vs', 'li', 're', 'evtl', 'etc', 'vgl', 'nativ', 'dr', 'pat', 'approx', 'ref', 'norm', 'mio', 'lt', 'st', 'seg']);

/** A value belongs to its label within the same line and sentence, up to the next label. */
function regionEndFor(text: string, scan: string, from: number, nextAnchor: number | undefined): number {
  let end = lineStarts(scan).endOf(from);
  if (nextAnchor !== undefined && nextAnchor < end) end = nextAnchor;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 46 && c !== 33 && c !== 63) continue; // . ! ?
    // A sentence ends where the mark is followed by a space and a capital, or by the end of the line.
    let j = i + 1;
    while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
    const next = text[j];
    if (!(next === undefined || next === '\n' || (j > i + 1 && /[A-ZÄÖÜ]/.test(next)))) continue;
    const word = /([A-Za-zäöüÄÖÜß]+)$/.exec(text.slice(Math.max(from, i - 12), i));
    if (word && (word[1]!.length <= 2 || ABBREVIATIONS.has(word[1]!.toLowerCase()))) continue;
    return i;
  }
  return end;
}

/** A printed number at a position, as the token regex reads it (its only other choice at a digit is a range). */
const NUMBER_AT = new RegExp(NUMBER_SOURCE, 'y');

/**
 * False when no range ("57-105", "1,5 bis 2 ms") can start at the digit at `pos` of `text` (which ends where the
 * tokens end): a range's first number runs to the end of the digits, dots and commas there, and its separator
 * ("-", "bis", "to") follows after nothing but blanks and unit letters (units are letters, "/", "^", "2" and "%").
 * True when one may; the regex decides.
 */
export function rangeMayStart(text: string, pos: number): boolean {
  let e = pos;
  for (let c = text.charCodeAt(e); (c >= 48 && c <= 57) || c === 44 || c === 46; c = text.charCodeAt(++e));
  const last = text.charCodeAt(e - 1);
  // A number ends with a digit, and nothing in a unit or separator starts with a digit, dot or comma.
  if (last < 48 || last > 57) return false;
  for (let j = e; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 45) return true;
    if (c === 98 && text.charCodeAt(j + 1) === 105 && text.charCodeAt(j + 2) === 115) return true;
    if (c === 116 && text.charCodeAt(j + 1) === 111) return true;
    if (!(isSpaceCode(c) || (c >= 97 && c <= 122) || c === 47 || c === 94 || c === 50 || c === 37)) return false;
  }
  return false;
}

/** Separators between tokens: spaces, tabs, punctuation that carries no meaning for values. */
const SKIP = new Set([...' \t\n\r\u00a0,;:=|/*"\'#~•·'].map((c) => c.charCodeAt(0)));

function tokenize(scan: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  const region = scan.slice(0, end);
  let pos = start;
  let plusMinus = false;
  while (pos < end) {
    const code = region.charCodeAt(pos);
    if (SKIP.has(code)) {
      pos++;
      continue;
    }
    if (plainWordAt(region, pos)) {
      // `[a-z][a-z-]*`, what the regex's last alternative would match here.
      let wordEnd = pos + 1;
      for (let c = region.charCodeAt(wordEnd); (c >= 97 && c <= 122) || c === 45; c = region.charCodeAt(++wordEnd));
      tokens.push({ t: 'word', start: pos, end: wordEnd, word: region.slice(pos, wordEnd) });
      pos = wordEnd;
      continue;
    }
    if (code >= 48 && code <= 57 && !rangeMayStart(region, pos)) {
      // The common case, a number that starts no range: what the regex's `num` alternative would read, without
      // trying the range (and its units) first.
      NUMBER_AT.lastIndex = pos;
      const raw = NUMBER_AT.exec(region)![0];
      const afterSlash = slashBefore(region, Math.max(start, pos - 3), pos);
      const unitEnd = readUnit(region, pos + raw.length);
      tokens.push({ t: 'num', start: pos, end: unitEnd.end, raw, unit: unitEnd.unit, afterPlusMinus: plusMinus, afterSlash });
      plusMinus = false;
      pos = unitEnd.end;
      continue;
    }
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(region);
    if (!m || m[0].length === 0) {
      pos++;
      continue;
    }
    const tokEnd = pos + m[0].length;
    const afterSlash = slashBefore(region, Math.max(start, pos - 3), pos);
    if (m[G_PM] !== undefined) {
      plusMinus = true;
      pos = tokEnd;
      continue;
    }
    if (m[G_RANGE] !== undefined) {
      const unitEnd = readUnit(region, tokEnd);
      const ulo = m[G_ULO];
      tokens.push({ t: 'range', start: pos, end: unitEnd.end, low: m[G_LO]!, high: m[G_HI]!, unit: unitEnd.unit ?? (ulo ? canonicalUnit(ulo) : null) });
      pos = unitEnd.end;
    } else if (m[G_CMP] !== undefined) {
      const unitEnd = readUnit(region, tokEnd);
      const opText = m[G_OP]!;
      const op = /^(?:<|≤|kleiner|unter|bis|less|below|up)/.test(opText) ? '<' : '>';
      const upTo = /^(?:bis|up)/.test(opText);
      tokens.push({ t: 'cmp', start: pos, end: unitEnd.end, op, upTo, raw: m[G_CNUM]!, unit: unitEnd.unit });
      pos = unitEnd.end;
    } else if (m[G_NUM] !== undefined) {
      const unitEnd = readUnit(region, tokEnd);
      tokens.push({ t: 'num', start: pos, end: unitEnd.end, raw: m[G_NUM], unit: unitEnd.unit, afterPlusMinus: plusMinus, afterSlash });
      plusMinus = false;
      pos = unitEnd.end;
    } else if (m[G_ABSENT] !== undefined) {
      tokens.push({ t: 'absent', start: pos, end: tokEnd });
      pos = tokEnd;
    } else if (m[G_CUE] !== undefined) {
      tokens.push({ t: 'cue', start: pos, end: tokEnd });
      pos = tokEnd;
    } else if (m[G_OPEN] !== undefined) {
      tokens.push({ t: 'open', start: pos, end: tokEnd });
      pos = tokEnd;
    } else if (m[G_CLOSE] !== undefined) {
      tokens.push({ t: 'close', start: pos, end: tokEnd });
      pos = tokEnd;
    } else {
      tokens.push({ t: 'word', start: pos, end: tokEnd, word: m[0] });
      pos = tokEnd;
    }
  }
  return tokens;
}

/** What `\s` matches in a regex, as a code test (a regex call per character cost more than the search). */
function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether `text[from, to)` ends in a slash and blanks (`/\/\s*$/`). */
function slashBefore(text: string, from: number, to: number): boolean {
  let i = to - 1;
  while (i >= from && isSpaceCode(text.charCodeAt(i))) i--;
  return i >= from && text.charCodeAt(i) === 47;
}

function readUnit(region: string, from: number): { unit: string | null; end: number } {
  const m = UNIT_AFTER.exec(region.slice(from, from + 30));
  if (!m) return { unit: null, end: from };
  return { unit: canonicalUnit(m[1]!), end: from + m[0].length };
}

/** `/^\d+$/` as a loop. */
function isPlainDigits(raw: string): boolean {
  if (raw.length === 0) return false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The first reading of a printed number that is plausible for the key and unit, if any. */
function plausible(key: string, unit: string | null, raw: string, style: NumberStyle): number | undefined {
  const range = KEY_RULES[key]?.ranges[String(unit)];
  if (!range) return undefined;
  // Most printed numbers are plain digits, whose one reading is the number (numberReadings' first case): read
  // here without its regex and array.
  if (isPlainDigits(raw)) {
    const v = Number(raw);
    return v >= range[0] && v <= range[1] ? v : undefined;
  }
  return numberReadings(raw, style).find((v) => v >= range[0] && v <= range[1]);
}

/**
 * What readers give as an estimate range ("LVEF 55-60 %", "septum 12-13 mm"). Mapping values are left out: their
 * norms are narrow beside their size ("T1 950-1050 ms"), so a range there is a norm.
 */
const ESTIMATED_FAMILIES = new Set(['EF', 'WALL', 'EDD', 'ESD', 'EDV', 'ESV', 'SV', 'MASS', 'RF']);

/** Words that make the number after them another study's reading ("previously 50-55 %", "Vorbefund 60 %"). */
const EARLIER_READING = String.raw`previously|prior|before|earlier|vorher|zuvor|vorbefund|voruntersuchung|im vergleich|compared`;
const EARLIER_BEFORE = new RegExp(String.raw`(?:${EARLIER_READING})[^.;]{0,20}$`, 'i');
/** What opens a change over time or an earlier reading right before a range ("from 45 to 50 %", "von 40 bis 45 %"). */
const CHANGE_BEFORE = new RegExp(String.raw`(?:^|[^a-z])(?:from|von|${EARLIER_READING})\s*$`, 'i');
const CHANGE_INSIDE = /(?:^|[^a-z])(?:to|bis)(?![a-z])/i;
const SEGMENT_AFTER = /^\s*(?:segment|seg\.)/i;
/** A verb of change before "from": the range after it is a change over time, not a span of values or a norm. */
const CHANGE_VERB_BEFORE = /(?:declin|improv|increas|decreas|fell|fall|dropp|rose|risen|recover|normali[sz]|deteriorat|worsen|reduc|gestiegen|abgefallen|gesunken|verbessert|verschlechtert|angestiegen)\w*\s+(?:from|von)\s*$/i;
function isChange(text: string, tok: Extract<Token, { t: 'range' }>): boolean {
  return CHANGE_INSIDE.test(text.slice(tok.start, tok.end)) && CHANGE_VERB_BEFORE.test(text.slice(Math.max(0, tok.start - 40), tok.start));
}
/** Words that lead from an earlier reading to the current one right after a value ("62 % auf 45 %", "25% to 50%"). */
const CHANGE_WORDS = new Set(['auf', 'to', 'zu', 'nach']);

/**
 * Whether a range printed after a value without a norm cue is that value's norm ("LVEF 62 % 57-77 %"): in the
 * value's unit, with ends that are plausible values of its kind, and not another reading ("previously 50-55 %",
 * "3-5 Segmente", "HF 90-100/min").
 */
function uncuedNorm(text: string, tok: Extract<Token, { t: 'range' }>, value: Found, style: NumberStyle): boolean {
  if (tok.unit !== null && tok.unit !== value.unit) return false;
  if (plausible(value.key, value.unit, tok.low, style) === undefined || plausible(value.key, value.unit, tok.high, style) === undefined) return false;
  if (SEGMENT_AFTER.test(text.slice(tok.end, tok.end + 10))) return false;
  return !EARLIER_BEFORE.test(text.slice(Math.max(0, tok.start - 32), tok.start));
}

/**
 * A range printed as one reading: "55-60 %", "55 - 60 %", not a change over time ("from 45 to 50 %", "von 40 bis
 * 45 %", "stieg auf ...") whose ends are two readings.
 */
function isEstimate(text: string, tok: Extract<Token, { t: 'range' }>): boolean {
  if (CHANGE_INSIDE.test(text.slice(tok.start, tok.end))) return false;
  return !CHANGE_BEFORE.test(text.slice(Math.max(0, tok.start - 16), tok.start));
}

/**
 * The midpoint of a printed range read as one measurement ("LVEF 55-60 %"), or undefined when it is no estimate:
 * an estimate is narrow (its width at most a fifth of its upper end), where a norm spans a population ("57-77 %",
 * "6-11 mm").
 */
function estimateRange(key: string, unit: string | null, lowRaw: string, highRaw: string, style: NumberStyle): number | undefined {
  const low = plausible(key, unit, lowRaw, style);
  const high = plausible(key, unit, highRaw, style);
  if (low === undefined || high === undefined || low >= high || high - low > high / 5) return undefined;
  return (low + high) / 2;
}

/** Whether a norm (a cue, a range or a bound) follows the token at `k` among the label's tokens. */
function normFollows(tokens: Token[], k: number): boolean {
  for (let i = k + 1; i < tokens.length; i++) {
    const t = tokens[i]!.t;
    if (t === 'cue' || t === 'range' || t === 'cmp') return true;
    if (t === 'num') return false;
  }
  return false;
}

/** The midpoint of a printed range of readings whose ends are both plausible for the key. */
function midpoint(key: string, unit: string | null, lowRaw: string, highRaw: string, style: NumberStyle): number | undefined {
  const low = plausible(key, unit, lowRaw, style);
  const high = plausible(key, unit, highRaw, style);
  if (low === undefined || high === undefined || low >= high) return undefined;
  return (low + high) / 2;
}

function toReference(text: string, token: Token, key: string | undefined, unit: string | null, style: NumberStyle): Reference | null {
  const read = (raw: string): number | null => {
    const readings = numberReadings(raw, style);
    if (key) {
      const v = plausible(key, unit, raw, style);
      if (v !== undefined) return v;
    }
    return readings[0] ?? null;
  };
  const printed = text.slice(token.start, token.end).trim();
  if (token.t === 'range') return { low: read(token.low), high: read(token.high), text: printed };
  if (token.t === 'cmp') return token.op === '<' ? { low: null, high: read(token.raw), text: printed } : { low: read(token.raw), high: null, text: printed };
  if (token.t === 'num') return { low: null, high: null, text: printed };
  return null;
}

interface Found {
  key: string;
  value: number;
  unit: string | null;
  ref: Reference | null;
  end: number;
}

const MAX_REGIONAL_VALUES = 6;

/** Reads the values after one label: the value, an index value beside it, and the reference. */
function readValues(
  text: string,
  anchor: Anchor,
  ventricle: Ventricle,
  tokens: Token[],
  style: NumberStyle,
  maxValues: number,
  estimates = true,
): Found[] {
  const { pattern } = anchor;
  const found: Found[] = [];
  let pendingRef: Reference | null = null;
  let refMode = false;
  let refDepth = 0;
  let depth = 0;
  let words = 0;
  let wordsSinceValue = 0;
  const maxWords = pattern.maxWords ?? (pattern.weak ? 1 : 4);
  let lastRefTarget: Found | undefined;
  let regionSinceValue = false;
  /** The value is an estimate range: a later range without a norm cue is another reading, not its norm. */
  let estimated = false;
  /** "LVEF von 62 % auf 45 %", "EF improved from 25% to 50%": right after a value, a word of change; the value after it is the current one. */
  let changeTo = false;

  /** Takes a printed number as a value of this label; 'stop' when it ends the label's values. */
  const valueEntry = (raw: string, printedUnit: string | null, end: number, read = (key: string, unit: string | null) => plausible(key, unit, raw, style)): 'taken' | 'skipped' | 'stop' => {
    const unit = printedUnit ?? anchor.labelUnit;
    if (pattern.requireUnit && !pattern.requireUnit.includes(unit ?? '')) return found.length > 0 ? 'stop' : 'skipped';
    const key = keyFor(pattern.family, ventricle, anchor.index, unit);
    if (!key) return 'skipped';
    const value = read(key, unit);
    // Inside brackets after the value, a number of another kind ("1.125 ms (1,5 T; Norm < 1.030 ms)") is a
    // remark; the reference may still follow it.
    if (value === undefined) return found.length > 0 && depth === 0 ? 'stop' : 'skipped';
    // A second value only counts when it is the other form of the same measurement, e.g. the index in
    // "LVEDV 152 ml (78 ml/m²)", or a value of another region ("T1 septal 1010 ms, lateral 1105 ms");
    // otherwise another value of the same key ends the label's values.
    const last = found[found.length - 1];
    if (changeTo && last?.key === key && wordsSinceValue <= 2) {
      // A change over time: the reading it arrives at replaces the one it started from (the norm stays the norm).
      changeTo = false;
      last.value = value;
      last.end = end;
      wordsSinceValue = 0;
      return 'taken';
    }
    changeTo = false;
    const regional = regionSinceValue && REGIONAL_FAMILIES.has(pattern.family) && found.every((f) => f.key === key);
    if (found.length > 0 && !regional && (found.some((f) => f.key === key) || found.length >= maxValues)) return 'stop';
    if (found.length >= MAX_REGIONAL_VALUES) return 'stop';
    const entry: Found = { key, value, unit, ref: null, end };
    if (found.length === 0 && pendingRef) {
      entry.ref = pendingRef;
      pendingRef = null;
    }
    found.push(entry);
    lastRefTarget = entry;
    wordsSinceValue = 0;
    regionSinceValue = false;
    return 'taken';
  };

  const attachRef = (ref: Reference | null): void => {
    if (!ref) return;
    const target = lastRefTarget ?? found[found.length - 1];
    if (target && !target.ref) {
      target.ref = ref;
      // One range after regional values is the norm for all of them.
      for (const f of found) if (f.key === target.key && !f.ref) f.ref = ref;
    } else if (!target) pendingRef = ref;
  };

  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k]!;
    switch (tok.t) {
      case 'word':
        if (found.length > 0 && wordsSinceValue === 0 && CHANGE_WORDS.has(tok.word)) changeTo = true;
        if (REGION_WORDS.has(tok.word)) regionSinceValue = true;
        if (FILLER_WORDS.has(tok.word)) continue;
        words++;
        wordsSinceValue++;
        if (found.length === 0 && words > maxWords) return found;
        if (found.length > 0 && wordsSinceValue > 2) return found;
        continue;
      case 'cue':
        refMode = true;
        refDepth = depth;
        continue;
      case 'open':
        depth++;
        continue;
      case 'close':
        depth = Math.max(0, depth - 1);
        if (refMode && depth < refDepth) refMode = false;
        continue;
      case 'absent':
        if (found.length === 0 && !refMode) return found;
        continue;
      case 'cmp':
      case 'range': {
        // "wall thickness up to 19 mm" states the value; "(Norm bis 52 ms)" states a reference.
        if (tok.t === 'cmp' && tok.upTo && !refMode) {
          if (valueEntry(tok.raw, tok.unit, tok.end) === 'stop') return found;
          continue;
        }
        // "ECV >= 60 %", "T2 ratio > 2.1" right after the label: a lower bound is the reading (a norm is cued or
        // bracketed, or follows the value).
        if (tok.t === 'cmp' && tok.op === '>' && found.length === 0 && !refMode && depth === 0) {
          if (valueEntry(tok.raw, tok.unit, tok.end) === 'taken') continue;
        }
        // "native T1 1170-1250 ms (ref 950-1060 ms)": a mapping range right after the label with its norm after it
        // is the range of the regional readings, read as its midpoint.
        if (tok.t === 'range' && found.length === 0 && !refMode && depth === 0 && estimates && !ESTIMATED_FAMILIES.has(pattern.family) && normFollows(tokens, k)) {
          if (valueEntry(tok.low, tok.unit, tok.end, (key, unit) => midpoint(key, unit, tok.low, tok.high, style)) === 'taken') continue;
        }
        // "LVEF improved from 25% to 50%": a change over time told as a range; the reading it arrives at is the value.
        if (tok.t === 'range' && found.length === 0 && !refMode && depth === 0 && isChange(text, tok)) {
          if (valueEntry(tok.high, tok.unit, tok.end) === 'taken') continue;
        }
        // "LVEF 55-60 %" with no value before it is the reader's estimate, not a norm: its midpoint is the value.
        if (tok.t === 'range' && found.length === 0 && !refMode && depth === 0 && estimates && ESTIMATED_FAMILIES.has(pattern.family) && isEstimate(text, tok)) {
          const taken = valueEntry(tok.low, tok.unit, tok.end, (key, unit) => estimateRange(key, unit, tok.low, tok.high, style));
          if (taken === 'taken') {
            estimated = true;
            continue;
          }
        }
        // "LVEF 30-35 %, previously 50-55 %": after an estimate, only a cued range is its norm.
        if (estimated && !refMode) continue;
        const last = found[found.length - 1];
        if (tok.t === 'range' && !refMode && last && !uncuedNorm(text, tok, last, style)) continue;
        attachRef(toReference(text, tok, last?.key, last?.unit ?? tok.unit, style));
        refMode = false;
        continue;
      }
      case 'num': {
        if (refMode) {
          const last = found[found.length - 1];
          attachRef(toReference(text, tok, last?.key, last?.unit ?? tok.unit, style));
          refMode = false;
          continue;
        }
        if (tok.afterPlusMinus) continue;
        if (valueEntry(tok.raw, tok.unit, tok.end) === 'stop') return found;
        continue;
      }
    }
  }
  return found;
}

function toMeasurements(text: string, anchor: Anchor, found: Found[]): Measurement[] {
  const label = text.slice(anchor.start, anchor.end).trim();
  return found.map((f) => ({ key: f.key, value: f.value, unit: f.unit, ref: f.ref, label, span: { start: anchor.start, end: f.end } }));
}

/** Families measured per ventricle, and those printed in two forms (absolute and indexed): sets made once. */
const PER_VENTRICLE = new Set<string>(['EF', 'EDV', 'ESV', 'SV', 'MASS']);
const TWO_FORMS = new Set<string>(['EDV', 'ESV', 'SV', 'MASS', 'CO']);

function readOne(
  text: string,
  scan: string,
  anchor: Anchor,
  tokens: Token[],
  tables: () => TableRows,
  context: () => VentricleContext,
  style: NumberStyle,
): Measurement[] {
  const family = anchor.pattern.family;
  const perVentricle = PER_VENTRICLE.has(family);
  let inTable = false;
  if (perVentricle && (anchor.ventricle === undefined || anchor.ventricle === 'pair')) {
    const table = tables().get(lineStarts(scan).startOf(anchor.start));
    const fromTable = table ? readTableRow(text, anchor, tokens, table, style) : [];
    if (fromTable.length > 0) return fromTable;
    // In a column table a range cell is the LV's or the RV's, or a norm column's: never one estimate.
    if (table) inTable = true;
  }
  if (anchor.ventricle === 'pair') return readPair(text, anchor, tokens, style);
  const ventricle = anchor.ventricle ?? (perVentricle ? context().at(anchor.start) : 'LV');
  const maxValues = TWO_FORMS.has(family) ? 2 : 1;
  return toMeasurements(text, anchor, readValues(text, anchor, ventricle, tokens, style, maxValues, !inTable));
}

/** "EF LV/RV 60/55 %": first value for the LV, second for the RV. */
function readPair(text: string, anchor: Anchor, tokens: Token[], style: NumberStyle): Measurement[] {
  const nums = tokens.filter((t): t is Extract<Token, { t: 'num' }> => t.t === 'num' && !t.afterPlusMinus).slice(0, 2);
  if (nums.length < 2 || !nums[1]!.afterSlash) return [];
  const out: Measurement[] = [];
  const unit = nums[1]!.unit ?? nums[0]!.unit ?? anchor.labelUnit;
  (['LV', 'RV'] as const).forEach((ventricle, k) => {
    const tok = nums[k]!;
    const u = tok.unit ?? unit;
    const key = keyFor(anchor.pattern.family, ventricle, anchor.index, u);
    const value = key ? plausible(key, u, tok.raw, style) : undefined;
    if (key && value !== undefined) {
      out.push({ key, value, unit: u, ref: null, label: text.slice(anchor.start, anchor.end).trim(), span: { start: anchor.start, end: tok.end } });
    }
  });
  return out;
}

/** "EDV/ESV/EF: 148 ml/52 ml/65 %": the k-th value belongs to the k-th label. */
function readGroup(text: string, group: Anchor[], tokens: Token[], style: NumberStyle, context: () => VentricleContext): Measurement[][] {
  const nums = tokens.filter((t): t is Extract<Token, { t: 'num' }> => t.t === 'num' && !t.afterPlusMinus);
  return group.map((anchor, k) => {
    const tok = nums[k];
    if (!tok) return [];
    const unit = tok.unit ?? anchor.labelUnit;
    const ventricle = anchor.ventricle === 'LV' || anchor.ventricle === 'RV' ? anchor.ventricle : context().at(anchor.start);
    const key = keyFor(anchor.pattern.family, ventricle, anchor.index, unit);
    const value = key ? plausible(key, unit, tok.raw, style) : undefined;
    if (!key || value === undefined) return [];
    return [{ key, value, unit, ref: null, label: text.slice(anchor.start, anchor.end).trim(), span: { start: anchor.start, end: tok.end } }];
  });
}

/* ---------- Tables with LV and RV columns ---------- */

type Role = 'LV' | 'RV' | 'ref';
/** Line start offset → the column roles of the table header above it. */
type TableRows = Map<number, Role[]>;

const HEADER_CELL = /(?<![a-z])((?:norm(?:wert|bereich)?e?|ref(?:erenz)?(?:bereich|wert)?e?|normal(?:\s+range)?)(?:[ \t]+(?:lv|rv|links|rechts))?|lv|rv|links|rechts|linker\s+ventrikel|rechter\s+ventrikel|left\s+ventricle|right\s+ventricle)(?![a-z])/g;

/** Finds header lines such as "            LV      Norm     RV     Norm" and the rows below them. */
function findVentricleTables(scan: string): TableRows {
  const rows: TableRows = new Map();
  if (!/(?<![a-z])(?:rv|rechts|right)(?![a-z])/.test(scan)) return rows;
  const lines = scan.split('\n');
  let offset = 0;
  let roles: Role[] | null = null;
  for (const line of lines) {
    if (line.trim() === '') {
      roles = null;
    } else if (!/\d/.test(line)) {
      // (A header may name "LV" and "RV", letters only: no digit at all.)
      const cells = execAll(HEADER_CELL, line).map((m) => (/^(?:lv|links|linker|left)/.test(m[1]!) ? 'LV' : /^(?:rv|rechts|rechter|right)/.test(m[1]!) ? 'RV' : 'ref') as Role);
      // "Norm LV" is one reference column, not a second LV column.
      const words = line.replace(/[|:()[\]\-\t%]/g, ' ').trim().match(/\S+/g)?.length ?? 1;
      roles = cells.includes('LV') && cells.includes('RV') && words <= cells.length + 4 ? cells : null;
    } else if (roles) {
      rows.set(offset, roles);
    }
    offset += line.length + 1;
  }
  return rows;
}

function readTableRow(text: string, anchor: Anchor, tokens: Token[], roles: Role[], style: NumberStyle): Measurement[] {
  const cells = tokens.filter((t) => t.t === 'num' || t.t === 'range' || t.t === 'cmp' || t.t === 'absent');
  const ventricles = roles.filter((r) => r !== 'ref');
  let layout: Role[];
  if (cells.length === roles.length) layout = roles;
  else if (cells.length === ventricles.length) layout = ventricles;
  else return [];
  const out: Measurement[] = [];
  const label = text.slice(anchor.start, anchor.end).trim();
  layout.forEach((role, k) => {
    const cell = cells[k]!;
    if (role === 'ref') {
      const last = out[out.length - 1];
      if (last && !last.ref && (cell.t === 'range' || cell.t === 'cmp' || cell.t === 'num')) last.ref = toReference(text, cell, last.key, last.unit, style);
      return;
    }
    if (cell.t !== 'num') return;
    const unit = cell.unit ?? anchor.labelUnit;
    const key = keyFor(anchor.pattern.family, role, anchor.index, unit);
    const value = key ? plausible(key, unit, cell.raw, style) : undefined;
    if (key && value !== undefined) out.push({ key, value, unit, ref: null, label, span: { start: anchor.start, end: cell.end } });
  });
  return out;
}

/* ---------- Which ventricle an unqualified label ("EF", "EDV") refers to ---------- */

// "ventri\w*" also takes the misspellings reports contain ("Ventrikl", "ventricel").
const VENTRICLE_MENTION =
  /(?<![a-z])(lv|rv|linke[rnms]?\s+ventri\w*|rechte[rnms]?\s+ventri\w*|left\s+ventri\w*|right\s+ventri\w*|linksventrikul\w*|rechtsventrikul\w*)(?![a-z])(?!\s*-?\s*(?:insertion|seitig|insertionsstelle|insertionspunkt))/g;
const SUBHEADING = /^\s*[-*•]?\s*[a-z][a-z\s/-]{1,30}:\s*$/;

class VentricleContext {
  private readonly lineStarts: number[] = [];
  /** Ventricle set by a line that opens with a ventricle ("Rechter Ventrikel:", "RV:") for the lines after it. */
  private readonly blockContext: (Ventricle | undefined)[] = [];

  constructor(private readonly scan: string) {
    let current: Ventricle | undefined;
    let offset = 0;
    for (const line of scan.split('\n')) {
      this.lineStarts.push(offset);
      this.blockContext.push(current);
      const opening = /^\s*[-*•]?\s*(?:der\s+|the\s+)?(lv|rv|linke[rnms]?\s+ventri\w*|rechte[rnms]?\s+ventri\w*|left\s+ventri\w*|right\s+ventri\w*|linksventrikular|rechtsventrikular)(?![a-z])/.exec(line);
      if (line.trim() === '') current = undefined;
      // Only a heading line ("Rechter Ventrikel:") sets the ventricle for the lines below it; a line with its own
      // values ("RV: EDV 160 ml, EF 55 %") speaks for itself only.
      else if (opening) current = /\d/.test(line.slice(opening[0].length)) ? undefined : /^(?:lv|linke|left|linksv)/.test(opening[1]!) ? 'LV' : 'RV';
      else if (SUBHEADING.test(line) || /^\s*[-*•]/.test(line)) current = undefined; // a new bullet is a new topic
      offset += line.length + 1;
    }
  }

  at(position: number): Ventricle {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= position) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = this.lineStarts[lo]!;
    // The nearest ventricle named earlier in the same sentence wins ("Der rechte Ventrikel ... EF 58 %").
    const head = this.scan.slice(lineStart, position);
    const sentenceStart = Math.max(head.lastIndexOf('. '), head.lastIndexOf('; '));
    const sentence = sentenceStart >= 0 ? head.slice(sentenceStart + 2) : head;
    let nearest: string | undefined;
    for (const m of execAll(VENTRICLE_MENTION, sentence)) nearest = m[1];
    if (nearest) return /^(?:lv|linke|left|linksv)/.test(nearest) ? 'LV' : 'RV';
    return this.blockContext[lo] ?? 'LV';
  }
}

/* ---------- Field strength: "1,5 T", "3T", "3-Tesla" ---------- */

const FIELD_STRENGTH = /(?<![\d.,a-z])(\d(?:[.,]\d)?)\s?-?\s?(tesla|t)(?![a-z0-9])/g;

function findFieldStrength(text: string, scan: string, style: NumberStyle): Measurement[] {
  const out: Measurement[] = [];
  for (const m of execAll(FIELD_STRENGTH, scan)) {
    const value = plausible('FIELD', 'T', m[1]!, style);
    if (value === undefined) continue;
    const start = m.index;
    out.push({ key: 'FIELD', value, unit: 'T', ref: null, label: text.slice(start, start + m[0].length), span: { start, end: start + m[0].length } });
  }
  return out;
}
