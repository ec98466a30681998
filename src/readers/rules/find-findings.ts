/**
 * Finds the clinical concepts of a report and decides, ConText-style, what each mention means: affirmed,
 * negated, uncertain (with how sure: "am ehesten" 0.8, "V.a." 0.6, "DD" 0.35), historical ("Z.n."), or only
 * asked about (a question line). A trigger's scope runs forward (or, for post-triggers, backward) inside its
 * sentence and stops at a terminator ("aber", "jedoch", "but"), at the next trigger, or at a comma that does not
 * continue a list ("kein Ödem, Narbe oder Erguss" continues; "kein Ödem, subepikardiales LGE" does not).
 */
import type { Span } from '../../report/report.js';
import { foldText } from '../../report/fold-text.js';
import { segmentPlaces } from './segments.js';
import { splitSections, type Section, type SectionKind } from '../../report/split-sections.js';
import { lineStarts } from '../../report/line-starts.js';
import { alternatives, indexPattern, TextIndex, type IndexedPattern } from '../../report/pattern-index.js';
import type { OtherSubtype } from './outcomes.js';
import { ATTRIBUTES, CONCEPTS, SIGNALS, TRIGGERS, type ConceptDef, type ConceptId, type TriggerDef, type TriggerKind } from './lexicon.js';

export type Status = 'affirmed' | 'negated' | 'uncertain' | 'historical' | 'asked' | 'context';

export interface Mention {
  concept: ConceptId;
  subtype?: OtherSubtype;
  /** The diagnosis is often only secondary to another (lexicon `secondary`). */
  secondary?: boolean;
  /** A verdict on the rest of the study (lexicon `rest`): "no other abnormality". */
  rest?: boolean;
  span: Span;
  /** The sentence the mention stands in. */
  sentence: Span;
  section: SectionKind;
  status: Status;
  /** 1 when affirmed; the uncertainty trigger's level when uncertain ("V.a." 0.6, "DD" 0.35). */
  certainty: number;
  /** A stating phrase ("vereinbar mit", "consistent with") stands before the mention in its sentence. */
  stated: boolean;
  /** Attribute words of the sentence: LGE pattern, wall, territory, ventricle, severity... */
  attrs: Set<string>;
  /** The trigger that set the status, for explanations. */
  trigger?: { kind: TriggerKind; span: Span };
}

/** Folded-text pattern: umlauts also match their two-letter spellings ("oe"), "ss" also matches "s" (ß folds to s). */
const COMPOUND = '[a-z]*';

/**
 * Compiles a lexicon pattern for folded text. A pattern that starts with "[a-z]*" matches inside compounds
 * ("Perimyokarditis"); running it as is costs a backtrack at every word, so it is compiled without that prefix
 * and each match is widened back to the start of its word afterwards (`compound`).
 */
function expand(pattern: string): IndexedPattern {
  // One alternative after the prefix: "[a-z]*a|b" means "([a-z]*a)|b", where b must not be widened. Alternations
  // inside groups ("[a-z]*(?:erguss|effusion) ...") are fine.
  const compound = pattern.startsWith(COMPOUND) && pattern.length > COMPOUND.length && alternatives(pattern.slice(COMPOUND.length)).length === 1;
  const source = compound ? pattern.slice(COMPOUND.length) : pattern;
  let expanded = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      expanded += ch + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '[') inClass = true;
    if (ch === ']') inClass = false;
    if (inClass) expanded += ch === 'ä' ? 'a' : ch === 'ö' ? 'o' : ch === 'ü' ? 'u' : ch;
    else if (ch === ' ' && source[i + 1] === '?') {
      expanded += String.raw`[ \t-]*`;
      i++;
    } else if (ch === ' ') expanded += String.raw`[ \t-]+`; // "late enhancement" also matches "Late-Enhancement"
    else if (ch === 'ä') expanded += '(?:a|ae)';
    else if (ch === 'ö') expanded += '(?:o|oe)';
    else if (ch === 'ü') expanded += '(?:u|ue)';
    else if (ch === 'ß') expanded += '(?:s|ss)';
    else if (ch === 's' && source[i + 1] === 's') {
      expanded += '(?:s|ss)';
      i++;
    } else expanded += ch;
  }
  // Word boundary before patterns that start with a letter, a group or a class ("\?" may follow a word). It is
  // checked after a match rather than in the regex, where a leading lookbehind would slow every scan.
  const wordStart = !compound && /^(?:[a-z0-9([]|\\[dw])/.test(source);
  const end = /[a-z0-9)*?\]]$/.test(source) || source.endsWith(']*') ? String.raw`(?![a-z0-9])` : '';
  return indexPattern(source, `(?:${expanded})${end}`, { wordStart, compound });
}

interface Compiled<T> {
  def: T;
  /** Position in the lexicon: earlier definitions win ties between equally long matches. */
  order: number;
  pattern: IndexedPattern;
}

/**
 * One regex per pattern. Each is only run when the report contains its literal letters (see literal-filter.ts);
 * measured on this engine, that beats joining the patterns into fewer, larger alternations.
 */
function compileAll<T extends { patterns: string[] }>(defs: T[]): Compiled<T>[] {
  const out: Omit<Compiled<T>, 'order'>[] = [];
  for (const def of defs) for (const pattern of def.patterns) out.push({ def, pattern: expand(pattern) });
  return out.map((c, order) => ({ ...c, order }));
}

/** Triggers of the same kind and certainty share one definition, so they can share one regex. */
function groupTriggers(): (Omit<TriggerDef, 'pattern'> & { patterns: string[] })[] {
  const groups = new Map<string, Omit<TriggerDef, 'pattern'> & { patterns: string[] }>();
  for (const t of TRIGGERS) {
    const k = `${t.kind}:${t.certainty ?? ''}`;
    const g = groups.get(k) ?? { kind: t.kind, certainty: t.certainty, patterns: [] };
    g.patterns.push(t.pattern);
    groups.set(k, g);
  }
  return [...groups.values()];
}

function groupAttributes(): { name: string; patterns: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const [name, pattern] of ATTRIBUTES) groups.set(name, [...(groups.get(name) ?? []), pattern]);
  return [...groups].map(([name, patterns]) => ({ name, patterns }));
}

const CONCEPT_REGEXES = compileAll(CONCEPTS);
const TRIGGER_REGEXES = compileAll(groupTriggers());
const ATTRIBUTE_REGEXES = compileAll(groupAttributes());
const SIGNAL_REGEXES = compileAll(SIGNALS);

interface Match<T> {
  def: T;
  start: number;
  end: number;
}

/** A zeroed buffer of at least `length` bytes, reused: allocating a typed array per call costs more than the search. */
let scratchBuffer = new Uint8Array(4096);
function scratch(length: number): Uint8Array {
  if (scratchBuffer.length < length) scratchBuffer = new Uint8Array(length * 2);
  else scratchBuffer.fill(0, 0, length);
  return scratchBuffer;
}

