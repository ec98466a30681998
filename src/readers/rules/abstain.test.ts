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
  ['another modality the opening only advises ("Szintigraphie empfohlen") is not what the text is', `Beurteilung (${CANARY}): V.a. kardiale Amyloidose bei konzentrischer Hypertrophie und diffusem LE; Szintigraphie empfohlen.`, 'CA'],
  ['a laboratory value in the history\'s first line does not make the text a laboratory report', `Anamnese (${CANARY}): Atemabhängige Thoraxschmerzen, CRP 80 mg/l.\nBefund: Perikardblätter verdickt und kräftig kontrastmittelaufnehmend, kleiner Erguss. Myokard ohne pathologische Anreicherung. LVEF 60 %.`, 'OTHER'],
  ['"normale Pumpfunktion" and no late enhancement (genitive) are positive evidence of a normal study', `Befund (${CANARY}): Kein Nachweis eines Late Enhancements. Normale Pumpfunktion.\nBeurteilung: Myokarditis unwahrscheinlich.`, 'NORMAL'],
  ['the ventricles\' size and function and a segment with late enhancement are the heart\'s (mapping names the MR)', `Fragestellung (${CANARY}): Troponin positiv.\nBefund: Normale Ventrikelgrößen und -funktion. Fokales LE inferolateral, T1 nativ 1110 ms erhöht, T2 58 ms erhöht.`, 'MYO'],
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
  // An MR word is not enough: the MRI must be of the heart (issue 12, hostile-tester pass: H1)
  ['an MR exam of another organ (German): MRT der LWS', `MRT der LWS ${CANARY}\nBefund: Bandscheibenprotrusion L4/5. Keine Spinalkanalstenose.\nBeurteilung: Degenerative Veränderungen.`, 'UNCLASSIFIED:not_cmr'],
  ['an MR exam of another organ (English): MRI of the shoulder', `MRI left shoulder ${CANARY}\nFindings: Intact rotator cuff. No effusion.\nImpression: Normal study.`, 'UNCLASSIFIED:not_cmr'],
  ['a cranial MRI ("cMRT") with an infarct negated is no CMR', `cMRT ${CANARY}\nBefund: Keine Ischämie. Kein Infarkt.\nBeurteilung: Unauffällig.`, 'UNCLASSIFIED:not_cmr'],
  ['an MR exam that names nothing of the heart is no CMR', `MRI with gadolinium ${CANARY}\nFindings: No abnormal enhancement.\nImpression: Normal.`, 'UNCLASSIFIED:not_cmr'],
  ['a plain "MRT" with the heart named is a CMR', `MRT ${CANARY}\nBefund: Normale LV-Funktion, LVEF 60 %. Kein LGE.`, 'NORMAL'],
  // Another modality's report that merely mentions or recommends an MRI is that modality (H2)
  ['an echo whose advice names a Kardio-MRT (German) is still an echo', `TTE ${CANARY}\nBefund: Septum 18 mm, LVEF 65 %.\nBeurteilung: V.a. HCM. Weitere Abklärung mittels Kardio-MRT empfohlen.`, 'UNCLASSIFIED:not_cmr'],
  ['a coronary CT whose recommendation names a cardiac MRI (English) is still a CT', `CT coronary angiography ${CANARY}\nFindings: Agatston 0, no coronary stenosis. Normal LV size.\nRecommendation: cardiac MRI if symptoms persist.`, 'UNCLASSIFIED:not_cmr'],
  ['late enhancement under a cardiac CT title (German "Spätanreicherung") is the CT\'s', `Kardio-CT ${CANARY}\nBefund: Subendokardiale Spätanreicherung anterior, LVEF 38 %.\nBeurteilung: Alter Vorderwandinfarkt.`, 'UNCLASSIFIED:not_cmr'],
  ['an English case text telling ECG, echo and CT before its CMR findings stays a CMR text', `A 50-year-old man (${CANARY}). ECG showed sinus rhythm. Echocardiography showed an LVEF of 50 %. Coronary CT angiography showed no stenosis. Cardiac MRI showed subepicardial LGE of the lateral wall with oedema there.`, 'MYO'],
  ['a German case text telling ECG, echo and angiography under "Anamnese" stays a CMR text', `Anamnese: Patient ${CANARY}, EKG mit ST-Hebungen, Echokardiographie mit LVEF 50 %, Koronarangiographie ohne Stenosen.\nKardio-MRT: Subepikardiales LGE inferolateral mit Ödem inferolateral.`, 'MYO'],
  ['an echo whose history tells a dated earlier CMR is still an echo (German)', `Transthorakale Echokardiographie ${CANARY}\nAnamnese: Z.n. Myokarditis 2019 (Kardio-MRT: subepikardiales LGE).\nBefund: LVEF 60 %, keine Wandbewegungsstörungen.\nBeurteilung: Normalbefund.`, 'UNCLASSIFIED:not_cmr'],
  ['an echo compared with an earlier cardiac MRI is still an echo (English)', `Echocardiogram ${CANARY}\nComparison: cardiac MRI 2021 showed no LGE.\nFindings: LVEF 58 %, normal wall motion.\nConclusion: Normal echo.`, 'UNCLASSIFIED:not_cmr'],
  ['a case text whose CMR is told under its history without a date stays a CMR text', `Anamnese: Patientin ${CANARY}, Echokardiographie mit LVEF 35 %. Im Kardio-MRT zeigte sich ein mittmyokardiales LGE septal bei dilatiertem LV (LVEDVi 135 ml/m²).`, 'DCM'],
  // Other modalities and documents the list missed (H3)
  ['a right heart catheter report (German compound) is no CMR', `Rechtsherzkatheter ${CANARY}\nPAP mean 35 mmHg, PCWP 12 mmHg, LVEF normal.\nBeurteilung: Präkapilläre pulmonale Hypertonie.`, 'UNCLASSIFIED:not_cmr'],
  ['left ventriculography (English) is no CMR', `Left ventriculography and coronary angiography ${CANARY}\nFindings: anterior akinesia, EF 40 %, occluded LAD.`, 'UNCLASSIFIED:not_cmr'],
  ['a one-word German stress echo ("Belastungsechokardiographie") is an echo', `Belastungsechokardiographie ${CANARY}\nBefund: In Ruhe und unter Belastung normale Wandbewegung, LVEF 62 %.\nBeurteilung: Kein Ischämienachweis.`, 'UNCLASSIFIED:not_cmr'],
  ['an abdominal ultrasound (English) is no CMR', `Abdominal ultrasound ${CANARY}\nLiver normal in size. No ascites.\nImpression: Normal study.`, 'UNCLASSIFIED:not_cmr'],
  ['a Langzeit-EKG (German) is no CMR', `Langzeit-EKG ${CANARY}\nSinusrhythmus, mittlere HF 70/min, keine Pausen.\nBeurteilung: Unauffällig.`, 'UNCLASSIFIED:not_cmr'],
  ['a 12-lead ECG (English) is no CMR', `12-lead ECG ${CANARY}\nSinus rhythm 64/min, normal axis, QTc 420 ms.\nConclusion: Normal ECG.`, 'UNCLASSIFIED:not_cmr'],
  ['ECG gating is part of the MR exam: the numbers of an "EKG-getriggerte" sequence are the CMR\'s', `Kardio-MRT ${CANARY}\nBefund (EKG-getriggert): LVEF 60 %.`, 'NORMAL'],
  ['a spin-echo sequence is MR, not an echo: its "no oedema" is the CMR\'s', `Cardiac MRI ${CANARY}\nFindings: Turbo spin echo images show no oedema.`, 'NORMAL'],
  // A generic normal statement naming no organ is no positive evidence of a normal CMR (H4)
  ['a generic normal statement with no cardiac word (German) is no CMR text', `Beurteilung (${CANARY}): Kein pathologischer Befund.`, 'UNCLASSIFIED:not_cmr'],
  ['a generic normal statement with no cardiac word (English) is no CMR text', `Normal study (${CANARY}).`, 'UNCLASSIFIED:not_cmr'],
  ['the same generic statement of a named cardiac MR is a stated normal study', `Kardio-MRT ${CANARY}\nBeurteilung: Kein pathologischer Befund.`, 'NORMAL'],
  // "Not performed" is no negative finding (M2)
  ['an exam stopped before gadolinium has no evidence of no LGE (English)', `Cardiac MRI ${CANARY}\nFindings: LVEF 60 %, normal wall motion. The scan was stopped before gadolinium because of claustrophobia. No LGE.`, 'UNCLASSIFIED:non_diagnostic'],
  ['"Kein LGE (nicht akquiriert)" after an early end is no evidence of no LGE (German)', `Kardio-MRT ${CANARY}\nBefund: LVEF 62 %, keine Wandbewegungsstörungen. Untersuchung wegen Unruhe vorzeitig beendet. Kein LGE (nicht akquiriert).`, 'UNCLASSIFIED:non_diagnostic'],
  // The history does not decide (M3)
  ['an earlier exam aborted in the history does not make today\'s complete exam non-diagnostic (English)', `Cardiac MRI ${CANARY}\nHistory: previous CMR in 2022 was aborted because of claustrophobia.\nFindings: LVEF 63 %, normal LV size. No LGE.`, 'NORMAL'],
  ['today\'s aborted exam with amyloidosis known from the history gives no category (German)', `Kardio-MRT ${CANARY}\nAnamnese: Bekannte AL-Amyloidose mit Herzbeteiligung.\nBefund: Untersuchung nach den Localizern wegen Klaustrophobie abgebrochen.`, 'UNCLASSIFIED:non_diagnostic'],
  ['an aborted exam that still found the scar keeps the disease', `Kardio-MRT ${CANARY}\nAnamnese: Z.n. Hinterwandinfarkt.\nBefund: Untersuchung nach den LGE-Sequenzen abgebrochen. Transmurales LGE inferior.`, 'ICM'],
  // Another exam's numbers are no evidence of a normal CMR (M4)
  ['an outside echo\'s EF in the history is no evidence of a normal CMR (English)', `Cardiac MRI ${CANARY}\nHistory: outside echo with normal LV function, EF 60 %.\nFindings: see images.`, 'UNCLASSIFIED:no_findings'],
  ['an echo\'s EF quoted among the findings is the echo\'s (German)', `Kardio-MRT ${CANARY}\nBefund: Echokardiographisch LVEF 60 %. Bilder folgen.`, 'UNCLASSIFIED:no_findings'],
  // Stated normal studies, as families of one concept in both languages and word orders (M5)
  ['a normal depiction of the heart, verb form (German): "Das Herz ist regelrecht dargestellt"', `Kardio-MRT ${CANARY}\nBeurteilung: Das Herz ist regelrecht dargestellt.`, 'NORMAL'],
  ['a normal depiction of the heart, noun last (German): "Darstellung des Herzens unauffällig"', `Kardio-MRT ${CANARY}\nBeurteilung: Darstellung des Herzens unauffällig.`, 'NORMAL'],
  ['no cardiac pathology (German): "Keine kardiale Pathologie nachweisbar"', `Kardio-MRT ${CANARY}\nBeurteilung: Keine kardiale Pathologie nachweisbar.`, 'NORMAL'],
  ['no pathology (German): "Kein Hinweis auf eine kardiale Pathologie"', `Kardio-MRT ${CANARY}\nBeurteilung: Kein Hinweis auf eine kardiale Pathologie.`, 'NORMAL'],
  ['no pathology (German): "Ohne krankhaften Befund"', `Kardio-MRT ${CANARY}\nBeurteilung: Ohne krankhaften Befund.`, 'NORMAL'],
  ['no pathology (English): "No cardiac pathology identified"', `Cardiac MRI ${CANARY}\nImpression: No cardiac pathology identified.`, 'NORMAL'],
  ['no pathology (English): "No evidence of any cardiac abnormality"', `Cardiac MRI ${CANARY}\nConclusion: No evidence of any cardiac abnormality.`, 'NORMAL'],
  ['nothing abnormal (English): "Nothing abnormal seen"', `Cardiac MRI ${CANARY}\nImpression: Nothing abnormal seen.`, 'NORMAL'],
  ['a normal heart (English): "The heart appears normal"', `CMR ${CANARY}\nImpression: The heart appears normal.`, 'NORMAL'],
  ['a normal heart (English): "Normal appearances of the heart"', `CMR ${CANARY}\nImpression: Normal appearances of the heart.`, 'NORMAL'],
  ['the exam named with its verdict (English): "CMR: within normal limits."', `CMR (${CANARY})\nCMR: within normal limits.`, 'NORMAL'],
  ['the exam named with its verdict (German): "Kardio-MRT: unauffällig."', `Patient ${CANARY}\nKardio-MRT: unauffällig.`, 'NORMAL'],
  // The exam and its verdict joined by a verb, in both languages: "was within normal limits", "was reported as normal",
  // "showed normal findings", "ergab keinen krankhaften Befund", "zeigte einen regelrechten Befund"
  ['the exam with its verdict by a verb (English): "was within normal limits"', `Patient ${CANARY}\nCardiac MRI was within normal limits.`, 'NORMAL'],
  ['the exam with its verdict by a verb (English): "was reported as normal"', `Patient ${CANARY}\nA CMR was reported as normal.`, 'NORMAL'],
  ['the exam with its verdict by a verb (English): "magnetic resonance imaging was entirely unremarkable"', `Patient ${CANARY}\nCardiac magnetic resonance imaging was entirely unremarkable.`, 'NORMAL'],
  ['the exam with its verdict by a verb (English): "showed normal findings"', `Patient ${CANARY}\nCardiac MRI showed normal findings.`, 'NORMAL'],
  ['the exam with its verdict by a verb (German): "ergab keinen krankhaften Befund"', `Überweisung wegen Palpitationen (${CANARY}).\nDas Herz-MRT ergab keinen krankhaften Befund.`, 'NORMAL'],
  ['the exam with its verdict by a verb (German): "zeigte einen regelrechten Befund"', `Überweisung wegen Palpitationen (${CANARY}).\nEin Kardio-MRT zeigte einen regelrechten Befund.`, 'NORMAL'],
  // Normal function, size and no LGE in more of their words: the ejection fraction "im Normbereich", "regelrechte/
  // unauffällige Kinetik", "Herzhöhlen normal weit", "chamber sizes were normal", the myocardium's thickness, "Spät-
  // hyperenhancement"
  ['normal function: "Ejektionsfraktion im Normbereich"', `Kardio-MRT ${CANARY}\nBefund: Linksventrikuläre Ejektionsfraktion im Normbereich.`, 'NORMAL'],
  ['normal function: "Regelrechte Kinetik"', `Kardio-MRT ${CANARY}\nBefund: Regelrechte Kinetik.`, 'NORMAL'],
  ['normal function: "Unauffällige Kinetik"', `Kardio-MRT ${CANARY}\nBefund: Unauffällige Kinetik.`, 'NORMAL'],
  ['normal size: "Herzhöhlen normal weit"', `Kardio-MRT ${CANARY}\nBefund: Herzhöhlen normal weit.`, 'NORMAL'],
  ['normal size: "Chamber sizes were normal"', `Cardiac MRI ${CANARY}\nFindings: Chamber sizes were normal.`, 'NORMAL'],
  ['normal size: "Normale Myokarddicke"', `Kardio-MRT ${CANARY}\nBefund: Normale Myokarddicke.`, 'NORMAL'],
  ['normal size: "Normal myocardial thickness"', `Cardiac MRI ${CANARY}\nFindings: Normal myocardial thickness.`, 'NORMAL'],
  ['no LGE: "Keine Späthyperenhancement-Areale"', `Kardio-MRT ${CANARY}\nBefund: Keine Späthyperenhancement-Areale.`, 'NORMAL'],
  // One disease ruled out is no evidence that the rest of the heart is normal
  ['one disease ruled out is no normal study ("No evidence of myocarditis")', `Cardiac MRI ${CANARY}\nFindings: No evidence of myocarditis.`, 'UNCLASSIFIED:no_findings'],
  // A CMR that was not possible or not done, with another modality's numbers: no category from this exam
  ['a CMR not possible, with the echo\'s EF, gives no category (German)', `Patient ${CANARY}\nEine Kardio-MRT war wegen des Schrittmachers nicht möglich. Die Echokardiographie zeigte eine LVEF von 35 %.`, 'UNCLASSIFIED:non_diagnostic'],
  ['a CMR that could not be performed, with the echo\'s EF, gives no category (English)', `Patient ${CANARY}\nCardiac MRI could not be performed because of the device. Transthoracic echocardiography showed an LVEF of 35 %.`, 'UNCLASSIFIED:non_diagnostic'],
  ['"FS:" (Fragestellung) asks: the suspicion of an exam aborted after the localisers is no answer', `FS: V.a. Myokarditis (${CANARY}).\nBefund: Nach den Localizern Abbruch der Untersuchung auf Wunsch der Patientin. Keine diagnostischen Sequenzen.`, 'UNCLASSIFIED:non_diagnostic'],
  ['one structure without pathology is no stated normal study ("Perikard ohne pathologischen Befund")', `Kardio-MRT ${CANARY}\nBefund: Perikard ohne pathologischen Befund.`, 'UNCLASSIFIED:no_findings'],
  // A normal statement does not override an exam stopped as a whole, in either language (M6)
  ['a normal statement of an exam stopped as a whole gives no category (English)', `Cardiac MRI ${CANARY}\nFindings: The study was terminated after the localisers at the patient's request.\nImpression: No abnormality seen on the images obtained.`, 'UNCLASSIFIED:non_diagnostic'],
  ['a normal statement of an exam stopped as a whole gives no category (German)', `Kardio-MRT ${CANARY}\nBefund: Untersuchung nach den Localizern abgebrochen.\nBeurteilung: Normalbefund in den akquirierten Sequenzen.`, 'UNCLASSIFIED:non_diagnostic'],
  ['a stated normal study beside one stopped sequence still stands (German)', `Kardio-MRT ${CANARY}\nBefund: Die Perfusionssequenz wurde abgebrochen.\nBeurteilung: Unauffälliges Kardio-MRT.`, 'NORMAL'],
  ['a stated normal study beside one stopped sequence still stands (English)', `Cardiac MRI ${CANARY}\nFindings: The T2 mapping was stopped early.\nImpression: Normal cardiac MRI.`, 'NORMAL'],
  // An organ in the title is often the reason for the scan; the heart's own findings make the exam the heart's
  ['an organ in the title is the reason for the scan when the heart has findings (German)', `MRT Thorax bei Belastungsdyspnoe (${CANARY})\nBefund: LV normal groß, LVEF 58 %, keine Wandbewegungsstörungen. Kein Late Enhancement.\nBeurteilung: Unauffälliger Befund.`, 'NORMAL'],
  ['an organ in the title is the reason for the scan when the heart has findings (English)', `MRI for renal failure work-up (${CANARY})\nFindings: Dilated LV, LVEF 28 %, no LGE.\nImpression: dilated cardiomyopathy.`, 'DCM'],
  ['a chest MRI that says only that the heart is of normal size stays a chest MRI', `MRT Thorax (${CANARY})\nBefund: Lunge ohne Rundherde. Herz normal groß. Kein Pleuraerguss.\nBeurteilung: Unauffällig.`, 'UNCLASSIFIED:not_cmr'],
  // The title's MR name is this exam, whatever plan its clause names
  ['the MR name that opens the text is this exam although its clause names a plan (English)', `Cardiac MRI before planned pulmonary vein isolation (${CANARY}). Echo: normal.\nFindings: LVEF 60 %, normal LV and RV size and function.`, 'NORMAL'],
  ['the MR name that opens the text is this exam although its clause names a plan (German)', `Kardio-MRT vor geplanter Ablation (${CANARY}), Echokardiographie auswärts unauffällig.\nBefund: LVEF 62 %, normale Ventrikelgrößen und -funktion.`, 'NORMAL'],
  // A stress perfusion report names the heart by its stress agent, its perfusion defects and its coronary arteries
  // The exam named with its verdict in shorthand is a stated normal study
  ['the exam named with "o.B." / "ohne Befund" is a stated normal study', `Herz-MRT vom 03.04.2025 (${CANARY}): ohne Befund.`, 'NORMAL'],
  ['British "NAD" after the exam is a stated normal study', `CMR (${CANARY}): NAD.`, 'NORMAL'],
  ['British "normal appearances" as the conclusion is a stated normal study', `Cardiac MRI (${CANARY})\nConclusion: normal appearances.`, 'NORMAL'],
  // A perfusion defect is an abnormal finding: NORMAL's own evidence (no LGE, a normal EF) does not outweigh it
  ['an inducible perfusion defect in a coronary territory without scar is ischaemic, not normal (German)', `Stress-MRT mit Adenosin (${CANARY})\nBefund: LVEF 64 %. Stressinduzierter Perfusionsdefekt im RCX-Versorgungsgebiet. Kein Late Enhancement.\nBeurteilung: Ischämie im RCX-Gebiet.`, 'ICM'],
  ['an inducible perfusion defect in a coronary territory without scar is ischaemic, not normal (English)', `Regadenoson stress CMR (${CANARY})\nFindings: LVEF 59 %, no regional wall motion abnormality at rest. Perfusion defect in the RCA territory under stress. No late gadolinium enhancement.`, 'ICM'],
  ['a stress perfusion report with only a negative perfusion result and a stated normal study (German)', `Stress-MRT mit Regadenoson (${CANARY})\nKeine Perfusionsdefekte unter Stress.\nBeurteilung: Normalbefund.`, 'NORMAL'],
  ['a CMR report whose question names the echo and whose findings say "T2 hyperintens" (spelled with a space) is a CMR report', `Fragestellung (${CANARY}): Raumforderung im linken Vorhof in der Echokardiographie.\nBefund: 3 x 2 cm große, gestielte, mobile Raumforderung am interatrialen Septum im linken Vorhof, T2 hyperintens, heterogenes Kontrastmittelverhalten. LV und RV normal groß mit normaler Funktion.`, 'OTHER'],
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
