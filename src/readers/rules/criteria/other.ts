/**
 * OTHER, the diagnoses outside the named cardiomyopathies, each with its subtype: Takotsubo (InterTAK 2018, Ghadri et
 * al.), LV non-compaction (Petersen et al., JACC 2005: NC/C > 2.3; Jacquier et al., EHJ 2010), Fabry disease (low
 * native T1), ARVC (Task Force 2010, Marcus et al.; Padua 2020), pericarditis and effusion (ESC 2015), a cardiac mass or
 * atrial thrombus, cardiotoxic therapy (ESC 2022 cardio-oncology), neuromuscular disease, endomyocardial fibrosis and
 * Löffler's, Chagas (AHA 2018), valve disease loading the LV (ESC 2021) and arrhythmic mitral valve prolapse (EHRA 2022),
 * RV pressure overload (ESC/ERS 2022), hypertensive heart disease. Siderosis (T2* < 20 ms at 1.5 T, Anderson et al.,
 * EHJ 2001) and congenital disease count only as stated diagnoses (diagnoses.ts); the athlete's heart fires in dcm.ts.
 */
import type { Mention } from '../find-findings.js';
import type { Facts } from './facts.js';
import { spansOf, type Tally } from './tally.js';

export function fireOther(facts: Facts, t: Tally): void {
  const { t2Now, aneurysm, apicalAneurysm, asymmetric, atrialThrombus, ballooning, cadContext, concentric, diffuseLge, ecvValue, efReduced, hcmThickWalls, hypertension, hypertrophy, ischemicLge, lge, lvDilated, mass, mwtMm, normalCoronaries, nulling, oedema, pericardial, pericarditisContext, pericarditisPicture, q, rvBad, rvDilatedByNumbers, rvDilatedWords, rvPressure, rvef, sam, sizeableEffusion, t1, t1Low, t2Criterion, territorial, thinning, thrombus, trabeculation, valveModerate, valveSevere, wma } = facts;
  const { fire } = t;
  // Apical ballooning with oedema but no LGE is Takotsubo, not myocarditis (oedema alone does not make Lake Louise).
  if (ballooning.length > 0) {
    fire('other.takotsubo', 'OTHER', lge.length === 0 ? 6.5 : 4, 'apical ballooning (Takotsubo)', spansOf(ballooning), 'takotsubo');
    if (lge.length === 0) t.scores.MYO -= 3;
  }
  // Prominent trabeculation the report itself says does not meet the criteria is a normal variant.
  const lvncRuledOut = q.negated('dx:OTHER').some((m) => m.subtype === 'lvnc') && !q.mentions.some((m) => m.concept === 'dx:OTHER' && m.subtype === 'lvnc' && m.status === 'affirmed');
  // Prominent trabeculation alone is common (athletes, pregnancy; DOMAIN.md): it is non-compaction with a Petersen
  // ratio > 2.3, dysfunction, thrombus or family history, and not with a ratio up to 2.3.
  const ncHigh = q.present('nc-ratio-high');
  const ncNormal = q.present('nc-ratio-normal');
  const lvncNamed = q.present('dx:OTHER').some((m) => m.subtype === 'lvnc');
  // Jacquier 2010 / Petersen 2005: a thin compacted layer under extensive trabeculation.
  const thinCompact = trabeculation.some((m) => m.attrs.has('severe') || thinning.some((x) => x.sentence.start === m.sentence.start));
  const lvncSupport = thinCompact || ncHigh.length > 0 || lvncNamed || efReduced || thrombus.length > 0 || q.context('ctx:family').length > 0;
  if ((trabeculation.length > 0 || ncHigh.length > 0) && !lvncRuledOut && !(ncNormal.length > 0 && ncHigh.length === 0 && !lvncNamed)) {
    // Beside HCM-range walls, hypertrabeculation is a trait of the hypertrophy (ESC 2023), weighed as a mention only.
    fire('other.lvnc', 'OTHER', hcmThickWalls ? 1 : lvncSupport ? 5.5 : 2.5, lvncSupport ? 'non-compaction (NC/C > 2.3, dysfunction, thrombus or family history)' : 'prominent trabeculation', spansOf([...ncHigh, ...trabeculation]), 'lvnc');
  }
  // Low native T1 is the mark of Fabry disease (sphingolipid storage), the opposite of amyloid and oedema.
  const lowT1 = q.present('t1-low');
  if (t1Low || lowT1.length > 0) {
    const withHypertrophy = hypertrophy.length > 0 || (mwtMm !== null && mwtMm >= 12);
    fire('other.fabry', 'OTHER', withHypertrophy ? 7 : lge.length > 0 ? 4 : 2, 'low native T1 (Fabry)', spansOf(lowT1.length > 0 ? lowT1 : [t1!]), 'fabry');
    t.scores.MYO -= 2;
    // Sarcomeric HCM and amyloid raise native T1 in hypertrophied walls; a low one there argues against them (Sado 2013).
    if (withHypertrophy) t.scores.HCM -= 2;
  }
  // Regional: global or near-global akinesia of both ventricles is no regional RV wall-motion abnormality.
  const rvRegional = [...wma.filter((m) => m.attrs.has('rv') && !m.attrs.has('diffuse')), ...aneurysm.filter((m) => m.attrs.has('rv') && !m.attrs.has('lv') && !m.attrs.has('aorta'))];
  if ((rvDilatedByNumbers || rvDilatedWords.length > 0) && rvBad && (rvRegional.length > 0 || !lvDilated)) fire('other.arvc', 'OTHER', rvRegional.length > 0 ? 4.5 : 2, 'dilated, dysfunctional RV (ARVC)', spansOf(rvRegional.length > 0 ? rvRegional : rvDilatedWords), 'arvc');
  // Task Force 2010 major criterion: regional RV akinesia, dyskinesia or aneurysm with RVEF <= 40 %, dilated or not.
  else if (rvRegional.length > 0 && rvef && rvef.value <= 40 && !ischemicLge) fire('other.arvc', 'OTHER', 4.5, 'regional RV akinesia / dyskinesia / aneurysm with RVEF <= 40 % (Task Force 2010)', spansOf(rvRegional), 'arvc');
  if (pericardial.length > 0 && lge.length === 0) fire('other.pericarditis', 'OTHER', 3.5, 'pericardial thickening / enhancement', spansOf(pericardial), 'pericarditis');
  // ESC 2015: constrictive pericarditis is a thickened (or calcified) pericardium with the physiology of constriction
  // (septal bounce, ventricular interdependence); the myocardium may have LGE of its own.
  const constriction = [...pericardial, ...q.context('dx:OTHER').filter((m) => m.subtype === 'pericarditis')].filter((m) => m.attrs.has('constriction'));
  if (constriction.length > 0 && pericardial.some((m) => !m.attrs.has('constriction') || m.attrs.has('pericardium')) && lge.length > 0) {
    fire('other.constriction', 'OTHER', 4.5, 'signs of constriction with a thickened / enhancing pericardium (ESC 2015)', spansOf(constriction), 'pericarditis');
    // ESC 2023: dysfunction explained by abnormal loading (constriction impairs filling) is not DCM; scar without
    // oedema beside a constricting pericardium is no active myocarditis.
    t.scores.DCM -= 1.5;
    if (!t2Criterion) t.scores.MYO -= 1.5;
  }
  // Pericarditis (ESC 2015): its clinical criteria (pericarditic pain, rub, widespread ST elevation, pericardiocentesis
  // or pericardiectomy, colchicine) with effusion, pericardial signs or inflammation that no myocardial LGE pattern
  // places in the myocardium. With subepicardial or mid-wall LGE it is perimyocarditis (MYO).
  if (pericarditisPicture) {
    fire('other.pericarditis-context', 'OTHER', 3, 'pericarditis criteria (ESC 2015) with effusion or inflammation outside the myocardium', spansOf(pericarditisContext), 'pericarditis');
    t.scores.MYO -= 1;
  }
  if (mass.length > 0) fire('other.mass', 'OTHER', 4, 'cardiac mass', spansOf(mass), 'mass');
  if (atrialThrombus.length > 0 && mass.length === 0) fire('other.atrial-thrombus', 'OTHER', 2.5, 'atrial / appendage thrombus', spansOf(atrialThrombus), 'mass');
  // A moderate or large effusion (ESC 2015), or one with a thickened, enhancing pericardium, is pericardial disease
  // when the myocardium has no LGE and no oedema.
  if (sizeableEffusion.length > 0 && lge.length === 0 && oedema.length === 0 && pericardial.length === 0) fire('other.effusion', 'OTHER', 2.5, 'moderate / large pericardial effusion', spansOf(sizeableEffusion), 'pericarditis');
  // Takotsubo (InterTAK 2018): apical, mid-ventricular or basal akinesia, no LGE, with normal coronaries, stress,
  // oedema, spared segments or recovery supporting it.
  const takoPlace = (m: Mention) => m.attrs.has('apical') || m.attrs.has('midventricular') || m.attrs.has('basal');
  // InterTAK 2018: the wall-motion abnormality is transient; one told as resolved is its recovery.
  const transientWma = q.mentions.filter((m) => m.concept === 'wma' && m.status === 'historical' && takoPlace(m) && !m.attrs.has('family'));
  const takoWma = [...wma.filter(takoPlace), ...transientWma];
  const takoSupport = [q.present('apical-sparing'), normalCoronaries, q.context('ctx:stress'), [...q.context('ctx:recovery'), ...transientWma], oedema].filter((x) => x.length > 0).length;
  if (ballooning.length === 0 && takoWma.length > 0 && lge.length === 0 && takoSupport >= 2 && !ischemicLge) {
    fire('other.takotsubo-pattern', 'OTHER', Math.min(6.5, 2.5 + 1.5 * takoSupport), 'apical / mid-ventricular akinesia without LGE, normal coronaries, recovery (InterTAK)', spansOf(takoWma), 'takotsubo');
    t.scores.MYO -= 2;
    t.scores.ICM -= 1.5;
  }
  // Fibro-fatty replacement of the RV (Task Force 2010 / Padua): ARVC.
  const fat = q.present('fat');
  // Padua 2020 / Task Force 2010: regional RV akinesia or dyskinesia together with RV scar or fat is arrhythmogenic
  // cardiomyopathy, whatever the RV size (an infarct's RV scar comes with ischaemic LV scar).
  const rvScar = [...lge.filter((m) => m.attrs.has('rv') && !m.attrs.has('rv-side')), ...fat.filter((m) => m.attrs.has('rv'))];
  if (rvRegional.length > 0 && rvScar.length > 0 && !ischemicLge) fire('other.arvc-padua', 'OTHER', 3, 'regional RV akinesia / dyskinesia with RV LGE or fat (Padua 2020)', spansOf(rvRegional), 'arvc');
  if (fat.some((m) => m.attrs.has('rv') || m.attrs.has('lv'))) fire('other.arvc-fat', 'OTHER', 2.5, 'fibro-fatty myocardial replacement (ARVC)', spansOf(fat), 'arvc');
  // Desmosomal genes or an epsilon wave (Task Force 2010) with RV or LV involvement: ARVC.
  const arvcGene = q.context('ctx:arvc-gene');
  if (arvcGene.length > 0 && (lge.length > 0 || rvDilatedWords.length > 0 || rvRegional.length > 0 || fat.length > 0)) fire('other.arvc-gene', 'OTHER', 3, 'desmosomal gene / epsilon wave (ARVC)', spansOf(arvcGene), 'arvc');
  // Fabry clues (enzyme, GLA variant, angiokeratoma) with hypertrophy or LGE.
  const fabryContext = q.context('ctx:fabry');
  if (fabryContext.length > 0 && (hypertrophy.length > 0 || lge.length > 0)) fire('other.fabry-context', 'OTHER', 3, 'Fabry clues (alpha-galactosidase, GLA variant, angiokeratoma)', spansOf(fabryContext), 'fabry');
  // Cardiotoxic cancer therapy with new dysfunction (ESC 2022 cardio-oncology): OTHER (toxic), not DCM.
  const cardiotoxic = q.context('ctx:cardiotoxic');
  if (cardiotoxic.length > 0 && efReduced && !ischemicLge && oedema.length === 0) fire('other.cardiotoxic', 'OTHER', 4.5, 'dysfunction after cardiotoxic cancer therapy', spansOf(cardiotoxic), 'other');
  // Dystrophinopathies and other neuromuscular diseases: subepicardial lateral LGE of their own, not myocarditis.
  const neuromuscular = q.context('ctx:neuromuscular');
  if (neuromuscular.length > 0 && (lge.length > 0 || efReduced) && !t2Criterion) {
    fire('other.neuromuscular', 'OTHER', 5, 'cardiomyopathy of a neuromuscular disease', spansOf(neuromuscular), 'other');
    t.scores.MYO -= 1;
  }
  // Endomyocardial fibrosis / Löffler: apical obliteration by thrombus and subendocardial fibrosis, eosinophilia.
  const obliteration = q.present('apical-obliteration');
  const subendoAny = lge.filter((m) => m.attrs.has('subendo'));
  if (obliteration.length > 0 && (thrombus.length > 0 || subendoAny.length > 0) && hypertrophy.length === 0) fire('other.emf', 'OTHER', 5, 'apical obliteration with thrombus / subendocardial fibrosis (endomyocardial fibrosis)', spansOf(obliteration), 'other');
  const eosinophilia = q.context('ctx:eosinophilia');
  // Hypereosinophilic endomyocardial disease (ESC 2023): subendocardial LGE that follows no coronary territory, often
  // with apical thrombus; without coronary disease it is not an infarct.
  // With oedema and a troponin rise the same picture is eosinophilic myocarditis (myo.ts).
  if (eosinophilia.length > 0 && (subendoAny.length > 0 || thrombus.length > 0 || obliteration.length > 0) && !(t2Now && q.context('ctx:troponin').length > 0)) {
    fire('other.eosinophilic', 'OTHER', 4, 'eosinophilia with subendocardial fibrosis / thrombus (Löffler)', spansOf(eosinophilia), 'other');
    if (cadContext.length === 0 && territorial.length === 0) t.scores.ICM -= 2;
  }
  // Chagas cardiomyopathy (AHA 2018 scientific statement): an LV apical aneurysm or inferolateral / apical scar in
  // someone from a region where T. cruzi is endemic, without coronary disease.
  const endemic = q.context('ctx:endemic');
  const chagasPattern = [...apicalAneurysm, ...aneurysm.filter((m) => m.attrs.has('apical') || m.attrs.has('inferior') || m.attrs.has('lateral')), ...lge.filter((m) => m.attrs.has('apical') || (m.attrs.has('inferior') && m.attrs.has('lateral')))];
  if (endemic.length > 0 && chagasPattern.length > 0 && cadContext.length === 0) {
    fire('other.chagas', 'OTHER', 4, 'apical aneurysm / inferolateral scar with origin from a Chagas-endemic region', spansOf(endemic), 'other');
    t.scores.ICM -= 1.5;
  }
  // ESC 2023 / ESC 2021 valve guideline: severe valve disease (stenosis, regurgitation) explains the hypertrophy or
  // dilatation it loads the LV with, and its mid-wall fibrosis; known from the history or found now.
  const severeValve = q.context('dx:OTHER').filter((m) => m.subtype === 'valve' && m.attrs.has('severe') && !m.attrs.has('functional'));
  // Valve disease by its numbers (facts.ts, ESC/EACTS 2021); beside congenital heart disease (a repaired tetralogy's
  // pulmonary regurgitation) the leak is the congenital disease's.
  const valveCause = q.context('dx:OTHER').some((m) => m.subtype === 'congenital') ? 'congenital' : 'valve';
  if (valveSevere.length > 0) fire('other.valve-severe', 'OTHER', 3.5, 'severe valve disease by its numbers (regurgitant fraction / volume, valve area, peak velocity; ESC/EACTS 2021)', spansOf(valveSevere), valveCause);
  if (valveModerate) fire('other.valve-moderate', 'OTHER', 2.5, `regurgitant fraction ${valveModerate.value} % (moderate, ESC/EACTS 2021)`, spansOf([valveModerate]), valveCause);
  if ((severeValve.length > 0 || valveSevere.length > 0) && (hypertrophy.length > 0 || lvDilated || (mwtMm !== null && mwtMm >= 12))) {
    fire('other.valve-loading', 'OTHER', 3, 'severe valve disease loading the LV (hypertrophy / dilatation)', spansOf([...severeValve, ...valveSevere]), 'valve');
    t.scores.HCM -= 2;
    t.scores.DCM -= 1.5;
    if (!t2Criterion) t.scores.MYO -= 1.5;
  }
  // Arrhythmic mitral valve prolapse (EHRA 2022 consensus): prolapse or annular disjunction with LGE of the papillary
  // muscles or the basal inferolateral wall is the valve's disease, not myocarditis.
  const prolapse = q.context('dx:OTHER').filter((m) => m.subtype === 'valve' && m.attrs.has('prolapse'));
  const mvpLge = lge.filter((m) => m.attrs.has('papillary') || (m.attrs.has('basal') && m.attrs.has('inferior') && m.attrs.has('lateral')));
  if (prolapse.length > 0 && mvpLge.length > 0 && !ischemicLge && oedema.length === 0) {
    fire('other.arrhythmic-mvp', 'OTHER', 3, 'mitral valve prolapse / annular disjunction with papillary or basal inferolateral LGE (arrhythmic MVP)', spansOf([...prolapse, ...mvpLge]), 'valve');
    t.scores.MYO -= 1;
  }
  // RV pressure overload (ESC/ERS 2022): a flattened septum with a dilated or hypertrophied RV is pulmonary
  // hypertension's heart, not arrhythmogenic cardiomyopathy.
  const rvLoaded = rvDilatedByNumbers || rvDilatedWords.length > 0 || hypertrophy.some((m) => m.attrs.has('rv') && !m.attrs.has('lv'));
  if (rvPressure.length > 0 && rvLoaded) fire('other.rv-pressure', 'OTHER', 2.5, 'flattened septum with a dilated or hypertrophied RV (pressure overload)', spansOf(rvPressure), 'other');
  const hcmSigns = asymmetric.length > 0 || sam.length > 0 || (mwtMm !== null && mwtMm >= 16);
  const caSigns = diffuseLge.length > 0 || nulling.length > 0 || (ecvValue !== null && ecvValue >= 40);
  if (hypertension.length > 0 && (concentric.length > 0 || (mwtMm !== null && mwtMm >= 12)) && !hcmSigns && !caSigns) fire('other.hypertensive', 'OTHER', 3, 'concentric LVH with arterial hypertension', spansOf([...hypertension, ...concentric]), 'hypertensive');
  if (caSigns && t.scores.CA >= 6) t.scores.HCM -= 3;
  // ESC 2023: a dilated, poorly contracting LV explained by abnormal loading is not DCM. Long-standing or uncontrolled
  // hypertension, with no ischaemic scar, is hypertensive heart disease in its dilated stage.
  const severeHypertension = hypertension.filter((m) => m.attrs.has('uncontrolled') && !m.attrs.has('family'));
  if (severeHypertension.length > 0 && efReduced && !ischemicLge && !hcmSigns && !caSigns && oedema.length === 0) {
    fire('other.hypertensive-loading', 'OTHER', 4.5, 'long-standing / uncontrolled hypertension explaining LV dysfunction', spansOf(severeHypertension), 'hypertensive');
    t.scores.DCM -= 2.5;
  }
}
