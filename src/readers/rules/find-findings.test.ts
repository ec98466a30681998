import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findFindings } from './find-findings.js';

/** The status the engine gives one concept in a text: "status" or "uncertain 0.6". */
function statusOf(text: string, concept: string, word?: string): string {
  const { mentions } = findFindings(text);
  const m = mentions.find((x) => x.concept === concept && (word === undefined || text.slice(x.span.start, x.span.end).toLowerCase().includes(word)));
  if (!m) return 'missing';
  return m.status === 'uncertain' ? `uncertain ${m.certainty}` : m.status;
}

// [name, text, concept, word in the mention (optional), expected status]
const CASES: [string, string, string, string | undefined, string][] = [
  // German negation
  ['kein', 'Befund: Kein Late Enhancement.', 'lge', undefined, 'negated'],
  ['kein Anhalt für', 'Beurteilung: Kein Anhalt für eine Myokarditis.', 'dx:MYO', undefined, 'negated'],
  ['kein Hinweis auf, list with oder', 'Befund: Kein Hinweis auf Ödem, Narbe oder Thrombus.', 'thrombus', undefined, 'negated'],
  ['comma ends the negation', 'Befund: Kein Perikarderguss, subepikardiales LGE inferolateral.', 'lge', undefined, 'affirmed'],
  ['LGE in the German genitive ("eines Late Enhancements")', 'Befund: Kein Nachweis eines Late Enhancements.', 'lge', undefined, 'negated'],
  ['early enhancement in the German genitive is hyperaemia, not LGE', 'Befund: Nachweis eines frühen Enhancements lateral.', 'hyperemia', undefined, 'affirmed'],
  ['reduced function: "Pumpfunktionsstörung"', 'Befund: Hochgradige Pumpfunktionsstörung des LV.', 'reduced-fn', undefined, 'affirmed'],
  ['LGE in the English plural', 'CMR: delayed enhancements in the septum.', 'lge', undefined, 'affirmed'],
  ['reduced function: "reduced LVEF" (English)', 'CMR: severely reduced LVEF.', 'reduced-fn', undefined, 'affirmed'],
  ['reduced function: "eingeschränkte LVEF" (German)', 'Befund: Hochgradig eingeschränkte LV-EF.', 'reduced-fn', undefined, 'affirmed'],
  // "nicht" before an inflected adjective negates the adjective only (ATTRIBUTIVE_NICHT)
  ['attributive nicht: the noun stays', 'Beurteilung: Nicht obstruktive hypertrophe Kardiomyopathie.', 'dx:HCM', undefined, 'affirmed'],
  ['attributive nicht: a later finding stays', 'Befund: Nicht dilatierter LV mit eingeschränkter EF von 40 %.', 'reduced-fn', undefined, 'affirmed'],
  ['attributive nicht: the adjective itself is negated', 'Befund: Nicht dilatierter LV mit eingeschränkter EF von 40 %.', 'dilated', undefined, 'negated'],
  ['attributive nicht: a concept that starts at the adjective is negated', 'Befund: Nicht eingeschränkte Pumpfunktion.', 'reduced-fn', undefined, 'negated'],
  ['attributive nicht: a non-enhancing filling defect is there', 'Befund: Nicht kontrastmittelaufnehmender Füllungsdefekt im Apex.', 'thrombus', undefined, 'affirmed'],
  ['attributive nicht: an adjective of being seen denies the noun', 'Befund: Nicht nachweisbare Narbe.', 'lge', undefined, 'negated'],
  ['predicative nicht negates as before', 'Befund: Der LV ist nicht dilatiert und nicht hypertrophiert.', 'hypertrophy', undefined, 'negated'],
  ['jedoch ends the negation', 'Befund: Kein Ödem, jedoch fleckiges LGE.', 'lge', undefined, 'affirmed'],
  ['post-negation nicht nachweisbar', 'Befund: Ein Perikarderguss ist nicht nachweisbar.', 'effusion', undefined, 'negated'],
  ['post-negation ausgeschlossen', 'Beurteilung: Eine Amyloidose wurde ausgeschlossen.', 'dx:CA', undefined, 'negated'],
  ['unauffällig after the concept', 'Befund: Late Enhancement unauffällig.', 'lge', undefined, 'negated'],
  ['ohne', 'Befund: Dilatierter LV ohne Narbe.', 'lge', undefined, 'negated'],
  ['nicht-ischämisch is a concept, not a negation', 'Befund: Nicht-ischämisches LGE-Muster.', 'lge-nonischemic', undefined, 'affirmed'],
  ['umlauts written out', 'Befund: Kein Oedem.', 'oedema', undefined, 'negated'],
  ['nicht mehr nachweisbar', 'Befund: Das 2019 beschriebene subepikardiale Enhancement ist nicht mehr nachweisbar.', 'lge', undefined, 'negated'],
  ['ohne Kontrastmittel is not a negation of what follows', 'Beurteilung: Soweit ohne Kontrastmittel beurteilbar unauffälliger Befund.', 'dx:NORMAL', undefined, 'affirmed'],
  // German uncertainty
  ['V.a.', 'Beurteilung: V.a. kardiale Sarkoidose.', 'dx:CS', undefined, 'uncertain 0.6'],
  ['DD', 'Beurteilung: Myokarditis, DD Sarkoidose.', 'dx:CS', undefined, 'uncertain 0.35'],
  ['am ehesten', 'Beurteilung: Am ehesten dilatative Kardiomyopathie.', 'dx:DCM', undefined, 'uncertain 0.8'],
  ['nicht auszuschließen means possible', 'Beurteilung: Eine HCM ist nicht auszuschließen.', 'dx:HCM', undefined, 'uncertain 0.35'],
  ['hochgradiger Verdacht', 'Beurteilung: Hochgradiger V.a. kardiale Amyloidose.', 'dx:CA', undefined, 'uncertain 0.8'],
  ['unwahrscheinlich', 'Beurteilung: Eine Myokarditis ist unwahrscheinlich.', 'dx:MYO', undefined, 'uncertain 0.15'],
  ['vereinbar mit affirms', 'Beurteilung: Befundkonstellation vereinbar mit einer akuten Myokarditis.', 'dx:MYO', undefined, 'affirmed'],
  // German history and questions
  ['Z.n.', 'Beurteilung: Z.n. Myokarditis.', 'dx:MYO', undefined, 'historical'],
  ['stattgehabt', 'Beurteilung: Narbe nach stattgehabter Myokarditis.', 'dx:MYO', undefined, 'historical'],
  ['Rückbildung: resolved', 'Beurteilung: Vollständige Rückbildung der Myokarditis-Befunde.', 'dx:MYO', undefined, 'historical'],
  ['question line', 'Fragestellung: Myokarditis?\nBefund: unauffällig.', 'dx:MYO', undefined, 'asked'],
  ['Ausschluss in the indication', 'Indikation: Ausschluss Amyloidose.\nBefund: unauffällig.', 'dx:CA', undefined, 'asked'],
  ['known disease in the history is context', 'Anamnese: Bekannte pulmonale Sarkoidose.\nBefund: unauffällig.', 'dx:CS', undefined, 'context'],
  ['a symptom listed under Fragestellung is a given', 'Fragestellung: Rezidivierende VT, KHK ausgeschlossen.\nBefund: unauffällig.', 'ctx:vt', undefined, 'context'],
  ['a symptom asked about under Fragestellung stays a question', 'Fragestellung: VT?\nBefund: unauffällig.', 'ctx:vt', undefined, 'asked'],
  ['suspicion in the history is the question', 'Anamnese: V.a. Myokarditis.\nBefund: unauffällig.', 'dx:MYO', undefined, 'asked'],
  // English
  ['no evidence of', 'Impression: No evidence of myocarditis.', 'dx:MYO', undefined, 'negated'],
  ['no evidence of prior infarction: negation runs past "prior"', 'Impression: No evidence of prior myocardial infarction.', 'dx:ICM', undefined, 'negated'],
  ['was excluded', 'Impression: Myocarditis was excluded.', 'dx:MYO', undefined, 'negated'],
  ['without', 'Findings: Dilated LV without late enhancement.', 'lge', undefined, 'negated'],
  ['suspected', 'Impression: Suspected cardiac sarcoidosis.', 'dx:CS', undefined, 'uncertain 0.6'],
  ['cannot be excluded', 'Impression: Amyloidosis cannot be excluded.', 'dx:CA', undefined, 'uncertain 0.35'],
  ['consistent with affirms', 'Impression: Findings consistent with hypertrophic cardiomyopathy.', 'dx:HCM', undefined, 'affirmed'],
  ['history of', 'Impression: History of myocarditis.', 'dx:MYO', undefined, 'historical'],
  ['no longer seen', 'Findings: The lateral late enhancement is no longer seen.', 'lge', undefined, 'negated'],
  ['without contrast is not a negation of what follows', 'Impression: On this study without contrast, normal cardiac MRI.', 'dx:NORMAL', undefined, 'affirmed'],
  ['has resolved', 'Impression: The myocarditis has resolved.', 'dx:MYO', undefined, 'historical'],
  ['"25-year-old" is an age, not the past', 'Findings: A 25-year-old athlete.', 'ctx:athlete', undefined, 'affirmed'],
  ['a question runs over its list', 'Findings: To exclude heart disease such as arrhythmogenic cardiomyopathy, myocarditis or sarcoidosis, she underwent CMR, which showed oedema.', 'dx:CS', undefined, 'asked'],
  ['and stops at the end of the list', 'Findings: To exclude heart disease such as cardiomyopathy, myocarditis or sarcoidosis, she underwent CMR, showing oedema.', 'oedema', undefined, 'affirmed'],
  ['rule out', 'Indication: Rule out myocarditis.\nFindings: normal.', 'dx:MYO', undefined, 'asked'],
  ['misspelling still found', 'Impression: Acute myocarditits.', 'dx:MYO', undefined, 'affirmed'],
  ['LGE sequence name is not a finding', 'Befund: In den LGE-Sequenzen kein Nachweis von Narben.', 'lge', 'lge', 'missing'],
];

