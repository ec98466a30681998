import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyRules } from './rules-reader.js';

const categorise = (text: string) => applyRules({ id: 't', text });
const fired = (text: string) => categorise(text).criteria.filter((c) => c.weight > 0).map((c) => c.id);

// Findings only, no diagnosis named: each category from its criteria (DOMAIN.md).
const IMPLICIT: [string, string, string][] = [
  ['HCM: wall >= 15 mm, asymmetric, SAM', 'HCM', 'Befund: Asymmetrische Septumhypertrophie mit maximaler Wanddicke 21 mm, SAM mit LVOT-Obstruktion (Gradient 60 mmHg). Fleckiges intramyokardiales LGE im Septum. LVEF 72 %.'],
  ['CA: diffuse LGE, nulling, ECV >= 40 %', 'CA', 'Befund: Konzentrische Hypertrophie (16 mm). Diffuses subendokardiales LGE, erschwerte Nullung. ECV 52 %. T1 nativ 1.420 ms (Norm < 1.050 ms).'],
  ['MYO: Lake Louise T2 + T1 criterion', 'MYO', 'Befund: Myokardödem basal inferolateral. Subepikardiales LGE inferolateral. T2 61 ms (Norm < 52 ms). LVEF 58 %.'],
  ['CS: patchy septal LGE on the RV side + lymphadenopathy', 'CS', 'Befund: Fleckiges, multifokales LGE basal septal, rechtsventrikulär betont, und lateral. Mediastinale Lymphadenopathie. LVEF 50 %.'],
  ['ICM: subendocardial LGE in a coronary territory with regional WMA', 'ICM', 'Befund: Subendokardiales LGE anteroseptal im RIVA-Stromgebiet, Akinesie anteroseptal, Wandverdünnung. LVEF 38 %.'],
  ['DCM: dilated, EF < 40 %, global hypokinesia, no scar', 'DCM', 'Befund: LVEDVi 145 ml/m², LVEF 24 %. Globale Hypokinesie. Kein Late Enhancement.'],
  ['NORMAL: normal numbers, no LGE, no oedema', 'NORMAL', 'Befund: LVEDVi 78 ml/m², LVEF 62 %, Wanddicke 9 mm. Kein Ödem, kein LGE, kein Perikarderguss.'],
  ['OTHER: apical ballooning without LGE (Takotsubo)', 'OTHER', 'Befund: Apikale Ballonierung mit Akinesie, apikales Ödem, kein LGE. LVEF 40 %.'],
  ['OTHER: low native T1 with hypertrophy (Fabry)', 'OTHER', 'Befund: Konzentrische Hypertrophie 14 mm. Native T1 erniedrigt (850 ms, Norm 950–1.050 ms). Intramyokardiales LGE basal inferolateral.'],
  ['English MYO', 'MYO', 'Findings: Edema of the lateral wall with subepicardial late gadolinium enhancement. Native T1 1120 ms (normal < 1050 ms).'],
  ['English ICM', 'ICM', 'Findings: Transmural LGE of the inferior wall in the RCA territory with akinesis and wall thinning.'],
];
for (const [name, expected, text] of IMPLICIT) {
  test(`criteria: ${name}`, () => assert.equal(categorise(text).category, expected));
}

test('T1 and T2 are judged against the report’s own reference range', () => {
  // 1,100 ms is raised at a site whose normal ends at 1,050 ms, and normal where it ends at 1,150 ms.
  assert.ok(fired('Befund: Ödem lateral. T1 nativ 1.100 ms (Norm < 1.050 ms).').includes('myo.t1'));
  assert.ok(!fired('Befund: Ödem lateral. T1 nativ 1.100 ms (Norm < 1.150 ms).').includes('myo.t1'));
});

test('a stated diagnosis outweighs findings; a hedge weighs less; a negated one counts against', () => {
  const findings = 'Befund: Subepikardiales LGE inferolateral, Ödem inferolateral.';
  assert.equal(categorise(`${findings}\nBeurteilung: Kardiale Sarkoidose.`).category, 'CS');
  const hedged = categorise(`${findings}\nBeurteilung: Myokarditis, DD Sarkoidose.`);
  assert.equal(hedged.category, 'MYO');
  assert.ok(hedged.scores.CS < hedged.scores.MYO);
  const negated = categorise(`${findings}\nBeurteilung: Kein Anhalt für eine Sarkoidose.`);
  assert.ok(negated.scores.CS < 0);
  assert.equal(negated.category, 'MYO');
});

test('a question about a disease is not a finding of it', () => {
  assert.equal(categorise('Fragestellung: Myokarditis?\nBefund: Normale Funktion (LVEF 63 %), kein Ödem, kein LGE.\nBeurteilung: Normalbefund.').category, 'NORMAL');
});

