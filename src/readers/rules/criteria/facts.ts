/**
 * The facts the criteria read (DOMAIN.md): what the report's measurements and mentions say, gathered once per report
 * before any category's criteria fire, in four layers:
 *
 * - `Query`: questions about the mentions (present, negated, clinical context) and the measurements (first, max).
 * - Numbers: the measurements against the report's own printed reference range where there is one, field-strength
 *   defaults otherwise (T1, T2, ECV, volumes, wall thickness).
 * - Findings: the mentions that count as this study's findings (LGE and its pattern, oedema, hypertrophy, ...),
 *   with what is another organ's, the fluid's, the clinical history's or a previous study's left out.
 * - Judgements shared between categories: a conclusion one category's criteria draw that others weigh too (HCM's
 *   asymmetric hypertrophy, amyloid's red flags, Lake Louise's T2 criterion, the sarcoid picture, ...). Each lives
 *   here once, under the category that owns it; judgements only one category reads stay in its own module.
 *
 * Everything here is pure: no criterion fires and no score moves (see tally.ts and the category modules).
 */
import type { Measurement } from '../../../report/extract-measurements.js';
import type { Span } from '../../../report/report.js';
import type { ConceptId, DxCategory } from '../lexicon.js';
import type { Mention } from '../find-findings.js';

/** The sections that tell this study: all but the history, the technique and the administrative lines. */
export const NARRATIVE = new Set(['preamble', 'body', 'findings', 'assessment', 'comparison', 'quantitative', 'recommendation']);

const NONE: Mention[] = [];
/** Findings that do not go away: described as residual or old, they are still there on this scan. */
const PERMANENT = new Set<ConceptId>(['lge']);