/**
 * Per compiled list, its entry for each pattern id (-1: not in the list), and its highest id: findAll visits
 * only the patterns that passed the index (about one in seven) instead of asking each of the list's.
 */
const SLOTS = new WeakMap<Compiled<unknown>[], { slot: Int32Array; maxId: number }>();
function slotsOf<T>(compiled: Compiled<T>[]): { slot: Int32Array; maxId: number } {
  let s = SLOTS.get(compiled);
  if (!s) {
    let maxId = -1;
    for (const c of compiled) maxId = Math.max(maxId, c.pattern.id);
    const slot = new Int32Array(maxId + 1).fill(-1);
    compiled.forEach((c, k) => (slot[c.pattern.id] = k));
    SLOTS.set(compiled, (s = { slot, maxId }));
  }
  return s;
}

/** All non-overlapping matches in the text, the longest winning where they overlap (earlier definitions win ties). */
function findAll<T>(index: TextIndex, compiled: Compiled<T>[]): Match<T>[] {
  const candidates: (Match<T> & { order: number })[] = [];
  const text = index.text;
  let current: Compiled<T>;
  const push = (start: number, end: number) => candidates.push({ def: current.def, start, end, order: current.order });
  const add = (c: Compiled<T>) => {
    current = c;
    index.eachMatch(c.pattern, text, push);
  };
  const { slot, maxId } = slotsOf(compiled);
  for (const id of index.passed()) {
    const k = id <= maxId ? slot[id]! : -1;
    if (k >= 0) add(compiled[k]!);
  }
  // Patterns built after the text was indexed have no gate information: they are always tried.
  if (maxId >= index.gatedPatterns) for (const c of compiled) if (c.pattern.id >= index.gatedPatterns) add(c);
  // Most lists have no two matches that overlap: then every match is taken, in text order (distinct starts).
  if (candidates.length < 2) return candidates;
  candidates.sort((a, b) => a.start - b.start);
  let overlap = false;
  for (let i = 1; i < candidates.length && !overlap; i++) overlap = candidates[i]!.start < candidates[i - 1]!.end;
  if (!overlap) return candidates;
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.order - b.order);
  const taken: Match<T>[] = [];
  const used = scratch(index.text.length);
  for (const c of candidates) {
    let free = true;
    for (let i = c.start; i < c.end; i++) if (used[i]) { free = false; break; }
    if (!free) continue;
    used.fill(1, c.start, c.end);
    taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Groups matches by the sentence they lie in (both lists are sorted by start). */
function bySentence<T>(matches: Match<T>[], sentences: Span[]): Match<T>[][] {
  const out: Match<T>[][] = sentences.map(() => []);
  let s = 0;
  for (const m of matches) {
    while (s < sentences.length && sentences[s]!.end <= m.start) s++;
    if (s < sentences.length && m.start >= sentences[s]!.start && m.end <= sentences[s]!.end) out[s]!.push(m);
  }
  return out;
}

/** What `\s` matches and trim() drops, as a code test. */
function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const ABBREVIATIONS = /(?:^|[^a-z])(?:v\.a|z\.n|zust\.\s?n|st\.\s?p|d\.h|z\.b|i\.s|a\.e|u\.a|o\.g|s\.o|bzw|ca|max|min|li|re|bds|ggf|evtl|inkl|vs|dr|med|pat|nr|ref|mind|sog|e\.g|i\.e|approx|fig|vol|st|j|dd|seg|segm|zust|vgl|etc|ua)$/;

/** Sentences: lines, and inside lines text ending in . ! ? ; followed by a space (not "V.a.", "Z.n.", "1,5"). */
export function splitSentences(folded: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  // The sentence between start and end without the blanks around it (what trim() drops), found without slicing.
  const push = (end: number) => {
    let from = start;
    while (from < end && isSpaceCode(folded.charCodeAt(from))) from++;
    let to = end;
    while (to > from && isSpaceCode(folded.charCodeAt(to - 1))) to--;
    if (to > from) out.push({ start: from, end: to });
  };
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i]!;
    if (ch === '\n') {
      push(i);
      start = i + 1;
    } else if ((ch === '.' || ch === '!' || ch === '?' || ch === ';') && (i + 1 >= folded.length || isSpaceCode(folded.charCodeAt(i + 1)))) {
      if (ch === '.') {
        const before = folded.slice(Math.max(start, i - 8), i);
        if (/\d$/.test(before) && /^\s\d/.test(folded.slice(i + 1, i + 3))) continue;
        if (ABBREVIATIONS.test(before)) continue;
        if (/^\s*\d{1,2}$/.test(folded.slice(start, i))) continue; // "1." numbering
      }
      push(i + 1);
      start = i + 1;
    }
  }
  push(folded.length);
  return out;
}

const NARRATIVE_KINDS = new Set<SectionKind>(['preamble', 'body', 'findings', 'assessment', 'comparison', 'quantitative']);

export interface FindingsResult {
  mentions: Mention[];
  /**
   * Mentions of the signals (exam aborted or limited, statements of normality), kept apart from the findings.
   * Found on the first call only: most reports are decided by their findings and never need them.
   */
  signals: () => Mention[];
  sentences: Span[];
  sections: Section[];
}

const NO_ATTRIBUTES: Set<string> = new Set();
/** An exclusion that could not be made ("Ausschluss ... nicht möglich", "not possible"). */
const EXCLUSION_FAILED = /nicht (?:sicher |abschlie(?:ss|s)end |eindeutig )?(?:moglich|gelungen|erfolgt)|unmoglich|not (?:possible|feasible)/;
/** Statements of normality that carry their own negation ("no abnormality", "kein pathologischer Befund"). */
const SELF_NEGATED = /^(?:no|kein|keine|keinen|ohne)\b/;
/**
 * The matches of `list` that overlap none of `spans`. Both are sorted and free of overlaps within themselves (findAll),
 * so one pass over each does: the first span that ends after a match starts is the only one that can overlap it.
 */
function withoutOverlaps<T>(list: Match<T>[], spans: Match<unknown>[]): Match<T>[] {
  const out: Match<T>[] = [];
  let j = 0;
  for (const t of list) {
    while (j < spans.length && spans[j]!.end <= t.start) j++;
    if (j < spans.length && spans[j]!.start < t.end) continue;
    out.push(t);
  }
  return out;
}

