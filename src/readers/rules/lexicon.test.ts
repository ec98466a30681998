/**
 * Parity of the lexicon (issue 12, round 4): every concept family is understood in both languages, with its
 * synonyms, abbreviations, spellings (British/American, umlaut or "oe", hyphenated German compounds), plural and
 * inflected forms, and every negation and hedge cue of DOMAIN.md. One test per family; each sentence is written
 * here, never taken from the real corpus.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findFindings, type Mention } from './find-findings.js';

const mentionsOf = (text: string, concept: string): Mention[] => findFindings(text).mentions.filter((m) => m.concept === concept);

/** Every sentence names the concept (affirmed, unless `status` says otherwise). */
function family(name: string, concept: string, sentences: string[], status = 'affirmed'): void {
  test(`lexicon family: ${name}`, () => {
    const missed = sentences.filter((s) => !mentionsOf(s, concept).some((m) => m.status === status));
    assert.deepEqual(missed, [], `not read as ${concept} (${status})`);
  });
}

/** Every sentence gives the concept's mention the attribute. */
function attribute(name: string, concept: string, attr: string, sentences: string[]): void {
  test(`lexicon attribute: ${name}`, () => {
    const missed = sentences.filter((s) => !mentionsOf(s, concept).some((m) => m.attrs.has(attr)));
    assert.deepEqual(missed, [], `no attribute ${attr}`);
  });
}

family('LGE (German compounds, hyphenations, abbreviations, scar and fibrosis words)', 'lge', [
  'Late-Gadolinium-Enhancement der Lateralwand.',
  'LGE-Nachweis inferolateral.',
  'Kontrastmittelanreicherung subepikardial lateral.',
  'Spätanreicherung der Hinterwand.',
  'Narben inferolateral.',
  'Fibrose intramyokardial septal.',
  'LE subepikardial lateral.',
  'Late-Enhancement-Nachweis lateral.',
  'Gadoliniumanreicherung basal septal.',
  'KM-Mehranreicherung lateral.',
  'Vernarbung der Hinterwand.',
  'narbige Veränderungen der Vorderwand.',
  'subendokardiale Signalanhebung in den Spätaufnahmen.',
]);

family('LGE (English words without "LGE")', 'lge', [
  'delayed hyperenhancement of the septum.',
  'replacement fibrosis of the septum.',
  'myocardial scarring of the inferior wall.',
  'enhancing foci in the septum.',
  'mid-wall striae of the septum.',
  'hyperintense areas on late images in the inferolateral wall.',
  'enhancement on PSIR images in the inferior wall.',
]);

family('oedema (German: Ödem/Oedem, T2w, STIR, TIRM compounds)', 'oedema', [
  'Myokardödem lateral.',
  'Myokardoedem lateral.',
  'ödematös verändertes Myokard.',
  'T2w-Signalerhöhung lateral.',
  'Signalanhebung in der STIR lateral.',
  'T2-Hyperintensität lateral.',
  'Myokard hyperintens in T2-TIRM.',
]);

family('oedema (English: oedema/edema, STIR, T2 ratio)', 'oedema', [
  'myocardial edema in the lateral wall.',
  'myocardial oedema in the lateral wall.',
  'oedematous lateral wall.',
  'signal increase in T2w images of the lateral wall.',
  'STIR-positive segments.',
  'increased T2 ratio of 2.3.',
]);

family('hyperaemia / early enhancement (Lake Louise 2009)', 'hyperemia', [
  'Globales relatives Enhancement erhöht.',
  'Hyperämie im frühen Enhancement.',
  'early gadolinium enhancement ratio 4.5.',
  'myocardial hyperaemia.',
]);

family('native T1 raised (erhöht, verlängert, prolongiert, elevated, raised)', 't1-high', [
  'native T1 erhöht.',
  'T1-Zeiten prolongiert.',
  'erhöhte native T1-Zeiten.',
  'prolongierte T1-Relaxationszeit.',
  'T1-Mapping mit erhöhten Werten.',
  'raised native T1.',
  'native T1 values were elevated.',
  'prolonged native T1.',
]);

family('T2 mapping raised', 't2-high', ['T2-Zeiten verlängert.', 'T2 prolongiert.', 'erhöhte T2-Zeiten.', 'T2-Mapping mit erhöhten Werten.', 'elevated T2 values.', 'prolonged T2.', 'raised T2 relaxation times.']);

family('ECV raised', 'ecv-high', ['ECV erhöht.', 'erhöhtes Extrazellulärvolumen.', 'Erhöhung des ECV.', 'raised ECV.', 'expansion of the extracellular volume.']);

family('wall motion (German adjectives and nouns, English)', 'wma', [
  'hypokinetische Vorderwand.',
  'akinetische Hinterwand.',
  'dyskinetische Herzspitze.',
  'Hypokinesien der Vorderwand.',
  'eingeschränkte Wandbewegung anterior.',
  'hypokinesis of the anterior wall.',
  'dyskinesis of the apex.',
  'reduced wall motion of the anterior wall.',
  'reduced systolic thickening of the anterior wall.',
]);

family('aneurysm', 'aneurysm', ['apikales Aneurysma.', 'aneurysmatische Herzspitze.', 'aneurysmal apex.', 'LV aneurysm.']);

