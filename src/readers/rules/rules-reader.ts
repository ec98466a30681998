/**
 * The guideline engine as a reader: parse the report, find its findings with their ConText status, score
 * every category with the criteria, abstain when the text gives nothing to judge (abstain.ts), and answer in
 * the active taxonomy's categories (outcome-map.ts) with the score per engine category, the criteria that
 * fired and evidence quotes taken from the text. Deterministic; needs no model or server.
 */
import type { Report } from '../../report/report.js';
import { parseReport, type ParsedReport } from '../../report/parse-report.js';
import { DEFAULT_TAXONOMY, UNCLASSIFIED, type Taxonomy } from '../../taxonomy/taxonomy.js';
import type { Evidence, Prediction, Reader } from '../reader.js';
import { abstain, fromThisExam, measuredByThisExam, type Abstention } from './abstain.js';
import { score, type Scored } from './criteria.js';
import { marginConfidence } from './rules-confidence.js';
import { findFindings, type Mention } from './find-findings.js';
import { buildOutcomeMap, type OutcomeMap, type Resolved } from './outcome-map.js';
import { outcomeName } from './outcomes.js';
import { RulesWorkers } from './rules-workers.js';

export const RULES_READER_ID = 'rules';

export interface RulesResult extends Scored {
  parsed: ParsedReport;
  mentions: Mention[];
  signals: () => Mention[];
  /** Set when the engine gives no category: why. */
  abstention: Abstention | null;
}

/** Runs the engine on one report and keeps everything an explanation needs. */
export function applyRules(report: Report): RulesResult {
  const parsed = parseReport(report, { parts: false });
  const { mentions, signals } = findFindings(report.text, parsed.sections, parsed.folded, parsed.index);
  const scored = score(mentions, parsed.measurements, signals, { folded: parsed.folded, fromThisExam: fromThisExam(parsed.folded, parsed.sections), measuredByThisExam: measuredByThisExam(parsed.folded) });
  const abstention = abstain({ text: report.text, folded: parsed.folded, scored, mentions, signals, measurements: parsed.measurements, sections: parsed.sections });
  const { category, scores, criteria, subtype, normal } = scored;
  return { category, scores, criteria, subtype, normal, parsed, mentions, signals, abstention };
}

/** The answer in the taxonomy's terms: a category, or UNCLASSIFIED with its reason. */
export function answerOf(result: RulesResult, outcomes: OutcomeMap): Resolved {
  if (result.abstention) return { unclassified: { reason: result.abstention.reason, message: result.abstention.message } };
  return outcomes.resolve(result.category, result.subtype);
}

let defaultOutcomes: OutcomeMap | undefined;

/** The engine's category for one report (or UNCLASSIFIED), in the default taxonomy unless told otherwise. */
export function rulesCategory(report: Report, outcomes: OutcomeMap = (defaultOutcomes ??= buildOutcomeMap(DEFAULT_TAXONOMY))): string {
  const answer = answerOf(applyRules(report), outcomes);
  return 'category' in answer ? answer.category : UNCLASSIFIED;
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

/** The engine's prediction for one report, in the taxonomy of `outcomes`, in this thread. */
export function rulesPrediction(report: Report, outcomes: OutcomeMap): Prediction {
  const started = performance.now();
  const result = applyRules(report);
  const answer = answerOf(result, outcomes);
  const prediction: Prediction = {
    id: report.id,
    model: RULES_READER_ID,
    category: 'category' in answer ? answer.category : UNCLASSIFIED,
    evidence: result.abstention
      ? result.abstention.spans.slice(0, 3).map((s) => ({ quote: report.text.slice(s.start, s.end), start: s.start, end: s.end, alignment: 'exact' as const }))
      : evidenceFor(report.text, result),
    criteria: result.criteria.filter((c) => c.weight !== 0 && c.id !== 'normal.base'),
    scores: result.scores,
    confidence: 'category' in answer ? marginConfidence(result.scores, result.category) : null,
    seconds: 0,
    error: null,
  };
  if ('unclassified' in answer) prediction.unclassified = answer.unclassified;
  // What the engine itself read, before the taxonomy: "OTHER.takotsubo", "MYO".
  if (!result.abstention) prediction.details = result.subtype ? { outcome: outcomeName(result.category, result.subtype), subtype: result.subtype } : { outcome: result.category };
  prediction.seconds = (performance.now() - started) / 1000;
  return prediction;
}

/** @param taxonomy the active taxonomy; refused (ConfigError) when a category has no engine criteria. */
export function createRulesReader(taxonomy: Taxonomy = DEFAULT_TAXONOMY): Reader {
  const outcomes = buildOutcomeMap(taxonomy);
  const classifyHere = (report: Report) => rulesPrediction(report, outcomes);
  let workers: RulesWorkers | undefined;
  const reader: Reader = {
    id: RULES_READER_ID,
    /**
     * A large batch goes to worker threads and this thread together (rules-workers.ts); a small one is
     * classified here, one by one.
     */
    async classifyMany(reports: Report[]): Promise<Prediction[]> {
      workers ??= new RulesWorkers(taxonomy, undefined, classifyHere);
      if (workers.worthIt(reports.length)) return workers.classify(reports);
      const out: Prediction[] = [];
      for (const report of reports) out.push(await reader.classify(report));
      return out;
    },
    async close(): Promise<void> {
      await workers?.close();
    },
    async classify(report: Report): Promise<Prediction> {
      return classifyHere(report);
    },
  };
  return reader;
}