/** After a finding, in its clause: it has gone entirely ("has resolved", "hat sich vollständig zurückgebildet"), not in part. */
const RESOLVED_AFTER = /^(?:(?!partial|partly|incomplete|teilweise|partiell|inkomplett|nicht |not )[^,;.]){0,60}?\b(?:resolved|zuruckgebildet)\b/;
/** A sentence that tells what an exam showed, in the past ("CMR 2022 showed", "die Voruntersuchung zeigte"). */
const PRIOR_RESULT = /\b(?:showed|demonstrated|revealed|had shown|zeigte|ergab|beschrieb)\b/;
/** Words that compare today's exam with it: then the sentence is today's. */
const TODAY_COMPARED = /\b(?:unchanged|no change|persist\w*|unverandert\w*|new|newly|neu\w*|progredien\w*|progress\w*|regredien\w*|stable|stabil\w*|konstant\w*|increas\w*|decreas\w*|zunahme|abnahme|now|jetzt|today|heute|aktuell\w*|currently|current|compared|im vergleich|gegenuber)\b/;
/** A heading line that opens a differential ("Differenzialdiagnosen:", "DD:", "Differential diagnosis"). */
const DIFFERENTIAL_HEADING = /^[ \t]*(?:dd|ddx|differen[tz]ial(?:diagnos[a-z]*| diagnos[a-z]*|s)?)[ \t]*:?[ \t]*$/;
/** An item of a list on its own line: a dash, a bullet or a number. */
const LIST_ITEM_LINE = /^[ \t]*(?:[-*\u2022\u2013]|\d{1,2}[.)])[ \t]/;

/**
 * The lines of differentials listed under a heading of their own ("Differenzialdiagnosen:" and "- Myokarditis",
 * "- Sarkoidose" on the lines below): each item is a candidate, as in a differential on one line. Spans of the items.
 */
function differentialBlocks(folded: string): Span[] {
  const out: Span[] = [];
  if (!folded.includes('dd') && !folded.includes('differen')) return out;
  let inBlock = false;
  for (let start = 0; start <= folded.length; ) {
    const nl = folded.indexOf('\n', start);
    const end = nl === -1 ? folded.length : nl;
    const line = folded.slice(start, end);
    if (DIFFERENTIAL_HEADING.test(line)) inBlock = true;
    else if (inBlock && LIST_ITEM_LINE.test(line)) out.push({ start, end });
    else inBlock = false;
    start = end + 1;
  }
  return out;
}

export function findFindings(text: string, sections: Section[] = splitSections(text), folded = foldText(text), index = new TextIndex(folded)): FindingsResult {
  const sentences = splitSentences(folded);
  const differentials = differentialBlocks(folded);
  // The resolution words once per text: most texts have none, and the check below runs for every mention.
  const mayBeResolved = folded.includes('resolved') || folded.includes('zuruckgebildet');
  const sectionAt = (pos: number): SectionKind => {
    let kind: SectionKind = 'preamble';
    for (const s of sections) if (s.span.start <= pos) kind = s.kind;
    return kind;
  };
  const mentions: Mention[] = [];
  const conceptsBySentence = bySentence(findAll(index, CONCEPT_REGEXES), sentences);
  const triggersBySentence = bySentence(findAll(index, TRIGGER_REGEXES), sentences);
  const attributesBySentence = bySentence(findAll(index, ATTRIBUTE_REGEXES), sentences);
  const carried = carriedSections(folded, sentences, sectionAt);
  const read = (c: Match<ConceptDef>, sentence: Span, triggers: SentenceTriggers, attrs: Set<string>, i: number): Mention => {
    const at = sectionAt(c.start);
    // Only under the history: a technique line ("MRT bei 1,5 T: Cine, Ödemsequenzen, LGE") names sequences, not findings.
    // A one-paragraph report ("History: flu. CMR: oedema ...") opens the CMR's sentence with the label mid-line, and
    // the sentences after it on that line are the CMR's too, up to the next label ("Echo: ...", "Follow-up: ...").
    const section: SectionKind = carried[i] ?? (at === 'history' && cmrLine(folded, c.start) ? 'findings' : at);
    const mention: Mention = {
      concept: c.def.id,
      span: { start: c.start, end: c.end },
      sentence,
      section,
      status: 'affirmed',
      certainty: 1,
      stated: triggers.firstAffirmEnd <= c.start,
      attrs,
    };
    if (c.def.subtype) mention.subtype = c.def.subtype;
    if (c.def.secondary) mention.secondary = true;
    if (c.def.rest) mention.rest = true;
    applyContext(mention, folded, triggers);
    // A finding told as resolved is gone today ("Ödem zurückgebildet"): history. LGE, which the criteria keep as an old
    // scar when it is history (criteria/facts.ts, PERMANENT), is then absent ("the previously seen LGE has resolved").
    // A transient wall-motion abnormality stays history: Takotsubo's sign.
    if (mayBeResolved && (mention.status === 'historical' || mention.status === 'affirmed') && !c.def.id.startsWith('dx:') && !c.def.id.startsWith('ctx:') && RESOLVED_AFTER.test(folded.slice(c.end, Math.min(sentence.end, c.end + 80)))) {
      Object.assign(mention, c.def.id === 'lge' ? { status: 'negated', certainty: 0 } : { status: 'historical' });
    }
    if (mention.status === 'affirmed' && c.def.id.startsWith('dx:') && differentials.some((d) => c.start >= d.start && c.start < d.end)) Object.assign(mention, { status: 'uncertain', certainty: 0.35 });
    if (LABEL_ABSENT.test(folded.slice(c.end, c.end + 60))) Object.assign(mention, { status: 'negated', certainty: 0 });
    // In the assessment a question is the reader's doubt, not the referral's question (DOMAIN.md: "?" hedges), and a
    // bare "Ausschluss einer X" states the result ("zum Ausschluss" stays the question).
    if (mention.status === 'asked' && section === 'assessment' && mention.trigger) {
      const said = folded.slice(mention.trigger.span.start, mention.trigger.span.end);
      if (said === '?') Object.assign(mention, { status: 'uncertain', certainty: 0.4 });
      else if (said.startsWith('ausschluss')) {
        // "Ausschluss einer Amyloidose mittels MRT nicht möglich": the exclusion failed, the diagnosis stays open.
        const failed = EXCLUSION_FAILED.test(folded.slice(mention.sentence.start, mention.sentence.end));
        Object.assign(mention, failed ? { status: 'uncertain', certainty: 0.35 } : { status: 'negated', certainty: 0 });
      }
    }
    // "No evidence of myocarditis (no abnormality)": a normal study worded as an absence is not undone by the
    // negation before it; two negations do not make an abnormal study.
    if (mention.status === 'negated' && c.def.id === 'dx:NORMAL' && SELF_NEGATED.test(folded.slice(c.start, c.end))) {
      mention.status = 'affirmed';
      mention.certainty = 1;
      delete mention.trigger;
    }
    // "Bei Verdacht auf Myokarditis wurde eine Kardio-MRT durchgeführt", "CMR was requested for suspected sarcoidosis":
    // the suspicion that sent the patient is the question, not this study's answer.
    if (mention.status === 'uncertain' && mention.certainty <= 0.6 && c.def.id.startsWith('dx:') && section !== 'assessment') {
      const text = folded.slice(sentence.start, sentence.end);
      if (REFERRAL.test(text) && !RESULT.test(text)) mention.status = 'asked';
    }
    // A comparison section tells the earlier exam's result ("Comparison: CMR 2022 showed subepicardial LGE") as a
    // history line does, unless it says how today's differs ("LGE unchanged", "new oedema").
    // (The comparison may follow in the next sentence of its line: "CMR 2020 showed inferior LGE. Today unchanged.")
    const lineEnd = folded.indexOf('\n', sentence.end);
    const priorResult = section === 'comparison' && PRIOR_RESULT.test(folded.slice(sentence.start, sentence.end)) && !TODAY_COMPARED.test(folded.slice(sentence.start, Math.min(lineEnd === -1 ? folded.length : lineEnd, sentence.end + 80)));
    if (priorResult || (!NARRATIVE_KINDS.has(section) && section !== 'recommendation')) {
      // History, indication and technique lines: a known diagnosis there is context; a suspected one is the question.
      if (mention.status === 'affirmed' || mention.status === 'historical') mention.status = 'context';
      else if (mention.status === 'uncertain') mention.status = 'asked';
    }
    if (section === 'recommendation' && mention.status === 'affirmed') {
      mention.status = 'uncertain';
      mention.certainty = 0.35;
    }
    return mention;
  };
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    const concepts = conceptsBySentence[i]!;
    if (concepts.length === 0) continue;
    const triggers = sentenceTriggers(folded, withoutOverlaps(triggersBySentence[i]!, concepts));
    // "inferior+lateral": a compound wall name ("inferolateral") names both walls.
    const attrs = new Set(attributesBySentence[i]!.flatMap((a) => a.def.name.split('+')));
    // Segments named by number (AHA 17-segment model) are walls, and one artery's segments its territory.
    const seg = folded.indexOf('seg', sentence.start);
    // A territory only for scar that could be an infarct: subepicardial, mid-wall or patchy LGE follows none.
    const nonIschaemicDepth = attrs.has('subepi') || attrs.has('midwall') || attrs.has('patchy') || attrs.has('ring');
    if (seg !== -1 && seg < sentence.end) for (const place of segmentPlaces(folded.slice(sentence.start, sentence.end))) if (!(place === 'territory' && nonIschaemicDepth)) attrs.add(place);
    // "Not transmural" places the scar in the subendocardium only when no other layer is named
    // ("nicht-transmurales mittmyokardiales LGE" is mid-wall).
    if (attrs.has('non-transmural') && !attrs.has('subepi') && !attrs.has('midwall')) attrs.add('subendo');
    // A sentence that grades two things differently ("leichte Mitralinsuffizienz, hochgradig eingeschränkte
    // Funktion") grades each in its own clause.
    const graded = attrs.has('mild') && attrs.has('severe') ? attributesBySentence[i]!.filter((a) => a.def.name === 'mild' || a.def.name === 'severe') : null;
    for (const c of concepts) {
      // "in den LGE-Sequenzen", "on LGE imaging": the sequence, not a finding.
      if (c.def.id === 'lge' && isModalityReference(folded, c)) continue;
      if (c.def.id === 'dx:NORMAL' && verdictOfAStructure(folded, c, sentence)) continue;
      let own = VENTRICLE_LOCAL.has(c.def.id) ? ownVentricle(folded, c, sentence, attrs) : attrs;
      if (graded) own = ownGrade(folded, c, sentence, own, graded);
      mentions.push(read(c, sentence, triggers, own, i));
    }
  }
  let signals: Mention[] | undefined;
  const findSignals = (): Mention[] => {
    if (signals) return signals;
    signals = [];
    const signalsBySentence = bySentence(findAll(index, SIGNAL_REGEXES), sentences);
    for (let i = 0; i < sentences.length; i++) {
      const found = signalsBySentence[i]!;
      if (found.length === 0) continue;
      const concepts = conceptsBySentence[i]!;
      const triggers = sentenceTriggers(folded, withoutOverlaps(withoutOverlaps(triggersBySentence[i]!, concepts), found));
      for (const c of found) signals.push(read(c, sentences[i]!, triggers, NO_ATTRIBUTES, i));
    }
    return signals;
  };
  return { mentions, signals: findSignals, sentences, sections };
}