family('dilated (inflections and compounds)', 'dilated', [
  'dilatierter linker Ventrikel.',
  'dilatierten LV.',
  'LV erweitert.',
  'vergrößerter LV.',
  'Ventrikeldilatation.',
  'LV-Vergrößerung.',
  'Vergrößerung des LV.',
  'enlarged LV.',
  'LV dilatation.',
  'The LV is large.',
  'LV deutlich groß.',
  'deutlich großer linker Ventrikel.',
]);

test('lexicon family: "LV normal groß" / "normal großer linker Ventrikel" is no dilatation', () => {
  assert.equal(mentionsOf('LV normal groß.', 'dilated').filter((m) => m.status === 'affirmed').length, 0);
  assert.equal(mentionsOf('Normal großer linker Ventrikel mit normaler Funktion.', 'dilated').filter((m) => m.status === 'affirmed').length, 0);
});

family('hypertrophy (inflections and compounds)', 'hypertrophy', [
  'hypertropher LV.',
  'hypertrophe Ventrikelwand.',
  'hypertrophiertes Septum.',
  'Septumhypertrophie.',
  'verdicktes Septum.',
  'Wandverdickung.',
  'septal thickening.',
  'thick LV walls.',
  'hypertrophy of the septum.',
]);

test('lexicon family: reduced systolic thickening is wall motion, not hypertrophy', () => {
  assert.equal(mentionsOf('reduced thickening of the anterior wall.', 'hypertrophy').length, 0);
});

family('reduced function (German and English, LVEF, dysfunction)', 'reduced-fn', [
  'hochgradig eingeschränkte Pumpfunktion.',
  'schlechte Pumpfunktion.',
  'LV-Dysfunktion.',
  'linksventrikuläre Dysfunktion.',
  'systolische Dysfunktion.',
  'reduced LVEF.',
  'poor LV function.',
  'HFrEF.',
]);

test('lexicon family: diastolic or microvascular dysfunction is no reduced systolic function', () => {
  for (const s of ['diastolic dysfunction.', 'diastolische Dysfunktion.', 'microvascular dysfunction.', 'mikrovaskuläre Dysfunktion.']) assert.equal(mentionsOf(s, 'reduced-fn').length, 0, s);
});

attribute('depth: transmural / subendocardial', 'lge', 'transmural', ['transmurales LGE der Vorderwand.', 'full-thickness LGE of the anterior wall.']);
attribute('depth: subendokardial / subendocardial', 'lge', 'subendo', ['subendokardiales LGE inferior.', 'subendocardial LGE inferior.']);
attribute('depth: intramural / mittmyokardial / mid-wall', 'lge', 'midwall', ['intramurales LGE septal.', 'mittmyokardiales LGE septal.', 'mid-myocardial LGE of the septum.', 'mid wall LGE of the septum.']);
attribute('depth: subepikardial / epikardial betont', 'lge', 'subepi', ['epikardial betontes LGE lateral.', 'sub-epicardial LGE lateral.']);
attribute('distribution: nodulär / fleckig / fleckförmig / patchy / blotchy', 'lge', 'patchy', ['noduläres LGE septal.', 'fleckförmige Anreicherung septal.', 'herdförmiges LGE septal.', 'nodular LGE of the septum.', 'blotchy LGE of the septum.', 'multiple foci of LGE.']);
attribute('distribution: multifokal / multiple areas (several segments of one wall are no multifocal pattern)', 'lge', 'multifocal', ['multifokales LGE.', 'LGE in mehreren Herden.', 'multiple areas of LGE.']);
attribute('distribution: streifig / linear / striae', 'lge', 'stripe', ['streifiges LGE septal.', 'striae of LGE in the septum.', 'a streak of LGE in the septum.']);
attribute('distribution: diffus / global / zebra', 'lge', 'diffuse', ['diffuses LGE.', 'global subendocardial LGE.', 'zebra pattern LGE.']);
attribute('territory: RIVA / RCX / RCA / LAD / LCx / Stromgebiet', 'lge', 'territory', ['LGE im RIVA-Stromgebiet.', 'LGE im RCX-Versorgungsgebiet.', 'LGE im RCA-Stromgebiet.', 'LGE in the LAD territory.', 'LGE in the LCx territory.', 'LGE im Stromgebiet der rechten Koronararterie.']);
attribute('wall: Hinterwand / inferolateral / posterolateral is inferior', 'lge', 'inferior', ['LGE der Hinterwand.', 'LGE inferolateral.', 'LGE posterolateral.', 'LGE der Hinterseitenwand.']);
attribute('wall: inferolateral / posterolateral is lateral', 'lge', 'lateral', ['LGE inferolateral.', 'LGE der Posterolateralwand.', 'LGE anterolateral.']);
attribute('wall: anteroseptal / Kammerscheidewand is septal', 'lge', 'septal', ['LGE anteroseptal.', 'LGE der Kammerscheidewand.', 'LGE inferoseptal.']);
attribute('wall: Vorderwand / anteroseptal is anterior', 'lge', 'anterior', ['LGE der Vorderwand.', 'LGE anteroseptal.']);
attribute('RV insertion points (Insertionsstellen, Umschlagpunkte, junctions)', 'lge', 'insertion', ['LGE an den Insertionsstellen.', 'LGE an den Umschlagpunkten.', 'LGE at the RV insertion points.', 'LGE at the junction points.']);
attribute('RV side of the septum', 'lge', 'rv-side', ['LGE septal rechtsventrikulär betont.', 'LGE on the RV aspect of the septum.']);

