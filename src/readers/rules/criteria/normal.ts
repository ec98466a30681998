/**
 * NORMAL: a baseline score, less for each abnormal finding; a negated LGE and a normal LVEF add to it. When NORMAL wins
 * (score.ts), `normalEvidence` collects the positive evidence of a normal study (a stated normal study, no LGE, normal
 * function, size or tissue against the report's reference ranges) for abstain.ts, which gives no category without it.
 */
import type { Measurement } from '../../../report/extract-measurements.js';
import type { Span } from '../../../report/report.js';
import type { Mention } from '../find-findings.js';
import type { SectionKind } from '../../../report/split-sections.js';
import { Query, type Facts } from './facts.js';
import { spansOf, type Tally } from './tally.js';

export function fireNormal(facts: Facts, t: Tally): void {
  const { atrialThrombus, ballooning, cmrInflammation, ecvHigh, efReduced, hyperemia, hypertrophy, lge, lgeNegated, lvDilated, lvef, lymph, mass, mwtMm, nulling, oedema, pericardial, pericarditisPicture, q, rvef, sam, sizeableEffusion, t1High, t2High, thrombus, trabeculation, valveModerate, valveSevere, wma } = facts;
  const { fire } = t;
  fire('normal.base', 'NORMAL', 2, 'no abnormal finding (baseline)', []);
  const abnormal: [string, boolean, number][] = [
    ['LGE', lge.length > 0, 2.5], ['perfusion defect', q.present('perfusion-defect').length > 0, 2.5], ['oedema', oedema.length > 0, 2], ['hyperaemia', hyperemia.length > 0, 1.5], ['wall-motion abnormality', wma.length > 0, 2], ['hypertrophy', hypertrophy.length > 0, 1.5],
    ['dilated LV', lvDilated, 2], ['reduced function', efReduced, 2.5], ['SAM', sam.length > 0, 2], ['nulling', nulling.length > 0, 2], ['lymphadenopathy', lymph.length > 0, 1],
    ['thrombus', thrombus.length > 0, 1], ['mass', mass.length > 0, 2], ['non-compaction', trabeculation.length > 0, 2], ['ballooning', ballooning.length > 0, 2],
    ['pericardial involvement', pericardial.length > 0, 2], ['wall thickness >= 13 mm', mwtMm !== null && mwtMm >= 13, 2], ['ECV raised', ecvHigh, 1], ['T1 raised', t1High, 1], ['T2 raised', t2High, 1],
    ['RV dysfunction', Boolean(rvef && rvef.value < 45), rvef && rvef.value <= 40 ? 2 : 1], ['pericarditis', pericarditisPicture, 2], ['sizeable effusion', sizeableEffusion.length > 0, 1.5], ['atrial thrombus', atrialThrombus.length > 0, 1], ['myocardial inflammation', cmrInflammation.length > 0, 2],
    ['valve disease', valveSevere.length > 0 || valveModerate !== undefined, 2],
  ];
  const penalty = abnormal.filter(([, yes]) => yes).reduce((s, [, , w]) => s + w, 0);
  if (penalty > 0) fire('normal.abnormal', 'NORMAL', -Math.min(penalty, 10), `abnormal: ${abnormal.filter(([, yes]) => yes).map(([n]) => n).join(', ')}`, []);
  if (lgeNegated) fire('normal.no-lge', 'NORMAL', 1, 'no LGE', spansOf(q.negated('lge')));
  if (lvef && lvef.value >= 55 && !lvDilated) fire('normal.ef', 'NORMAL', 0.5, `LVEF ${lvef.value} %`, spansOf([lvef]));
}

/**
 * What speaks positively for a normal study: a stated normal study, no LGE, normal function, size or tissue, or a
 * stress test without an inducible perfusion defect (a negative stress perfusion CMR is a normal result, ESC 2019
 * chronic coronary syndromes).
 */
export type NormalKind = 'stated' | 'no-lge' | 'function' | 'size' | 'tissue' | 'perfusion';
export interface NormalEvidence {
  kind: NormalKind;
  spans: Span[];
}

/** Where the evidence may come from (rules-reader.ts): the folded text and whether a position is this CMR's own finding. */
export interface NormalContext {
  folded: string;
  /** Not the history, a comparison or advice, nor a sentence about another modality (abstain.ts `fromThisExam`). */
  fromThisExam: (span: Span, section?: SectionKind) => boolean;
  /** A measurement's sentence names no other modality (abstain.ts `measuredByThisExam`). */
  measuredByThisExam: (span: Span) => boolean;
}