/**
 * A line that opens with the CMR's own label ("Kardio-MRT (Cine, LGE): ...", "Verlauf Kardio-MRT (serial): ...",
 * "CMR at 3 T: ...") reports this study's findings even where the section splitter left it under the history.
 */
const CMR_LINE = /^[ \t]*(?:[-*•][ \t]*)?(?:(?:echokardiographie|echocardiography|echo|tte|ct|koronarangiographie|angiography)[ \t]+(?:und|and|sowie|&|\/)[ \t]+)?(?:(?:verlauf|befund|serielle?|multiparametrische?s?|kontroll|follow-?up|repeat|initial)[ -]?)?(?:kardio-?mrt?|cardio-?mrt?|herz-?mrt|kardiale?s? mrt|cardiac mri?|cardiac magnetic resonance|cmr|c-?mrt|c-?mri|mrt?|mri)\b[^:\n]{0,140}:/;

/**
 * Findings whose ventricle is named beside them: "hypertrophied LV with poor function, ..., dilated RV" dilates
 * the RV only. Within the mention's clause (between commas), one ventricle named and not the other decides.
 */
const VENTRICLE_LOCAL = new Set<string>(['dilated', 'reduced-fn', 'hypertrophy', 'wma']);
const LV_WORD = /\b(?:lv|left ventric\w*|links\w* ventrik\w*|linksventrikul\w*)/;
const RV_WORD = /\b(?:rv|right ventric\w*|recht\w* ventrik\w*|rechtsventrikul\w*)/;

/**
 * A verdict without a subject of its own ("ohne Auffälligkeiten", "no abnormality", "kein pathologischer Befund")
 * after a structure in its clause ("Koronararterien ohne Auffälligkeiten", "Valves: no abnormality") is that
 * structure's, not a normal study; after a heading, the exam or another negated finding it stays the study's.
 */
const SUBJECTLESS_VERDICT = /^(?:ohne|keine?[rn]?|without|no|nothing)\b/;
const STRUCTURE = /\b(?:\w*koronar\w*|coronar\w*|\w*klappe\w*|valves?|valvular|aort\w*|perikard\w*|pericard\w*|\w*vorh(?:o|oe)f\w*|atri(?:a|um|al)\b|pulmonal\w*|pulmonary|lunge\w*|lungs?|pleura\w*|leber|liver|niere\w*|kidneys?|milz|spleen|mediastin\w*|\w*gef(?:a|ae)(?:ss|s)\w*|vessels?|\w*venen?|veins?)\b/;
function verdictOfAStructure(folded: string, c: Match<unknown>, sentence: Span): boolean {
  if (!SUBJECTLESS_VERDICT.test(folded.slice(c.start, c.end))) return false;
  const before = folded.slice(Math.max(sentence.start, c.start - MAX_SCOPE), c.start);
  // Its clause: after the last , ; ( (a heading label before a colon stays in it).
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('('));
  return STRUCTURE.test(before.slice(cut + 1));
}

