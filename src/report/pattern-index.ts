/**
 * Runs hundreds of lexicon patterns over a report quickly. Two pre-checks decide where a pattern can match at
 * all: the literal letters it cannot match without (each of their trigrams looked up in a table of the
 * report's trigrams) and the letters its match must start with (looked up in an index of the report's word starts),
 * so most patterns run at a handful of positions instead of scanning the whole text. The index is built once
 * per report in tables shared by all reports, and each pattern costs a few look-ups, so the cost grows with the
 * text and the patterns that can match, hardly with the size of the lexicon.
 */

export interface IndexedPattern {
  /** Place in the registry of all patterns (see REGISTRY). */
  id: number;
  /** Global regex for patterns that must scan the text. */
  global: RegExp;
  /** Sticky regex, run only at word starts that begin with one of `prefixes`. */
  sticky: RegExp;
  /** Literal starts of every possible match (lower case), or null: scan the whole text. */
  prefixes: string[] | null;
  /** Per prefix, its chain of word starts: the three-letter slot, or -1 - the two-letter key for a two-letter prefix. */
  prefixKeys: Int32Array;
  /**
   * The literals a match needs, one per alternative (a match contains at least one), with the table slots of
   * their trigrams; null when none is known.
   */
  literals: { literal: string; slots: Int32Array }[] | null;
  /** The literals' slots end to end, and where each literal's slots end: the hot check reads one flat array. */
  literalSlots: Int32Array;
  literalEnds: Int32Array;
  /** The match must start a word (checked here, not by a slow leading lookbehind in the regex). */
  wordStart: boolean;
  /** The regex finds the stem of a compound word; a match is widened back to the start of its word. */
  compound: boolean;
}