// ---- Negation and hedges (DOMAIN.md section 3, Cotik et al. 2016 plus the CMR additions) ----
family('negation before the term (Cotik PREN)', 'lge', [
  'Kein Hinweis auf LGE.',
  'Keinen Anhaltspunkt für eine Narbe.',
  'Kein Nachweis für LGE.',
  'Keine Anzeichen von Fibrose.',
  'Keine Zeichen von LGE.',
  'Keine Evidenz für LGE.',
  'Ohne Anzeichen von LGE.',
  'Ohne einen Hinweis auf LGE.',
  'Das Fehlen von LGE.',
  'Zeigt kein LGE.',
  'Frei von LGE.',
  'Kein Anhalt für LGE.',
  'Kein Nachweis eines LGE.',
  'Ohne Nachweis von LGE.',
  'Kein Late Enhancement.',
], 'negated');

family('negation after the term (Cotik POST and CMR additions)', 'lge', [
  'LGE nicht vorhanden.',
  'LGE ist nicht vorhanden.',
  'Ein LGE besteht nicht.',
  'Ein LGE existiert nicht.',
  'LGE zeigt sich nicht.',
  'LGE nicht zu sehen.',
  'LGE kommt nicht zum Vorschein.',
  'LGE nicht nachweisbar.',
  'LGE nicht abgrenzbar.',
  'Late Enhancement unauffällig.',
], 'negated');

family('negation of a diagnosis (German)', 'dx:MYO', [
  'Myokarditis verneint.',
  'Myokarditis wurde ausgeschlossen.',
  'Myokarditis kann ausgeschlossen werden.',
  'Eine Myokarditis ist auszuschließen.',
  'Ausgeschlossen: Myokarditis.',
  'Spricht nicht für eine Myokarditis.',
  'Ohne Verdacht auf Myokarditis.',
  'Beurteilung: Ausschluss einer Myokarditis.',
], 'negated');

family('negation (English)', 'lge', ['lack of LGE.', 'lacking LGE.', 'devoid of LGE.', 'LGE-negative myocardium.', 'No evidence of LGE.', 'There is no LGE.', 'LGE was absent.', 'Absence of LGE.', 'negative for LGE.', 'No LGE was identified.', 'LGE: none.', 'LGE: negative.', 'LGE was negative.', 'Free of LGE.'], 'negated');

test('lexicon family: "zum Ausschluss" and a question under the history stay questions', () => {
  assert.equal(mentionsOf('Fragestellung: Ausschluss einer Myokarditis.', 'dx:MYO')[0]?.status, 'asked');
  assert.equal(mentionsOf('Beurteilung: Zum Ausschluss einer Sarkoidose wird ein PET empfohlen.', 'dx:CS')[0]?.status, 'asked');
});

family('hedges (German: V.a., DD, a.e., i.S., vereinbar, passend, vermutlich, möglich, fraglich, grenzwertig)', 'dx:MYO', [
  'V.a. Myokarditis.',
  'Verdacht auf Myokarditis.',
  'DD Myokarditis.',
  'Differenzialdiagnose Myokarditis.',
  'differenzialdiagnostisch Myokarditis.',
  'a.e. Myokarditis.',
  'am ehesten Myokarditis.',
  'i.S. einer Myokarditis.',
  'im Sinne einer Myokarditis.',
  'passend zu Myokarditis.',
  'suggestiv für Myokarditis.',
  'vermutlich Myokarditis.',
  'wahrscheinlich Myokarditis.',
  'Myokarditis wahrscheinlich.',
  'möglicherweise Myokarditis.',
  'fragliche Myokarditis.',
  'grenzwertig Myokarditis.',
  'Myokarditis nicht sicher abgrenzbar.',
  'Myokarditis nicht ausgeschlossen.',
  'Eine Myokarditis ist nicht auszuschließen.',
  'scheinbar Myokarditis.',
  'eher Myokarditis.',
  'Myokarditis unwahrscheinlich.',
  'Myokarditis bleibt unsicher.',
  'nicht sicher Myokarditis.',
  'Es kann sich um eine Myokarditis handeln.',
  'nicht unbedingt Myokarditis.',
  'Beurteilung: Myokarditis?',
], 'uncertain');

family('hedges (English)', 'dx:MYO', [
  'Myocarditis cannot be excluded.',
  'Suspected myocarditis.',
  'Probable myocarditis.',
  'Myocarditis likely.',
  'Myocarditis unlikely.',
  'unlikely myocarditis.',
  'concerning for myocarditis.',
  'Myocarditis should be considered.',
  'may represent myocarditis.',
  'presumably myocarditis.',
  'in favour of myocarditis.',
  'indeterminate for myocarditis.',
], 'uncertain');

family('history (Z.n., Zustand nach, bekannte, stattgehabte, history of)', 'dx:MYO', ['Z.n. Myokarditis.', 'Zustand nach Myokarditis.', 'bekannte Myokarditis.', 'vereinbar mit einer stattgehabten Myokarditis.', 'History of myocarditis.', 'prior myocarditis.'], 'historical');