/** The mention's clause: back to the last , ; : ( before it and on to the first , ; ) after it, at most MAX_SCOPE each way. */
function clauseOf(folded: string, c: Match<unknown>, sentence: Span): Span {
  let from = c.start;
  const fromLimit = Math.max(sentence.start, c.start - MAX_SCOPE);
  while (from > fromLimit && !',;:('.includes(folded[from - 1]!)) from--;
  let to = c.end;
  const toLimit = Math.min(sentence.end, c.end + MAX_SCOPE);
  while (to < toLimit && !',;)'.includes(folded[to]!)) to++;
  return { start: from, end: to };
}

/** Of a sentence's mild and severe words, those in the mention's clause; both stay when its clause has neither. */
function ownGrade(folded: string, c: Match<unknown>, sentence: Span, attrs: Set<string>, graded: Match<{ name: string }>[]): Set<string> {
  const clause = clauseOf(folded, c, sentence);
  const inClause = new Set(graded.filter((a) => a.start >= clause.start && a.end <= clause.end).map((a) => a.def.name));
  if (inClause.size === 0 || inClause.size === 2) return attrs;
  const own = new Set(attrs);
  own.delete(inClause.has('mild') ? 'severe' : 'mild');
  return own;
}

function ownVentricle(folded: string, c: Match<unknown>, sentence: Span, attrs: Set<string>): Set<string> {
  const bothVentricles = attrs.has('lv') && attrs.has('rv');
  const atrium = attrs.has('atrium') && (attrs.has('lv') || attrs.has('rv'));
  if (!bothVentricles && !atrium) return attrs;
  const span = clauseOf(folded, c, sentence);
  const clause = folded.slice(span.start, span.end);
  const lv = LV_WORD.test(clause);
  const rv = RV_WORD.test(clause);
  const own = new Set(attrs);
  if (bothVentricles && lv !== rv) own.delete(lv ? 'rv' : 'lv');
  // "Dilated LV and LA": a ventricle named in the mention's own clause makes it the ventricle's finding, atrium or not;
  // "LA dilated, LV normal": the atrium alone in the clause keeps it the atrium's.
  if (atrium && (lv || rv)) own.delete('atrium');
  else if (atrium && ATRIUM_WORD.test(clause)) {
    own.delete('lv');
    own.delete('rv');
  }
  return own;
}

const ATRIUM_WORD = /\b(?:la|ra|atri\w*|vorh(?:o|oe)f\w*|biatrial\w*)\b/;

/** A sentence that tells why the CMR was done: it names the exam and its ordering or performing. */
const REFERRAL = /(?:kardio-?mrt?|herz-?mrt|kardiale?n? (?:mrt|magnetresonanz)|cmr|cardiac mri?|cardiac magnetic resonance|\bmrt?\b|\bmri\b)[^.;]{0,80}?(?:wurde \w+ ?durchgef|durchgefuhrt|veranlasst|angefordert|zugewiesen|erfolgte|performed|requested|ordered|obtained|undertaken|was done|referred)|(?:zugewiesen|uberwiesen|vorgestellt|referred|sent|underwent|underwent a|was performed)[^.;]{0,60}?(?:kardio-?mrt?|herz-?mrt|cmr|cardiac mri?|cardiac magnetic resonance|\bmri\b|\bmrt\b)/;

/** A sentence that also gives the exam's result is the answer, whatever sent the patient. */
const RESULT = /(?:showed|shows|revealed|demonstrat|disclosed|found|confirm|zeigte|zeigt|ergab|fand sich|fanden sich|bestatig|nachgewiesen)/;

/** A sentence opening with some other label ("Echo:", "Verlauf:", "ECG:"): it ends what a CMR label opened. */
const OTHER_LABEL = /^[a-z][a-z0-9 ./-]{0,30}:/;

/**
 * Per sentence under the history, the section a label earlier on its line opened ("History: flu. CMR: LGE lateral.
 * Oedema there." — the last sentence is the CMR's finding), or null where the sentence keeps its own section.
 */
function carriedSections(folded: string, sentences: Span[], sectionAt: (pos: number) => SectionKind): (SectionKind | null)[] {
  const out: (SectionKind | null)[] = [];
  let carry: SectionKind | null = null;
  let carryLine = -1;
  for (const sentence of sentences) {
    const line = lineStarts(folded).startOf(sentence.start);
    if (sectionAt(sentence.start) !== 'history' || line !== carryLine) carry = null;
    carryLine = line;
    if (sectionAt(sentence.start) === 'history') {
      const opening = folded.slice(sentence.start, sentence.start + 200);
      const heading = HEADING_SENTENCE.exec(opening);
      if (heading) carry = ASSESSMENT_WORDS.has(heading[1]!) ? 'assessment' : 'findings';
      else if (CMR_LINE.test(opening)) carry = 'findings';
      else if (OTHER_LABEL.test(opening)) carry = null;
    }
    out.push(carry);
  }
  return out;
}

/** A sentence opening with a findings or assessment label. */
const HEADING_SENTENCE = /^(befunde?|ergebnis(?:se)?|findings|results|beurteilung|zusammenfassung|fazit|bewertung|schlussfolgerung|interpretation|impressions?|conclusions?|assessment|summary|opinion)\s?:/;
const ASSESSMENT_WORDS = new Set(['beurteilung', 'zusammenfassung', 'fazit', 'bewertung', 'schlussfolgerung', 'interpretation', 'impression', 'impressions', 'conclusion', 'conclusions', 'assessment', 'summary', 'opinion']);

function cmrLine(folded: string, pos: number): boolean {
  const start = lineStarts(folded).startOf(pos);
  return CMR_LINE.test(folded.slice(start, Math.min(folded.length, start + 200)));
}


const MODALITY_AFTER = /^-?\s?(?:sequenz|aufnahme|bildgebung|image|imaging|sequence|technik|technique|mapping|akquisition)/;
const MODALITY_NEGATIVE = /^-?\s?[a-z]+\s(?:(?:was|were|is|are)\s(?:negative|unremarkable)|(?:negativ|unauffa?e?llig|ohne befund)\b)/;
const MODALITY_BEFORE = /(?:^|[^a-z])(?:im|in|in der|in den|auf den|on|on the|at|mittels|with|via|nach)\s*$/;

/** Words that describe an LGE's pattern: after "LGE:" they make the label the finding itself. */
const LGE_DESCRIPTION = /(?:subendo|subepi|epikard|epicard|mittmyo|midmyo|mid-?wall|intramyo|intramural|transmural|fleck|patchy|diffus|fokal|focal|streif|stripe|linear|ring|insertion|zirkul|circumfer)/;

/** Sequence names: a parenthesis listing two or more of them is the protocol ("(cine, T2-weighted, LGE)"). */
const SEQUENCE_WORDS = /\b(?:cine|ssfp|stir|molli|shmolli|t1|t2|mapping|perfusion|tagging|psir|flow|phase[- ]contrast|ecv)\b/g;

