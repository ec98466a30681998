/**
 * NORMAL: a baseline score, less for each abnormal finding; a negated LGE and a normal LVEF add to it. When NORMAL wins
 * (score.ts), `normalEvidence` collects the positive evidence of a normal study (a stated normal study, no LGE, normal
 * function, size or tissue against the report's reference ranges) for abstain.ts, which gives no category without it.
 */
import type { Measurement } from '../../../report/extract-measurements.js';
import type { Span } from '../../../report/report.js';
import type { Mention } from '../find-findings.js';
import { Query, type Facts } from './facts.js';
import { spansOf, type Tally } from './tally.js';

export function fireNormal(facts: Facts, t: Tally): void {
  const { atrialThrombus, ballooning, cmrInflammation, ecvHigh, efReduced, hyperemia, hypertrophy, lge, lgeNegated, lvDilated, lvef, lymph, mass, mwtMm, nulling, oedema, pericardial, pericarditisPicture, q, rvef, sam, sizeableEffusion, t1High, t2High, thrombus, trabeculation, wma } = facts;
  const { fire } = t;
  fire('normal.base', 'NORMAL', 2, 'no abnormal finding (baseline)', []);
  const abnormal: [string, boolean, number][] = [
    ['LGE', lge.length > 0, 2.5], ['oedema', oedema.length > 0, 2], ['hyperaemia', hyperemia.length > 0, 1.5], ['wall-motion abnormality', wma.length > 0, 2], ['hypertrophy', hypertrophy.length > 0, 1.5],
    ['dilated LV', lvDilated, 2], ['reduced function', efReduced, 2.5], ['SAM', sam.length > 0, 2], ['nulling', nulling.length > 0, 2], ['lymphadenopathy', lymph.length > 0, 1],
    ['thrombus', thrombus.length > 0, 1], ['mass', mass.length > 0, 2], ['non-compaction', trabeculation.length > 0, 2], ['ballooning', ballooning.length > 0, 2],
    ['pericardial involvement', pericardial.length > 0, 2], ['wall thickness >= 13 mm', mwtMm !== null && mwtMm >= 13, 2], ['ECV raised', ecvHigh, 1], ['T1 raised', t1High, 1], ['T2 raised', t2High, 1],
    ['RV dysfunction', Boolean(rvef && rvef.value < 45), rvef && rvef.value <= 40 ? 2 : 1], ['pericarditis', pericarditisPicture, 2], ['sizeable effusion', sizeableEffusion.length > 0, 1.5], ['atrial thrombus', atrialThrombus.length > 0, 1], ['myocardial inflammation', cmrInflammation.length > 0, 2],
  ];
  const penalty = abnormal.filter(([, yes]) => yes).reduce((s, [, , w]) => s + w, 0);
  if (penalty > 0) fire('normal.abnormal', 'NORMAL', -Math.min(penalty, 10), `abnormal: ${abnormal.filter(([, yes]) => yes).map(([n]) => n).join(', ')}`, []);
  if (lgeNegated) fire('normal.no-lge', 'NORMAL', 1, 'no LGE', spansOf(q.negated('lge')));
  if (lvef && lvef.value >= 55 && !lvDilated) fire('normal.ef', 'NORMAL', 0.5, `LVEF ${lvef.value} %`, spansOf([lvef]));
}

/** What speaks positively for a normal study: a stated normal study, no LGE, normal function, size or tissue. */
export type NormalKind = 'stated' | 'no-lge' | 'function' | 'size' | 'tissue';
export interface NormalEvidence {
  kind: NormalKind;
  spans: Span[];
}

/**
 * Positive evidence of a normal study (abstain.ts: a text that merely lacks disease is not NORMAL). A study the
 * report calls normal settles it, so the signals are only looked for when it does not.
 */
export function normalEvidence(facts: Facts, findSignals: () => Mention[]): NormalEvidence[] {
  const { q, measurements, lvef, edvi, edv, t1, t1High, t1Low, t2, t2High, ecv, ecvHigh, lvDilated, lvDilatedByNumbers, lgeNegated } = facts;
  const stated = q.present('dx:NORMAL');
  const signals = stated.length > 0 ? [] : findSignals();
  const s = new Query(signals, measurements);
  // "Kein LGE akquiriert", "no LGE (contrast declined)": in a sentence about a limited exam, an absence is not judged.
  const limitedSentences = new Set(signals.filter((m) => m.concept.startsWith('exam:') && m.status !== 'negated').map((m) => m.sentence.start));
  const judged = (ms: Mention[]) => ms.filter((m) => !limitedSentences.has(m.sentence.start));
  const efNormal = lvef && lvef.value >= 50 && !(lvef.ref?.low != null && lvef.value < lvef.ref.low) && !lvDilated;
  const sizeNormal = (edvi || edv) && !lvDilatedByNumbers;
  const tissueNormal = [t1 && !t1High && !t1Low ? t1 : undefined, t2 && !t2High ? t2 : undefined, ecv && !ecvHigh ? ecv : undefined].filter((m) => m !== undefined);
  const evidence: [NormalKind, (Mention | Measurement)[]][] = [
    ['stated', [...stated, ...s.present('normal:stated')]],
    ['no-lge', lgeNegated ? judged(q.negated('lge')) : []],
    ['function', [...(efNormal ? [lvef] : []), ...s.present('normal:function'), ...judged([...q.negated('reduced-fn'), ...q.negated('wma')])]],
    ['size', [...(sizeNormal ? [edvi ?? edv!] : []), ...s.present('normal:size'), ...judged([...q.negated('dilated'), ...q.negated('hypertrophy')])]],
    ['tissue', [...tissueNormal, ...s.present('normal:tissue'), ...judged([...q.negated('oedema'), ...q.negated('t1-high'), ...q.negated('t2-high'), ...q.negated('ecv-high'), ...q.negated('mass'), ...q.negated('thrombus')])]],
  ];
  return evidence.filter(([, found]) => found.length > 0).map(([kind, found]) => ({ kind, spans: spansOf(found).slice(0, 4) }));
}
