/**
 * CS, cardiac sarcoidosis (HRS 2014 expert consensus; JCS 2016 guideline): patchy / multifocal LGE (basal septum, its
 * RV side), hilar or mediastinal lymphadenopathy, myocardial FDG-PET uptake and thinning of the basal septum (JCS 2016
 * major criteria, counted together with AV block, LVEF < 50 % and LGE), extracardiac sarcoidosis beside LGE of a
 * sarcoid pattern (HRS 2014 probable CS), AV block and VT in the history. The sarcoid picture MYO and DCM read too is
 * in facts.ts.
 */
import type { Facts } from './facts.js';
import { spansOf, type Tally } from './tally.js';

export function fireCs(facts: Facts, t: Tally): void {
  const { avBlock, basalSeptalPatchy, basalSeptalThinning, conduction, conductionSarcoidLike, epiMid, extracardiacSarcoid, extracardiacSarcoidLike, hilarNodes, ischemicLge, jcsSpecific, lge, lvef, lymph, patchy, pet, reduced, sarcoidClues, vt } = facts;
  const { fire } = t;
  if (patchy.length > 0 && !ischemicLge) fire('cs.patchy', 'CS', 2, 'patchy / multifocal LGE', spansOf(patchy));
  if (basalSeptalPatchy.length > 0) fire('cs.septal', 'CS', 1, 'LGE of the basal septum', spansOf(basalSeptalPatchy));
  // Beside extracardiac sarcoidosis, the non-ischaemic LGE that would speak for myocarditis is the sarcoid's own.
  if (extracardiacSarcoidLike) t.scores.MYO -= 2;
  if (extracardiacSarcoidLike) fire('cs.extracardiac', 'CS', 2.5, 'extracardiac sarcoidosis with patchy / multifocal LGE (HRS 2014 probable CS)', spansOf(extracardiacSarcoid));
  if (conductionSarcoidLike) fire('cs.conduction', 'CS', 1, 'conduction disease with basal septal LGE, no infection or troponin context', spansOf(conduction));
  const rvSide = lge.filter((m) => m.attrs.has('rv-side'));
  if (rvSide.length > 0) fire('cs.rv-side', 'CS', 1.5, 'LGE on the right ventricular side of the septum', spansOf(rvSide));
  const nodes = lymph.filter((m) => m.attrs.has('hilar') || m.attrs.has('pulmonary') || !m.attrs.has('diffuse'));
  if (nodes.length > 0) fire('cs.lymph', 'CS', 3.5, 'hilar / mediastinal lymphadenopathy', spansOf(nodes));
  // Hilar nodes known from the history (chest X-ray, CT): context, below the CMR's own findings.
  else if (hilarNodes.length > 0 && (lge.length > 0 || conduction.length > 0)) fire('cs.lymph-history', 'CS', 2.5, 'hilar lymphadenopathy in the history', spansOf(hilarNodes));
  // JCS 2016 major criteria: myocardial FDG uptake; thinning of the basal ventricular septum.
  if (pet.length > 0) fire('cs.pet', 'CS', 3.5, 'myocardial FDG-PET uptake (JCS 2016 major criterion)', spansOf(pet));
  if (basalSeptalThinning.length > 0) fire('cs.septal-thinning', 'CS', 2, 'thinning of the basal septum (JCS 2016 major criterion)', spansOf(basalSeptalThinning));
  // JCS 2016 clinical diagnosis: at least two of its five major criteria (high-grade AV block, basal septal thinning,
  // myocardial FDG uptake, LVEF < 50 %, LGE); counted here when a sarcoid-specific one is among three or more.
  const jcsMajors = jcsSpecific + (lge.length > 0 ? 1 : 0) + ((lvef ? lvef.value < 50 : reduced.length > 0) ? 1 : 0);
  if (jcsSpecific > 0 && jcsMajors >= 3) fire('cs.jcs', 'CS', 2, `${jcsMajors} JCS 2016 major criteria (AV block, basal septal thinning, FDG uptake, LVEF < 50 %, LGE)`, spansOf([...pet, ...basalSeptalThinning]));
  // Extracardiac sarcoidosis (granulomas, erythema nodosum, uveitis, soluble IL-2 receptor; stated, not hedged):
  // context, below imaging.
  if (sarcoidClues.length > 0 && (lge.length > 0 || conduction.length > 0 || pet.length > 0)) fire('cs.context', 'CS', 1.5, 'extracardiac sarcoidosis clues (granulomas, erythema nodosum, uveitis, sIL-2R)', spansOf(sarcoidClues));
  if (avBlock.length > 0) fire('cs.av-block', 'CS', lge.length > 0 ? 2.5 : 1, 'AV block in the history', spansOf(avBlock));
  if (vt.length > 0 && lge.length > 0) fire('cs.vt', 'CS', 1, 'ventricular tachycardia in the history', spansOf(vt));
  if (lymph.length > 0 && (patchy.length > 0 || epiMid.length > 0)) t.scores.MYO -= 1.5;
}