/**
 * A label answered with an absence ("LGE: none", "Late Enhancement: kein Nachweis", "Ödem: keines", "Perikarderguss:
 * nein"): the finding is negated (a post-trigger's scope stops at the colon, so none reaches it).
 */
const LABEL_ABSENT = /^\s?:\s*(?:none|nil|no|nein|negativ\w*|absent|kein\w*(?:\s(?:nachweis|hinweis|anhalt))?|nicht\s(?:nachweisbar|vorhanden|abgrenzbar|erkennbar|sichtbar)|not\s(?:seen|present|detected|identified)|unauffa?e?llig|regelrecht|o\.\s?b\.?|ohne(?:\s(?:befund|nachweis))?)(?=\s*(?:[.;,\n]|$))/;

/** What follows LGE when it is a finding placed somewhere ("with LGE of the RV free wall", "mit LGE der Hinterwand"). */
const PLACED = /^\s(?:of|in|at|involving|along|within|affecting|der|des|im|in der|an der)\s/;

function isModalityReference(folded: string, m: Match<unknown>): boolean {
  // "LGE imaging was negative", "LGE-Aufnahmen unauffällig": the sequence named to report that it found nothing.
  if (MODALITY_AFTER.test(folded.slice(m.end, m.end + 14))) return !MODALITY_NEGATIVE.test(folded.slice(m.end, m.end + 50));
  if (MODALITY_BEFORE.test(folded.slice(Math.max(0, m.start - 12), m.start)) && !PLACED.test(folded.slice(m.end, m.end + 10))) return true;
  // "LGE: no evidence of infarction": a heading for what follows; "LGE: subepikardial lateral" describes LGE.
  if (/^\s?:/.test(folded.slice(m.end, m.end + 2))) {
    const rest = folded.slice(m.end, m.end + 120).split(/[.;\n]/)[0]!;
    if (!LGE_DESCRIPTION.test(rest) && !LABEL_ABSENT.test(folded.slice(m.end, m.end + 60))) return true;
  }
  // A list of sequences in parentheses of at most 200 characters around the mention: looked for only that far.
  let open = m.start;
  while (open >= Math.max(0, m.end - 200) && folded[open] !== '(') open--;
  if (open < Math.max(0, m.end - 200)) return false;
  let close = m.end;
  while (close <= open + 200 && close < folded.length && folded[close] !== ')') close++;
  if (close > open + 200 || close >= folded.length || folded.slice(open, m.start + 1).includes(')')) return false;
  return (folded.slice(open, close).match(SEQUENCE_WORDS) ?? []).length >= 2;
}

/**
 * A list after a trigger ("kein Ödem, Narbe oder Thrombus", "to exclude ARVC, myocarditis or sarcoidosis, she
 * underwent ..."): items up to a joining "oder/or/und/and". The first item may carry the trigger's object
 * ("structural heart disease such as ..."); the list ends at the punctuation after its last item.
 */
const LIST = /^[^,.;:]{0,90}(?:,[^,.;:]{0,40})*\s(?:oder|or|und|and|bzw|noch|nor|sowie|beziehungsweise)\s[^,.;:]{0,40}(?=[.;:,]|$)/;
/**
 * What follows a mention that is an item of a list, up to a post-trigger: the other items, the last after a
 * conjunction ("Perikarderguss, Thrombus und Wandbewegungsstörungen wurden ausgeschlossen", "A, B, and C were
 * excluded"). The trigger covers the whole list, so the commas between its items end no clause.
 */
const LIST_TAIL = /^(?:,[^,.;:()–]{1,40}){0,4}?,?\s(?:oder|or|und|and|sowie|bzw\.?|nor|noch)\s[^,.;:()–]{1,40}$/;
/**
 * Only a verdict a writer passes on a list of diagnoses reaches back over its commas (excluded, ruled out, weighed,
 * unlikely): "Subepicardial LGE, LV size and wall motion unremarkable" keeps its LGE (attack8).
 */
const LIST_VERDICT = /(?:ausgeschlossen|excluded|ruled out|verworfen|rejected|dismissed|erwogen|considered|unwahrscheinlich|unlikely|nicht bestatigt|not confirmed|bestatigt(?:e|en)? sich nicht)/;
const ITEM_START = new Set([',', ';', ':', '.', '(', '\n']);
const ITEM_WORDS = /^\s*(?:(?:ein|eine|einer|eines|der|die|das|a|an|the)\s+)?$/;

/**
 * Whether a post-trigger's verdict covers a mention that opens a list before it: the verdict is one on a list, the
 * mention's item is the bare name ("Perikarderguss, Thrombus ... ausgeschlossen"; an item described by its own
 * words, "Ausgedehnte transmurale Narbe, Thrombus und Erguss ausgeschlossen", is a finding told before the excluded
 * ones), and only list items stand between them.
 */
function listVerdictCovers(folded: string, sentenceStart: number, span: Span, t: TriggerMatch): boolean {
  if (!LIST_VERDICT.test(folded.slice(t.start, t.end))) return false;
  let i = span.start - 1;
  while (i >= sentenceStart && !ITEM_START.has(folded[i]!)) i--;
  return ITEM_WORDS.test(folded.slice(i + 1, span.start)) && LIST_TAIL.test(folded.slice(span.end, t.start));
}
/** The triggers that open a differential ("DD", "differential diagnosis", "differenzialdiagnostisch"). */
const DIFFERENTIAL = /^(?:dd|ddx|differen)/;
/** "No evidence of", "kein Hinweis auf", "ohne Anhalt für": an absence that may name a list of diagnoses (deniesDiagnosisList). */
const NO_EVIDENCE = /^(?:kein[a-z]* (?:[a-z]+ )?(?:hinweis|anhalt|nachweis|zeichen|anzeichen|evidenz|beleg|verdacht)|ohne (?:[a-z]+ )?(?:hinweis|nachweis|anhalt|zeichen)|(?:no|without|absent) (?:[a-z]+ )?(?:evidence|signs?|indication|suggestion|features))/;
/**
 * An absence's list: three or more bare names up to the clause's end, none qualified ("Kein Hinweis auf Infarkt,
 * akute Myokarditis" and "No evidence of amyloidosis, sarcoidosis likely" state their second item).
 */
const NEGATED_LIST = /^[^,.;:\d]{0,90}(?:,[^,.;:\d]{1,40}){2,8}(?=[.;:]|$)/;
const LIST_QUALIFIER = /\b(?:wahrscheinlich|likely|moglich\w*|possible|probable|v\.a|vereinbar|consistent|compatible|gesichert|confirmed|is|ist|are|sind|akut\w*|acute|alt\w*|old|chronisch\w*|chronic)\b/;
/** A list of bare names up to the clause's end, for a differential: short items without numbers, no conjunction needed. */
const DIFFERENTIAL_LIST = /^[^,.;:\d]{0,90}(?:,[^,.;:\d]{1,40}){1,8}(?=[.;:]|$)/;
/** LIST for a scope cut at MAX_SCOPE: the cut is no end of the list, only punctuation ends it. */
const LIST_INSIDE = new RegExp(LIST.source.replace('(?=[.;:,]|$)', '(?=[.;:,])'));

