/**
 * Splits a report into its sections by headings (Befund, Beurteilung, Findings, Impression, ...) and, where
 * headings are missing, by layout: blocks of lines dominated by numbers and units are the quantitative
 * part. History/indication lines and the assessment get their own spans because they mean different
 * things to a classifier: a question about myocarditis is not a finding of myocarditis.
 */
import type { Span } from './report.js';
import { foldText } from './fold-text.js';

export type SectionKind =
  | 'preamble'
  | 'body'
  | 'history'
  | 'technique'
  | 'quantitative'
  | 'findings'
  | 'assessment'
  | 'recommendation'
  | 'comparison'
  | 'admin';

export interface Section {
  kind: SectionKind;
  /** The heading as printed ("Beurteilung"), or null for text before the first heading. */
  heading: string | null;
  /** The body, without the heading. */
  span: Span;
}

/** Heading words per section kind, folded (lower case, no umlauts). Longer phrases are listed first. */
const HEADINGS: [SectionKind, string[]][] = [
  ['history', ['rechtfertigende indikation', 'klinische angaben', 'klinische information', 'klinische informationen', 'klinischer hintergrund', 'klinische fragestellung', 'anamnese und fragestellung', 'anamnese/fragestellung', 'klinik und fragestellung', 'klinik/fragestellung', 'indikation und fragestellung', 'indikation/fragestellung', 'anamnese', 'klinik', 'indikation', 'fragestellung', 'vorgeschichte', 'frage', 'fs', 'ueberweisungsgrund', 'uberweisungsgrund', 'zuweisungsdiagnose', 'clinical history', 'clinical information', 'clinical indication', 'clinical question', 'clinical details', 'clinical background', 'reason for referral', 'reason for examination', 'reason for exam', 'reason for study', 'history', 'indication', 'indications', 'question', 'referral', 'background', 'presentation']],
  ['technique', ['untersuchungstechnik', 'untersuchungsprotokoll', 'technik', 'protokoll', 'sequenzen', 'methodik', 'methode', 'methoden', 'untersuchung', 'kontrastmittel', 'technique', 'protocol', 'imaging protocol', 'sequences', 'methods', 'procedure', 'contrast', 'examination']],
  ['quantitative', ['quantitative auswertung', 'quantitative analyse', 'quantitative befunde', 'quantitative werte', 'quantitativ', 'messwerte', 'messergebnisse', 'volumetrie', 'funktionsanalyse', 'funktionsparameter', 'kennwerte', 'quantifizierung', 'quantitative analysis', 'quantitative results', 'quantitative', 'quantification', 'measurements', 'volumetry', 'cardiac measurements']],
  ['findings', ['befund und beurteilung', 'befundbeschreibung', 'befunde', 'befund', 'ergebnisse', 'ergebnis', 'findings', 'results', 'report', 'description', 'observations']],
  ['assessment', ['zusammenfassende beurteilung', 'beurteilung und empfehlung', 'zusammenfassung und beurteilung', 'beurteilung', 'zusammenfassung', 'diagnosen', 'diagnose', 'fazit', 'bewertung', 'schlussfolgerung', 'interpretation', 'impression', 'impressions', 'conclusions', 'conclusion', 'summary', 'assessment', 'opinion', 'final diagnosis', 'diagnosis']],
  ['recommendation', ['empfehlungen', 'empfehlung', 'procedere', 'prozedere', 'weiteres vorgehen', 'recommendations', 'recommendation', 'plan', 'suggestion']],
  ['comparison', ['vergleichsuntersuchung', 'voruntersuchung', 'vergleich', 'comparison', 'prior studies', 'prior study']],
  ['admin', ['datum', 'patient', 'patientin', 'name', 'geburtsdatum', 'untersucher', 'befundender arzt', 'arzt', 'date', 'signed', 'unterschrift', 'mit freundlichen grussen', 'mit kollegialen grussen', 'referring physician', 'zuweiser', 'einsender']],
];

const HEADING_WORDS = new Map<string, SectionKind>();
for (const [kind, words] of HEADINGS) for (const word of words) HEADING_WORDS.set(word, kind);