/** Splits a regex source at its top-level `|`. */
export function alternatives(source: string): string[] {
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

/** Strings a part of a pattern can start with; `complete` when they are all it can match (nothing cut off). */
interface Starts {
  strings: string[];
  complete: boolean;
}

/** "ss", which the folded text may spell "s" (ß folds to s). */
const DOUBLE_S: Starts = { strings: ['s', 'ss'], complete: true };
/** No knowledge: the part may start with anything. */
const ANY: Starts = { strings: [''], complete: false };
/** Prefixes longer than this say little more and make the sets grow. */
const MAX_PREFIX = 6;
/** A part whose start strings would exceed this many is treated as unknown. */
const MAX_STARTS = 48;
/** The prefixes kept per pattern: each is one look-up per report, so a few long ones beat many. */
const FEW_PREFIXES = 8;

/**
 * Spellings the folded text may have where the lexicon writes an umlaut, ß or "ss" (find-findings' expand). The
 * index is of folded text, which has no umlauts: a regex that spells one literally never matches there.
 */
const SPELLINGS: Record<string, Starts> = {
  ä: { strings: ['a', 'ae'], complete: true },
  ö: { strings: ['o', 'oe'], complete: true },
  ü: { strings: ['u', 'ue'], complete: true },
  ß: { strings: ['s', 'ss'], complete: true },
};

/**
 * The literal starts of every possible match, at least two characters each and starting with a letter or digit
 * (matches start words), at most a few; null when the pattern may start otherwise. Umlauts, "ss" and small
 * groups, classes and optional parts open into all their spellings ("r(?:o|oe)ntgen" starts "rontge" or
 * "roentg", "x-ray" starts "x-ray"), so a pattern runs only where a match can begin. The set may hold more
 * than the pattern can match (a wider set only costs a failed try), never less.
 */
export function leadingPrefixes(source: string): string[] | null {
  const { strings } = startsOf(source, MAX_PREFIX);
  if (strings.some((x) => x.length < 2 || !PLAIN.test(x[0]!))) return null;
  // Each distinct prefix is one look-up per report and a short one lets more words through to the regex: the
  // longest cut that keeps the count near the least it can be.
  const cuts: string[][] = [];
  for (let length = MAX_PREFIX; length >= 2; length--) cuts.push(shortestPrefixes(unique(strings.map((x) => x.slice(0, length))))!);
  const least = Math.min(...cuts.map((c) => c.length));
  return cuts.find((c) => c.length <= Math.max(FEW_PREFIXES, Math.ceil(least * 1.5)))!;
}

const unique = (strings: string[]) => [...new Set(strings)];

/**
 * The starts of an alternation, `budget` characters long at most (what the caller can still use: the search only
 * reads this far, and nothing further is looked at).
 */
function startsOf(source: string, budget: number): Starts {
  // Labels share their groups ("(?:lv|links...)"): each is read once per budget.
  const key = `${budget}:${source}`;
  let known = STARTS.get(key);
  if (!known) STARTS.set(key, (known = readStarts(source, budget)));
  return known;
}

const STARTS = new Map<string, Starts>();

function readStarts(source: string, budget: number): Starts {
  const strings: string[] = [];
  let complete = true;
  for (const alt of alternatives(source)) {
    const s = sequenceStarts(alt, 0, budget);
    for (const x of s.strings) strings.push(x);
    complete &&= s.complete;
  }
  return bounded({ strings: unique(strings), complete }, budget);
}

/** A set that grew too large is cut to shorter starts until it is small again (a start's start is a start too). */
function bounded(s: Starts, budget: number): Starts {
  if (s.strings.length <= MAX_STARTS) return s;
  for (let length = budget - 1; length >= 1; length--) {
    const cut = unique(s.strings.map((x) => x.slice(0, length)));
    if (cut.length <= MAX_STARTS) return { strings: cut, complete: false };
  }
  return ANY;
}

interface Item {
  /** The item's starts, or for a group its source (read as far as asked). */
  starts: Starts | string;
  /** The quantifier after the item ('' when none). */
  quantifier: string;
  /** Where the next item begins. */
  end: number;
}

/** One character's starts, made once per character. */
const CHARS = new Map<string, Starts>();
function char(ch: string): Starts {
  let found = CHARS.get(ch);
  if (!found) CHARS.set(ch, (found = { strings: [ch], complete: true }));
  return found;
}

/**
 * The item of an alternative at `i` (a character, escape, class or group, with its quantifier), or null at the
 * end. Lookarounds are passed over: they consume nothing, so leaving them out can only widen the set. Items are
 * read one at a time as far as the starts need, not the whole alternative (start-up time of every thread).
 */
function itemAt(alt: string, i: number): Item | null {
  for (;;) {
    if (i >= alt.length) return null;
    const ch = alt[i]!;
    let starts: Starts | string;
    let end = i + 1;
    if (ch === '(') {
      const close = closingParen(alt, i);
      if (close === -1) return { starts: ANY, quantifier: '', end: alt.length };
      end = close + 1;
      const inner = alt.slice(i + 1, close);
      if (inner.startsWith('?=') || inner.startsWith('?!') || inner.startsWith('?<=') || inner.startsWith('?<!')) {
        i = end;
        continue;
      }
      if (inner.startsWith('?:')) starts = inner.slice(2);
      else if (inner.startsWith('?')) starts = ANY;
      else starts = inner;
    } else if (ch === '[') {
      let close = i + 1;
      while (close < alt.length && alt[close] !== ']') close += alt[close] === '\\' ? 2 : 1;
      end = close + 1;
      starts = classStarts(alt.slice(i + 1, close));
    } else if (ch === '\\') {
      const next = alt[i + 1] ?? '';
      end = i + 2;
      // An escaped sign is itself; \s, \d, \w, \b and the like are classes or positions.
      starts = next !== '' && !/[a-zA-Z0-9]/.test(next) ? char(next) : ANY;
    } else if (ch === 's' && alt[i + 1] === 's') {
      end = i + 2;
      starts = DOUBLE_S;
    } else if (SPELLINGS[ch]) {
      starts = SPELLINGS[ch]!;
    } else if (PLAIN.test(ch) || ch === '-' || ch === ',' || ch === ':' || ch === '/' || ch === "'" || ch === '%') {
      starts = char(ch);
    } else {
      // A space (the lexicon's "any blank or hyphen"), '.', '^', '$' and anything else: unknown from here.
      starts = ANY;
    }
    let quantifier = '';
    const q = alt[end];
    if (q === '?' || q === '*' || q === '+') {
      quantifier = q;
      end++;
    } else if (q === '{') {
      const close = alt.indexOf('}', end);
      quantifier = close === -1 ? '*' : /^\{0*,|^\{0\}/.test(alt.slice(end, close + 1)) ? '*' : /^\{1\}$/.test(alt.slice(end, close + 1)) ? '' : '+';
      end = close === -1 ? alt.length : close + 1;
    }
    // A lazy or possessive mark changes nothing about where a match starts.
    if (alt[end] === '?' && quantifier !== '') end++;
    return { starts, quantifier, end };
  }
}

/** A class of a few plain characters ("[ck]", "[ \t-]"); anything wider (ranges, negation, escapes) is unknown. */
function classStarts(body: string): Starts {
  if (body.startsWith('^') || body === '') return ANY;
  const chars: string[] = [];
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '\\') {
      const next = body[++i] ?? '';
      if (next === 't') chars.push('\t');
      else if (next !== '' && !/[a-zA-Z0-9]/.test(next)) chars.push(next);
      else return ANY;
    } else if (ch === '-' && i > 0 && i < body.length - 1) return ANY; // a range
    else if (SPELLINGS[ch]) chars.push(...SPELLINGS[ch]!.strings.filter((x) => x.length === 1));
    else chars.push(ch);
  }
  return chars.length > 12 ? ANY : { strings: unique(chars), complete: true };
}