const UNREMARKABLE = String.raw`(?:unauff(?:a|ae)llig|regelrecht|normal|unremarkable)`;
/**
 * A study stated normal in words the lexicon's dx:NORMAL leaves out, as families of one concept in both languages
 * and both word orders: a normal depiction of the heart ("Unauffällige/Regelrechte Darstellung des Herzens",
 * "Herz regelrecht dargestellt", "normal appearances of the heart"), no pathology ("Ohne pathologischen Befund",
 * "Kein Nachweis einer kardialen Pathologie", "No evidence of cardiac pathology", "Nothing abnormal detected"). The
 * exam named with its verdict ("Cardiac MRI: normal.", "CMR was within normal limits") is the lexicon's
 * `normal:stated` signal. Folded text.
 */
const STATED_NORMAL: [RegExp, { initial: boolean }][] = [
  [new RegExp(String.raw`\b(?:altersentsprechend\w* )?${UNREMARKABLE}\w* (?:darstellung|abbildung|befund\w*) (?:des herzens|der herzhohlen|kardial\w*)|\b${UNREMARKABLE}\w* (?:herzdarstellung|herzbefund\w*|kardial\w* (?:befund\w*|darstellung|verhaltnisse))|\b(?:darstellung des herzens|das herz|herz) (?:\w+ ){0,2}?${UNREMARKABLE}(?: dargestellt)?(?=\s*(?:[.;\n]|$))|\bkardial ${UNREMARKABLE}(?=\s*(?:[.;,\n]|$))`), { initial: false }],
  [/\b(?:normal|unremarkable) (?:appearances? of the heart|cardiac appearances?)|\b(?:the )?heart (?:is |was |appears |appeared )(?:structurally (?:and functionally )?)?(?:normal|unremarkable)(?=\s*(?:[.;\n]|$))/, { initial: false }],
  [/\bohne (?:(?:wesentlich|relevant|krankhaft|pathologisch|kardial)\w* )+(?:befund|auffalligkeit|veranderung|pathologie)\w*|\bkein\w* (?:nachweis|hinweis|anhalt)\w* (?:auf |fur )?(?:eine[rn]? |ein )?(?:(?:kardial|myokardial|strukturell|wesentlich|relevant)\w* )*(?:pathologi\w*|auffalligkeit\w*|erkrankung des herzens|herzerkrankung|(?:krankhaft|pathologisch)\w* (?:befund|veranderung)\w*)|\bkeine (?:(?:kardial|wesentlich|relevant)\w* )*pathologie\w*/, { initial: true }],
  [/\bnothing abnormal (?:was )?(?:detected|seen|found|demonstrated|identified)|\bno (?:evidence|signs?|features) of (?:any )?(?:(?:cardiac|myocardial|structural|significant) )*(?:pathology|abnormalit(?:y|ies)|(?:heart )?disease)|\bno (?:(?:significant|cardiac|myocardial) )+(?:pathology|abnormalit(?:y|ies))|\bno pathology (?:was )?(?:detected|identified|seen|found|demonstrated)/, { initial: true }],
];
/** A stated normal study opens its sentence, after a heading ("Beurteilung:") or "insgesamt"; "Perikard ohne pathologischen Befund" is one structure. */
const HEADING_PREFIX = /^(?:[^:\n]{0,40}:\s*)?(?:insgesamt|overall|ansonsten|otherwise|im ubrigen|kardial|cardiac)?[\s,]*$/;
const HEADING_WORD = /beurteilung|befund|zusammenfassung|ergebnis|fazit|diagnose|impression|finding|conclusion|summary|opinion|assessment|mrt|mri|cmr|herz|heart|cardiac|kardio/;

/** Where the stated normal studies of STATED_NORMAL stand (sentence spans), in this exam's own places. */
function statedInWords(ctx: NormalContext): Span[] {
  const out: Span[] = [];
  const { folded } = ctx;
  for (const [re, { initial }] of STATED_NORMAL) {
    const g = new RegExp(re.source, 'g');
    let m: RegExpExecArray | null;
    for (let n = 0; (m = g.exec(folded)) && n < 50; n++) {
      let start = m.index;
      while (start > 0 && folded[start - 1] !== '\n' && !(folded[start - 2] === '.' && folded[start - 1] === ' ') && m.index - start < 300) start--;
      let end = m.index + m[0].length;
      while (end < folded.length && folded[end] !== '\n' && !(folded[end] === '.' && /\s/.test(folded[end + 1] ?? ' ')) && end - m.index < 300) end++;
      const prefix = folded.slice(start, m.index);
      if (/\?/.test(folded.slice(m.index, end + 1)) || !ctx.fromThisExam({ start: m.index, end: m.index + m[0].length })) continue;
      if (initial && !(HEADING_PREFIX.test(prefix) && (!prefix.includes(':') || HEADING_WORD.test(prefix.slice(0, prefix.indexOf(':')))))) continue;
      out.push({ start, end });
    }
  }
  return out;
}