const PHRASES = [...HEADING_WORDS.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[/]/g, '\\/'));
/**
 * A heading opens a line (after bullets, numbering, markdown), and is followed by a colon and text, or stands
 * alone on its line (optionally in capitals or bold). "Zur Beurteilung der Vitalität..." is prose, not a heading.
 */
const HEADING_LINE = new RegExp(
  String.raw`^(\s*(?:#{1,4}\s*|\*\*|__)?\s*(?:[ivx]{1,3}[.)]\s*|\d{1,2}[.)]\s*)?(?:\*\*|__)?)(${PHRASES.join('|')})((?:\s*\([^)\n]{0,30}\))?\s*(?:\*\*|__)?\s*(?::|-{1,2}\s|–\s|$)\s*(?:\*\*|__)?\s*)`,
);

interface Line {
  start: number;
  end: number;
  text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    lines.push({ start, end: start + part.length, text: part });
    start += part.length + 1;
  }
  return lines;
}

export function splitSections(text: string, folded = foldText(text)): Section[] {
  const sections: Section[] = [];
  let current: Section = { kind: 'preamble', heading: null, span: { start: 0, end: 0 } };
  for (const line of splitLines(folded)) {
    const m = HEADING_LINE.exec(line.text);
    if (m) {
      current.span.end = Math.max(current.span.start, line.start - 1);
      sections.push(current);
      const headingStart = line.start + m[1]!.length;
      const kind = HEADING_WORDS.get(m[2]!)!;
      const bodyStart = line.start + m[0].length;
      current = { kind, heading: text.slice(headingStart, headingStart + m[2]!.length), span: { start: bodyStart, end: bodyStart } };
    }
  }
  current.span.end = text.length;
  sections.push(current);
  // Loops, not flatMap (generic and slow in V8: measured as a third of this function's own time).
  const out: Section[] = [];
  for (const section of sections) for (const s of closeShortSection(text, section)) if (s.heading !== null || text.slice(s.span.start, s.span.end).trim() !== '') out.push(s);
  return out;
}

const SHORT_KINDS = new Set<SectionKind>(['history', 'technique', 'admin']);
const LABEL_LINE = /^\s*[-*•]?\s*[A-Za-zÄÖÜ][\wäöüß ./-]{0,30}:/;

/**
 * History, technique and admin sections are a line or a paragraph. Text after them without a heading of its
 * own ("Fragestellung: HCM?" then a blank line, or a line "LV: EDV 150 ml, EF 60 %") is the report's body.
 */
function closeShortSection(text: string, section: Section): Section[] {
  if (!SHORT_KINDS.has(section.kind)) return [section];
  const lines = splitLines(text.slice(section.span.start, section.span.end));
  let seenContent = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const blank = line.text.trim() === '';
    const startsSomethingElse =
      seenContent && (blank || isQuantitativeLine(line.text) || isTableHeader(line.text) || LABEL_LINE.test(line.text));
    if (startsSomethingElse) {
      const cut = section.span.start + line.start;
      return [
        { ...section, span: { start: section.span.start, end: Math.max(section.span.start, cut - 1) } },
        { kind: 'body', heading: null, span: { start: cut, end: section.span.end } },
      ];
    }
    if (!blank) seenContent = true;
  }
  return [section];
}

/* ---------- Quantitative lines inside narrative sections ---------- */

