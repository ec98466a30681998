import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UNCLASSIFIED } from '../../taxonomy/taxonomy.js';
import { createRulesReader } from './rules-reader.js';

const reader = createRulesReader();
// Every text carries this name; no message may repeat it (messages never quote a report).
const CANARY = 'Zebulonowski';

// [name, text, expected category or `UNCLASSIFIED:<reason>`]
const CASES: [string, string, string][] = [
  // Aborted or non-diagnostic exams
  ['aborted exam (German): claustrophobia after the localisers', `Kardio-MRT, Pat. ${CANARY}\nFragestellung: Myokarditis?\nBefund: Die Untersuchung musste wegen Klaustrophobie nach den Localizern abgebrochen werden.\nBeurteilung: Nicht diagnostische Untersuchung, Wiederholung in Sedierung empfohlen.`, 'UNCLASSIFIED:non_diagnostic'],
  ['aborted exam (English): terminated at the patient’s request', `Cardiac MRI, patient ${CANARY}\nIndication: suspected myocarditis.\nFindings: The examination was terminated early at the patient's request because of claustrophobia. No diagnostic images were obtained.\nImpression: Non-diagnostic study.`, 'UNCLASSIFIED:non_diagnostic'],
  ['aborted after cine with a normal EF: no LGE was acquired, which is not "no LGE"', `Kardio-MRT ${CANARY}\nBefund: LVEF 61 %, keine Wandbewegungsstörungen. Untersuchung vor der Kontrastmittelgabe wegen Unruhe abgebrochen, kein LGE akquiriert.`, 'UNCLASSIFIED:non_diagnostic'],
  ['aborted after cine and LGE, both normal: the question was answered', `Kardio-MRT ${CANARY}\nBefund: LVEF 63 %, keine Wandbewegungsstörungen. Kein Late Enhancement. Das T2-Mapping wurde wegen Klaustrophobie abgebrochen.`, 'NORMAL'],
  ['motion artefacts and contrast declined (German)', `Kardio-MRT ${CANARY}\nBefund: Ausgeprägte Bewegungs- und Atemartefakte. Kontrastmittelgabe wurde vom Patienten abgelehnt.\nBeurteilung: Keine verwertbare Aussage.`, 'UNCLASSIFIED:non_diagnostic'],
  ['contrast not given and nothing judged (English)', `Cardiac MR ${CANARY}\nTechnique: cine imaging only; contrast was not administered (eGFR 18).\nFindings: Image quality limited by breathing artefacts.\nImpression: Limited study.`, 'UNCLASSIFIED:non_diagnostic'],
  // Not a CMR report
  ['CT thorax report (German) with lymphadenopathy is no sarcoidosis', `CT Thorax mit Kontrastmittel, Pat. ${CANARY}\nFragestellung: Lungenarterienembolie?\nBefund: Kein Nachweis einer Lungenarterienembolie. Herz normal groß, kein Perikarderguss. Mediastinale und hiläre Lymphknoten bis 14 mm.\nBeurteilung: Keine LAE. Mediastinale Lymphadenopathie.`, 'UNCLASSIFIED:not_cmr'],
  ['CT thorax report (English)', `CT chest with contrast (CTPA), patient ${CANARY}\nFindings: No pulmonary embolism. Heart size normal. No pericardial effusion. Lungs clear.\nImpression: No PE.`, 'UNCLASSIFIED:not_cmr'],
  ['echo-only text (German), normal', `Transthorakale Echokardiographie ${CANARY}\nBefund: LV normal groß, LVEF biplan 60 %, keine regionalen Wandbewegungsstörungen. TAPSE 22 mm. Kein Perikarderguss.\nBeurteilung: Unauffällige Echokardiographie.`, 'UNCLASSIFIED:not_cmr'],
  ['echo-only text (English) with HCM findings', `Transthoracic echocardiogram ${CANARY}\nFindings: Asymmetric septal hypertrophy 19 mm with systolic anterior motion and LVOT gradient 64 mmHg. LVEF 70 %.\nConclusion: Hypertrophic obstructive cardiomyopathy.`, 'UNCLASSIFIED:not_cmr'],
  ['lab values only (German)', `Laborwerte ${CANARY} vom 02.03.2024\nHb 13,4 g/dl\nLeukozyten 7,2 /nl\nKreatinin 0,9 mg/dl\nCRP 3,1 mg/l\nTroponin T hs 9 ng/l\nNT-proBNP 120 pg/ml`, 'UNCLASSIFIED:not_cmr'],
  ['lab values only (English)', `Laboratory results ${CANARY}\nHaemoglobin 13.9 g/dL\nCreatinine 78 umol/L\nCRP 2 mg/L\nhs-Troponin I 4 ng/L`, 'UNCLASSIFIED:not_cmr'],
  ['discharge letter naming a past infarction', `Entlassungsbrief\nSehr geehrte Frau Kollegin, wir berichten über Herrn ${CANARY}, der sich vom 01.02. bis 05.02. in stationärer Behandlung befand.\nDiagnosen: Z.n. Vorderwandinfarkt 2019, KHK, arterielle Hypertonie.\nTherapie: ASS, Ramipril.`, 'UNCLASSIFIED:not_cmr'],
  ['random prose', `The quick brown fox ${CANARY} jumps over the lazy dog. The children played in the garden until dinner.`, 'UNCLASSIFIED:not_cmr'],
  ['a binary-looking text', `%PDF-1.4\u0000\u0001\u0002\u0003 ${CANARY} stream\u0000\u0010\u0011x\u0012\u0013\u0014\u0015endobj\u0000\u0000`, 'UNCLASSIFIED:not_cmr'],
  ['a CMR report that recommends FDG-PET stays a CMR report (pins hw-de-06)', `Befund (${CANARY}): LVEF 47 %. Fleckige, teils transmurale Kontrastmittelanreicherungen basal septal (rechtsventrikulär betont), nicht-koronares Verteilungsmuster. Mediastinale Lymphknoten bis 2 cm.\nBeurteilung: Vereinbar mit kardialer Sarkoidose. Zur Aktivitätsbeurteilung FDG-PET.`, 'CS'],
  ['a German case naming its MR exam "Kernspintomographie" after an echo line is a CMR text', `Echokardiographie (${CANARY}): LVEF 35 %.\nKernspintomographie: Narbe der Vorderwand mit Akinesie, Z.n. Vorderwandinfarkt.`, 'ICM'],
  ['an English case naming its exam "MR imaging" after an echo line is a CMR text', `Echo (${CANARY}): LVEF 35 %.\nMR imaging: scar of the anterior wall with akinesia after a previous anterior infarction.`, 'ICM'],
  ['a case description naming no MR term but describing scar by its depth is a CMR text', `A 58-year-old man (${CANARY}). Echocardiography showed an LVEF of 35 % with anterior akinesia. There was transmural scar of the anterior wall in the LAD territory.`, 'ICM'],
  // No findings
  ['empty findings (German)', `Kardio-MRT vom 12.01.2024, ${CANARY}\nFragestellung: Kardiomyopathie?\nTechnik: 1,5 T, Cine-SSFP, T1-/T2-Mapping, LGE.\nBefund:\nBeurteilung:`, 'UNCLASSIFIED:no_findings'],
  ['empty findings (English)', `Cardiac MRI, ${CANARY}\nIndication: cardiomyopathy?\nTechnique: 1.5 T, cine SSFP, T1 and T2 mapping, LGE.\nFindings: see images.\nImpression: to follow.`, 'UNCLASSIFIED:no_findings'],
  ['a negated disease alone is no evidence of a normal study', `Kardio-MRT ${CANARY}\nBeurteilung: Kein Anhalt für eine Myokarditis.`, 'UNCLASSIFIED:no_findings'],
  // NORMAL needs positive evidence, and has it here
  ['a short but real normal report (English)', `Cardiac MRI (${CANARY}): normal LV size and function, no LGE.`, 'NORMAL'],
  ['a short but real normal report (German)', `Kardio-MRT (${CANARY}): Normale biventrikuläre Funktion, kein LGE.`, 'NORMAL'],
  ['German "Normalbefund" with negated diseases', `Kardio-MRT ${CANARY}\nBefund: Kein Anhalt für Myokarditis, Amyloidose, Sarkoidose oder eine Kardiomyopathie. Kein Perikarderguss.\nBeurteilung: Normalbefund, insbesondere kein Hinweis auf eine Myokarditis oder eine KHK.`, 'NORMAL'],
  ['"unauffälliges Kardio-MRT" with negated diseases', `Beurteilung (${CANARY}): Unauffälliges Kardio-MRT, insbesondere kein Anhalt für Myokarditis oder Kardiomyopathie.`, 'NORMAL'],
  ['"Befund: unauffällig." is a stated normal study', `Kardio-MRT ${CANARY}\nBefund: unauffällig.`, 'NORMAL'],
  ['English case description: "the CMR was normal"', `A 40-year-old man (${CANARY}) with ventricular ectopy underwent CMR. Ventricular volumes and ejection fractions were normal. The CMR was normal.`, 'NORMAL'],
  ['numbers only, all normal', `Kardio-MRT ${CANARY}\nLVEF 62 % (57-77), LVEDVi 78 ml/m² (57-105), T1 nativ 980 ms (Norm < 1020 ms).`, 'NORMAL'],
];

