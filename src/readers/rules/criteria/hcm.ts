/**
 * HCM, hypertrophic cardiomyopathy (ESC 2023 cardiomyopathy guideline): an end-diastolic wall of 15 mm or more not
 * explained by loading (13-14 mm borderline; 13 mm enough in a relative of a patient with HCM), asymmetric / septal or
 * apical hypertrophy, SAM and LVOT obstruction (gradient >= 30 mmHg), patchy mid-wall LGE in the hypertrophied walls,
 * an apical aneurysm (Maron), morphological markers, and the end stage: known hypertrophy, now a thinned, dilated or
 * poorly contracting LV. The judgements other categories read (asymmetric, HCM-shaped hypertrophy, end stage) are in
 * facts.ts.
 */
import { relativesWith, type Facts } from './facts.js';
import { spansOf, type Tally } from './tally.js';

export function fireHcm(facts: Facts, t: Tally): void {
  const { apicalAneurysm, apicalHypertrophy, asymmetric, concentric, diffuseLge, earlierHypertrophy, endStageHcm, gradient, hcmHypertrophy, hypertrophy, lgeAll, lvef, mwt, mwtMm, q, sam } = facts;
  const { fire } = t;
  // Concentric, symmetric hypertrophy without HCM's asymmetry is where the phenocopies lie (amyloid, Fabry, loading;
  // ESC 2023): its thickness alone weighs less for HCM.
  const concentricOnly = concentric.length > 0 && asymmetric.length === 0;
  if (mwt && mwtMm !== null && mwtMm >= 15) fire('hcm.mwt', 'HCM', (mwtMm >= 20 ? 5 : 4) - (concentricOnly ? 1.5 : 0), `maximal wall thickness ${mwtMm} mm (>= 15 mm)${concentricOnly ? ', concentric' : ''}`, spansOf([mwt]));
  else if (mwt && mwtMm !== null && mwtMm >= 13) fire('hcm.mwt-borderline', 'HCM', 1.5, `wall thickness ${mwtMm} mm (13-14 mm, borderline)`, spansOf([mwt]));
  if (asymmetric.length > 0) fire('hcm.asymmetric', 'HCM', 2.5, 'asymmetric / septal hypertrophy', spansOf(asymmetric));
  if (apicalHypertrophy.length > 0 && asymmetric.length === 0) fire('hcm.apical', 'HCM', 3, 'apical hypertrophy', spansOf(apicalHypertrophy));
  if (sam.length > 0) fire('hcm.sam', 'HCM', 3, 'SAM / LVOT obstruction', spansOf(sam));
  if (gradient && gradient.value >= 30) fire('hcm.gradient', 'HCM', 2, `LVOT gradient ${gradient.value} mmHg (>= 30)`, spansOf([gradient]));
  if ((asymmetric.length > 0 || (mwtMm !== null && mwtMm >= 15)) && lgeAll.some((m) => m.attrs.has('midwall') || m.attrs.has('patchy') || m.attrs.has('insertion')) && diffuseLge.length === 0) {
    fire('hcm.lge', 'HCM', 1, 'patchy mid-wall LGE / RV insertion points in hypertrophied myocardium', spansOf(lgeAll));
  }
  // Family history of HCM or sudden death with unexplained hypertrophy (ESC 2023).
  const familySigns = [...q.context('ctx:family'), ...q.context('ctx:scd')];
  // ESC 2023: in a first-degree relative of a patient with HCM, a wall of 13 mm or more is enough.
  const familyHcm = relativesWith(q, 'HCM');
  if (familyHcm.length > 0 && (hypertrophy.length > 0 || (mwtMm !== null && mwtMm >= 13))) fire('hcm.family-dx', 'HCM', 2, 'a relative with HCM and the patient’s own hypertrophy (>= 13 mm)', spansOf(familyHcm));
  if (familySigns.length > 0 && (asymmetric.length > 0 || (mwtMm !== null && mwtMm >= 15))) fire('hcm.family', 'HCM', 1, 'family history / sudden death with hypertrophy', spansOf(familySigns));
  // ESC 2023 / Maron: an LV apical aneurysm in hypertrophied myocardium (often behind a mid-cavity obstruction) is
  // HCM's, its scar included; an infarct's aneurysm lies in thinned, not thickened, walls.
  if (apicalAneurysm.length > 0 && hcmHypertrophy) fire('hcm.apical-aneurysm', 'HCM', 2.5, 'apical aneurysm in hypertrophied myocardium', spansOf(apicalAneurysm));
  // End-stage ("burnt-out") HCM (ESC 2023; facts.ts, `endStageHcm`).
  if (endStageHcm) fire('hcm.end-stage', 'HCM', 3, 'hypertrophy known from before, now a thinned, dilated or poorly contracting LV (end-stage HCM)', spansOf(earlierHypertrophy));
  const markers = q.present('hcm-marker');
  if (markers.length > 0 && (hypertrophy.length > 0 || (mwtMm !== null && mwtMm >= 13) || familySigns.length > 0)) fire('hcm.markers', 'HCM', 1.5, 'morphological HCM markers (crypts, elongated mitral leaflet, anomalous papillary muscles)', spansOf(markers));
  const hyper = q.present('hyperdynamic');
  if (hyper.length > 0 || (lvef && lvef.value >= 70)) fire('hcm.hyperdynamic', 'HCM', 0.5, 'hyperdynamic LV', spansOf(hyper.length > 0 ? hyper : [lvef!]));
}
