/**
 * ICM, ischaemic cardiomyopathy / infarction (DOMAIN.md; ESC 2023 ACS guideline for acute injury and LV thrombus):
 * subendocardial or transmural LGE, in a coronary territory most of all, regional wall-motion abnormality, thinning,
 * thrombus, perfusion defects, microvascular obstruction, oedema with ischaemic LGE (acute infarct), stunning /
 * hibernation, and coronary disease or an infarct in the history. The depth of a scar says less in an HCM-shaped
 * hypertrophy (ESC 2023) or beside AV block (sarcoid scar mimics infarcts).
 */
import { extracardiacDiagnosis, type Facts } from './facts.js';
import { spansOf, type Tally } from './tally.js';

export function fireIcm(facts: Facts, t: Tally): void {
  const { acs, aneurysm, apicalHypertrophy, asymmetric, avBlock, caRedFlags, cadContext, calledNonIschemic, concentric, ischemicLge, ischemicPattern, lge, lgeNegated, mwtMm, nonIschemic, normalCoronaries, oedema, q, regionalWma, subendoRegional, territorial, thinning, transmuralRegional, ventricularThrombus, wma } = facts;
  const { fire } = t;
  // Sarcoid scar can be transmural or subendocardial and mimic an infarct (DOMAIN.md, CS): beside conduction disease
  // with no coronary territory, ischaemic pattern or coronary disease named, its depth says less for an infarct.
  const noCoronaryContext = territorial.length === 0 && ischemicPattern.length === 0 && cadContext.length === 0 && acs.length === 0;
  // In an HCM phenotype extensive fibrosis of the hypertrophied walls can reach the subendocardium or the whole wall
  // (ESC 2023); by its depth alone, with no coronary territory, ischaemic pattern, coronary disease or regional
  // wall-motion abnormality, it is not an infarct's.
  const noCoronaryClue = noCoronaryContext && regionalWma.length === 0;
  // AV block (above), not VT: monomorphic VT is the typical arrhythmia of an infarct scar.
  // Concentric thickening is where hypertension, aortic stenosis and amyloid lie (ESC 2023): it does not excuse a scar's depth.
  const hcmShaped = asymmetric.length > 0 || apicalHypertrophy.length > 0 || (mwtMm !== null && mwtMm >= 15 && concentric.length === 0);
  const depthFactor = hcmShaped && !caRedFlags && noCoronaryClue ? 0.4 : avBlock.length > 0 && noCoronaryContext ? 0.6 : 1;
  if (!calledNonIschemic && subendoRegional.length > 0) fire('icm.subendocardial', 'ICM', 3 * depthFactor, 'subendocardial LGE (regional)', spansOf(subendoRegional));
  else if (!calledNonIschemic && transmuralRegional.length > 0) fire('icm.transmural', 'ICM', 2.5 * depthFactor, 'transmural LGE (regional)', spansOf(transmuralRegional));
  if (territorial.length > 0 || ischemicPattern.length > 0) fire('icm.territory', 'ICM', 3, 'LGE in a coronary territory / ischaemic pattern', spansOf([...territorial, ...ischemicPattern]));
  if (regionalWma.length > 0 && (ischemicLge || cadContext.length > 0)) fire('icm.wma', 'ICM', 1.5, 'regional wall-motion abnormality', spansOf(regionalWma));
  if (thinning.length > 0) fire('icm.thinning', 'ICM', 1.5, 'wall thinning', spansOf(thinning));
  if (ventricularThrombus.length > 0) fire('icm.thrombus', 'ICM', 1, 'LV thrombus', spansOf(ventricularThrombus));
  const perfusion = q.present('perfusion-defect');
  // Perfusion defects of hypertrophied myocardium without coronary disease are HCM's microvascular dysfunction.
  // An inducible defect in a coronary artery's territory is the stress study's ischaemia (ESC 2019 chronic coronary
  // syndromes: a defect of two or more of 16 segments is significant); it weighs as LGE in a territory does.
  // Not where the report denies ischaemia ("no inducible ischaemia", "kein Ischämienachweis"): the defect was an artefact.
  const territorialPerfusion = q.negated('perfusion-defect').length > 0 ? [] : perfusion.filter((m) => m.attrs.has('territory'));
  if (perfusion.length > 0) fire('icm.perfusion', 'ICM', (territorialPerfusion.length > 0 ? 3 : 1.5) * depthFactor, territorialPerfusion.length > 0 ? 'inducible perfusion defect in a coronary territory' : 'perfusion defect / inducible ischaemia', spansOf(territorialPerfusion.length > 0 ? territorialPerfusion : perfusion));
  const cad = [...cadContext, ...q.mentions.filter((m) => m.concept === 'dx:ICM' && (m.status === 'context' || m.status === 'historical') && !extracardiacDiagnosis(m))];
  if (cad.length > 0) fire('icm.context', 'ICM', 2, 'coronary artery disease / prior infarction in the history', spansOf(cad));
  // Oedema or a wall-motion abnormality confined to a coronary territory is acute ischaemic injury (ESC 2023 ACS).
  const territoryInjury = [...wma, ...oedema].filter((m) => m.attrs.has('territory') && !calledNonIschemic);
  if (territoryInjury.length > 0 && !ischemicLge) fire('icm.territory-injury', 'ICM', 2.5, 'oedema / wall-motion abnormality in a coronary territory', spansOf(territoryInjury));
  if (acs.length > 0 && (ischemicLge || regionalWma.length > 0) && normalCoronaries.length === 0) fire('icm.acs', 'ICM', 1.5, 'acute coronary syndrome (ST elevation, occlusion) with regional injury', spansOf(acs));
  // Dysfunctional but viable myocardium in coronary disease (stunning, hibernation): regional WMA without scar.
  if (cad.length > 0 && regionalWma.length > 0 && lge.length === 0 && !calledNonIschemic) fire('icm.hibernation', 'ICM', 2, 'regional wall-motion abnormality without scar in coronary artery disease (stunning / hibernation)', spansOf(regionalWma));
  const mvo = q.present('mvo');
  if (mvo.length > 0) fire('icm.mvo', 'ICM', 4, 'microvascular obstruction / no-reflow (acute infarct)', spansOf(mvo));
  if (ischemicLge && oedema.length > 0) fire('icm.acute', 'ICM', 1, 'oedema with ischaemic LGE: acute infarction', spansOf(oedema));
  if (nonIschemic.length > 0) t.scores.ICM -= 3;
  // Context below imaging: coronary disease or an infarct known from the history, on a CMR that found no scar, no
  // regional wall-motion abnormality, no thinning and no perfusion defect, is not what this study shows.
  const ischemicImaging = ischemicLge || regionalWma.length > 0 || thinning.length > 0 || perfusion.length > 0 || mvo.length > 0 || aneurysm.length > 0 || territoryInjury.length > 0;
  const icmStatedNow = q.mentions.some((m) => m.concept === 'dx:ICM' && m.section === 'assessment' && m.status === 'affirmed');
  if (lgeNegated && !ischemicImaging && !icmStatedNow && t.scores.ICM > 0) t.scores.ICM -= 2.5;
  // Coronary disease found after all (a dissection, an occlusion, a stent) outranks an angiogram first called normal.
  if (normalCoronaries.length > 0 && q.context('ctx:cad').length === 0) t.scores.ICM -= 2;
}
