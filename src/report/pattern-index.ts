/**
 * Runs hundreds of lexicon patterns over a report quickly. Two pre-checks decide where a pattern can match at
 * all: the literal letters it cannot match without (as trigrams, checked once per report) and the letters its
 * match must start with (looked up in an index of the report's word starts), so most patterns run at a
 * handful of positions instead of scanning the whole text. This is what keeps the guideline engine and the
 * measurement extractor at thousands of reports per second.
 */

export interface IndexedPattern {
  /** Global regex for patterns that must scan the text. */
  global: RegExp;
  /** Sticky regex, run only at word starts that begin with one of `prefixes`. */
  sticky: RegExp;
  /** Literal starts of every possible match (lower case), or null: scan the whole text. */
  prefixes: string[] | null;
  /** Trigram keys per alternative of the literals a match needs, or null: no literal is known. */
  literals: number[][] | null;
  /** The match must start a word (checked here, not by a slow leading lookbehind in the regex). */
  wordStart: boolean;
  /** The regex finds the stem of a compound word; a match is widened back to the start of its word. */
  compound: boolean;
}

/** Splits a regex source at its top-level `|`. */
function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      current += ch + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (ch === '|' && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

const PLAIN = /[a-z0-9]/;
const QUANTIFIER = /[?*{+]/;

/**
 * The literal letters every match starts with, one or more per alternative, at least two letters each; null
 * when the pattern may start otherwise. Umlauts and "ss" end a prefix, since they match several spellings.
 */
export function leadingPrefixes(source: string): string[] | null {
  const out: string[] = [];
  for (const alt of alternatives(source)) {
    const prefixes = altPrefixes(alt);
    if (!prefixes) return null;
    out.push(...prefixes);
  }
  return out;
}

function altPrefixes(alt: string): string[] | null {
  if (alt.startsWith('(?:')) {
    const close = closingParen(alt, 0);
    if (close === -1) return null;
    const inner = leadingPrefixes(alt.slice(3, close));
    const after = alt[close + 1];
    if (after === '?') {
      const rest = altPrefixes(alt.slice(close + 2));
      return inner && rest ? [...inner, ...rest] : null;
    }
    if (after && QUANTIFIER.test(after)) return null;
    return inner;
  }
  let run = '';
  for (let i = 0; i < alt.length; i++) {
    const ch = alt[i]!;
    const next = alt[i + 1] ?? '';
    if (!PLAIN.test(ch) || QUANTIFIER.test(next) || (ch === 's' && next === 's')) break;
    run += ch;
  }
  return run.length >= 2 ? [run] : null;
}

/**
 * The literal letter runs a pattern cannot match without, one per top-level alternative (a match contains
 * at least one of them); null when some alternative has no such run.
 */
export function requiredLiterals(source: string): string[] | null {
  const literals: string[] = [];
  for (const alt of alternatives(source)) {
    let best = '';
    let run = '';
    let level = 0;
    for (let i = 0; i < alt.length; i++) {
      const ch = alt[i]!;
      const next = alt[i + 1] ?? '';
      if (ch === '\\') {
        i++;
        run = '';
        continue;
      }
      if (ch === '(' || ch === '[') level++;
      if (ch === ')' || ch === ']') {
        level--;
        // A group that may be absent ends any run that depends on it.
        if (QUANTIFIER.test(next)) run = '';
        continue;
      }
      if (level === 0 && PLAIN.test(ch) && !(ch === 's' && next === 's')) {
        if (QUANTIFIER.test(next)) {
          run = '';
          continue;
        }
        run += ch;
        if (run.length > best.length) best = run;
      } else run = '';
    }
    if (best.length < 3) return null;
    literals.push(best);
  }
  return literals;
}

const key = (text: string, i: number) => ((text.charCodeAt(i) & 0x7f) << 14) | ((text.charCodeAt(i + 1) & 0x7f) << 7) | (text.charCodeAt(i + 2) & 0x7f);

function trigramKeys(literal: string): number[] {
  const keys: number[] = [];
  for (let i = 0; i + 3 <= literal.length; i++) keys.push(key(literal, i));
  return keys;
}

/**
 * Builds an indexed pattern. `pattern` is the lexicon source (for the pre-checks); `compiled` the regex
 * source actually run, which must match at the same positions.
 */
export function indexPattern(pattern: string, compiled: string, options: { wordStart?: boolean; compound?: boolean } = {}): IndexedPattern {
  const literals = requiredLiterals(pattern);
  const compound = options.compound ?? false;
  return {
    global: new RegExp(compiled, 'g'),
    sticky: new RegExp(compiled, 'y'),
    prefixes: compound ? null : leadingPrefixes(pattern),
    literals: literals ? literals.map(trigramKeys) : null,
    wordStart: options.wordStart ?? false,
    compound,
  };
}


const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * What a text contains, for the pre-checks: its trigrams and its word starts. One trigram table is shared by
 * all texts; a slot holds the number of the text that marked it, so nothing is cleared between reports, and an
 * index whose marks were overwritten by a newer one marks its text again before it answers.
 */
export class TextIndex {
  private static readonly table = new Uint32Array(1 << 21);
  private static generation = 0;
  private stamp = 0;
  /** Word-start positions by their first two letters, and by their first three (as numbers). */
  private readonly starts2 = new Map<number, number[]>();
  private readonly starts3 = new Map<number, number[]>();

  constructor(readonly text: string) {
    this.mark();
    for (let i = 0; i + 1 < text.length; i++) {
      if (!isWordCode(text.charCodeAt(i)) || (i > 0 && isWordCode(text.charCodeAt(i - 1)))) continue;
      push(this.starts2, prefixKey(text, i, 2), i);
      if (i + 2 < text.length) push(this.starts3, prefixKey(text, i, 3), i);
    }
  }

  private mark(): void {
    TextIndex.generation = (TextIndex.generation + 1) >>> 0 || 1;
    this.stamp = TextIndex.generation;
    const table = TextIndex.table;
    const text = this.text;
    for (let i = 0; i + 3 <= text.length; i++) table[key(text, i)] = this.stamp;
  }

  mayMatch(p: IndexedPattern): boolean {
    if (!p.literals) return true;
    if (this.stamp !== TextIndex.generation) this.mark();
    const table = TextIndex.table;
    for (const keys of p.literals) {
      let all = true;
      for (const k of keys) {
        if (table[k] !== this.stamp) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
  }

  /**
   * Every match of the pattern as [start, end]. `text` may be a variant of the indexed text with the same
   * length whose letters are the same (e.g. with dates blanked), so one index serves both.
   */
  matches(p: IndexedPattern, text = this.text): [number, number][] {
    const out: [number, number][] = [];
    if (!this.mayMatch(p)) return out;
    if (p.prefixes) {
      for (const prefix of p.prefixes) {
        const candidates = prefix.length >= 3 ? this.starts3.get(prefixKey(prefix, 0, 3)) : this.starts2.get(prefixKey(prefix, 0, 2));
        if (!candidates) continue;
        for (const pos of candidates) {
          if (!text.startsWith(prefix, pos)) continue;
          p.sticky.lastIndex = pos;
          const m = p.sticky.exec(text);
          if (m && m[0].length > 0) out.push([pos, pos + m[0].length]);
        }
      }
      return out;
    }
    p.global.lastIndex = 0;
    for (let m = p.global.exec(text); m; m = p.global.exec(text)) {
      let start = m.index;
      if (m[0].length === 0) {
        p.global.lastIndex++;
        continue;
      }
      if (p.wordStart && start > 0 && isWordCode(text.charCodeAt(start - 1))) {
        p.global.lastIndex = start + 1;
        continue;
      }
      if (p.compound) {
        while (start > 0 && isLetterCode(text.charCodeAt(start - 1))) start--;
        if (start > 0 && isDigitCode(text.charCodeAt(start - 1))) continue;
      }
      out.push([start, m.index + m[0].length]);
    }
    return out;
  }
}

const isLetterCode = (c: number) => c >= 97 && c <= 122;

/** The first two or three letters at a position as one number (codes above 127 fold into the low bits). */
function prefixKey(text: string, i: number, length: 2 | 3): number {
  let k = 0;
  for (let j = 0; j < length; j++) k = k * 128 + (text.charCodeAt(i + j) & 0x7f);
  return k;
}

function push(map: Map<number, number[]>, k: number, value: number): void {
  const list = map.get(k);
  if (list) list.push(value);
  else map.set(k, [value]);
}
const isDigitCode = (c: number) => c >= 48 && c <= 57;
