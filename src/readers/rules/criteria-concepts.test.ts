/**
 * The guideline engine's criteria for text written by others (issue 12): one test per concept, each with short
 * sentences of its own, never a sentence of the real corpus. The criteria's published basis is cited in
 * criteria/ beside each rule (each category module opens with its own).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyRules } from './rules-reader.js';
import { findFindings } from './find-findings.js';

const categorise = (text: string) => applyRules({ id: 't', text });
const outcome = (text: string) => {
  const r = categorise(text);
  return r.abstention ? 'UNCLASSIFIED' : r.subtype && r.category === 'OTHER' ? `OTHER.${r.subtype}` : r.category;
};
const fired = (text: string) => categorise(text).criteria.filter((c) => c.weight > 0).map((c) => c.id);
const statusOf = (text: string, concept: string) => {
  const m = findFindings(text).mentions.find((x) => x.concept === concept);
  return m ? (m.status === 'uncertain' ? `uncertain ${m.certainty}` : m.status) : 'missing';
};

// [concept, expected outcome, text]
const CASES: [string, string, string][] = [
  ['LGE family: "hyperenhancement" is LGE', 'MYO', 'CMR: subepicardial hyperenhancement of the inferolateral wall; T2-weighted images show high signal in the same segments.'],
  ['Oedema (Lake Louise T2 criterion): increased signal on STIR', 'MYO', 'MRI: increased signal on STIR images of the lateral wall with mid-wall delayed enhancement there.'],
  ['Oedema: German T2-weighted signal rise', 'MYO', 'Befund: T2-gewichtet erhöhtes Signal lateral, subepikardiale Kontrastmittelanreicherung lateral.'],
  ['Infarct: microvascular obstruction / no-reflow', 'ICM', 'CMR: subendocardial enhancement of the anterior wall with a dark core of microvascular obstruction.'],
  ['Infarct: oedema and akinesia in a coronary territory after ST elevation', 'ICM', 'Anamnese: ST-Hebungen, Verschluss des RIVA.\nBefund: Myokardödem und Akinesie im RIVA-Versorgungsgebiet, LVEF 40 %.'],
  ['Ischaemic dysfunction: regional hypokinesia without scar in multivessel disease (hibernation)', 'ICM', 'Angiography: three-vessel coronary disease. CMR: hypokinesia of the anterior wall; no delayed enhancement. LVEF 42 %.'],
  ['Extracardiac infarcts are no myocardial infarction', 'NORMAL', 'CT: splenic infarcts. CMR: normal LV function (LVEF 61 %), no late gadolinium enhancement, no oedema.'],
  ['Sarcoid (JCS 2016): FDG-PET uptake with heart block and patchy LGE', 'CS', 'ECG: complete heart block. PET: intense FDG uptake in the basal septum. CMR: patchy LGE of the basal septum.'],
  ['Sarcoid (JCS 2016): basal septal thinning with LGE on the RV side of the septum', 'CS', 'CMR: thinning of the basal septum, LGE on the right ventricular side of the septum. LVEF 35 %.'],
  ['Sarcoid (HRS 2014): hilar nodes and heart block with septal oedema', 'CS', 'CT: enlarged bilateral hilar nodes. ECG: complete heart block. CMR: oedema in the basal septum.'],
  ['Takotsubo (InterTAK): apical akinesia with oedema, normal coronaries and no LGE', 'OTHER.takotsubo', 'Angiography: no obstructive coronary disease. CMR: akinesia of the apical segments with preserved basal contraction, apical oedema, no LGE.'],
  ['Takotsubo (InterTAK), reverse type: basal akinesia, apex contracting, no LGE, recovery', 'OTHER.takotsubo', 'Herzkatheter: keine koronare Herzkrankheit.\nKardio-MRT: Akinesie der basalen Segmente bei erhaltener apikaler Kontraktion, kein Late Enhancement.\nVerlauf: vollständige Normalisierung.'],
  ['Iron overload (Anderson 2001): myocardial T2* below 20 ms', 'OTHER.siderosis', 'Befund: Myokardiales T2* 9,5 ms (Norm > 20 ms). LVEF 48 %.'],
  ['Iron overload: English T2* value', 'OTHER.siderosis', 'CMR: myocardial T2* of 12 ms; LVEF 50 %.'],
  ['Iron overload: T2* with the place it was measured between name and value', 'OTHER.siderosis', 'CMR: myocardial T2* in the mid interventricular septum 8 ms; LVEF 52 %.'],
  ['Iron overload: a liver T2* is not the heart\'s', 'NORMAL', 'Befund: T2* der Leber 4 ms. Normale LV-Funktion (LVEF 60 %), kein Late Enhancement.'],
  ["Athlete's heart: a German sports compound and training hours", 'OTHER.athlete', 'Anamnese: Leistungsruderin, 18 Trainingsstunden pro Woche.\nBefund: LVEDVi 120 ml/m², RVEDVi 126 ml/m², LVEF 57 %, Wanddicke 11 mm, kein LGE.'],
  ['DCM (ESC 2023): a dilated phenotype named so, with a reduced LVEF', 'DCM', 'Beurteilung: Dilatativer Phänotyp mit hochgradig eingeschränkter LVEF; kein LE; kein Ödem.'],
  ['Serial studies: an earlier echo\'s reduced EF is not this CMR\'s', 'NORMAL', 'Peripartum heart failure with an LVEF of 25% on echocardiography one year earlier, now asymptomatic. CMR now showed a normal-sized LV (EDVi 85 mL/m2) with an LVEF of 58%, no late gadolinium enhancement and normal T1 and T2.'],
  ['Serial studies (German): the EF of the earlier echo, then this CMR\'s', 'NORMAL', 'Anamnese: Vor drei Monaten Myokarditis, echokardiographisch LVEF 38 %.\nBefund: LVEF 61 %, LVEDVi 80 ml/m², kein LGE, T2 normal.'],
  ['Serial studies: a normal EF of the history\'s echo is not this CMR\'s reduced one', 'DCM', 'Anamnese: Echokardiographisch LVEF 55 % vor zwei Jahren.\nBefund: Jetzt deutlich dilatierter LV (LVEDVi 150 ml/m²), LVEF 28 %, kein LGE. Koronarangiographie unauffällig.'],
  ['An earlier value still counts when this study printed none', 'DCM', 'Echo: LVEF 22 %. Koronarangiographie: keine KHK.\nKardio-MRT: deutlich dilatierter LV mit globaler Hypokinesie, kein LGE.'],
  ['Myocardial LGE of the septum and apex with nothing else is no normal study', 'MYO', 'CMR: LVEF 60 %, LV normal in size. Late gadolinium enhancement around the interventricular septum and the mid apex.'],
  ['Mass: a well-delimited structure in an atrium, before anyone names it (German)', 'OTHER.mass', 'Befund: Im rechten Vorhof eine rundliche, 4 cm große, gut abgegrenzte Struktur, T2 hyperintens, heterogene Kontrastmittelaufnahme.'],
  ['Mass: a cystic lesion that takes up no contrast is a cyst, not a thrombus', 'OTHER.mass', 'Befund: Intraperikardiale, zystische, T2-hyperintense Läsion von 5 cm am rechten Herzrand ohne Kontrastmittelaufnahme.'],
  ['Mass: a well-circumscribed lesion (English)', 'OTHER.mass', 'CMR: a well-circumscribed, T2-hyperintense lesion of 3 cm in the right atrium with heterogeneous enhancement.'],
  ['Cardiotoxicity (ESC 2022): the German spelling of anthracyclines, with a fall of the EF from one value to another', 'OTHER.other', 'Anamnese: Zustand nach anthrazyklinhaltiger Chemotherapie bei Mammakarzinom.\nBefund: LVEF von 62 % auf 45 % abgefallen, LV nicht dilatiert, kein LGE, T1 leicht erhöht.'],
  ['HCM named non-obstructive in German ("nicht obstruktive")', 'HCM', 'Befund: Septum 19 mm, Hinterwand 10 mm, kein SAM.\nBeurteilung: Nicht obstruktive hypertrophe Kardiomyopathie.'],
  ['CA: storage or infiltration stated outweighs wall thickness (HCM phenocopy, ESC 2023)', 'CA', 'Befund: LV-Hypertrophie mit maximaler Wanddicke 22 mm.\nBeurteilung: Befundkonstellation passend zu einer Speichererkrankung.'],
  ['CA: diffuse LGE in diffusely thickened walls is not DCM', 'CA', 'CMR: diffusely thickened LV myocardium; LVEF 30 %; diffuse enhancement throughout the myocardium.'],
  ['DCM (ESC 2023): lamin A/C carrier with septal mid-wall LGE', 'DCM', 'Carrier of a familial lamin A/C variant. CMR: mid-wall delayed enhancement of the basal septum and inferior wall.'],
  ['DCM (ESC 2023): dilated, poorly contracting LV with non-ischaemic LGE and no oedema', 'DCM', 'CMR: LVEDVi 150 ml/m², LVEF 25 %. Subepicardial LGE of the lateral wall. No oedema.'],
  ['Pericarditis: the thickened pericardium enhances, the myocardium does not', 'OTHER.pericarditis', 'CMR: the pericardium is thickened; enhancement of the pericardium around both ventricles; septal bounce.'],
  ['Pericarditis (German): thickened pericardium taking up contrast, septal shift', 'OTHER.pericarditis', 'MRT: Perikard verdickt (6 mm) mit Kontrastmittelaufnahme, diastolischer Septum-Shift.'],
  ['Masses: a mass that proves to be a thrombus is a thrombus', 'ICM', 'CMR: the apical mass is a thrombus; akinesia of the apex with subendocardial LGE of the apex in the LAD territory.'],
  ['LVNC (Petersen 2005): NC/C 3.1 with reduced function', 'OTHER.lvnc', 'CMR: prominent trabeculation of the lateral wall, NC/C ratio 3.1; LVEF 40 %.'],
  ['Neuromuscular cardiomyopathy: Duchenne with lateral subepicardial LGE, no oedema', 'OTHER.other', 'Boy with Duchenne muscular dystrophy. CMR: subepicardial LGE of the lateral wall; no oedema. LVEF 50 %.'],
  ['Endomyocardial fibrosis / Löffler: apical obliteration with thrombus and subendocardial LGE', 'OTHER.other', 'CMR: the apex is obliterated by thrombus; subendocardial LGE of the apex; LVEF 55 %.'],
  ['ARVC (Task Force 2010): fibro-fatty replacement with a desmosomal gene', 'OTHER.arvc', 'PKP2 variant. CMR: fibro-fatty replacement of the RV free wall, LGE of the RV.'],
  ['Single paragraph: a CMR label opening a sentence under the history reports findings', 'CS', 'History: atrioventricular block. CMR: patchy mid-wall LGE of the basal septum and RV insertion.'],
  ['Names: German abbreviation HCMP with septal hypertrophy compound', 'HCM', 'Beurteilung: HCMP mit asymmetrischer Septumhypertrophie.'],
  ['Names: haemosiderosis is iron overload', 'OTHER.siderosis', 'Impression: findings in keeping with hemosiderosis of the myocardium.'],
  ['Names: Takotsubo written apart', 'OTHER.takotsubo', 'Impression: tako tsubo syndrome.'],
  ['Names: stress-induced cardiomyopathy', 'OTHER.takotsubo', 'Impression: stress-induced cardiomyopathy.'],
  ['Names: Panzerherz is constriction', 'OTHER.pericarditis', 'Beurteilung: Panzerherz.'],
  ['Names: Morbus Boeck is sarcoidosis', 'CS', 'Beurteilung: Morbus Boeck mit kardialer Beteiligung.'],
  ['Names: Herzmuskelentzündung is myocarditis', 'MYO', 'Beurteilung: akute Herzmuskelentzündung.'],
  ['Names: NDLVC (ESC 2023) is the DCM family', 'DCM', 'Impression: NDLVC with mid-wall septal LGE.'],
  ['Names: ALVC is the arrhythmogenic family', 'OTHER.arvc', 'Impression: ALVC.'],
  ['Normal: no pathological findings (of a text that names the heart: H4, a bare "no abnormality" is no CMR)', 'NORMAL', 'Cardiac MRI. Impression: no pathological findings.'],
  ['Context: flu and hs-TnT with Lake Louise findings', 'MYO', 'History: flu a week ago, hs-TnT 800. CMR: subepicardial LGE lateral, oedema lateral.'],
  ['Context: monoclonal protein with thick walls and diffuse LGE', 'CA', 'History: monoclonal protein, Bence Jones. CMR: concentric LVH 16 mm, diffuse subendocardial LGE.'],
  ['Context: ischaemic heart disease with inferior transmural scar', 'ICM', 'History: ischaemic heart disease. CMR: inferior hypokinesia with transmural LGE.'],
  ['Territory: branch names (posterior descending artery)', 'ICM', 'CMR: subendocardial LGE in the territory of the posterior descending artery.'],
  // ---- Round 4: published criteria, both languages ----
  ['Lake Louise 2009: early enhancement with oedema (German, no LGE word)', 'MYO', 'Befund: T2-gewichtet erhöhtes Signalverhältnis Myokard/Skelettmuskel. Globales relatives Enhancement 5,1. Kein LE.'],
  ['Lake Louise 2009: hyperaemia with subepicardial LGE (English)', 'MYO', 'CMR: myocardial hyperaemia on early gadolinium enhancement images; subepicardial LGE of the lateral wall.'],
  ['Lake Louise: T2 signal ratio >= 2.0 with subepicardial LGE', 'MYO', 'CMR: T2 ratio 2.4. Subepicardial LGE inferolateral.'],
  ['DCM (ESC 2023): LV end-diastolic diameter above 60 mm with LVEF < 40 % and no scar (English)', 'DCM', 'CMR: LVEDD 68 mm, LVEF 28 %, global hypokinesia, no LGE.'],
  ['DCM (ESC 2023): dilatierter LV nach Diameter, LVEF < 40 %, kein LE (German)', 'DCM', 'Befund: LVEDD 7,0 cm, LVEF 25 %, globale Hypokinesie. Kein LE.'],
  ['CS (HRS 2014): extracardiac sarcoidosis with subepicardial LGE', 'CS', 'History: pulmonary sarcoidosis with granulomas on biopsy. CMR: subepicardial LGE of the basal septum.'],
  ['CS (HRS 2014): bekannte Lungensarkoidose mit intramuralem LGE (German)', 'CS', 'Anamnese: bekannte pulmonale Sarkoidose.\nBefund: intramurales LGE basal septal.'],
  ['ICM: subendocardial LGE anteroseptal (a compound wall name)', 'ICM', 'CMR: subendocardial LGE anteroseptal, akinesia there.'],
  ['ICM: subendokardiales LGE der Vorderwand mit hypokinetischer Vorderwand (German adjective)', 'ICM', 'Befund: hypokinetische Vorderwand mit subendokardialem LGE.'],
  ['Protocol lists are no finding', 'NORMAL', 'CMR (cine, T2-weighted imaging, late gadolinium enhancement): normal LV function, LVEF 60 %, no oedema, no scar.'],
  // ---- Paraphrase robustness (test/fixtures/paraphrase): what other authors' wording of the same facts needs ----
  ['Infarct: a coronary dissection found after an angiogram first called normal', 'ICM', 'Angiography: coronary arteries initially normal. CMR: extensive myocardial scar on LGE. Intravascular ultrasound: dissection of the left anterior descending artery.'],
  ['Myopericarditis (ESC 2015): myocardial LGE with pericardial enhancement in an infection with troponin rise', 'MYO', 'Fever and troponin rise. CMR: multifocal myocardial late enhancement and pericardial enhancement; LVEF 55 %.'],
  ['Myocarditis recovered (ESC 2013): raised T2 in the acute study, resolved at follow-up', 'MYO', 'Fever, troponin rise, shock. First CMR: severe biventricular dysfunction, raised T2 and native T1 of the whole LV, no LGE. Follow-up CMR after 3 months: LVEF 50 %, T2 back to normal, no LGE.'],
  ['Takotsubo (InterTAK 2018): a transient apical akinesia that resolved, normal coronaries, an emotional trigger', 'OTHER.takotsubo', 'Chest pain after an argument with her husband. Coronary angiography: normal coronaries. Echo: apical akinesia that resolved within three days. CMR: no scar, no oedema.'],
  ['Constrictive pericarditis (ESC 2015): septal bounce and a thickened pericardium beside myocardial LGE', 'OTHER.pericarditis', 'CMR: diastolic septal bounce; concentrically thickened pericardium; subepicardial LGE of the basal inferolateral wall; LVEF 40 %.'],
  ['HCM (ESC 2023): mid-ventricular hypertrophy with mid-cavity obliteration', 'HCM', 'CMR: marked mid-ventricular hypertrophy with mid-cavity obliteration in systole, sparing the apex; confluent circumferential enhancement of the mid segments.'],
  ['Congenital (ESC 2020 ACHD): small septal defects beside an HCM are incidental', 'HCM', 'Befund: Asymmetrische Septumhypertrophie, maximale Wanddicke 20 mm, fleckiges intramurales LE im hypertrophierten Septum, zwei kleine Ventrikelseptumdefekte.'],
  ['Thrombus: a mass on echo that CMR shows to take up no contrast is the thrombus of an infarct', 'ICM', 'Echo: masses in the LV apex. CMR: LVEF 25 %; intracavitary mass without first-pass perfusion; transmural LGE of the anterior wall and apex.'],
  ['CA: amyloid red flags from a mapping range and a lower bound (T1 1170-1250 ms, ECV >= 60 %)', 'CA', 'CMR: IVS 20 mm, global subendocardial LGE, difficult nulling. Native T1 1170-1250 ms (ref 950-1060 ms), ECV >=60 %. Echo: HCM phenotype.'],
  ['Pericardial effusion measured at 10 mm or more is sizeable (ESC 2015: moderate 10-20 mm)', 'OTHER.pericarditis', 'Befund: Zirkulärer Perikarderguss von bis zu 18 mm, keine Kompression des rechten Ventrikels. Normale Größe und Funktion beider Ventrikel. Kein LGE, kein Ödem.'],
  ['Pericardial effusion measured in cm (English)', 'OTHER.pericarditis', 'CMR: circumferential pericardial effusion measuring up to 2.2 cm without tamponade. Normal biventricular size and function. No LGE.'],
  ['A measurement of another structure beside a small effusion is not the size of the effusion', 'NORMAL', 'Befund: LV normal groß mit normaler Funktion, LVEF 62 %. Septum 10 mm und schmaler Perikarderguss. Kein LGE.'],
  ['A hyphenated size before the effusion ("a 15-mm effusion") is its size', 'OTHER.pericarditis', 'CMR: A 15-mm circumferential pericardial effusion. Normal biventricular size and function. No LGE, no oedema.'],
  ['A thin effusion of a few millimetres is no pericardial disease', 'NORMAL', 'Befund: Schmaler Perikarderguss von 4 mm. LV normal groß mit normaler Funktion, LVEF 62 %. Kein LGE.'],
  ['Low native T1 in hypertrophied walls favours Fabry over sarcomeric HCM (Sado 2013)', 'OTHER.fabry', 'Befund: Linksventrikuläre Hypertrophie, Septum 15 mm. T1-Mapping mit niedrigen nativen T1-Werten septal (910 ms, Norm 950-1050). Fokales LGE der basalen inferolateralen Wand.'],
];
for (const [name, expected, text] of CASES) test(`concept: ${name}`, () => assert.equal(outcome(text), expected, JSON.stringify(categorise(text).scores)));

test('concept: a differential hedges every candidate of its list, with no conjunction, in parentheses or under a heading', () => {
  for (const concept of ['dx:MYO', 'dx:CS', 'dx:CA']) {
    assert.match(statusOf('Beurteilung: DD Myokarditis, Sarkoidose, Amyloidose.', concept), /^uncertain/, concept);
    assert.match(statusOf('Beurteilung: differenzialdiagnostisch nicht-ischämische Kardiomyopathien (Myokarditis, Sarkoidose, Amyloidose).', concept), /^uncertain/, concept);
    assert.match(statusOf('Impression: DDx myocarditis, sarcoidosis, amyloidosis.', concept), /^uncertain/, concept);
    assert.match(statusOf('Impression: Differentials: myocarditis, sarcoidosis, amyloidosis.', concept), /^uncertain/, concept);
    assert.match(statusOf('Beurteilung:\nDifferenzialdiagnosen:\n- Myokarditis\n- Sarkoidose\n- Amyloidose', concept), /^uncertain/, concept);
  }
  // A conjunction inside one candidate does not end the list.
  assert.match(statusOf('Beurteilung: DD Amyloidose (AL oder ATTR), HCM.', 'dx:HCM'), /^uncertain/);
  // A list without a differential heading states its items; any other hedge still ends at its comma.
  assert.equal(statusOf('Beurteilung:\n- Myokarditis\n- Perikarderguss', 'dx:MYO'), 'affirmed');
  assert.equal(statusOf('Beurteilung: V.a. Myokarditis, Perikarderguss.', 'effusion'), 'affirmed');
});

test('concept: an absence of evidence covers every name of its list, without a conjunction too, and may follow the names', () => {
  for (const concept of ['dx:MYO', 'dx:CS', 'dx:CA']) {
    assert.equal(statusOf('Beurteilung: Keine Hinweise für Myokarditis, Sarkoidose, Amyloidose.', concept), 'negated', concept);
    assert.equal(statusOf('Impression: No evidence of myocarditis, sarcoidosis, amyloidosis.', concept), 'negated', concept);
  }
  assert.equal(statusOf('Beurteilung: Für eine Amyloidose oder HCM ergibt sich kein Anhalt.', 'dx:HCM'), 'negated');
  assert.equal(statusOf('Beurteilung: Für eine Myokarditis findet sich kein sicherer Hinweis.', 'dx:MYO'), 'negated');
  // Only diagnoses: in telegram style a comma also starts the next finding, which is stated.
  assert.equal(statusOf('Impression: No evidence of LGE, dilated LV.', 'dilated'), 'affirmed');
  assert.equal(statusOf('Impression: No evidence of myocarditis, but sarcoidosis is likely.', 'dx:CS'), 'uncertain 0.8');
});

test('concept: "möglich" / "possible" after a diagnosis hedges it where it ends the clause, not before another noun', () => {
  assert.match(statusOf('Beurteilung: Myokarditis möglich.', 'dx:MYO'), /^uncertain/);
  assert.match(statusOf('Beurteilung: Myokarditis/Sarkoidose möglich.', 'dx:CS'), /^uncertain/);
  assert.equal(statusOf('Beurteilung: Sarkoidose und mögliche Myokarditis.', 'dx:CS'), 'affirmed');
  assert.equal(statusOf('Impression: cardiac sarcoidosis with possible myocarditis.', 'dx:CS'), 'affirmed');
});

test('concept: a finding told as resolved is gone today; LGE then is no old scar that stays', () => {
  assert.equal(statusOf('Findings: The previously seen LGE has resolved.', 'lge'), 'negated');
  assert.equal(statusOf('Befund: Das vorbeschriebene LGE hat sich vollständig zurückgebildet.', 'lge'), 'negated');
  assert.equal(statusOf('Befund: Narbe inferior, Ödem zurückgebildet.', 'oedema'), 'historical');
  // Resolved in part, it is still there.
  assert.notEqual(statusOf('Findings: The previously seen LGE has partially resolved.', 'lge'), 'negated');
  assert.equal(statusOf('Befund: Narbe inferior, Ödem zurückgebildet.', 'lge'), 'affirmed');
});

test('concept: a comparison section that tells the earlier exam\'s result tells history; one that compares tells today', () => {
  assert.equal(statusOf('Cardiac MRI\nComparison: CMR 2022 showed subepicardial LGE.\nFindings: LVEF 60 %.', 'lge'), 'context');
  assert.equal(statusOf('Kardio-MRT\nVergleich: Die Voruntersuchung 2021 zeigte ein Ödem.\nBefund: LVEF 60 %.', 'oedema'), 'context');
  assert.equal(statusOf('Cardiac MRI\nComparison: compared with 2022 the LGE is new.', 'lge'), 'affirmed');
  assert.equal(outcome('Cardiac MRI\nComparison: CMR 2022 showed subepicardial LGE of the lateral wall and oedema.\nFindings: Today no oedema; the previously seen LGE has resolved. LVEF 60 %.\nImpression: Resolution of prior myocarditis.'), 'NORMAL');
});

test('concept: a disease healed without a trace is the cause of nothing this study shows; one with a scar still is', () => {
  assert.equal(outcome('Kardio-MRT\nBefund: LVEF 62 %, kein LGE, kein Ödem.\nBeurteilung: Ausgeheilte Myokarditis ohne Residuen.'), 'NORMAL');
  assert.equal(outcome('Cardiac MRI\nFindings: LVEF 60 %. No LGE, normal T2.\nImpression: Complete resolution of the previous myocarditis.'), 'NORMAL');
  assert.equal(outcome('Kardio-MRT\nBefund: Subepikardiales LGE inferolateral.\nBeurteilung: Ausgeheilte Myokarditis mit residueller Narbe.'), 'MYO');
  assert.equal(outcome('Kardio-MRT\nBefund: Subepikardiales LGE inferolateral.\nBeurteilung: Myokarditis, kein residueller Erguss.'), 'MYO');
});

test('concept: a serial text is about its repeat study: what it denies was the earlier study\'s, a check-up years after an illness is no course of it', () => {
  // A myocarditis years before, a repeat CMR that finds nothing: a normal study (the earlier LGE is no old scar now).
  assert.equal(outcome('A 34-year-old woman had presented three years earlier with acute myocarditis, when cardiac MRI demonstrated subepicardial LGE of the lateral wall with oedema. Repeat cardiac MRI showed normal biventricular size and function (LVEF 62 %), normal T2 and T1 mapping and no late gadolinium enhancement.'), 'NORMAL');
  assert.equal(outcome('Die Patientin hatte vor vier Jahren eine akute Myokarditis mit Troponinanstieg durchgemacht; die damalige Kardio-MRT hatte ein Myokardödem und subepikardiales LGE lateral gezeigt.\nDie aktuelle Kontroll-MRT zeigte eine normale LV-Größe und -Funktion (LVEF 62 %), normale T1- und T2-Zeiten und kein Late Enhancement mehr.'), 'NORMAL');
  // The same illness followed within weeks stays a myocarditis that recovered (Lake Louise 2018: the acute study's T2).
  assert.equal(outcome('Fever and troponin rise after a viral infection. CMR: subepicardial LGE of the lateral wall with oedema. Repeat CMR six weeks later: oedema resolved, small residual LGE laterally, LVEF 60 %.'), 'MYO');
  // A repeat study that still shows the scar keeps it.
  assert.equal(outcome('First CMR: transmural LGE of the inferior wall. Repeat CMR one year later: unchanged transmural inferior LGE, inferior akinesia, LVEF 45 %.'), 'ICM');
});

test('concept: the size of a German compound ("normale LV-Größe") is no dilated LV; "LV groß" is', () => {
  assert.equal(statusOf('Befund: normale LV-Größe und -Funktion (LVEF 62 %).', 'dilated'), 'missing');
  assert.equal(statusOf('Befund: LV deutlich groß, EF 30 %.', 'dilated'), 'affirmed');
});

test('concept: infarct scar given by segment numbers in one artery\'s territory is ischaemic (AHA 17-segment model)', () => {
  assert.equal(outcome('Z.n. Hinterwandinfarkt.\nLVEF 47 %, LVEDVi 99 ml/m².\nLGE transmural Segm. 4, 10, 15.\nAkinesie Segm. 4, 10.'), 'ICM');
  assert.equal(outcome('Findings:\nLVEF 31 %. LVEDVi 124 ml/m2.\nTransmural LGE segments 1, 7, 13, 14 and 17.\nAkinesia segments 7, 13, 14, 17.'), 'ICM');
  // "Zust. n." and "VWI" (Vorderwandinfarkt) are the German shorthand of a past anterior infarction.
  assert.equal(statusOf('Zust. n. VWI.\nLVEF 32 %.', 'dx:ICM'), 'historical');
});

test('concept: inducible ischaemia in a coronary territory is ischaemic; "no infarction" rules out the scar, not the ischaemia (ESC 2019 CCS)', () => {
  assert.equal(outcome('Technique: adenosine stress and rest perfusion, LGE.\nFindings: Stress perfusion defect in segments 1, 7 and 13 (LAD territory), not present at rest. No LGE. LVEF 64 %, normal wall motion.\nImpression: Inducible ischaemia in the LAD territory. No infarction.'), 'ICM');
  assert.equal(outcome('Technik: Adenosin-Stressperfusion.\nBefund: Stressinduzierter Perfusionsdefekt inferolateral im RCX-Gebiet, in Ruhe nicht. Kein LGE. LVEF 61 %.\nBeurteilung: Induzierbare Ischämie im RCX-Gebiet, kein Infarkt.'), 'ICM');
});

test('concept: a large effusion without pericarditis is still pericardial disease (ESC 2015); German "PE" is the Perikarderguss', () => {
  assert.equal(outcome('Findings: Moderate circumferential pericardial effusion (15 mm). No pericardial thickening or enhancement. Normal biventricular size and function, no LGE.\nImpression: Moderate pericardial effusion without features of pericarditis or tamponade.'), 'OTHER.pericarditis');
  assert.equal(outcome('Befund: PE zirkulär 20 mm, keine Kompression des RA/RV. Keine Perikardverdickung. LVEF 64 %, kein LGE.\nBeurteilung: Großer PE ohne Tamponadezeichen, ohne Hinweis auf Perikarditis.'), 'OTHER.pericarditis');
  // English "PE" is a pulmonary embolism.
  assert.equal(statusOf('History: PE two years ago. CMR: LVEF 60 %, no LGE.', 'effusion'), 'missing');
});

test('concept: eosinophilic myocarditis (oedema, troponin rise) is myocarditis; Löffler\'s fibrosis without them stays OTHER', () => {
  assert.equal(outcome('Eosinophil count 4.8 x 10^9/L, troponin markedly raised. CMR: LVEF 42 %, diffuse T2 elevation, subendocardial and mid-wall LGE not following a coronary territory, apical thrombus.'), 'MYO');
  assert.equal(outcome('Hypereosinophilic syndrome for years. CMR: apical obliteration by thrombus, subendocardial LGE of the apex, no oedema. LVEF 55 %.'), 'OTHER.other');
});

test('concept: myocarditis under an immune checkpoint inhibitor is myocarditis (ESC 2022); a cancer told without the heart is no cardiac mass', () => {
  assert.equal(outcome('Receiving nivolumab for metastatic melanoma; troponin I 4800 ng/L. CMR: LVEF 46 %, raised native T1 and T2, patchy mid-wall and subepicardial LGE of the septum and inferolateral wall.'), 'MYO');
  assert.equal(statusOf('Receiving nivolumab for metastatic melanoma.', 'dx:OTHER'), 'affirmed');
  assert.ok(!fired('Receiving nivolumab for metastatic melanoma. CMR: LVEF 60 %, no LGE.').includes('dx.other'));
});

test('concept: an athlete by level ("international rower") or by training hours ("trained 20 hours per week")', () => {
  assert.notEqual(statusOf('An international rower with palpitations.', 'ctx:athlete'), 'missing');
  assert.notEqual(statusOf('He trained 20 hours per week.', 'ctx:athlete'), 'missing');
});

// attack9 (a review helper) attacked this session's rules; each case was right before them and wrong after a first
// version: a stated diagnosis after an absence's comma, a segment territory for subepicardial LGE, a comparison that says
// "unchanged" in its next sentence, SWI the sequence, "PE" the embolism, a perfusion artefact beside "no ischaemia".
const ATTACK9: [string, string][] = [
  ["MYO", "Beurteilung: Kein Hinweis auf Infarkt, akute Myokarditis."],
  ["ICM", "Impression: No evidence of myocarditis, old inferior infarction."],
  ["DCM", "Beurteilung: Kein Hinweis auf KHK, DCM."],
  ["HCM", "Beurteilung: Kein Anhalt für Speichererkrankung, hypertrophe Kardiomyopathie."],
  ["HCM", "Beurteilung: Kein Hinweis auf Amyloidose, HCM wahrscheinlich bei asymmetrischer Hypertrophie."],
  ["CS", "Impression: No evidence of amyloidosis, cardiac sarcoidosis likely."],
  ["CS", "Beurteilung: Keine Hinweise für eine Amyloidose, kardiale Sarkoidose wahrscheinlich bei fleckigem LGE septal."],
  ["CA", "Impression: No evidence of ischaemia, amyloidosis likely."],
  ["CA", "Beurteilung: Kein Hinweis auf Ischämie, Amyloidose wahrscheinlich. Konzentrische Hypertrophie 16 mm."],
  ["CS", "Beurteilung: Keine Hinweise für eine Myokarditis, Sarkoidose möglich."],
  ["MYO", "Findings: Subepicardial LGE in segments 5, 6, 11 and 12. No oedema. LVEF 55 %."],
  ["MYO", "Befund: Subepikardiales LGE in den Segmenten 5, 6, 11 und 12, kein Ödem. LVEF 56 %."],
  ["ICM", "Comparison: CMR 2020 showed transmural inferior LGE. Today unchanged. No new findings."],
  ["MYO", "Comparison: CMR 2022 showed subepicardial LGE inferolateral with oedema; findings are unchanged today."],
  ["OTHER", "Befund: T2* 7 ms. SWI: kein Hinweis auf Blutung. LVEF 57 %."],
  ["NORMAL", "Befund: LVEF 62 %, RV normal. Bei großer PE 2020 jetzt keine Residuen. Kein LGE."],
  ["NORMAL", "Findings: Stress perfusion: a small perfusion defect in the LAD territory was seen at rest and stress (artefact). No infarction. Impression: No inducible ischaemia."],
];
test('concept: this session\'s rules keep to their own words (attack9)', () => {
  for (const [expected, text] of ATTACK9) assert.equal(outcome(text).split('.')[0], expected, text);
});

test('concept: the inversion-recovery sequence is no recovery of the patient', () => {
  assert.equal(findFindings('Befund: Inversion-Recovery-Spätaufnahmen nach Gadolinium.').mentions.filter((m) => m.concept === 'ctx:recovery').length, 0);
  assert.equal(findFindings('CMR: inversion recovery images after gadolinium.').mentions.filter((m) => m.concept === 'ctx:recovery').length, 0);
  assert.notEqual(statusOf('Verlauf: vollständige Erholung der Pumpfunktion.', 'ctx:recovery'), 'missing');
});

test('concept: German LGE as a participle ("anreichernde Herde", "kontrastmittelaufnehmende Areale") is LGE', () => {
  assert.equal(statusOf('Befund: In den Spätaufnahmen fokal anreichernde Herde im Myokard.', 'lge'), 'affirmed');
  assert.equal(statusOf('Befund: Kontrastmittelaufnehmende Areale subepikardial lateral.', 'lge'), 'affirmed');
  assert.equal(statusOf('Befund: Keine anreichernden Areale in den Spätaufnahmen.', 'lge'), 'negated');
});

test('concept: sarcoid (HRS 2014): lung nodules in a perilymphatic distribution are extracardiac sarcoidosis beside nodular non-ischaemic LGE', () => {
  assert.equal(outcome('CT thorax: pulmonary nodules in a perilymphatic distribution.\nCMR: nodular focal LGE of the LV myocardium sparing the subendocardium.'), 'CS');
  assert.equal(outcome('Thorax-CT: Lungenrundherde in perilymphatischer Verteilung.\nKardio-MRT: knotige, fokal anreichernde Herde im LV-Myokard, das Subendokard ist ausgespart.'), 'CS');
});

test('concept: LVNC (Petersen 2005): prominent trabeculation with NC/C up to 2.3 is no non-compaction', () => {
  assert.ok(!fired('CMR: prominent trabeculation of the apex, NC/C ratio 1.9; LVEF 62 %; no LGE.').includes('other.lvnc'));
});

test('concept: another test’s normal verdict is not this study’s', () => {
  const text = 'Echo and coronary angiography showed no significant abnormality. CMR: LGE on the right ventricular side of the septum and patchy subepicardial LGE inferolateral; both take up FDG on PET.';
  assert.equal(outcome(text), 'CS');
});

test('concept: a relative’s conduction disease is family history, not the patient’s', () => {
  assert.ok(!fired('Father with high-grade AV block. CMR: mid-wall LGE of the septum.').includes('cs.av-block'));
});

test('concept: what something resembled or was first taken for is a weak hedge', () => {
  assert.equal(statusOf('Echo: regional abnormalities resembling an ischaemic cardiomyopathy.', 'dx:ICM'), 'uncertain 0.2');
  assert.equal(statusOf('He was admitted as myocardial infarction.', 'dx:ICM'), 'uncertain 0.2');
  assert.equal(statusOf('The apex shows infarct-like enhancement.', 'dx:ICM'), 'uncertain 0.2');
});

test('concept: a hedge after a parenthesised list covers the whole list', () => {
  assert.equal(statusOf('Beurteilung: Andere Ursachen (Myokarditis, Takotsubo) sind unwahrscheinlich.', 'dx:MYO'), 'uncertain 0.15');
});

test('concept: "not confirmed" negates a suspicion', () => {
  assert.equal(statusOf('Beurteilung: Apikaler Thrombus, Tumorverdacht nicht bestätigt.', 'dx:OTHER'), 'negated');
});

test('concept: a negation or hedge after a list covers every item of the list, not only the last', () => {
  const text = 'Befund: Perikarderguss, Thrombus und Wandbewegungsstörungen wurden ausgeschlossen. Myocarditis, sarcoidosis, and amyloidosis were excluded.';
  assert.equal(statusOf(text, 'effusion'), 'negated');
  assert.equal(statusOf(text, 'dx:MYO'), 'negated');
  assert.equal(statusOf('Beurteilung: Myokardinfarkt, Sarkoidose oder Amyloidose unwahrscheinlich.', 'dx:ICM'), 'uncertain 0.15');
  // A list of findings before a sentence of its own is no list of the next clause's trigger.
  assert.equal(statusOf('Befund: Perikarderguss. Thrombus und Wandbewegungsstörungen wurden ausgeschlossen.', 'effusion'), 'affirmed');
});

test('concept: a differential weighed and rejected ("erwogen, aber verworfen", "bestätigt sich nicht", "nicht anzunehmen") is negated', () => {
  const weighed = 'Differenzialdiagnostisch wurden ein Myokardinfarkt mit spontaner Reperfusion, eine Takotsubo-Kardiomyopathie und eine kardiale Sarkoidose erwogen, aber aufgrund des Befundmusters verworfen.';
  assert.equal(statusOf(weighed, 'dx:CS'), 'negated');
  assert.equal(statusOf(weighed, 'dx:OTHER'), 'negated');
  assert.equal(statusOf('Sarkoidose und Amyloidose wurden erwogen.', 'dx:CA'), 'uncertain 0.35');
  assert.equal(statusOf('Beurteilung: Der Verdacht auf eine HCM bestätigt sich nicht.', 'dx:HCM'), 'negated');
  assert.equal(statusOf('Beurteilung: Der Verdacht auf eine HCM hat sich nicht bestätigt.', 'dx:HCM'), 'negated');
  assert.equal(statusOf('Beurteilung: Ein Myokardinfarkt ist nicht anzunehmen.', 'dx:ICM'), 'negated');
  assert.equal(statusOf('Beurteilung: Ein Myokardinfarkt ist anzunehmen.', 'dx:ICM'), 'uncertain 0.6');
});

test('concept: the differential "of" a presentation names its list after the verb', () => {
  const text = 'Discussion: the differential diagnosis of chest pain with unobstructed coronaries includes takotsubo syndrome and cardiac sarcoidosis.';
  assert.equal(statusOf(text, 'dx:CS'), 'uncertain 0.35');
  assert.equal(statusOf(text, 'dx:OTHER'), 'uncertain 0.35');
});

test('concept: ruling out one OTHER diagnosis says nothing of another beside it', () => {
  assert.equal(outcome('A 58-year-old with resistant hypertension on four drugs. CMR: concentric LVH, wall thickness 14 mm, LVEF 66 %, no LGE. Coarctation of the aorta excluded.'), 'OTHER.hypertensive');
  // The same diagnosis ruled out still counts against it.
  assert.ok(fired('Findings: trabeculated LV apex, NC/C ratio 2.1 in diastole. Criteria for LV non-compaction are not met.').every((id) => id !== 'dx.other'));
});

test('concept: "no other abnormality" is the rest of the study, not a normal study beside a named finding', () => {
  assert.equal(outcome('CMR for a left atrial mass: 3 cm mobile mass on a stalk at the fossa ovalis, heterogeneous LGE. No other abnormality.'), 'OTHER.mass');
  assert.equal(outcome('Befund: 3 cm große, gestielte Raumforderung im linken Vorhof am Vorhofseptum. Ansonsten unauffälliger Befund.'), 'OTHER.mass');
  // Alone, it is still a normal study's words.
  assert.equal(outcome('CMR: LVEF 62 %, normal volumes, no LGE. No other abnormality.'), 'NORMAL');
});

test('concept: pericarditis — the pericardium enhancing or thickened in any words, the Herzbeutel too, and a myocardium normal "in" the sequences', () => {
  assert.equal(outcome('Beurteilung: Verdicktes, deutlich kontrastmittelaufnehmendes Perikard mit kleinem Erguss, passend zu einer Entzündung des Herzbeutels.'), 'OTHER.pericarditis');
  assert.equal(outcome('Findings: thickened (5 mm), enhancing pericardium; effusion 8 mm. Myocardium normal in T2 and LGE. LVEF 61 %.'), 'OTHER.pericarditis');
  assert.equal(statusOf('Myocardium normal in T2 and LGE.', 'lge'), 'negated');
  // "normal in size" says nothing of the LGE that comes with it.
  assert.equal(statusOf('LV normal in size with subepicardial LGE.', 'lge'), 'affirmed');
});

test('concept: valve disease by its numbers (ESC/EACTS 2021): regurgitant fraction and volume, valve area, peak velocity', () => {
  assert.equal(outcome('Findings: prolapse of the posterior leaflet. Mitral regurgitant volume 70 ml, regurgitant fraction 51 %. LVEDVi 112 ml/m², LVEF 66 %. No LGE.'), 'OTHER.valve');
  assert.equal(outcome('Befund: Aortenklappe mit Regurgitationsjet. Regurgitationsfraktion 45 %. LVEF 60 %. Kein LGE.'), 'OTHER.valve');
  assert.equal(outcome('CMR: bicuspid aortic valve, peak velocity 4.4 m/s, planimetered AVA 0.7 cm². Concentric LVH 14 mm, patchy mid-wall LGE basal septum. LVEF 65 %.'), 'OTHER.valve');
  // A leak in a failing, dilated ventricle is the ventricle's (secondary).
  assert.equal(outcome('CMR: LVEDVi 160 ml/m², LVEF 25 %, global hypokinesia, no LGE. Mitral regurgitant fraction 35 %.'), 'DCM');
});

test('concept: ARVC (Task Force 2010) — the RV outflow tract and the subtricuspid region are the RV\'s, so their dyskinesia is regional RV dysfunction', () => {
  assert.equal(outcome('Anamnese: VT mit LSB-Morphologie.\nBefund: RVEDVi 130 ml/m², RVEF 35 %. Dyskinetische Aussackung des RVOT und der subtrikuspidalen Region. LGE der RV-Wand. LV normal, LVEF 61 %, diskretes subepikardiales LGE inferolateral.'), 'OTHER.arvc');
  assert.equal(outcome('CMR: RVEDVi 135 ml/m², RVEF 38 %, akinesia of the right ventricular outflow tract; LVEF 58 %, no LV LGE.'), 'OTHER.arvc');
});

test('concept: a positive stress perfusion is an inducible perfusion defect', () => {
  assert.equal(statusOf('Kurzbeurteilung: Stress-Perfusion positiv Vorderwand/Septum (4 Segmente).', 'perfusion-defect'), 'affirmed');
  assert.equal(statusOf('Impression: positive adenosine stress perfusion in the LAD territory.', 'perfusion-defect'), 'affirmed');
  assert.equal(outcome('Kurzbeurteilung: Stress-Perfusion positiv Vorderwand/Septum (4 Segmente), Narbe nicht nachweisbar. EF 58 %.'), 'ICM');
});

test('concept: a follow-up study names the disease it follows, in the past', () => {
  assert.equal(statusOf('Kontrolle nach Myokarditis 2022: vollständige Restitution, kein LGE mehr nachweisbar.', 'dx:MYO'), 'historical');
  assert.equal(outcome('Kontrolle nach Myokarditis 2022: Vollständige Restitution, kein LGE mehr nachweisbar, T1/T2 normal, EF 62 %.'), 'NORMAL');
  assert.equal(statusOf('Follow-up after myocarditis: no LGE, normal T2.', 'dx:MYO'), 'historical');
});

test('concept: the layer a finding spares is not its layer, and a "T2 elevation" is raised T2', () => {
  const text = 'CMR: LVEF 42 %, diffuse T2 elevation, diffuse subendocardial-sparing mid-wall LGE, small effusion. Coronary angiography unremarkable.';
  assert.ok(!categorise(text).criteria.some((c) => c.id === 'ca.diffuse-lge' && c.weight >= 3), 'no amyloid-depth LGE');
  assert.equal(outcome(text), 'MYO');
  assert.equal(statusOf('CMR: diffuse T2 elevation of the lateral wall.', 't2-high'), 'affirmed');
});

test('concept: a mass\'s own T2 signal is its tissue, not myocardial oedema', () => {
  const text = 'CMR for a right atrial mass: 4 cm infiltrating mass arising from the RA free wall, T2 hyperintense, heterogeneous first-pass perfusion and heterogeneous LGE. Small pericardial effusion.';
  assert.ok(!fired(text).includes('myo.t2'));
  assert.equal(outcome(text), 'OTHER.mass');
  // Oedema told before the thrombus is the myocardium's.
  assert.ok(fired('CMR: myocardial oedema of the apex on T2, apical thrombus.').includes('myo.t2'));
});

test('concept: the list rule reaches back only for a verdict on bare names, never over a described finding (attack8)', () => {
  // A normal verdict on the structures after a finding is theirs alone.
  assert.equal(statusOf('Findings: Subepicardial LGE, LV size and regional wall motion unremarkable.', 'lge'), 'affirmed');
  assert.equal(statusOf('Befund: Diffuses subendokardiales LGE, Nullung erschwert, Perikard und Klappen unauffällig.', 'lge'), 'affirmed');
  assert.equal(statusOf('Findings: Inferior subendocardial LGE, microvascular obstruction and thrombus not present.', 'lge'), 'affirmed');
  assert.equal(statusOf('Befund: Subepikardiales LGE, Ödem und Perikarderguss – Myokarditis?', 'lge'), 'affirmed');
  // A finding described by its own words is told before the excluded ones.
  assert.equal(statusOf('Befund: Ausgedehnte transmurale Narbe, Thrombus und Perikarderguss ausgeschlossen.', 'lge'), 'affirmed');
  assert.equal(statusOf('Befund: Ausgedehnte transmurale Narbe, Thrombus und Perikarderguss ausgeschlossen.', 'thrombus'), 'negated');
});

test('concept: the new rules keep to their own words (attack8)', () => {
  // A follow-up "after 6 weeks" puts no disease in the past.
  assert.equal(outcome('Findings: Follow-up after 6 weeks: persistent active myocarditis with oedema and subepicardial LGE. LVEF 54 %.'), 'MYO');
  // "normal on T2 mapping" does not reach the LGE that comes with it.
  assert.equal(statusOf('Findings: Myocardium normal on T1 and T2 mapping with patchy subepicardial LGE in the inferolateral wall.', 'lge'), 'affirmed');
  // An outflow obstruction's velocity and its SAM leak are HCM's, an infarcted papillary muscle's leak ischaemic.
  assert.equal(outcome('Befund: Septumhypertrophie 17 mm mit SAM, Flussbeschleunigung im LVOT mit Vmax 4,4 m/s, konsekutive Mitralinsuffizienz mit RF 35 %. Kein LGE. LVEF 70 %.'), 'HCM');
  assert.equal(outcome('CMR: transmural LGE of the inferolateral wall involving the posteromedial papillary muscle, inferolateral akinesia. LVEDVi 112 ml/m², LVEF 50 %. Mitral regurgitant fraction 50 %.'), 'ICM');
  // The word oedema after a thrombus is the myocardium's.
  assert.ok(fired('Befund: LVEDVi 120 ml/m², LVEF 32 %. Apikaler Thrombus, ausgeprägtes Myokardödem lateral und subepikardiales LGE lateral.').includes('myo.t2'));
  // "Ischämienachweis negativ" is no perfusion defect; an uninflected "verdickt, Perikard zart" no pericardial finding.
  assert.notEqual(statusOf('Befund: Adenosin-Stressperfusion: Ischämienachweis negativ. LVEF 62 %. Kein LGE.', 'perfusion-defect'), 'affirmed');
  assert.equal(statusOf('Befund: Papillarmuskeln verdickt, Perikard zart.', 'pericardial'), 'missing');
  assert.equal(statusOf('Findings: papillary muscles thickened and pericardium thin.', 'pericardial'), 'missing');
});

test('concept: a shunt lesion is the heart\'s, so "otherwise unremarkable" beside it is a CMR\'s normal verdict', () => {
  assert.equal(outcome('Findings: Small PFO with left-to-right flow. Otherwise unremarkable.'), 'NORMAL');
  // With nothing of the heart named, a bare verdict is still no cardiac finding.
  assert.equal(outcome('Findings: Otherwise unremarkable.'), 'UNCLASSIFIED');
});

test('concept: LGE "not following any coronary territory" is no territorial LGE', () => {
  const f = fired('CMR: LVEDVi 140 ml/m², LVEF 20 %. Patchy LGE of both ventricles, not following any coronary territory.');
  assert.ok(!f.includes('icm.territory'));
  assert.notEqual(outcome('CMR: LVEDVi 140 ml/m², LVEF 20 %. Patchy LGE of both ventricles, not following any coronary territory.'), 'ICM');
});

test('concept: diffuse LGE in walls of normal thickness with oedema is inflammation, not amyloid', () => {
  assert.equal(outcome('Befund: Ausgedehntes Myokardödem beider Ventrikel. Diffuse subendokardiale Fibrose. Wanddicke 9 mm. Troponin erhöht.'), 'MYO');
  assert.equal(outcome('Befund: Konzentrische Hypertrophie 17 mm. Diffuses subendokardiales LGE. Erschwerte Nullung.'), 'CA');
});

test('concept: CA — raised native T1 in thickened walls with low QRS voltage', () => {
  assert.equal(outcome('ECG: low QRS voltage. CMR: concentric LV hypertrophy, markedly elevated native T1, LVEF 50 %.'), 'CA');
});

test('concept: HCM — asymmetric hypertrophy with a family history of sudden death', () => {
  assert.ok(fired('Brother died suddenly at 30. CMR: asymmetric septal hypertrophy of 17 mm.').includes('hcm.family'));
});

test('concept: cardiotoxicity — new dysfunction after anthracyclines is not DCM', () => {
  assert.equal(outcome('Breast cancer treated with doxorubicin and trastuzumab. CMR: LVEF 38 %, global hypokinesia, no LGE, no oedema.'), 'OTHER.other');
});

test('concept: sarcoid (JCS 2016) — FDG uptake, LGE and LVEF < 50 % are three major criteria', () => {
  const text = 'PET: increased FDG uptake in the lateral wall and RV. CMR: LVEDVi 130 ml/m², LVEF 30 %, subepicardial LGE of the lateral wall and the septum.';
  assert.ok(fired(text).includes('cs.jcs'));
  assert.equal(outcome(text), 'CS');
});

test('concept: LGE only at an RV insertion point stays non-specific whatever else the sentence names', () => {
  assert.equal(outcome('CMR: Focal LGE at the inferior RV insertion point. Normal biventricular size and function.'), 'NORMAL');
});

test('concept: a residual scar is LGE seen today', () => {
  assert.equal(outcome('Beurteilung: Bild einer abgelaufenen Myokarditis mit residueller subepikardialer Narbe lateral, aktuell kein Ödem.'), 'MYO');
});

test('concept: non-dilated LV cardiomyopathy (ESC 2023) — non-ischaemic scar with dysfunction, no oedema, no acute context', () => {
  assert.equal(outcome('CMR: LV not dilated, LVEF 38 %, mid-wall LGE of the lateral wall, no oedema.'), 'DCM');
  // The same scar after a viral illness with a troponin rise and oedema is myocarditis.
  assert.equal(outcome('Viral illness, troponin rise. CMR: LVEF 45 %, subepicardial LGE of the lateral wall, oedema there.'), 'MYO');
});

test('concept: a line opening with the CMR label reports this study, even under the history heading', () => {
  const text = 'Anamnese: 60-jähriger Patient mit Belastungsdyspnoe.\nKardio-MRT (Cine, LGE nach 0,1 mmol/kg Gadolinium): subepikardiales Late Enhancement lateral, Myokardödem lateral.';
  const lge = findFindings(text).mentions.find((m) => m.concept === 'lge')!;
  assert.equal(lge.section, 'findings');
  assert.equal(lge.status, 'affirmed');
  assert.equal(outcome(text), 'MYO');
});

test('concept: "LGE:" followed by its pattern describes LGE; followed by a negation it is only a label', () => {
  assert.ok(findFindings('Befund: LGE: subepikardial lateral, streifig.').mentions.some((m) => m.concept === 'lge' && m.attrs.has('subepi')));
  assert.ok(!findFindings('CMR: LGE: no evidence of infarction.').mentions.some((m) => m.concept === 'lge' && m.status === 'affirmed'));
});

test('concept: a scar the report puts down to a past myocarditis stays myocarditis, not NDLVC', () => {
  assert.equal(outcome('Befund: LVEF 48 %. Kein Ödem. LGE: subepikardial lateral.\nBeurteilung: Narbe nach abgelaufener Myokarditis.'), 'MYO');
});

test('concept: spotty LGE is patchy, hinge points are insertion points', () => {
  const m = (text: string) => findFindings(text).mentions.find((x) => x.concept === 'lge')!;
  assert.ok(m('CMR: spotty LGE of the septum.').attrs.has('patchy'));
  assert.ok(m('CMR: LGE at the inferior hinge point.').attrs.has('insertion'));
});

test('concept: AV block written with a space or as atrioventricular block is conduction disease', () => {
  for (const text of ['ECG: AV block III.', 'ECG: atrioventricular block.', 'ECG: Mobitz II.']) assert.equal(statusOf(text, 'ctx:av-block'), 'affirmed', text);
});

// ---- Issue 12, round 3: concepts that generalise, each in English and German ----
const CASES_12R: [string, string, string][] = [
  ['Extracardiac oedema: pulmonary oedema is no myocardial oedema', 'DCM', 'Chest X-ray: pulmonary oedema, ankle oedema. CMR: LVEDVi 140 ml/m², LVEF 28 %, no LGE.'],
  ['Extracardiac oedema (German): Lungenödem and Beinödeme are no myocardial oedema', 'DCM', 'Anamnese: Lungenödem, Beinödeme.\nKardio-MRT: LVEDVi 138 ml/m², LVEF 27 %, kein LGE.'],
  ['Hypertrabeculation beside HCM-range walls is a trait (ESC 2023): HCM', 'HCM', 'CMR: septum 21 mm; prominent trabeculation of the apex (non-compaction spectrum); patchy mid-wall LGE in the septum.'],
  ['Hypertrabeculation beside HCM-range walls (German): HCM', 'HCM', 'Befund: Septum 19 mm, ausgeprägte Trabekularisierung im Sinne einer Non-Compaction, fleckiges intramyokardiales LGE septal.'],
  ['HCM: apical aneurysm in hypertrophied myocardium', 'HCM', 'CMR: asymmetric septal hypertrophy; apical aneurysm with subendocardial LGE of the apex.'],
  ['HCM (German): apikales Aneurysma bei asymmetrischer Hypertrophie', 'HCM', 'Befund: Asymmetrische Septumhypertrophie, apikales Aneurysma mit subendokardialem LGE apikal.'],
  ['End-stage HCM: hypertrophy known from before, now a thinned, poorly contracting LV', 'HCM', 'Echo ten years earlier: marked LV hypertrophy. CMR now: LVEF 30 %, thinned septum with patchy transmural LGE.'],
  ['End-stage HCM needs the hypertrophy before the decline: one earlier echo of a thick, globally hypokinetic LV is no burnt-out HCM', 'CA', 'History: heart failure; an earlier echo showed LVEF 25 % with global hypokinesis and moderate LV hypertrophy.\nCMR: diffuse late gadolinium enhancement of all segments.'],
  ['End-stage HCM needs the hypertrophy before the decline (German)', 'CA', 'Anamnese: Herzinsuffizienz; auswärtige Echokardiographie mit LVEF 25 %, globaler Hypokinesie und mäßiger LV-Hypertrophie.\nKardio-MRT: diffuses Late Enhancement aller Segmente.'],
  ['End-stage HCM (German): bekannte Hypertrophie, jetzt ausgedünnt und eingeschränkt', 'HCM', 'Anamnese: Bekannte linksventrikuläre Hypertrophie.\nBefund: LVEF 32 %, ausgedünntes Septum mit fleckigem transmuralem LGE.'],
  ['CA red flags: circumferential LGE in an obstructive asymmetric hypertrophy without them is HCM', 'HCM', 'CMR: asymmetric septal hypertrophy with SAM; circumferential subendocardial LGE of the hypertrophied segments.'],
  ['CA red flags (German): zirkuläres LGE bei obstruktiver asymmetrischer Hypertrophie ohne Amyloid-Zeichen', 'HCM', 'Befund: Asymmetrische Septumhypertrophie mit SAM, zirkuläres subendokardiales LGE im hypertrophierten Septum.'],
  ['CA red flags: a poor null ("suboptimal nulling") is difficult nulling, beside thick walls and low voltage', 'CA', 'An 80-year-old with heart failure, low QRS voltage and septal thickness of 18 mm. CMR: subendocardial LGE with suboptimal myocardial nulling.'],
  ['CA red flags: the same LGE with difficult nulling is amyloid', 'CA', 'CMR: asymmetric septal hypertrophy with SAM; circumferential subendocardial LGE; difficult nulling of the myocardium.'],
  ['Normal worded as an absence survives the negation before it', 'NORMAL', 'CMR: no evidence of myocarditis (no abnormality).'],
  ['Normal worded as an absence (German)', 'NORMAL', 'Beurteilung: Kein Hinweis auf eine Myokarditis, kein pathologischer Befund.'],
  ['Pericarditis (ESC 2015): pericarditic pain and colchicine with effusion, no myocardial LGE', 'OTHER.pericarditis', 'History: recurrent pleuritic chest pain on colchicine. CMR: pericardial effusion, high STIR signal around the heart, no myocardial LGE.'],
  ['Pericarditis (German): atemabhängiger Thoraxschmerz, Colchicin, Erguss, kein myokardiales LGE', 'OTHER.pericarditis', 'Anamnese: rezidivierende atemabhängige Thoraxschmerzen, Colchicin.\nKardio-MRT: Perikarderguss, T2-Signalanhebung perikardial, kein myokardiales LGE.'],
  ['Perimyocarditis: the same history with subepicardial LGE and oedema is MYO', 'MYO', 'History: pleuritic chest pain, troponin rise. CMR: subepicardial LGE of the lateral wall with oedema there; small pericardial effusion.'],
  ['Congenital: repaired tetralogy in the history is the diagnosis the CMR follows', 'OTHER.congenital', 'History: repaired tetralogy. CMR: RVEDVi 160 ml/m², RVEF 42 %, pulmonary regurgitant fraction 40 %.'],
  ['Congenital (German): Z.n. Korrektur einer Fallot-Tetralogie', 'OTHER.congenital', 'Anamnese: Z.n. Korrektur einer Fallot-Tetralogie im Kindesalter.\nBefund: RVEDVi 165 ml/m², RVEF 43 %.'],
  ['Congenital: a shunt with Qp:Qs above 1.5', 'OTHER.congenital', 'CMR: dilated RV; Qp:Qs 2.1; LVEF 60 %.'],
  ['Congenital (German): Einengung des Aortenisthmus', 'OTHER.congenital', 'Befund: umschriebene Einengung des Aortenisthmus, konzentrische Hypertrophie 12 mm.'],
  ['Congenital: focal narrowing of the aortic arch', 'OTHER.congenital', 'CMR: focal narrowing of the aortic arch; hypertrophied LV; LVEF 55 %.'],
  ['Chagas (AHA 2018): apical aneurysm in someone from an endemic region', 'OTHER.other', 'Man born in Bolivia. CMR: apical aneurysm with transmural LGE of the apex; LVEF 45 %.'],
  ['Chagas (German): apikales Aneurysma bei Herkunft aus Südamerika', 'OTHER.other', 'Anamnese: Patient aus Bolivien.\nBefund: Apikales Aneurysma mit transmuralem LGE apikal, LVEF 46 %.'],
  ['Sarcoid (HRS 2014): extracardiac sarcoidosis signs with patchy LGE outweigh a troponin rise', 'CS', 'History: erythema nodosum and uveitis; troponin rise. CMR: oedema and patchy subepicardial LGE of the septum and lateral wall.'],
  ['Sarcoid (German, HRS 2014): Erythema nodosum mit multifokalem LGE', 'CS', 'Anamnese: Erythema nodosum, Troponinanstieg.\nBefund: Myokardödem, multifokales subepikardiales LGE septal und lateral.'],
  ['Myocardial inflammation named on CMR is myocarditis', 'MYO', 'CMR: signs of acute myocardial inflammation in the lateral wall.'],
  ['Myocardial inflammation (German): entzündliche Myokardbeteiligung', 'MYO', 'Beurteilung: entzündliche Myokardbeteiligung lateral.'],
  ['Myocardial inflammation on FDG-PET is tracer uptake (JCS 2016)', 'CS', 'FDG-PET: active myocardial inflammation of the septum. CMR: LGE of the basal septum, LVEF 40 %.'],
  ['Loading (ESC 2023): uncontrolled long-standing hypertension explains a dilated, poorly contracting LV', 'OTHER.hypertensive', 'History: long-standing uncontrolled hypertension. CMR: dilated LV, LVEF 30 %, no LGE.'],
  ['Loading (German): langjährige, schlecht eingestellte Hypertonie', 'OTHER.hypertensive', 'Anamnese: langjährige, schlecht eingestellte arterielle Hypertonie.\nBefund: dilatierter linker Ventrikel, LVEF 30 %, kein LGE.'],
  ['Loading: the same heart without hypertension is DCM', 'DCM', 'CMR: dilated LV, LVEF 30 %, no LGE.'],
  ['ARVC (Padua 2020): RV dyskinesia with RV LGE, RV not dilated', 'OTHER.arvc', 'CMR: dyskinesia of the RV free wall with LGE of the RV free wall; RVEF 44 %; LVEF 58 %.'],
  ['ARVC (German, Padua 2020): RV-Dyskinesie mit RV-LGE', 'OTHER.arvc', 'Befund: Dyskinesie der rechtsventrikulären freien Wand mit LGE der RV-Wand, RVEF 44 %, LVEF 57 %.'],
];
for (const [name, expected, text] of CASES_12R) test(`concept: ${name}`, () => assert.equal(outcome(text), expected, JSON.stringify(categorise(text).scores)));

test('concept: a normal variant in a differential is no normal study', () => {
  for (const text of ['CMR: asymmetric septal hypertrophy 14 mm. Differential includes athlete’s heart.', 'Befund: Asymmetrische Septumhypertrophie 14 mm. DD Sportlerherz.']) {
    assert.ok(!fired(text).includes('dx.normal'), text);
  }
});

test('concept: "could not be distinguished between" hedges what follows', () => {
  assert.equal(statusOf('CMR: a pattern that could not be distinguished between sarcoidosis and myocarditis.', 'dx:CS'), 'uncertain 0.35');
  assert.equal(statusOf('Befund: Muster nicht sicher zu unterscheiden zwischen Sarkoidose und Myokarditis.', 'dx:CS'), 'uncertain 0.35');
});

test('concept: "16 years earlier" puts a finding in the past, before or after it', () => {
  assert.equal(statusOf('A hypertrophied LV was documented 16 years earlier.', 'hypertrophy'), 'historical');
  assert.equal(statusOf('Echo 16 years earlier: hypertrophied LV.', 'hypertrophy'), 'historical');
  assert.equal(statusOf('16 Jahre zuvor: Hypertrophie.', 'hypertrophy'), 'historical');
  assert.equal(statusOf('Hypertrophie erstmals 16 Jahre zuvor beschrieben.', 'hypertrophy'), 'historical');
});

const CASES_12R2: [string, string, string][] = [
  ['Pulmonary hypertension (ESC/ERS 2022) is a diagnosis of its own', 'OTHER.other', 'Impression: pulmonary arterial hypertension with RV pressure overload.'],
  ['Pulmonary hypertension (German): pulmonalarterielle Hypertonie', 'OTHER.other', 'Beurteilung: pulmonalarterielle Hypertonie mit Rechtsherzbelastung.'],
  ['Pulmonary hypertension called secondary follows the left heart', 'DCM', 'CMR: dilated LV, LVEDVi 150 ml/m², LVEF 25 %, no LGE; secondary pulmonary hypertension.'],
  ['Pulmonary hypertension called secondary (German)', 'DCM', 'Befund: dilatierter LV, LVEDVi 150 ml/m², LVEF 25 %, kein LGE; sekundäre pulmonale Hypertonie.'],
  ['RV pressure overload: flattened septum with a hypertrophied, dilated RV', 'OTHER.other', 'CMR: RV dilated and hypertrophied, flattened septum, RVEF 35 %.'],
  ['RV pressure overload (German): abgeflachtes Septum, dilatierter RV', 'OTHER.other', 'Befund: rechter Ventrikel dilatiert, Septum systolisch abgeflacht, RVEF 36 %.'],
  ['Arrhythmic mitral valve prolapse (EHRA 2022): prolapse with papillary LGE', 'OTHER.valve', 'CMR: mitral valve prolapse with annular disjunction; LGE of the papillary muscles.'],
  ['Arrhythmic mitral valve prolapse (German): Prolaps mit LGE der Papillarmuskeln', 'OTHER.valve', 'Befund: Mitralklappenprolaps mit Anulusdisjunktion, LGE der Papillarmuskeln.'],
  ['Coronary dissection (SCAD) is coronary disease: regional hypokinesia without scar', 'ICM', 'History: spontaneous coronary artery dissection of the LAD. CMR: hypokinesia of the anterior wall, no LGE.'],
  ['Coronary dissection (German): spontane Koronardissektion', 'ICM', 'Anamnese: spontane Koronardissektion.\nKardio-MRT: Hypokinesie der Vorderwand, kein LGE.'],
  ['Normal variant: a variant the report calls normal is a normal study', 'NORMAL', 'Echo: suspected right atrial mass. CMR: prominent crista terminalis, a normal variant; normal biventricular function.'],
  ['Normal variant (German): Normvariante', 'NORMAL', 'Beurteilung: Prominente Crista terminalis im Sinne einer Normvariante, sonst unauffällig.'],
  ['Normal: no structural heart disease', 'NORMAL', 'Impression: no structural heart disease.'],
  ['Normal (German): kein Anhalt für eine strukturelle Herzerkrankung', 'NORMAL', 'Beurteilung: Kein Anhalt für eine strukturelle Herzerkrankung.'],
  ['HCM phenocopies by name: Danon disease', 'OTHER.other', 'Impression: Danon disease with marked hypertrophy.'],
  ['HCM phenocopies (German): mitochondriale Kardiomyopathie', 'OTHER.other', 'Beurteilung: mitochondriale Kardiomyopathie.'],
  ['Cardiotoxicity: dysfunction after mediastinal irradiation', 'OTHER.other', 'History: mediastinal irradiation for lymphoma. CMR: LVEF 40 %, no LGE, no oedema.'],
  ['Cardiotoxicity (German): nach Bestrahlung', 'OTHER.other', 'Anamnese: Z.n. Bestrahlung bei Lymphom.\nBefund: LVEF 40 %, kein LGE, kein Ödem.'],
  ['Congenital: an LV diverticulum', 'OTHER.congenital', 'CMR: contractile LV diverticulum at the apex; LVEF 60 %.'],
  ['Congenital (German): linksventrikuläres Divertikel', 'OTHER.congenital', 'Befund: apikales linksventrikuläres Divertikel, LVEF 60 %.'],
  ['A one-paragraph history going on with "Befund:" has reached the findings', 'NORMAL', 'Fragestellung: Myokarditis? Befund: Normale Größe und Funktion beider Ventrikel. Kein LGE.'],
  ['A one-paragraph history going on with "Findings:" has reached the findings', 'MYO', 'History: chest pain after a cold. Findings: subepicardial LGE of the lateral wall with oedema there.'],
];
for (const [name, expected, text] of CASES_12R2) test(`concept: ${name}`, () => assert.equal(outcome(text), expected, JSON.stringify(categorise(text).scores)));

test('concept: pulmonary hypertension is not arterial hypertension', () => {
  assert.equal(statusOf('History: pulmonary hypertension.', 'ctx:hypertension'), 'missing');
  assert.equal(statusOf('Anamnese: pulmonale Hypertonie.', 'ctx:hypertension'), 'missing');
});

test('concept: the suspicion that sent the patient to CMR is the question, not the answer', () => {
  assert.equal(statusOf('Bei Verdacht auf Myokarditis wurde eine Kardio-MRT durchgeführt.', 'dx:MYO'), 'asked');
  assert.equal(statusOf('A cardiac MRI was requested for suspected myocarditis.', 'dx:MYO'), 'asked');
  // A sentence that gives the result is the answer.
  assert.equal(statusOf('Bei Verdacht auf Myokarditis wurde eine Kardio-MRT durchgeführt, die ein Ödem zeigte.', 'dx:MYO'), 'uncertain 0.6');
  assert.equal(outcome('Bei Verdacht auf Myokarditis wurde eine Kardio-MRT durchgeführt. Diese zeigte eine normale Größe und Funktion beider Ventrikel ohne Hinweis auf Ödem oder Late Enhancement.'), 'NORMAL');
  assert.equal(outcome('CMR was performed for suspected myocarditis. Biventricular size and function were normal, with no oedema and no late gadolinium enhancement.'), 'NORMAL');
});

test('concept: Takotsubo (InterTAK) triggers and unobstructed coronaries in German word order', () => {
  const text = 'Bei einer 70-jährigen Patientin nach dem Tod ihres Ehemannes zeigte sich eine apikale Akinesie bei unauffälligen Koronarien. Die MRT zeigte ein apikales Ödem ohne Late Enhancement.';
  assert.equal(statusOf(text, 'ctx:stress'), 'affirmed');
  assert.equal(statusOf(text, 'ctx:normal-coronaries'), 'affirmed');
  assert.equal(outcome(text), 'OTHER.takotsubo');
  assert.equal(outcome('After the death of her husband she developed chest pain. Angiography: unobstructed coronaries. CMR: apical akinesia with apical oedema, no LGE.'), 'OTHER.takotsubo');
});

const CASES_12R3: [string, string, string][] = [
  ['A line "Echokardiographie und Kardio-MRT:" under the history reports this study', 'NORMAL', 'Anamnese: Herzrasen seit der Kindheit.\nEchokardiographie und Kardio-MRT: Normale Struktur und normale systolische Funktion beider Ventrikel.'],
  ['A line "Echo and CMR:" under the history reports this study', 'NORMAL', 'History: palpitations since childhood.\nEcho and CMR: normal structure and normal systolic function of both ventricles.'],
  ['Congenital absence of the pericardium', 'OTHER.congenital', 'CMR: partial absence of the left pericardium with leftward displacement of the heart; both ventricles normal.'],
  ['Congenital absence of the pericardium (German): kein Perikard abgrenzbar', 'OTHER.congenital', 'Befund: Verlagerung des Herzens nach links, um die Ventrikel kein Perikard abgrenzbar. Beide Ventrikel normal.'],
  ['Context below imaging: an infarct in the history, a CMR without scar but with pericarditis', 'OTHER.pericarditis', 'Man after a myocardial infarction treated with a stent. CMR: LVEF 60 %, no regional wall motion abnormality, no LGE. Pericardial effusion with pericardial enhancement and thickening.'],
  ['Context below imaging (German): Infarkt in der Anamnese, Kardio-MRT ohne Narbe mit Perikarditis', 'OTHER.pericarditis', 'Patient nach Myokardinfarkt mit Stent. Kardio-MRT: LVEF 60 %, keine Wandbewegungsstörung, kein LGE. Perikarderguss mit perikardialem Enhancement und Perikardverdickung.'],
  ['A hedge covers the diagnosis it names, not the findings "with" it', 'CS', 'FDG-PET and CMR: a picture resembling dilated cardiomyopathy with extensive LV scar and signs of active myocardial inflammation on PET; LVEF 30 %.'],
];
for (const [name, expected, text] of CASES_12R3) test(`concept: ${name}`, () => assert.equal(outcome(text), expected, JSON.stringify(categorise(text).scores)));

test('concept: "unter der Frage einer" asks; it does not state', () => {
  assert.equal(statusOf('Anamnese: Zuweisung zum Kardio-MRT unter der Frage einer arrhythmogenen rechtsventrikulären Kardiomyopathie.', 'dx:OTHER'), 'asked');
});

test('concept: what a one-paragraph text names before the CMR is the referral’s view', () => {
  const text = 'Man with suspected myocarditis after a cold. Cardiac MRI: normal size and function of both ventricles, no oedema, no LGE.';
  assert.equal(outcome(text), 'NORMAL');
});

test('concept: "nicht sicher auszuschließen ist" hedges what stands before it', () => {
  assert.equal(statusOf('Beurteilung: am ehesten HCM, wobei eine Speichererkrankung nicht sicher auszuschließen ist.', 'infiltrative'), 'uncertain 0.35');
  assert.equal(outcome('Beurteilung: Befundkonstellation am ehesten passend zu einer HCM, wobei eine Speichererkrankung nicht sicher auszuschließen ist.'), 'HCM');
  assert.equal(statusOf('Impression: HCM; a storage disease is not excluded.', 'infiltrative'), 'uncertain 0.35');
});

test('concept: a past diagnosis the assessment names is the cause of what this study shows', () => {
  assert.equal(outcome('Beurteilung: Kein Infarktmuster. Vereinbar mit abgelaufener Myokarditis.'), 'MYO');
  assert.equal(outcome('Impression: no infarct pattern; in keeping with previous myocarditis.'), 'MYO');
});

test('concept: a misspelt cardiomyopathy is still named ("Kardiomypathie")', () => {
  assert.equal(statusOf('Beurteilung: dilatative Kardiomypathie.', 'dx:DCM'), 'affirmed');
  assert.equal(statusOf('Impression: dilated cardiomypathy.', 'dx:DCM'), 'affirmed');
});

const CASES_12R4: [string, string, string][] = [
  ['Mass: a described mass without a named tumour', 'OTHER.mass', 'CMR: a mobile, well-circumscribed mass attached to the interatrial septum in the left atrium.'],
  ['Mass: a mass infiltrating an atrial wall', 'OTHER.mass', 'CMR: a mass of the right atrial free wall extending into the pericardium.'],
  ['Pericardial disease: a large effusion with a thickened, enhancing pericardium', 'OTHER.pericarditis', 'CMR: large pericardial effusion with thickened, enhancing pericardium; myocardium without LGE.'],
  ['Pericardial disease (ESC 2015): a large effusion alone', 'OTHER.pericarditis', 'CMR: large circumferential pericardial effusion, LVEF 60 %, no LGE, no oedema.'],
  ['Pericardial disease (German): großer Perikarderguss', 'OTHER.pericarditis', 'Befund: Großer zirkulärer Perikarderguss, LVEF 60 %, kein LGE, kein Ödem.'],
  ['Hypereosinophilic endomyocardial disease: subendocardial apical LGE with thrombus is not an infarct', 'OTHER.other', 'Patient with hypereosinophilia. CMR: subendocardial LGE of the apex with apical thrombus, LVEF 55 %.'],
  ['Hypereosinophilic endomyocardial disease (German)', 'OTHER.other', 'Anamnese: Hypereosinophilie.\nBefund: Subendokardiales LGE apikal mit apikalem Thrombus, LVEF 56 %.'],
  ['A thrombus in the atrial appendage comes from the atrium, not an infarct', 'OTHER.mass', 'CMR: a thrombus in the left atrial appendage, otherwise normal.'],
  ['A thrombus in the atrial appendage (German): Herzohrthrombus', 'OTHER.mass', 'Befund: Thrombus im linken Herzohr, sonst unauffällig.'],
  ['Congenital: anomalous drainage of a pulmonary vein', 'OTHER.congenital', 'CMR: anomalous drainage of the right upper pulmonary vein into the SVC.'],
  ['Vaccination before the illness is myocarditis context', 'MYO', 'Chest pain two days after the second mRNA vaccine dose, troponin rise. CMR: subepicardial LGE inferolateral, oedema there.'],
  ['Vaccination (German): nach Impfung', 'MYO', 'Anamnese: Thoraxschmerz zwei Tage nach COVID-Impfung, Troponinanstieg.\nBefund: subepikardiales LGE inferolateral, Ödem.'],
];
for (const [name, expected, text] of CASES_12R4) test(`concept: ${name}`, () => assert.equal(outcome(text), expected, JSON.stringify(categorise(text).scores)));

test('concept: diffuse mid-wall fibrosis is not amyloid’s LGE', () => {
  const text = 'CMR: diffuse mid-wall fibrosis, raised ECV, LVEF 50 %.';
  assert.ok(categorise(text).criteria.some((c) => c.id === 'ca.diffuse-lge' && c.weight <= 1.5));
  assert.ok(categorise('CMR: diffuse subendocardial LGE, LVEF 50 %.').criteria.some((c) => c.id === 'ca.diffuse-lge' && c.weight >= 3));
});

const CASES_12R5: [string, string, string][] = [
  ['"cMRT" names the CMR (a line under the history opening with it reports this study)', 'NORMAL', 'Anamnese: Palpitationen.\ncMRT: normale biventrikuläre Funktion, kein LGE, kein Ödem.'],
  ['ARVC (Task Force 2010): RV aneurysm with RVEF <= 40 %, "erweitert" is dilated', 'OTHER.arvc', 'In der cMRT zeigte sich eine dünnwandige, aneurysmatisch erweiterte rechtsventrikuläre freie Wand mit Dyskinesie, RVEF 30 %.'],
  ['ARVC (Task Force 2010): RV free-wall dyskinesia with RVEF 35 % and a normal-sized RV', 'OTHER.arvc', 'CMR: dyskinesia of the RV free wall, RV not dilated, RVEF 35 %, LVEF 60 %.'],
  ['Near-global akinesia of both ventricles is no regional RV abnormality', 'DCM', 'CMR: severely reduced LV function with near-global akinesia and severely impaired RV function; LVEF 16 %, RVEF 20 %; LVEDVi 160 ml/m²; patchy LGE not following any coronary territory.'],
];
for (const [name, expected, text] of CASES_12R5) test(`concept: ${name}`, () => assert.equal(outcome(text), expected, JSON.stringify(categorise(text).scores)));

test('concept: LGE sparing the subendocardium is non-ischaemic (an infarct always involves it)', () => {
  for (const text of ['CMR: LVEDVi 150 ml/m², LVEF 25 %; LGE of the lateral wall sparing the subendocardium.', 'Befund: LVEDVi 150 ml/m², LVEF 25 %; LGE lateral unter Aussparung des Subendokards.']) {
    assert.ok(!fired(text).includes('icm.subendocardial'), text);
    assert.notEqual(outcome(text), 'ICM', text);
  }
});

const CASES_12R6: [string, string, string][] = [
  ['Nulling: failure to null the myocardium with rapid washout', 'CA', 'CMR: concentric hypertrophy 17 mm; failure to null the myocardium, rapid blood-pool washout.'],
  ['Nulling (German): Blutpool dunkler als das Myokard', 'CA', 'Befund: konzentrische Hypertrophie 17 mm, auf den LGE-Bildern Blutpool dunkler als das Myokard.'],
  ['LGE family: MDE and contrast uptake', 'MYO', 'CMR: subepicardial MDE of the lateral wall with oedema there.'],
  ['Infection context: sore throat, diarrhoea', 'MYO', 'Sore throat and diarrhoea a week ago, troponin rise. CMR: subepicardial LGE lateral, oedema.'],
  ['Dilated: increased LV volumes', 'DCM', 'CMR: increased LV volumes, LVEF 25 %, no LGE.'],
  ['Dilated (German): erhöhte Volumina', 'DCM', 'Befund: erhöhte linksventrikuläre Volumina, LVEF 25 %, kein LGE.'],
  ['SAM family: mitral-septal contact', 'HCM', 'CMR: asymmetric septal hypertrophy with mitral-septal contact.'],
  ['Transmural family: full-thickness enhancement in a territory', 'ICM', 'CMR: full-thickness enhancement of the inferior wall, akinetic, LVEF 40 %.'],
];
for (const [name, expected, text] of CASES_12R6) test(`concept: ${name}`, () => assert.equal(outcome(text), expected, JSON.stringify(categorise(text).scores)));

test('concept: diffuse interstitial fibrosis is raised ECV, not a diffuse LGE', () => {
  for (const text of ['CMR: diffuse interstitial fibrosis with markedly increased extracellular volume.', 'Befund: diffuse interstitielle Fibrose mit deutlich erhöhtem Extrazellulärvolumen.']) {
    assert.equal(statusOf(text, 'ecv-high'), 'affirmed', text);
    assert.ok(!fired(text).includes('ca.diffuse-lge'), text);
  }
});

test('concept: beside extracardiac sarcoidosis, myocardial inflammation is the granulomatous one (HRS 2014)', () => {
  const text = 'Anamnese: Erythema nodosum, Sprunggelenksarthritis, Fieber, Troponinanstieg.\nKardio-MRT: Ödem, multifokales subepikardiales LGE.\nBeurteilung: entzündliche Myokardbeteiligung.';
  assert.ok(!fired(text).includes('myo.inflammation'));
  assert.equal(outcome(text), 'CS');
  assert.equal(outcome('History: erythema nodosum, arthritis, fever, troponin rise. CMR: oedema, multifocal subepicardial LGE. Impression: inflammatory myocardial involvement.'), 'CS');
});

const CASES_12R7: [string, string, string][] = [
  ['Loading (ESC 2021 valve): known severe aortic stenosis explains LVH and its mid-wall fibrosis', 'OTHER.valve', 'A 55-year-old with known severe aortic stenosis. CMR: concentric LVH, patchy mid-wall LGE, LVEF 55 %.'],
  ['Loading (German): bekannte hochgradige Aortenklappenstenose', 'OTHER.valve', 'Anamnese: bekannte hochgradige Aortenklappenstenose.\nBefund: konzentrische Hypertrophie 14 mm, fleckiges intramyokardiales LGE, LVEF 56 %.'],
];
for (const [name, expected, text] of CASES_12R7) test(`concept: ${name}`, () => assert.equal(outcome(text), expected, JSON.stringify(categorise(text).scores)));

const CASES_12R8: [string, string, string][] = [
  ['Sarcoid (HRS 2014): hilar nodes known from the history with multifocal LGE and oedema', 'CS', 'Rechtfertigende Indikation: Bihiläre Lymphadenopathie im Röntgen-Thorax, Synkope.\nBefund: Multifokales, fleckiges LGE basal anteroseptal, umschriebenes Ödem basal anteroseptal. T1 nativ erhöht.'],
  ['Sarcoid (HRS 2014, English): hilar nodes in the indication', 'CS', 'Indication: bilateral hilar lymphadenopathy on chest X-ray, syncope.\nFindings: multifocal patchy LGE of the basal anteroseptum, oedema there, raised native T1.'],
  ['LGE misspelt "enhancment" is still LGE', 'CS', 'Clinical information: new complete heart block.\nFindings: oedema of the basal septum; multifocal patchy late enhancment in the basal inferoseptal segments on the right ventricular side of the septum.'],
  ['Fabry: native T1 "auffällig niedrig" is low T1', 'OTHER.fabry', 'Befund: Septum 15 mm, konzentrische Hypertrophie. Native T1-Zeit auffällig niedrig. Mittmyokardiales LGE basal inferolateral.'],
  ['Valve: severe valve disease named so', 'OTHER.valve', 'Findings: calcified aortic valve with severely restricted opening, normal LV. Summary: severe valve disease.'],
];
for (const [name, expected, text] of CASES_12R8) test(`concept: ${name}`, () => assert.equal(outcome(text), expected, JSON.stringify(categorise(text).scores)));

test('concept: compounds written with a hyphen, a space or joined are one word family', () => {
  for (const [text, concept] of [['Impression: non compaction cardiomyopathy.', 'dx:OTHER'], ['Impression: LGE in a non ischaemic pattern.', 'lge-nonischemic'], ['Beurteilung: nicht ischämisches Muster.', 'lge-nonischemic'], ['CMR: high signal on T2 weighted images.', 'oedema']] as const) {
    assert.equal(statusOf(text, concept), 'affirmed', text);
  }
});

test('concept: a finding belongs to the ventricle named in its own clause', () => {
  const dilated = (text: string) => findFindings(text).mentions.find((m) => m.concept === 'dilated')!.attrs;
  const en = dilated('Echo: hypertrophied LV with poor systolic function, moderate mitral regurgitation, dilated RV.');
  assert.ok(en.has('rv') && !en.has('lv'));
  const de = dilated('Befund: LV hypertrophiert mit eingeschränkter Funktion, rechter Ventrikel dilatiert.');
  assert.ok(de.has('rv') && !de.has('lv'));
  const both = dilated('CMR: LV and RV dilated.');
  assert.ok(both.has('rv') && both.has('lv'));
});

const CASES_12R9: [string, string, string][] = [
  ['HCM markers (ESC 2023): crypts and an elongated mitral leaflet beside borderline hypertrophy', 'HCM', 'Brother with HCM. CMR: septum 14 mm, myocardial crypts in the inferoseptum, elongated anterior mitral leaflet.'],
  ['HCM markers (German): Krypten und verlängertes Vordersegel', 'HCM', 'Bruder mit HCM. Befund: Septum 14 mm, myokardiale Krypten inferoseptal, verlängertes Vordersegel.'],
  ['CA: an ATTR drug in the history names the diagnosis', 'CA', 'History: on tafamidis. CMR: concentric hypertrophy 16 mm, diffuse subendocardial LGE.'],
];
for (const [name, expected, text] of CASES_12R9) test(`concept: ${name}`, () => assert.equal(outcome(text), expected, JSON.stringify(categorise(text).scores)));

test('concept: a relative’s diagnosis is family history, not the patient’s', () => {
  assert.ok(categorise('His brother has HCM. CMR: normal LV size and function, no LGE.').criteria.every((c) => !(c.id === 'dx.hcm' && c.weight > 1)));
  assert.equal(outcome('Mutter mit DCM. Kardio-MRT: normale Größe und Funktion beider Ventrikel, kein LGE.'), 'NORMAL');
});

const CASES_12R10: [string, string, string][] = [
  ['Familial DCM (ESC 2023): a relative with DCM, the patient’s septal stripe and AV block (LMNA picture)', 'DCM', 'His mother had a transplant for dilated cardiomyopathy. ECG: complete AV block. CMR: mild LV dilatation; linear mid-myocardial LGE of the basal septum.'],
  ['Familial DCM (German): Mutter mit DCM, AV-Block, septaler Streifen', 'DCM', 'Mutter mit dilatativer Kardiomyopathie. EKG: AV-Block III°. Kardio-MRT: leicht dilatierter LV, streifiges mittmyokardiales LGE basal septal.'],
  ['Familial HCM (ESC 2023): a relative with HCM and a 13 mm wall', 'HCM', 'Sister with hypertrophic cardiomyopathy. CMR: septum 13 mm, LVEF 68 %.'],
  ['Familial HCM (German): Schwester mit HCM, Septum 13 mm', 'HCM', 'Schwester mit hypertropher Kardiomyopathie. Befund: Septum 13 mm, LVEF 68 %.'],
];
for (const [name, expected, text] of CASES_12R10) test(`concept: ${name}`, () => assert.equal(outcome(text), expected, JSON.stringify(categorise(text).scores)));

test('concept: "argues against", "spricht gegen", "nicht vereinbar mit", "untypisch für" negate', () => {
  for (const [text, concept] of [['Impression: the pattern argues against amyloidosis.', 'dx:CA'], ['Beurteilung: Das Muster spricht eher gegen eine Amyloidose.', 'dx:CA'], ['Beurteilung: Nicht vereinbar mit einer Myokarditis.', 'dx:MYO'], ['Impression: inconsistent with amyloidosis.', 'dx:CA'], ['Beurteilung: untypisch für eine HCM.', 'dx:HCM']] as const) {
    assert.equal(statusOf(text, concept), 'negated', text);
  }
  assert.equal(statusOf('Beurteilung: vereinbar mit einer Myokarditis.', 'dx:MYO'), 'affirmed');
});

test('concept: "X vs. Y" hedges both candidates', () => {
  for (const [text, a, b] of [['Beurteilung: Myokarditis vs. Sarkoidose.', 'dx:MYO', 'dx:CS'], ['Impression: amyloidosis versus HCM.', 'dx:CA', 'dx:HCM']] as const) {
    assert.equal(statusOf(text, a), 'uncertain 0.5', text);
    assert.equal(statusOf(text, b), 'uncertain 0.5', text);
  }
});

test('concept: LGE of the (infero)lateral wall with nothing else is abnormal, most often myocarditis', () => {
  assert.equal(outcome('CMR: no LV hypertrophy; late gadolinium enhancement of the inferolateral wall.'), 'MYO');
  assert.equal(outcome('Befund: Keine Hypertrophie; Late Enhancement der inferolateralen Wand.'), 'MYO');
});

test('concept: a text that tells a repeat study is about the later one; a recommended follow-up is not one', () => {
  assert.equal(outcome('First CMR: oedema and subepicardial LGE lateral, consistent with myocarditis. Repeat CMR one year later: dilated RV, RVEF 35 %, dyskinesia of the RV free wall, fatty infiltration of the RV.'), 'OTHER.arvc');
  assert.equal(outcome('Erstes Kardio-MRT: Ödem und subepikardiales LGE lateral, vereinbar mit Myokarditis. Kontroll-MRT nach einem Jahr: RV dilatiert, RVEF 35 %, Dyskinesie der freien RV-Wand, Fetteinlagerung im RV.'), 'OTHER.arvc');
  assert.equal(outcome('CMR: subepicardial LGE lateral, oedema; consistent with myocarditis. A follow-up CMR is recommended in 3 months.'), 'MYO');
  assert.equal(outcome('Initial CMR: oedema and subepicardial LGE lateral, consistent with myocarditis. Follow-up CMR after 6 months: resolution of oedema, residual subepicardial LGE lateral.'), 'MYO');
});

test('concept: "familial" names the patient’s own disease; a relative’s is family history', () => {
  assert.equal(outcome('CMR: LVEDVi 150 ml/m², LVEF 25 %; findings consistent with familial dilated cardiomyopathy.'), 'DCM');
  assert.ok(categorise('Beurteilung: familiäre DCM.').criteria.some((c) => c.id === 'dx.dcm' && c.weight >= 10));
  assert.ok(categorise('Her daughter has HCM. CMR: normal LV size and function, no LGE.').criteria.every((c) => !(c.id === 'dx.hcm' && c.weight > 1)));
});

const CASES_12R11: [string, string, string][] = [
  ['Normal: "did not show any abnormality"', 'NORMAL', 'Cardiac MRI did not show any abnormality.'],
  ['Normal: "CMR findings were normal"', 'NORMAL', 'A 30-year-old with palpitations. CMR findings were normal.'],
  ['Normal (German): "keine wesentlichen Auffälligkeiten"', 'NORMAL', 'Kardio-MRT: keine wesentlichen Auffälligkeiten.'],
  ['Normal (German): another test without findings is not this study’s verdict', 'MYO', 'Echo: keine Auffälligkeiten. Kardio-MRT: subepikardiales LGE lateral, Ödem.'],
];
for (const [name, expected, text] of CASES_12R11) test(`concept: ${name}`, () => assert.equal(outcome(text), expected, JSON.stringify(categorise(text).scores)));

test("concept: athlete's heart is an OTHER diagnosis (the taxonomy's Sportlerherz), not a normal study", () => {
  // Stated in the assessment, in both languages and their spellings.
  assert.equal(outcome('Befund: LV und RV harmonisch vergrößert, LVEF 57 %, Wanddicke 11 mm, kein LGE.\nBeurteilung: Befund vereinbar mit einem Sportlerherzen.'), 'OTHER.athlete');
  assert.equal(outcome('CMR: balanced biventricular enlargement, LVEF 56 %, wall thickness 11 mm, no LGE. Impression: athletic heart.'), 'OTHER.athlete');
  assert.equal(outcome('Impression: exercise-induced cardiac remodelling; no cardiomyopathy.'), 'OTHER.athlete');
  // Ruled out, it is no diagnosis; an athlete with a normal heart is a normal study.
  assert.equal(outcome('CMR: septal wall thickness 24 mm with patchy mid-wall LGE. Athlete’s heart was excluded.'), 'HCM');
  assert.equal(outcome('A 23-year-old athlete. CMR: normal LV and RV size and function, LVEF 62 %, no LGE, normal T1 and T2. Normal study.'), 'NORMAL');
  // An athletic heart rate is a pulse, not a diagnosis.
  assert.equal(outcome('CMR: sinus bradycardia with an athletic heart rate of 45/min. LVEF 60 %, LVEDVi 90 ml/m2, no LGE, normal T1 and T2.'), 'NORMAL');
});

test('concept: CA (Fontana 2015) — LGE of the atrial walls is atrial involvement, in both languages', () => {
  assert.ok(fired('CMR: concentric LV hypertrophy, 14 mm. LGE of the atrial walls and the interatrial septum.').includes('ca.atrial-lge'));
  assert.ok(fired('Befund: konzentrische Hypertrophie 14 mm. LGE der Vorhofwände und des Vorhofseptums.').includes('ca.atrial-lge'));
  assert.equal(outcome('Befund: konzentrische Hypertrophie 14 mm. LGE der Vorhofwände und des Vorhofseptums.'), 'CA');
  // A left atrium named beside ventricular LGE is no atrial LGE.
  assert.ok(!fired('CMR: dilated left atrium; subendocardial LGE of the inferior wall.').includes('ca.atrial-lge'));
});

test('concept: one-paragraph report — the sentences after a CMR or findings label on the history line are findings', () => {
  const sectionOf = (text: string, concept: string) => findFindings(text).mentions.find((m) => m.concept === concept)?.section;
  assert.equal(sectionOf('History: chest pain after flu. CMR: subepicardial LGE of the lateral wall. Oedema in the same segments.', 'oedema'), 'findings');
  assert.equal(sectionOf('Anamnese: Brustschmerz. Befund: subepikardiales LGE lateral. Ödem in denselben Segmenten.', 'oedema'), 'findings');
  assert.equal(statusOf('Clinical history: dyspnoea. Findings: dilated LV, LVEF 25 %. No LGE.', 'lge'), 'negated');
  // Another label ends it: what the echo saw is the history's.
  assert.equal(sectionOf('History: dyspnoea. CMR: LVEF 30 %. Echo: hypokinesia of the apex.', 'wma'), 'history');
});

test('concept: a differential the report weighed is no diagnosis (both languages)', () => {
  assert.equal(outcome('CMR: LV hypertrophy 16 mm; diffuse subendocardial LGE; HCM was considered but the ECV was 55%.'), 'CA');
  assert.equal(outcome('Kardio-MRT: Septumhypertrophie 17 mm, fleckiges LE im hypertrophierten Septum. Eine Amyloidose wurde nicht vermutet (ECV 26 %).'), 'HCM');
  assert.equal(outcome('CMR: patchy mid-wall and subepicardial LGE in the basal septum, with thinning of the basal septum; complete heart block on ECG. Myocarditis was considered in the differential.'), 'CS');
});

test('concept: ICM — infarct extent given as a share of the wall thickness', () => {
  assert.equal(outcome('CMR: LGE involving more than 75% of the wall thickness in the inferior segments.'), 'ICM');
});

test('concept: athlete’s heart (DOMAIN.md) — enlargement with normal function and no scar in an athlete, unnamed', () => {
  assert.equal(outcome('Anamnese: Triathlet, 20 Stunden Training pro Woche.\nBefund: Balancierte biventrikuläre Vergrößerung (LVEDVi 118 ml/m², RVEDVi 125 ml/m²), LVEF 57 %, Wanddicke 11 mm, kein LE.'), 'OTHER.athlete');
  assert.equal(outcome('History: competitive cyclist. CMR: LVEDVi 120 ml/m2, LVEF 58 %, maximal wall thickness 12 mm, no LGE.'), 'OTHER.athlete');
  // Scar or poor function in an athlete is not adaptation.
  assert.notEqual(outcome('History: marathon runner. CMR: LVEDVi 125 ml/m2, LVEF 35 %, subepicardial LGE of the lateral wall.'), 'OTHER.athlete');
});

test('concept: HCM (ESC 2023) — fibrosis of hypertrophied walls is not infarct or myocarditis by its depth alone', () => {
  assert.equal(outcome('CMR: asymmetric septal hypertrophy; subendocardial LGE of the basal septum.'), 'HCM');
  assert.equal(outcome('Befund: Asymmetrische Septumhypertrophie mit ausgedehntem intramuralem LE septal und erhöhten T2-Zeiten septal.'), 'HCM');
  assert.equal(outcome('CMR: asymmetric septal hypertrophy, 23 mm; extensive transmural LGE of the hypertrophied septum; T2 values raised in the septum.'), 'HCM');
  assert.ok(!fired('CMR: asymmetric septal hypertrophy, 23 mm; subendocardial perfusion defect in the septum at stress.').includes('icm.perfusion') || categorise('CMR: asymmetric septal hypertrophy, 23 mm; subendocardial perfusion defect in the septum at stress.').criteria.find((c) => c.id === 'icm.perfusion')!.weight < 1);
  // A coronary territory keeps the infarct reading.
  assert.equal(outcome('CMR: septal hypertrophy 16 mm; transmural LGE of the anterior wall in the LAD territory with akinesia.'), 'ICM');
});

test('concept: CA (ESC position 2021) — a thickened RV free wall beside thick LV walls', () => {
  assert.ok(fired('CMR: concentric LV hypertrophy 16 mm, RV free wall hypertrophy.').includes('ca.rv-wall'));
  assert.ok(fired('Befund: Konzentrische Hypertrophie 16 mm, Hypertrophie der freien RV-Wand.').includes('ca.rv-wall'));
  assert.ok(!fired('CMR: RV hypertrophy with septal flattening in pulmonary arterial hypertension; LV wall 13 mm.').includes('ca.rv-wall'));
});

test('concept: unexplained findings get their most frequent cause, weakly (anterior/inferior LGE, RV dysfunction)', () => {
  assert.equal(outcome('CMR: LGE of the anterior wall. LVEF 55 %.'), 'ICM');
  assert.equal(outcome('Befund: LE der Vorderwand. LVEF 55 %.'), 'ICM');
  assert.equal(outcome('CMR: RVEF 32 %, LVEF 60 %, no LGE.'), 'OTHER.arvc');
});

test('concept: a CRT pacemaker or ICD is heart-failure therapy, not AV block', () => {
  assert.ok(!fired('Anamnese: DCM, CRT-Schrittmacher 2019.\nBefund: LVEDVi 140 ml/m², LVEF 25 %, intramurales LE septal.').includes('cs.av-block'));
  assert.ok(!fired('History: CRT-D implanted for heart failure. CMR: LVEDVi 140 ml/m2, LVEF 25 %, mid-wall septal LGE.').includes('cs.av-block'));
  assert.ok(fired('History: pacemaker for complete heart block. CMR: patchy LGE of the basal septum.').includes('cs.av-block'));
});

test('concept: sarcoid scar mimics an infarct (DOMAIN.md) — beside AV block and no coronary clue, depth says less', () => {
  assert.equal(outcome('Anamnese: AV-Block III°.\nBefund: Transmurales LE basal septal und subepikardiales LE inferolateral. Keine KHK bekannt.'), 'CS');
  assert.equal(outcome('History: complete heart block. CMR: subendocardial and transmural LGE of the basal septum and the RV free wall.'), 'CS');
});

test('concept: DCM — an LV end-diastolic volume above 220 ml (Hudsmith 2005: mean + 2 SD in men) is dilated', () => {
  assert.ok(fired('CMR: LVEDV 230 ml, LVEF 30 %, no LGE.').includes('dcm.dilated'));
});

test('concept: inline result and assessment labels under a history line (Ergebnis, Fazit, Opinion)', () => {
  const sectionOf = (text: string, concept: string) => findFindings(text).mentions.find((m) => m.concept === concept)?.section;
  assert.equal(sectionOf('Anamnese: Dyspnoe. Ergebnis: subepikardiales LE lateral.', 'lge'), 'findings');
  assert.equal(sectionOf('Anamnese: Dyspnoe. Fazit: Myokarditis.', 'dx:MYO'), 'assessment');
  assert.equal(sectionOf('History: dyspnoea. Opinion: myocarditis.', 'dx:MYO'), 'assessment');
});

test('concept: ARVC (Task Force 2010) — only an RV aneurysm is an RV regional abnormality, not an LV apical or aortic one', () => {
  assert.ok(!fired('CMR: apical aneurysm with transmural LGE in the LAD territory; RVEF 38 %.').includes('other.arvc'));
  assert.ok(!fired('CMR: aneurysm of the ascending aorta (52 mm); RVEF 38 %.').includes('other.arvc'));
  assert.ok(fired('CMR: aneurysm of the RV free wall; RVEF 38 %.').includes('other.arvc'));
});

test('concept: "dilated LV and LA" dilates the LV too; "LA dilated, LV normal" only the atrium', () => {
  const dilatedAttrs = (text: string) => findFindings(text).mentions.filter((m) => m.concept === 'dilated').map((m) => [...m.attrs]);
  assert.ok(dilatedAttrs('CMR: dilated LV and LA, LVEF 32 %.')[0]!.includes('lv') && !dilatedAttrs('CMR: dilated LV and LA, LVEF 32 %.')[0]!.includes('atrium'));
  assert.ok(!dilatedAttrs('Befund: Dilatierter LV und LA, LVEF 32 %.')[0]!.includes('atrium'));
  assert.ok(dilatedAttrs('CMR: LA dilated, LV normal size and function.')[0]!.includes('atrium'));
  assert.ok(fired('CMR: dilated LV and LA, LVEF 32 %, no LGE.').includes('dcm.dilated'));
});

test('concept: concentric hypertrophy >= 15 mm without asymmetry weighs less for HCM (phenocopies, ESC 2023)', () => {
  const w = (text: string) => categorise(text).criteria.find((c) => c.id === 'hcm.mwt')?.weight;
  assert.ok(w('CMR: concentric LV hypertrophy, maximal wall thickness 17 mm.')! < w('CMR: asymmetric septal hypertrophy, maximal wall thickness 17 mm.')!);
  assert.equal(outcome('CMR: concentric LV hypertrophy, 16 mm. LGE of the atrial walls and the interatrial septum.'), 'CA');
});

// A reviewer's attack on round 4 (probes written for it, not corpus text): each concept with the reading it must keep.
test('concept: a wall said not to be thickened is no hypertrophy (the gap word of a hypertrophy phrase is never a negation)', () => {
  assert.equal(outcome('Findings: The septum is not thickened. Mid-wall LGE of the basal septum with oedema on T2-weighted images. LVEF 56 %.'), 'MYO');
  assert.equal(outcome('Befund: Septum nicht verdickt (9 mm). Subendokardiales LGE der mittventrikulären Vorderwand, LVEF 56 %.'), 'ICM');
  for (const text of ['Findings: The LV walls are not thickened.', 'Befund: Die Wände sind nicht verdickt.']) assert.notEqual(statusOf(text, 'hypertrophy'), 'affirmed', text);
});

test('concept: infarct extent is a share OF the wall thickness, not an LVEF beside a wall word', () => {
  assert.equal(outcome('Findings: LVEF 58 % and normal wall thickness, with subepicardial LGE of the inferolateral wall and oedema.'), 'MYO');
  assert.equal(outcome('Befund: LVEF 55 % bei normaler Wanddicke, subepikardiales LGE der Seitenwand mit Ödem.'), 'MYO');
  assert.ok(fired('CMR: LGE of the inferior wall involving 50 % of the wall thickness.').includes('icm.subendocardial'));
});

test('concept: not transmural is subendocardial only when no other layer is named', () => {
  assert.equal(outcome('Befund: LV dilatiert (LVEDVI 135 ml/m2), LVEF 32 %. Nicht-transmurales mittmyokardiales streifiges LGE septal.'), 'DCM');
  assert.ok(fired('CMR: non-transmural LGE of the anterior wall in the LAD territory.').includes('icm.subendocardial'));
});

test('concept: an exclusion that stays open ("nicht mit Sicherheit auszuschließen", "Ausschluss ... nicht möglich") is a hedge, not a negation', () => {
  const findings = 'Befund: Konzentrische Hypertrophie 14 mm, fleckiges LGE basal, T1 leicht erhöht.\nBeurteilung: ';
  for (const said of ['Eine kardiale Amyloidose ist nicht mit Sicherheit auszuschließen.', 'Eine kardiale Amyloidose ist nicht gänzlich auszuschließen.', 'Ausschluss einer kardialen Amyloidose mittels MRT nicht möglich.']) {
    assert.match(statusOf(findings + said, 'dx:CA'), /^uncertain/, said);
  }
  assert.equal(statusOf(findings + 'Eine kardiale Amyloidose ist auszuschließen.', 'dx:CA'), 'negated');
});

test('concept: amyloid atrial LGE needs LGE of the atrial wall, not an atrial word or an ablation scar', () => {
  assert.ok(!fired('Findings: Known hypertension. Concentric LVH 13 mm. Mid-wall LGE of the basal septum, scan performed in atrial fibrillation. LVEF 55 %.').includes('ca.atrial-lge'));
  assert.equal(outcome('Findings: Status post pulmonary vein isolation. LGE of the left atrial wall consistent with ablation scar. LV normal in size and function, LVEF 60 %.'), 'NORMAL');
});

test('concept: findings of other organs (a cyst bright on T2, lung fibrosis, an enhancing vertebra) are no myocardial oedema or LGE', () => {
  assert.equal(outcome('Befund: LVEF 61 %, normale Volumina, kein LGE. Nebenbefundlich Leberzyste, hyperintens in der T2w-Sequenz.'), 'NORMAL');
  assert.equal(outcome('Befund: LVEF 60 %, normale Volumina, kein LGE. Nebenbefundlich fokale Mehranreicherung in einem Brustwirbelkörper.'), 'NORMAL');
  assert.equal(outcome('Anamnese: Sarkoidose Stadium IV. Befund: LVEF 59 %, normale Volumina, kein LGE, kein Ödem. Narbige Veränderungen beider Lungenoberlappen. Beurteilung: Keine kardiale Beteiligung.'), 'NORMAL');
  // A cardiac place named beside them keeps the finding.
  assert.ok(fired('Befund: Subepikardiales LGE der Lateralwand, Ödem lateral; Nebenbefund Leberzyste.').includes('myo.lge'));
});

test("concept: athlete's heart never has RV dysfunction, regional WMA, VT or raised T1/ECV", () => {
  for (const text of ['Endurance athlete. RV dilated (RVEDVI 150 ml/m2), RVEF 36 %. LV normal, LVEF 57 %. No LGE.', 'Semi-professional footballer with ventricular tachycardia. LV dilated (LVEDVI 120 ml/m2), LVEF 53 %. No LGE.', 'Competitive swimmer. LV dilated (LVEDVI 118 ml/m2), LVEF 56 %, native T1 elevated, ECV 34 %. No LGE.']) {
    assert.notEqual(outcome(text), 'OTHER.athlete', text);
  }
  assert.equal(outcome('Marathon runner. LV mildly dilated (LVEDVI 118 ml/m2), LVEF 58 %, normal RV. No LGE, no oedema.'), 'OTHER.athlete');
});

test('concept: German and English normal phrases stay normal ("normal großer LV", "no wall thickening", "schlecht beurteilbar")', () => {
  assert.equal(outcome('Befund: Normal großer LV und RV mit normaler Funktion, LVEF 64 %. Normale Wanddicken. Kein Ödem, kein LGE, kein Perikarderguss.'), 'NORMAL');
  assert.equal(outcome('Findings: Normal LV size and function, LVEF 62 %. No wall thickening. No LGE. No oedema.'), 'NORMAL');
  assert.equal(outcome('Befund: Aufgrund von Arrhythmie schlecht beurteilbare Funktion, visuell normal. Kein LGE.'), 'NORMAL');
});

test('concept: a transmural scar over several segments of one territory is an infarct; monomorphic VT does not discount its depth', () => {
  assert.equal(outcome('Befund: Transmurales LGE in mehreren Segmenten der Vorderwand und Spitze mit Akinesie, LVEF 38 %.'), 'ICM');
  assert.equal(outcome('Findings: LV dilated (LVEDVI 125 ml/m2), LVEF 32 %. Subendocardial LGE of the inferior and inferolateral wall. History: recurrent monomorphic ventricular tachycardia.'), 'ICM');
});

test('concept: LVNC (Petersen 2005) and Qp:Qs read at a sentence end (German decimal comma)', () => {
  assert.equal(outcome('Befund: Ausgeprägte Trabekularisierung apikal und lateral, NC/C-Ratio 3,1. LVEF 45 %.'), 'OTHER.lvnc');
  assert.equal(outcome('Befund: Vorhofseptumdefekt, RV dilatiert, Qp:Qs 2,1.'), 'OTHER.congenital');
});

test('concept (F3): a sarcoidosis of another organ named after the CMR sentence is no cardiac sarcoidosis on a normal study', () => {
  assert.equal(outcome('Referral: breathlessness. MRI of the heart: LVEF 58 %, normal volumes, no late enhancement, no oedema. Sarcoidosis of the lungs confirmed on transbronchial biopsy.'), 'NORMAL');
  assert.equal(outcome('Fragestellung: Belastungsdyspnoe. Herz-MRT: LVEF 63 %, normale Volumina, kein Late Enhancement, kein Ödem. Pulmonale Sarkoidose, bronchoskopisch gesichert.'), 'NORMAL');
  // With a sarcoid pattern of LGE it counts as HRS 2014 extracardiac disease, and the heart named keeps the diagnosis.
  assert.equal(outcome('MRI of the heart: patchy enhancement of the basal septum extending to its RV side. Sarcoidosis of the lungs confirmed on transbronchial biopsy.'), 'CS');
  assert.equal(outcome('Beurteilung: Kardiale Beteiligung einer bekannten pulmonalen Sarkoidose.'), 'CS');
});

test('concept (O3): fluid is bright on T2 / STIR; a hyperintensity beside an effusion is no myocardial oedema unless the myocardium is named', () => {
  assert.equal(outcome('Findings: normal volumes, LVEF 64 %, no late enhancement. Trace pericardial fluid, which is bright on STIR.'), 'NORMAL');
  assert.equal(outcome('Befund: Normale Volumina, LVEF 60 %, kein LGE. Schmaler Perikarderguss, T2-hyperintens.'), 'NORMAL');
  assert.ok(fired('Befund: Kleiner Perikarderguss. Myokard der Lateralwand T2-hyperintens, subepikardiales LGE lateral.').includes('myo.t2'));
  assert.ok(fired('Findings: small effusion; increased signal on STIR in the inferolateral wall.').includes('myo.t2'));
});

test('concept: new wall thickening with oedema in an acute illness is oedematous (acute myocarditis, ESC 2013), not HCM', () => {
  assert.equal(outcome('History: influenza a week ago, troponin T 900 ng/l. CMR: newly thickened LV walls of 16 mm, diffuse myocardial oedema on T2-weighted images, LVEF 41 %, subepicardial LGE of the lateral wall.'), 'MYO');
  assert.equal(outcome('Anamnese: Grippaler Infekt vor zehn Tagen, Troponin erhöht. Kardio-MRT: neu aufgetretene Wandverdickung bis 17 mm mit ausgeprägtem Myokardödem, LVEF 38 %, fleckiges subepikardiales LGE inferolateral.'), 'MYO');
  // Without the acute illness the same millimetres are hypertrophy.
  assert.equal(outcome('CMR: asymmetric septal hypertrophy of 17 mm, newly diagnosed; SAM with LVOT obstruction; patchy mid-wall LGE of the septum.'), 'HCM');
});

test('concept: a mass that takes up no contrast or resolves under anticoagulation is a thrombus; beside a transmural scar it is the infarct’s', () => {
  assert.equal(outcome('CMR: LV dilated (LVEDVI 130 ml/m2), LVEF 28 %. Transmural LGE of the anterior wall and apex. A hypointense mass in the LV apex that does not enhance on first-pass perfusion or LGE.'), 'ICM');
  assert.equal(outcome('Befund: LVEF 30 %, LVEDV 260 ml. Transmurales LGE der Vorderwand und der Spitze. Apikale Raumforderung ohne Kontrastmittelaufnahme; unter Antikoagulation nicht mehr nachweisbar.'), 'ICM');
  // A mass that enhances stays a mass.
  assert.equal(outcome('Befund: Raumforderung im rechten Vorhof mit kräftiger Kontrastmittelaufnahme in der Perfusion. LVEF 62 %, kein LGE des Myokards.'), 'OTHER.mass');
});

test('concept: subendocardial LGE outside a coronary territory in thick walls with an amyloid red flag is CA (ESC 2021 position statement)', () => {
  assert.equal(outcome('History: peripheral neuropathy of both legs, lumbar spinal stenosis operated. CMR: septum 15 mm, lateral wall 13 mm, LVEF 55 %. Faint subendocardial LGE of the basal septal and lateral walls.'), 'CA');
  assert.equal(outcome('Anamnese: Karpaltunnelsyndrom beidseits, Polyneuropathie. Kardio-MRT: Septum 14 mm, LVEF 58 %. Zartes subendokardiales LGE basal septal und inferolateral.'), 'CA');
  // Without a red flag, regional subendocardial LGE stays an infarct's.
  assert.equal(outcome('CMR: septum 13 mm, LVEF 50 %. Subendocardial LGE of the basal inferior and inferolateral walls.'), 'ICM');
});

test('concept: reduced function in an acute illness that recovers, with non-ischaemic LGE, is myocarditis, not DCM (ESC 2013 / ESC 2023)', () => {
  assert.equal(outcome('History: fever and chest pain after a viral illness, troponin rise. CMR: LV dilated (LVEDVI 118 ml/m2), LVEF 35 %, LGE in the mid septum. Follow-up after six weeks: function recovered, LVEF 59 %.'), 'MYO');
  assert.equal(outcome('Anamnese: Fieber, Troponin positiv. Kardio-MRT: LVEF 33 %, LVEDV 240 ml, LGE im mittleren Septum. Verlauf nach acht Wochen: Pumpfunktion vollständig erholt.'), 'MYO');
  // Another organ's recovery is not the heart's.
  assert.ok(!fired('History: fever, troponin rise; a stroke two years ago with full recovery. CMR: LVEF 35 %, LVEDVI 120 ml/m2, LGE in the mid septum.').includes('myo.recovered'));
  // Without the acute illness and recovery, the same picture stays DCM.
  assert.equal(outcome('CMR: LV dilated (LVEDVI 130 ml/m2), LVEF 30 %, global hypokinesia, mid-wall septal LGE stripe. No oedema.'), 'DCM');
});

test('concept: oedema among the symptoms of a heading-less history is the clinical sign, not myocardial oedema on T2', () => {
  assert.ok(!fired('A 50-year-old with fatigue, weight loss and oedema for a year, troponin raised. Cardiac MRI: LVEF 60 %, mid-wall LGE of the inferolateral wall.').includes('myo.t2'));
  assert.ok(!fired('Eine 50-jährige Patientin mit Müdigkeit, Gewichtsverlust und Ödemen seit einem Jahr, Troponin erhöht. Kardio-MRT: LVEF 60 %, mittmyokardiales LGE inferolateral.').includes('myo.t2'));
  // Oedema told in the CMR's own sentences stays.
  assert.ok(fired('A 50-year-old with fatigue. Cardiac MRI: LVEF 60 %, oedema and mid-wall LGE of the inferolateral wall.').includes('myo.t2'));
});

test('concept: infarcts told of the brain are strokes, not myocardial infarction, unless the heart is named', () => {
  assert.equal(outcome('History: dizziness. CMR: LVEF 61 %, normal volumes, no LGE. Brain MRI showed old lacunar and cortical infarcts.'), 'NORMAL');
  assert.equal(outcome('Anamnese: Schwindel. Kardio-MRT: LVEF 62 %, normale Volumina, kein LGE, kein Ödem. Im cCT des Gehirns alte Infarkte links temporal.'), 'NORMAL');
  assert.equal(outcome('Anamnese: Z.n. Myokardinfarkt und Schlaganfall. Befund: LVEF 48 %, transmurales LGE inferior.'), 'ICM');
});

// A reviewer's attack on round 5 (probe texts written for it): each concept with the reading it must keep.
test('concept: amyloid red flags alone (a diabetic neuropathy, a hypertensive spinal stenosis) are no amyloid; beside an infarct they change nothing', () => {
  assert.equal(outcome('History: Type 2 diabetes mellitus with polyneuropathy, hypertension. Findings: LVEF 45 %. Septum 13 mm. Subendocardial LGE inferior and inferoseptal, hypokinesia of these segments.'), 'ICM');
  assert.equal(outcome('Anamnese: Diabetes mellitus Typ 2 mit Polyneuropathie. Befund: LVEF 46 %. Septum 13 mm. Subendokardiales LGE inferior und inferoseptal mit Hypokinesie.'), 'ICM');
  assert.notEqual(outcome('History: Long-standing arterial hypertension. Lumbar spinal stenosis. Findings: Concentric LV hypertrophy, septum 14 mm, LVEF 65 %. No LGE. Native T1 normal.'), 'CA');
  assert.notEqual(outcome('History: Polyneuropathy. DPD scintigraphy negative. Findings: Concentric LVH 13 mm, no LGE, T1 normal, ECV 26 %.'), 'CA');
});

test('concept: a stroke told beside an infarct leaves the infarct the heart\'s; only brain imaging that reports infarcts is the brain\'s', () => {
  assert.equal(outcome('Anamnese: Z.n. Infarkt 2015 und Schlaganfall 2019. Befund: LVEF 45 %. Hypokinesie anterior.'), 'ICM');
  assert.equal(outcome('History: Previous infarction and ischaemic stroke in 2019. Findings: LVEF 44 %, hypokinesia of the anterior wall.'), 'ICM');
});

test('concept: "no new LGE" in an HCM follow-up does not make its hypertrophy oedematous', () => {
  assert.equal(outcome('History: Fever and troponin rise. Findings: Asymmetric septal hypertrophy 20 mm, no new LGE compared with 2022. Oedema in the septum. LVEF 68 %.'), 'HCM');
  assert.equal(outcome('Anamnese: Bekannte HCM, jetzt Fieber und Troponinanstieg. Befund: Asymmetrische Septumhypertrophie 21 mm, keine neuen LGE-Areale. Septales Ödem. LVEF 70 %.'), 'HCM');
});

test('concept: a non-enhancing mass of fat or fluid is a lipoma or a cyst, not a thrombus', () => {
  assert.equal(outcome('Findings: Homogeneous mass in the interatrial septum, signal loss on fat suppression, no contrast enhancement. LV normal, LVEF 60 %. No LGE.'), 'OTHER.mass');
});

test('concept: the patient\'s recovery from an infection is not the heart\'s recovery', () => {
  const r = categorise('History: Recovered from pneumonia in 2019. Troponin mildly elevated. Findings: Dilated LV, LVEDVi 130 ml/m2, LVEF 28 %. Midwall septal LGE.');
  assert.equal(r.category, 'DCM');
  assert.ok(!r.criteria.some((c) => c.id === 'myo.recovered' && c.weight > 0));
});

test('concept: nodes "consistent with sarcoidosis" beside sarcoid-pattern LGE are extracardiac evidence for CS (HRS 2014)', () => {
  assert.equal(outcome('Findings: Patchy subepicardial LGE inferolateral and septal; mediastinal and hilar lymphadenopathy consistent with sarcoidosis.'), 'CS');
  assert.equal(outcome('Befund: Fleckiges subepikardiales LGE inferolateral und septal; mediastinale und hiläre Lymphadenopathie, vereinbar mit Sarkoidose.'), 'CS');
  assert.ok(fired('Findings: Patchy subepicardial LGE inferolateral and septal; mediastinal and hilar lymphadenopathy consistent with sarcoidosis.').includes('cs.extracardiac'));
});

test('concept: LGE named with a wall is the myocardium\'s, so widespread ST elevation with it is no pericarditis alone', () => {
  assert.ok(!fired('ECG: diffuse ST elevation. CMR: LVEF 46 %; late enhancement around the interventricular septum and the apex.').includes('other.pericarditis-context'));
});

test('concept: iron overload of the liver is no cardiac siderosis; a myocardial T2* below 20 ms still is, beside a liver value', () => {
  assert.equal(outcome('Befund: LVEF 63 %, normale Volumina. Myokardiales T2* 31 ms. Leber-T2* 2,4 ms. Kein LGE.\nBeurteilung: Deutliche Lebersiderose, keine myokardiale Eisenüberladung.'), 'NORMAL');
  assert.equal(outcome('Findings: LVEF 62 %, normal volumes. Myocardial T2* 33 ms. Liver T2* 1.9 ms in keeping with severe hepatic iron overload. No LGE.'), 'NORMAL');
  assert.equal(outcome('Befund: LVEF 57 %. Myokardiales T2* 11 ms, Leber-T2* 3 ms. Kein LGE.'), 'OTHER.siderosis');
  assert.equal(outcome('Findings: LVEF 58 %. Myocardial T2* 13 ms; liver T2* 2 ms. No LGE.'), 'OTHER.siderosis');
});

test('concept: a stress perfusion study without an inducible defect is a normal result, not a text without findings', () => {
  assert.equal(outcome('Adenosin-Stress-MRT.\nBefund: Unter Adenosin keine induzierbare Perfusionsstörung.'), 'NORMAL');
  assert.equal(outcome('Regadenoson stress CMR.\nFindings: No inducible perfusion defect at peak stress.'), 'NORMAL');
  // An inducible defect still counts against NORMAL.
  assert.equal(outcome('Regadenoson stress CMR.\nFindings: Inducible perfusion defect of the inferior wall at peak stress. No LGE. LVEF 60 %.'), 'ICM');
});

test('concept: an LVEF below the report\'s own printed reference range is reduced function, so a dilated LV with it is DCM (ESC 2023)', () => {
  assert.equal(outcome('Befund: LVEDVi 121 ml/m² (Norm 57-105). LVEF 51 % (Norm 57-77). Kein LGE, kein Ödem.'), 'DCM');
  assert.equal(outcome('Findings: LVEDVi 119 ml/m2 (normal range 57-105). LVEF 53 % (normal range 57-77). No LGE, no oedema.'), 'DCM');
  // Without a printed range, 53 % is preserved (ESC 2021 bands), and a dilated LV alone is not yet DCM.
  assert.ok(!fired('Findings: LVEDVi 119 ml/m2. LVEF 53 %. No LGE.').includes('dcm.no-scar'));
});

// ---- devrules round: general rules for errors of kinds likely to recur in others' text ----
test('concept: enhancement of the pericardium itself is pericardial, not diffuse myocardial LGE (ESC 2015)', () => {
  const en = 'Fever and troponin rise. CMR: small pericardial effusion. The pericardium is not thickened but enhances diffusely on LGE. Subepicardial LGE of the lateral wall.';
  const de = 'Fieber, Troponinanstieg. Kardio-MRT: kleiner Perikarderguss. Perikard nicht verdickt, jedoch mit diffusem Late Enhancement. Subepikardiales LGE der Lateralwand.';
  for (const text of [en, de]) {
    assert.ok(!fired(text).includes('ca.diffuse-lge'), text);
    assert.equal(outcome(text), 'MYO', text);
  }
  // Diffuse LGE of the myocardium beside an effusion stays the myocardium's.
  assert.ok(fired('CMR: concentric LVH 17 mm; diffuse subendocardial LGE; small pericardial effusion.').includes('ca.diffuse-lge'));
});

test('concept: CA — myocardial uptake on bone scintigraphy in thickened walls outweighs their millimetres for HCM (Gillmore 2016)', () => {
  const en = 'Echo: septum 17 mm, posterior wall 16 mm. DPD scintigraphy: intense myocardial uptake. CMR: LVEF 52 %, patchy LGE of the lateral wall.';
  const de = 'Echo: Septum 17 mm, Hinterwand 16 mm. DPD-Szintigraphie: kräftige myokardiale Anreicherung. Kardio-MRT: LVEF 52 %, fleckiges LGE lateral.';
  for (const text of [en, de]) {
    assert.ok(fired(text).includes('ca.bone-scan'), text);
    assert.equal(outcome(text), 'CA', text);
  }
  // A scan without uptake gives nothing.
  assert.ok(!fired('Echo: septum 17 mm. DPD scintigraphy without myocardial uptake (Perugini grade 0). CMR: LVEF 60 %.').includes('ca.bone-scan'));
});

test('concept: CA — diffuse subendocardial LGE in walls measured thick is amyloid\'s pattern, not HCM\'s (Fontana 2015)', () => {
  const en = 'CMR: septum 21 mm, posterior wall 20 mm. LVEF 45 %. Diffuse, predominantly subendocardial late enhancement of the LV.';
  const de = 'Kardio-MRT: Septum 21 mm, Hinterwand 20 mm. LVEF 45 %. Diffuse, überwiegend subendokardiale Kontrastmittelanreicherung des LV.';
  for (const text of [en, de]) {
    assert.ok(fired(text).includes('ca.diffuse-lge-lvh'), text);
    assert.equal(outcome(text), 'CA', text);
  }
});

test('concept: CA — echo\'s sparkling myocardium with thick walls and a light-chain abnormality', () => {
  const en = 'Echo: septum 20 mm, sparkling myocardial texture. Raised free light chains. CMR: no LGE.';
  const de = 'Echo: Septum 20 mm, granuläre Myokardtextur. Freie Leichtketten erhöht. Kardio-MRT: kein LGE.';
  for (const text of [en, de]) assert.equal(outcome(text), 'CA', text);
});

test('concept: this CMR\'s normal walls outrank the thickening an earlier study told (it has regressed)', () => {
  const en = 'Six months ago, during an acute illness, echo showed concentric LV thickening with a septum of 15 mm. CMR now: normal LV wall thickness, LVEF 62 %, no late gadolinium enhancement.';
  const de = 'Anamnese: Vor einem Jahr echokardiographisch konzentrische Hypertrophie, Septum 15 mm.\nBefund Kardio-MRT: Keine Hypertrophie, normale Wanddicke. LVEF 63 %. Kein Late Enhancement.';
  for (const text of [en, de]) {
    assert.ok(!fired(text).some((id) => id.startsWith('hcm.') || id.startsWith('ca.')), text);
    assert.equal(outcome(text), 'NORMAL', text);
  }
  // Walls this CMR measures thick stay thick, whatever else it calls normal.
  assert.equal(outcome('Echo: septum 12 mm. CMR: asymmetric septal hypertrophy, maximal wall thickness 18 mm; normal RV wall thickness; no LGE.'), 'HCM');
});

test('concept: HCM — thickening of the apex itself is apical HCM even when the apex is called concentrically thickened (ESC 2023)', () => {
  const en = 'ECG: giant negative T waves. CMR: marked concentric thickening of the LV apex, 17 mm, tapering to normal thickness at the base; LVEF 70 %; no LGE.';
  const de = 'EKG: tief negative T-Wellen. Kardio-MRT: konzentrische, apikal betonte Hypertrophie bis 17 mm, basale Wanddicke normal; LVEF 70 %; kein LGE.';
  for (const text of [en, de]) {
    assert.ok(fired(text).includes('hcm.apical'), text);
    assert.equal(outcome(text), 'HCM', text);
  }
  // Concentric hypertrophy that spares the apex is no apical HCM.
  assert.ok(!fired('CMR: concentric LV hypertrophy sparing the apex, septum 14 mm; no LGE.').includes('hcm.apical'));
});

test('concept: myopericarditis (ESC 2015) — LGE in several areas of the myocardium and in the pericardium during a febrile illness with troponin rise is not sarcoid', () => {
  const en = 'Two weeks of fever; troponin 8 ng/mL. CMR: LVEF 40 %; late enhancement in several areas of the myocardium and also in the pericardium.';
  const de = 'Seit zwei Wochen Fieber, Troponin 8 ng/ml. Kardio-MRT: LVEF 40 %; Late Enhancement in mehreren Arealen des Myokards und auch im Perikard.';
  for (const text of [en, de]) {
    assert.ok(fired(text).includes('myo.perimyocarditis'), text);
    assert.equal(outcome(text), 'MYO', text);
  }
  // Without the acute illness, multifocal LGE with heart block stays sarcoid's.
  assert.equal(outcome('ECG: complete heart block. CMR: patchy LGE in several areas of the myocardium, basal septum included; LVEF 45 %.'), 'CS');
});

test('concept: "ohne Auffälligkeiten" / "no abnormality" after a structure is that structure\'s verdict, not a normal study', () => {
  assert.equal(outcome('Befund: Nicht kompaktiertes Myokard lateral und apikal, Verhältnis nicht kompaktiert zu kompaktiert 2,5. Koronararterien ohne Auffälligkeiten.'), 'OTHER.lvnc');
  assert.equal(outcome('Findings: Non-compacted myocardium of the lateral wall and apex, non-compacted to compacted ratio 2.6. Valves: no abnormality.'), 'OTHER.lvnc');
  // After the exam, a heading or another negated finding it stays the study's verdict.
  assert.equal(outcome('Beurteilung: Kein Hinweis auf eine Myokarditis, ohne Auffälligkeiten.'), 'NORMAL');
  assert.equal(outcome('Impression: Cardiac MRI without abnormality.'), 'NORMAL');
});

test('concept: a spade-shaped (ace-of-spades, Pik-As) LV cavity is apical hypertrophy, apical HCM (Yamaguchi 1979)', () => {
  assert.equal(outcome('Findings: Ace-of-spades configuration of the LV cavity in diastole, apical walls 16 mm. No LGE. LVEF 68 %.'), 'HCM');
  assert.equal(outcome('Befund: Pik-As-förmige Konfiguration des linken Ventrikels in der Diastole durch Verdickung der Herzspitze. Kein LGE.'), 'HCM');
  assert.ok(fired('Findings: spade-like LV cavity because of thickening of the distal segments.').includes('hcm.apical'));
});

test('concept: coronary disease only suspected is the referral\'s question, not known disease that makes a wall-motion finding ischaemic', () => {
  assert.ok(!fired('Angiography was done for suspected coronary artery disease. CMR: hypokinesia of the apical segments, LVEF 52 %.').includes('icm.hibernation'));
  assert.ok(!fired('Herzkatheter bei Verdacht auf koronare Herzkrankheit. Kardio-MRT: Hypokinesie apikal, LVEF 52 %.').includes('icm.hibernation'));
  // Known disease still does.
  assert.ok(fired('Known three-vessel coronary artery disease. CMR: hypokinesia of the apical segments, no LGE, LVEF 48 %.').includes('icm.hibernation'));
});

test('concept: thrombus — a non-enhancing filling defect in the cavity is an LV thrombus, in either language', () => {
  assert.ok(fired('Befund: Akinesie und transmurales LGE der Vorderwand, apikal ein nicht kontrastmittelaufnehmender Füllungsdefekt von 15 mm. LVEF 35 %.').includes('icm.thrombus'));
  assert.ok(fired('CMR: akinetic anterior wall with transmural LGE and an apical filling defect that does not enhance. LVEF 33 %.').includes('icm.thrombus'));
});