family('pseudo-negation and scope ends (Cotik PSEU, CONJ)', 'lge', ['Nicht nur LGE lateral, sondern auch septal.', 'Keine Veränderung des LGE lateral.', 'Kein Ödem, aber LGE lateral.', 'Kein Ödem, jedoch LGE lateral.', 'Kein Ödem, allerdings LGE lateral.', 'Kein Ödem, trotzdem LGE lateral.', 'Kein Ödem bis auf LGE lateral.', 'Kein Ödem abgesehen von LGE lateral.']);

family('a differential the text weighed ("was considered", "wurde erwogen", "kommt in Betracht")', 'dx:MYO', [
  'Myocarditis was considered in the differential.',
  'Myocarditis was also discussed.',
  'Eine Myokarditis wurde erwogen.',
  'Differenzialdiagnostisch kommt eine Myokarditis in Betracht.',
], 'uncertain');

family('a diagnosis not suspected', 'dx:CA', ['Amyloidosis was not suspected.', 'Eine Amyloidose wurde nicht vermutet.'], 'negated');

attribute('infarct extent as a share of the wall thickness', 'lge', 'subendo', ['LGE involving more than 75% of the wall thickness in the inferior segments.', 'LGE über 50 % der Wanddicke inferior.']);

family('pointing at a diagnosis without stating it (both languages)', 'dx:MYO', [
  'raising suspicion for myocarditis.',
  'pointing towards myocarditis.',
  'indicative of myocarditis.',
  'presumptive myocarditis.',
  'working diagnosis of myocarditis.',
  'a myocarditis is conceivable.',
  'richtungsweisend für eine Myokarditis.',
  'in erster Linie Myokarditis.',
  'an eine Myokarditis ist zu denken.',
  'Myokarditis denkbar.',
  'Arbeitsdiagnose Myokarditis.',
  'Aspekt einer Myokarditis.',
], 'uncertain');

family('LGE: German fibrosis compounds and late-contrast words', 'lge', ['Myokardfibrose septal.', 'Ersatzfibrose septal.', 'fibrotische Areale septal.', 'Fibroseareal septal.', 'Kontrastmittelspätanreicherung septal.', 'Spätkontrastierung septal.']);

test('lexicon family: fibrosis of the lungs or liver is no myocardial LGE', () => {
  for (const s of ['Lungenfibrose.', 'idiopathic pulmonary fibrosis.', 'Leberfibrose.']) assert.equal(mentionsOf(s, 'lge').length, 0, s);
});

family('hypertrophy: thickening in German word orders and English predicates', 'hypertrophy', ['Verdickung des Septums.', 'Verdickung der Ventrikelwände.', 'septal verdickt.', 'verdickte Myokardwände.', 'the septum was thickened.', 'the walls were thickened.']);

family('reduced function: German Funktionseinschränkung and compounds', 'reduced-fn', ['biventrikuläre Funktionseinschränkung.', 'Funktionseinschränkung des LV.', 'eingeschränkte Ventrikelfunktion.']);

test('lexicon family: a diastolic or renal Funktionseinschränkung is no reduced systolic function', () => {
  for (const s of ['diastolische Funktionseinschränkung.', 'Nierenfunktionseinschränkung.']) assert.equal(mentionsOf(s, 'reduced-fn').length, 0, s);
});

family('dilated: a spherical LV', 'dilated', ['spherical LV.', 'kugelige Konfiguration des LV.']);

family('a label answered with an absence (structured Befunde: "LGE: kein", "Late Enhancement: kein Nachweis")', 'lge', [
  'LGE: kein.',
  'LGE: keines.',
  'LE: negativ.',
  'Late Enhancement: nicht nachweisbar.',
  'Late Enhancement: kein Nachweis.',
  'LGE: nein.',
  'LGE: none.',
  'LGE: no.',
  'Ein LGE fehlt.',
  'LGE-Aufnahmen unauffällig.',
  'LGE imaging was negative.',
  'LGE images were unremarkable.',
], 'negated');

family('a label answered with an absence, other findings', 'oedema', ['Ödem: keines.', 'Myokardödem: nein.', 'Oedema: none.'], 'negated');

test('lexicon family: a label followed by a finding is that finding, not an absence', () => {
  assert.equal(mentionsOf('LGE: subepikardial lateral.', 'lge')[0]?.status, 'affirmed');
  assert.equal(mentionsOf('Befund: keine Narbe.', 'lge')[0]?.status, 'negated');
  assert.equal(mentionsOf('Late Enhancement: kein Nachweis einer Narbe, aber Ödem lateral.', 'oedema')[0]?.status, 'affirmed');
});

family('LGE: German Signalanreicherung, kontrastmittelaufnehmend', 'lge', ['subepikardiale Signalanreicherung lateral.', 'kontrastmittelaufnehmendes Myokard lateral.']);
attribute('distribution: punktuell / inselförmig / wolkig', 'lge', 'patchy', ['punktuelles LE septal.', 'inselförmiges LE septal.', 'wolkiges LE septal.']);

