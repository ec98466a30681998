/**
 * Why the guideline engine chose its category: the findings it read with their status (affirmed, negated,
 * uncertain, historical, asked about), the measurements, the score per category and the criteria for and
 * against, each with the words of the report it came from.
 */
import type { Report } from '../../report/report.js';
import { applyRules } from './rules-reader.js';

export interface Explanation {
  id: string;
  category: string;
  scores: Record<string, number>;
  findings: { concept: string; subtype?: string; status: string; certainty: number; section: string; quote: string; trigger?: string; attributes: string[] }[];
  measurements: { key: string; value: number; unit: string | null; ref: string | null }[];
  criteria: { category: string; weight: number; id: string; description: string; quotes: string[] }[];
}

export function explain(report: Report): Explanation {
  const result = applyRules(report);
  const { text } = report;
  return {
    id: report.id,
    category: result.category,
    scores: result.scores,
    findings: result.mentions.map((m) => ({
      concept: m.concept,
      ...(m.subtype ? { subtype: m.subtype } : {}),
      status: m.status,
      certainty: m.certainty,
      section: m.section,
      quote: text.slice(m.span.start, m.span.end),
      ...(m.trigger ? { trigger: text.slice(m.trigger.span.start, m.trigger.span.end) } : {}),
      attributes: [...m.attrs],
    })),
    measurements: result.parsed.measurements.map((m) => ({ key: m.key, value: m.value, unit: m.unit, ref: m.ref?.text ?? null })),
    criteria: result.criteria
      .filter((c) => c.weight !== 0 && c.id !== 'normal.base')
      .map((c) => ({ category: c.category, weight: c.weight, id: c.id, description: c.description, quotes: c.spans.map((s) => oneLine(text.slice(s.start, s.end))) })),
  };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function renderExplanation(e: Explanation): string {
  const ranked = Object.entries(e.scores).sort((a, b) => b[1] - a[1]);
  const lines = [`Report ${e.id}: rules chose ${e.category} (score ${e.scores[e.category]}; next ${ranked[1]?.[0]} ${ranked[1]?.[1]})`, ''];
  lines.push('Findings (section, status, concept: words of the report [trigger]):');
  for (const f of e.findings) {
    const status = f.status === 'uncertain' ? `uncertain ${f.certainty}` : f.status;
    const concept = f.subtype ? `${f.concept}/${f.subtype}` : f.concept;
    const attrs = f.attributes.length > 0 ? ` (${f.attributes.join(', ')})` : '';
    lines.push(`  ${f.section.padEnd(12)} ${status.padEnd(16)} ${concept.padEnd(20)} "${oneLine(f.quote)}"${f.trigger ? ` [${f.trigger}]` : ''}${attrs}`);
  }
  lines.push('', 'Measurements:');
  lines.push(`  ${e.measurements.map((m) => `${m.key} ${m.value}${m.unit ? ` ${m.unit}` : ''}${m.ref ? ` (ref ${m.ref})` : ''}`).join(' · ') || '—'}`);
  lines.push('', `Scores: ${ranked.map(([c, s]) => `${c} ${s}`).join(' · ')}`);
  const forChosen = e.criteria.filter((c) => c.category === e.category);
  const others = e.criteria.filter((c) => c.category !== e.category && c.weight > 0);
  lines.push('', `Why ${e.category}:`);
  for (const c of forChosen) lines.push(`  ${(c.weight > 0 ? '+' : '') + c.weight}`.padEnd(9) + `${c.description}${c.quotes[0] ? `: "${c.quotes[0]}"` : ''}`);
  if (others.length > 0) {
    lines.push('', 'For other categories:');
    for (const c of others) lines.push(`  ${c.category.padEnd(7)}+${c.weight}`.padEnd(16) + `${c.description}${c.quotes[0] ? `: "${c.quotes[0]}"` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