/**
 * Limitations that say a step was not done, whatever negation stands before them ("Kein LGE (nicht durchgeführt)",
 * "no LGE images were acquired"); "keine Kontrastmittelanreicherung" is a finding, not one of them.
 */
const NOT_DONE = /\b(?:nicht (?:durchgefuhrt|akquiriert|erfolgt|aufgenommen|gegeben|verabreicht)|not (?:\w+ ){0,3}?(?:performed|acquired|obtained|done|given|administered)|kein\w* (?:\S+ ){0,2}?(?:akquiriert|durchgefuhrt|erfolgt|aufgenommen))\b/;
/** An exam stopped before contrast never had LGE images: its "no LGE" is not judged. */
const BEFORE_CONTRAST = /\b(?:vor (?:der |dem )?(?:kontrastmittel\w*|km\w*|gadolinium\w*|kontrast\w*|lge\w*|spat\w*)|(?:before|prior to) (?:the )?(?:contrast|gadolinium|lge|late))/;

/**
 * Positive evidence of a normal study (abstain.ts: a text that merely lacks disease is not NORMAL), from this exam:
 * not the history's or another modality's ("Echo extern: EF 60 %"), and no absence in a sentence about a limited
 * exam ("Kein LGE (nicht durchgeführt)") or of LGE after an exam stopped before contrast.
 */
export function normalEvidence(facts: Facts, findSignals: () => Mention[], ctx?: NormalContext): NormalEvidence[] {
  const { q, measurements, lvef, edvi, edv, t1, t1High, t1Low, t2, t2High, ecv, ecvHigh, lvDilated, lvDilatedByNumbers, lgeNegated } = facts;
  const signals = findSignals();
  const s = new Query(signals, measurements);
  const textOf = (m: Mention) => (ctx ? ctx.folded.slice(m.span.start, m.span.end) : '');
  // "Kein LGE akquiriert", "no LGE (contrast declined)": in a sentence about a limited exam, an absence is not judged.
  const limitedSentences = new Set(signals.filter((m) => m.concept.startsWith('exam:') && (m.status !== 'negated' || NOT_DONE.test(textOf(m)))).map((m) => m.sentence.start));
  const judged = (ms: Mention[]) => ms.filter((m) => !limitedSentences.has(m.sentence.start));
  const mine = (x: Mention | Measurement) => !ctx || ('sentence' in x ? ctx.fromThisExam(x.sentence, x.section) : ctx.measuredByThisExam(x.span));
  const beforeContrast = ctx !== undefined && signals.some((m) => m.concept === 'exam:aborted' && m.status !== 'negated' && mine(m) && BEFORE_CONTRAST.test(ctx.folded.slice(m.sentence.start, m.sentence.end)));
  const efNormal = lvef && lvef.value >= 50 && !(lvef.ref?.low != null && lvef.value < lvef.ref.low) && !lvDilated;
  const sizeNormal = (edvi || edv) && !lvDilatedByNumbers;
  const tissueNormal = [t1 && !t1High && !t1Low ? t1 : undefined, t2 && !t2High ? t2 : undefined, ecv && !ecvHigh ? ecv : undefined].filter((m) => m !== undefined);
  const evidence: [NormalKind, (Mention | Measurement)[]][] = [
    ['stated', [...q.present('dx:NORMAL'), ...s.present('normal:stated')]],
    ['no-lge', lgeNegated && !beforeContrast ? judged(q.negated('lge')) : []],
    ['function', [...(efNormal ? [lvef] : []), ...s.present('normal:function'), ...judged([...q.negated('reduced-fn'), ...q.negated('wma')])]],
    ['size', [...(sizeNormal ? [edvi ?? edv!] : []), ...s.present('normal:size'), ...judged([...q.negated('dilated'), ...q.negated('hypertrophy')])]],
    ['tissue', [...tissueNormal, ...s.present('normal:tissue'), ...judged([...q.negated('oedema'), ...q.negated('t1-high'), ...q.negated('t2-high'), ...q.negated('ecv-high'), ...q.negated('mass'), ...q.negated('thrombus')])]],
    ['perfusion', judged(q.negated('perfusion-defect'))],
  ];
  const out = evidence.map(([kind, found]) => ({ kind, spans: spansOf(found.filter(mine)) }));
  if (ctx) out[0]!.spans.push(...statedInWords(ctx));
  return out.filter((e) => e.spans.length > 0).map((e) => ({ kind: e.kind, spans: e.spans.slice(0, 4) }));
}