attribute('depth named by its layer (im Subendokard, in the subepicardium, Mittmyokard) or as not transmural', 'lge', 'subendo', ['LGE im Subendokard.', 'LGE reaching into the subendocardium of the anterior wall.', 'non-transmural LGE of the anterior wall.', 'nicht-transmurales LE der Vorderwand.']);
attribute('depth: subepicardium / Subepikard', 'lge', 'subepi', ['LGE in the subepicardium of the lateral wall.', 'LGE im Subepikard lateral.']);
attribute('depth: mid-myocardium / Mittmyokard', 'lge', 'midwall', ['LGE in the mid-myocardium of the septum.', 'LGE im Mittmyokard.']);
attribute('depth: the whole wall (gesamte Wanddicke)', 'lge', 'transmural', ['LGE der gesamten Wanddicke.']);

test('lexicon family: "nicht-transmural" is a depth, not a negation; sparing the subendocardium or endocardial contours name no subendocardial LGE', () => {
  assert.equal(mentionsOf('nicht-transmurales LE der Vorderwand.', 'lge')[0]?.status, 'affirmed');
  assert.ok(!mentionsOf('subepicardial LGE of the lateral wall sparing the subendocardium.', 'lge')[0]?.attrs.has('subendo'));
  assert.ok(!mentionsOf('Endocardial contours were traced; mid-wall LGE of the septum.', 'lge')[0]?.attrs.has('subendo'));
});

attribute('severity: markedly / erheblich', 't1-high', 'severe', ['markedly elevated native T1.', 'erheblich erhöhte native T1-Zeiten.']);

attribute('wall: Vorderseitenwand is anterior and lateral; Spitze is apical', 'lge', 'anterior', ['LGE der Vorderseitenwand.']);
attribute('wall: Spitze / LV-Spitze is apical', 'lge', 'apical', ['LGE an der Spitze.', 'LE der LV-Spitze.']);

family('LVNC: the non-compacted / compacted ratio above 2.3 in its spellings, at a sentence end', 'nc-ratio-high', ['NC/C-Verhältnis von 2,8.', 'NC/C-Ratio 3,1.', 'Verhältnis von nicht-kompaktiertem zu kompaktiertem Myokard 3,0.', 'NC:C ratio of 2.6.', 'non-compacted/compacted ratio 2.9.']);
family('LVNC: the ratio up to 2.3 is no non-compaction', 'nc-ratio-normal', ['NC/C-Verhältnis 1,8.', 'NC/C ratio 2.1.']);
family('valve disease: graded abbreviations', 'dx:OTHER', ['hochgradige AS.', 'MI III°.', 'severe MR.', 'persistierender Ductus arteriosus.']);
family('native T1 low (Fabry)', 't1-low', ['native T1 reduziert.', 'T1-Werte vermindert.', 'low native T1 values.']);

test('lexicon family: "moderate as well" names no valve', () => {
  assert.equal(mentionsOf('LV dysfunction was moderate as well.', 'dx:OTHER').length, 0);
});

test('lexicon family: an athlete trains; an "athletic" build is no athlete', () => {
  for (const s of ['History: competitive athlete.', 'Anamnese: Leistungssportler.', 'Triathlet.', 'Marathon runner.']) assert.ok(mentionsOf(s, 'ctx:athlete').length > 0, s);
  assert.equal(mentionsOf('A 27-year-old athletic man.', 'ctx:athlete').length, 0);
});