for (const [name, text, concept, word, expected] of CASES) {
  test(`context: ${name}`, () => assert.equal(statusOf(text, concept, word), expected));
}

test('attributes of the sentence travel with the LGE mention', () => {
  const { mentions } = findFindings('Befund: Subepikardiales LGE basal inferolateral, keiner koronaren Versorgung folgend.');
  const lge = mentions.find((m) => m.concept === 'lge')!;
  for (const a of ['subepi', 'basal', 'lateral']) assert.ok(lge.attrs.has(a), a);
  assert.ok(mentions.some((m) => m.concept === 'lge-nonischemic' && m.status === 'affirmed'));
});

test('sections: a diagnosis in the assessment is marked as such', () => {
  const { mentions } = findFindings('Befund: LGE inferolateral.\nBeurteilung: Myokarditis.');
  assert.equal(mentions.find((m) => m.concept === 'dx:MYO')!.section, 'assessment');
});

// A reviewer's probe (2026-12-02): a negation's scope is cut at 500 characters, and the cut must not pass for the
// end of a list. Here the list after "No" is no list (its tail after "and" runs on without punctuation), so the
// negation ends at the first comma and the LGE near the cut stays affirmed, as before the cut existed.
test('a negation before a long run of commas does not reach a finding 480 characters on through the scope bound', () => {
  const text =
    'Impression: No pericardial effusion, pleural effusion, intracardiac thrombus, regional wall motion abnormality, septal flattening, aortic root dilatation, significant valvular regurgitation, atrial enlargement, RV dilatation, intracardiac shunt, cardiac mass, elevated native T1, elevated ECV, abnormal first-pass perfusion, left ventricular non-compaction, pericardial thickening, coronary anomaly, LVOT obstruction, SAM of the mitral valve, myocardial crypts seen today and mid-wall LGE in the basal septum is present, in keeping with non-ischaemic fibrosis.';
  assert.ok(text.indexOf('mid-wall LGE') > 470 && text.indexOf('mid-wall LGE') < 500);
  assert.equal(statusOf(text, 'lge'), 'affirmed');
  assert.equal(statusOf(text, 'effusion', 'pericardial'), 'negated');
});