for (const [name, text, expected] of CASES) {
  test(`abstention: ${name}`, async () => {
    const p = await reader.classify({ id: 'r', text });
    const got = p.category === UNCLASSIFIED ? `${UNCLASSIFIED}:${p.unclassified?.reason}` : p.category;
    assert.equal(got, expected, JSON.stringify({ scores: p.scores, unclassified: p.unclassified }));
    if (p.category === UNCLASSIFIED) {
      assert.ok(p.unclassified && p.unclassified.message.length > 0);
      assert.ok(!p.unclassified.message.includes(CANARY), 'the message quotes the report');
      assert.equal(p.details, undefined, 'no engine outcome when it abstained');
    } else {
      assert.equal(p.unclassified, undefined, 'unclassified is set exactly when the category is UNCLASSIFIED');
    }
  });
}

test('a non-diagnostic exam quotes the sentence that says so as evidence', async () => {
  const text = 'Kardio-MRT\nBefund: Die Untersuchung wurde wegen Klaustrophobie abgebrochen.';
  const p = await reader.classify({ id: 'r', text });
  assert.equal(p.unclassified?.reason, 'non_diagnostic');
  assert.match(p.evidence[0]?.quote ?? '', /Die Untersuchung wurde wegen Klaustrophobie abgebrochen\.$/);
  assert.equal(text.slice(p.evidence[0]!.start!, p.evidence[0]!.end!), p.evidence[0]!.quote);
});

test('"no motion artefacts" is no limitation of the exam', async () => {
  assert.equal((await reader.classify({ id: 'r', text: 'Kardio-MRT\nBefund: Keine Bewegungsartefakte. Kein LGE.' })).category, 'NORMAL');
});
