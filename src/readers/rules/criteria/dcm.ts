/**
 * DCM, dilated cardiomyopathy (ESC 2023 cardiomyopathy guideline): a dilated LV with reduced systolic function not
 * explained by coronary disease, loading or an acute illness; a septal mid-wall stripe or no scar, normal coronaries,
 * non-ischaemic scar without oedema (and its non-dilated form, NDLVC), a DCM gene (LMNA, TTN, FLNC, RBM20), a relative
 * with DCM. Also here, because they weigh DCM's own evidence and fire in its place in the list: the athlete's heart
 * (OTHER, `other.athlete-pattern`; ESC 2023, Task Force 2010 for the RV) and function recovered after an acute illness
 * (MYO, `myo.recovered`; ESC 2013 myocarditis position statement).
 */
import { namesHeart, relativesWith, type Facts } from './facts.js';
import { spansOf, type Tally } from './tally.js';

export function fireDcm(facts: Facts, t: Tally): void {
  const { acs, acuteIllness, conduction, diffuseLge, ecvHigh, edd, edv, edvi, efReduced, endStageHcm, epiMid, hypertrophy, ischemicLge, jcsSpecific, lge, lgeNegated, lvDilated, lvDilatedByNumbers, lvDilatedWords, lvef, mwtMm, myoContext, nonIschemicLge, normalCoronaries, oedema, q, reduced, resolvedOedema, regionalWma, rvDilatedByNumbers, rvDilatedWords, rvef, sam, stripe, t1High, t2Criterion, vt, wma } = facts;
  const { fire } = t;
  // DCM is dilatation *with* systolic dysfunction (ESC 2023); a large LV that contracts normally is mostly an
  // athlete's heart or volume load, so dilatation alone counts little (and nothing in an athlete).
  const athleteContext = q.context('ctx:athlete');
  const athlete = athleteContext.length > 0;
  const dilatedWeight = efReduced ? 2.5 : athlete ? 0 : 1;
  // Athlete's heart (DOMAIN.md, OTHER subtypes): in someone who trains hard, balanced enlargement or mild wall thickening
  // (<= 13 mm) with normal function and no scar or oedema is adaptation, named or not.
  const athleteLv = lvDilated || rvDilatedByNumbers || rvDilatedWords.length > 0 || hypertrophy.length > 0 || (mwtMm !== null && mwtMm >= 12);
  // What adaptation never shows (ESC 2023; Task Force 2010 for the RV): RV dysfunction, regional wall-motion
  // abnormality, ventricular tachycardia, raised native T1 or ECV, systolic anterior motion.
  const athleteRedFlags = (rvef !== undefined && rvef.value <= 45) || reduced.some((m) => m.attrs.has('rv')) || regionalWma.length > 0 || vt.length > 0 || t1High || ecvHigh || sam.length > 0;
  if (athlete && athleteLv && !efReduced && !athleteRedFlags && lge.length === 0 && oedema.length === 0 && !(mwtMm !== null && mwtMm > 13)) {
    fire('other.athlete-pattern', 'OTHER', 3, 'enlargement / mild hypertrophy with normal function and no scar in an athlete', spansOf(athleteContext), 'athlete');
  }
  if (lvDilated) fire('dcm.dilated', 'DCM', dilatedWeight, efReduced ? 'dilated left ventricle' : 'dilated left ventricle (function preserved)', spansOf(lvDilatedByNumbers ? [edvi ?? edv ?? edd!] : lvDilatedWords));
  if (lvef && lvef.value < 40) fire('dcm.ef', 'DCM', 2.5, `LVEF ${lvef.value} % (< 40 %)`, spansOf([lvef]));
  else if (lvef && lvef.value < 50) fire('dcm.ef-mild', 'DCM', 1, `LVEF ${lvef.value} % (40-49 %)`, spansOf([lvef]));
  else if (!lvef && efReduced) fire('dcm.reduced-text', 'DCM', 1.5, 'reduced systolic function', spansOf(reduced));
  // ESC 2013 myocarditis position statement: dysfunction that comes with an acute illness (fever, infection,
  // troponin rise) and recovers within weeks, with non-ischaemic LGE, is myocarditis; ESC 2023 calls a DCM only
  // dysfunction not explained by such a cause, so the recovery counts against DCM.
  // The heart's recovery (its function, its walls): not a relative's, not another organ's ("a stroke with full
  // recovery"), not the patient's from an infection.
  const recovered = q.context('ctx:recovery').filter((m) => !m.attrs.has('family') && (m.attrs.has('heart-function') || namesHeart(m)));
  // Oedema or raised T2 of the acute study, resolved since, is myocarditis' sign when there is no LGE (Lake Louise 2018).
  const recoveredMyocarditis = efReduced && acuteIllness && recovered.length > 0 && ((lge.length > 0 && !ischemicLge) || (lge.length === 0 && resolvedOedema.length > 0));
  if (recoveredMyocarditis) {
    fire('myo.recovered', 'MYO', 3, 'reduced function in an acute illness that recovered, with non-ischaemic LGE (ESC 2013)', spansOf([...recovered, ...lge]));
    fire('dcm.recovered', 'DCM', -2, 'function recovered after an acute illness: no DCM (ESC 2023)', spansOf(recovered));
  }
  const globalWma = wma.filter((m) => m.attrs.has('diffuse'));
  if (globalWma.length > 0) fire('dcm.global', 'DCM', 1.5, 'global hypokinesia', spansOf(globalWma));
  if (lvDilated && efReduced && !ischemicLge) {
    if (stripe.length > 0) fire('dcm.stripe', 'DCM', 1.5, 'septal mid-wall stripe LGE', spansOf(stripe));
    else if (lgeNegated) fire('dcm.no-scar', 'DCM', 1.5, 'no ischaemic scar', spansOf(q.negated('lge')));
    if (normalCoronaries.length > 0) fire('dcm.coronaries', 'DCM', 1.5, 'normal coronary arteries', spansOf(normalCoronaries));
  }
  // ESC 2023: a dilated, poorly contracting LV with non-ischaemic LGE and no oedema is DCM (with non-ischaemic
  // scar); Lake Louise needs a T2 criterion for active myocarditis.
  // ESC 2023 also names the non-dilated form (NDLVC): non-ischaemic scar with dysfunction and no acute context.
  const acuteContext = myoContext.length > 0 || acs.length > 0;
  // A report that names myocarditis (past or present) as the scar's cause has answered the question.
  const myocarditisNamed = q.mentions.some((m) => m.concept === 'dx:MYO' && (m.status === 'affirmed' || m.status === 'historical' || (m.status === 'uncertain' && m.certainty >= 0.6)));
  if ((lvDilated || !acuteContext) && !myocarditisNamed && efReduced && nonIschemicLge && !t2Criterion && jcsSpecific === 0) {
    fire('dcm.nonischemic-scar', 'DCM', 2, 'dilated, dysfunctional LV with non-ischaemic LGE and no oedema', spansOf(epiMid));
    t.scores.MYO -= 1;
  }
  // ESC 2023: DCM is dilatation and dysfunction without hypertrophy; thick walls point to storage or HCM.
  if (hypertrophy.some((m) => m.attrs.has('concentric') || m.attrs.has('diffuse'))) t.scores.DCM -= 1.5;
  // Genes of dilated cardiomyopathy (LMNA, TTN, FLNC, RBM20): with dysfunction, dilatation or LGE, a genetic DCM.
  const genes = q.context('ctx:genetic-dcm');
  if (genes.length > 0 && (lvDilated || efReduced || lge.length > 0)) {
    t.scores.MYO -= t2Criterion ? 0 : 1.5;
    fire('dcm.genetic', 'DCM', 3.5, 'pathogenic gene of dilated cardiomyopathy (LMNA, TTN, FLNC, RBM20)', spansOf(genes));
  }
  // ESC 2023 family screening: a relative with DCM and the patient's own dilatation, dysfunction or septal stripe is
  // familial DCM; with conduction disease it is the LMNA picture, not sarcoidosis.
  const familyDcm = relativesWith(q, 'DCM');
  if (familyDcm.length > 0 && (lvDilated || efReduced || stripe.length > 0)) {
    fire('dcm.family', 'DCM', 2.5, 'a relative with DCM and the patient’s own dilatation, dysfunction or septal stripe', spansOf(familyDcm));
    if (conduction.length > 0) t.scores.CS -= 1.5;
  }
  // Diffuse LGE is amyloid's or storage's pattern, not dilated cardiomyopathy's (mid-wall stripe or none).
  if (diffuseLge.length > 0) t.scores.DCM -= 1.5;
  if (ischemicLge) t.scores.DCM -= 3;
  // ESC 2023 / ESC 2013: dysfunction of a non-dilated LV with myocardial LGE in an acute infection with a troponin rise
  // is explained by that illness (myocarditis), not a DCM.
  if (!lvDilated && lge.length > 0 && !ischemicLge && q.context('ctx:infection').length > 0 && q.context('ctx:troponin').length > 0) t.scores.DCM -= 2;
  // ESC 2023: a dilated or poorly contracting LV after known hypertrophy is end-stage HCM, not DCM.
  if (endStageHcm) t.scores.DCM -= 2;
  if (oedema.length > 0) t.scores.DCM -= 1;
}