// ---- Paraphrase robustness (test/fixtures/paraphrase): the families other authors use for the same facts ----
family('LGE: abbreviations DE / HE where they stand as a finding, non-viable myocardium, necrosis', 'lge', [
  'DE of the entire RV wall.',
  'HE in the basal septum.',
  'DE-MRI of the lateral wall.',
  'non-viable myocardium of the anterior wall.',
  'nicht vitales Myokard der Vorderwand.',
  'Myokardnekrose der Vorderwand.',
  'subendocardial necrosis of the anterior wall.',
]);
test('lexicon family: "de" and "he" are no LGE as words of a sentence', () => {
  assert.equal(mentionsOf('He had chest pain; de novo lesion of the LAD.', 'lge').length, 0);
});
family('LGE following no coronary or vascular territory (English verbs, German forms)', 'lge-nonischemic', [
  'LGE not conforming to a coronary territory.',
  'LGE not following a vascular territory.',
  'LGE not respecting any coronary distribution.',
  'LGE in a non-vascular distribution.',
  'LGE keinem koronaren Versorgungsgebiet zuzuordnen.',
  'LGE ohne Bezug zu einem Koronarstromgebiet.',
]);
family('carpal tunnel syndrome: abbreviations CTS (bilateral) and KTS', 'ctx:carpal', ['Bilat CTS.', 'bilateral CTS.', 'KTS beidseits.', 'KTS-Operation beidseits.']);
test('lexicon family: a plain "CTs" (computed tomographies) is no carpal tunnel syndrome', () => {
  assert.equal(mentionsOf('Two CTs of the chest were normal.', 'ctx:carpal').length, 0);
});
family('complete heart block: CHB, CAVB, totaler AV-Block', 'ctx:av-block', ['ECG: CHB at 30/min.', 'CAVB.', 'totaler AV-Block.']);
family('ventricular arrhythmia abbreviations: NSVT, MMVT, VF', 'ctx:vt', ['Holter: NSVT.', 'sustained MMVT.', 'arrest in VF.']);
family('Löfgren: ankle (peri)arthritis beside erythema nodosum', 'ctx:sarcoid', ['Sprunggelenksarthritis beidseits.', 'bilateral ankle arthritis.', 'periarthritis of the ankles.']);
family('oedema: German "hohes Signal in STIR / T2"', 'oedema', ['hohes Signal in STIR lateral.', 'erhöhtes Signal in der T2-Wichtung septal.', 'vermehrtes Signal in TIRM.']);
family('mass: named by its chamber (RA/LA mass) or with an adjective a word before it', 'mass', ['RA mass, 4 cm.', 'left atrial mass.', 'rounded, well-circumscribed RA mass.', 'solid right atrial mass.']);
test('lexicon family: LV / RV mass is the myocardial mass (a measurement), not a tumour', () => {
  assert.equal(mentionsOf('LV mass was markedly elevated; RV mass 40 g.', 'mass').length, 0);
});
family('thinning: a thin apex, wall or compact layer', 'thinning', ['Thin LV apex.', 'thin compact myocardium at the apex.', 'dünne Herzspitze.', 'dünnes kompaktes Myokard.']);
family('reduced function: impairment', 'reduced-fn', ['global biventricular impairment.', 'LV systolic impairment.', 'moderate RV impairment.']);
family('congenital absence of the pericardium', 'dx:OTHER', ['no pericardium around the ventricles.']);
family('mitral valve disease: graded abbreviation after the name, billowing leaflets', 'dx:OTHER', ['MR graded moderate-to-severe.', 'AS graded severe.', 'billowing mitral leaflets.', 'mitral leaflets billowing into the LA.']);
family('hypertrophy: Verdickung des LV-Myokards', 'hypertrophy', ['Verdickung des apikalen LV-Myokards.', 'Verdickung des linksventrikulären Myokards.']);
family('biatrial enlargement: both atria in the plural', 'biatrial', ['große Vorhöfe.', 'vergrößerte Vorhöfe.', 'Vorhöfe dilatiert.', 'enlarged atria.']);
family('Fabry: the enzyme in German spelling', 'ctx:fabry', ['Alpha-Galaktosidase A vermindert.', 'α-Galaktosidase-Aktivität erniedrigt.']);
family('coronary dissection of a named artery', 'ctx:cad', ['Dissektion des RIVA.', 'dissection of the left anterior descending artery.', 'LAD dissection.']);
attribute('multifocal: disseminated LGE', 'lge', 'multifocal', ['disseminierte subepikardiale Kontrastmittelanreicherungen.', 'disseminated subepicardial LGE.']);
family('a normal study: "no other abnormality"', 'dx:NORMAL', ['CMR found no evidence of myocarditis and no other abnormality.']);
family('apical sparing of strain is an amyloid flag', 'ctx:bone-scan', ['relative apical sparing.', 'GLS reduced with apical sparing.', 'reduzierter Strain mit apikaler Aussparung.']);
test('lexicon family: a hypertrophy that spares the apex is no apical sparing of strain', () => {
  assert.equal(mentionsOf('Midventricular hypertrophy with apical sparing.', 'ctx:bone-scan').length, 0);
});
test('lexicon trigger: "post MI", "h/o" are history; "had been assumed", "HCM phenotype", "als ... eingestuft" hedge', () => {
  assert.equal(mentionsOf('70M post NSTEMI.', 'dx:ICM')[0]?.status, 'historical');
  assert.equal(mentionsOf('h/o myocarditis.', 'dx:MYO')[0]?.status, 'historical');
  assert.equal(mentionsOf('Severe aortic stenosis had been assumed.', 'dx:OTHER')[0]?.status, 'uncertain');
  assert.equal(mentionsOf('Echo: HCM phenotype.', 'dx:HCM')[0]?.status, 'uncertain');
  assert.equal(mentionsOf('Eine als hochgradig eingestufte Aortenklappenstenose.', 'dx:OTHER')[0]?.status, 'uncertain');
  assert.equal(mentionsOf('Echo query RA mass.', 'mass')[0]?.status, 'asked');
});
test('lexicon trigger: a suffix hedge ("-like") covers the word it is attached to, not its clause', () => {
  const text = 'Cardiac MRI showed concentric biventricular hypertrophy with diffuse oedema-like changes.';
  assert.equal(mentionsOf(text, 'hypertrophy')[0]?.status, 'affirmed');
  assert.equal(mentionsOf(text, 'oedema')[0]?.status, 'uncertain');
});
family('raised native T1: noun forms ("elevation of native T1", "Erhöhung der T1-Zeit")', 't1-high', ['Global elevation of native T1.', 'Erhöhung der nativen T1-Zeit.', 'globally raised native T1 and T2 mapping values.']);
family('raised T2: noun forms and T2 coordinated after a raised T1', 't2-high', ['Elevation of T2.', 'globally raised native T1 and T2 mapping values.', 'erhöhte T1- und T2-Zeiten.', 'elevation of native T1 and T2 values.']);
test('lexicon family: normal T1 and T2 is no raised T2', () => {
  assert.equal(mentionsOf('normal T1 and T2 values.', 't2-high').length, 0);
});
test('lexicon trigger: a hyphenated "nicht-/non-" adjective is no negation of what follows', () => {
  assert.equal(mentionsOf('bekannte nicht-obstruktive LV-Hypertrophie.', 'hypertrophy')[0]?.status, 'historical');
  assert.equal(mentionsOf('non-obstructive hypertrophy of the septum.', 'hypertrophy')[0]?.status, 'affirmed');
});
family('LGE sparing the subendocardium (German participle, English compound)', 'lge-nonischemic', ['Fibrose, teils subendokardial aussparend.', 'das Subendokard aussparendes LGE.', 'subendocardial-sparing LGE.', 'LGE keinem Koronargebiet folgend.']);
family('apical obliteration: German noun with genitive, English', 'apical-obliteration', ['Obliteration der Herzspitze durch Thrombus.', 'obliteration of the LV apex.']);
attribute('constriction: septal bounce, interdependence, pericardial calcification', 'pericardial', 'constriction', ['diastolic septal bounce.', 'ventricular interdependence with a thickened pericardium.', 'Septum-Bounce bei verdicktem Perikard.']);
family('recovery: "back to normal", "wieder im Normbereich"', 'ctx:recovery', ['T1 and T2 back to normal.', 'LVEF wieder im Normbereich.']);
test('lexicon trigger: regional and shorthand cues (Austrian "St. p.", Swiss "Status nach", US "w/o", "neg for", "c/w", "o.B.", "WNL")', () => {
  assert.equal(mentionsOf('St.p. NSTEMI mit Stent.', 'dx:ICM')[0]?.status, 'historical');
  assert.equal(mentionsOf('Status nach Myokarditis.', 'dx:MYO')[0]?.status, 'historical');
  assert.equal(mentionsOf('Cath w/o CAD.', 'ctx:cad')[0]?.status, 'negated');
  assert.equal(mentionsOf('Neg for LGE.', 'lge')[0]?.status, 'negated');
  assert.equal(mentionsOf('Findings c/w myocarditis.', 'dx:MYO')[0]?.status, 'affirmed');
  assert.equal(mentionsOf('Koronarien o.B.', 'ctx:normal-coronaries').length, 1);
  assert.equal(mentionsOf('Perikarderguss o.B.', 'effusion')[0]?.status, 'negated');
  assert.equal(mentionsOf('Oedema WNL.', 'oedema')[0]?.status, 'negated');
});
family('US abbreviations: ASH (asymmetric septal hypertrophy)', 'hypertrophy', ['ASH with SAM.']);
attribute('US abbreviations: ASH is septal (asymmetric septal hypertrophy)', 'hypertrophy', 'septal', ['ASH with SAM.']);
family('US abbreviations: HK (hypokinesis)', 'wma', ['HK of the anterior wall.']);
family('Takotsubo, inverted type: apical contraction preserved (English)', 'apical-sparing', ['akinesis of the basal segments with preserved apical contraction.', 'apical function normal.']);
test('lexicon family: an "infarktähnlich" pattern is no infarct', () => {
  assert.equal(mentionsOf('infarktähnliches konfluentes Enhancement apikal.', 'dx:ICM').length, 0);
});
family('constriction (German): respiratory septal shift, pericardial calcification', 'pericardial', ['frühinspiratorische Septumverlagerung nach links.', 'Perikardverkalkung.', 'zirkuläres Verkalkungsband des Perikards.', 'pericardial calcification.']);
attribute('diffuse: "im gesamten LV-Myokard"', 'lge', 'diffuse', ['konfluierendes Enhancement im gesamten LV-Myokard.', 'LGE des gesamten Myokards.']);
test('lexicon family: an infiltrative-granulomatous process is the granuloma\'s (sarcoid), not storage or infiltration', () => {
  assert.equal(mentionsOf('verdächtig auf einen infiltrativ-granulomatösen Prozess.', 'infiltrative').length, 0);
  assert.equal(mentionsOf('suspicious for an infiltrative/granulomatous process.', 'infiltrative').length, 0);
  assert.equal(mentionsOf('V.a. infiltrative Kardiomyopathie.', 'infiltrative').length, 1);
});

