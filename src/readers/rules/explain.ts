/**
 * Why the guideline engine chose its category: the findings it read with their status (affirmed, negated,
 * uncertain, historical, asked about), the signals about the exam and about normality, the measurements, the
 * score per category and the criteria for and against, each with the words of the report it came from; and,
 * when it gave no category, why not. The answer is in the active taxonomy's categories, with the engine's own
 * outcome beside it.
 */
import type { Report } from '../../report/report.js';
import { DEFAULT_TAXONOMY, UNCLASSIFIED, type Taxonomy, type UnclassifiedReason } from '../../taxonomy/taxonomy.js';
import type { Mention } from './find-findings.js';
import { buildOutcomeMap } from './outcome-map.js';
import { outcomeName } from './outcomes.js';
import { answerOf, applyRules } from './rules-reader.js';

interface ExplainedMention {
  concept: string;
  subtype?: string;
  status: string;
  certainty: number;
  section: string;
  quote: string;
  trigger?: string;
  attributes: string[];
}

export interface Explanation {
  id: string;
  /** The answer in the taxonomy's categories, or UNCLASSIFIED. */
  category: string;
  /** What the engine read before the taxonomy ("OTHER.takotsubo"); null when it abstained. */
  outcome: string | null;
  unclassified?: { reason: UnclassifiedReason; message: string };
  /** The engine category with the highest score (NORMAL when no disease has positive evidence). */
  topScored: string;
  scores: Record<string, number>;
  findings: ExplainedMention[];
  signals: ExplainedMention[];
  /** Positive evidence of a normal study, when the engine considered NORMAL. */
  normalEvidence: { kind: string; quotes: string[] }[];
  measurements: { key: string; value: number; unit: string | null; ref: string | null }[];
  criteria: { category: string; weight: number; id: string; description: string; quotes: string[] }[];
}

export function explain(report: Report, taxonomy: Taxonomy = DEFAULT_TAXONOMY): Explanation {
  const result = applyRules(report);
  const answer = answerOf(result, buildOutcomeMap(taxonomy));
  const { text } = report;
  const describe = (m: Mention): ExplainedMention => ({
    concept: m.concept,
    ...(m.subtype ? { subtype: m.subtype } : {}),
    status: m.status,
    certainty: m.certainty,
    section: m.section,
    quote: text.slice(m.span.start, m.span.end),
    ...(m.trigger ? { trigger: text.slice(m.trigger.span.start, m.trigger.span.end) } : {}),
    attributes: [...m.attrs],
  });
  return {
    id: report.id,
    category: 'category' in answer ? answer.category : UNCLASSIFIED,
    outcome: result.abstention ? null : outcomeName(result.category, result.subtype),
    ...('unclassified' in answer ? { unclassified: answer.unclassified } : {}),
    topScored: result.category,
    scores: result.scores,
    findings: result.mentions.map(describe),
    signals: result.signals().map(describe),
    normalEvidence: (result.normal ?? []).map((e) => ({ kind: e.kind, quotes: e.spans.map((s) => oneLine(text.slice(s.start, s.end))) })),
    measurements: result.parsed.measurements.map((m) => ({ key: m.key, value: m.value, unit: m.unit, ref: m.ref?.text ?? null })),
    criteria: result.criteria
      .filter((c) => c.weight !== 0 && c.id !== 'normal.base')
      .map((c) => ({ category: c.category, weight: c.weight, id: c.id, description: c.description, quotes: c.spans.map((s) => oneLine(text.slice(s.start, s.end))) })),
  };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function mentionLine(f: ExplainedMention): string {
  const status = f.status === 'uncertain' ? `uncertain ${f.certainty}` : f.status;
  const concept = f.subtype ? `${f.concept}/${f.subtype}` : f.concept;
  const attrs = f.attributes.length > 0 ? ` (${f.attributes.join(', ')})` : '';
  return `  ${f.section.padEnd(12)} ${status.padEnd(16)} ${concept.padEnd(20)} "${oneLine(f.quote)}"${f.trigger ? ` [${f.trigger}]` : ''}${attrs}`;
}

export function renderExplanation(e: Explanation): string {
  const ranked = Object.entries(e.scores).sort((a, b) => b[1] - a[1]);
  const mapped = e.outcome !== null && e.outcome !== e.category ? ` (engine outcome ${e.outcome})` : '';
  const head = e.unclassified
    ? `Report ${e.id}: rules gave no category (UNCLASSIFIED, ${e.unclassified.reason}): ${e.unclassified.message}`
    : `Report ${e.id}: rules chose ${e.category}${mapped} (score ${e.scores[e.topScored]}; next ${ranked[1]?.[0]} ${ranked[1]?.[1]})`;
  const lines = [head, ''];
  lines.push('Findings (section, status, concept: words of the report [trigger]):');
  for (const f of e.findings) lines.push(mentionLine(f));
  if (e.signals.length > 0) {
    lines.push('', 'About the exam and normality:');
    for (const f of e.signals) lines.push(mentionLine(f));
  }
  lines.push('', 'Measurements:');
  lines.push(`  ${e.measurements.map((m) => `${m.key} ${m.value}${m.unit ? ` ${m.unit}` : ''}${m.ref ? ` (ref ${m.ref})` : ''}`).join(' · ') || '—'}`);
  lines.push('', `Scores: ${ranked.map(([c, s]) => `${c} ${s}`).join(' · ')}`);
  if (e.topScored === 'NORMAL') {
    lines.push('', 'Evidence of a normal study:');
    if (e.normalEvidence.length === 0) lines.push('  none (a text that merely lacks disease is not NORMAL)');
    for (const n of e.normalEvidence) lines.push(`  ${n.kind.padEnd(9)}${n.quotes[0] ? `"${n.quotes[0]}"` : ''}`);
  }
  const forChosen = e.criteria.filter((c) => c.category === e.topScored);
  const others = e.criteria.filter((c) => c.category !== e.topScored && c.weight > 0);
  lines.push('', `Why ${e.topScored}${e.unclassified ? ' scored highest' : ''}:`);
  if (forChosen.length === 0) lines.push('  nothing but the score every report starts NORMAL with');
  for (const c of forChosen) lines.push(`  ${(c.weight > 0 ? '+' : '') + c.weight}`.padEnd(9) + `${c.description}${c.quotes[0] ? `: "${c.quotes[0]}"` : ''}`);
  if (others.length > 0) {
    lines.push('', 'For other categories:');
    for (const c of others) lines.push(`  ${c.category.padEnd(7)}+${c.weight}`.padEnd(16) + `${c.description}${c.quotes[0] ? `: "${c.quotes[0]}"` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
