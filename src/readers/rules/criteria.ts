/**
 * The criteria of the guideline engine (DOMAIN.md): per category, weighted criteria over the report's
 * measurements (against its own printed reference range where there is one, field-strength defaults
 * otherwise) and its findings with their ConText status. A diagnosis the report states weighs most: affirmed
 * in the assessment more than in the findings, hedged less ("am ehesten" > "V.a." > "DD"), negated not at all
 * (it counts against). The category with the highest score wins; with no abnormal evidence NORMAL wins the
 * score, and its positive evidence (normal function, size, tissue, no LGE, a stated normal study) is collected
 * for abstain.ts, which gives no category when there is none.
 */
import type { FiredCriterion } from '../reader.js';
import type { Measurement } from '../../report/extract-measurements.js';
import type { Span } from '../../report/report.js';
import type { ConceptId, DxCategory } from './lexicon.js';
import type { Mention } from './find-findings.js';
import { ENGINE_CATEGORIES as CATEGORIES, type OtherSubtype } from './outcomes.js';

/** What speaks positively for a normal study: a stated normal study, no LGE, normal function, size or tissue. */
export type NormalKind = 'stated' | 'no-lge' | 'function' | 'size' | 'tissue';
export interface NormalEvidence {
  kind: NormalKind;
  spans: Span[];
}

export interface Scored {
  category: DxCategory;
  scores: Record<DxCategory, number>;
  criteria: FiredCriterion[];
  /** When the category is OTHER: which OTHER diagnosis contributed most to its score. */
  subtype: OtherSubtype | null;
  /** When the category is NORMAL: the positive evidence of a normal study (none: the engine abstains). */
  normal: NormalEvidence[] | null;
}

type Fire = (id: string, category: DxCategory, weight: number, description: string, spans: Span[], subtype?: OtherSubtype) => void;

const NARRATIVE = new Set(['preamble', 'body', 'findings', 'assessment', 'comparison', 'quantitative', 'recommendation']);
/** Categories whose diagnosis stays true when it is "known" or "Z.n." (a past infarct is today's scar). */
const CHRONIC = new Set<DxCategory>(['HCM', 'CA', 'CS', 'ICM', 'DCM']);

const NONE: Mention[] = [];
/** Findings that do not go away: described as residual or old, they are still there on this scan. */
const PERMANENT = new Set<ConceptId>(['lge']);

class Facts {
  /** The mentions of each concept, so each question below looks at its own few. */
  private readonly byConcept = new Map<ConceptId, Mention[]>();

  constructor(
    readonly mentions: Mention[],
    readonly measurements: Measurement[],
  ) {
    for (const m of mentions) {
      const list = this.byConcept.get(m.concept);
      if (list) list.push(m);
      else this.byConcept.set(m.concept, [m]);
    }
  }

  private of(concept: ConceptId): Mention[] {
    return this.byConcept.get(concept) ?? NONE;
  }

  /** Affirmed (or at least probably present) mentions in the report's own findings and assessment. */
  present(concept: ConceptId, minCertainty = 0.6): Mention[] {
    // A scar stays: "residual scar", "old scar" in the findings is LGE seen today.
    const now = (m: Mention) => m.status === 'affirmed' || (m.status === 'historical' && PERMANENT.has(concept));
    return this.of(concept).filter((m) => NARRATIVE.has(m.section) && (now(m) || (m.status === 'uncertain' && m.certainty >= minCertainty)));
  }

  negated(concept: ConceptId): Mention[] {
    return this.of(concept).filter((m) => m.status === 'negated' && NARRATIVE.has(m.section));
  }

  /** Clinical context anywhere in the report (history lines included), unless negated or only asked about. */
  context(concept: ConceptId): Mention[] {
    return this.of(concept).filter((m) => m.status !== 'negated' && m.status !== 'asked');
  }

  first(key: string): Measurement | undefined {
    return this.measurements.find((m) => m.key === key);
  }

  /**
   * The first printed value of a key, or, when its label lists several regions ("T1 septal 1010 ms, lateral
   * 1105 ms"), the highest of those: a regional rise is what mapping criteria look for. Later labels (prior
   * studies, other sequences) are left alone.
   */
  firstRegionalMax(key: string): Measurement | undefined {
    const first = this.first(key);
    if (!first) return undefined;
    return this.measurements.filter((m) => m.key === key && m.span.start === first.span.start).sort((a, b) => b.value - a.value)[0];
  }

  max(key: string): Measurement | undefined {
    return this.measurements.filter((m) => m.key === key).sort((a, b) => b.value - a.value)[0];
  }

  get field(): number | null {
    return this.first('FIELD')?.value ?? null;
  }
}

/** Where LGE may lie besides an insertion point and still be only that ("inferiore RV-Insertionsstelle"). */
const INSERTION_PLACES = new Set(['insertion', 'rv', 'inferior', 'anterior', 'basal', 'mild', 'patchy', 'cmr', 'othermod', 'ecg',
  // Words that say what a finding is or how it came, never where: they leave an insertion point one.
  'myocardium', 'oedema-word', 'fluid', 'cardiac', 'new-onset', 'non-enhancing', 'anticoag', 'extracardiac-sarcoid', 'fat', 'heart-function']);

function insertionOnly(m: Mention): boolean {
  return m.attrs.has('insertion') && [...m.attrs].every((a) => INSERTION_PLACES.has(a));
}

/** ECV printed as a fraction (0,45) means 45 %. */
function ecvPercent(m: Measurement): number {
  return m.value < 1 ? m.value * 100 : m.value;
}

/** Mapping values are only comparable to their own site's reference; without one, to field-strength defaults. */
function upperLimit(m: Measurement, field: number | null, defaults: { '1.5': number; '3': number; unknown: number }): number {
  if (m.ref?.high != null) return m.ref.high;
  if (field === null) return defaults.unknown;
  return field >= 2 ? defaults['3'] : defaults['1.5'];
}

/** Findings that pass: described in an earlier study of a text that tells a repeat one, they are history. */
const TRANSIENT = new Set<ConceptId>(['oedema', 't2-high']);
const FINDING_CONCEPTS = new Set<ConceptId>(['lge', 'oedema', 'wma', 'dilated', 'hypertrophy', 'reduced-fn', 'effusion', 'thinning', 'aneurysm', 'fat', 't1-high', 't2-high']);

/**
 * A one-paragraph text that tells two studies ("First CMR: ... One year later, repeat CMR: ...") is about the later
 * one: where it starts, or null. Only a repeat study that reports findings counts (not "a follow-up CMR is recommended").
 */
/** Where a text without headings starts telling its CMR: the repeat study's sentence, else the first one naming the CMR. */
function cmrStartOf(mentions: Mention[]): number | null {
  const cmrMentions = mentions.filter((m) => (m.attrs.has('cmr') || m.concept === 'cmr-exam') && m.section === 'preamble');
  return repeatStudyStart(mentions) ?? cmrMentions.reduce<number | null>((min, m) => (min === null || m.sentence.start < min ? m.sentence.start : min), null);
}

function repeatStudyStart(mentions: Mention[]): number | null {
  const findingStarts = mentions.filter((m) => FINDING_CONCEPTS.has(m.concept)).map((m) => m.sentence.start);
  let start: number | null = null;
  for (const m of mentions) {
    if (m.concept !== 'cmr-exam' || m.section !== 'preamble' || !m.attrs.has('followup')) continue;
    if (findingStarts.some((s) => s >= m.sentence.start) && (start === null || m.sentence.start > start)) start = m.sentence.start;
  }
  return start;
}