// A limited exam is one given no contrast; "no contrast enhancement" is a finding of that contrast (an abstention
// helper's note, 2026-12-02: "keine Kontrastmittelanreicherung" was read as an exam without contrast).
test('signal: no contrast given is a limitation, no contrast enhancement is not', () => {
  const limited = (text: string) => findFindings(text).signals().some((m) => m.concept === 'exam:limited' && m.status !== 'negated');
  const given = ['Untersuchung ohne Kontrastmittel (eGFR 20).', 'Keine Kontrastmittelgabe bei Allergie.', 'Ohne KM-Gabe.', 'Study performed without contrast.', 'No gadolinium was given.', 'No intravenous contrast.'];
  const findings = ['Keine Kontrastmittelanreicherung des Myokards.', 'Keine Kontrastmittelaufnahme der Raumforderung.', 'Kein KM-Enhancement.', 'No contrast enhancement of the mass.', 'No gadolinium uptake in the myocardium.', 'No contrast-enhancing lesion.'];
  assert.deepEqual(given.filter((t) => !limited(t)), [], 'not read as a limitation');
  assert.deepEqual(findings.filter(limited), [], 'read as a limitation');
});

// A biopsy or aspiration of a lymph node is a procedure, not a finding of enlarged nodes (devrules round: a sarcoid
// work-up's "lymph node biopsy" was read as hilar lymphadenopathy on this CMR).
test('lexicon family: a lymph node biopsy is a procedure, not lymphadenopathy', () => {
  const procedures = ['A biopsy was taken: the lymph node biopsy showed granulomas.', 'Lymph node aspiration was non-diagnostic.', 'Die Lymphknotenbiopsie ergab Granulome.', 'Lymphknoten-Punktion ohne Befund.'];
  assert.deepEqual(procedures.filter((t) => mentionsOf(t, 'lymph').length > 0), [], 'read as lymphadenopathy');
  const findings = ['Enlarged mediastinal lymph nodes.', 'Vergrößerte hiläre Lymphknoten beidseits.', 'Lymph nodes in the aortopulmonary window up to 15 mm.'];
  assert.deepEqual(findings.filter((t) => mentionsOf(t, 'lymph').length === 0), [], 'not read as lymph nodes');
});

