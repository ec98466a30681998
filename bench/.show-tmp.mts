import { readCorpus } from './real-corpus.js';
import { applyRules } from '../src/readers/rules/rules-reader.js';
const ids = process.argv.slice(2);
for (const lang of ['en','de'] as const) for (const c of readCorpus(lang)) {
  if (c.split !== 'dev') continue;
  if (!ids.includes(c.id)) continue;
  const r = applyRules({ id: c.id, text: c.text, lang });
  console.log(`=== ${c.id} truth ${c.label}${c.subtype ? '.' + c.subtype : ''} -> ${r.abstention ? 'UNCL' : r.category}`);
  console.log(c.text);
  console.log('mentions:', r.mentions.map(m => `${m.concept}${m.subtype ? '.' + m.subtype : ''}[${m.status}${m.status === 'uncertain' ? m.certainty : ''}|${m.section}|${[...m.attrs].join(',')}] "${c.text.slice(m.span.start, m.span.end)}"`).join('; '));
  console.log('meas:', r.parsed.measurements.map(m => `${m.key}=${m.value}`).join(' '));
  console.log('criteria:', r.criteria.filter(k => k.weight !== 0).map(k => `${k.id} ${k.weight}`).join(', '));
}
