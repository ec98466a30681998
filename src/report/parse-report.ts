/**
 * One parsed report: its sections, its parts (narrative, quantitative, history, assessment) as spans into the
 * text, and its measurements. This is what `cmrdx parse` prints and what readers consume.
 */
import type { Lang, Report, Span } from './report.js';
import { detectLanguage } from './detect-language.js';
import { extractMeasurements, type Measurement } from './extract-measurements.js';
import { numberStyleOf } from './parse-number.js';
import { splitParts, splitSections, textOf, type Parts, type Section } from './split-sections.js';

export interface ParsedReport {
  id: string;
  text: string;
  lang: Lang;
  sections: Section[];
  parts: Parts;
  measurements: Measurement[];
}

export function parseReport(report: Report): ParsedReport {
  const { text } = report;
  const lang = report.lang ?? detectLanguage(text);
  const sections = splitSections(text);
  return {
    id: report.id,
    text,
    lang,
    sections,
    parts: splitParts(text, sections),
    measurements: extractMeasurements(text, numberStyleOf(text)),
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