test('history of myocarditis in a dilated cardiomyopathy is not myocarditis', () => {
  assert.equal(categorise('Anamnese: Z.n. Myokarditis 2019.\nBefund: LVEDVi 130 ml/m², LVEF 30 %, globale Hypokinesie, kein Ödem.\nBeurteilung: Dilatative Kardiomyopathie, kein Hinweis auf floride Myokarditis.').category, 'DCM');
});

test('the engine returns scores for every category and criteria with spans into the text', () => {
  const text = 'Befund: Diffuses subendokardiales LGE, erschwerte Nullung, ECV 55 %.';
  const result = categorise(text);
  assert.deepEqual(Object.keys(result.scores).sort(), ['CA', 'CS', 'DCM', 'HCM', 'ICM', 'MYO', 'NORMAL', 'OTHER']);
  const nulling = result.criteria.find((c) => c.id === 'ca.nulling')!;
  assert.match(text.slice(nulling.spans[0]!.start, nulling.spans[0]!.end), /erschwerte Nullung/);
});

test('a disease needs positive evidence: with every score at or below zero the report is NORMAL', () => {
  // "Kein Normalbefund" with nothing abnormal named: NORMAL itself scores below zero, no disease above it.
  const r = categorise('Befund: LVEF 59 %. Kein Perikarderguss.\nBeurteilung: Kein Normalbefund.');
  assert.ok(r.scores.NORMAL < 0 && Object.values(r.scores).every((s) => s <= 0), JSON.stringify(r.scores));
  assert.equal(r.category, 'NORMAL');
});

test('a dilated LV that contracts normally is not DCM; in an athlete it is athlete’s heart (OTHER, DOMAIN.md)', () => {
  assert.equal(categorise('Anamnese: Leistungssportler.\nBefund: LVEDVi 110 ml/m² (Norm bis 105), LVEF 60 %, RVEDVi 120 ml/m². Kein LGE.').category, 'OTHER');
  assert.notEqual(categorise('Befund: LVEDVi 110 ml/m² (Norm bis 105), LVEF 60 %, RVEDVi 120 ml/m². Kein LGE.').category, 'DCM');
  assert.equal(categorise('Befund: LVEDVi 130 ml/m² (Norm bis 105), LVEF 30 %, globale Hypokinesie. Kein LGE.').category, 'DCM');
});

test('a regional rise of T1 or T2 counts even when another region is printed first', () => {
  assert.ok(fired('Befund: T1 nativ septal 1010 ms, lateral 1105 ms (Norm 950-1050 ms). Subepikardiales LGE lateral.').includes('myo.t1'));
  assert.ok(!fired('Befund: T1 nativ septal 1010 ms, lateral 1040 ms (Norm 950-1050 ms). Subepikardiales LGE lateral.').includes('myo.t1'));
});

test('LGE only at the RV insertion point is non-specific; enlarged lymph nodes are no dilated ventricle', () => {
  assert.equal(categorise('Befund: LVEF 62 %. Punktförmiges LGE an der inferioren RV-Insertionsstelle, ansonsten kein LGE.\nBeurteilung: Unspezifisches LGE ohne Krankheitswert.').category, 'NORMAL');
  assert.equal(categorise('Befund: LVEF 61 %. Kein LGE. Hiläre Lymphknoten vergrößert (bekannt).\nBeurteilung: Kein Anhalt für eine kardiale Beteiligung der Sarkoidose.').category, 'NORMAL');
  // In hypertrophied myocardium the same LGE still supports HCM.
  assert.ok(fired('Befund: Asymmetrische Septumhypertrophie bis 19 mm. LGE an den RV-Insertionsstellen.').includes('hcm.lge'));
});

test('conduction disease with basal septal patchy LGE and oedema reads as sarcoidosis, with an infection as myocarditis', () => {
  const findings = 'Befund: Multifokales, fleckiges LGE basal anteroseptal und basal posterolateral, teils mittmyokardial, teils subepikardial. T1 erhöht. Regional erhöhte T2-Signalintensität basal septal im Sinne eines Ödems.';
  assert.equal(categorise(`Fragestellung: Rezidivierende VT. Neu aufgetretener AV-Block III°.\n${findings}`).category, 'CS');
  assert.equal(categorise(`Fragestellung: Fieber nach grippalem Infekt, Troponin erhöht.\n${findings}`).category, 'MYO');
});

test('a suspicion the report later rules out counts for nothing', () => {
  const r = categorise('A 25-year-old athlete was referred because of a suspicion of left ventricular non-compaction. CMR showed a prominent but normal trabecular layer, not meeting criteria for non-compaction cardiomyopathy. There was no late gadolinium enhancement.');
  assert.equal(r.category, 'NORMAL', JSON.stringify(r.scores));
});