// Bone scintigraphy (Gillmore 2016): myocardial tracer uptake is the finding; a scan without uptake or of grade 0 is none.
family('bone scintigraphy with myocardial uptake (DPD, PYP, HMDP, Perugini grade 2-3)', 'ctx:bone-scan-uptake', [
  'DPD scintigraphy: intense myocardial uptake.',
  'Tc-99m PYP scan showed diffuse cardiac uptake.',
  'Bone scan with grade 3 myocardial tracer uptake.',
  'Perugini grade 2.',
  'Knochenszintigraphie mit deutlicher myokardialer Anreicherung.',
  'DPD-Szintigraphie: kräftige kardiale Mehranreicherung.',
  'Pyrophosphat-Szintigraphie mit myokardialer Speicherung.',
  'Perugini-Grad 3.',
]);
test('lexicon family: a bone scan without myocardial uptake (or of grade 0) is no uptake', () => {
  const negative = ['Bone scintigraphy without myocardial uptake (Perugini grade 0).', 'DPD scan: no cardiac uptake.', 'Knochenszintigraphie ohne myokardiale Anreicherung.', 'PYP-Szintigraphie: keine kardiale Anreicherung, Perugini-Grad 0.'];
  const read = (t: string) => [...mentionsOf(t, 'ctx:bone-scan-uptake'), ...mentionsOf(t, 'ctx:bone-scan')].filter((m) => m.status !== 'negated');
  assert.deepEqual(negative.filter((t) => read(t).length > 0), [], 'read as uptake');
});
family('sparkling / granular / ground-glass myocardium on echo (infiltration, ESC 2021 red flag)', 'infiltrative', [
  'Echo: sparkling myocardial texture.',
  'Echo showed a granular myocardial appearance.',
  'Ground-glass myocardial echogenicity.',
  'Increased myocardial echogenicity.',
  'TTE: granuläre Myokardtextur.',
  'Echo: milchglasartig verstärkte Myokardechogenität.',
  'Vermehrte Echogenität des Myokards.',
]);

family('walls of normal thickness', 'normal-wall', ['CMR: normal LV wall thickness.', 'Normal wall thickness throughout.', 'Wall thickness was normal.', 'Normale linksventrikuläre Wanddicke.', 'Wanddicke normal.', 'Die Wanddicke ist im Normbereich.']);

attribute('LGE of the myocardium and the pericardium together', 'lge', 'pericardium-lge', ['Late enhancement of the myocardium and of the pericardium.', 'Delayed enhancement in the walls as well as in the pericardium.', 'Late Enhancement des Myokards und des Perikards.', 'LGE der Wände sowie im Perikard.']);
family('a septal defect told as a defect of the septum', 'dx:OTHER', ['A defect in the inferior part of the atrial septum with a left-to-right jet.', 'Defect of the interventricular septum.', 'Defekt im unteren Anteil des Vorhofseptums.', 'Defekt des Kammerseptums.']);
family('a septal defect ruled out as a defect of the septum', 'dx:OTHER', ['No defect of the atrial septum.', 'Kein Defekt im Vorhofseptum.'], 'negated');

// The nulling family (DOMAIN.md: abnormal gadolinium kinetics): any word that says the myocardium did not null well.
family('difficult nulling: the quality words of a poor null', 'nulling', [
  'LGE with suboptimal myocardial nulling.',
  'Poor nulling of the myocardium despite several TI scouts.',
  'inadequate myocardial nulling.',
  'Suboptimale Nullung des Myokards.',
  'unzureichende Nullung des Myokards trotz TI-Scout.',
  'Das Myokard lässt sich nur ungenügend nullen.',
]);
family('valve thickening: thickened valves named by their names, in lists and German compounds', 'valve-thickening', [
  'thickened aortic, mitral and tricuspid valves.',
  'thickened mitral and tricuspid valve leaflets.',
  'thickening of the mitral and aortic valves.',
  'verdickte Aortenklappe.',
  'verdickte Mitral- und Trikuspidalklappe.',
  'Verdickung der Mitral- und Aortenklappe.',
  'the mitral valve leaflets are thickened.',
]);