const CATEGORY = (kind: TriggerKind): string => kind.split('-')[0]!;
const WITH = /\s(?:with|mit|showing)\s/;
/** "Normal on T2 mapping" denies what that sequence shows, not the LGE that comes "with" it. */
const NORMAL_IN = /^(?:normal|unremarkable|unauffallig|regelrecht)/;
const LISTING_VERB = /\s(?:includes?|included|comprises?|encompasses|umfasst|umfassen|beinhaltet)\s/;
// "wahrscheinlich" / "likely" stand before or after what they hedge ("Myokarditis wahrscheinlich", "myocarditis unlikely").
// "möglich" / "possible" look back only where they end the clause ("Myokarditis/Sarkoidose möglich."): before a noun
// they qualify it ("Sarkoidose und mögliche Myokarditis").
const BACK_AT_CLAUSE_END = /^(?:moglich|possible)$/;
const CLAUSE_END_AHEAD = /^\s*(?:[.;,\n]|$)/;
const BOTH_WAYS = /^(?:(?:nicht|not) (?:sicher )?(?:auszuschl|ausgeschl|excluded)|vs\b|versus|(?:un)?wahrscheinlich|(?:un)?likely)/;

type TriggerMatch = Match<{ kind: TriggerKind; certainty?: number }>;

/**
 * How far a trigger's scope reaches at most, in characters. Scopes end at clause and sentence ends long before this
 * in any report; the bound keeps a text without sentence ends (a flattened table, pasted junk) from costing time
 * that grows with the square of its length.
 */
const MAX_SCOPE = 500;

/**
 * A sentence's triggers, sorted by start (and so by end: they do not overlap), with each pre-trigger's scope end
 * found once for all the sentence's mentions.
 */
interface SentenceTriggers {
  list: TriggerMatch[];
  /** Per trigger, the end of its scope as a pre-trigger; -1 until asked. */
  preEnds: Int32Array;
  /** The end of the first stating trigger ("vereinbar mit"); Infinity when there is none. */
  firstAffirmEnd: number;
}

/**
 * Stating phrases that also end a scope ("kein Ödem, vereinbar mit Myokarditis"): the lexicon lists them both as
 * terminators and as stating triggers, and the terminator takes the span, so a terminator whose words are one of
 * them states too. (They are plain phrases: the match, its blanks and hyphens as one space, is the pattern.)
 */
const STATING_TERMINATORS = new Set(TRIGGERS.filter((t) => t.kind === 'affirm' && TRIGGERS.some((u) => u.kind === 'term' && u.pattern === t.pattern)).map((t) => t.pattern));

function sentenceTriggers(folded: string, list: TriggerMatch[]): SentenceTriggers {
  let firstAffirmEnd = Infinity;
  for (const t of list) {
    if (t.def.kind === 'affirm' || (t.def.kind === 'term' && STATING_TERMINATORS.has(folded.slice(t.start, t.end).replace(/[ \t-]+/g, ' ')))) firstAffirmEnd = Math.min(firstAffirmEnd, t.end);
  }
  return { list, preEnds: new Int32Array(list.length).fill(-1), firstAffirmEnd };
}

/** Where the pre-trigger `k` scope ends before any comma: the sentence end, a terminator or the next pre-trigger of its kind. */
function terminatedEnd(triggers: SentenceTriggers, k: number, sentenceEnd: number): number {
  const trigger = triggers.list[k]!;
  const category = CATEGORY(trigger.def.kind);
  const end = Math.min(sentenceEnd, trigger.end + MAX_SCOPE);
  for (let j = k + 1; j < triggers.list.length; j++) {
    const t = triggers.list[j]!;
    if (t.start >= end) break;
    if (t.start < trigger.end) continue;
    if (t.def.kind === 'term' || (CATEGORY(t.def.kind) === category && t.def.kind.endsWith('pre'))) return t.start;
  }
  return end;
}

/**
 * An absence of evidence before a bare list of names ("Keine Hinweise für Myokarditis, Sarkoidose, Amyloidose", "no
 * evidence of myocarditis, sarcoidosis, amyloidosis") denies every diagnosis of the list. Only diagnoses: in telegram
 * style a comma also starts the next finding ("Kein Hinweis auf Ödem, normale LV-Funktion").
 */
function deniesDiagnosisList(folded: string, triggers: SentenceTriggers, k: number, sentenceEnd: number, span: Span): boolean {
  const trigger = triggers.list[k]!;
  if (trigger.def.kind !== 'neg-pre' || !NO_EVIDENCE.test(folded.slice(trigger.start, trigger.end))) return false;
  const list = NEGATED_LIST.exec(folded.slice(trigger.end, terminatedEnd(triggers, k, sentenceEnd)));
  return list !== null && !LIST_QUALIFIER.test(list[0]) && trigger.end + list[0].length >= span.end;
}

/**
 * Where the pre-trigger `k` scope ends: the sentence end, a terminator, the next trigger of the same kind (a
 * negation runs on past "prior" in "no evidence of prior infarction"), or a comma that ends the list.
 */
function preScopeEnd(folded: string, triggers: SentenceTriggers, k: number, sentenceEnd: number): number {
  const known = triggers.preEnds[k]!;
  if (known !== -1) return known;
  const trigger = triggers.list[k]!;
  const bound = trigger.end + MAX_SCOPE;
  let end = terminatedEnd(triggers, k, sentenceEnd);
  const category = CATEGORY(trigger.def.kind);
  // A hedge covers the diagnosis it names, not the findings that come "with" it ("resembling DCM with extensive scar"),
  // unless a verb after them brings the diagnoses ("the differential of chest pain with normal coronaries includes ...").
  if (category === 'unc' || (category === 'neg' && NORMAL_IN.test(folded.slice(trigger.start, trigger.end)))) {
    const scope = folded.slice(trigger.end, end);
    const withAt = WITH.exec(scope);
    if (withAt && !LISTING_VERB.test(scope.slice(withAt.index))) end = trigger.end + withAt.index;
  }
  // A differential names its candidates as a list, often without a conjunction ("DD Myokarditis, Sarkoidose,
  // Amyloidose") or in parentheses ("DD nicht-ischämische Kardiomyopathien (Myokarditis, Sarkoidose)"): every item is a
  // candidate.
  const differential = category === 'unc' && DIFFERENTIAL.test(folded.slice(trigger.start, trigger.end));
  let comma = trigger.end;
  for (let depth = 0; comma < end; comma++) {
    const c = folded.charCodeAt(comma);
    if (differential && c === 40) depth++;
    else if (differential && c === 41) depth = Math.max(0, depth - 1);
    else if (c === 44 && depth === 0) break;
  }
  if (comma < end) {
    const scope = folded.slice(trigger.end, end);
    const list = (end === bound && bound < sentenceEnd ? LIST_INSIDE : LIST).exec(scope)?.[0].length ?? -1;
    // Such a list may hold a conjunction inside an item ("DD Amyloidose (AL oder ATTR), HCM"): the longer reading.
    const candidates = differential ? Math.max(list, DIFFERENTIAL_LIST.exec(scope)?.[0].length ?? -1) : list;
    end = candidates >= 0 ? trigger.end + candidates : comma;
  }
  triggers.preEnds[k] = end;
  return end;
}