/** Questions about one report's mentions and measurements. */
export class Query {
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

/** A length in millimetres (reports print walls and diameters in mm or cm). */
export const inMm = (m: Measurement, value = m.value) => (m.unit === 'cm' ? value * 10 : value);

/** Mapping values are only comparable to their own site's reference; without one, to field-strength defaults. */
function upperLimit(m: Measurement, field: number | null, defaults: { '1.5': number; '3': number; unknown: number }): number {
  if (m.ref?.high != null) return m.ref.high;
  if (field === null) return defaults.unknown;
  return field >= 2 ? defaults['3'] : defaults['1.5'];
}

/** Findings that pass: described in an earlier study of a text that tells a repeat one, they are history. */
const TRANSIENT = new Set<ConceptId>(['oedema', 't2-high']);
const FINDING_CONCEPTS = new Set<ConceptId>(['lge', 'oedema', 'wma', 'dilated', 'hypertrophy', 'reduced-fn', 'effusion', 'thinning', 'aneurysm', 'fat', 't1-high', 't2-high']);

/** Where a text without headings starts telling its CMR: the repeat study's sentence, else the first one naming the CMR. */
function cmrStartOf(mentions: Mention[], repeatStart: number | null): number | null {
  const cmrMentions = mentions.filter((m) => (m.attrs.has('cmr') || m.concept === 'cmr-exam') && m.section === 'preamble');
  return repeatStart ?? cmrMentions.reduce<number | null>((min, m) => (min === null || m.sentence.start < min ? m.sentence.start : min), null);
}

/**
 * A one-paragraph text that tells two studies ("First CMR: ... One year later, repeat CMR: ...") is about the later
 * one: where it starts, or null. Only a repeat study that reports findings counts (not "a follow-up CMR is recommended").
 */
function repeatStudyStart(mentions: Mention[]): number | null {
  const findingStarts = mentions.filter((m) => FINDING_CONCEPTS.has(m.concept)).map((m) => m.sentence.start);
  let start: number | null = null;
  for (const m of mentions) {
    if (m.concept !== 'cmr-exam' || m.section !== 'preamble' || !m.attrs.has('followup')) continue;
    if (findingStarts.some((s) => s >= m.sentence.start) && (start === null || m.sentence.start > start)) start = m.sentence.start;
  }
  return start;
}

/**
 * What the earlier study of a serial text told, as the repeat study leaves it (DOMAIN.md: this study's verdict wins):
 * oedema is gone by then; a finding the repeat study denies ("no residual LGE") is the earlier study's only (LGE,
 * which would otherwise stay as an old scar, becomes context); a diagnosis told before the repeat study ("had
 * presented three years earlier with acute myocarditis") is history, which a chronic disease outlasts (diagnoses.ts).
 */
function supersededByRepeat(mentions: Mention[], repeatStart: number): Mention[] {
  const deniedLater = new Set(mentions.filter((m) => m.status === 'negated' && m.sentence.start >= repeatStart).map((m) => m.concept));
  return mentions.map((m) => {
    if ((m.status !== 'affirmed' && m.status !== 'historical') || m.sentence.start >= repeatStart) return m;
    if (m.status === 'affirmed' && (TRANSIENT.has(m.concept) || m.concept.startsWith('dx:'))) return { ...m, status: 'historical' as const };
    if (FINDING_CONCEPTS.has(m.concept) && deniedLater.has(m.concept)) return { ...m, status: m.concept === 'lge' ? ('context' as const) : ('historical' as const) };
    return m;
  });
}

/** The myocardium's own depths: LGE named with one is in the myocardium, not (only) the pericardium. */
export const MYOCARDIAL_PLACES = ['subepi', 'midwall', 'subendo', 'transmural'];

/** Places of the heart: a finding named with one is the heart's even beside another organ. */
const HEART_PLACES = [...MYOCARDIAL_PLACES, 'septal', 'lateral', 'inferior', 'anterior', 'apical', 'basal', 'lv', 'rv', 'territory', 'insertion', 'atrium', 'atrial-wall', 'myocardium', 'cardiac'];
export const namesHeart = (m: Mention) => HEART_PLACES.some((a) => m.attrs.has(a));

/**
 * A sarcoidosis named with another organ or its work-up ("pulmonary sarcoidosis", "bronchoskopisch gesichert") and no
 * word of the heart is extracardiac disease, wherever the sentence stands: HRS 2014 and JCS 2016 make it cardiac
 * sarcoidosis only beside cardiac findings (counted with those, `extracardiacSarcoid` below).
 */
export const extracardiacSarcoidosis = (m: Mention) => m.concept === 'dx:CS' && ['pulmonary', 'hilar', 'extracardiac', 'extracardiac-sarcoid'].some((a) => m.attrs.has(a)) && !namesHeart(m) && m.section !== 'assessment';

/**
 * A disease told of another organ with no word of the heart is not the heart's: "brain CT showed infarcts" is no
 * myocardial infarction, "Lebersiderose" or a low liver T2* is hepatic, not myocardial, iron overload (cardiac
 * siderosis is a myocardial T2* < 20 ms, Anderson et al. 2001).
 */
export const extracardiacDiagnosis = (m: Mention) =>
  !namesHeart(m) &&
  (((m.concept === 'dx:ICM' || (m.concept === 'dx:OTHER' && m.subtype === 'siderosis')) && m.attrs.has('extracardiac')) ||
    // A cancer told without the heart ("receiving nivolumab for metastatic melanoma") is no cardiac mass.
    (m.concept === 'dx:OTHER' && m.subtype === 'mass' && (m.attrs.has('extracardiac') || m.section === 'history' || m.section === 'preamble')));

/** A relative's diagnosis ("brother with HCM", "Mutter mit DCM"): family history, stated or suspected. */
export const relativesWith = (q: Query, category: DxCategory) => q.mentions.filter((m) => m.concept === `dx:${category}` && m.attrs.has('family') && m.status !== 'negated' && m.status !== 'asked');

/** The facts of one report. */
export type Facts = ReturnType<typeof gatherFacts>;

/**
 * @param fromThisExam whether a place in the text tells this exam (not the history's past, another modality's
 *   sentence, a comparison; abstain.ts): the numbers of this CMR are read there first
 */
export function gatherFacts(mentions: Mention[], measurements: Measurement[], fromThisExam: (span: Span) => boolean = () => true) {
  const repeatStart = repeatStudyStart(mentions);
  const current = repeatStart === null ? mentions : supersededByRepeat(mentions, repeatStart);
  const q = new Query(current, measurements);
  // ---- Numbers ----
  // ESC 2013 myocarditis position statement (Caforio et al.): acute myocarditis can thicken the walls with oedema,
  // and that thickening regresses within weeks. Wall thickening called new (of recent onset) beside myocardial
  // oedema in an acute infection or troponin rise is that oedema, not hypertrophy: neither its words nor its
  // millimetres count for HCM, amyloid or loading.
  const acuteIllness = q.context('ctx:infection').length > 0 || q.context('ctx:troponin').length > 0;
  const myocardialOedema = q.present('oedema').some((m) => !m.attrs.has('extracardiac') && !m.attrs.has('fluid'));
  const knownHcm = q.mentions.some((m) => m.concept === 'dx:HCM' && m.status !== 'negated');
  const oedematous = acuteIllness && myocardialOedema && !knownHcm ? q.mentions.filter((m) => m.concept === 'hypertrophy' && m.attrs.has('new-onset') && m.status !== 'negated') : [];
  const inOedematous = (x: Mention | Measurement) => oedematous.some((m) => x.span.start >= m.sentence.start && x.span.start < m.sentence.end);
  // This study's own reading of the walls wins over an earlier one (DOMAIN.md: the study's verdict wins; ESC 2023
  // measures hypertrophy on the imaging reported): when this CMR finds no hypertrophy or walls of normal thickness,
  // and itself describes or measures no thickening, the thickening the history told (an earlier echo, an earlier
  // admission) has regressed, and neither its words nor its millimetres are this study's.
  const cmrStart = cmrStartOf(q.mentions, repeatStart);
  const historySentences = q.mentions.filter((m) => m.section === 'history').map((m) => m.sentence);
  const beforeThisCmr = (start: number) => (cmrStart !== null && start < cmrStart) || historySentences.some((s) => start >= s.start && start < s.end);
  const ecgOnly = (m: Mention) => m.attrs.has('ecg') && !m.attrs.has('cmr');
  // Serial studies (issue 12): the function and size this CMR measured, not an earlier echo's ("LVEF 25 % on echo a
  // year ago ... CMR now: LVEF 58 %"); an earlier value counts only when this study printed none.
  const thisStudy = (key: string) => measurements.find((m) => m.key === key && !beforeThisCmr(m.span.start) && fromThisExam(m.span)) ?? q.first(key);
  const lvef = thisStudy('LVEF');
  const edvi = thisStudy('LVEDVi');
  const edv = thisStudy('LVEDV');
  const wallsNormalHere = [...q.negated('hypertrophy').filter((m) => !(m.attrs.has('rv') && !m.attrs.has('lv'))), ...q.present('normal-wall')].some((m) => !beforeThisCmr(m.sentence.start));
  const thickHere = q.present('hypertrophy').some((m) => !beforeThisCmr(m.sentence.start) && !ecgOnly(m)) || measurements.some((m) => m.key === 'MWT' && !beforeThisCmr(m.span.start) && inMm(m) >= 13);
  const wallsRegressed = wallsNormalHere && !thickHere;
  const mwtMax = wallsRegressed ? measurements.filter((m) => m.key === 'MWT' && !beforeThisCmr(m.span.start)).sort((a, b) => b.value - a.value)[0] : q.max('MWT');
  const mwt = mwtMax && !inOedematous(mwtMax) ? mwtMax : undefined;
  const ecv = q.first('ECV');
  const t1 = q.firstRegionalMax('T1');
  const t2 = q.firstRegionalMax('T2');
  const rvef = thisStudy('RVEF');
  const rvedvi = thisStudy('RVEDVi');
  const gradient = q.max('LVOT_gradient');
  const ecvValue = ecv ? ecvPercent(ecv) : null;
  const t1Upper = t1 ? upperLimit(t1, q.field, { '1.5': 1060, '3': 1250, unknown: 1100 }) : Infinity;
  const t1High = t1 ? t1.value > t1Upper : false;
  const t1Marked = t1 ? t1.value > t1Upper + 90 : false;
  const t1Low = t1 ? t1.value < (t1.ref?.low ?? (q.field !== null && q.field >= 2 ? 1080 : 920)) - 20 : false;
  const t2High = t2 ? t2.value > upperLimit(t2, q.field, { '1.5': 55, '3': 50, unknown: 55 }) : false;
  const ecvUpper = ecv?.ref?.high != null ? (ecv.ref.high < 1 ? ecv.ref.high * 100 : ecv.ref.high) : 30;
  const ecvHigh = ecvValue !== null && ecvValue > ecvUpper;
  const mwtMm = mwt ? inMm(mwt) : null;
  // Without volumes, the end-diastolic diameter: above its printed norm, or above 60 mm (beyond the upper limits of
  // about 58 mm in men and 52 mm in women that echo and CMR diameters share; ESC 2023 DCM).
  const edd = thisStudy('LVEDD');
  const eddMm = edd ? inMm(edd) : null;
  const eddHigh = edd?.ref?.high != null ? inMm(edd, edd.ref.high) : 60;
  const lvDilatedByNumbers = edvi ? edvi.value > (edvi.ref?.high ?? 105) : edv ? edv.value > (edv.ref?.high ?? 220) : eddMm !== null && eddMm > eddHigh;
  // Lake Louise (2009 and 2018): a global myocardium / skeletal-muscle T2 signal ratio of 2.0 or more is oedema.
  const t2Ratio = q.first('T2_ratio');
  const t2RatioHigh = t2Ratio ? t2Ratio.value >= (t2Ratio.ref?.high ?? 2) : false;
  const rvDilatedByNumbers = rvedvi ? rvedvi.value > (rvedvi.ref?.high ?? 125) : false;

  // ESC 2023: LV hypertrabeculation is a trait, not a cardiomyopathy of its own; beside walls of HCM thickness
  // (>= 15 mm, where non-compaction's thin compacted layer is absent) the words "non-compaction" name that trait.
  const hcmThickWalls = mwtMm !== null && mwtMm >= 15;

  // ---- Findings ----
  // LGE only at the RV insertion points is a common non-specific finding (DOMAIN.md): it counts for HCM in
  // hypertrophied myocardium, but it is no scar, no inflammation and no reason to call a report abnormal.
  // Enhancement of the pericardium is pericarditis' sign, not myocardial scar.
  // "Patchy uptake in the septum" outside a PET sentence is gadolinium uptake: LGE worded without the word.
  const uptake = q.present('pet-uptake').filter((m) => !m.attrs.has('pet') && !m.attrs.has('othermod'));
  // A finding of another organ ("Leberzyste, hyperintens in T2", "fibrotische Veränderungen der Lunge") is not the myocardium's.
  const elsewhere = (m: Mention) => m.attrs.has('extracardiac') && !namesHeart(m);
  const pericardial = q.present('pericardial');
  // LGE named with the myocardium ("myocardial and pericardial enhancement") is the myocardium's, beside the pericardium's.
  // So is enhancement in a sentence about the pericardium itself ("the pericardium is of normal thickness but enhances
  // diffusely") that names no fluid, no chamber, no wall and no myocardial depth: the pericardium's LGE (ESC 2015).
  const pericardiumOwn = (m: Mention) => !m.attrs.has('fluid') && !HEART_PLACES.some((a) => m.attrs.has(a)) && !q.negated('pericardial').some((p) => p.sentence.start === m.sentence.start);
  const lgeAll = [...q.present('lge'), ...uptake].filter((m) => !elsewhere(m) && !(m.attrs.has('pericardium') && !MYOCARDIAL_PLACES.some((a) => m.attrs.has(a)) && !m.attrs.has('myocardium') && (pericardial.some((p) => p.sentence.start === m.sentence.start) || pericardiumOwn(m))));
  const lge = lgeAll.filter((m) => !insertionOnly(m));
  // The pericardium enhancing: LGE told of the myocardium and the pericardium together, or of the pericardium alone.
  const pericardialLge = q.present('lge').filter((m) => m.attrs.has('pericardium-lge') || (m.attrs.has('pericardium') && !MYOCARDIAL_PLACES.some((a) => m.attrs.has(a)) && !m.attrs.has('myocardium') && pericardiumOwn(m)));
  const lgeNegated = q.negated('lge').length > 0 && lge.length === 0;
  const ischemicPattern = q.present('lge-ischemic');
  const nonIschemic = [...q.present('lge-nonischemic'), ...q.negated('lge-ischemic')];
  // Fluid is bright on T2 and STIR (an effusion, the pleura): a signal phrase that names no oedema in a sentence
  // about fluid is the fluid's unless the myocardium is named (Lake Louise 2018 reads T2 signal of the myocardium;
  // Ferreira et al., JACC 2018). A bright pericardium without fluid stays: it is the pericarditis' oedema (ESC 2015).
  const fluidSignal = (m: Mention) => !m.attrs.has('oedema-word') && m.attrs.has('fluid') && !namesHeart(m);
  // The word oedema in a heading-less text's history, before the CMR is told, with no place, myocardium or image
  // named ("weight loss and oedema") is the clinical sign (of the legs, the body), not the T2 finding Lake Louise reads.
  const clinicalOedema = (m: Mention) => m.section === 'preamble' && cmrStart !== null && m.sentence.start < cmrStart && m.attrs.has('oedema-word') && !m.attrs.has('cmr') && !namesHeart(m);
  // A signal phrase told after a mass or thrombus in its sentence ("4 cm mass arising from the RA wall, T2 hyperintense")
  // is that mass's tissue character, not myocardial oedema; the word oedema ("Thrombus, Myokardödem lateral") stays.
  const masses = [...q.present('mass'), ...q.present('thrombus')];
  const massSignal = (m: Mention) => !m.attrs.has('oedema-word') && masses.some((x) => x.sentence.start === m.sentence.start && x.span.start < m.span.start);
  const oedema = q.present('oedema').filter((m) => !elsewhere(m) && !fluidSignal(m) && !clinicalOedema(m) && !massSignal(m));
  const hyperemia = q.present('hyperemia');
  const wma = q.present('wma');
  const hypertrophy = q.present('hypertrophy').filter((m) => !ecgOnly(m) && !inOedematous(m) && !(wallsRegressed && beforeThisCmr(m.sentence.start)));
  // "Hiläre Lymphknoten vergrößert": the enlarged thing is a lymph node, not a chamber.
  const lymph = q.present('lymph');
  const lymphSentences = new Set(lymph.map((m) => m.sentence.start));
  const dilated = q.present('dilated').filter((m) => !m.attrs.has('atrium') && !m.attrs.has('aorta') && (m.attrs.has('lv') || m.attrs.has('rv') || !lymphSentences.has(m.sentence.start)));
  const lvDilatedWords = dilated.filter((m) => m.attrs.has('lv') || !m.attrs.has('rv'));
  const rvDilatedWords = dilated.filter((m) => m.attrs.has('rv') && !m.attrs.has('lv'));
  const reduced = q.present('reduced-fn');
  const sam = q.present('sam');
  const nulling = q.present('nulling');
  const thinning = q.present('thinning');
  const aneurysm = q.present('aneurysm');
  const rvPressure = q.present('rv-pressure');
  // A mass that takes up no contrast (first-pass perfusion, LGE) or that is treated by or resolves under
  // anticoagulation is a thrombus: thrombi are avascular and tumours enhance (ESC 2023 ACS guideline on LV thrombus;
  // Weinsaft et al., JACC 2008), so beside an infarct it is the infarct's complication, not a tumour.
  // Lipomas and cysts take up no contrast either: a non-enhancing mass named with fat or fluid, or in the pericardium, is no thrombus.
  const thrombus = [...q.present('thrombus'), ...q.present('mass').filter((m) => m.attrs.has('anticoag') || (m.attrs.has('non-enhancing') && !['fat', 'fluid', 'extracardiac', 'pericardium'].some((a) => m.attrs.has(a))))];
  const effusion = q.present('effusion');
  const ballooning = q.present('ballooning');
  const trabeculation = q.present('trabeculation');
  // "The mass proved to be a thrombus": a mass in a sentence that names a thrombus is the thrombus.
  const thrombusSentences = new Set(thrombus.map((m) => m.sentence.start));
  // A mass another test found (echo, CT) that this CMR shows to be a non-enhancing thrombus is that thrombus, unless
  // the CMR also names an enhancing mass.
  const cmrThrombus = thrombus.some((m) => !m.attrs.has('othermod'));
  const mass = q.present('mass').filter((m) => !thrombusSentences.has(m.sentence.start) && !(cmrThrombus && m.attrs.has('othermod') && !m.attrs.has('cmr')));

  const diffuseLge = lge.filter((m) => m.attrs.has('diffuse') && !m.attrs.has('territory') && !m.attrs.has('ring'));
  const subendoRegional = lge.filter((m) => m.attrs.has('subendo') && !m.attrs.has('diffuse'));
  const transmuralRegional = lge.filter((m) => m.attrs.has('transmural') && !m.attrs.has('diffuse') && !m.attrs.has('patchy') && !m.attrs.has('multifocal') && (m.attrs.has('territory') || ['anterior', 'inferior', 'lateral', 'septal', 'apical'].some((a) => m.attrs.has(a))));
  // "Not following any coronary territory" names a territory to deny it.
  const nonIschemicSentences = new Set(q.present('lge-nonischemic').map((m) => m.sentence.start));
  const territorial = lge.filter((m) => m.attrs.has('territory') && !nonIschemicSentences.has(m.sentence.start));
  // Ring-like (circumferential subepicardial) LGE is non-ischaemic: myocarditis or a desmosomal cardiomyopathy.
  const epiMid = lge.filter((m) => (m.attrs.has('subepi') || m.attrs.has('midwall') || m.attrs.has('ring')) && !m.attrs.has('subendo'));
  const patchy = lge.filter((m) => m.attrs.has('patchy') || m.attrs.has('multifocal'));
  const stripe = lge.filter((m) => m.attrs.has('stripe') || (m.attrs.has('midwall') && m.attrs.has('septal') && !m.attrs.has('patchy')));
  // A report that calls its LGE non-ischaemic overrides what the depth alone suggests.
  const calledNonIschemic = nonIschemic.length > 0 && territorial.length === 0 && ischemicPattern.length === 0;
  const ischemicLge = !calledNonIschemic && (subendoRegional.length > 0 || transmuralRegional.length > 0 || territorial.length > 0 || ischemicPattern.length > 0);

  // ---- Judgements shared between categories ----
  // HCM's (read by CA, MYO, ICM, DCM, OTHER): the hypertrophy of HCM's shape, and its end stage.
  // Mid-ventricular hypertrophy (with mid-cavity obstruction) is a regional, asymmetric form of HCM (ESC 2023).
  const asymmetric = hypertrophy.filter((m) => m.attrs.has('asymmetric') || ((m.attrs.has('septal') || m.attrs.has('midventricular')) && !m.attrs.has('concentric') && !m.attrs.has('diffuse')));
  const apicalHypertrophy = hypertrophy.filter((m) => m.attrs.has('apex-hypertrophy') || (m.attrs.has('apical') && !m.attrs.has('concentric')));
  const apicalAneurysm = aneurysm.filter((m) => m.attrs.has('apical') && !m.attrs.has('rv'));
  const hcmHypertrophy = asymmetric.length > 0 || apicalHypertrophy.length > 0 || (mwtMm !== null && mwtMm >= 15);
  // End-stage ("burnt-out") HCM (ESC 2023): hypertrophy known from before, now a thinned, dilated or poorly
  // contracting LV. The earlier hypertrophy is what tells it from a dilated cardiomyopathy.
  // Hypertrophy told in one breath with poor function ("echo: LVEF 20 % with global hypokinesis, moderate LV
  // hypertrophy") is one exam's
  // thick and poorly contracting heart, not hypertrophy before a decline. A known HCM ("bekannte HCM, jetzt EF 35 %")
  // is a diagnosis from before, whatever its sentence says.
  const concurrentDecline = (m: Mention) => {
    const { start, end } = m.sentence;
    const inSentence = (x: Mention | Measurement) => x.span.start >= start && x.span.start < end;
    return q.mentions.some((x) => (x.concept === 'reduced-fn' || x.concept === 'thinning' || (x.concept === 'wma' && x.attrs.has('diffuse'))) && x.status !== 'negated' && x.status !== 'asked' && inSentence(x)) || measurements.some((x) => x.key === 'LVEF' && x.value < 50 && inSentence(x));
  };
  const earlierHypertrophy = q.mentions.filter((m) => (m.concept === 'hypertrophy' || m.concept === 'dx:HCM') && !inOedematous(m) && (m.status === 'historical' || m.status === 'context') && !m.attrs.has('family') && !(m.attrs.has('ecg') && !m.attrs.has('cmr')) && !(m.concept === 'hypertrophy' && concurrentDecline(m)));
  const declined = (lvef ? lvef.value < 50 : reduced.length > 0) || thinning.length > 0 || lvDilatedByNumbers || dilated.some((m) => m.attrs.has('lv'));
  const endStageHcm = earlierHypertrophy.length > 0 && declined;

  // CA's (read by MYO, ICM, OTHER): concentric hypertrophy and the ESC 2023 red flags of amyloid.
  const concentric = hypertrophy.filter((m) => m.attrs.has('concentric'));
  // Atrial involvement (DOMAIN.md, CA morphology; Fontana 2015): LGE of the atrial walls or the interatrial septum,
  // in a sentence that names no ventricular wall, is amyloid's infiltration; infarcts and myocarditis spare the atria.
  const atrialLge = lge.filter((m) => m.attrs.has('atrial-wall') && !m.attrs.has('ablation') && !['lateral', 'inferior', 'anterior', 'apical', 'territory', 'lv', 'insertion'].some((a) => m.attrs.has(a)));
  const atrialSeptum = q.present('atrial-septum');
  const biatrial = q.present('biatrial');
  const valveThickening = q.present('valve-thickening');
  const infiltrative = q.present('infiltrative');
  // The classic clinical clues of amyloid: low QRS voltage, carpal tunnel syndrome, a gammopathy, bone-scan uptake.
  // Myocardial uptake on bone scintigraphy (Gillmore 2016), and echo's sparkling myocardium told in the history (the
  // CMR's own infiltration words count in full, above).
  const boneScanUptake = q.context('ctx:bone-scan-uptake');
  const infiltrativeHistory = q.context('infiltrative').filter((m) => m.status === 'context');
  const caContext = [...q.context('ctx:low-voltage'), ...q.context('ctx:carpal'), ...q.context('ctx:gammopathy'), ...q.context('ctx:bone-scan'), ...boneScanUptake, ...infiltrativeHistory];
  // ESC 2023 red flags of amyloid beside its LGE: difficult nulling, ECV >= 40 %, markedly raised T1, thickened atrial
  // septum or valves, biatrial enlargement, atrial LGE, infiltration, the clinical clues above.
  const caRedFlags = atrialLge.length > 0 || nulling.length > 0 || (ecvValue !== null && ecvValue >= 40) || t1Marked || atrialSeptum.length > 0 || biatrial.length > 0 || valveThickening.length > 0 || infiltrative.length > 0 || q.present('ecv-high').some((m) => m.attrs.has('severe')) || caContext.length > 0;

  // MYO's (read by DCM, OTHER): the Lake Louise 2018 T2 criterion, non-ischaemic LGE, an acute illness's context.
  const t2Now = oedema.length > 0 || t2High || t2RatioHigh || q.present('t2-high').some((m) => !massSignal(m));
  // Oedema or raised T2 that an acute illness brought and a later study found resolved was myocarditis' T2 criterion
  // at its acute study (Lake Louise 2018; ESC 2013: myocarditis recovers).
  const resolvedOedema = q.mentions.filter((m) => (m.concept === 'oedema' || m.concept === 't2-high') && m.status === 'historical' && !m.attrs.has('extracardiac') && !m.attrs.has('fluid'));
  // Not an illness years before ("five years earlier, acute viral myocarditis"): a study then is a check-up, not its course.
  const illnessThisEpisode = [...q.context('ctx:infection'), ...q.context('ctx:troponin')].some((m) => m.status !== 'historical');
  const t2Criterion = t2Now || (illnessThisEpisode && resolvedOedema.length > 0);
  const nonIschemicLge = epiMid.length > 0 && !ischemicLge && diffuseLge.length === 0;
  const myoContext = [...q.context('ctx:infection'), ...q.context('ctx:troponin')];
  const inflammation = q.present('inflammation');
  // Myocardial inflammation named on CMR (not on PET) is what myocarditis means.
  const cmrInflammation = inflammation.filter((m) => !m.attrs.has('pet'));

  // CS's (read by MYO, ICM, DCM): the patient's own conduction disease, the sarcoid picture, the JCS 2016 majors.
  /** The patient's own, not a relative's. */
  const own = (ms: Mention[]) => ms.filter((m) => !m.attrs.has('family'));
  const avBlock = own(q.context('ctx:av-block'));
  const vt = own(q.context('ctx:vt'));
  const conduction = own([...q.context('ctx:av-block'), ...q.context('ctx:vt')]);
  const basalSeptalPatchy = patchy.filter((m) => m.attrs.has('septal') && (m.attrs.has('basal') || m.attrs.has('rv-side')));
  // HRS 2014: extracardiac sarcoidosis (stated, or its signs: hilar nodes, erythema nodosum, uveitis, granulomas)
  // with patchy or multifocal LGE is probable cardiac sarcoidosis, whatever the troponin or fever.
  const hilarNodes = q.context('lymph').filter((m) => m.attrs.has('hilar') && m.status !== 'uncertain');
  // Extracardiac sarcoidosis stated, not hedged: "granulomatous" in a differential also names giant-cell myocarditis.
  const sarcoidClues = q.context('ctx:sarcoid').filter((m) => m.status !== 'uncertain');
  const extracardiacSarcoid = [...sarcoidClues, ...q.mentions.filter((m) => m.concept === 'dx:CS' && (m.status === 'context' || m.status === 'historical' || (m.status === 'affirmed' && extracardiacSarcoidosis(m)))), ...hilarNodes];
  // Active sarcoidosis meets Lake Louise too: with conduction disease and basal septal LGE, and no infection or
  // troponin rise, the criteria do not speak for myocarditis over sarcoidosis (DOMAIN.md, CS context clues).
  const conductionSarcoidLike = conduction.length > 0 && basalSeptalPatchy.length > 0 && myoContext.length === 0;
  // HRS 2014 probable CS: extracardiac sarcoidosis and LGE "in a pattern consistent with CS" (patchy, multifocal,
  // subepicardial or mid-wall, basal septal or on its RV side), not only patchy LGE.
  const sarcoidPattern = patchy.length > 0 || lge.some((m) => m.attrs.has('rv-side') || ((m.attrs.has('subepi') || m.attrs.has('midwall')) && !m.attrs.has('subendo') && !m.attrs.has('diffuse')));
  const extracardiacSarcoidLike = extracardiacSarcoid.length > 0 && sarcoidPattern;
  const sarcoidLike = conductionSarcoidLike || extracardiacSarcoidLike;
  // JCS 2016 major criteria: myocardial FDG uptake (what FDG-PET calls active inflammation is myocardial tracer
  // uptake); thinning of the basal ventricular septum; high-grade AV block.
  const pet = [...q.present('pet-uptake').filter((m) => !uptake.includes(m)), ...inflammation.filter((m) => m.attrs.has('pet'))];
  const basalSeptalThinning = thinning.filter((m) => m.attrs.has('basal') && m.attrs.has('septal'));
  const jcsSpecific = [pet.length > 0, basalSeptalThinning.length > 0, avBlock.length > 0].filter(Boolean).length;

  // ICM's (read by DCM, OTHER and the unexplained findings): coronary disease and acute coronary syndromes in the history.
  // Coronary disease only suspected ("angiography for suspected ischaemic heart disease") is the referral's question, as
  // a "V.a. KHK" under the history heading is (find-findings: asked), not known disease.
  const cadContext = q.context('ctx:cad').filter((m) => m.status !== 'uncertain');
  const acs = q.context('ctx:acs');
  const regionalWma = wma.filter((m) => !m.attrs.has('diffuse'));
  // A thrombus in the atrium or its appendage comes from atrial fibrillation, not from an infarct.
  const ventricularThrombus = thrombus.filter((m) => !m.attrs.has('atrium') || m.attrs.has('lv') || m.attrs.has('apical'));
  const atrialThrombus = thrombus.filter((m) => !ventricularThrombus.includes(m));
  const normalCoronaries = q.context('ctx:normal-coronaries');

  // DCM's (read by OTHER, the unexplained findings and NORMAL): a dilated LV, reduced systolic function.
  const lvDilated = lvDilatedByNumbers || lvDilatedWords.length > 0;
  // Below 50 % (ESC 2021 bands), or below the report's own printed reference range ("LVEF 52 % (Norm 57-77)").
  const efReduced = lvef ? lvef.value < 50 || (lvef.ref?.low != null && lvef.value < lvef.ref.low) : reduced.some((m) => !m.attrs.has('rv') || m.attrs.has('lv'));

  // OTHER's (read by the unexplained findings and NORMAL).
  const rvBad = (rvef && rvef.value < 45) || reduced.some((m) => m.attrs.has('rv') && !m.attrs.has('lv'));
  const pericarditisContext = [...q.context('ctx:pericarditis'), ...q.mentions.filter((m) => m.concept === 'dx:OTHER' && m.subtype === 'pericarditis' && (m.status === 'context' || m.status === 'historical'))];
  // LGE named with a wall or the myocardium (not the pericardium) lies in the myocardium, whatever its depth.
  const myocardialLge = lge.filter((m) => MYOCARDIAL_PLACES.some((a) => m.attrs.has(a)) || m.attrs.has('patchy') || m.attrs.has('territory') || (!m.attrs.has('pericardium') && ['septal', 'lateral', 'inferior', 'anterior', 'apical', 'myocardium'].some((a) => m.attrs.has(a))));
  const pericarditisPicture = pericarditisContext.length > 0 && myocardialLge.length === 0 && (effusion.length > 0 || pericardial.length > 0 || oedema.length > 0 || lge.length > 0);
  const sizeableEffusion = effusion.filter((m) => m.attrs.has('sizeable') && !m.attrs.has('pleural'));
  // Valve disease by its numbers (ESC/EACTS 2021): regurgitant fraction >= 50 % or regurgitant volume >= 60 ml is
  // severe regurgitation, a fraction of 30-49 % moderate; valve area < 1.0 cm² or peak velocity >= 4 m/s severe aortic
  // stenosis. A leak is the ventricle's (secondary) when it pumps below 50 %, has an infarct (papillary muscle) or an
  // obstructed outflow (SAM); with an obstructed outflow a high velocity is the outflow's, not the aortic valve's.
  const rf = q.max('RF');
  const regVol = q.max('RegVol');
  const ava = measurements.filter((m) => m.key === 'AVA').sort((a, b) => a.value - b.value)[0];
  const vmax = q.max('Vmax');
  const outflowObstructed = sam.length > 0 || (gradient !== undefined && gradient.value >= 30);
  const secondaryLeak = efReduced || ischemicLge || outflowObstructed;
  const leakSevere = secondaryLeak ? [] : [rf, regVol].filter((m): m is Measurement => m !== undefined && m.value >= (m.key === 'RF' ? 50 : 60));
  const valveSevere = [...leakSevere, ...(ava && ava.value < 1 ? [ava] : []), ...(vmax && vmax.value >= 4 && !outflowObstructed ? [vmax] : [])];
  const valveModerate = !secondaryLeak && valveSevere.length === 0 && rf && rf.value >= 30 ? rf : undefined;
  const hypertension = q.context('ctx:hypertension');

  return {
    q, measurements, cmrStart,
    // Numbers
    lvef, edvi, edv, edd, acuteIllness, oedematous, mwt, mwtMm, ecv, ecvValue, ecvHigh, t1, t1High, t1Marked, t1Low, t2, t2High, t2Ratio, t2RatioHigh,
    rvef, gradient, lvDilatedByNumbers, rvDilatedByNumbers, hcmThickWalls,
    // Findings
    uptake, lgeAll, lge, lgeNegated, ischemicPattern, nonIschemic, oedema, hyperemia, wma, hypertrophy, dilated, lvDilatedWords, rvDilatedWords,
    reduced, sam, nulling, lymph, thinning, aneurysm, rvPressure, thrombus, mass, effusion, pericardial, pericardialLge, ballooning, trabeculation, diffuseLge, subendoRegional, transmuralRegional,
    territorial, epiMid, patchy, stripe, calledNonIschemic, ischemicLge,
    // Judgements
    asymmetric, apicalHypertrophy, apicalAneurysm, hcmHypertrophy, earlierHypertrophy, endStageHcm,
    concentric, atrialLge, atrialSeptum, biatrial, valveThickening, infiltrative, boneScanUptake, caContext, caRedFlags,
    t2Criterion, t2Now, resolvedOedema, nonIschemicLge, myoContext, cmrInflammation,
    own, avBlock, vt, conduction, basalSeptalPatchy, hilarNodes, sarcoidClues, extracardiacSarcoid, conductionSarcoidLike, extracardiacSarcoidLike, sarcoidLike,
    pet, basalSeptalThinning, jcsSpecific,
    cadContext, acs, regionalWma, ventricularThrombus, atrialThrombus, normalCoronaries,
    lvDilated, efReduced,
    rvBad, pericarditisContext, myocardialLge, pericarditisPicture, sizeableEffusion, hypertension, valveSevere, valveModerate,
  };
}
