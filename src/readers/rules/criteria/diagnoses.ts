/**
 * The diagnoses the report states (DOMAIN.md): they weigh most. Affirmed in the assessment more than in the findings,
 * hedged less ("am ehesten" > "V.a." > "DD"), negated not at all (it counts against); a chronic diagnosis stays true
 * when "known" or "Z.n."; a relative's diagnosis is family history (ESC 2023). Per category the strongest mention counts
 * fully, further ones a fifth; one criterion per category (`dx.hcm`, ...) and one for a diagnosis ruled out.
 */
import type { DxCategory } from '../lexicon.js';
import type { Mention } from '../find-findings.js';
import type { OtherSubtype } from '../outcomes.js';
import { NARRATIVE, extracardiacDiagnosis, extracardiacSarcoidosis, type Facts } from './facts.js';
import type { Tally } from './tally.js';

/** Categories whose diagnosis stays true when it is "known" or "Z.n." (a past infarct is today's scar). */
const CHRONIC = new Set<DxCategory>(['HCM', 'CA', 'CS', 'ICM', 'DCM']);

/** Subtypes of OTHER that a patient keeps for life: known in the history, they are the diagnosis the CMR describes. */
const LIFELONG_OTHER = new Set<OtherSubtype>(['congenital', 'arvc', 'fabry', 'lvnc', 'siderosis']);

/** A diagnosis the report ruled out, with its (negative) weight. */
export interface RuledOut {
  weight: number;
  mention: Mention;
}

/**
 * Fires the stated diagnoses. OTHER's ruled-out ones are returned, for fireOtherRuledOut after OTHER's own criteria:
 * OTHER is many diagnoses, and ruling out one of them says nothing of another.
 */
export function fireDiagnoses(facts: Facts, t: Tally): RuledOut[] {
  const { q, cmrStart } = facts;
  const { fire } = t;
  // ESC 2023: LV hypertrabeculation is a trait, not a cardiomyopathy of its own; beside walls of HCM thickness
  // (>= 15 mm) a stated non-compaction names that trait (facts.ts, `hcmThickWalls`).
  const trabeculationTrait = facts.hcmThickWalls;
  const hasAssessment = q.mentions.some((m) => m.section === 'assessment');
  const lastSentenceStart = q.mentions.reduce((max, m) => Math.max(max, m.sentence.start), 0); // no spread: mentions are unbounded
  const per = new Map<DxCategory, { weight: number; mention: Mention }[]>();
  for (const m of q.mentions) {
    if (!m.concept.startsWith('dx:')) continue;
    const category = m.concept.slice(3) as DxCategory;
    // The assessment is where the diagnosis is stated; a report without one states it in its last sentences.
    const inAssessment = m.section === 'assessment' || (!hasAssessment && m.sentence.start >= lastSentenceStart - 400 && NARRATIVE.has(m.section));
    // A text without headings that tells the history first: what it names before the CMR is the referral's view.
    const beforeCmr = !hasAssessment && cmrStart !== null && m.sentence.start < cmrStart;
    const where = beforeCmr ? 0.3 : inAssessment ? 1 : NARRATIVE.has(m.section) ? 0.6 : 0.3;
    let weight = 0;
    // A disease healed without a trace ("complete resolution of prior myocarditis", "ausgeheilte Myokarditis ohne
    // Residuen") is the cause of nothing this study shows; a chronic one (a scar, a cardiomyopathy) stays.
    if (m.attrs.has('healed') && !CHRONIC.has(category) && (m.status === 'affirmed' || m.status === 'historical')) continue;
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
    // "No other abnormality" beside a mass is the mass's report: the rest is normal, not the study (weight of a passing word).
    if (category === 'NORMAL' && m.rest && weight > 0) weight *= 0.2;
    // A normal study cannot be suspected: "normal variant?" in a differential is no verdict on this study.
    if (category === 'NORMAL' && m.status === 'uncertain' && m.certainty < 0.6) weight = 0;
    if (category === 'OTHER' && m.subtype === 'lvnc' && weight > 0 && trabeculationTrait) weight *= 0.3;
    // "Echo and angiography showed no abnormality": another test's normal verdict is history, not this study's.
    if (category === 'NORMAL' && weight > 0 && m.attrs.has('othermod') && !m.attrs.has('cmr')) weight *= 0.2;
    // Secondary valve disease (functional mitral regurgitation in a DCM) is not the diagnosis.
    if (category === 'OTHER' && m.subtype === 'valve' && weight > 0 && (m.attrs.has('functional') || !m.attrs.has('severe'))) weight *= 0.3;
    // A small shunt lesion ("two small ventricular septal defects", "kleiner ASD") is an incidental finding beside the
    // disease the study shows (ESC 2020 ACHD: small restrictive defects without volume load need no treatment).
    if (category === 'OTHER' && m.subtype === 'congenital' && weight > 0 && m.attrs.has('mild') && !m.attrs.has('severe')) weight *= 0.3;
    // Pulmonary hypertension called secondary or mild follows the left heart's disease; it is not the diagnosis.
    if (m.secondary && weight > 0 && (m.attrs.has('functional') || m.attrs.has('mild'))) weight *= 0.3;
    if (weight > 0 && (extracardiacSarcoidosis(m) || extracardiacDiagnosis(m))) weight = 0;
    if (weight === 0) continue;
    const list = per.get(category) ?? [];
    list.push({ weight, mention: m });
    per.set(category, list);
  }
  let otherRuledOut: RuledOut[] = [];
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
    // "Inducible ischaemia in the LAD territory. No infarction.": the infarct ruled out is the scar, not the ischaemia.
    const ischaemia = category === 'ICM' && q.present('perfusion-defect').length > 0 && q.negated('perfusion-defect').length === 0;
    if (negatives.length > 0 && positives.every((p) => p.mention.status !== 'affirmed') && !ischaemia) {
      if (category === 'OTHER') otherRuledOut = negatives;
      else fireRuledOut(category, negatives, t);
    }
  }
  return otherRuledOut;
}

function fireRuledOut(category: DxCategory, negatives: RuledOut[], t: Tally): void {
  t.fire(`dx.${category.toLowerCase()}-negated`, category, negatives.reduce((min, x) => Math.min(min, x.weight), Infinity), `${category} ruled out in the report`, negatives.map((x) => x.mention.sentence));
}

/**
 * OTHER's ruled-out diagnoses count against OTHER unless OTHER's evidence is of another kind: "aortic coarctation
 * excluded" beside hypertensive heart disease, "no primary tumour" beside a cardiac mass, "no pericarditis" beside a
 * large effusion.
 */
export function fireOtherRuledOut(ruledOut: RuledOut[], t: Tally): void {
  // "Großer Perikarderguss ohne Zeichen der Perikarditis": the inflammation is ruled out, not the effusion (ESC 2015:
  // a moderate or large effusion is pericardial disease of its own).
  const effusion = t.criteria.some((c) => c.id === 'other.effusion');
  const against = ruledOut.filter((x) => (t.otherParts.size === 0 || t.otherParts.has(x.mention.subtype ?? 'other')) && !(effusion && x.mention.subtype === 'pericarditis'));
  if (against.length > 0) fireRuledOut('OTHER', against, t);
}

function describeStatus(m: Mention): string {
  const where = m.section === 'assessment' ? 'assessment' : m.section;
  if (m.status === 'uncertain') return `hedged, certainty ${m.certainty}, ${where}`;
  return `${m.status}, ${where}`;
}
