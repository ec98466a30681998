/**
 * MYO, myocarditis: the Lake Louise criteria, 2018 (Ferreira et al., JACC 2018: a T2 criterion, oedema or raised T2
 * or T2 ratio, plus a T1 criterion, non-ischaemic LGE or raised native T1 / ECV) and 2009 (two of oedema, early
 * enhancement and non-ischaemic LGE); subepicardial LGE of the (infero)lateral wall, pericardial involvement, an
 * infection or troponin rise, and the transient oedematous wall thickening of acute myocarditis (ESC 2013 position
 * statement, Caforio et al.). Lake Louise speaks for myocarditis only where the sarcoid picture (facts.ts) does not.
 * Recovery after an acute illness (`myo.recovered`) fires with DCM's criteria, in dcm.ts.
 */
import type { Facts } from './facts.js';
import { spansOf, type Tally } from './tally.js';

export function fireMyo(facts: Facts, t: Tally): void {
  const { caRedFlags, cmrInflammation, pericardialLge, ecv, ecvHigh, effusion, epiMid, extracardiacSarcoidLike, hcmHypertrophy, hyperemia, ischemicLge, lge, myoContext, nonIschemic, nonIschemicLge, oedema, oedematous, patchy, pericardial, q, resolvedOedema, sarcoidLike, t1, t1High, t2, t2Criterion, t2High, t2Now, t2Ratio, t2RatioHigh } = facts;
  const { fire } = t;
  // ESC 2023: patchy mid-wall LGE in hypertrophied segments is HCM's fibrosis; beside an HCM phenotype, mid-wall or
  // septal LGE says little for myocarditis and is no Lake Louise T1 criterion (a subepicardial lateral scar still is).
  const hcmFibrosis = hcmHypertrophy && !caRedFlags && epiMid.every((m) => !m.attrs.has('subepi') || m.attrs.has('septal'));
  const t1Criterion = (nonIschemicLge && !hcmFibrosis) || t1High || ecvHigh || q.present('t1-high').length > 0 || q.present('ecv-high').length > 0;
  if (t2Criterion) fire('myo.t2', 'MYO', 2.5, t2Now ? 'T2 criterion: oedema / raised T2' : 'T2 criterion at the acute study, resolved since', spansOf(oedema.length > 0 ? oedema : t2High ? [t2!] : t2RatioHigh ? [t2Ratio!] : t2Now ? q.present('t2-high') : resolvedOedema));
  if (nonIschemicLge) fire('myo.lge', 'MYO', hcmFibrosis ? 1 : 3, hcmFibrosis ? 'mid-wall / septal LGE beside an HCM phenotype' : 'non-ischaemic (subepicardial / mid-wall) LGE', spansOf(epiMid));
  if (t1High || ecvHigh) fire('myo.t1', 'MYO', 1, 'T1 criterion: raised native T1 or ECV', spansOf([t1High ? t1! : ecv!]));
  // Active sarcoidosis meets Lake Louise too: with conduction disease and basal septal LGE, and no infection or
  // troponin rise, the criteria do not speak for myocarditis over sarcoidosis (DOMAIN.md, CS context clues).
  if (t2Criterion && t1Criterion && !sarcoidLike) fire('myo.lake-louise', 'MYO', 2.5, 'Lake Louise 2018 criteria met (T2 + T1 criterion)', spansOf([...oedema, ...epiMid]));
  // Lake Louise 2009 (still quoted, DOMAIN.md): two of oedema, early enhancement (hyperaemia) and non-ischaemic LGE.
  else if (hyperemia.length > 0 && (t2Criterion || nonIschemicLge) && !sarcoidLike) fire('myo.lake-louise-2009', 'MYO', 2.5, 'Lake Louise 2009 criteria met (early enhancement with oedema or non-ischaemic LGE)', spansOf([...hyperemia, ...oedema, ...epiMid]));
  if (nonIschemic.length > 0 && lge.length > 0 && patchy.length === 0) fire('myo.nonischemic-pattern', 'MYO', 1.5, 'LGE pattern called non-ischaemic', spansOf(nonIschemic));
  if (epiMid.some((m) => m.attrs.has('lateral') || m.attrs.has('inferior')) && epiMid.some((m) => m.attrs.has('subepi'))) fire('myo.location', 'MYO', 1, 'subepicardial LGE of the (infero)lateral wall', spansOf(epiMid));
  if ((t2Criterion || nonIschemicLge) && (effusion.length > 0 || pericardial.length > 0)) fire('myo.pericardium', 'MYO', 0.5, 'pericardial effusion / involvement', spansOf(effusion));
  // ESC 2015 (pericardial diseases): pericardial enhancement or effusion with myocardial LGE in an acute infectious
  // illness with a troponin rise is myopericarditis, also when the LGE's depth is not told.
  const undescribedLge = lge.filter((m) => !m.attrs.has('territory') && !m.attrs.has('subendo') && !m.attrs.has('transmural'));
  if (!t2Criterion && !nonIschemicLge && !ischemicLge && undescribedLge.length > 0 && q.context('ctx:infection').length > 0 && q.context('ctx:troponin').length > 0 && (pericardial.length > 0 || pericardialLge.length > 0 || effusion.some((m) => !m.attrs.has('pleural')))) {
    fire('myo.perimyocarditis', 'MYO', 2.5, 'myocardial LGE with pericardial involvement in an acute infection with troponin rise (myopericarditis)', spansOf(undescribedLge));
    // That acute inflammation is the other cause HRS 2014 asks to exclude before patchy LGE speaks for sarcoidosis.
    if (patchy.length > 0) t.scores.CS -= 2;
  }
  // Beside extracardiac sarcoidosis, the inflammation is the granulomatous one (HRS 2014).
  if (cmrInflammation.length > 0 && !extracardiacSarcoidLike) fire('myo.inflammation', 'MYO', 2, 'myocardial inflammation described', spansOf(cmrInflammation));
  if (oedematous.length > 0 && t2Criterion) fire('myo.oedematous-thickening', 'MYO', 1.5, 'new wall thickening with oedema in an acute illness (transient oedematous thickening, ESC 2013)', spansOf(oedematous));
  if (myoContext.length > 0 && (t2Criterion || nonIschemicLge)) fire('myo.context', 'MYO', 1, 'clinical context: infection / troponin rise', spansOf(myoContext));
  // ESC 2022 cardio-oncology: myocarditis under an immune checkpoint inhibitor is a myocarditis (Lake Louise criteria
  // with troponin), not the toxic cardiomyopathy of other cancer drugs.
  const ici = q.context('ctx:cardiotoxic').filter((m) => m.attrs.has('ici'));
  if (ici.length > 0 && t2Criterion && (nonIschemicLge || t1Criterion)) fire('myo.ici', 'MYO', 3, 'myocarditis picture under an immune checkpoint inhibitor', spansOf(ici));
  // Eosinophilic myocarditis (ESC 2013: a histological form of myocarditis): eosinophilia with active inflammation
  // (oedema and a troponin rise), not the endomyocardial fibrosis of Löffler's late stage (other.ts).
  const eosinophilic = q.context('ctx:eosinophilia');
  if (eosinophilic.length > 0 && t2Now && q.context('ctx:troponin').length > 0) fire('myo.eosinophilic', 'MYO', 4, 'eosinophilia with active myocardial inflammation (oedema, troponin rise)', spansOf(eosinophilic));
}