/** The starts of the alternative from `i` on: each item's strings joined to what may follow it, cut at `budget`. */
function sequenceStarts(alt: string, i: number, budget: number): Starts {
  const item = itemAt(alt, i);
  if (!item) return { strings: [''], complete: true };
  if (budget <= 0) return { strings: [''], complete: false };
  const { quantifier } = item;
  const starts = typeof item.starts === 'string' ? startsOf(item.starts, budget) : item.starts;
  const optional = quantifier === '?' || quantifier === '*';
  const repeated = quantifier === '*' || quantifier === '+';
  if (!starts.complete || repeated) {
    // What follows cannot be joined on: the item's own starts, or (when it may be absent) those of the rest too.
    const own: Starts = { strings: starts.strings, complete: false };
    if (!optional) return own;
    const rest = sequenceStarts(alt, item.end, budget);
    return bounded({ strings: unique([...own.strings, ...rest.strings]), complete: false }, budget);
  }
  const heads = optional ? [...starts.strings, ''] : starts.strings;
  // What follows is read only as far as the shortest head leaves room for.
  let shortest = budget;
  for (const h of heads) shortest = Math.min(shortest, h.length);
  const rest = shortest < budget ? sequenceStarts(alt, item.end, budget - shortest) : { strings: [''], complete: false };
  const out: string[] = [];
  let complete = rest.complete;
  for (const h of heads) {
    if (h.length >= budget) {
      out.push(h.slice(0, budget));
      complete = false;
      continue;
    }
    for (const t of rest.strings) {
      const joined = h + t;
      if (joined.length > budget) complete = false;
      out.push(joined.slice(0, budget));
    }
  }
  return bounded({ strings: unique(out), complete }, budget);
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

/** A trigram (three letters at a position) as one number; codes above 127 fold into the low bits. */
const trigram = (text: string, i: number) => ((text.charCodeAt(i) & 0x7f) << 14) | ((text.charCodeAt(i + 1) & 0x7f) << 7) | (text.charCodeAt(i + 2) & 0x7f);

/** The first two letters at a position as one number (exact: 14 bits). */
const prefix2 = (text: string, i: number) => ((text.charCodeAt(i) & 0x7f) << 7) | (text.charCodeAt(i + 1) & 0x7f);

/** Hashes of trigrams and three-letter prefixes into small tables that stay in the processor's cache. */
const TRIGRAM_BITS = 16;
const trigramSlot = (key: number) => Math.imul(key, 0x9e3779b1) >>> (32 - TRIGRAM_BITS);
const PREFIX3_BITS = 14;
const prefix3Slot = (text: string, i: number) => Math.imul(trigram(text, i), 0x9e3779b1) >>> (32 - PREFIX3_BITS);

/**
 * Every pattern built, in order; its place is its `id`. Each pattern has a gate, the cheapest sign in a text
 * that it may match: a word start with the first two letters of one of its prefixes, else the first trigram
 * of one of its literals; a pattern with neither always runs. Indexing a report opens the gates of what it
 * contains (one pass over its word starts and one over its trigrams), so a pattern whose gate stays shut
 * costs one look-up, however large the lexicon grows.
 */
const REGISTRY: IndexedPattern[] = [];

/**
 * Builds an indexed pattern. `pattern` is the lexicon source (for the pre-checks); `compiled` the regex
 * source actually run, which must match at the same positions.
 */
export function indexPattern(pattern: string, compiled: string, options: { wordStart?: boolean; compound?: boolean } = {}): IndexedPattern {
  const compound = options.compound ?? false;
  const literals = requiredLiterals(pattern);
  const slotLists = literals ? literals.map(trigramSlots) : [];
  const ends = slotLists.map((_, k) => slotLists.slice(0, k + 1).reduce((sum, l) => sum + l.length, 0));
  const prefixes = compound ? null : shortestPrefixes(leadingPrefixes(pattern));
  const indexed: IndexedPattern = {
    id: REGISTRY.length,
    global: new RegExp(compiled, 'g'),
    sticky: new RegExp(compiled, 'y'),
    prefixes,
    prefixKeys: Int32Array.from(prefixes ?? [], (x) => (x.length >= 3 ? prefix3Slot(x, 0) : -1 - prefix2(x, 0))),
    literals: literals ? literals.map((literal, k) => ({ literal, slots: slotLists[k]! })) : null,
    literalSlots: Int32Array.from(slotLists.flatMap((l) => [...l])),
    literalEnds: Int32Array.from(ends),
    wordStart: options.wordStart ?? false,
    compound,
  };
  REGISTRY.push(indexed);
  return indexed;
}

/**
 * The prefixes without those another one already starts ("lv" covers "lvef"; duplicates once): every word start
 * that fits a dropped prefix fits the one kept, so the candidates are the same, each tried once instead of twice.
 * The gates do not change: a kept prefix has the same first two (or three) letters as the ones it covers.
 */
function shortestPrefixes(prefixes: string[] | null): string[] | null {
  if (!prefixes) return null;
  const all = new Set(prefixes);
  const seen = new Set<string>();
  return prefixes.filter((x) => {
    if (seen.has(x)) return false;
    seen.add(x);
    // Look-ups of x's own shorter starts, not a comparison with every other prefix (start-up time of each thread).
    for (let k = 1; k < x.length; k++) if (all.has(x.slice(0, k))) return false;
    return true;
  });
}

/** Every pattern built so far, so a test can check the index against a plain scan of the whole text. */
export function indexedPatterns(): readonly IndexedPattern[] {
  return REGISTRY;
}

function trigramSlots(literal: string): Int32Array {
  const slots = new Set<number>();
  for (let i = 0; i + 3 <= literal.length; i++) slots.add(trigramSlot(trigram(literal, i)));
  return Int32Array.from(slots);
}

/** Gate → ids of the patterns behind it, as offsets into one flat list (rebuilt when patterns were added). */
interface GateTable {
  offsets: Int32Array;
  ids: Int32Array;
  /**
   * One bit per key: does any pattern wait behind it? Most keys have none, and this small table stays in the
   * processor's cache where the offsets (256 KB for trigrams) would not.
   */
  bits: Uint32Array;
}

interface Gates {
  patterns: number;
  byPrefix2: GateTable;
  byPrefix3: GateTable;
  byTrigram: GateTable;
  ungated: Int32Array;
  /**
   * Every pattern's literals in one array, checked for all patterns whose gate opened right after marking:
   * pattern `id` has `literals[literalsAt[id] .. literalsAt[id + 1])`, each literal as its count of trigram
   * slots followed by the slots (none: the pattern needs no literal).
   */
  literalsAt: Int32Array;
  literals: Int32Array;
  /**
   * Every pattern's prefixes in flat arrays, so the candidate search reads a few compact arrays instead of each
   * pattern's own objects (measured: those scattered reads, not the regex, were most of the search): pattern
   * `id` has the prefixes `prefixesAt[id] .. prefixesAt[id + 1]`, prefix `n` has the chain key `prefixKeys[n]` and
   * the letters `prefixCodes[codesAt[n] .. codesAt[n + 1])`.
   */
  prefixesAt: Int32Array;
  prefixKeys: Int32Array;
  codesAt: Int32Array;
  prefixCodes: Uint16Array;
}

function flatten(keys: number, entries: [number, number][]): GateTable {
  const offsets = new Int32Array(keys + 1);
  const bits = new Uint32Array(keys >>> 5);
  for (const [key] of entries) {
    offsets[key + 1]!++;
    bits[key >>> 5]! |= 1 << (key & 31);
  }
  for (let k = 0; k < keys; k++) offsets[k + 1]! += offsets[k]!;
  const ids = new Int32Array(entries.length);
  const fill = offsets.slice(0, keys);
  for (const [key, id] of entries) ids[fill[key]!++] = id;
  return { offsets, ids, bits };
}

function buildGates(): Gates {
  const byPrefix2: [number, number][] = [];
  const byPrefix3: [number, number][] = [];
  const byTrigram: [number, number][] = [];
  const ungated: number[] = [];
  const add = (list: [number, number][], keys: number[], id: number) => {
    for (const key of new Set(keys)) list.push([key, id]);
  };
  for (const p of REGISTRY) {
    // Three letters say more than two; a pattern with a two-letter prefix waits for a word with those two.
    if (p.prefixes?.every((x) => x.length >= 3)) add(byPrefix3, p.prefixes.map((x) => prefix3Slot(x, 0)), p.id);
    else if (p.prefixes) add(byPrefix2, p.prefixes.map((x) => prefix2(x, 0)), p.id);
    else if (p.literals) add(byTrigram, p.literals.map((x) => x.slots[0]!), p.id);
    else ungated.push(p.id);
  }
  const literalsAt = new Int32Array(REGISTRY.length + 1);
  const literals: number[] = [];
  for (const p of REGISTRY) {
    for (const { slots } of p.literals ?? []) literals.push(slots.length, ...slots);
    literalsAt[p.id + 1] = literals.length;
  }
  const prefixesAt = new Int32Array(REGISTRY.length + 1);
  const prefixKeys: number[] = [];
  const codesAt: number[] = [0];
  const prefixCodes: number[] = [];
  for (const p of REGISTRY) {
    for (let n = 0; n < (p.prefixes?.length ?? 0); n++) {
      prefixKeys.push(p.prefixKeys[n]!);
      for (const ch of p.prefixes![n]!) prefixCodes.push(ch.charCodeAt(0));
      codesAt.push(prefixCodes.length);
    }
    prefixesAt[p.id + 1] = prefixKeys.length;
  }
  return {
    patterns: REGISTRY.length,
    prefixesAt,
    prefixKeys: Int32Array.from(prefixKeys),
    codesAt: Int32Array.from(codesAt),
    prefixCodes: Uint16Array.from(prefixCodes),
    literalsAt,
    literals: Int32Array.from(literals),
    byPrefix2: flatten(1 << 14, byPrefix2),
    byPrefix3: flatten(1 << PREFIX3_BITS, byPrefix3),
    byTrigram: flatten(1 << TRIGRAM_BITS, byTrigram),
    ungated: Int32Array.from(ungated),
  };
}

/** Whether the text whose trigrams are `present` has every trigram of at least one of the pattern's literals. */
function hasLiteral(p: IndexedPattern, present: Uint32Array): boolean {
  const { literalSlots, literalEnds } = p;
  let i = 0;
  for (let k = 0; k < literalEnds.length; k++) {
    const end = literalEnds[k]!;
    for (; i < end; i++) {
      const slot = literalSlots[i]!;
      if (!(present[slot >>> 5]! & (1 << (slot & 31)))) break;
    }
    if (i === end) return true;
    i = end;
  }
  return false;
}

const NO_MATCHES: readonly (readonly [number, number])[] = Object.freeze([]);

const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isLetterCode = (c: number) => c >= 97 && c <= 122;
const isDigitCode = (c: number) => c >= 48 && c <= 57;

/**
 * What a text contains, for the pre-checks: which gates it opens, its trigrams, and its word starts chained by
 * their first two letters (exact) and by their first three (hashed), in text order. The tables are shared by
 * all texts, so nothing is allocated per report: a slot counts only when it holds the number of the text that
 * marked it (the trigrams are a bit set, small enough to clear per text and to stay in the processor's cache),
 * and an index whose marks were overwritten by a newer one marks its text again before it answers.
 */
export class TextIndex {
  private static generation = 0;
  private static gates: Gates | undefined;
  /** Per pattern id: the number of the text that opened its gate. */
  private static open = new Uint32Array(0);
  /** Per pattern id: the number of the text that opened its gate and has all trigrams of one of its literals. */
  private static pass = new Uint32Array(0);
  /** The ids whose gates the text being marked opened, in the order they opened. */
  private static opened = new Int32Array(0);
  /** One bit per trigram slot: the last text marked contains a trigram of that slot. */
  private static readonly trigrams = new Uint32Array((1 << TRIGRAM_BITS) >>> 5);
  private static readonly stamp2 = new Uint32Array(1 << 14);
  private static readonly head2 = new Int32Array(1 << 14);
  private static readonly tail2 = new Int32Array(1 << 14);
  private static readonly stamp3 = new Uint32Array(1 << PREFIX3_BITS);
  private static readonly head3 = new Int32Array(1 << PREFIX3_BITS);
  private static readonly tail3 = new Int32Array(1 << PREFIX3_BITS);
  private static next2 = new Int32Array(4096);
  private static next3 = new Int32Array(4096);
  private stamp = 0;
  /** Patterns built after this text was marked have no gate information: they always run. */
  private gated = 0;
  /** The ids of the patterns that passed marking (gate open, a literal's trigrams present). */
  private passedIds: number[] = [];

  constructor(readonly text: string) {
    this.mark();
  }

  private mark(): void {
    if (TextIndex.gates?.patterns !== REGISTRY.length) {
      TextIndex.gates = buildGates();
      TextIndex.open = new Uint32Array(REGISTRY.length);
      TextIndex.pass = new Uint32Array(REGISTRY.length);
      TextIndex.opened = new Int32Array(REGISTRY.length);
    }
    TextIndex.generation = (TextIndex.generation + 1) >>> 0 || 1;
    const stamp = (this.stamp = TextIndex.generation);
    const { gates, open, opened, trigrams, stamp2, head2, tail2, stamp3, head3, tail3 } = TextIndex;
    const { byPrefix2, byPrefix3, byTrigram } = gates;
    this.gated = gates.patterns;
    const text = this.text;
    if (TextIndex.next2.length < text.length) {
      TextIndex.next2 = new Int32Array(text.length * 2);
      TextIndex.next3 = new Int32Array(text.length * 2);
    }
    const { next2, next3 } = TextIndex;
    let openedCount = 0;
    const openGate = (id: number) => {
      if (open[id] === stamp) return;
      open[id] = stamp;
      opened[openedCount++] = id;
    };
    for (const id of gates.ungated) openGate(id);
    trigrams.fill(0);
    const gatedTrigrams = byTrigram.bits;
    // One pass with the three letters at `i` kept in hand: the trigram of every position, and at word starts the
    // chains of their first two and three letters (a three-letter slot is the trigram's own hash, shorter).
    // Chains are in text order: each list ends at its tail, whose `next` is -1.
    const n = text.length;
    let c1 = n > 0 ? text.charCodeAt(0) & 0x7f : 0;
    let c2 = n > 1 ? text.charCodeAt(1) & 0x7f : 0;
    let wordBefore = false;
    for (let i = 0; i + 1 < n; i++) {
      const c0 = c1;
      c1 = c2;
      c2 = i + 2 < n ? text.charCodeAt(i + 2) & 0x7f : 0;
      const hash = i + 2 < n ? Math.imul((c0 << 14) | (c1 << 7) | c2, 0x9e3779b1) : 0;
      if (i + 2 < n) {
        const slot = hash >>> (32 - TRIGRAM_BITS);
        const word = slot >>> 5;
        const bit = 1 << (slot & 31);
        if (!(trigrams[word]! & bit)) {
          trigrams[word]! |= bit;
          if (gatedTrigrams[word]! & bit) for (let j = byTrigram.offsets[slot]!; j < byTrigram.offsets[slot + 1]!; j++) openGate(byTrigram.ids[j]!);
        }
      }
      const code = text.charCodeAt(i);
      const isWord = isWordCode(code);
      const wordStart = isWord && !wordBefore;
      wordBefore = isWord;
      if (!wordStart) continue;
      const k2 = (c0 << 7) | c1;
      // The first word start with these two letters opens the gates of the patterns that start with them.
      if (stamp2[k2] !== stamp) {
        if (byPrefix2.bits[k2 >>> 5]! & (1 << (k2 & 31))) for (let j = byPrefix2.offsets[k2]!; j < byPrefix2.offsets[k2 + 1]!; j++) openGate(byPrefix2.ids[j]!);
        stamp2[k2] = stamp;
        head2[k2] = i;
      } else next2[tail2[k2]!] = i;
      tail2[k2] = i;
      next2[i] = -1;
      if (i + 2 >= n) continue;
      const k3 = hash >>> (32 - PREFIX3_BITS);
      if (stamp3[k3] !== stamp) {
        if (byPrefix3.bits[k3 >>> 5]! & (1 << (k3 & 31))) for (let j = byPrefix3.offsets[k3]!; j < byPrefix3.offsets[k3 + 1]!; j++) openGate(byPrefix3.ids[j]!);
        stamp3[k3] = stamp;
        head3[k3] = i;
      } else next3[tail3[k3]!] = i;
      tail3[k3] = i;
      next3[i] = -1;
    }
    // The literal check of every pattern whose gate opened, in one pass over one array.
    const { literalsAt, literals } = gates;
    const { pass } = TextIndex;
    const passed: number[] = (this.passedIds = []);
    for (let n = 0; n < openedCount; n++) {
      const id = opened[n]!;
      let at = literalsAt[id]!;
      const end = literalsAt[id + 1]!;
      let ok = at === end;
      while (!ok && at < end) {
        const next = at + 1 + literals[at]!;
        let i = at + 1;
        for (; i < next; i++) {
          const slot = literals[i]!;
          if (!(trigrams[slot >>> 5]! & (1 << (slot & 31)))) break;
        }
        ok = i === next;
        at = next;
      }
      if (ok) {
        pass[id] = stamp;
        passed.push(id);
      }
    }
  }

  private fresh(): void {
    if (this.stamp !== TextIndex.generation) this.mark();
  }

  /**
   * The ids of the patterns that may match this text, in no particular order: a caller with many patterns tries
   * these instead of asking each of its patterns in turn. Patterns with ids from `gatedPatterns` on were built
   * after marking and are not among them.
   */
  passed(): readonly number[] {
    this.fresh();
    return this.passedIds;
  }

  /** How many patterns existed when this text was marked (ids below it have gate information). */
  get gatedPatterns(): number {
    this.fresh();
    return this.gated;
  }

  /**
   * False when the pattern cannot match: its gate is shut, or the text lacks a trigram of every literal it needs
   * (both known from marking, except for patterns built since).
   */
  mayMatch(p: IndexedPattern): boolean {
    this.fresh();
    if (p.id < this.gated) return TextIndex.pass[p.id] === this.stamp;
    return p.literals === null || hasLiteral(p, TextIndex.trigrams);
  }

  /**
   * Every match of the pattern as [start, end]. `text` may be a variant of the indexed text with the same
   * length whose letters are the same (e.g. with dates blanked), so one index serves both.
   */
  matches(p: IndexedPattern, text = this.text): readonly (readonly [number, number])[] {
    // Most patterns stop at their gate: one look-up, nothing allocated.
    if (this.stamp === TextIndex.generation && p.id < this.gated && TextIndex.pass[p.id] !== this.stamp) return NO_MATCHES;
    const out: [number, number][] = [];
    this.eachMatch(p, text, (start, end) => out.push([start, end]));
    return out;
  }

  /**
   * Calls `found(start, end)` for every match of the pattern, in the order `matches` lists them, without building
   * the list: the callers that turn matches into their own records skip a pair and an array per pattern.
   */
  eachMatch(p: IndexedPattern, text: string, found: (start: number, end: number) => void): void {
    if (this.stamp === TextIndex.generation && p.id < this.gated && TextIndex.pass[p.id] !== this.stamp) return;
    if (!this.mayMatch(p)) return;
    if (p.prefixes) {
      const { stamp2, head2, next2, stamp3, head3, next3 } = TextIndex;
      const gates = TextIndex.gates!;
      // A pattern built after the tables has its prefixes only on itself.
      const flat = p.id < gates.patterns;
      const { prefixKeys, codesAt, prefixCodes } = flat ? gates : { prefixKeys: p.prefixKeys, codesAt: null, prefixCodes: null };
      const first = flat ? gates.prefixesAt[p.id]! : 0;
      const last = flat ? gates.prefixesAt[p.id + 1]! : p.prefixKeys.length;
      const stamp = this.stamp;
      let sticky: RegExp | undefined;
      for (let n = first; n < last; n++) {
        // Candidates: the word starts that begin with the prefix's first three letters (or two, when it has two).
        const key = prefixKeys[n]!;
        const long = key >= 0;
        const k = long ? key : -1 - key;
        if ((long ? stamp3 : stamp2)[k] !== stamp) continue;
        const prefix = p.prefixes[n - first]!;
        const codesFrom = codesAt ? codesAt[n]! : 0;
        const length = codesAt ? codesAt[n + 1]! - codesFrom : prefix.length;
        const next = long ? next3 : next2;
        for (let pos = (long ? head3 : head2)[k]!; pos !== -1; pos = next[pos]!) {
          // The prefix compared letter by letter: a call to startsWith per candidate cost more than the regex.
          // (All of it: three-letter chains are hashed, and codes above 127 share the two-letter keys of letters.)
          let j = 0;
          if (prefixCodes) while (j < length && text.charCodeAt(pos + j) === prefixCodes[codesFrom + j]) j++;
          else while (j < length && text.charCodeAt(pos + j) === prefix.charCodeAt(j)) j++;
          if (j < length) continue;
          // `test` on a sticky regex matches only at lastIndex and leaves lastIndex at the match's end.
          sticky ??= p.sticky;
          sticky.lastIndex = pos;
          if (sticky.test(text) && sticky.lastIndex > pos) found(pos, sticky.lastIndex);
        }
      }
      return;
    }
    const { global } = p;
    global.lastIndex = 0;
    for (let m = global.exec(text); m; m = global.exec(text)) {
      let start = m.index;
      if (m[0].length === 0) {
        global.lastIndex++;
        continue;
      }
      if (p.wordStart && start > 0 && isWordCode(text.charCodeAt(start - 1))) {
        global.lastIndex = start + 1;
        continue;
      }
      if (p.compound) {
        while (start > 0 && isLetterCode(text.charCodeAt(start - 1))) start--;
        if (start > 0 && isDigitCode(text.charCodeAt(start - 1))) continue;
      }
      found(start, m.index + m[0].length);
    }
  }
}
