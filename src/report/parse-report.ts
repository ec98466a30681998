/**
 * One parsed report: its sections, its parts (narrative, quantitative, history, assessment) as spans into the
 * text, and its measurements. This is what `cmrdx parse` prints and what readers consume.
 */
import type { Lang, Report, Span } from './report.js';
import { detectLanguage } from './detect-language.js';
import { foldText } from './fold-text.js';
import { extractMeasurements, type Measurement } from './extract-measurements.js';
import { numberStyleOf } from './parse-number.js';
import { TextIndex } from './pattern-index.js';
import { splitParts, splitSections, textOf, type Parts, type Section } from './split-sections.js';

export interface ParsedReport {
  id: string;
  text: string;
  /** The text folded for matching (lower case, no umlauts), same length as `text`. */
  folded: string;
  /** Where lexicon patterns can match in `folded`, shared by the measurement extractor and the guideline engine. */
  index: TextIndex;
  lang: Lang;
  sections: Section[];
  parts: Parts;
  measurements: Measurement[];
}

/**
 * `parts: false` is the guideline engine's fast path: it reads sections and findings, so the parts are not
 * split and the language (which it does not need) is not detected.
 */
export function parseReport(report: Report, options: { parts?: boolean } = {}): ParsedReport {
  const { text } = report;
  const lang = report.lang ?? (options.parts === false ? 'de' : detectLanguage(text));
  const folded = foldText(text);
  const index = new TextIndex(folded);
  const sections = splitSections(text, folded);
  return {
    id: report.id,
    text,
    folded,
    index,
    lang,
    sections,
    parts: options.parts === false ? { narrative: [], quantitative: [], history: [], assessment: [] } : splitParts(text, sections),
    measurements: extractMeasurements(text, numberStyleOf(text), folded, index),
  };
}

/** The parse output as JSON: part texts for reading, and their spans for tools that highlight them. */
export function parsedReportJson(parsed: ParsedReport) {
  const { text, parts } = parsed;
  const spans = (list: Span[]) => list.map((s) => [s.start, s.end]);
  return {
    id: parsed.id,
    lang: parsed.lang,
    narrative: textOf(text, parts.narrative),
    quantitative: textOf(text, parts.quantitative),
    history: textOf(text, parts.history),
    assessment: textOf(text, parts.assessment),
    spans: {
      narrative: spans(parts.narrative),
      quantitative: spans(parts.quantitative),
      history: spans(parts.history),
      assessment: spans(parts.assessment),
    },
    sections: parsed.sections.map((s) => ({ kind: s.kind, heading: s.heading, span: s.span })),
    measurements: parsed.measurements,
  };
}