/**
 * Whether a clause ends between `from` and a post-trigger at `to`: a comma, semicolon, colon or dash outside
 * parentheses ("(Myokarditis, Takotsubo) unwahrscheinlich" lists, it does not end the clause). A post-trigger
 * reaches back to the start of its clause, so it covers a mention at `from` only when none stands between.
 */
function clauseEndsBetween(folded: string, from: number, to: number): boolean {
  let depth = 0;
  for (let i = to - 1; i >= from; i--) {
    const ch = folded[i]!;
    if (ch === ')') depth++;
    else if (ch === '(') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === ',' || ch === ';' || ch === ':' || ch === '–')) return true;
  }
  return false;
}

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * German "nicht" before an inflected adjective negates that adjective, not the noun it qualifies: "nicht obstruktive
 * hypertrophe Kardiomyopathie" is an HCM, "nicht dilatierter LV mit eingeschränkter EF" has a reduced EF, "nicht
 * kontrastmittelaufnehmender Füllungsdefekt" is a filling defect. (A predicate is not inflected: "ist nicht
 * dilatiert" negates as before.) Adjectives of being seen and of degree deny the noun itself ("nicht nachweisbare
 * Narbe", "nicht relevante Stenosen", "nicht sichere Hinweise"), so they keep the whole scope, as do articles and
 * pronouns ("nicht dem Infarktmuster entsprechendes LGE"). Folded text: no umlauts.
 */
const ATTRIBUTIVE_NICHT = /^[ -](?!\w*bare?[rsmn]?\b|vorhanden|relevant|signifikant|wesentlich|nennenswert|bedeutsam|bedeutend|hochgradig|hohergradig|hamodynamisch|sicher|eindeutig|gesichert|typisch|sonstig|weiter|andere|ein|dies|jen|sein|ihr|kein|jed|all|manch|solch|welch)[a-z]{3,}e[rsmn]? (?=[a-z0-9])/;

/** Where an attributive "nicht" (see ATTRIBUTIVE_NICHT) stops: the end of its adjective; -1 for any other trigger. */
function attributiveEnd(folded: string, t: TriggerMatch): number {
  if (t.def.kind !== 'neg-pre' || t.end - t.start !== 5 || !folded.startsWith('nicht', t.start)) return -1;
  const adjective = ATTRIBUTIVE_NICHT.exec(folded.slice(t.end, t.end + 40));
  return adjective ? t.end + adjective[0].length - 1 : -1;
}

/** The first trigger whose end is at or after `pos` (triggers are sorted by end). */
function firstEndingFrom(list: TriggerMatch[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.end < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function applyContext(mention: Mention, folded: string, triggers: SentenceTriggers): void {
  const { span, sentence } = mention;
  const list = triggers.list;
  // For each kind (negation, uncertainty, history, question): the nearest pre-trigger whose scope reaches the
  // mention, and the nearest post-trigger after it in the same clause. Only triggers within MAX_SCOPE can reach.
  const found: TriggerMatch[] = [];
  const nearestPre = new Map<string, TriggerMatch>();
  for (let k = firstEndingFrom(list, span.end - MAX_SCOPE); k < list.length; k++) {
    const t = list[k]!;
    if (t.end > span.start) break;
    if (!t.def.kind.endsWith('pre')) continue;
    const adjectiveEnd = attributiveEnd(folded, t);
    const reaches =
      adjectiveEnd !== -1 ? span.start < adjectiveEnd : preScopeEnd(folded, triggers, k, sentence.end) >= span.end || (mention.concept.startsWith('dx:') && deniesDiagnosisList(folded, triggers, k, sentence.end, span));
    if (reaches) nearestPre.set(CATEGORY(t.def.kind), t);
  }
  for (const t of nearestPre.values()) found.push(t);
  for (let k = firstEndingFrom(list, span.end); k < list.length; k++) {
    const t = list[k]!;
    if (t.start < span.end) continue;
    if (t.start - span.end > 60) break;
    // "nicht (sicher) auszuschließen (ist)" and "vs." hedge what stands before them as well as what follows them.
    const said = folded.slice(t.start, t.end);
    const both = t.def.kind === 'unc-pre' && (BOTH_WAYS.test(said) || (BACK_AT_CLAUSE_END.test(said) && CLAUSE_END_AHEAD.test(folded.slice(t.end, t.end + 3))));
    if (!(t.def.kind.endsWith('post') || both)) continue;
    if (clauseEndsBetween(folded, Math.max(span.start, sentence.start), t.start) && !listVerdictCovers(folded, sentence.start, span, t)) continue;
    // A suffix ("oedema-like", "sarkoid-artig", "infarct-type") hedges the word it is attached to, not the clause.
    if (folded.charCodeAt(t.start) === 45 && t.start > 0 && isWordChar(folded.charCodeAt(t.start - 1)) && span.end !== t.start) continue;
    found.push(t);
    break;
  }
  const kinds = (k: string) => found.find((t) => t.def.kind.startsWith(k));
  // The "Fragestellung:" heading asks about diagnoses; a symptom or event it lists ("Fragestellung: Rezidivierende
  // VT, ...") is a given, unless it is asked about itself ("VT?", "Ausschluss KHK").
  const ask = found.find((t) => t.def.kind.startsWith('ask') && !(mention.concept.startsWith('ctx:') && folded.startsWith('fragestellung', t.start)));
  const neg = kinds('neg');
  // Several hedges ("DD ... eher unwahrscheinlich"): the most doubtful one counts.
  const unc = found.filter((t) => t.def.kind.startsWith('unc')).sort((a, b) => (a.def.certainty ?? 0.6) - (b.def.certainty ?? 0.6))[0];
  const hist = kinds('hist');
  if (ask) {
    mention.status = 'asked';
    mention.trigger = { kind: ask.def.kind, span: { start: ask.start, end: ask.end } };
  } else if (neg) {
    mention.status = 'negated';
    mention.certainty = 0;
    mention.trigger = { kind: neg.def.kind, span: { start: neg.start, end: neg.end } };
  } else if (unc) {
    mention.status = 'uncertain';
    mention.certainty = unc.def.certainty ?? 0.6;
    mention.trigger = { kind: unc.def.kind, span: { start: unc.start, end: unc.end } };
  } else if (hist) {
    mention.status = 'historical';
    mention.trigger = { kind: hist.def.kind, span: { start: hist.start, end: hist.end } };
  }
}
