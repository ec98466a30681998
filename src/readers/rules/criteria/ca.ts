/**
 * CA, cardiac amyloidosis (ESC 2023 cardiomyopathy guideline; ESC 2021 position statement on amyloidosis,
 * Garcia-Pavia et al.; Fontana 2015 for ECV and LGE): diffuse global subendocardial or transmural LGE, difficult
 * nulling, ECV >= 40 %, markedly raised native T1, concentric hypertrophy with a thickened atrial septum, valves or RV
 * free wall, biatrial enlargement, atrial LGE, and the clinical red flags (low voltage, carpal tunnel syndrome, a
 * gammopathy, bone-scan uptake; the extracardiac ones only beside amyloid-like LGE). The red flags themselves are in
 * facts.ts (`caRedFlags`, read by MYO and ICM too).
 */
import { inMm, type Facts } from './facts.js';
import { spansOf, type Tally } from './tally.js';

export function fireCa(facts: Facts, t: Tally): void {
  const { apicalHypertrophy, asymmetric, atrialLge, boneScanUptake, atrialSeptum, biatrial, caContext, caRedFlags, concentric, diffuseLge, ecv, ecvValue, gradient, hypertrophy, infiltrative, ischemicPattern, mwtMm, nulling, oedema, q, regionalWma, rvPressure, sam, subendoRegional, t1, t1Marked, territorial, valveThickening } = facts;
  const { fire } = t;
  // Amyloid thickens the walls it infiltrates; diffuse LGE in walls of normal thickness with oedema is inflammation.
  const wallsThick = hypertrophy.length > 0 || (mwtMm !== null && mwtMm >= 12);
  // Extensive LGE in an asymmetric, obstructive hypertrophy without any of amyloid's red flags (ESC 2023, `caRedFlags`)
  // is HCM's fibrosis.
  const hcmPattern = asymmetric.length > 0 && (sam.length > 0 || apicalHypertrophy.length > 0 || (gradient !== undefined && gradient.value >= 30) || hypertrophy.some((m) => m.attrs.has('midventricular')));
  const caLgeFactor = (!wallsThick && oedema.length > 0) || (hcmPattern && !caRedFlags) ? 0.5 : 1;
  // Amyloid's LGE is global subendocardial or transmural; diffuse mid-wall or subepicardial fibrosis is not its pattern.
  const midwallOnly = diffuseLge.every((m) => (m.attrs.has('midwall') || m.attrs.has('subepi')) && !m.attrs.has('subendo') && !m.attrs.has('transmural'));
  if (diffuseLge.length > 0) fire('ca.diffuse-lge', 'CA', caLgeFactor * (diffuseLge.some((m) => m.attrs.has('subendo') || m.attrs.has('transmural')) ? 4 : midwallOnly ? 1.5 : 3), 'diffuse / circumferential (subendocardial or transmural) LGE', spansOf(diffuseLge));
  if (nulling.length > 0) fire('ca.nulling', 'CA', 4, 'difficult myocardial nulling / abnormal gadolinium kinetics', spansOf(nulling));
  if (ecvValue !== null && ecvValue >= 40) fire('ca.ecv', 'CA', 4, `ECV ${ecvValue} % (>= 40 %)`, spansOf([ecv!]));
  else if (ecvValue !== null && ecvValue >= 35) fire('ca.ecv-raised', 'CA', 1.5, `ECV ${ecvValue} % (35-39 %)`, spansOf([ecv!]));
  else if (!ecv && q.present('ecv-high').some((m) => m.attrs.has('severe'))) fire('ca.ecv-text', 'CA', 1.5, 'markedly raised ECV', spansOf(q.present('ecv-high')));
  if (t1Marked) fire('ca.t1', 'CA', 2, `native T1 ${t1!.value} ms, markedly above the reference`, spansOf([t1!]));
  // Without printed values: raised native T1 or ECV in thickened walls is infiltration (amyloid), not HCM's patchy fibrosis.
  const t1EcvText = [...q.present('t1-high'), ...q.present('ecv-high')];
  // HCM's hypertrophied segments raise T1 a little too: only a marked rise in walls thickened all round counts.
  const t1EcvMarked = t1EcvText.filter((m) => m.attrs.has('severe'));
  if (!t1Marked && !(ecvValue !== null && ecvValue >= 35) && t1EcvMarked.length > 0 && hypertrophy.some((m) => !m.attrs.has('asymmetric'))) fire('ca.t1-ecv-text', 'CA', 2, 'markedly raised native T1 / ECV in thickened walls', spansOf(t1EcvMarked));
  // Concentric thickening of the apex alone is apical HCM's shape, not amyloid's (facts.ts, `apicalHypertrophy`).
  if (concentric.length > 0 && asymmetric.length === 0 && apicalHypertrophy.length === 0) fire('ca.concentric', 'CA', 1, 'concentric hypertrophy', spansOf(concentric));
  if (atrialSeptum.length > 0) fire('ca.atrial-septum', 'CA', 1.5, 'thickened interatrial septum', spansOf(atrialSeptum));
  if (biatrial.length > 0) fire('ca.biatrial', 'CA', 1, 'biatrial enlargement', spansOf(biatrial));
  if (atrialLge.length > 0) fire('ca.atrial-lge', 'CA', 2.5, 'LGE of the atrial walls / interatrial septum', spansOf(atrialLge));
  // Diffusely thickened walls count as concentric hypertrophy; with diffuse LGE that is amyloid's picture.
  const diffuseHypertrophy = hypertrophy.filter((m) => m.attrs.has('diffuse') && !m.attrs.has('asymmetric'));
  // Walls measured thick (>= 12 mm) count too when the diffuse LGE is subendocardial or transmural, amyloid's own depth
  // (Fontana 2015); HCM's fibrosis is patchy and mid-wall (ESC 2023).
  const diffuseDeepLge = diffuseLge.some((m) => m.attrs.has('subendo') || m.attrs.has('transmural'));
  if (diffuseLge.length > 0 && (concentric.length > 0 || diffuseHypertrophy.length > 0 || (diffuseDeepLge && mwtMm !== null && mwtMm >= 12))) fire('ca.diffuse-lge-lvh', 'CA', 1.5, 'diffuse LGE in thickened walls', spansOf([...concentric, ...diffuseHypertrophy]));
  // ESC position statement on amyloid (Garcia-Pavia 2021) red flags: a thickened RV free wall beside thick LV walls,
  // unless the RV is pressure-loaded (pulmonary hypertension).
  const rvwt = q.max('RVWT');
  // The RV named beside a septum or its insertion points ("LGE at the RV insertion points and in the hypertrophied septum") is no thick RV wall.
  const rvWallThick = hypertrophy.some((m) => m.attrs.has('rv') && !m.attrs.has('septal') && !m.attrs.has('insertion')) || (rvwt !== undefined && inMm(rvwt) >= 6);
  const rvLoad = rvPressure.length > 0 || q.context('dx:OTHER').some((m) => m.secondary);
  if (rvWallThick && wallsThick && !rvLoad) fire('ca.rv-wall', 'CA', 1.5, 'thickened RV free wall beside thick LV walls', spansOf(rvwt ? [rvwt] : hypertrophy.filter((m) => m.attrs.has('rv'))));
  if (valveThickening.length > 0 && hypertrophy.length > 0) fire('ca.valves', 'CA', 1.5, 'thickened valves / atrial walls with hypertrophy', spansOf(valveThickening));
  // Gillmore et al. 2016 (ESC 2021 position statement): myocardial uptake on bone scintigraphy in walls thickened or
  // enhancing as amyloid's do is the non-invasive diagnosis of transthyretin amyloidosis.
  if (boneScanUptake.length > 0 && (wallsThick || diffuseLge.length > 0 || atrialLge.length > 0 || nulling.length > 0)) fire('ca.bone-scan', 'CA', 3, 'myocardial tracer uptake on bone scintigraphy with thick walls or amyloid-like LGE (Gillmore 2016)', spansOf(boneScanUptake));
  if (infiltrative.length > 0) fire('ca.infiltrative', 'CA', infiltrative.some((m) => m.stated || m.section === 'assessment') ? 5 : 3.5, 'storage / infiltrative myocardial disease', spansOf(infiltrative));
  // ESC 2023: hypertrophy from storage or infiltration is an HCM phenocopy, not HCM.
  if (infiltrative.length > 0) t.scores.HCM -= 2;
  // The ESC 2021 extracardiac red flags (polyneuropathy, lumbar stenosis, a TTR variant ...) are common alone (a diabetic's
  // neuropathy, a hypertensive's stenosis): they count only beside amyloid's CMR sign below, never as context by themselves.
  const redFlags = [...caContext, ...q.context('ctx:amyloid-flag')];
  // ESC 2021 position statement (Garcia-Pavia et al.): walls of 12 mm or more with an extracardiac red flag make
  // amyloidosis the question, and subendocardial LGE that follows no coronary territory is its CMR sign there
  // (an infarct's would follow one; HCM's fibrosis is mid-wall).
  const subendoNonTerritorial = subendoRegional.filter((m) => !m.attrs.has('territory'));
  // A regional wall-motion abnormality of those segments is an infarct's, not amyloid's.
  const wmaRegional = regionalWma.length > 0;
  if (redFlags.length > 0 && wallsThick && subendoNonTerritorial.length > 0 && territorial.length === 0 && ischemicPattern.length === 0 && diffuseLge.length === 0 && !wmaRegional) fire('ca.subendo-red-flag', 'CA', 2.5, 'subendocardial LGE outside a coronary territory in thick walls with an amyloid red flag (ESC 2021)', spansOf([...subendoNonTerritorial, ...redFlags]));
  // Beside amyloid-like LGE (subendocardial off any territory, or diffuse) with no regional wall-motion abnormality, the
  // red flags are context like carpal tunnel; otherwise only the classic clues are.
  const contextFlags = (subendoNonTerritorial.length > 0 || diffuseLge.length > 0) && !wmaRegional ? redFlags : caContext;
  // Thick walls with low QRS voltage (mass–voltage discordance), carpal tunnel or a gammopathy: the amyloid picture.
  if (contextFlags.length > 0 && (hypertrophy.length > 0 || (mwtMm !== null && mwtMm >= 13))) fire('ca.context-lvh', 'CA', 1.5, 'hypertrophy with low voltage, carpal tunnel syndrome or gammopathy', spansOf(contextFlags));
  if (contextFlags.length > 0) fire('ca.context', 'CA', Math.min(2, contextFlags.length), 'clinical context: low voltage, carpal tunnel syndrome or gammopathy', spansOf(contextFlags));
}
