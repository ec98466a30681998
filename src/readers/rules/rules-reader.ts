/**
 * The guideline engine as a reader: parse the report, find its findings with their ConText status, score
 * every category with the criteria, and answer with the winning category, the score per category, the
 * criteria that fired and evidence quotes taken from the text. Deterministic; needs no model or server.
 */
import type { Report } from '../../report/report.js';
import { parseReport, type ParsedReport } from '../../report/parse-report.js';
import type { Evidence, Prediction, Reader } from '../reader.js';
import { score, type Scored } from './criteria.js';
import { marginConfidence } from './rules-confidence.js';
import { findFindings, type Mention } from './find-findings.js';

export const RULES_READER_ID = 'rules';

export interface RulesResult extends Scored {
  parsed: ParsedReport;
  mentions: Mention[];
}

/** Runs the engine on one report and keeps everything an explanation needs. */
export function applyRules(report: Report): RulesResult {
  const parsed = parseReport(report, { parts: false });
  const { mentions } = findFindings(report.text, parsed.sections, parsed.folded, parsed.index);
  return { ...score(mentions, parsed.measurements), parsed, mentions };
}

/** Quotes for the chosen category: the text of its strongest criteria, each sentence once. */
export function evidenceFor(text: string, result: Scored, limit = 3): Evidence[] {
  const fired = result.criteria.filter((c) => c.category === result.category && c.weight > 0 && c.spans.length > 0).sort((a, b) => b.weight - a.weight);
  const out: Evidence[] = [];
  const seen = new Set<string>();
  for (const criterion of fired) {
    for (const span of criterion.spans) {
      const key = `${span.start}:${span.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ quote: text.slice(span.start, span.end), start: span.start, end: span.end, alignment: 'exact' });
      break;
    }
    if (out.length >= limit) break;
  }
  return out;
}

export function createRulesReader(): Reader {
  return {
    id: RULES_READER_ID,
    async classify(report: Report): Promise<Prediction> {
      const started = performance.now();
      const result = applyRules(report);
      return {
        id: report.id,
        model: RULES_READER_ID,
        category: result.category,
        evidence: evidenceFor(report.text, result),
        criteria: result.criteria.filter((c) => c.weight !== 0 && c.id !== 'normal.base'),
        scores: result.scores,
        confidence: marginConfidence(result.scores, result.category),
        seconds: (performance.now() - started) / 1000,
        error: null,
      };
    },
  };
}