export function score(mentions: Mention[], measurements: Measurement[], findSignals: () => Mention[] = () => []): Scored {
  const repeatStart = repeatStudyStart(mentions);
  const current = repeatStart === null ? mentions : mentions.map((m) => (TRANSIENT.has(m.concept) && m.status === 'affirmed' && m.sentence.start < repeatStart ? { ...m, status: 'historical' as const } : m));
  const f = new Facts(current, measurements);
  // A loop, not Object.fromEntries (measured: 4 % of score); the same keys in the same order.
  const scores = {} as Record<DxCategory, number>;
  for (const c of CATEGORIES) scores[c] = 0;
  const criteria: FiredCriterion[] = [];
  // OTHER's score per subtype, to name the OTHER diagnosis when OTHER wins.
  const otherParts = new Map<OtherSubtype, number>();
  const fire: Fire = (id, category, weight, description, spans, subtype) => {
    if (weight === 0) return;
    scores[category] += weight;
    if (subtype && weight > 0) otherParts.set(subtype, (otherParts.get(subtype) ?? 0) + weight);
    criteria.push({ id, category, weight: Math.round(weight * 100) / 100, description, spans: spans.slice(0, 4) });
  };
  const spansOf = (ms: (Mention | Measurement)[]) => ms.map((m) => ('sentence' in m ? m.sentence : m.span));

  // ---- Numbers ----
  const lvef = f.first('LVEF');
  const edvi = f.first('LVEDVi');
  const edv = f.first('LVEDV');
  // ESC 2013 myocarditis position statement (Caforio et al.): acute myocarditis can thicken the walls with oedema,
  // and that thickening regresses within weeks. Wall thickening called new (of recent onset) beside myocardial
  // oedema in an acute infection or troponin rise is that oedema, not hypertrophy: neither its words nor its
  // millimetres count for HCM, amyloid or loading.
  const acuteIllness = f.context('ctx:infection').length > 0 || f.context('ctx:troponin').length > 0;
  const myocardialOedema = f.present('oedema').some((m) => !m.attrs.has('extracardiac') && !m.attrs.has('fluid'));
  const knownHcm = f.mentions.some((m) => m.concept === 'dx:HCM' && m.status !== 'negated');
  const oedematous = acuteIllness && myocardialOedema && !knownHcm ? f.mentions.filter((m) => m.concept === 'hypertrophy' && m.attrs.has('new-onset') && m.status !== 'negated') : [];
  const inOedematous = (x: Mention | Measurement) => oedematous.some((m) => x.span.start >= m.sentence.start && x.span.start < m.sentence.end);
  const mwtMax = f.max('MWT');
  const mwt = mwtMax && !inOedematous(mwtMax) ? mwtMax : undefined;
  const ecv = f.first('ECV');
  const t1 = f.firstRegionalMax('T1');
  const t2 = f.firstRegionalMax('T2');
  const rvef = f.first('RVEF');
  const rvedvi = f.first('RVEDVi');
  const gradient = f.max('LVOT_gradient');
  const ecvValue = ecv ? ecvPercent(ecv) : null;
  const t1Upper = t1 ? upperLimit(t1, f.field, { '1.5': 1060, '3': 1250, unknown: 1100 }) : Infinity;
  const t1High = t1 ? t1.value > t1Upper : false;
  const t1Marked = t1 ? t1.value > t1Upper + 90 : false;
  const t1Low = t1 ? t1.value < (t1.ref?.low ?? (f.field !== null && f.field >= 2 ? 1080 : 920)) - 20 : false;
  const t2High = t2 ? t2.value > upperLimit(t2, f.field, { '1.5': 55, '3': 50, unknown: 55 }) : false;
  const ecvUpper = ecv?.ref?.high != null ? (ecv.ref.high < 1 ? ecv.ref.high * 100 : ecv.ref.high) : 30;
  const ecvHigh = ecvValue !== null && ecvValue > ecvUpper;
  const mwtMm = mwt ? (mwt.unit === 'cm' ? mwt.value * 10 : mwt.value) : null;
  // Without volumes, the end-diastolic diameter: above its printed norm, or above 60 mm (beyond the upper limits of
  // about 58 mm in men and 52 mm in women that echo and CMR diameters share; ESC 2023 DCM).
  const edd = f.first('LVEDD');
  const eddMm = edd ? (edd.unit === 'cm' ? edd.value * 10 : edd.value) : null;
  const eddHigh = edd?.ref?.high != null ? (edd.unit === 'cm' ? edd.ref.high * 10 : edd.ref.high) : 60;
  const lvDilatedByNumbers = edvi ? edvi.value > (edvi.ref?.high ?? 105) : edv ? edv.value > (edv.ref?.high ?? 220) : eddMm !== null && eddMm > eddHigh;
  // Lake Louise (2009 and 2018): a global myocardium / skeletal-muscle T2 signal ratio of 2.0 or more is oedema.
  const t2Ratio = f.first('T2_ratio');
  const t2RatioHigh = t2Ratio ? t2Ratio.value >= (t2Ratio.ref?.high ?? 2) : false;
  const rvDilatedByNumbers = rvedvi ? rvedvi.value > (rvedvi.ref?.high ?? 125) : false;

  // ESC 2023: LV hypertrabeculation is a trait, not a cardiomyopathy of its own; beside walls of HCM thickness
  // (>= 15 mm, where non-compaction's thin compacted layer is absent) the words "non-compaction" name that trait.
  const hcmThickWalls = mwtMm !== null && mwtMm >= 15;
  scoreDiagnoses(f, fire, { trabeculationTrait: hcmThickWalls });

  // ---- Findings ----
  // LGE only at the RV insertion points is a common non-specific finding (DOMAIN.md): it counts for HCM in
  // hypertrophied myocardium, but it is no scar, no inflammation and no reason to call a report abnormal.
  // Enhancement of the pericardium is pericarditis' sign, not myocardial scar.
  const MYOCARDIAL_PLACES = ['subepi', 'midwall', 'subendo', 'transmural'];
  // "Patchy uptake in the septum" outside a PET sentence is gadolinium uptake: LGE worded without the word.
  const uptake = f.present('pet-uptake').filter((m) => !m.attrs.has('pet') && !m.attrs.has('othermod'));
  // A finding of another organ ("Leberzyste, hyperintens in T2", "fibrotische Veränderungen der Lunge") is not the myocardium's.
  const elsewhere = (m: Mention) => m.attrs.has('extracardiac') && !namesHeart(m);
  const lgeAll = [...f.present('lge'), ...uptake].filter((m) => !elsewhere(m) && !(m.attrs.has('pericardium') && !MYOCARDIAL_PLACES.some((a) => m.attrs.has(a)) && f.present('pericardial').some((p) => p.sentence.start === m.sentence.start)));
  const lge = lgeAll.filter((m) => !insertionOnly(m));
  const lgeNegated = f.negated('lge').length > 0 && lge.length === 0;
  const ischemicPattern = f.present('lge-ischemic');
  const nonIschemic = [...f.present('lge-nonischemic'), ...f.negated('lge-ischemic')];
  // Fluid is bright on T2 and STIR (an effusion, the pleura): a signal phrase that names no oedema in a sentence
  // about fluid is the fluid's unless the myocardium is named (Lake Louise 2018 reads T2 signal of the myocardium;
  // Ferreira et al., JACC 2018). A bright pericardium without fluid stays: it is the pericarditis' oedema (ESC 2015).
  const fluidSignal = (m: Mention) => !m.attrs.has('oedema-word') && m.attrs.has('fluid') && !namesHeart(m);
  // The word oedema in a heading-less text's history, before the CMR is told, with no place, myocardium or image
  // named ("weight loss and oedema") is the clinical sign (of the legs, the body), not the T2 finding Lake Louise reads.
  const cmrStart = cmrStartOf(f.mentions);
  const clinicalOedema = (m: Mention) => m.section === 'preamble' && cmrStart !== null && m.sentence.start < cmrStart && m.attrs.has('oedema-word') && !m.attrs.has('cmr') && !namesHeart(m);
  const oedema = f.present('oedema').filter((m) => !elsewhere(m) && !fluidSignal(m) && !clinicalOedema(m));
  const hyperemia = f.present('hyperemia');
  const wma = f.present('wma');
  const hypertrophy = f.present('hypertrophy').filter((m) => !(m.attrs.has('ecg') && !m.attrs.has('cmr')) && !inOedematous(m));
  // "Hiläre Lymphknoten vergrößert": the enlarged thing is a lymph node, not a chamber.
  const lymphSentences = new Set(f.present('lymph').map((m) => m.sentence.start));
  const dilated = f.present('dilated').filter((m) => !m.attrs.has('atrium') && !m.attrs.has('aorta') && (m.attrs.has('lv') || m.attrs.has('rv') || !lymphSentences.has(m.sentence.start)));
  const lvDilatedWords = dilated.filter((m) => m.attrs.has('lv') || !m.attrs.has('rv'));
  const rvDilatedWords = dilated.filter((m) => m.attrs.has('rv') && !m.attrs.has('lv'));
  const reduced = f.present('reduced-fn');
  const sam = f.present('sam');
  const nulling = f.present('nulling');
  const lymph = f.present('lymph');
  const thinning = f.present('thinning');
  // A mass that takes up no contrast (first-pass perfusion, LGE) or that is treated by or resolves under
  // anticoagulation is a thrombus: thrombi are avascular and tumours enhance (ESC 2023 ACS guideline on LV thrombus;
  // Weinsaft et al., JACC 2008), so beside an infarct it is the infarct's complication, not a tumour.
  // Lipomas and cysts take up no contrast either: a non-enhancing mass named with fat or fluid, or in the pericardium, is no thrombus.
  const thrombus = [...f.present('thrombus'), ...f.present('mass').filter((m) => m.attrs.has('anticoag') || (m.attrs.has('non-enhancing') && !['fat', 'fluid', 'extracardiac', 'pericardium'].some((a) => m.attrs.has(a))))];
  const effusion = f.present('effusion');

  const diffuseLge = lge.filter((m) => m.attrs.has('diffuse') && !m.attrs.has('territory') && !m.attrs.has('ring'));
  const subendoRegional = lge.filter((m) => m.attrs.has('subendo') && !m.attrs.has('diffuse'));
  const transmuralRegional = lge.filter((m) => m.attrs.has('transmural') && !m.attrs.has('diffuse') && !m.attrs.has('patchy') && !m.attrs.has('multifocal') && (m.attrs.has('territory') || ['anterior', 'inferior', 'lateral', 'septal', 'apical'].some((a) => m.attrs.has(a))));
  // "Not following any coronary territory" names a territory to deny it.
  const nonIschemicSentences = new Set(f.present('lge-nonischemic').map((m) => m.sentence.start));
  const territorial = lge.filter((m) => m.attrs.has('territory') && !nonIschemicSentences.has(m.sentence.start));
  // Ring-like (circumferential subepicardial) LGE is non-ischaemic: myocarditis or a desmosomal cardiomyopathy.
  const epiMid = lge.filter((m) => (m.attrs.has('subepi') || m.attrs.has('midwall') || m.attrs.has('ring')) && !m.attrs.has('subendo'));
  const patchy = lge.filter((m) => m.attrs.has('patchy') || m.attrs.has('multifocal'));
  const stripe = lge.filter((m) => m.attrs.has('stripe') || (m.attrs.has('midwall') && m.attrs.has('septal') && !m.attrs.has('patchy')));
  // A report that calls its LGE non-ischaemic overrides what the depth alone suggests.
  const calledNonIschemic = nonIschemic.length > 0 && territorial.length === 0 && ischemicPattern.length === 0;
  const ischemicLge = !calledNonIschemic && (subendoRegional.length > 0 || transmuralRegional.length > 0 || territorial.length > 0 || ischemicPattern.length > 0);

  // ---- HCM: wall thickness >= 15 mm not explained by loading, asymmetric/septal, SAM, patchy mid-wall LGE ----
  // Concentric, symmetric hypertrophy without HCM's asymmetry is where the phenocopies lie (amyloid, Fabry, loading;
  // ESC 2023): its thickness alone weighs less for HCM.
  const concentricOnly = hypertrophy.some((m) => m.attrs.has('concentric')) && !hypertrophy.some((m) => m.attrs.has('asymmetric') || (m.attrs.has('septal') && !m.attrs.has('concentric')));
  if (mwt && mwtMm !== null && mwtMm >= 15) fire('hcm.mwt', 'HCM', (mwtMm >= 20 ? 5 : 4) - (concentricOnly ? 1.5 : 0), `maximal wall thickness ${mwtMm} mm (>= 15 mm)${concentricOnly ? ', concentric' : ''}`, spansOf([mwt]));
  else if (mwt && mwtMm !== null && mwtMm >= 13) fire('hcm.mwt-borderline', 'HCM', 1.5, `wall thickness ${mwtMm} mm (13-14 mm, borderline)`, spansOf([mwt]));
  const asymmetric = hypertrophy.filter((m) => m.attrs.has('asymmetric') || (m.attrs.has('septal') && !m.attrs.has('concentric')));
  if (asymmetric.length > 0) fire('hcm.asymmetric', 'HCM', 2.5, 'asymmetric / septal hypertrophy', spansOf(asymmetric));
  const apicalHypertrophy = hypertrophy.filter((m) => m.attrs.has('apical') && !m.attrs.has('concentric'));
  if (apicalHypertrophy.length > 0 && asymmetric.length === 0) fire('hcm.apical', 'HCM', 3, 'apical hypertrophy', spansOf(apicalHypertrophy));
  if (sam.length > 0) fire('hcm.sam', 'HCM', 3, 'SAM / LVOT obstruction', spansOf(sam));
  if (gradient && gradient.value >= 30) fire('hcm.gradient', 'HCM', 2, `LVOT gradient ${gradient.value} mmHg (>= 30)`, spansOf([gradient]));
  if ((asymmetric.length > 0 || (mwtMm !== null && mwtMm >= 15)) && lgeAll.some((m) => m.attrs.has('midwall') || m.attrs.has('patchy') || m.attrs.has('insertion')) && diffuseLge.length === 0) {
    fire('hcm.lge', 'HCM', 1, 'patchy mid-wall LGE / RV insertion points in hypertrophied myocardium', spansOf(lgeAll));
  }
  // Family history of HCM or sudden death with unexplained hypertrophy (ESC 2023).
  const familySigns = [...f.context('ctx:family'), ...f.context('ctx:scd')];
  // ESC 2023: in a first-degree relative of a patient with HCM, a wall of 13 mm or more is enough.
  const familyHcm = f.mentions.filter((m) => m.concept === 'dx:HCM' && m.attrs.has('family') && m.status !== 'negated' && m.status !== 'asked');
  if (familyHcm.length > 0 && (hypertrophy.length > 0 || (mwtMm !== null && mwtMm >= 13))) fire('hcm.family-dx', 'HCM', 2, 'a relative with HCM and the patient’s own hypertrophy (>= 13 mm)', spansOf(familyHcm));
  if (familySigns.length > 0 && (asymmetric.length > 0 || (mwtMm !== null && mwtMm >= 15))) fire('hcm.family', 'HCM', 1, 'family history / sudden death with hypertrophy', spansOf(familySigns));
  // ESC 2023 / Maron: an LV apical aneurysm in hypertrophied myocardium (often behind a mid-cavity obstruction) is
  // HCM's, its scar included; an infarct's aneurysm lies in thinned, not thickened, walls.
  const apicalAneurysm = f.present('aneurysm').filter((m) => m.attrs.has('apical') && !m.attrs.has('rv'));
  const hcmHypertrophy = asymmetric.length > 0 || apicalHypertrophy.length > 0 || (mwtMm !== null && mwtMm >= 15);
  if (apicalAneurysm.length > 0 && hcmHypertrophy) fire('hcm.apical-aneurysm', 'HCM', 2.5, 'apical aneurysm in hypertrophied myocardium', spansOf(apicalAneurysm));
  // End-stage ("burnt-out") HCM (ESC 2023): hypertrophy known from before, now a thinned, dilated or poorly
  // contracting LV. The earlier hypertrophy is what tells it from a dilated cardiomyopathy.
  const earlierHypertrophy = f.mentions.filter((m) => (m.concept === 'hypertrophy' || m.concept === 'dx:HCM') && !inOedematous(m) && (m.status === 'historical' || m.status === 'context') && !m.attrs.has('family') && !(m.attrs.has('ecg') && !m.attrs.has('cmr')));
  const declined = (lvef ? lvef.value < 50 : reduced.length > 0) || f.present('thinning').length > 0 || lvDilatedByNumbers || dilated.some((m) => m.attrs.has('lv'));
  const endStageHcm = earlierHypertrophy.length > 0 && declined;
  if (endStageHcm) fire('hcm.end-stage', 'HCM', 3, 'hypertrophy known from before, now a thinned, dilated or poorly contracting LV (end-stage HCM)', spansOf(earlierHypertrophy));
  const markers = f.present('hcm-marker');
  if (markers.length > 0 && (hypertrophy.length > 0 || (mwtMm !== null && mwtMm >= 13) || familySigns.length > 0)) fire('hcm.markers', 'HCM', 1.5, 'morphological HCM markers (crypts, elongated mitral leaflet, anomalous papillary muscles)', spansOf(markers));
  const hyper = f.present('hyperdynamic');
  if (hyper.length > 0 || (lvef && lvef.value >= 70)) fire('hcm.hyperdynamic', 'HCM', 0.5, 'hyperdynamic LV', spansOf(hyper.length > 0 ? hyper : [lvef!]));

  // ---- CA: diffuse subendocardial/transmural LGE, difficult nulling, ECV >= 40 %, high native T1, concentric LVH ----
  // Amyloid thickens the walls it infiltrates; diffuse LGE in walls of normal thickness with oedema is inflammation.
  const wallsThick = hypertrophy.length > 0 || (mwtMm !== null && mwtMm >= 12);
  // ESC 2023 red flags of amyloid beside its LGE: difficult nulling, ECV >= 40 %, markedly raised T1, thickened atrial
  // septum or valves, biatrial enlargement, low voltage, carpal tunnel, a gammopathy, bone-scan uptake. Extensive LGE in
  // an asymmetric, obstructive hypertrophy without any of them is HCM's fibrosis.
  // Atrial involvement (DOMAIN.md, CA morphology; Fontana 2015): LGE of the atrial walls or the interatrial septum,
  // in a sentence that names no ventricular wall, is amyloid's infiltration; infarcts and myocarditis spare the atria.
  const atrialLge = lge.filter((m) => m.attrs.has('atrial-wall') && !m.attrs.has('ablation') && !['lateral', 'inferior', 'anterior', 'apical', 'territory', 'lv', 'insertion'].some((a) => m.attrs.has(a)));
  const caRedFlags = atrialLge.length > 0 || nulling.length > 0 || (ecvValue !== null && ecvValue >= 40) || t1Marked || f.present('atrial-septum').length > 0 || f.present('biatrial').length > 0 || f.present('valve-thickening').length > 0 || f.present('infiltrative').length > 0 || f.present('ecv-high').some((m) => m.attrs.has('severe')) || [f.context('ctx:low-voltage'), f.context('ctx:carpal'), f.context('ctx:gammopathy'), f.context('ctx:bone-scan')].some((x) => x.length > 0);
  const hcmPattern = asymmetric.length > 0 && (sam.length > 0 || apicalHypertrophy.length > 0 || (gradient !== undefined && gradient.value >= 30) || hypertrophy.some((m) => m.attrs.has('midventricular')));
  const caLgeFactor = (!wallsThick && oedema.length > 0) || (hcmPattern && !caRedFlags) ? 0.5 : 1;
  // Amyloid's LGE is global subendocardial or transmural; diffuse mid-wall or subepicardial fibrosis is not its pattern.
  const midwallOnly = diffuseLge.every((m) => (m.attrs.has('midwall') || m.attrs.has('subepi')) && !m.attrs.has('subendo') && !m.attrs.has('transmural'));
  if (diffuseLge.length > 0) fire('ca.diffuse-lge', 'CA', caLgeFactor * (diffuseLge.some((m) => m.attrs.has('subendo') || m.attrs.has('transmural')) ? 4 : midwallOnly ? 1.5 : 3), 'diffuse / circumferential (subendocardial or transmural) LGE', spansOf(diffuseLge));
  if (nulling.length > 0) fire('ca.nulling', 'CA', 4, 'difficult myocardial nulling / abnormal gadolinium kinetics', spansOf(nulling));
  if (ecvValue !== null && ecvValue >= 40) fire('ca.ecv', 'CA', 4, `ECV ${ecvValue} % (>= 40 %)`, spansOf([ecv!]));
  else if (ecvValue !== null && ecvValue >= 35) fire('ca.ecv-raised', 'CA', 1.5, `ECV ${ecvValue} % (35-39 %)`, spansOf([ecv!]));
  else if (!ecv && f.present('ecv-high').some((m) => m.attrs.has('severe'))) fire('ca.ecv-text', 'CA', 1.5, 'markedly raised ECV', spansOf(f.present('ecv-high')));
  if (t1Marked) fire('ca.t1', 'CA', 2, `native T1 ${t1!.value} ms, markedly above the reference`, spansOf([t1!]));
  // Without printed values: raised native T1 or ECV in thickened walls is infiltration (amyloid), not HCM's patchy fibrosis.
  const t1EcvText = [...f.present('t1-high'), ...f.present('ecv-high')];
  const thickWalls = f.present('hypertrophy').filter((m) => !(m.attrs.has('ecg') && !m.attrs.has('cmr')) && !inOedematous(m));
  // HCM's hypertrophied segments raise T1 a little too: only a marked rise in walls thickened all round counts.
  const t1EcvMarked = t1EcvText.filter((m) => m.attrs.has('severe'));
  if (!t1Marked && !(ecvValue !== null && ecvValue >= 35) && t1EcvMarked.length > 0 && thickWalls.some((m) => !m.attrs.has('asymmetric'))) fire('ca.t1-ecv-text', 'CA', 2, 'markedly raised native T1 / ECV in thickened walls', spansOf(t1EcvMarked));
  const concentric = hypertrophy.filter((m) => m.attrs.has('concentric'));
  if (concentric.length > 0 && asymmetric.length === 0) fire('ca.concentric', 'CA', 1, 'concentric hypertrophy', spansOf(concentric));
  const atrialSeptum = f.present('atrial-septum');
  if (atrialSeptum.length > 0) fire('ca.atrial-septum', 'CA', 1.5, 'thickened interatrial septum', spansOf(atrialSeptum));
  const biatrial = f.present('biatrial');
  if (biatrial.length > 0) fire('ca.biatrial', 'CA', 1, 'biatrial enlargement', spansOf(biatrial));
  if (atrialLge.length > 0) fire('ca.atrial-lge', 'CA', 2.5, 'LGE of the atrial walls / interatrial septum', spansOf(atrialLge));
  // Diffusely thickened walls count as concentric hypertrophy; with diffuse LGE that is amyloid's picture.
  const diffuseHypertrophy = hypertrophy.filter((m) => m.attrs.has('diffuse') && !m.attrs.has('asymmetric'));
  if (diffuseLge.length > 0 && (concentric.length > 0 || diffuseHypertrophy.length > 0)) fire('ca.diffuse-lge-lvh', 'CA', 1.5, 'diffuse LGE in thickened walls', spansOf([...concentric, ...diffuseHypertrophy]));
  // ESC position statement on amyloid (Garcia-Pavia 2021) red flags: a thickened RV free wall beside thick LV walls,
  // unless the RV is pressure-loaded (pulmonary hypertension).
  const rvwt = f.max('RVWT');
  // The RV named beside a septum or its insertion points ("LGE at the RV insertion points and in the hypertrophied septum") is no thick RV wall.
  const rvWallThick = hypertrophy.some((m) => m.attrs.has('rv') && !m.attrs.has('septal') && !m.attrs.has('insertion')) || (rvwt !== undefined && (rvwt.unit === 'cm' ? rvwt.value * 10 : rvwt.value) >= 6);
  const rvLoad = f.present('rv-pressure').length > 0 || f.context('dx:OTHER').some((m) => m.secondary);
  if (rvWallThick && wallsThick && !rvLoad) fire('ca.rv-wall', 'CA', 1.5, 'thickened RV free wall beside thick LV walls', spansOf(rvwt ? [rvwt] : hypertrophy.filter((m) => m.attrs.has('rv'))));
  const valveThickening = f.present('valve-thickening');
  if (valveThickening.length > 0 && hypertrophy.length > 0) fire('ca.valves', 'CA', 1.5, 'thickened valves / atrial walls with hypertrophy', spansOf(valveThickening));
  const infiltrative = f.present('infiltrative');
  if (infiltrative.length > 0) fire('ca.infiltrative', 'CA', infiltrative.some((m) => m.stated || m.section === 'assessment') ? 5 : 3.5, 'storage / infiltrative myocardial disease', spansOf(infiltrative));
  // ESC 2023: hypertrophy from storage or infiltration is an HCM phenocopy, not HCM.
  if (infiltrative.length > 0) scores.HCM -= 2;
  const caContext = [...f.context('ctx:low-voltage'), ...f.context('ctx:carpal'), ...f.context('ctx:gammopathy'), ...f.context('ctx:bone-scan')];
  // The ESC 2021 extracardiac red flags (polyneuropathy, lumbar stenosis, a TTR variant ...) are common alone (a diabetic's
  // neuropathy, a hypertensive's stenosis): they count only beside amyloid's CMR sign below, never as context by themselves.
  const redFlags = [...caContext, ...f.context('ctx:amyloid-flag')];
  // ESC 2021 position statement (Garcia-Pavia et al.): walls of 12 mm or more with an extracardiac red flag make
  // amyloidosis the question, and subendocardial LGE that follows no coronary territory is its CMR sign there
  // (an infarct's would follow one; HCM's fibrosis is mid-wall).
  const subendoNonTerritorial = subendoRegional.filter((m) => !m.attrs.has('territory'));
  // A regional wall-motion abnormality of those segments is an infarct's, not amyloid's.
  const wmaRegional = wma.some((m) => !m.attrs.has('diffuse'));
  if (redFlags.length > 0 && wallsThick && subendoNonTerritorial.length > 0 && territorial.length === 0 && ischemicPattern.length === 0 && diffuseLge.length === 0 && !wmaRegional) fire('ca.subendo-red-flag', 'CA', 2.5, 'subendocardial LGE outside a coronary territory in thick walls with an amyloid red flag (ESC 2021)', spansOf([...subendoNonTerritorial, ...redFlags]));
  // Beside amyloid-like LGE (subendocardial off any territory, or diffuse) with no regional wall-motion abnormality, the
  // red flags are context like carpal tunnel; otherwise only the classic clues are.
  const contextFlags = (subendoNonTerritorial.length > 0 || diffuseLge.length > 0) && !wmaRegional ? redFlags : caContext;
  // Thick walls with low QRS voltage (mass–voltage discordance), carpal tunnel or a gammopathy: the amyloid picture.
  if (contextFlags.length > 0 && (thickWalls.length > 0 || (mwtMm !== null && mwtMm >= 13))) fire('ca.context-lvh', 'CA', 1.5, 'hypertrophy with low voltage, carpal tunnel syndrome or gammopathy', spansOf(contextFlags));
  if (contextFlags.length > 0) fire('ca.context', 'CA', Math.min(2, contextFlags.length), 'clinical context: low voltage, carpal tunnel syndrome or gammopathy', spansOf(contextFlags));

  // ---- MYO: Lake Louise 2018 — a T2 criterion plus a T1 criterion ----
  const t2Criterion = oedema.length > 0 || t2High || t2RatioHigh || f.present('t2-high').length > 0;
  const nonIschemicLge = epiMid.length > 0 && !ischemicLge && diffuseLge.length === 0;
  // ESC 2023: patchy mid-wall LGE in hypertrophied segments is HCM's fibrosis; beside an HCM phenotype, mid-wall or
  // septal LGE says little for myocarditis and is no Lake Louise T1 criterion (a subepicardial lateral scar still is).
  const hcmFibrosis = hcmHypertrophy && !caRedFlags && epiMid.every((m) => !m.attrs.has('subepi') || m.attrs.has('septal'));
  const t1Criterion = (nonIschemicLge && !hcmFibrosis) || t1High || ecvHigh || f.present('t1-high').length > 0 || f.present('ecv-high').length > 0;
  if (t2Criterion) fire('myo.t2', 'MYO', 2.5, 'T2 criterion: oedema / raised T2', spansOf(oedema.length > 0 ? oedema : t2High ? [t2!] : t2RatioHigh ? [t2Ratio!] : f.present('t2-high')));
  if (nonIschemicLge) fire('myo.lge', 'MYO', hcmFibrosis ? 1 : 3, hcmFibrosis ? 'mid-wall / septal LGE beside an HCM phenotype' : 'non-ischaemic (subepicardial / mid-wall) LGE', spansOf(epiMid));
  if (t1High || ecvHigh) fire('myo.t1', 'MYO', 1, 'T1 criterion: raised native T1 or ECV', spansOf([t1High ? t1! : ecv!]));
  // Active sarcoidosis meets Lake Louise too: with conduction disease and basal septal LGE, and no infection or
  // troponin rise, the criteria do not speak for myocarditis over sarcoidosis (DOMAIN.md, CS context clues).
  const own = (ms: Mention[]) => ms.filter((m) => !m.attrs.has('family'));
  const conduction = own([...f.context('ctx:av-block'), ...f.context('ctx:vt')]);
  const myoContext = [...f.context('ctx:infection'), ...f.context('ctx:troponin')];
  const basalSeptalPatchy = patchy.filter((m) => m.attrs.has('septal') && (m.attrs.has('basal') || m.attrs.has('rv-side')));
  // HRS 2014: extracardiac sarcoidosis (stated, or its signs: hilar nodes, erythema nodosum, uveitis, granulomas)
  // with patchy or multifocal LGE is probable cardiac sarcoidosis, whatever the troponin or fever.
  const hilarNodes = f.context('lymph').filter((m) => m.attrs.has('hilar') && m.status !== 'uncertain');
  const extracardiacSarcoid = [...f.context('ctx:sarcoid').filter((m) => m.status !== 'uncertain'), ...f.mentions.filter((m) => m.concept === 'dx:CS' && (m.status === 'context' || m.status === 'historical' || (m.status === 'affirmed' && extracardiacSarcoidosis(m)))), ...hilarNodes];
  const conductionSarcoidLike = conduction.length > 0 && basalSeptalPatchy.length > 0 && myoContext.length === 0;
  // HRS 2014 probable CS: extracardiac sarcoidosis and LGE "in a pattern consistent with CS" (patchy, multifocal,
  // subepicardial or mid-wall, basal septal or on its RV side), not only patchy LGE.
  const sarcoidPattern = patchy.length > 0 || lge.some((m) => m.attrs.has('rv-side') || ((m.attrs.has('subepi') || m.attrs.has('midwall')) && !m.attrs.has('subendo') && !m.attrs.has('diffuse')));
  const extracardiacSarcoidLike = extracardiacSarcoid.length > 0 && sarcoidPattern;
  const sarcoidLike = conductionSarcoidLike || extracardiacSarcoidLike;
  if (t2Criterion && t1Criterion && !sarcoidLike) fire('myo.lake-louise', 'MYO', 2.5, 'Lake Louise 2018 criteria met (T2 + T1 criterion)', spansOf([...oedema, ...epiMid]));
  // Lake Louise 2009 (still quoted, DOMAIN.md): two of oedema, early enhancement (hyperaemia) and non-ischaemic LGE.
  else if (hyperemia.length > 0 && (t2Criterion || nonIschemicLge) && !sarcoidLike) fire('myo.lake-louise-2009', 'MYO', 2.5, 'Lake Louise 2009 criteria met (early enhancement with oedema or non-ischaemic LGE)', spansOf([...hyperemia, ...oedema, ...epiMid]));
  if (nonIschemic.length > 0 && lge.length > 0 && patchy.length === 0) fire('myo.nonischemic-pattern', 'MYO', 1.5, 'LGE pattern called non-ischaemic', spansOf(nonIschemic));
  if (epiMid.some((m) => m.attrs.has('lateral') || m.attrs.has('inferior')) && epiMid.some((m) => m.attrs.has('subepi'))) fire('myo.location', 'MYO', 1, 'subepicardial LGE of the (infero)lateral wall', spansOf(epiMid));
  if ((t2Criterion || nonIschemicLge) && (effusion.length > 0 || f.present('pericardial').length > 0)) fire('myo.pericardium', 'MYO', 0.5, 'pericardial effusion / involvement', spansOf(effusion));
  // Myocardial inflammation named on CMR (not on PET) is what myocarditis means.
  const cmrInflammation = f.present('inflammation').filter((m) => !m.attrs.has('pet'));
  // Beside extracardiac sarcoidosis, the inflammation is the granulomatous one (HRS 2014).
  if (cmrInflammation.length > 0 && !extracardiacSarcoidLike) fire('myo.inflammation', 'MYO', 2, 'myocardial inflammation described', spansOf(cmrInflammation));
  if (oedematous.length > 0 && t2Criterion) fire('myo.oedematous-thickening', 'MYO', 1.5, 'new wall thickening with oedema in an acute illness (transient oedematous thickening, ESC 2013)', spansOf(oedematous));
  if (myoContext.length > 0 && (t2Criterion || nonIschemicLge)) fire('myo.context', 'MYO', 1, 'clinical context: infection / troponin rise', spansOf(myoContext));

  // ---- CS: patchy multifocal LGE (basal septum, RV side), lymphadenopathy, AV block ----
  if (patchy.length > 0 && !ischemicLge) fire('cs.patchy', 'CS', 2, 'patchy / multifocal LGE', spansOf(patchy));
  if (basalSeptalPatchy.length > 0) fire('cs.septal', 'CS', 1, 'LGE of the basal septum', spansOf(basalSeptalPatchy));
  // Beside extracardiac sarcoidosis, the non-ischaemic LGE that would speak for myocarditis is the sarcoid's own.
  if (extracardiacSarcoidLike) scores.MYO -= 2;
  if (extracardiacSarcoidLike) fire('cs.extracardiac', 'CS', 2.5, 'extracardiac sarcoidosis with patchy / multifocal LGE (HRS 2014 probable CS)', spansOf(extracardiacSarcoid));
  if (conductionSarcoidLike) fire('cs.conduction', 'CS', 1, 'conduction disease with basal septal LGE, no infection or troponin context', spansOf(conduction));
  const rvSide = lge.filter((m) => m.attrs.has('rv-side'));
  if (rvSide.length > 0) fire('cs.rv-side', 'CS', 1.5, 'LGE on the right ventricular side of the septum', spansOf(rvSide));
  const nodes = lymph.filter((m) => m.attrs.has('hilar') || m.attrs.has('pulmonary') || !m.attrs.has('diffuse'));
  if (nodes.length > 0) fire('cs.lymph', 'CS', 3.5, 'hilar / mediastinal lymphadenopathy', spansOf(nodes));
  // Hilar nodes known from the history (chest X-ray, CT): context, below the CMR's own findings.
  else if (hilarNodes.length > 0 && (lge.length > 0 || conduction.length > 0)) fire('cs.lymph-history', 'CS', 2.5, 'hilar lymphadenopathy in the history', spansOf(hilarNodes));
  // JCS 2016 major criteria: myocardial FDG uptake; thinning of the basal ventricular septum.
  // What FDG-PET calls active inflammation is myocardial tracer uptake.
  const inflammation = f.present('inflammation');
  const pet = [...f.present('pet-uptake').filter((m) => !uptake.includes(m)), ...inflammation.filter((m) => m.attrs.has('pet'))];
  if (pet.length > 0) fire('cs.pet', 'CS', 3.5, 'myocardial FDG-PET uptake (JCS 2016 major criterion)', spansOf(pet));
  const basalSeptalThinning = f.present('thinning').filter((m) => m.attrs.has('basal') && m.attrs.has('septal'));
  if (basalSeptalThinning.length > 0) fire('cs.septal-thinning', 'CS', 2, 'thinning of the basal septum (JCS 2016 major criterion)', spansOf(basalSeptalThinning));
  // JCS 2016 clinical diagnosis: at least two of its five major criteria (high-grade AV block, basal septal thinning,
  // myocardial FDG uptake, LVEF < 50 %, LGE); counted here when a sarcoid-specific one is among three or more.
  const jcsSpecific = [pet.length > 0, basalSeptalThinning.length > 0, own(f.context('ctx:av-block')).length > 0].filter(Boolean).length;
  const jcsMajors = jcsSpecific + (lge.length > 0 ? 1 : 0) + ((lvef ? lvef.value < 50 : reduced.length > 0) ? 1 : 0);
  if (jcsSpecific > 0 && jcsMajors >= 3) fire('cs.jcs', 'CS', 2, `${jcsMajors} JCS 2016 major criteria (AV block, basal septal thinning, FDG uptake, LVEF < 50 %, LGE)`, spansOf([...pet, ...basalSeptalThinning]));
  // Extracardiac sarcoidosis (granulomas, erythema nodosum, uveitis, soluble IL-2 receptor): context, below imaging.
  // Stated, not hedged: "granulomatous" in a differential also names giant-cell myocarditis.
  const sarcoidContext = f.context('ctx:sarcoid').filter((m) => m.status !== 'uncertain');
  if (sarcoidContext.length > 0 && (lge.length > 0 || conduction.length > 0 || pet.length > 0)) fire('cs.context', 'CS', 1.5, 'extracardiac sarcoidosis clues (granulomas, erythema nodosum, uveitis, sIL-2R)', spansOf(sarcoidContext));
  const avBlock = own(f.context('ctx:av-block'));
  if (avBlock.length > 0) fire('cs.av-block', 'CS', lge.length > 0 ? 2.5 : 1, 'AV block in the history', spansOf(avBlock));
  const vt = own(f.context('ctx:vt'));
  if (vt.length > 0 && lge.length > 0) fire('cs.vt', 'CS', 1, 'ventricular tachycardia in the history', spansOf(vt));
  if (lymph.length > 0 && (patchy.length > 0 || epiMid.length > 0)) scores.MYO -= 1.5;

  // ---- ICM: subendocardial/transmural LGE in a coronary territory, regional WMA, thinning ----
  // In an HCM phenotype extensive fibrosis of the hypertrophied walls can reach the subendocardium or the whole wall
  // (ESC 2023); by its depth alone, with no coronary territory, ischaemic pattern, coronary disease or regional
  // wall-motion abnormality, it is not an infarct's.
  const noCoronaryClue = territorial.length === 0 && ischemicPattern.length === 0 && f.context('ctx:cad').length === 0 && f.context('ctx:acs').length === 0 && !wma.some((m) => !m.attrs.has('diffuse'));
  // Sarcoid scar can be transmural or subendocardial and mimic an infarct (DOMAIN.md, CS): beside conduction disease
  // with no coronary territory, ischaemic pattern or coronary disease named, its depth says less for an infarct.
  const noCoronaryContext = territorial.length === 0 && ischemicPattern.length === 0 && f.context('ctx:cad').length === 0 && f.context('ctx:acs').length === 0;
  // AV block (above), not VT: monomorphic VT is the typical arrhythmia of an infarct scar.
  // Concentric thickening is where hypertension, aortic stenosis and amyloid lie (ESC 2023): it does not excuse a scar's depth.
  const hcmShaped = asymmetric.length > 0 || apicalHypertrophy.length > 0 || (mwtMm !== null && mwtMm >= 15 && concentric.length === 0);
  const depthFactor = hcmShaped && !caRedFlags && noCoronaryClue ? 0.4 : avBlock.length > 0 && noCoronaryContext ? 0.6 : 1;
  if (!calledNonIschemic && subendoRegional.length > 0) fire('icm.subendocardial', 'ICM', 3 * depthFactor, 'subendocardial LGE (regional)', spansOf(subendoRegional));
  else if (!calledNonIschemic && transmuralRegional.length > 0) fire('icm.transmural', 'ICM', 2.5 * depthFactor, 'transmural LGE (regional)', spansOf(transmuralRegional));
  if (territorial.length > 0 || ischemicPattern.length > 0) fire('icm.territory', 'ICM', 3, 'LGE in a coronary territory / ischaemic pattern', spansOf([...territorial, ...ischemicPattern]));
  const regionalWma = wma.filter((m) => !m.attrs.has('diffuse'));
  if (regionalWma.length > 0 && (ischemicLge || f.context('ctx:cad').length > 0)) fire('icm.wma', 'ICM', 1.5, 'regional wall-motion abnormality', spansOf(regionalWma));
  if (thinning.length > 0) fire('icm.thinning', 'ICM', 1.5, 'wall thinning', spansOf(thinning));
  // A thrombus in the atrium or its appendage comes from atrial fibrillation, not from an infarct.
  const ventricularThrombus = thrombus.filter((m) => !m.attrs.has('atrium') || m.attrs.has('lv') || m.attrs.has('apical'));
  if (ventricularThrombus.length > 0) fire('icm.thrombus', 'ICM', 1, 'LV thrombus', spansOf(ventricularThrombus));
  const perfusion = f.present('perfusion-defect');
  // Perfusion defects of hypertrophied myocardium without coronary disease are HCM's microvascular dysfunction.
  if (perfusion.length > 0) fire('icm.perfusion', 'ICM', 1.5 * depthFactor, 'perfusion defect / inducible ischaemia', spansOf(perfusion));
  const cad = [...f.context('ctx:cad'), ...f.mentions.filter((m) => m.concept === 'dx:ICM' && (m.status === 'context' || m.status === 'historical') && !extracardiacInfarct(m))];
  if (cad.length > 0) fire('icm.context', 'ICM', 2, 'coronary artery disease / prior infarction in the history', spansOf(cad));
  // Oedema or a wall-motion abnormality confined to a coronary territory is acute ischaemic injury (ESC 2023 ACS).
  const territoryInjury = [...wma, ...oedema].filter((m) => m.attrs.has('territory') && !calledNonIschemic);
  if (territoryInjury.length > 0 && !ischemicLge) fire('icm.territory-injury', 'ICM', 2.5, 'oedema / wall-motion abnormality in a coronary territory', spansOf(territoryInjury));
  const acs = f.context('ctx:acs');
  if (acs.length > 0 && (ischemicLge || regionalWma.length > 0) && f.context('ctx:normal-coronaries').length === 0) fire('icm.acs', 'ICM', 1.5, 'acute coronary syndrome (ST elevation, occlusion) with regional injury', spansOf(acs));
  // Dysfunctional but viable myocardium in coronary disease (stunning, hibernation): regional WMA without scar.
  if (cad.length > 0 && regionalWma.length > 0 && lge.length === 0 && !calledNonIschemic) fire('icm.hibernation', 'ICM', 2, 'regional wall-motion abnormality without scar in coronary artery disease (stunning / hibernation)', spansOf(regionalWma));
  const mvo = f.present('mvo');
  if (mvo.length > 0) fire('icm.mvo', 'ICM', 4, 'microvascular obstruction / no-reflow (acute infarct)', spansOf(mvo));
  if (ischemicLge && oedema.length > 0) fire('icm.acute', 'ICM', 1, 'oedema with ischaemic LGE: acute infarction', spansOf(oedema));
  if (nonIschemic.length > 0) scores.ICM -= 3;
  // Context below imaging: coronary disease or an infarct known from the history, on a CMR that found no scar, no
  // regional wall-motion abnormality, no thinning and no perfusion defect, is not what this study shows.
  const ischemicImaging = ischemicLge || regionalWma.length > 0 || thinning.length > 0 || perfusion.length > 0 || mvo.length > 0 || f.present('aneurysm').length > 0 || territoryInjury.length > 0;
  const icmStatedNow = f.mentions.some((m) => m.concept === 'dx:ICM' && m.section === 'assessment' && m.status === 'affirmed');
  if (lgeNegated && !ischemicImaging && !icmStatedNow && scores.ICM > 0) scores.ICM -= 2.5;
  const normalCoronaries = f.context('ctx:normal-coronaries');
  if (normalCoronaries.length > 0) scores.ICM -= 2;

  // ---- DCM: dilated LV, reduced EF, no ischaemic scar, optional septal mid-wall stripe ----
  const lvDilated = lvDilatedByNumbers || lvDilatedWords.length > 0;
  const efReduced = lvef ? lvef.value < 50 : reduced.some((m) => !m.attrs.has('rv') || m.attrs.has('lv'));
  // DCM is dilatation *with* systolic dysfunction (ESC 2023); a large LV that contracts normally is mostly an
  // athlete's heart or volume load, so dilatation alone counts little (and nothing in an athlete).
  const athlete = f.context('ctx:athlete').length > 0;
  const dilatedWeight = efReduced ? 2.5 : athlete ? 0 : 1;
  // Athlete's heart (DOMAIN.md, OTHER subtypes): in someone who trains hard, balanced enlargement or mild wall thickening
  // (<= 13 mm) with normal function and no scar or oedema is adaptation, named or not.
  const athleteLv = lvDilated || rvDilatedByNumbers || rvDilatedWords.length > 0 || hypertrophy.length > 0 || (mwtMm !== null && mwtMm >= 12);
  // What adaptation never shows (ESC 2023; Task Force 2010 for the RV): RV dysfunction, regional wall-motion
  // abnormality, ventricular tachycardia, raised native T1 or ECV, systolic anterior motion.
  const athleteRedFlags = (rvef !== undefined && rvef.value <= 45) || reduced.some((m) => m.attrs.has('rv')) || wma.some((m) => !m.attrs.has('diffuse')) || vt.length > 0 || t1High || ecvHigh || sam.length > 0;
  if (athlete && athleteLv && !efReduced && !athleteRedFlags && lge.length === 0 && oedema.length === 0 && !(mwtMm !== null && mwtMm > 13)) {
    fire('other.athlete-pattern', 'OTHER', 3, 'enlargement / mild hypertrophy with normal function and no scar in an athlete', spansOf(f.context('ctx:athlete')), 'athlete');
  }
  if (lvDilated) fire('dcm.dilated', 'DCM', dilatedWeight, efReduced ? 'dilated left ventricle' : 'dilated left ventricle (function preserved)', spansOf(lvDilatedByNumbers ? [edvi ?? edv ?? edd!] : lvDilatedWords));
  if (lvef && lvef.value < 40) fire('dcm.ef', 'DCM', 2.5, `LVEF ${lvef.value} % (< 40 %)`, spansOf([lvef]));
  else if (lvef && lvef.value < 50) fire('dcm.ef-mild', 'DCM', 1, `LVEF ${lvef.value} % (40-49 %)`, spansOf([lvef]));
  else if (!lvef && efReduced) fire('dcm.reduced-text', 'DCM', 1.5, 'reduced systolic function', spansOf(reduced));
  // ESC 2013 myocarditis position statement: dysfunction that comes with an acute illness (fever, infection,
  // troponin rise) and recovers within weeks, with non-ischaemic LGE, is myocarditis; ESC 2023 calls a DCM only
  // dysfunction not explained by such a cause, so the recovery counts against DCM.
  // The heart's recovery: not a relative's, and not another organ's ("a stroke with full recovery").
  // The heart's recovery (its function, its walls), not the patient's from an infection.
  const recovered = f.context('ctx:recovery').filter((m) => !m.attrs.has('family') && (m.attrs.has('heart-function') || namesHeart(m)));
  const recoveredMyocarditis = efReduced && acuteIllness && recovered.length > 0 && lge.length > 0 && !ischemicLge;
  if (recoveredMyocarditis) {
    fire('myo.recovered', 'MYO', 3, 'reduced function in an acute illness that recovered, with non-ischaemic LGE (ESC 2013)', spansOf([...recovered, ...lge]));
    fire('dcm.recovered', 'DCM', -2, 'function recovered after an acute illness: no DCM (ESC 2023)', spansOf(recovered));
  }
  const globalWma = wma.filter((m) => m.attrs.has('diffuse'));
  if (globalWma.length > 0) fire('dcm.global', 'DCM', 1.5, 'global hypokinesia', spansOf(globalWma));
  if (lvDilated && efReduced && !ischemicLge) {
    if (stripe.length > 0) fire('dcm.stripe', 'DCM', 1.5, 'septal mid-wall stripe LGE', spansOf(stripe));
    else if (lgeNegated) fire('dcm.no-scar', 'DCM', 1.5, 'no ischaemic scar', spansOf(f.negated('lge')));
    if (normalCoronaries.length > 0) fire('dcm.coronaries', 'DCM', 1.5, 'normal coronary arteries', spansOf(normalCoronaries));
  }
  // ESC 2023: a dilated, poorly contracting LV with non-ischaemic LGE and no oedema is DCM (with non-ischaemic
  // scar); Lake Louise needs a T2 criterion for active myocarditis.
  // ESC 2023 also names the non-dilated form (NDLVC): non-ischaemic scar with dysfunction and no acute context.
  const acuteContext = myoContext.length > 0 || f.context('ctx:acs').length > 0;
  // A report that names myocarditis (past or present) as the scar's cause has answered the question.
  const myocarditisNamed = f.mentions.some((m) => m.concept === 'dx:MYO' && (m.status === 'affirmed' || m.status === 'historical' || (m.status === 'uncertain' && m.certainty >= 0.6)));
  if ((lvDilated || !acuteContext) && !myocarditisNamed && efReduced && nonIschemicLge && !t2Criterion && jcsSpecific === 0) {
    fire('dcm.nonischemic-scar', 'DCM', 2, 'dilated, dysfunctional LV with non-ischaemic LGE and no oedema', spansOf(epiMid));
    scores.MYO -= 1;
  }
  // ESC 2023: DCM is dilatation and dysfunction without hypertrophy; thick walls point to storage or HCM.
  if (hypertrophy.some((m) => m.attrs.has('concentric') || m.attrs.has('diffuse'))) scores.DCM -= 1.5;
  // Genes of dilated cardiomyopathy (LMNA, TTN, FLNC, RBM20): with dysfunction, dilatation or LGE, a genetic DCM.
  const genes = f.context('ctx:genetic-dcm');
  if (genes.length > 0 && (lvDilated || efReduced || lge.length > 0)) {
    scores.MYO -= t2Criterion ? 0 : 1.5;
    fire('dcm.genetic', 'DCM', 3.5, 'pathogenic gene of dilated cardiomyopathy (LMNA, TTN, FLNC, RBM20)', spansOf(genes));
  }
  // ESC 2023 family screening: a relative with DCM and the patient's own dilatation, dysfunction or septal stripe is
  // familial DCM; with conduction disease it is the LMNA picture, not sarcoidosis.
  const familyDx = (category: DxCategory) => f.mentions.filter((m) => m.concept === `dx:${category}` && m.attrs.has('family') && m.status !== 'negated' && m.status !== 'asked');
  const familyDcm = familyDx('DCM');
  if (familyDcm.length > 0 && (lvDilated || efReduced || stripe.length > 0)) {
    fire('dcm.family', 'DCM', 2.5, 'a relative with DCM and the patient’s own dilatation, dysfunction or septal stripe', spansOf(familyDcm));
    if (conduction.length > 0) scores.CS -= 1.5;
  }
  // Diffuse LGE is amyloid's or storage's pattern, not dilated cardiomyopathy's (mid-wall stripe or none).
  if (diffuseLge.length > 0) scores.DCM -= 1.5;
  if (ischemicLge) scores.DCM -= 3;
  // ESC 2023: a dilated or poorly contracting LV after known hypertrophy is end-stage HCM, not DCM.
  if (endStageHcm) scores.DCM -= 2;
  if (oedema.length > 0) scores.DCM -= 1;

  // ---- OTHER: Takotsubo, LV non-compaction, Fabry, ARVC, pericarditis, mass, hypertensive heart disease ----
  const ballooning = f.present('ballooning');
  // Apical ballooning with oedema but no LGE is Takotsubo, not myocarditis (oedema alone does not make Lake Louise).
  if (ballooning.length > 0) {
    fire('other.takotsubo', 'OTHER', lge.length === 0 ? 6.5 : 4, 'apical ballooning (Takotsubo)', spansOf(ballooning), 'takotsubo');
    if (lge.length === 0) scores.MYO -= 3;
  }
  const trabeculation = f.present('trabeculation');
  // Prominent trabeculation the report itself says does not meet the criteria is a normal variant.
  const lvncRuledOut = f.negated('dx:OTHER').some((m) => m.subtype === 'lvnc') && !f.mentions.some((m) => m.concept === 'dx:OTHER' && m.subtype === 'lvnc' && m.status === 'affirmed');
  // Prominent trabeculation alone is common (athletes, pregnancy; DOMAIN.md): it is non-compaction with a Petersen
  // ratio > 2.3, dysfunction, thrombus or family history, and not with a ratio up to 2.3.
  const ncHigh = f.present('nc-ratio-high');
  const ncNormal = f.present('nc-ratio-normal');
  const lvncNamed = f.present('dx:OTHER').some((m) => m.subtype === 'lvnc');
  // Jacquier 2010 / Petersen 2005: a thin compacted layer under extensive trabeculation.
  const thinCompact = trabeculation.some((m) => m.attrs.has('severe') || thinning.some((t) => t.sentence.start === m.sentence.start));
  const lvncSupport = thinCompact || ncHigh.length > 0 || lvncNamed || efReduced || thrombus.length > 0 || f.context('ctx:family').length > 0;
  if ((trabeculation.length > 0 || ncHigh.length > 0) && !lvncRuledOut && !(ncNormal.length > 0 && ncHigh.length === 0 && !lvncNamed)) {
    // Beside HCM-range walls, hypertrabeculation is a trait of the hypertrophy (ESC 2023), weighed as a mention only.
    fire('other.lvnc', 'OTHER', hcmThickWalls ? 1 : lvncSupport ? 5.5 : 2.5, lvncSupport ? 'non-compaction (NC/C > 2.3, dysfunction, thrombus or family history)' : 'prominent trabeculation', spansOf([...ncHigh, ...trabeculation]), 'lvnc');
  }
  // Low native T1 is the mark of Fabry disease (sphingolipid storage), the opposite of amyloid and oedema.
  const lowT1 = [...f.present('t1-low')];
  if (t1Low || lowT1.length > 0) {
    const withHypertrophy = hypertrophy.length > 0 || (mwtMm !== null && mwtMm >= 12);
    fire('other.fabry', 'OTHER', withHypertrophy ? 7 : lge.length > 0 ? 4 : 2, 'low native T1 (Fabry)', spansOf(lowT1.length > 0 ? lowT1 : [t1!]), 'fabry');
    scores.MYO -= 2;
  }
  const rvBad = (rvef && rvef.value < 45) || f.present('reduced-fn').some((m) => m.attrs.has('rv') && !m.attrs.has('lv'));
  // Regional: global or near-global akinesia of both ventricles is no regional RV wall-motion abnormality.
  const rvRegional = [...wma.filter((m) => m.attrs.has('rv') && !m.attrs.has('diffuse')), ...f.present('aneurysm').filter((m) => m.attrs.has('rv') && !m.attrs.has('lv') && !m.attrs.has('aorta'))];
  if ((rvDilatedByNumbers || rvDilatedWords.length > 0) && rvBad && (rvRegional.length > 0 || !lvDilated)) fire('other.arvc', 'OTHER', rvRegional.length > 0 ? 4.5 : 2, 'dilated, dysfunctional RV (ARVC)', spansOf(rvRegional.length > 0 ? rvRegional : rvDilatedWords), 'arvc');
  // Task Force 2010 major criterion: regional RV akinesia, dyskinesia or aneurysm with RVEF <= 40 %, dilated or not.
  else if (rvRegional.length > 0 && rvef && rvef.value <= 40 && !ischemicLge) fire('other.arvc', 'OTHER', 4.5, 'regional RV akinesia / dyskinesia / aneurysm with RVEF <= 40 % (Task Force 2010)', spansOf(rvRegional), 'arvc');
  const pericardial = f.present('pericardial');
  if (pericardial.length > 0 && lge.length === 0) fire('other.pericarditis', 'OTHER', 3.5, 'pericardial thickening / enhancement', spansOf(pericardial), 'pericarditis');
  // Pericarditis (ESC 2015): its clinical criteria (pericarditic pain, rub, widespread ST elevation, pericardiocentesis
  // or pericardiectomy, colchicine) with effusion, pericardial signs or inflammation that no myocardial LGE pattern
  // places in the myocardium. With subepicardial or mid-wall LGE it is perimyocarditis (MYO).
  const pericarditisContext = [...f.context('ctx:pericarditis'), ...f.mentions.filter((m) => m.concept === 'dx:OTHER' && m.subtype === 'pericarditis' && (m.status === 'context' || m.status === 'historical'))];
  const myocardialLge = lge.filter((m) => MYOCARDIAL_PLACES.some((a) => m.attrs.has(a)) || m.attrs.has('patchy') || m.attrs.has('territory'));
  const pericarditisPicture = pericarditisContext.length > 0 && myocardialLge.length === 0 && (effusion.length > 0 || pericardial.length > 0 || oedema.length > 0 || lge.length > 0);
  if (pericarditisPicture) {
    fire('other.pericarditis-context', 'OTHER', 3, 'pericarditis criteria (ESC 2015) with effusion or inflammation outside the myocardium', spansOf(pericarditisContext), 'pericarditis');
    scores.MYO -= 1;
  }
  // "The mass proved to be a thrombus": a mass in a sentence that names a thrombus is the thrombus.
  const thrombusSentences = new Set(thrombus.map((m) => m.sentence.start));
  const mass = f.present('mass').filter((m) => !thrombusSentences.has(m.sentence.start));
  if (mass.length > 0) fire('other.mass', 'OTHER', 4, 'cardiac mass', spansOf(mass), 'mass');
  const atrialThrombus = thrombus.filter((m) => !ventricularThrombus.includes(m));
  if (atrialThrombus.length > 0 && mass.length === 0) fire('other.atrial-thrombus', 'OTHER', 2.5, 'atrial / appendage thrombus', spansOf(atrialThrombus), 'mass');
  // A moderate or large effusion (ESC 2015), or one with a thickened, enhancing pericardium, is pericardial disease
  // when the myocardium has no LGE and no oedema.
  const sizeableEffusion = effusion.filter((m) => m.attrs.has('sizeable') && !m.attrs.has('pleural'));
  if (sizeableEffusion.length > 0 && lge.length === 0 && oedema.length === 0 && pericardial.length === 0) fire('other.effusion', 'OTHER', 2.5, 'moderate / large pericardial effusion', spansOf(sizeableEffusion), 'pericarditis');
  // Takotsubo (InterTAK 2018): apical, mid-ventricular or basal akinesia, no LGE, with normal coronaries, stress,
  // oedema, spared segments or recovery supporting it.
  const takoWma = wma.filter((m) => m.attrs.has('apical') || m.attrs.has('midventricular') || m.attrs.has('basal'));
  const takoSupport = [f.present('apical-sparing'), f.context('ctx:normal-coronaries'), f.context('ctx:stress'), f.context('ctx:recovery'), oedema].filter((x) => x.length > 0).length;
  if (ballooning.length === 0 && takoWma.length > 0 && lge.length === 0 && takoSupport >= 2 && !ischemicLge) {
    fire('other.takotsubo-pattern', 'OTHER', Math.min(6.5, 2.5 + 1.5 * takoSupport), 'apical / mid-ventricular akinesia without LGE, normal coronaries, recovery (InterTAK)', spansOf(takoWma), 'takotsubo');
    scores.MYO -= 2;
    scores.ICM -= 1.5;
  }
  // Fibro-fatty replacement of the RV (Task Force 2010 / Padua): ARVC.
  const fat = f.present('fat');
  // Padua 2020 / Task Force 2010: regional RV akinesia or dyskinesia together with RV scar or fat is arrhythmogenic
  // cardiomyopathy, whatever the RV size (an infarct's RV scar comes with ischaemic LV scar).
  const rvScar = [...lge.filter((m) => m.attrs.has('rv') && !m.attrs.has('rv-side')), ...fat.filter((m) => m.attrs.has('rv'))];
  if (rvRegional.length > 0 && rvScar.length > 0 && !ischemicLge) fire('other.arvc-padua', 'OTHER', 3, 'regional RV akinesia / dyskinesia with RV LGE or fat (Padua 2020)', spansOf(rvRegional), 'arvc');
  if (fat.some((m) => m.attrs.has('rv') || m.attrs.has('lv'))) fire('other.arvc-fat', 'OTHER', 2.5, 'fibro-fatty myocardial replacement (ARVC)', spansOf(fat), 'arvc');
  // Desmosomal genes or an epsilon wave (Task Force 2010) with RV or LV involvement: ARVC.
  const arvcGene = f.context('ctx:arvc-gene');
  if (arvcGene.length > 0 && (lge.length > 0 || rvDilatedWords.length > 0 || rvRegional.length > 0 || fat.length > 0)) fire('other.arvc-gene', 'OTHER', 3, 'desmosomal gene / epsilon wave (ARVC)', spansOf(arvcGene), 'arvc');
  // Fabry clues (enzyme, GLA variant, angiokeratoma) with hypertrophy or LGE.
  const fabryContext = f.context('ctx:fabry');
  if (fabryContext.length > 0 && (hypertrophy.length > 0 || lge.length > 0)) fire('other.fabry-context', 'OTHER', 3, 'Fabry clues (alpha-galactosidase, GLA variant, angiokeratoma)', spansOf(fabryContext), 'fabry');
  // Cardiotoxic cancer therapy with new dysfunction (ESC 2022 cardio-oncology): OTHER (toxic), not DCM.
  const cardiotoxic = f.context('ctx:cardiotoxic');
  if (cardiotoxic.length > 0 && efReduced && !ischemicLge && oedema.length === 0) fire('other.cardiotoxic', 'OTHER', 4.5, 'dysfunction after cardiotoxic cancer therapy', spansOf(cardiotoxic), 'other');
  // Dystrophinopathies and other neuromuscular diseases: subepicardial lateral LGE of their own, not myocarditis.
  const neuromuscular = f.context('ctx:neuromuscular');
  if (neuromuscular.length > 0 && (lge.length > 0 || efReduced) && !t2Criterion) {
    fire('other.neuromuscular', 'OTHER', 5, 'cardiomyopathy of a neuromuscular disease', spansOf(neuromuscular), 'other');
    scores.MYO -= 1;
  }
  // Endomyocardial fibrosis / Löffler: apical obliteration by thrombus and subendocardial fibrosis, eosinophilia.
  const obliteration = f.present('apical-obliteration');
  const subendoAny = lge.filter((m) => m.attrs.has('subendo'));
  if (obliteration.length > 0 && (thrombus.length > 0 || subendoAny.length > 0) && hypertrophy.length === 0) fire('other.emf', 'OTHER', 5, 'apical obliteration with thrombus / subendocardial fibrosis (endomyocardial fibrosis)', spansOf(obliteration), 'other');
  const eosinophilia = f.context('ctx:eosinophilia');
  // Hypereosinophilic endomyocardial disease (ESC 2023): subendocardial LGE that follows no coronary territory, often
  // with apical thrombus; without coronary disease it is not an infarct.
  if (eosinophilia.length > 0 && (subendoAny.length > 0 || thrombus.length > 0 || obliteration.length > 0)) {
    fire('other.eosinophilic', 'OTHER', 4, 'eosinophilia with subendocardial fibrosis / thrombus (Löffler)', spansOf(eosinophilia), 'other');
    if (f.context('ctx:cad').length === 0 && territorial.length === 0) scores.ICM -= 2;
  }
  // Chagas cardiomyopathy (AHA 2018 scientific statement): an LV apical aneurysm or inferolateral / apical scar in
  // someone from a region where T. cruzi is endemic, without coronary disease.
  const endemic = f.context('ctx:endemic');
  const chagasPattern = [...apicalAneurysm, ...f.present('aneurysm').filter((m) => m.attrs.has('apical') || m.attrs.has('inferior') || m.attrs.has('lateral')), ...lge.filter((m) => m.attrs.has('apical') || (m.attrs.has('inferior') && m.attrs.has('lateral')))];
  if (endemic.length > 0 && chagasPattern.length > 0 && f.context('ctx:cad').length === 0) {
    fire('other.chagas', 'OTHER', 4, 'apical aneurysm / inferolateral scar with origin from a Chagas-endemic region', spansOf(endemic), 'other');
    scores.ICM -= 1.5;
  }
  // ESC 2023 / ESC 2021 valve guideline: severe valve disease (stenosis, regurgitation) explains the hypertrophy or
  // dilatation it loads the LV with, and its mid-wall fibrosis; known from the history or found now.
  const severeValve = f.context('dx:OTHER').filter((m) => m.subtype === 'valve' && m.attrs.has('severe') && !m.attrs.has('functional'));
  if (severeValve.length > 0 && (hypertrophy.length > 0 || lvDilated || (mwtMm !== null && mwtMm >= 12))) {
    fire('other.valve-loading', 'OTHER', 3, 'severe valve disease loading the LV (hypertrophy / dilatation)', spansOf(severeValve), 'valve');
    scores.HCM -= 2;
    scores.DCM -= 1.5;
    if (!t2Criterion) scores.MYO -= 1.5;
  }
  // Arrhythmic mitral valve prolapse (EHRA 2022 consensus): prolapse or annular disjunction with LGE of the papillary
  // muscles or the basal inferolateral wall is the valve's disease, not myocarditis.
  const prolapse = f.context('dx:OTHER').filter((m) => m.subtype === 'valve' && m.attrs.has('prolapse'));
  const mvpLge = lge.filter((m) => m.attrs.has('papillary') || (m.attrs.has('basal') && m.attrs.has('inferior') && m.attrs.has('lateral')));
  if (prolapse.length > 0 && mvpLge.length > 0 && !ischemicLge && oedema.length === 0) {
    fire('other.arrhythmic-mvp', 'OTHER', 3, 'mitral valve prolapse / annular disjunction with papillary or basal inferolateral LGE (arrhythmic MVP)', spansOf([...prolapse, ...mvpLge]), 'valve');
    scores.MYO -= 1;
  }
  // RV pressure overload (ESC/ERS 2022): a flattened septum with a dilated or hypertrophied RV is pulmonary
  // hypertension's heart, not arrhythmogenic cardiomyopathy.
  const rvPressure = f.present('rv-pressure');
  const rvLoaded = rvDilatedByNumbers || rvDilatedWords.length > 0 || hypertrophy.some((m) => m.attrs.has('rv') && !m.attrs.has('lv'));
  if (rvPressure.length > 0 && rvLoaded) fire('other.rv-pressure', 'OTHER', 2.5, 'flattened septum with a dilated or hypertrophied RV (pressure overload)', spansOf(rvPressure), 'other');
  const hypertension = f.context('ctx:hypertension');
  const hcmSigns = asymmetric.length > 0 || sam.length > 0 || (mwtMm !== null && mwtMm >= 16);
  const caSigns = diffuseLge.length > 0 || nulling.length > 0 || (ecvValue !== null && ecvValue >= 40);
  if (hypertension.length > 0 && (concentric.length > 0 || (mwtMm !== null && mwtMm >= 12)) && !hcmSigns && !caSigns) fire('other.hypertensive', 'OTHER', 3, 'concentric LVH with arterial hypertension', spansOf([...hypertension, ...concentric]), 'hypertensive');
  if (caSigns && scores.CA >= 6) scores.HCM -= 3;
  // ESC 2023: a dilated, poorly contracting LV explained by abnormal loading is not DCM. Long-standing or uncontrolled
  // hypertension, with no ischaemic scar, is hypertensive heart disease in its dilated stage.
  const severeHypertension = hypertension.filter((m) => m.attrs.has('uncontrolled') && !m.attrs.has('family'));
  if (severeHypertension.length > 0 && efReduced && !ischemicLge && !hcmSigns && !caSigns && oedema.length === 0) {
    fire('other.hypertensive-loading', 'OTHER', 4.5, 'long-standing / uncontrolled hypertension explaining LV dysfunction', spansOf(severeHypertension), 'hypertensive');
    scores.DCM -= 2.5;
  }

  // ---- Findings no criterion above explains: the category each points to most often, weakly, so that an abnormal
  // report gets an answer rather than none. Regional wall-motion abnormality is ischaemic until shown otherwise;
  // unexplained LV hypertrophy is HCM (ESC 2023) unless loading explains it; an effusion alone is pericardial.
  const explained = CATEGORIES.some((c) => c !== 'NORMAL' && scores[c] > 0);
  if (!explained) {
    if (regionalWma.length > 0) fire('icm.wma-only', 'ICM', 0.75, 'regional wall-motion abnormality, nothing else', spansOf(regionalWma));
    if (hypertrophy.length > 0 && hypertension.length === 0 && concentric.length === 0) fire('hcm.lvh-only', 'HCM', 0.75, 'LV hypertrophy, nothing else', spansOf(hypertrophy));
    // LGE of the (infero)lateral wall with no depth or pattern named: most often myocarditis' subepicardial scar.
    const lateralLge = lge.filter((m) => m.attrs.has('lateral') && !m.attrs.has('territory'));
    if (lateralLge.length > 0) fire('myo.lge-only', 'MYO', 0.75, 'LGE of the (infero)lateral wall, nothing else', spansOf(lateralLge));
    // LGE of the anterior or inferior wall or the apex with no depth or pattern named: most often an infarct's
    // (the LAD and RCA territories), not myocarditis' lateral scar.
    const territoryWallLge = lge.filter((m) => (m.attrs.has('anterior') || m.attrs.has('apical') || m.attrs.has('inferior')) && !m.attrs.has('lateral') && !m.attrs.has('septal') && !m.attrs.has('rv'));
    if (territoryWallLge.length > 0 && lateralLge.length === 0) fire('icm.lge-only', 'ICM', 0.75, 'LGE of the anterior / inferior wall or the apex, nothing else', spansOf(territoryWallLge));
    // A dysfunctional RV with a normal LV and nothing else: the right ventricle's own disease (ARVC) until shown otherwise.
    if (rvBad && !lvDilated && !efReduced) fire('other.rv-only', 'OTHER', rvef && rvef.value <= 40 ? 2 : 0.75, 'RV dysfunction, nothing else', spansOf(rvef ? [rvef] : f.present('reduced-fn').filter((m) => m.attrs.has('rv'))), 'arvc');
    if (effusion.length > 0 && lge.length === 0 && oedema.length === 0) fire('other.effusion-only', 'OTHER', 0.75, 'pericardial effusion, nothing else', spansOf(effusion), 'pericarditis');
  }

  // ---- NORMAL: nothing abnormal ----
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
  if (lgeNegated) fire('normal.no-lge', 'NORMAL', 1, 'no LGE', spansOf(f.negated('lge')));
  if (lvef && lvef.value >= 55 && !lvDilated) fire('normal.ef', 'NORMAL', 0.5, `LVEF ${lvef.value} %`, spansOf([lvef]));

  let best: DxCategory = 'NORMAL';
  // A disease needs positive evidence: when nothing scores above zero NORMAL wins (and needs its own, below).
  for (const c of CATEGORIES) if (scores[c] > scores[best] + 1e-9 && (c === 'NORMAL' || scores[c] > 0)) best = c;
  for (const c of CATEGORIES) scores[c] = Math.round(scores[c] * 100) / 100;
  const result: Scored = { category: best, scores, criteria, subtype: null, normal: null };
  if (best === 'OTHER') result.subtype = [...otherParts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'other';
  if (best === 'NORMAL') {
    // Positive evidence of a normal study (abstain.ts: a text that merely lacks disease is not NORMAL). A study the
    // report calls normal settles it, so the signals are only looked for when it does not.
    const stated = f.present('dx:NORMAL');
    const signals = stated.length > 0 ? [] : findSignals();
    const s = new Facts(signals, measurements);
    // "Kein LGE akquiriert", "no LGE (contrast declined)": in a sentence about a limited exam, an absence is not judged.
    const limitedSentences = new Set(signals.filter((m) => m.concept.startsWith('exam:') && m.status !== 'negated').map((m) => m.sentence.start));
    const judged = (ms: Mention[]) => ms.filter((m) => !limitedSentences.has(m.sentence.start));
    const efNormal = lvef && lvef.value >= 50 && !(lvef.ref?.low != null && lvef.value < lvef.ref.low) && !lvDilated;
    const sizeNormal = (edvi || edv) && !lvDilatedByNumbers;
    const tissueNormal = [t1 && !t1High && !t1Low ? t1 : undefined, t2 && !t2High ? t2 : undefined, ecv && !ecvHigh ? ecv : undefined].filter((m) => m !== undefined);
    const evidence: [NormalKind, (Mention | Measurement)[]][] = [
      ['stated', [...stated, ...s.present('normal:stated')]],
      ['no-lge', lgeNegated ? judged(f.negated('lge')) : []],
      ['function', [...(efNormal ? [lvef] : []), ...s.present('normal:function'), ...judged([...f.negated('reduced-fn'), ...f.negated('wma')])]],
      ['size', [...(sizeNormal ? [edvi ?? edv!] : []), ...s.present('normal:size'), ...judged([...f.negated('dilated'), ...f.negated('hypertrophy')])]],
      ['tissue', [...tissueNormal, ...s.present('normal:tissue'), ...judged([...f.negated('oedema'), ...f.negated('t1-high'), ...f.negated('t2-high'), ...f.negated('ecv-high'), ...f.negated('mass'), ...f.negated('thrombus')])]],
    ];
    result.normal = evidence.filter(([, found]) => found.length > 0).map(([kind, found]) => ({ kind, spans: spansOf(found).slice(0, 4) }));
  }
  return result;
}

/**
 * A sarcoidosis named with another organ or its work-up ("pulmonary sarcoidosis", "bronchoskopisch gesichert") and no
 * word of the heart is extracardiac disease, wherever the sentence stands: HRS 2014 and JCS 2016 make it cardiac
 * sarcoidosis only beside cardiac findings (criteria.ts counts it with those, `extracardiacSarcoid`).
 */
const extracardiacSarcoidosis = (m: Mention) => m.concept === 'dx:CS' && ['pulmonary', 'hilar', 'extracardiac', 'extracardiac-sarcoid'].some((a) => m.attrs.has(a)) && !namesHeart(m) && m.section !== 'assessment';

/** Places of the heart: a finding named with one is the heart's even beside another organ. */
const HEART_PLACES = ['subepi', 'midwall', 'subendo', 'transmural', 'septal', 'lateral', 'inferior', 'anterior', 'apical', 'basal', 'lv', 'rv', 'territory', 'insertion', 'atrium', 'atrial-wall', 'myocardium', 'cardiac'];
const namesHeart = (m: Mention) => HEART_PLACES.some((a) => m.attrs.has(a));

/** "Brain CT showed infarcts": an infarct told of another organ with no word of the heart is no myocardial infarction. */
const extracardiacInfarct = (m: Mention) => m.concept === 'dx:ICM' && m.attrs.has('extracardiac') && !namesHeart(m);

/** Stated diagnoses: the strongest mention per category counts fully, further ones a little. */
/** Subtypes of OTHER that a patient keeps for life: known in the history, they are the diagnosis the CMR describes. */
const LIFELONG_OTHER = new Set<OtherSubtype>(['congenital', 'arvc', 'fabry', 'lvnc', 'siderosis']);

function scoreDiagnoses(f: Facts, fire: Fire, { trabeculationTrait = false } = {}): void {
  const hasAssessment = f.mentions.some((m) => m.section === 'assessment');
  const lastSentenceStart = f.mentions.reduce((max, m) => Math.max(max, m.sentence.start), 0); // no spread: mentions are unbounded
  const cmrStart = cmrStartOf(f.mentions);
  const per = new Map<DxCategory, { weight: number; mention: Mention }[]>();
  for (const m of f.mentions) {
    if (!m.concept.startsWith('dx:')) continue;
    const category = m.concept.slice(3) as DxCategory;
    // The assessment is where the diagnosis is stated; a report without one states it in its last sentences.
    const inAssessment = m.section === 'assessment' || (!hasAssessment && m.sentence.start >= lastSentenceStart - 400 && NARRATIVE.has(m.section));
    // A text without headings that tells the history first: what it names before the CMR is the referral's view.
    const beforeCmr = !hasAssessment && cmrStart !== null && m.sentence.start < cmrStart;
    const where = beforeCmr ? 0.3 : inAssessment ? 1 : NARRATIVE.has(m.section) ? 0.6 : 0.3;
    let weight = 0;
    switch (m.status) {
      case 'affirmed':
        weight = 10 * where * (m.stated ? 1.2 : 1);
        break;
      case 'uncertain':
        weight = 10 * where * m.certainty;
        break;
      case 'historical':
        // "Vereinbar mit einer abgelaufenen Myokarditis" in the assessment: the cause of what this study shows.
        weight = m.section === 'assessment' ? 4 : CHRONIC.has(category) || (m.subtype && LIFELONG_OTHER.has(m.subtype)) ? 3 : 0;
        break;
      case 'context': {
        const lifelong = CHRONIC.has(category) || (m.subtype !== undefined && LIFELONG_OTHER.has(m.subtype));
        weight = category === 'CS' || category === 'ICM' ? 3 : lifelong && !m.attrs.has('family') ? 2 : category === 'HCM' ? 1 : 0;
        break;
      }
      case 'negated':
        weight = -3 * where;
        break;
      case 'asked':
        weight = 0;
        break;
    }
    // "Brother with HCM", "Mutter mit DCM": a relative's diagnosis is family history, not the patient's (ESC 2023 counts
    // it only beside the patient's own phenotype).
    if (m.attrs.has('family') && !m.attrs.has('cmr') && m.section !== 'assessment' && weight > 0 && (m.status === 'affirmed' || m.status === 'uncertain')) weight = CHRONIC.has(category) ? 1 : 0;
    // A normal study cannot be suspected: "normal variant?" in a differential is no verdict on this study.
    if (category === 'NORMAL' && m.status === 'uncertain' && m.certainty < 0.6) weight = 0;
    if (category === 'OTHER' && m.subtype === 'lvnc' && weight > 0 && trabeculationTrait) weight *= 0.3;
    // "Echo and angiography showed no abnormality": another test's normal verdict is history, not this study's.
    if (category === 'NORMAL' && weight > 0 && m.attrs.has('othermod') && !m.attrs.has('cmr')) weight *= 0.2;
    // Secondary valve disease (functional mitral regurgitation in a DCM) is not the diagnosis.
    if (category === 'OTHER' && m.subtype === 'valve' && weight > 0 && (m.attrs.has('functional') || !m.attrs.has('severe'))) weight *= 0.3;
    // Pulmonary hypertension called secondary or mild follows the left heart's disease; it is not the diagnosis.
    if (m.secondary && weight > 0 && (m.attrs.has('functional') || m.attrs.has('mild'))) weight *= 0.3;
    if (weight > 0 && (extracardiacSarcoidosis(m) || extracardiacInfarct(m))) weight = 0;
    if (weight === 0) continue;
    const list = per.get(category) ?? [];
    list.push({ weight, mention: m });
    per.set(category, list);
  }
  for (const [category, list] of per) {
    const negatives = list.filter((x) => x.weight < 0);
    // A suspicion that a later sentence rules out ("referred with suspected LV non-compaction ... not meeting the
    // criteria for non-compaction") was the question, and the report answered it.
    const answered = (x: { mention: Mention }) => x.mention.status === 'uncertain' && negatives.some((n) => n.mention.sentence.start > x.mention.sentence.start && n.mention.subtype === x.mention.subtype);
    const positives = list.filter((x) => x.weight > 0 && !answered(x)).sort((a, b) => b.weight - a.weight);
    if (positives.length > 0) {
      const total = positives[0]!.weight + positives.slice(1).reduce((s, x) => s + x.weight * 0.2, 0);
      const top = positives[0]!.mention;
      fire(`dx.${category.toLowerCase()}`, category, Math.min(total, 14), `${category} named in the report (${describeStatus(top)})`, positives.map((x) => x.mention.sentence), category === 'OTHER' ? (top.subtype ?? 'other') : undefined);
    }
    if (negatives.length > 0 && positives.every((p) => p.mention.status !== 'affirmed')) {
      fire(`dx.${category.toLowerCase()}-negated`, category, negatives.reduce((min, x) => Math.min(min, x.weight), Infinity), `${category} ruled out in the report`, negatives.map((x) => x.mention.sentence));
    }
  }
}

function describeStatus(m: Mention): string {
  const where = m.section === 'assessment' ? 'assessment' : m.section;
  if (m.status === 'uncertain') return `hedged, certainty ${m.certainty}, ${where}`;
  return `${m.status}, ${where}`;
}