const NUMBER_TOKEN = /^[<>≤≥~±([]*\d/;
const UNIT_TOKEN = /^(?:ml\/m²|ml\/m2|ml|g\/m²|g\/m2|g|%|mm|cm|ms|t|cm²|cm2|l\/min(?:\/m²)?|mmhg|m²|bpm|\/min|\(?norm\)?|-|–|\|)$/i;
const TABLE_HEADER_WORD = /(?<![a-zäöü])(?:parameter|messwerte?|messung|wert|werte|value|values|measured|measurement|norm|normwerte?|normbereich|normal|range|referenz|referenzbereich|reference|einheit|unit|lv|rv|ergebnis|result)(?![a-zäöü])/i;

/**
 * A line is quantitative when numbers outweigh prose: "LVEDV 152 ml (78 ml/m²), LVEF 60 %" is, "Die LVEF ist mit
 * 55 % normal." is not. A leading list number ("1.") does not count.
 */
export function isQuantitativeLine(line: string): boolean {
  const tokens = line.replace(/^\s*(?:\d{1,2}[.)]\s+|[-*•]\s*)/, '').split(/[\s|;,]+/).filter(Boolean);
  let numbers = 0;
  let words = 0;
  for (const token of tokens) {
    if (NUMBER_TOKEN.test(token)) numbers++;
    else if (UNIT_TOKEN.test(token)) continue;
    else if (/[a-zäöüß]{2,}/i.test(token)) words++;
  }
  return numbers > 0 && numbers * 2 >= words;
}

/** "Parameter   Wert   Norm", "| Parameter | Wert |": column names, no digits, separated like cells. */
export function isTableHeader(line: string): boolean {
  // (Taking out the words "LV" and "RV" first cannot remove a digit: the test is on the line itself.)
  if (/\d/.test(line)) return false;
  const cells = line.trim().split(/\t|\s{2,}|\|/).filter((c) => c.trim() !== '');
  return cells.length >= 2 && cells.length <= 8 && cells.filter((c) => TABLE_HEADER_WORD.test(c)).length >= Math.min(2, cells.length - 1);
}

export interface Parts {
  narrative: Span[];
  quantitative: Span[];
  history: Span[];
  assessment: Span[];
}

/**
 * The parts a classifier reads: narrative = findings, assessment, recommendation and comparison prose
 * (and untitled text when there is no findings heading); quantitative = quantitative sections plus the
 * number-dominated lines of the narrative sections.
 */
export function splitParts(text: string, sections: Section[]): Parts {
  const parts: Parts = { narrative: [], quantitative: [], history: [], assessment: [] };
  const hasFindings = sections.some((s) => s.kind === 'findings' || s.kind === 'quantitative');
  for (const section of sections) {
    const { kind, span } = section;
    // Loops, not push(...): a spread of a section's lines overflows the call stack on huge texts (issue 10).
    if (kind === 'history') for (const l of trimmedLines(text, span)) parts.history.push(l);
    if (kind === 'assessment') for (const l of trimmedLines(text, span)) parts.assessment.push(l);
    if (kind === 'quantitative') {
      for (const l of trimmedLines(text, span)) parts.quantitative.push(l);
      continue;
    }
    const narrativeKind =
      kind === 'findings' || kind === 'body' || kind === 'assessment' || kind === 'recommendation' || kind === 'comparison' || (kind === 'preamble' && !hasFindings);
    if (!narrativeKind) continue;
    const lines = trimmedLines(text, span);
    lines.forEach((line, i) => {
      const lineText = text.slice(line.start, line.end);
      const next = lines[i + 1];
      const headerOfTable = next !== undefined && isQuantitativeLine(text.slice(next.start, next.end)) && (isTableHeader(lineText) || /^[^\d]{1,30}:\s*$/.test(lineText));
      if (kind !== 'assessment' && (isQuantitativeLine(lineText) || headerOfTable)) parts.quantitative.push(line);
      else parts.narrative.push(line);
    });
  }
  return {
    narrative: mergeSpans(text, parts.narrative),
    quantitative: mergeSpans(text, parts.quantitative),
    history: mergeSpans(text, parts.history),
    assessment: mergeSpans(text, parts.assessment),
  };
}

/** The non-blank lines of a span, each trimmed, as spans. */
function trimmedLines(text: string, span: Span): Span[] {
  const out: Span[] = [];
  for (const line of splitLines(text.slice(span.start, span.end))) {
    const raw = line.text;
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body === '') continue;
    const start = span.start + line.start + lead;
    out.push({ start, end: start + body.length });
  }
  return out;
}

/** Joins spans that follow each other with only whitespace between them. */
function mergeSpans(text: string, spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && text.slice(last.end, span.start).trim() === '' && !/\n\s*\n/.test(text.slice(last.end, span.start))) last.end = span.end;
    else out.push({ ...span });
  }
  return out;
}

export function textOf(text: string, spans: Span[]): string {
  return spans.map((s) => text.slice(s.start, s.end)).join('\n');
}