// A helper's note (2026-12-02): "vereinbar mit", "consistent with" and "c/w" end a scope and state a diagnosis; the
// terminator took their span, so no diagnosis after them was ever marked as stated.
test('a diagnosis after a stating phrase that also ends a scope is stated', () => {
  for (const text of ['Beurteilung: Subepikardiales LGE, vereinbar mit Myokarditis.', 'Impression: Subepicardial LGE, consistent with myocarditis.', 'Impression: subepicardial LGE c/w myocarditis.']) {
    const m = findFindings(text).mentions.find((x) => x.concept === 'dx:MYO');
    assert.equal(m?.stated, true, text);
    assert.equal(m?.status, 'affirmed', text);
  }
  assert.equal(findFindings('Beurteilung: Myokarditis.').mentions.find((x) => x.concept === 'dx:MYO')?.stated, false);
});

test('concept: a sentence that grades two findings differently grades each in its own clause', () => {
  const grades = (text: string) => findFindings(text).mentions.map((m) => `${m.concept}:${['mild', 'severe'].filter((a) => m.attrs.has(a)).join('+')}`);
  assert.deepEqual(grades('Befund: Leichte Mitralinsuffizienz, hochgradig eingeschränkte LV-Funktion.'), ['dx:OTHER:mild', 'reduced-fn:severe']);
  assert.deepEqual(grades('Findings: Severe aortic regurgitation, mildly dilated LV.'), ['dx:OTHER:severe', 'dilated:mild']);
  // A clause without a grade of its own keeps the sentence's.
  assert.deepEqual(grades('Findings: Severely impaired LV function and mitral regurgitation, mild pericardial effusion.'), ['reduced-fn:severe', 'dx:OTHER:severe', 'effusion:mild']);
});
