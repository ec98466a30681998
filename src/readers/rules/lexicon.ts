/**
 * The guideline engine's vocabulary: clinical concepts of CMR reports and the ConText triggers that change
 * what a mention means (negation, uncertainty, history, a question), in German and English. German triggers
 * follow the NegEx list of Cotik et al. 2016 with the CMR additions of DOMAIN.md. Patterns are written with
 * umlauts and run on folded text (see fold-text.ts), where "ä" may also have been spelled "ae" in the report.
 */

import type { DxCategory, OtherSubtype } from './outcomes.js';

export type { DxCategory };

export type ConceptId =
  | `dx:${DxCategory}`
  | 'lge' | 'lge-ischemic' | 'lge-nonischemic' | 'oedema' | 't1-high' | 't1-low' | 't2-high' | 'ecv-high'
  | 'wma' | 'hypertrophy' | 'dilated' | 'reduced-fn' | 'hyperdynamic' | 'sam' | 'effusion' | 'pleural' | 'pericardial'
  | 'nulling' | 'lymph' | 'thinning' | 'thrombus' | 'aneurysm' | 'perfusion-defect' | 'atrial-septum' | 'biatrial'
  | 'trabeculation' | 'ballooning' | 'mass' | 'valve' | 'extracardiac' | 'mvo' | 'nc-ratio-high' | 'nc-ratio-normal' | 'valve-thickening' | 'pet-uptake' | 'fat' | 'infiltrative' | 'apical-sparing' | 'apical-obliteration'
  | 'ctx:av-block' | 'ctx:vt' | 'ctx:low-voltage' | 'ctx:carpal' | 'ctx:gammopathy' | 'ctx:hypertension' | 'ctx:infection'
  | 'ctx:troponin' | 'ctx:normal-coronaries' | 'ctx:cad' | 'ctx:acs' | 'ctx:sarcoid' | 'ctx:neuromuscular' | 'ctx:genetic-dcm'
  | 'ctx:eosinophilia' | 'ctx:arvc-gene' | 'ctx:fabry' | 'ctx:bone-scan' | 'ctx:bone-scan-uptake' | 'ctx:transfusion' | 'ctx:recovery' | 'ctx:stress' | 'ctx:bnp' | 'ctx:athlete' | 'ctx:hfpef' | 'ctx:family' | 'ctx:scd' | 'ctx:cardiotoxic'
  | 'ctx:pericarditis' | 'ctx:amyloid-flag' | 'ctx:endemic' | 'inflammation' | 'rv-pressure' | 'cmr-exam' | 'hcm-marker' | 'normal-wall' | 'not-systolic' | 'hyperemia' | 'device'
  | SignalId;

/**
 * Signals: what a report says about the exam itself and positive statements of normality. They are found with
 * their ConText status like any concept but kept apart from the findings the criteria score, so they only
 * decide whether the engine may answer at all (abstain.ts).
 */
export type SignalId = 'exam:aborted' | 'exam:limited' | 'normal:stated' | 'normal:function' | 'normal:size' | 'normal:tissue';

export interface ConceptDef {
  id: ConceptId;
  patterns: string[];
  /** For OTHER diagnoses: which one (Takotsubo, Fabry, ...). */
  subtype?: OtherSubtype;
  /** A diagnosis often only secondary to another (pulmonary hypertension): named as functional or mild, it counts little. */
  secondary?: boolean;
  /** A verdict on the rest of the study ("no other abnormality", "otherwise normal"): normal apart from what was named. */
  rest?: boolean;
}

const W = String.raw`[a-z]*`; // the rest of a word (folded text has no umlauts)
/** After a German "PE": no year and no words of an embolism ("große PE 2020", "neue PE rechts bis segmental, Lyse"). */
const NOT_EMBOLISM = String.raw`(?! ?(?:19|20)\d\d)(?![^.\n]{0,60}(?:segmental|lungen|lyse|antikoag|marcumar|ct))`;
/** A heart valve by its name, or its German compound ("Aortenklappe", "Mitralsegel"). */
const VALVE = String.raw`(?:(?:aorten|mitral|tri[ck]uspidal|pulmonal)(?:klappe|segel)${W}|valves?|valve leaflets|leaflets|klappen${W}|segel${W})`;
/** Valve names before the last one: "aortic, mitral and ", "Mitral- und ". */
const VALVE_LIST = String.raw`(?:(?:aort${W}|mitral|tri[ck]uspid${W}|pulmon${W}|av),? (?:and |or |und |sowie )?){0,4}`;
/** "nicht sicher", "nicht mit (letzter) Sicherheit", "nicht gänzlich" ... before auszuschließen: all say it stays possible. */
const NOT_SURELY = String.raw`nicht (?:sicher |(?:mit )?(?:letzter |absoluter |hinreichender )?sicherheit |gänzlich |völlig |ganz |vollständig |komplett |definitiv |eindeutig )?`;

/**
 * The non-compacted / compacted ratio's name in its spellings ("NC/C", "NC:C-Ratio", "Verhältnis von nicht-kompaktiertem
 * zu kompaktiertem Myokard"), for the Petersen 2005 threshold below.
 */
const NC_RATIO = String.raw`(?:nc ?[/:] ?c|non ?compacted ?(?:to |/ ?)compacted(?: myocardium| layer)?|nicht ?kompaktiert${W} ?(?:zu |/ ?)kompaktiert${W}(?: myokard${W}| schicht)?|(?:ratio|verhältnis) (?:of |von |des )?(?:the )?(?:non ?compacted|nicht ?kompaktiert${W}) ?(?:to |zu |/ ?)(?:the )?(?:compacted|kompaktiert${W})(?: myocardium| layer| myokard${W}| schicht)?)(?:[ -]?(?:ratio|verhältnis))?`;

/**
 * Where a T2* was measured, between its name and its value ("T2* im mittleren Septum 9 ms", "T2* of the mid
 * interventricular septum was 8 ms"): words of the heart's walls only, so another value further on is not read as it.
 */
const T2STAR_PLACE = String.raw`(?: (?:im|in|of|at|des|der|the|mid|mittler${W}|basal${W}|interventricular|interventrikulär${W}|septum|septal${W}|septums|myokard${W}|myocardium|myocardial|lv|wall|wand)){0,5}`;

export const CONCEPTS: ConceptDef[] = [
  // Outside the heart: infarcts of other organs and oedema of the lungs or legs are no myocardial infarction or
  // myocardial oedema. First in the lexicon, so a compound ("Lungenödem", "Niereninfarkt") is read as this on a tie.
  { id: 'extracardiac', patterns: [String.raw`(?:renal|splenic|cerebral|lacunar|pulmonary|bowel|mesenteric|kidney|brain|cerebellar|retinal) (?:\w+ )?infarct(?:s|ion|ions)?`, String.raw`(?:nieren|milz|hirn|lungen|kleinhirn|darm|mesenterial)infarkt${W}`, String.raw`renal infarction`, String.raw`(?:pulmonary|lung|alveolar|peripheral|ankle|leg|pedal|pitting|lower[- ]limb|lower[- ]extremity|cerebral|macular|facial|periorbital|bilateral leg) (?:o|oe|e)dema${W}`, String.raw`(?:lungen|bein|knöchel|unterschenkel|lid|hirn|gesichts|lungenstauungs)ödem${W}`, String.raw`periphere${W} ödem${W}`, String.raw`(?:o|oe|e)dema (?:of|in) the (?:lungs?|legs?|ankles?|lower (?:limbs|extremities))`, String.raw`(?:lungen|leber|nieren|haut)fibrose${W}`, String.raw`(?:pulmonary|lung|liver|hepatic|renal|skin|cystic|idiopathic pulmonary) fibrosis`] },
  // ---- Diagnoses ----
  { id: 'dx:HCM', patterns: [String.raw`hypertroph${W}[ -](?:(?:nicht-?|non-?)?obstru[ck]tiv${W}[ -])?[ck]ardiomy?o?path${W}`, String.raw`hypertrophic (?:(?:non-?)?obstructive )?cardiomy?o?path${W}`, 'h[on]?cmp?', 'apikale hcm', 'apical hcm', 'yamaguchi'] },
  { id: 'dx:CA', patterns: [`${W}amyloid${W}`, 'tafamidis', 'patisiran', 'vutrisiran', 'inotersen', 'eplontersen', 'acoramidis', 'attr(?:-?cm|wt|v)?', `transthyretin${W}`] },
  { id: 'dx:CS', patterns: [`${W}sar[ck]o?id${W}`, String.raw`(?:morbus |besnier-?)boeck${W}`] },
  { id: 'dx:MYO', patterns: [`${W}myo[ck]ardit${W}`, 'myo ?peri[ck]ardit[a-z]*', String.raw`(?:entzündlich|inflammatorisch)${W} kardiomyopathie`, 'inflammatory cardiomyopathy', String.raw`(?:herzmuskel|myokard)entzündung${W}`, String.raw`lake[- ]louise[- ]?(?:kriterien|criteria)`] },
  { id: 'dx:ICM', patterns: [String.raw`ischämisch${W} [ck]ardiomy?o?path${W}`, String.raw`isch(?:a?e|ae)mic cardiomy?o?path${W}`, 'icmp?', String.raw`${W}infarkt(?!ähnlich|artig)${W}`, `${W}infarct${W}`, 'n?stemi', String.raw`ischämisch${W} (?:myokard)?schädigung`, String.raw`isch(?:a?e|ae)mic (?:myocardial )?(?:injury|damage)`, String.raw`(?:prior|previous|old|remote|inferior|anterior|lateral|posterior) mi`, 'vwi'] },
  { id: 'dx:DCM', patterns: [String.raw`dilatativ${W} (?:\w+ )?[ck]ardiomy?o?path${W}`, String.raw`dilated (?:non ?ischa?emic )?cardiomy?o?path${W}`, String.raw`(?:dilatativ${W}|dilated) (?:\w+ )?(?:phänotyp${W}|phenotype|herzerkrankung|herzmuskelerkrankung|heart muscle disease)`, 'dcmp?', 'nidcm', 'nicm', 'ndlvc', 'hndc', String.raw`non ?dilated left ventricular cardiomyopathy`, String.raw`hypokinetic non ?dilated cardiomyopathy`, String.raw`nicht ?dilatativ${W} linksventrikulär${W} kardiomyopathie`, String.raw`non ?isch(?:a?e|ae)mic (?:dilated )?cardiomyopathy`, String.raw`nicht ?ischämisch${W} (?:dilatativ${W} )?kardiomyopathie`, `peripartum${W}`] },
  { id: 'dx:NORMAL', patterns: ['normalbefund', String.raw`o\. ?p\. ?b\.?`, String.raw`unauffällig${W} (?:kardio ?mrt|kardiale${W} (?:mrt|magnetresonanztomographie|mr ?tomographie|untersuchung)|mrt des herzens|herz ?mrt|cmr|untersuchung|befund)`, String.raw`(?:kardio ?mrt|herz ?mrt|mrt des herzens) (?:ohne (?:pathologischen )?befund|unauffällig|normal)`, String.raw`(?:regelrechter|normaler) befund`, String.raw`kein(?:e)? pathologisch${W} befund${W}`, String.raw`normal (?:cardiac |cardiovascular )?(?:mri|cmr|mr|study|examination|exam|scan)`, String.raw`(?:structurally (?:and functionally )?|functionally )normal heart`, String.raw`no (?:significant )?(?:cardiac |structural )?abnormalit(?:y|ies)`, String.raw`unremarkable (?:cardiac )?(?:mri|cmr|study|examination)`, String.raw`no (?:cmr|mri|mr) abnormalit(?:y|ies)`, String.raw`no (?:pathologic(?:al)?|abnormal) (?:cardiac )?findings?`, String.raw`(?:normal|anatomic(?:al)?) variants?`, `normvariante${W}`, String.raw`anatomisch${W} variante${W}`, String.raw`no (?:evidence of )?structural (?:heart|cardiac) disease`, String.raw`kein${W} (?:hinweis auf (?:eine )?|anhalt für (?:eine )?)?strukturell${W} herzerkrankung`, String.raw`strukturell${W} (?:normal${W}|unauffällig${W}) herz${W}`, String.raw`(?:did|does|do) not (?:show|reveal|demonstrate|detect) any (?:\w+ )?abnormalit(?:y|ies)`, String.raw`without (?:any )?(?:significant |relevant )?(?:cardiac )?abnormalit(?:y|ies)`, String.raw`(?:cmr|mri|mr) findings (?:were|are) (?:normal|unremarkable)`, String.raw`(?:ohne|keine) (?:wesentlich${W} |relevant${W} |pathologisch${W} )?(?:kardial${W} )?auffälligkeiten`] },
  // The rest of the study normal, beside what the report named: no verdict of a normal study by itself (diagnoses.ts).
  { id: 'dx:NORMAL', rest: true, patterns: [String.raw`no (?:other|further|additional) (?:significant )?(?:cardiac |structural )?abnormalit(?:y|ies)`, String.raw`otherwise (?:normal|unremarkable)`, String.raw`(?:keine|ohne) (?:weiter${W}|sonstig${W}|anderen) (?:wesentlich${W} |relevant${W} |pathologisch${W} )?(?:auffälligkeiten|pathologien|befunde)`, String.raw`(?:sonst|ansonsten|im übrigen|übrig${W}) (?:\w+ )?(?:normalbefund|unauffällig${W})`] },
  { id: 'dx:OTHER', subtype: 'takotsubo', patterns: [String.raw`tako[- ]?tsubo${W}`, `stress ?kardiomyopathie`, String.raw`stress(?:-?induced)? cardiomyopathy`, String.raw`stress ?induziert${W} kardiomyopathie`, String.raw`apical ballooning syndrome`, String.raw`broken[- ]heart${W}`] },
  { id: 'dx:OTHER', subtype: 'lvnc', patterns: [`non ?compaction${W}`, 'noncompaction', 'lvnc', `hypertrabekularisierung`, String.raw`(?:lv |left ventricular |linksventrikulär${W} )?hypertrabe(?:c|k)ul${W}`, String.raw`spongy myocardium`, String.raw`spongiös${W} myokard`] },
  { id: 'dx:OTHER', subtype: 'fabry', patterns: [`${W}fabry${W}`] },
  { id: 'dx:OTHER', subtype: 'arvc', patterns: ['arvc', 'arvd', 'alvc', 'acm', String.raw`arrhythmogen${W} (?:rechtsventrikulär${W} )?(?:kardiomyopathie|dysplasie)`, String.raw`arrhythmogenic (?:right ventricular |left ventricular )?(?:cardiomyopathy|dysplasia)`, String.raw`right[- ]ventricular cardiomyopathy`, String.raw`rechtsventrikulär${W} kardiomyopathie`] },
  { id: 'dx:OTHER', subtype: 'pericarditis', patterns: [`${W}perikarditis`, `pericarditis`, String.raw`(?:herzbeutel|perikard)entzündung${W}`, String.raw`entzündung (?:des )?(?:herzbeutels|perikards)`, String.raw`inflammation of the pericardium`, String.raw`pericarditis constrictiva`, String.raw`pericardial constriction`, String.raw`perikardkonstriktion`, 'panzerherz', String.raw`constrictive pericardial disease`] },
  { id: 'dx:OTHER', subtype: 'valve', patterns: [String.raw`(?:aorten|mitral|trikuspidal|pulmonal)(?:klappen)?(?:stenose|insuffizienz)`, String.raw`(?:aortic|mitral|tricuspid|pulmonary|pulmonic) (?:valve )?(?:stenosis|regurgitation|insufficiency)`, `klappenvitium`, 'vitium', `klappeninsuffizienz${W}`, String.raw`valv(?:e|ular) regurgitation`, String.raw`flail (?:\w+ )?(?:leaflet|segment|scallop)s?`, String.raw`(?:durchschlagend${W}|flail-?)(?:segel|segment)${W}`, String.raw`valvular heart disease`, String.raw`valv(?:e|ular) disease`, `${W}klappenerkrankung${W}`, `klappenstenose`, String.raw`stenosiert${W} (?:\w+ ){0,2}(?:aorten|mitral|pulmonal)klappe`, String.raw`(?:aorten|mitral|trikuspidal|pulmonal)klappe${W} (?:\w+ ){0,4}?(?:stenos${W}|insuffizien${W}|prolaps${W})`, String.raw`(?:mitral|aortic|tricuspid) valve (?:\w+ ){0,3}?(?:prolapse|stenosis|regurgitation)`, String.raw`mitral annular disjunction`, String.raw`mitral(?:klappen)?(?:annulus|ring)-?disjunktion`, String.raw`barlow${W}`, String.raw`(?:bicuspid|bikuspid${W}) (?:aortic valve|aortenklappe)`, String.raw`mitral${W} (?:valve )?prolapse`, String.raw`mitralklappenprolaps${W}`,
    // Abbreviations with a grade or severity ("hochgradige AS", "MI III°", "severe MR"); bare "MR" is also the exam.
    String.raw`(?:hochgradig${W}|schwer${W}|mittelgradig${W}) (?:as|ai|mi|ti|ms|pi)`, String.raw`(?:severe|moderate|moderate-to-severe) (?:ar|mr|tr)`, String.raw`(?:as|ai|mi|ti|ms|pi) (?:i{1,3}|iv|[1-4])°`, String.raw`(?:ar|mr|tr|as|ms) (?:graded |assessed as |was |is )(?:as )?(?:moderate|severe|moderate-to-severe|moderately severe|hochgradig${W}|mittelgradig${W})`, String.raw`billowing (?:\w+ ){0,3}?(?:mitral )?(?:valve )?leaflets?`, String.raw`(?:mitral )?(?:valve )?leaflets? (?:\w+ ){0,3}?billowing`] },
  { id: 'dx:OTHER', subtype: 'mass', patterns: [`${W}myxom${W}`, 'myxoma', `fibroelastom${W}`, `angiosarkom${W}`, 'angiosarcoma', String.raw`(?:kardial${W} |intrakardial${W} )?tumor${W}`, 'tumou?r', `metastase${W}`, 'metasta(?:sis|ses|tic)', String.raw`lipom${W}`, `fibrom${W}`, `rhabdomyom${W}`, `${W}sar[ck]om${W}`, `lymphom${W}`, `paragangliom${W}`, `h(?:a?e|ä)mangiom${W}`, String.raw`pericardial cysts?`, `perikardzyste${W}`, String.raw`lipomatous hypertrophy`, String.raw`lipomatöse septumhypertrophie`] },
  { id: 'dx:OTHER', subtype: 'hypertensive', patterns: [String.raw`hypertensiv${W} (?:herz(?:erkrankung|krankheit)|kardiomyopathie|herz)`, String.raw`hypertensive (?:heart disease|cardiomyopathy|heart)`, 'hypertonieherz', 'hochdruckherz', String.raw`hypertensiv bedingt${W}`] },
  // Athlete's heart: training's balanced enlargement, an OTHER diagnosis of the taxonomy (issue 12, DOMAIN.md), not a normal study.
  { id: 'dx:OTHER', subtype: 'athlete', patterns: [String.raw`sportlerherz(?:ens?)?`, String.raw`sportherz(?:ens?)?`, String.raw`athletenherz(?:ens?)?`, String.raw`athlete'?s hearts?`, String.raw`athletic hearts?(?! ?(?:rate|frequenc))`, String.raw`(?:athletic|exercise-?induced|training-?induced) (?:cardiac |lv |ventricular )?remodel(?:l)?ing`, String.raw`(?:trainings?|sport)(?:bedingt|induziert)${W} (?:kardial${W} |linksventrikulär${W} )?(?:remodeling|umbau|adaptation|hypertrophie)`] },
  { id: 'dx:OTHER', subtype: 'restrictive', patterns: [String.raw`restriktiv${W} kardiomyopathie`, 'restrictive cardiomyopathy'] },
  { id: 'dx:OTHER', subtype: 'siderosis', patterns: [String.raw`(?:hämo)?siderose`, String.raw`ha?emosiderosis`, String.raw`eisenüberladung`, 'iron overload', `hämochromatose`, 'ha?emochromatosis', String.raw`(?:myocardial |cardiac |myokardial${W} |kardial${W} )iron(?: (?:loading|deposition|overload|accumulation))?`, String.raw`iron (?:loading|deposition|accumulation)`, String.raw`eisen(?:ablagerung|einlagerung|beladung|akkumulation)${W}`, String.raw`(?:myokardial${W} |myocardial |cardiac )?t2\*(?:-?(?:zeit|wert|time|value)${W})?${T2STAR_PLACE}(?: (?:of|von|was|is|betrug|beträgt|measured|gemessen|=|:))? ?(?:1\d|\d)(?:[.,]\d+)? ?ms`, String.raw`(?:erniedrigt|vermindert|verkürzt|reduced|low|decreased|shortened)${W} (?:myokardial${W} |myocardial )?t2\*`, String.raw`t2\*(?:-?(?:zeit|wert)${W})? (?:\w+ ){0,2}?(?:erniedrigt|vermindert|verkürzt|reduced|low|decreased|shortened)`] },
  // Congenital heart disease (ESC 2020 ACHD): named lesions and repairs, shunts, their German names.
  { id: 'dx:OTHER', subtype: 'congenital', patterns: [`${W}fallot${W}`, 'ebstein', `aortenisthmusstenose`, String.raw`(?:aortic )?coarctation`, String.raw`isthmusstenose`, String.raw`transposition (?:of the great arteries|der großen arterien)`, String.raw`(?:atrial|ventricular|atrioventricular) septal defects?`, String.raw`defects? (?:\w+ ){0,3}?(?:of|in|within) the (?:\w+ ){0,4}?(?:inter)?(?:atrial|ventricular) septum`, String.raw`defekt${W} (?:\w+ ){0,3}?(?:im|des|in der) (?:\w+ ){0,2}?(?:vorhof|ventrikel|kammer|interatrial|interventrikular)septum${W}`, String.raw`(?:vorhof|ventrikel|atrioventrikular)septumdefekt${W}`, 'univentricular', String.raw`univentrikulär${W}`, String.raw`fontan${W}`,
    String.raw`tetralog${W}`, 'r?tof', 'tcpc', String.raw`(?:bidirectional )?glenn${W}`, String.raw`(?:total${W} )?cavopulmonal${W}`, String.raw`cavopulmonary (?:connection|anastomosis|shunt)`, 'asd', 'vsd', 'avsd', 'p?apvr', 'tapvr', String.raw`(?:partial |total |partially |totally )?anomalous pulmonary venous (?:return|connection|drainage)`, String.raw`anomalous (?:drainage|connection|return) of (?:the )?(?:\w+ ){0,3}?pulmonary veins?`, String.raw`(?:partielle|totale) lungenvenenfehlmündung${W}`, String.raw`lungenvenenfehlmündung${W}`, String.raw`sinus[- ]venosus(?:[- ]defe[ck]t${W})?`,
    String.raw`(?:d|l|cc)-?tga`, String.raw`(?:congenitally|kongenital) (?:corrected|korrigiert${W}) transposition`, String.raw`(?:arterial switch|vorhofumkehr|senning|mustard|rastelli)(?:[- ](?:operation|procedure|repair|op${W}))?`, String.raw`double[- ]outlet`, String.raw`truncus arteriosus`, String.raw`pulmona${W} ?atresi${W}`, String.raw`(?:persistent${W} |persistierend${W} |patent |offen${W} )ductus arteriosus(?: botalli)?`, String.raw`ductus botalli`,
    String.raw`(?:kongenital${W}|angeboren${W}) (?:herzfehler${W}|herzerkrankung${W}|vitium|herzvitium)`, String.raw`congenital heart (?:disease|defect)s?`, 'achd', 'guch', 'emah', String.raw`cor triatriatum`, 'scimitar', 'alcapa', String.raw`bland ?white ?garland`, String.raw`anomalous (?:origin of (?:the )?)?(?:left |right )?coronary arter${W}`, String.raw`koronaranomalie${W}`, String.raw`coronary (?:artery )?anomal${W}`,
    String.raw`(?:focal |discrete |severe )?(?:narrowing|stenosis) of the (?:\w+ )?(?:aorta|aortic arch|aortic isthmus)`, String.raw`(?:focal |discrete )?(?:aortic|aortic arch|isthmic) narrowing`, String.raw`(?:einengung|stenose) (?:\w+ )?(?:des )?(?:aortenbogens|aortenisthmus|isthmus)`, `aortenbogenstenose`, String.raw`hypoplastic (?:aortic )?arch`, String.raw`hypoplastisch${W} aortenbogen${W}`,
    String.raw`hypoplastic (?:left|right) heart`, String.raw`hypoplastisch${W} (?:links|rechts)herz${W}`, String.raw`(?:lv |left ventricular )?apical hypoplasia`, String.raw`(?:linksventrikulär${W} )?apikal${W} hypoplasie`, String.raw`truncated (?:lv|left ventricle|apex)`, String.raw`(?:congenital |partial |complete )?absen(?:ce|t) (?:of )?(?:the )?(?:left )?pericardium`, String.raw`pericardial (?:agenesis|aplasia|defect)`, String.raw`perikard(?:aplasie|agenesie|defekt)${W}`, String.raw`(?:fehlend${W}|kongenital${W} fehlend${W}) perikard${W}`, String.raw`kein${W} perikard (?:\w+ )?(?:abgrenzbar|nachweisbar|sichtbar|angelegt)`, String.raw`no pericardium (?:\w+ )?(?:visible|seen|identified)`, String.raw`no (?:visible |identifiable )?pericardium (?:around|over|covering|along) (?:the )?(?:ventricles|heart|lv|left ventricle)`, String.raw`(?:lv |left ventricular |ventricular )?diverticul${W}`, String.raw`(?:linksventrikulär${W} |ventrikel)?divertik${W}`,
    String.raw`(?:left-to-right|right-to-left|links-rechts|rechts-links|l-r|r-l|intracardiac|intrakardial${W}) ?shunt${W}`, String.raw`qp ?[:/] ?qs(?: ratio| verhältnis)?(?: (?:of|von|was|is|betrug|beträgt))?:? ?(?:= ?)?(?:1[.,][5-9]\d*|[2-9](?:[.,]\d+)?)(?!\d|[.,]\d)`] },
  { id: 'dx:OTHER', subtype: 'other', patterns: [String.raw`tachykardi${W}[ -]?(?:induziert${W} )?kardiomyopathie`, `tachykardiomyopathie`, String.raw`tachycardia ?induced cardiomyopathy`, `kardiotoxi${W}`, 'cardiotoxicity', 'chagas', `endomyokardfibrose`, String.raw`endomyocardial fibrosis`, String.raw`l(?:ö|oe)ffler`, 'loeffler', String.raw`endokard${W} (?:\w+ ){0,2}?fibros${W}`, String.raw`(?:verdickung|fibrosierung|fibrose) (?:\w+ ){0,3}?(?:des )?endokard${W}`, String.raw`endocardial (?:thickening|fibrosis)`, String.raw`endokardfibrose`, String.raw`endomyokardial${W} beteiligung`, String.raw`(?:muscular dystrophy|muskeldystrophie) cardiomyopathy`, 'danon', String.raw`(?:morbus )?pompe`, 'prkag2', `glykogenspeicher${W}`, String.raw`glycogen storage`, String.raw`mitochondri${W} (?:cardiomyopathy|kardiomyopathie|erkrankung|disease|myopathy|myopathie)`] },
  // Pulmonary hypertension (ESC/ERS 2022): a diagnosis of its own, or only secondary to left heart disease.
  { id: 'dx:OTHER', subtype: 'other', secondary: true, patterns: [String.raw`pulmonary (?:arterial )?hypertension`, String.raw`pulmonal${W} (?:arteriell${W} )?(?:hypertonie|hypertension)`, String.raw`pulmonalarteriell${W} hypertonie`, 'pah', 'cteph', String.raw`chronic thromboembolic pulmonary hypertension`, String.raw`eisenmenger${W}`] },

  // ---- Tissue ----
  { id: 'lge-ischemic', patterns: [String.raw`ischämisch${W} (?:verteilungs|narben|lge-?)?muster`, String.raw`isch(?:a?e|ae)mic (?:pattern|distribution|scar)`, String.raw`(?:einer |der )?koronar${W} (?:versorgung|verteilung) (?:folgend|entsprechend)`, String.raw`(?:following|in) (?:a |the )?coronary (?:artery )?(?:distribution|territory)`, String.raw`infarct(?:ion)? pattern`, String.raw`ischämietypisch${W} (?:verteilungs)?muster`, String.raw`ischämisch${W} genese`, String.raw`infarct ?(?:typical|type) (?:pattern|distribution)`] },
  // An infarct always involves the subendocardium (JACC 2009 white paper): LGE sparing it is non-ischaemic.
  { id: 'lge-nonischemic', patterns: [String.raw`sparing (?:of )?the subendocardi${W}`, String.raw`subendocardial sparing`, String.raw`(?:unter )?aussparung des subendokards`, String.raw`subendokard${W} (?:\w+ )?ausgespart`, String.raw`(?:das )?subendokard${W} aussparend${W}`, String.raw`subendocardial[- ]sparing`, String.raw`subendocardium (?:\w+ )?(?:is |was )?spared`, String.raw`nicht[ -]?ischämisch${W}(?: (?:verteilungs|narben|lge-?)?muster)?`, String.raw`non ?isch(?:a?e|ae)mic`, String.raw`kein${W} (?:koronar${W} )?(?:versorgung|verteilung)${W}? (?:folgend|zuzuordnen|entsprechend)`, String.raw`kein${W} koronar${W} versorgungsgebiet${W} (?:folgend|zuzuordnen|entsprechend)`, String.raw`not (?:following|corresponding to|conforming to|respecting|matching|confined to|in) (?:a |any |one )?(?:single )?(?:coronary|vascular|epicardial coronary) (?:artery )?(?:distribution|territory|supply territory)`, String.raw`(?:not attributable|unrelated) to (?:a |any )?(?:single )?(?:coronary|vascular) (?:artery )?(?:distribution|territory)`, String.raw`non ?(?:vascular|territorial) (?:distribution|pattern)`, String.raw`kein${W} (?:koronar${W} )?(?:versorgungs|strom)?(?:gebiet${W}|territorium|territorien) (?:folgend|zuzuordnen|entsprechend|zuordenbar)`, String.raw`keinem (?:koronar${W} )?(?:koronar)?(?:versorgungs|strom)?(?:gebiet|territorium)${W} (?:folgend|zuzuordnen|entsprechend|zuordenbar)`, String.raw`ohne bezug zu (?:einem |einer )?(?:koronar(?:stromgebiet|versorgungsgebiet|gefäß|arterie|territorium)${W}|(?:koronar${W} )?(?:versorgungsgebiet${W}|stromgebiet${W}|territorium))`, String.raw`non ?coronary distribution`, String.raw`nicht koronar${W}`, String.raw`non ?isch(?:a?e|ae)mic (?:pattern|distribution|scar|type)`, String.raw`non ?coronary`, String.raw`nicht[ -]?ischämietypisch${W}`] },
  // Enhancement(s): the German genitive ("kein Nachweis eines Late Enhancements") and the English plural.
  { id: 'lge', patterns: ['lge', 'mde', String.raw`(?:myocardial )?delayed (?:contrast )?enhancements?`, String.raw`(?:gadolinium|contrast) (?:enhancement|uptake)`, String.raw`late[- ](?:gadolinium[- ])?enhancements?`, String.raw`spät(?:es)?-?(?:hyper)?enhancements?`, `spätanreicherung${W}`, String.raw`(?:late|delayed) (?:gadolinium )?(?:enhance?ments?|hyperenhance?ments?)`, 'hyperenhancement', String.raw`(?:km|kontrastmittel|gadolinium|gd)-?anreicherung${W}`, `anreicherung${W}`, `${W}narbe${W}`, `scar${W}`, String.raw`fibros(?:e|is)`, `fibrosier${W}`, `fibrotic`, String.raw`enhance?ments?`, `hyperenhanc${W}`, String.raw`(?:kontrastmittel|km|gadolinium)-?(?:speicherung|aufnahme|akkumulation)${W}`, String.raw`(?:kontrastmittel|km|gadolinium)-?aufnehmend${W}`, `anreichernd${W}`, String.raw`gadolinium (?:accumulation|uptake|retention)`,
    // German compounds and word forms ("Mehranreicherung", "KM-Mehranreicherung", "Vernarbung", "narbig"), the
    // abbreviation LE (Late Enhancement), and pattern words that name LGE without the word: "enhancing foci",
    // "mid-wall striae", "Signalanhebung in den Spätaufnahmen" (DOMAIN.md, tissue vocabulary).
    String.raw`le(?! (?:edema|oedema|swelling))`, String.raw`(?:de|he)(?= (?:of|in|at|involving|along|within) (?:the )?(?:\w+ ){0,3}?(?:wall|walls|septum|apex|segments?|myocardium|lv|rv|ventricles?))`, String.raw`(?:de|he)-?(?:mri|cmr|mrt)`, String.raw`(?:non|not)[- ]?viable (?:myocardium|segments?|scar|tissue)`, String.raw`nicht[- ]?vital${W} (?:myokard${W}|segment${W}|gewebe)`, String.raw`avital${W} (?:myokard${W}|narbe${W}|segment${W})`, String.raw`(?:myokard|myocardial |myokardial${W} |transmural${W} |subendo[ck]ardial${W} )(?:nekrose${W}|necrosis)`, `nekrose${W}`, 'necrosis', `${W}mehranreicherung${W}`, String.raw`(?:signal|kontrast|gadolinium|gd)anreicherung${W}`, String.raw`(?:kontrastmittel|km|gadolinium)-?(?:aufnehmend|speichernd|anreichernd)${W}`, `${W}fibrose${W}`, `fibrotisch${W}`, `${W}spätanreicherung${W}`, `spätkontrastierung${W}`, `vernarb${W}`, `narbig${W}`, String.raw`enhancing (?:\w+ )?(?:foci|focus|areas?|lesions?|regions?|segments?|myocardium)`, String.raw`stria(?:e|l)?`,
    String.raw`(?:signalanhebung${W}|signalsteigerung${W}|hyperintens${W}) (?:\w+ ){0,4}?(?:spätaufnahme${W}|spätsequenz${W}|spät-?enhancement${W}|late (?:gadolinium )?(?:images|imaging|sequences?)|psir${W})`,
    String.raw`(?:hyperintense|bright) (?:\w+ ){0,3}?(?:on|in) (?:the )?(?:late (?:gadolinium )?|psir |inversion[- ]recovery )(?:images|imaging|sequences?)`] },
  { id: 'oedema', patterns: [`${W}ödem${W}`, `${W}edema${W}`, `${W}oedema${W}`, String.raw`t2 ?(?:signal)?(?:intensität)?(?:s)? (?:\w+ ){0,2}(?:erhöht|gesteigert|vermehrt|increased|elevated|high)`, String.raw`(?:erhöht|gesteigert|vermehrt|increased|elevated|high)${W} (?:\w+ )?t2 ?(?:signal${W}|intensit${W}|wichtung)`, `t2 ?hyperintens${W}`, String.raw`t2 hyperintensity`, String.raw`hyperintens${W} (?:in der |im )?t2`, String.raw`(?:increased|high|bright|elevated|raised) (?:\w+ ){0,2}?signal (?:\w+ ){0,5}?(?:on |in )?(?:the )?(?:stir|t2)`, String.raw`(?:stir|t2 ?weighted|t2w|t2 ?gewichtet${W}) (?:[\w-]+:? ){0,6}?(?:high|increased|bright|raised|elevated|hyperintens${W}|erhöht${W}|gesteigert${W}|signalanhebung|signalsteigerung)`, String.raw`stir ?hyperintens${W}`, String.raw`signal(?:anhebung|steigerung|erhöhung) (?:\w+ ){0,3}?(?:t2|stir)`, String.raw`bright foci`, String.raw`(?:hoh${W}|erhöht${W}|gesteigert${W}|vermehrt${W}|hell${W}) (?:\w+ )?signal${W} (?:\w+ ){0,3}?(?:stir|t2w?|tirm)(?![a-z*])`,
    // T2w / STIR / TIRM compounds and the 2009 Lake Louise ratios (T2 ratio >= 2.0, global relative enhancement >= 4.0).
    String.raw`(?:t2w?|stir|tirm|t2-?tirm)-?(?:signal)?(?:erhöhung|anhebung|steigerung|hyperintensität)${W}`, String.raw`signal (?:increase|elevation) (?:\w+ ){0,3}?(?:t2w?|stir|tirm)`, String.raw`(?:stir|t2w?|tirm)[- ]positiv${W}`,
    String.raw`hyperintens${W} (?:\w+ ){0,3}?(?:t2w?|stir|tirm|t2-tirm)(?:[- ](?:images?|sequenz${W}|sequences?|wichtung))?`, String.raw`(?:increased|elevated|erhöht${W}) (?:\w+ )?t2 (?:signal )?ratio`, String.raw`t2 (?:signal )?ratio (?:\w+ ){0,2}?(?:increased|elevated|erhöht)`] },
  // Hyperaemia / early gadolinium enhancement: the second criterion of Lake Louise 2009 (early enhancement ratio
  // >= 4.0 or absolute enhancement >= 45 %), beside oedema and non-ischaemic LGE.
  { id: 'hyperemia', patterns: [`hyperäm${W}`, String.raw`hyper(?:a?e|ae)mi(?:a|c)`, String.raw`early (?:gadolinium )?enhancements?(?: ratio)?`, String.raw`frühe${W} (?:kontrast(?:mittel)?-?|gadolinium-?)?(?:enhancements?|anreicherung${W})`, String.raw`(?:global${W} )?relativ${W} enhancement`, 'ege', String.raw`(?:frühenhancement|früh-enhancement)${W}`, String.raw`absolute enhancement`] },
  { id: 't1-high', patterns: [String.raw`(?:native?${W} )?(?:myokardial${W} )?t1(?:-?(?:zeit|wert|relaxationszeit|mapping)${W})?(?: nativ)?(?:[ ,]+(?:\w+ ){0,2})?(?:erhöht|verlängert|prolongiert|elevated|increased|raised|prolonged|high)${W}`, String.raw`(?:erhöht|verlängert|prolongiert|elevated|increased|raised|prolonged|high|abnormal)${W} (?:global${W} )?(?:native?${W} )?(?:myokardial${W} |myocardial )?t1`, String.raw`t1-?mapping${W} (?:mit |with )?(?:erhöht|verlängert|prolongiert|elevated|increased|raised|prolonged)${W} (?:werte${W}|zeiten|values)`, String.raw`(?:elevation|increase|rise|prolongation|erhöhung|verlängerung|anstieg) (?:of |der |des )?(?:the )?(?:global${W} )?(?:native?${W} )?(?:myokardial${W} |myocardial )?t1(?![a-z0-9*])`] },
  { id: 't1-low', patterns: [String.raw`(?:native?${W} )?t1(?:-?(?:zeit|wert)${W})?(?:[ ,]+(?:\w+ ){0,2})?(?:erniedrigt|vermindert|verkürzt|reduziert|niedrig|reduced|low|decreased|shortened)${W}`, String.raw`(?:erniedrigt|vermindert|verkürzt|reduziert|niedrig|reduced|low|decreased|shortened)${W} (?:native?${W} )?t1`] },
  { id: 't2-high', patterns: [String.raw`t2(?:-?(?:zeit|wert|signal)${W}| (?:signal|value|time)s?)?[ -](?:elevation|increase|rise|prolongation|erhöhung|anhebung|verlängerung|anstieg)`, String.raw`t2(?:-?(?:zeit|wert|relaxationszeit|mapping)${W})?(?:[ ,]+(?:\w+ ){0,2})?(?:erhöht|verlängert|prolongiert|elevated|increased|raised|prolonged)${W}`, String.raw`(?:erhöht|verlängert|prolongiert|elevated|increased|raised|prolonged)${W} (?:global${W} )?(?:myokardial${W} |myocardial )?t2(?:-?(?:zeit|wert|mapping)${W}| (?:time|value|relaxation|mapping)${W})?(?!\*)`, String.raw`t2-?mapping${W} (?:mit |with )?(?:erhöht|verlängert|prolongiert|elevated|increased|raised|prolonged)${W} (?:werte${W}|zeiten|values)`, String.raw`(?:elevation|increase|rise|prolongation|erhöhung|verlängerung|anstieg) (?:of |der |des )?(?:the )?(?:global${W} )?(?:myokardial${W} |myocardial )?t2(?![a-z0-9*])`, String.raw`(?<=(?:(?:erhöht|verlängert|prolongiert|elevated|increased|raised|prolonged|high)${W}|(?:elevation|increase|erhöhung|verlängerung) (?:of |der )?(?:the )?) ?(?:global${W} )?(?:native?${W} )?t1(?:-?(?:zeit|wert)${W})? ?)(?:and|und|sowie) t2(?![a-z0-9*])`] },
  // Diffuse interstitial fibrosis is what ECV and native T1 measure, not a late-enhancement pattern.
  { id: 'ecv-high', patterns: [String.raw`(?:diffuse )?interstitial (?:myocardial )?fibrosis`, String.raw`(?:diffus${W} )?interstitiell${W} (?:myokard)?fibrose`, String.raw`(?:ecv|extrazellulär${W}(?: volumen)?|extracellular volume(?: fraction)?)(?:[ ,]+(?:\w+ ){0,2})?(?:erhöht|vergrößert|vermehrt|elevated|increased|expanded|raised)`, String.raw`(?:erhöht|vergrößert|vermehrt|elevated|increased|expanded|raised)${W} (?:ecv|extrazellulär${W}|extracellular volume)`, String.raw`expan(?:sion|ded) of (?:the )?(?:ecv|extracellular (?:volume|space))`, String.raw`(?:erhöhung|vergrößerung|zunahme) (?:des )?(?:ecv|extrazellulärvolumens|extrazellulärraum${W})`] },

  // ---- Function and morphology ----
  { id: 'wma', patterns: [`hypokines${W}`, 'hk', `akines${W}`, `dyskines${W}`, 'hypokinetic', 'akinetic', 'dyskinetic', `wandbewegungsstörung${W}`, `wandbewegungsauffälligkeit${W}`, `wandbewegungsanomalie${W}`, 'rwma', `motilitätsstörung${W}`, `kinetikstörung${W}`, `kontraktionsstörung${W}`, String.raw`wall[- ]motion abnormalit(?:y|ies)`, String.raw`regional (?:wall motion )?(?:dysfunction|abnormalit(?:y|ies))`,
    // German adjectives ("hypokinetische Vorderwand") and reduced motion or thickening named without the -kinesia words.
    String.raw`(?:hypo|a|dys)kinet${W}`, String.raw`(?:reduced|impaired|diminished|absent|eingeschränkt${W}|reduziert${W}|vermindert${W}|aufgehoben${W}|fehlend${W}) (?:regional${W} )?(?:systolic |systolisch${W} )?(?:wall motion|wall thickening|wandbewegung${W}|wanddickenzunahme|dickenzunahme|kontraktion${W}|contraction)`, String.raw`(?:(?:reduced|impaired|diminished) (?:systolic )?(?:wall )?|(?:absent|no) systolic (?:wall )?)thickening(?: of the (?:\w+ ){0,3}?(?:walls?|segments?|septum|myocardium))?`] },
  // A spade-shaped ("ace-of-spades", "Pik-As") LV cavity in diastole is the sign of apical hypertrophy (Yamaguchi 1979).
  { id: 'hypertrophy', patterns: [String.raw`spade[ -]?(?:like|shaped)`, String.raw`ace[ -]of[ -]spades?`, String.raw`pik[ -]?as[ -]?(?:förmig${W}|artig${W}|konfiguration|form)`, `hypertrophie${W}`, `hypertrophiert${W}`, String.raw`hypertroph(?:e|es|er|en|em)`, 'hypertrophy', 'hypertrophic', 'hypertrophied', 'lvh', 'ash', `${W}wandverdickung${W}`, `septumverdickung${W}`, String.raw`(?:septum|myokard|linksherz|kammer|ventrikel|wand)hypertrophie${W}`, `myokardverdickung${W}`, String.raw`verdickt${W} (?:myokard|septum|interventrikularseptum|wand${W}|ventrikelwand${W}|linksventrikulär${W} myokard)`, String.raw`(?:myokard|septum|wand) (?:(?!nicht |kein)\w+ )?verdickt`, String.raw`thickened (?:myocardium|septum|(?:lv |left ventricular )?wall${W})`, String.raw`(?:increased|thickened) (?:lv |left ventricular |septal )?wall thickness`, String.raw`wall thickening`, String.raw`thickened (?:(?:basal|mid|apical|septal|inferoseptal|anteroseptal|inferior|anterior|lateral|lv|left ventricular|and) ){1,3}(?:segments?|walls?|myocardium)`, String.raw`(?:myocardial |lv |left ventricular )?mass (?:is |was )?(?:markedly |severely |mildly )?increased`, String.raw`(?:increased|erhöht${W}) (?:myocardial |lv |myokardial${W} )?(?:mass|masse)`, String.raw`spade ?shaped`, String.raw`ace[- ]of[- ]spades`,
    String.raw`(?:septal|myocardial|concentric|asymmetric|lv|left ventricular) thickening`, String.raw`thick(?:ened)? (?:lv |left ventricular |ventricular |myocardial |septal )?walls?`, String.raw`(?:hypertrophy|thickening) of the (?:\w+ ){0,2}?(?:septum|walls?|myocardium|lv|left ventricle)`,
    String.raw`verdickung (?:des|der) (?:\w+ )?(?:septums|kammerscheidewand|wand|wände|ventrikelwand${W}|ventrikelwände|myokards|lv-wand|(?:lv|rv)-?myokard${W}|linksventrikulär${W} myokard${W})`, String.raw`(?:septal|septum|myokard${W}|wände|wand${W}) (?:(?!nicht |kein)\w+ ){0,2}?verdickt${W}(?! (?:perikard|pericard|vorhof|klappe|segel|aortenklappe|mitralklappe)${W})`, String.raw`verdickt${W} (?:\w+ )?(?:myokardwände|myokardwand|wände|kammerwände)`, String.raw`(?:septum|walls?|myocardium|ventricular walls?) (?:is|was|are|were) (?:(?!not |nicht |no )\w+ )?(?:thickened|hypertrophied)`] },
  { id: 'dilated', patterns: [String.raw`(?:increased|elevated|enlarged) (?:lv |rv |left ventricular |right ventricular |biventricular |ventricular |chamber )?(?:end ?diastolic )?volumes?`, String.raw`(?:erhöht${W}|vergrößert${W}) (?:\w+ )?(?:enddiastolisch${W} )?volumina`, String.raw`volumina (?:\w+ )?(?:erhöht|vergrößert)`, `dilatiert${W}`, `dilatation${W}`, 'dilated', 'dilatation', 'dilation', String.raw`vergrößert${W}`, 'enlarged', 'enlargement', `ektatisch${W}`, String.raw`ausgeweitet${W}`, `erweitert${W}`, `aufgeweitet${W}`, `kardiomegalie`, 'cardiomegaly',
    // German compounds ("Ventrikeldilatation", "LV-Vergrößerung") and "the LV is large" ("LV groß": uninflected, since
    // folded "LV-Größe", the size, reads the same as the inflected adjective).
    String.raw`(?:ventrikel|kammer|linksherz|herz|lv|rv|links ?ventrikel|biventrikulär${W}|linksventrikulär${W})-?(?:dilatation|vergrößerung|erweiterung)${W}`, String.raw`(?:vergrößerung|erweiterung) (?:des|der|beider) (?:linken |rechten )?(?:lv|rv|ventrikel${W}|herz${W}|kammer${W})`, String.raw`(?:lv|rv|left ventricle|right ventricle|ventricles?) (?:is |was |are |were )?(?:markedly |severely |mildly )?(?:large|big)`, String.raw`(?:spherical|sphärisch${W}|kugelig${W}) (?:lv|left ventricle|ventrikel${W}|configuration|konfiguration|remodel(?:l)?ing)`, String.raw`(?:lv|ventrikel|linke${W} ventrikel|kammer) (?:ist |war )?(?:deutlich |sehr |erheblich |massiv )?groß(?![a-z])`, String.raw`(?:deutlich|sehr|erheblich|massiv) groß${W} (?:linke${W} )?(?:lv|ventrikel)`] },
  { id: 'reduced-fn', patterns: [String.raw`(?:lv-?|rv-?|systolisch${W} )?pumpfunktionsstörung${W}`, String.raw`(?:eingeschränkt|reduziert|vermindert|herabgesetzt|gemindert)${W} (?:\w+ ){0,3}?(?:(?:lv|rv|links|rechts)?-?(?:ventrikulär${W} )?(?:pump|systolisch${W} )?funktion|(?:lv|rv)?-?(?:ejektionsfraktion|ef)|kontraktilität|auswurf${W})`, String.raw`(?:funktion|pumpfunktion|ejektionsfraktion|ef|kontraktilität)${W} (?:\w+ ){0,3}?(?:eingeschränkt|reduziert|vermindert|herabgesetzt)`, String.raw`(?:reduced|impaired|depressed|decreased|diminished|poor) (?:\w+ ){0,3}?(?:function|ejection fraction|(?:lv|rv)?-?ef|contractility)`, String.raw`(?:systolic )?dysfunction`, String.raw`(?:global |systolic |biventricular |lv |rv |left ventricular |right ventricular )(?:\w+ )?(?:systolic )?impairment`, String.raw`(?:function|ejection fraction) (?:\w+ ){0,2}?(?:reduced|impaired|depressed)`,
    String.raw`(?:reduced|impaired|depressed|decreased|low) (?:lv|rv)-?ef`, String.raw`(?:schlecht|mäßig|deutlich reduziert)${W} (?:(?!beurteilbar|einsehbar|abgrenzbar|darstellbar|auswertbar)\w+ ){0,2}?(?:pump|systolisch${W} )?funktion`, String.raw`(?:lv|rv|linksventrikulär${W}|rechtsventrikulär${W}|biventrikulär${W}|systolisch${W}|ventrikulär${W})[ -]?dysfunktion`, String.raw`hfm?ref`, String.raw`heart failure with (?:mildly )?reduced ejection fraction`, String.raw`(?:lv|rv|linksventrikulär${W}|rechtsventrikulär${W}|biventrikulär${W}|systolisch${W}|ventrikulär${W})[ -]?funktionseinschränkung${W}`, String.raw`funktionseinschränkung (?:des|der|beider) (?:lv|rv|linken|rechten|ventrikel${W}|kammer${W})`, String.raw`(?:eingeschränkt|reduziert|vermindert|herabgesetzt|gemindert)${W} (?:\w+ ){0,2}?(?:ventrikel|kammer|herz)funktion`] },
  // Resynchronisation and defibrillator devices: heart-failure therapy (CRT for dyssynchrony, ICD), not a pacemaker for
  // AV block (a sink, so "CRT-Schrittmacher" is no conduction disease).
  { id: 'device', patterns: [String.raw`(?:crt|biventrikulär${W}|biventricular|cardiac resynchroni[sz]ation|kardiale${W} resynchronisation${W})(?:-?[dp])?(?:[ -](?:schrittmacher${W}|pacemaker|pacing|therapie|therapy|system|device|implantation))?`, String.raw`(?:s-?)?icd(?:-?(?:implantation|träger${W}|system|device))?`, String.raw`(?:implantable )?cardioverter[- ]defibrillator`, String.raw`defibrillator${W}`] },
  // Dysfunction that is not systolic pump failure: diastolic, microvascular, valvular, sinus node (a sink, so the
  // reduced-function words inside it are not read as such).
  { id: 'not-systolic', patterns: [String.raw`(?:diastolic|diastolisch${W}|microvascular|mikrovaskulär${W}|endothelial|endothelial${W}|sinus node|sinusknoten|autonomic|autonom${W}|valve|valvular|klappen|prosthetic|prothesen|papillary muscle|erectile|renal|hepatic|thyroid)[ -]?dys-?fun[ck]tion${W}`, String.raw`(?:diastolisch${W}|nieren|leber|lungen)[ -]?funktionseinschränkung${W}`] },
  { id: 'hyperdynamic', patterns: [`hyperdynam${W}`, `hyperkontraktil${W}`, 'hyperdynamic', 'hypercontractile'] },
  { id: 'sam', patterns: ['sam', String.raw`mitral ?septal contact`, String.raw`mitralsegel ?septum ?kontakt`, String.raw`sam ?phänomen`, String.raw`systolic anterior motion`, String.raw`systolisch${W} vorwärtsbewegung`, String.raw`lvot ?obstruktion`, String.raw`lvot obstruction`, String.raw`obstruktion (?:des|im) (?:lvot|ausflusstrakt${W})`, String.raw`flussbeschleunigung im lvot`, String.raw`lvot flow acceleration`, String.raw`(?:ausflusstrakt|outflow tract)${W}[- ]?(?:obstruktion|obstruction)`, String.raw`(?:dynamic|dynamische) (?:lvot-? ?)?(?:obstruction|obstruktion)`, String.raw`mid ?(?:cavity|cavitary|ventricular) (?:obstruction|obliteration|narrowing|gradient)`, String.raw`mittventrikulär${W} (?:obstruktion|gradient|einengung)`] },
  { id: 'pleural', patterns: [`pleuraerg${W}`, String.raw`pleural effusion${W}`] },
  // German "PE" is the Perikarderguss, read only with German words around it (English "PE" is a pulmonary embolism),
  // and not where a year or the words of an embolism follow (NOT_EMBOLISM).
  { id: 'effusion', patterns: [`perikarderguss${W}`, `perikarderguß${W}`, String.raw`pericardial effusion${W}`, String.raw`${W}erguss${W}`, `${W}erguß${W}`, String.raw`effusion${W}`, String.raw`(?:zirkulär${W}|klein${W}|schmal${W}|mittelgroß${W}|groß${W}|gering${W}|minimal${W}|kein${W}|ohne|neu${W}|bekannt${W}) pe(?![a-z])${NOT_EMBOLISM}`, String.raw`pe (?:bis|von|zirkulär${W}|ventral${W}|dorsal${W}|rechtsventrikulär${W}|linksventrikulär${W}|\d(?!\d\d\d))${NOT_EMBOLISM}`] },
  // The pericardium is also the Herzbeutel; enhancing or thickened before it in a list of adjectives, or with its thickness
  // in brackets ("thickened (4 mm), enhancing pericardium", "verdicktes, deutlich kontrastmittelaufnehmendes Perikard").
  { id: 'pericardial', patterns: [String.raw`(?:kontrastmittel|km|gadolinium)-? ?(?:aufnehmend|anreichernd|speichernd)${W} (?:\w+ )?(?:perikard|herzbeutel)${W}`, String.raw`(?:verdickt|entzündet|anreichernd)(?:e|es|er|en),? (?:\w+ ){0,2}?(?:perikard|herzbeutel)${W}`, String.raw`herzbeutel${W} (?:\w+ ){0,3}(?:verdickt|anreicher${W}|enhancement)`, String.raw`(?:thickened|enhancing|inflamed)(?: \(\d+(?:[.,]\d+)? ?mm\))?(?:,? (?:and )?(?:thickened|enhancing|inflamed))? pericardium`, `perikardverdickung`, String.raw`verdickt${W} perikard${W}`, String.raw`perikard${W} (?:\w+ ){0,3}(?:verdickt|anreicher${W}|enhancement)`, String.raw`perikardial${W} (?:enhancement|anreicherung|late enhancement|lge)`, String.raw`pericardial (?:thickening|enhancement|inflammation|lge)`, String.raw`thickened pericardium`, String.raw`(?:thickened|enhancing|inflamed),? (?:and )?(?:thickened|enhancing|inflamed) pericardium`, `perikardenhancement`, `konstriktion`, String.raw`constrict(?:ion|ive physiology)`, String.raw`(?:enhancement|thickening|inflammation) of the pericardium`, String.raw`pericardium (?:\w+ ){0,3}?(?:thickened|enhanc${W}|inflamed)`, String.raw`septal bounce`, String.raw`(?:ventricular|interventricular) interdependence`, String.raw`(?:(?:früh)?inspiratorisch${W}|atemabhängig${W}|respiratorisch${W}|respirophasic) (?:\w+ )?(?:septum(?:verlagerung|verschiebung|shift|bewegung)${W}|septal (?:shift|motion))`, String.raw`septumverlagerung${W}`, `perikardverkalkung${W}`, String.raw`verkalkt${W} perikard${W}`, String.raw`verkalkung${W} (?:\w+ )?(?:des|am) perikard${W}`, String.raw`verkalkungsband (?:\w+ )?(?:des )?perikard${W}`, String.raw`pericardial calcification`, String.raw`calcified pericardium`, String.raw`septum ?(?:shift|bounce)`, String.raw`pericardium fails to slide`] },
  { id: 'nulling', patterns: [String.raw`(?:suboptimal${W}|poor|inadequate|incomplete|imperfect|unsatisfactory|insufficient|unzureichend${W}|ungenügend${W}|unvollständig${W}|mangelhaft${W}|schlecht${W}) (?:\w+ ){0,2}?(?:nulling|nullung)`, String.raw`(?:ungenügend|unzureichend|suboptimal|schlecht|unvollständig|poorly|incompletely) (?:zu )?(?:nullen|nullbar|nulled)`, String.raw`(?:failure|inability|unable|failed) to null`, String.raw`(?:rapid|accelerated|fast) (?:blood[- ]pool |myocardial )?(?:gadolinium |contrast )?washout`, String.raw`dark blood pool`, String.raw`blood pool (?:\w+ )?darker than (?:the )?myocardium`, String.raw`blutpool (?:\w+ )?dunkler als (?:das )?myokard`, String.raw`(?:erschwert|schwierig|gestört|auffällig|abnorm|problematisch|inkomplett)${W} (?:\w+ ){0,3}?nullung`, String.raw`nullung (?:\w+ ){0,6}?(?:erschwert|schwierig|vor dem blutpool|vor (?:dem )?blut|nicht möglich|gestört)`, String.raw`(?:schwer|kaum|nicht) (?:zu )?nullen`, String.raw`null(?:ing|s)? (?:\w+ ){0,3}?before (?:the )?blood(?: pool)?`, String.raw`difficult(?:y)? (?:\w+ ){0,3}?null${W}`, String.raw`(?:abnormal|altered) (?:gadolinium|contrast|myocardial gadolinium) kinetics`, String.raw`(?:auffällig|abnorm|verändert)${W} kontrastmittelkinetik`, String.raw`kontrastmittelkinetik (?:\w+ ){0,3}?auffällig`, `nullungsproblem${W}`, `nullungsschwierigkeit${W}`, String.raw`(?:schwer|kaum|erschwert) nullbar${W}`, String.raw`(?:myocardium|myocardial) (?:\w+ ){0,3}?(?:nulls?|nulled) (?:\w+ ){0,2}?(?:after|together with|with) (?:the )?blood`] },
  { id: 'lymph', patterns: [`${W}lymphadenopath${W}`, String.raw`lymphknoten(?![ -]?(?:biops|punktion|exstirpation|entnahme))${W}`, String.raw`lymph nodes?(?![ -]?(?:biops|aspirat|sampling|excision))`, `${W}adenopathy`, String.raw`(?:bi)?hil(?:ar|är)${W} (?:\w+ )?(?:nodes?|knoten|lymphknoten)`, String.raw`mediastinal${W} (?:\w+ )?(?:nodes?|lymphknoten)`, String.raw`prominent hila`] },
  { id: 'thinning', patterns: [`${W}verdünnung${W}`, `verdünnt${W}`, `ausgedünnt${W}`, 'thinning', 'thinned', 'attenuated wall', `ausdünnung${W}`, String.raw`wall thinning`, String.raw`thin (?:lv |rv |left ventricular |compact(?:ed)? )?(?:apex|apical (?:wall|segments?|myocardium)|walls?|myocardium|septum|compact(?:ed)? (?:layer|myocardium))`, String.raw`dünn${W} (?:\w+ )?(?:apex|herzspitze|wand|myokard|septum|kompakt${W} (?:schicht|myokard))`] },
  // In a cavity a thrombus shows as a filling defect (of the contrast-filled blood pool) before anyone names it.
  { id: 'thrombus', patterns: [String.raw`thromb(?!o?[cz]yt|oly|ekt|ect|ose ?prophyl)${W}`, String.raw`(?:intrakavitär${W} |intracavitary |wandständig${W} |apikal${W} |apical |mural )?füllungsdefekt${W}`, String.raw`(?:intracavitary |apical |mural |ventricular |atrial |appendage )?filling defects?`] },
  { id: 'aneurysm', patterns: [`${W}aneurysm${W}`, `aussackung${W}`] },
  { id: 'perfusion-defect', patterns: [`perfusionsdefekt${W}`, `perfusionsausf${W}`, `minderperfusion${W}`, String.raw`perfusion (?:defect|deficit)s?`, String.raw`induzierbar${W} ischämie`, String.raw`inducible isch(?:a?e|ae)mia`, `perfusionsdefizit${W}`, String.raw`perfusion (?:abnormalit(?:y|ies)|impairment)`, String.raw`(?:stress-?)?perfusion(?:smessung|suntersuchung)? (?:ist |war )?positiv${W}`, String.raw`positiv${W} (?:stress-?)?perfusion${W}`, String.raw`(?:positive|abnormal) (?:adenosine |regadenoson |vasodilator |dobutamine )?stress perfusion`, String.raw`stress perfusion (?:was |is )?(?:positive|abnormal)`, String.raw`nachweis (?:einer )?(?:stress-?)?induzierbar${W} ischämie`, String.raw`(?:stress-?)?induzierbar${W} perfusionsstörung${W}`, `perfusionsstörung${W}`] },
  { id: 'atrial-septum', patterns: [String.raw`verdickt${W} (?:inter)?atrial${W} septum`, String.raw`verdickt${W} vorhofseptum`, String.raw`vorhofseptum${W} (?:\w+ )?verdickt`, String.raw`(?:thickened|thick) (?:interatrial|atrial) septum`, String.raw`(?:interatrial|atrial) septal thickening`, String.raw`thickening of the (?:inter)?atrial septum`, String.raw`verdickung des vorhofseptums`] },
  { id: 'biatrial', patterns: [`biatrial${W}`, String.raw`beide vorhöfe (?:\w+ )?(?:vergrößert|dilatiert)`, String.raw`both atria (?:are )?(?:enlarged|dilated)`, String.raw`(?:vergrößert${W}|dilatiert${W}|groß${W}|erweitert${W}) (?:beide${W} )?vorhöfe`, String.raw`vorhöfe (?:beidseits )?(?:vergrößert|dilatiert|erweitert)`, String.raw`(?:enlarged|dilated) (?:both )?atria`] },
  { id: 'trabeculation', patterns: [`trabekul${W}`, `trabecul${W}`, String.raw`nc/c`, String.raw`non ?compacted`, String.raw`nicht ?kompaktiert${W}`] },
  { id: 'ballooning', patterns: ['ballooning', `ballonartig${W}`, `ballonierung`, String.raw`apikal${W} ballon${W}`] },
  // A mass described before anyone names it: a lesion or structure with the shape or site of a tumour or cyst
  // ("rundliche, gut abgegrenzte Struktur im rechten Vorhof", "cystic intrapericardial lesion"); "focal lesion" is LGE's,
  // and small mobile structures are as often thrombi or vegetations.
  { id: 'mass', patterns: [`raumforderung${W}`, String.raw`(?:rundlich|oval|zystisch|solid|lobuliert|gestielt|gut abgegrenzt|scharf (?:be|ab)grenzt|glatt begrenzt|intrakavitär|intraperikardial|polypoid|breitbasig)${W},? (?:[\w-]+,? ){0,4}?(?:läsion|struktur|formation|tumor)${W}`, String.raw`(?:cystic|rounded|round|oval|ovoid|lobulated|pedunculated|well[- ]circumscribed|well[- ]defined|polypoid|intrapericardial|intracavitary|solid)${W},? (?:[\w-]+,? ){0,3}?(?:lesion|structure|tumou?r|formation)s?`, String.raw`(?:cardiac|intracardiac|atrial|ventricular|pericardial|herz|kardial${W}|intrakardial${W}) ?tumou?r${W}`, String.raw`(?:circumscribed|well ?circumscribed|well ?defined|infiltrating|infiltrative|heterogeneous|homogeneous|hypointense|hyperintense|ovoid|spherical|polypoid|sessile|broad ?based|non ?enhancing|encapsulated|lobular|villous|calcified|fatty|hypervascular|vascular|expansile|rounded|solid)${W} (?:\w+ )?mass(?:es)?`, String.raw`(?:ra|la|right atrial|left atrial|intra-?atrial|valvular) mass(?:es)?`, String.raw`mass(?:es)? (?:attached to|arising from|originating from|in|within|of|involving|infiltrating|extending into|adherent to|located in|occupying) (?:the )?(?:\w+ ){0,3}?(?:atri${W}|ventric${W}|septum|wall|appendage|pericard${W}|valve|leaflet|cavity|apex|vena cava|svc|ivc|lv|rv|la|ra|outflow tract)`, String.raw`(?:cardiac |intracardiac |atrial |ventricular |pedunculated )mass(?:es)?`, String.raw`(?:large|small|mobile|solid|cystic|lobulated|enhancing|intracavitary|pericardial|round|oval) mass(?:es)?`, String.raw`mass (?:within|in|arising from|attached to) (?:the )?(?:right|left|rv|lv|atri${W}|ventric${W}|pericard${W})`] },

  // Petersen 2005: an end-diastolic non-compacted / compacted ratio > 2.3 is non-compaction; up to 2.3 it is not.
  { id: 'nc-ratio-high', patterns: [String.raw`${NC_RATIO}(?: (?:of|von|was|is|betrug|beträgt|bis|up to|in diastole|enddiastolisch))*:? ?(?:(?:=|>) ?)?(?:2[.,](?:[4-9]|3\d*[1-9])\d*|[3-9](?:[.,]\d+)?|1\d(?:[.,]\d+)?|(?:>|above|über) ?2[.,]3)(?!\d|[.,]\d)`] },
  { id: 'nc-ratio-normal', patterns: [String.raw`${NC_RATIO}(?: (?:of|von|was|is|betrug|beträgt|in diastole|enddiastolisch))*:? ?(?:(?:=|<) ?)?(?:[01](?:[.,]\d+)?|2(?:[.,](?:[0-2]\d*|30*))?)(?!\d|[.,]\d)`] },
  // Thickened valves and atrial walls: infiltration (amyloid), not HCM.
  // Valves named one by one ("thickened aortic, mitral and tricuspid valves", "verdickte Mitral- und Trikuspidalklappe").
  { id: 'valve-thickening', patterns: [String.raw`(?:thickened|verdickt${W}) (?:\w+ )?(?:valves?|valve leaflets|klappen${W}|segel${W}|atrial walls?|vorhofwände|vorhofwand)`, String.raw`(?:valve|valvular|klappen|atrial wall|vorhofwand)-? ?(?:thickening|verdickung)`,
    String.raw`(?:thickened |verdickt${W} |(?:thickening|verdickung) (?:of the |der |des ))${VALVE_LIST}${VALVE}`,
    String.raw`${VALVE_LIST}${VALVE} (?:are |were |is |was |appear |appeared |sind |waren |ist |war |erscheinen |erscheint |jeweils )?(?:\w+ )?(?:thickened|verdickt${W})`] },
  // Microvascular obstruction / no-reflow (dark core in the LGE): an acute infarct (ESC 2023 ACS, CMR).
  { id: 'mvo', patterns: [String.raw`no ?reflow`, String.raw`microvascular obstruction`, 'mvo', String.raw`mikrovaskulär${W} obstruktion`, String.raw`dark core`, String.raw`intramyocardial ha?emorrhage`, String.raw`intramyokardial${W} (?:ein)?blutung`] },
  // FDG-PET uptake in the myocardium (JCS 2016 major criterion for cardiac sarcoidosis).
  { id: 'pet-uptake', patterns: [String.raw`fdg(?:-?pet)? (?:\w+ ){0,4}?(?:uptake|avid${W})`, String.raw`(?:intense|increased|focal|patchy|pathological|avid) (?:fdg[- ])?uptake`, String.raw`take up fdg`, String.raw`fdg ?(?:aufnahme|anreicherung|speicherung|mehrspeicherung)`, String.raw`(?:pet|pet ?ct) (?:\w+ ){0,5}?(?:uptake|mehrspeicherung|anreicherung)`] },
  // Fat in the myocardium: fibro-fatty replacement (Task Force 2010 / Padua ARVC), or LV non-compaction's neighbours.
  { id: 'fat', patterns: [String.raw`(?:fibro-?)?fatty (?:infiltration|replacement|change)`, String.raw`fat within the myocardium`, String.raw`intramyocardial fat`, String.raw`(?:fett|lipomatös)${W} (?:infiltration|einlagerung|umbau|durchsetzung)`, String.raw`fettig${W} (?:infiltration|umbau|durchsetzung)`, `fetteinlagerung${W}`, `fettinfiltration${W}`, String.raw`intramyokardial${W} fett${W}`] },
  // Storage or infiltration named without its name (amyloid, most often; Fabry is found by its low T1).
  { id: 'infiltrative', patterns: [String.raw`infiltrativ${W}(?![ /-]+granulom)(?: \w+)? (?:kardiomyopathie|cardiomyopathy|erkrankung|disease|process|prozess)`, String.raw`speicher ?(?:/ ?infiltrations-?)?erkrankung${W}`, String.raw`infiltrationserkrankung${W}`, String.raw`storage disease`, String.raw`(?:sparkling|granular|hyperechoic|hyperechogen${W}) (?:\w+ )?(?:myocardium|myokard)`,
    // Echo's granular sparkling or ground-glass myocardium, an amyloid red flag (ESC 2021 position statement), also
    // said of the texture or echogenicity and in German compounds ("milchglasartig verstärkte Myokardechogenität").
    String.raw`(?:sparkling|granular|speckled|ground[- ]glass|hyperechoic|hyperechogenic) (?:\w+ ){0,2}?myocardial (?:texture|appearance|echogenicity|echotexture|pattern)`, String.raw`(?:sparkling|granular|speckled|ground[- ]glass|hyperechoic|hyperechogenic) (?:\w+ ){0,2}?(?:texture|echogenicity) of the myocardium`, String.raw`(?:increased|enhanced|raised) myocardial echogenicity`, String.raw`(?:increased|enhanced|raised) echogenicity of the myocardium`,
    String.raw`(?:granulär${W}|milchglas(?:artig)?${W}|gesprenkelt${W}|sparkling|hyperechogen${W}) (?:\w+ ){0,2}?(?:myokard(?:echogenität|textur|struktur)${W}|(?:echogenität|textur) des myokards)`, String.raw`(?:verstärkt${W}|erhöht${W}|vermehrt${W}) myokardechogenität${W}`, String.raw`(?:verstärkt${W}|erhöht${W}|vermehrt${W}) echogenität des myokards`] },
  // Takotsubo patterns (InterTAK 2018): the apex moving while the base does not, or the reverse.
  { id: 'apical-sparing', patterns: [String.raw`basal (?:\w+ ){0,2}?(?:contraction|function|segments?) (?:\w+ ){0,2}?(?:preserved|normal|hyperkinetic|hyperdynamic)`, String.raw`(?:preserved|normal|hyperkinetic|hyperdynamic) (?:\w+ ){0,2}?basal (?:contraction|function|segments?)`, String.raw`basal hyperkines${W}`, String.raw`(?:preserved|normal|hyperkinetic|hyperdynamic) (?:\w+ ){0,2}?apical (?:contraction|function|motion|segments?)`, String.raw`apical (?:contraction|function|motion|segments?) (?:\w+ ){0,2}?(?:preserved|normal|spared|hyperkinetic)`, String.raw`(?:erhalten${W}|normal${W}) (?:\w+ ){0,2}?(?:apikal${W}|basal${W}) (?:kontraktion|funktion|segment${W})`, String.raw`(?:normal|normally) (?:\w+ ){0,2}?contracting (?:apical|basal)`, String.raw`normal kontrahierend${W} (?:apikal${W}|basal${W})`] },
  // Apical obliteration by thrombus or fibrosis: endomyocardial fibrosis / Löffler (not HCM's systolic cavity obliteration).
  { id: 'apical-obliteration', patterns: [String.raw`(?:apex|spitze) (?:is |ist )?(?:\w+ )?obliter${W}`, String.raw`apical (?:cavity )?obliteration`, String.raw`apikal${W} obliteration`, String.raw`obliteration (?:der|des) (?:lv-?|linksventrikulär${W} )?(?:herzspitze|apex|spitze|ventrikelspitze)`, String.raw`obliteration of the (?:lv |left ventricular )?(?:apex|apical cavity)`] },
  // RV pressure overload (ESC/ERS 2022 pulmonary hypertension): the septum flattened towards the LV, a D-shaped LV.
  { id: 'rv-pressure', patterns: [String.raw`(?:septal|septum) (?:\w+ )?flatten${W}`, String.raw`flatten${W} (?:of )?(?:the )?(?:interventricular )?septum`, String.raw`d ?shaped? (?:lv|left ventricle|ventricle|configuration)`, String.raw`d ?förmig${W}`, String.raw`(?:abgeflacht${W}|abflachung) (?:\w+ )?(?:septum${W}|des septums|kammerseptum${W})`, String.raw`septum(?:abflachung|abplattung)`, String.raw`(?:septum|septal) (?:\w+ )?(?:abgeflacht|abgeplattet)`] },
  // Morphological markers of HCM (ESC 2023, CMR): myocardial crypts, elongated mitral leaflets, anomalous papillary
  // muscles, an apical-basal muscle bundle.
  // Walls of normal thickness, said in words (criteria/facts.ts: this study's normal walls outrank an earlier study's thickening).
  { id: 'normal-wall', patterns: [String.raw`normal${W} (?:lv |left ventricular |myocardial |septal )?wall thickness${W}`, String.raw`(?:lv |left ventricular )?wall thickness (?:was |is |were |had )?(?:normal|normali[sz]ed|within normal limits)`, String.raw`normal${W} (?:lv-?|linksventrikulär${W} |myokardial${W} |septal${W} )?wanddicke${W}`, String.raw`wanddicke${W} (?:des lv |des linken ventrikels )?(?:war |ist )?(?:normal|normalisiert${W}|im normbereich)(?![a-z])`] },
  { id: 'hcm-marker', patterns: [String.raw`(?:myocardial |myokardial${W} )?(?:crypts?|krypten|krypte)`, String.raw`elongated (?:anterior )?mitral (?:valve )?leaflets?`, String.raw`verlängert${W} (?:vorder)?(?:mitral)?segel${W}`, String.raw`(?:anomalous|abnormal|apically displaced|hypertrophied|bifid) papillary muscles?`, String.raw`papillarmuskel(?:anomalie|hypertrophie)${W}`, String.raw`(?:anomal${W}|apikal verlagert${W}|hypertrophiert${W}) papillarmuskel${W}`, String.raw`apical-?basal muscle bundle`, String.raw`apikobasal${W} muskelbündel`] },
  // The CMR exam itself, named: where a one-paragraph text reaches this study (what it names before is the referral's view).
  // Its inversion-recovery sequence names it too, and so is never a patient's "recovery" (ctx:recovery).
  { id: 'cmr-exam', patterns: [String.raw`(?:cardiac |cardiovascular )?magnetic resonance(?: imaging)?`, String.raw`cardiac mri?`, 'cmr', 'cmrt', 'cmri', String.raw`(?:kontroll|verlaufs?|folge|follow ?up|repeat) ?(?:mrt?|mri)`, String.raw`kardio ?mrt?`, String.raw`herz ?mrt`, String.raw`kardial${W} (?:mrt|magnetresonanztomographie)`, String.raw`mrt des herzens`, String.raw`cardio ?mri?`, String.raw`inversion ?recovery`] },
  // ---- Clinical context (what the history says) ----
  { id: 'ctx:av-block', patterns: [String.raw`av[- ]?block${W}`, String.raw`atrioventrikulär${W} block${W}`, String.raw`atrioventricular (?:conduction )?block`, String.raw`mobitz${W}`, 'avb', String.raw`(?:complete|high-grade|second-degree|third-degree|2nd-degree|3rd-degree) (?:heart |av )?block`, String.raw`heart block`, 'chb', 'cavb', String.raw`(?:totaler|kompletter|drittgradiger) av-?block`, `schrittmacher${W}`, 'pacemaker'] },
  { id: 'ctx:vt', patterns: [String.raw`ventrikulär${W} tachykard${W}`, String.raw`ventricular tachycardia${W}`, 'vt', 'vts', 'nsvt', 'mmvt', 'pmvt', 'vf', `kammertachykard${W}`, `kammerflimmern`, String.raw`ventricular fibrillation`] },
  { id: 'ctx:low-voltage', patterns: [`niedervoltage${W}`, String.raw`niedrig${W} voltage`, String.raw`low (?:qrs )?voltage`, 'low-voltage'] },
  { id: 'ctx:carpal', patterns: [`karpaltunnel${W}`, String.raw`carpal tunnel`, 'kts', String.raw`(?:bilateral|bilat|bds|beidseits|beidseitig${W}) cts`, String.raw`cts (?:bilateral|bilat|bds|beidseits)`] },
  // ESC 2021 position statement on cardiac amyloidosis (Garcia-Pavia et al.), extracardiac red flags besides carpal
  // tunnel syndrome: polyneuropathy, dysautonomia, biceps tendon rupture, lumbar spinal stenosis, a TTR variant.
  { id: 'ctx:amyloid-flag', patterns: [`polyneuropath${W}`, String.raw`(?:peripheral|sensorimotor|sensory|axonal|small[- ]fib(?:re|er)) neuropath${W}`, `dysautonom${W}`, String.raw`autonomic (?:neuropathy|dysfunction|failure)`, String.raw`biceps (?:tendon )?rupture`, `bizepssehnenruptur${W}`, String.raw`(?:lumbar )?spinal (?:canal )?stenosis`, `spinalkanalstenose${W}`, String.raw`ttr(?![ -]?neg)`, 'v122i', 'val122ile', 'val30met', 'v30m'] },
  { id: 'ctx:gammopathy', patterns: [`${W}gammopathie`, 'mgus', `${W}gammopathy`, `leichtkett${W}`, String.raw`light[- ]chain${W}`, `plasmozytom${W}`, `myelom${W}`, 'myeloma', String.raw`monoclonal (?:protein|gammopathy|band|light chains?)`, String.raw`monoklonal${W} (?:protein${W}|gammopathie|bande|leichtkette${W})`, `paraprotein${W}`, String.raw`bence[- ]jones`] },
  { id: 'ctx:hypertension', patterns: [String.raw`(?:arteriell${W} )?hypertonie`, `hypertonus`, 'hypertension', 'bluthochdruck', 'hypertensive', String.raw`hypertensiv${W} (?:krise|entgleisung)`, String.raw`hypertensive (?:crisis|emergency)`] },
  // Infection or vaccination before the illness (mRNA vaccine myocarditis, ESC 2023 position): myocarditis' context.
  { id: 'ctx:infection', patterns: [`${W}infekt${W}`, `infection${W}`, `grippal${W}`, String.raw`flu ?like`, `covid${W}`, String.raw`sars ?cov ?2`, 'fieber', 'fever', 'influenza', `grippe${W}`, String.raw`gastroenterit${W}`, String.raw`(?:pharyngit|tonsillit|bronchit)${W}`, 'flu', String.raw`(?:upper )?respiratory (?:tract )?(?:infection|illness)`, `erkältung${W}`, String.raw`viral${W}`, `vaccin${W}`, String.raw`(?:covid|mrna|sars ?cov ?2)[- ]?(?:vaccin${W}|impf${W})`, `impfung${W}`, String.raw`sore throat`, `halsschmerz${W}`, String.raw`diarrh(?:o|oe)?ea`, `durchfall${W}`, 'comirnaty', 'spikevax', 'biontech', 'moderna'] },
  { id: 'ctx:troponin', patterns: [`troponin${W}`, String.raw`(?:hs-?)?tn[ti]`, String.raw`hs ?troponin${W}`] },
  { id: 'ctx:normal-coronaries', patterns: [String.raw`(?:unauffällig|normal|regelrecht|glattwandig)${W} (?:koronarien|koronararterien|koronargefäße|herzkranzgefäße)`, String.raw`(?:koronarien|koronararterien|koronargefäße|herzkranzgefäße|koronarangiographie|coronaries) (?:\w+ )?o\. ?b\.?`, String.raw`(?:koronarangiograph${W}|herzkatheter${W}|koronarien|koronargefä${W}|coronary arteries|coronary angiograph${W}|coronaries|angiography|cath${W}) (?:\w+ ){0,4}?(?:unauffällig|ohne (?:relevant${W} |signifikant${W} |hämodynamisch relevant${W} )?stenose${W}|normal|unobstructed|non ?obstructive|no (?:significant |obstructive )?(?:stenos[ie]s|disease|coronary artery disease))`, String.raw`kein${W} (?:relevant${W} |signifikant${W} )?stenosen`, String.raw`(?:unobstructed|normal|non ?obstructive) coronar${W}`, 'minoca', String.raw`(?:excluded|ruled out|ausgeschlossen) (?:\w+ ){0,2}?(?:coronary (?:artery |heart )?disease|cad|khk|koronar${W} herz(?:erkrankung|krankheit))`, String.raw`no (?:significant |relevant |obstructive |flow-limiting )?(?:coronary (?:artery )?disease|cad|coronary stenos${W})`, String.raw`ohne (?:\w+ )?(?:koronarstenose${W}|makroangiopathie)`, String.raw`keine? (?:relevante |signifikante |stenosierende )?(?:khk|koronare herzerkrankung|koronare herzkrankheit)`] },
  { id: 'ctx:cad', patterns: ['khk', String.raw`koronar${W} herz(?:erkrankung|krankheit)`, String.raw`koronar${W} (?:\d-?)?gefäßerkrankung`, String.raw`coronary (?:artery|heart) disease`, 'cad', 'pci', String.raw`stent${W}`, `bypass${W}`, 'acvb', 'cabg', `${W}gefäßerkrankung`, String.raw`coronary disease`, String.raw`isch(?:a?e|ae)mic heart disease`, String.raw`ischämisch${W} herz(?:erkrankung|krankheit)`, String.raw`(?:multi|single|two|three|triple|double|[1-3])-?vessel (?:coronary )?disease`, String.raw`\d ?gefäß-?khk`, String.raw`(?:total |acute )?occlu(?:sion|ded)`, String.raw`verschluss${W}`, 'ptca', String.raw`culprit`, 'scad', String.raw`spontaneous coronary (?:artery )?dissection`, String.raw`koronar(?:arterien)?dissektion${W}`, String.raw`spontan${W} koronar${W} dissektion`, String.raw`dissekt${W} (?:des|der) (?:\w+ )?(?:riva|rcx|rca|ramus \w+|hauptstamm${W}|koronar${W})`, String.raw`dissection of the (?:\w+ ){0,2}?(?:lad|lcx|rca|left anterior descending|circumflex|right coronary|left main|coronary)(?: arter${W})?`, String.raw`(?:lad|lcx|rca|riva|rcx) dissection`] },
  // Acute coronary syndrome: ST elevation, a coronary occlusion or a culprit lesion (ESC 2023 ACS).
  { id: 'ctx:acs', patterns: [String.raw`st ?(?:segment )?(?:elevation|hebung)${W}`, 'stemi', String.raw`acute coronary syndrome`, String.raw`akut${W} koronarsyndrom`, String.raw`primary pci`] },
  // Extracardiac sarcoidosis and its clues (JCS 2016 / HRS 2014): granulomas, lung nodules in a perilymphatic
  // distribution (the CT pattern of pulmonary sarcoidosis), erythema nodosum, Löfgren, uveitis.
  { id: 'ctx:sarcoid', patterns: [`granulom${W}`, `perilymphati${W}`, String.raw`erythema nodosum`, String.raw`l(?:ö|oe)fgren${W}`, String.raw`(?:sprunggelenk${W}|ankle) ?(?:peri)?arthriti${W}`, String.raw`(?:peri)?arthritis (?:of|in) (?:both |the )?ankles?`, `uveitis`, String.raw`(?:soluble )?il ?2 receptor`, String.raw`löslich${W} il ?2-?rezeptor`] },
  { id: 'ctx:neuromuscular', patterns: [String.raw`muscular dystroph${W}`, `muskeldystroph${W}`, 'duchenne', 'becker', String.raw`myotoni${W}`, 'neuromuscular', 'neuromuskulär', `friedreich${W}`, String.raw`emery ?dreifuss`, String.raw`dystrophin${W}`] },
  // Genes of dilated / arrhythmogenic left-ventricular cardiomyopathy (ESC 2023): LMNA, TTN, FLNC, RBM20, DSP.
  { id: 'ctx:genetic-dcm', patterns: [String.raw`lamin(?: a/c)?`, 'lmna', 'titin', 'ttn', 'flnc', `filamin${W}`, 'rbm20', 'desmoplakin'] },
  // Desmosomal genes and ECG signs of ARVC (Task Force 2010 major criteria).
  { id: 'ctx:arvc-gene', patterns: ['pkp2', String.raw`plakophilin${W}`, 'dsg2', String.raw`desmoglein${W}`, 'dsc2', String.raw`desmocollin${W}`, String.raw`epsilon[- ]wave${W}`, String.raw`epsilon ?welle${W}`] },
  // Fabry disease clues: the enzyme, the gene, skin and nerve signs.
  { id: 'ctx:fabry', patterns: [String.raw`(?:alpha|α) ?galactosidase`, String.raw`(?:alpha|α)? ?galaktosidase${W}`, String.raw`gla (?:gene|variant|mutation)`, `angiokeratom${W}`, `akroparästhesie${W}`, `acroparesth${W}`, String.raw`lyso ?gb3`] },
  // Bone scintigraphy uptake (Perugini grade 2-3, DPD/PYP/HMDP): ATTR amyloid (Gillmore 2016); apical sparing of strain.
  { id: 'ctx:bone-scan', patterns: [String.raw`perugini(?:[- ](?:grade|grad|score))?[- ]?(?:1|i)(?![0-9i])`, String.raw`relative apical (?:sparing|preservation)`, String.raw`(?:strain|gls|longitudinal|deformation)${W} (?:\w+ ){0,4}?apical (?:sparing|preservation)`, String.raw`apical (?:sparing|preservation) (?:pattern|(?:\w+ ){0,3}?(?:strain|gls|longitudinal|deformation))`, String.raw`(?:strain|gls)${W} (?:\w+ ){0,4}?apikal${W} (?:aussparung|sparing)`, String.raw`apikal${W} (?:aussparung|sparing) (?:\w+ ){0,3}?(?:strain|gls)`, String.raw`relativ${W} apikal${W} (?:aussparung|sparing)`] },
  // Myocardial tracer uptake on bone scintigraphy (DPD, PYP, HMDP): with heart failure and walls thickened as amyloid
  // thickens them, grade 2-3 uptake diagnoses transthyretin amyloidosis without a biopsy (Gillmore et al., Circulation
  // 2016; ESC 2021 position statement). The words between scan and uptake hold no negation ("without uptake", "grade 0").
  { id: 'ctx:bone-scan-uptake', patterns: [String.raw`(?:dpd|pyp|hmdp|dpd-?spect|pyrophosphat${W}|pyrophosphate|diphosphono${W}|knochen|bone|skelett)[- ]?(?:scintigra${W}|szintigra${W}|scan|spect)(?: \([a-z-]+\))?:? (?:(?!no |not |ohne |kein${W} |without |negativ${W} |absent )\w+ ){0,5}?(?:uptake|anreicherung|mehranreicherung|speicherung|tracer ?aufnahme|tracer ?uptake|positiv${W})`, String.raw`(?:dpd|pyp|hmdp|bone scan|knochenszintigraphie)[- ](?:positiv${W}|uptake|anreicherung)`, String.raw`perugini(?:[- ](?:grade|grad|score))?[- ]?(?:[23]|ii|iii)(?![0-9])`] },
  { id: 'ctx:eosinophilia', patterns: [`${W}eosinophil${W}`, String.raw`hypereosinophil${W}`, String.raw`churg ?strauss`, 'egpa'] },
  { id: 'ctx:transfusion', patterns: [`thalass${W}`, String.raw`transfusion${W}`, `ferritin${W}`, String.raw`chelat${W}`, 'deferoxamine', 'desferrioxamine', 'deferasirox', 'deferiprone'] },
  // Recovery on follow-up: the mark of Takotsubo (InterTAK) and of stunning, not of scar.
  { id: 'ctx:recovery', patterns: [String.raw`(?:fully |completely |vollständig${W} )?(?:normali[sz]ed|normalisiert)`, String.raw`(?:vollständig${W} |komplett${W} )?normalisierung`, 'reversibel', 'reversible', String.raw`recovery`, String.raw`recovered`, String.raw`(?:back|returned) to normal`, String.raw`wieder (?:im )?norm(?:al|bereich)${W}`, String.raw`erholung`, String.raw`(?:hat sich |haben sich )?erholt${W}`] },
  // Takotsubo's triggers (InterTAK 2018): emotional (grief, a quarrel, fright, panic) or physical stress.
  { id: 'ctx:stress', patterns: [`bereave${W}`, String.raw`emotional${W} (?:stress|belastung)`, String.raw`(?:domestic |family )?argument`, String.raw`trauer${W}`, `todesfall${W}`, String.raw`(?:tod|verlust|ableben) (?:ihres|seines|ihrer|seiner|des|der) \w+`, String.raw`(?:death|loss) of (?:her|his|a|their) (?:husband|wife|son|daughter|mother|father|partner|child|brother|sister|spouse|dog|pet)`, String.raw`(?:emotional|psychological|psychisch${W}|emotional${W}) (?:trigger|auslöser|stressor)`, `streit${W}`, `schreck${W}`, String.raw`panic attack`, `panikattacke${W}`, String.raw`(?:physical|physisch${W}) (?:stress|belastung|trigger|auslöser)`] },
  { id: 'ctx:bnp', patterns: [String.raw`(?:nt ?pro-?)?bnp`] },
  { id: 'ctx:athlete', patterns: [`sportler${W}`, String.raw`athlet(?:e|es|en|in|innen)?`, // "athletic" describes a build, not training
     `leistungssport${W}`, `triathlet${W}`, String.raw`(?:ausdauer|kraft|hochleistungs|wettkampf)sport${W}`, String.raw`marathon(?:läufer${W}|runner${W})?`, String.raw`(?:endurance|competitive|elite|professional|semi-?professional) (?:runner|athlete|cyclist|rower|swimmer|footballer|soccer player|sports?|training|exercise)s?`, // German sports words compound freely ("Leistungsruderer", "Profiradfahrerin"); the hours are training's measure.
     String.raw`(?:leistungs|hochleistungs|profi|wettkampf|ausdauer|elite|kader)?(?:radrennfahrer|radfahrer|ruderer|fußballer|fußballspieler|schwimmer|läufer|triathlet|handballer|basketballer|eishockeyspieler)(?:in|innen|s)?`, `fußballprofi${W}`,
     `trainingsstunden`, String.raw`(?:stunden|std\.?|h) (?:sport|training|ausdauertraining)${W} (?:pro|je|in der|/) woche`, String.raw`hours (?:of )?(?:training|exercise|sports?|endurance training) (?:per|a|each|every|/) week`,
     String.raw`(?:collegiate|college|varsity|national[- ]level|national|international|world[- ]class|olympic) (?:\w+ )?(?:player|athlete|runner|rower|swimmer|cyclist|triathlete)s?`, String.raw`train${W} (?:for )?(?:about |some |around )?\d+ (?:hours|h) (?:per|a|each|every|/) week`] },
  { id: 'ctx:hfpef', patterns: ['hfpef', String.raw`erhalten${W} ejektionsfraktion`, String.raw`preserved ejection fraction`] },
  { id: 'ctx:scd', patterns: [String.raw`sudden (?:cardiac )?death${W}`, String.raw`plötzlich${W} (?:herz)?tod${W}`, String.raw`plötzlich${W} verstorben`, String.raw`died suddenly`] },
  // Cancer therapy that injures the myocardium (ESC 2022 cardio-oncology): anthracyclines, trastuzumab, checkpoint inhibitors.
  { id: 'ctx:cardiotoxic', patterns: [`anthra[cz]yklin${W}`, `anthracyclin${W}`, `doxorubicin${W}`, `epirubicin${W}`, `trastuzumab${W}`, String.raw`checkpoint[- ]inhibit${W}`, `chemotherap${W}`, `chemotherapie${W}`, `nivolumab${W}`, `pembrolizumab${W}`, `ipilimumab${W}`, `radiotherap${W}`, `strahlentherap${W}`, String.raw`(?:mediastinal|thoracic|chest) (?:irradiation|radiation)`, `bestrahlung${W}`, 'radiatio'] },
  { id: 'ctx:family', patterns: [`familienanamnese${W}`, String.raw`family history`, `familiär${W}`, 'familial'] },
  // Pericarditis' clinical criteria (ESC 2015): pericarditic chest pain, friction rub, widespread ST elevation or PR
  // depression; and its treatment and procedures (colchicine, pericardiocentesis, pericardiectomy).
  { id: 'ctx:pericarditis', patterns: [`perikardiozentese${W}`, String.raw`pericardiocentes[ie]s`, `perikardektomie${W}`, String.raw`pericardiectom(?:y|ies)`, String.raw`pleuriti(?:c|sch)${W} (?:\w+ )?(?:pain|schmerz${W}|thoraxschmerz${W}|brustschmerz${W})`, String.raw`(?:pericardial )?friction rub`, `perikardreiben`, String.raw`colchicin${W}`, String.raw`(?:diffuse|widespread|generali[sz]ed|concave|ubiquitär${W}|konkav${W}) st[- ](?:segment[- ])?(?:elevation${W}|hebung${W})`, String.raw`pr[- ](?:segment[- ])?(?:depression${W}|senkung${W})`, String.raw`(?:atem|lage)abhängig${W} (?:thorax|brust)?schmerz${W}`, String.raw`(?:thorax|brust)schmerz${W} (?:\w+ ){0,2}?(?:atem|lage)abhängig${W}`, String.raw`(?:chest )?pain (?:\w+ ){0,3}?(?:worse (?:on|with) (?:inspiration|lying)|relieved by (?:sitting|leaning) forward)`] },
  // Birth or long residence in a region where Trypanosoma cruzi is endemic (AHA 2018 statement on Chagas cardiomyopathy).
  { id: 'ctx:endemic', patterns: [String.raw`trypanosom${W}`, 'cruzi', String.raw`(?:bolivia|bolivien|brazil|brasilien|argentin${W}|paraguay|guatemala|el salvador|honduras|nicaragua|mexico|mexiko|ecuador|peru|colombia|kolumbien|venezuela)${W}`, String.raw`(?:latin|south|central) america${W}`, String.raw`(?:latein|süd|mittel|zentral)amerika${W}`] },
  // Inflammation of the myocardium named without the word myocarditis; on FDG-PET it is tracer uptake.
  { id: 'inflammation', patterns: [String.raw`(?:myocardial|myocardium) inflammation`, String.raw`inflammation (?:of|in|within) the (?:myocardium|heart muscle)`, String.raw`(?:active|acute|ongoing|florid) myocardial inflammation`, String.raw`inflammatory (?:myocardial|myocardium) (?:changes|involvement|activity|process|disease|infiltrat${W})`, String.raw`myokardial${W} (?:entzündung${W}|inflammation)`, String.raw`entzündlich${W} (?:myokard|herzmuskel)(?:beteiligung|veränderung${W}|aktivität|prozess${W}|infiltrat${W}|erkrankung)`, String.raw`entzündlich${W} (?:beteiligung|veränderung${W}|infiltrat${W}) (?:des|im) (?:myokard${W}|herzmuskel${W})`, String.raw`entzündung des (?:myokards|herzmuskels)`, String.raw`(?:florid${W}|aktiv${W}) (?:myokardial${W} )?entzündung${W}`] },
];

/** Word endings of German adjectives ("normale", "normaler"), without the "befund" of "Normalbefund". */
const ADJ = '(?:e|er|es|en|em)?';
/** The exam named as a whole: "CMR", "cardiac magnetic resonance imaging", "Herz-MRT", "the study", "MRT-Untersuchung". */
const STUDY = String.raw`(?:cmr|mri|mrt|kardio ?mrt|herz ?mrt|mr imaging|magnetic resonance(?: imaging)?|study|examination|untersuchung)`;
/** How a report gives the exam its verdict: "was", "was reported as", "showed a", "ergab einen", or nothing ("MRT: o.B."). */
const VERDICT_VERB = String.raw`(?:(?:is|was|were|ist|war) (?:(?:reported|read|interpreted|described|judged|considered) as )?|(?:showed|shows|revealed|demonstrated|ergab|ergibt|zeigte|zeigt|erbrachte) (?:a |an |einen |eine |ein )?)?`;
/**
 * The verdict of a normal study in its families: "normal" or "unremarkable" ending the clause (not "normal LV size",
 * which is one structure's), "within normal limits", "a normal heart", "normal findings", "unauffälliger Befund",
 * "Normalbefund", "o.B.", "ohne pathologischen Befund", "keinen krankhaften Befund".
 */
const STUDY_NORMAL = String.raw`(?:(?:normal|unremarkable)(?= ?(?:[.;,\n]|$))|normal (?:appearances?|heart|findings|study|result)|within (?:the )?normal limits|unauffällig${W}(?: befund${W})?|regelrecht${W} befund${W}|normalbefund|o\. ?b\.?|ohne (?:(?:pathologisch|krankhaft)${W} )?befund|kein${W} (?:pathologisch|krankhaft)${W} befund${W}|nad(?![a-z]))`;
const NORMAL_WORD = String.raw`(?:normal${ADJ}|normwertig${W}|regelrecht${W}|unauffällig${W}|erhalten${ADJ}|im normbereich|within (?:the )?normal (?:range|limits)|wnl|o\. ?b\.?|preserved)`;

/**
 * Signals (SignalId): found in a pass of their own, so they never take words from the findings. What the exam
 * was (aborted, or limited: artefacts, claustrophobia, no contrast, a sequence not done) and positive statements
 * that the heart is normal (function, size, tissue, or the whole study).
 */
export const SIGNALS: ConceptDef[] = [
  { id: 'exam:aborted', patterns: [String.raw`(?:kardio ?mrt|herz ?mrt|mrt|cmr|mri|untersuchung|scan|study)(?:-untersuchung)? (?:\w+ ){0,4}?nicht (?:möglich|durchführbar|durchgeführt)`, String.raw`(?:cmr|mri|scan|study) (?:was |is )?not (?:possible|feasible)`, String.raw`(?:pat\.?|patient${W}) (?:\w+ )?nicht erschienen`, 'abgebrochen', `abbruch${W}`, String.raw`vorzeitig${W} beendet`, 'aborted', String.raw`(?:terminated|discontinued|stopped|abandoned) (?:early|prematurely)`, String.raw`(?:examination|exam|study|scan|acquisition)s? (?:was |were |had to be )?(?:terminated|discontinued|stopped|abandoned)`, String.raw`(?:could|can) not be (?:completed|finished|performed)`, String.raw`konnte${W} nicht (?:vollständig |zu ende )?(?:durchgeführt|abgeschlossen|beendet|fortgeführt) werden`, String.raw`nicht diagnostisch${W}`, 'non ?diagnostic', String.raw`nicht (?:verwertbar|auswertbar|interpretierbar)${W}`, `unverwertbar${W}`, 'uninterpretable', String.raw`not (?:of )?diagnostic (?:quality|value)`, String.raw`not (?:interpretable|evaluable)`] },
  { id: 'exam:limited', patterns: [`klaustrophob${W}`, `claustrophob${W}`, 'platzangst', `${W}artefakt${W}`, `${W}artefact${W}`, `${W}artifact${W}`, String.raw`eingeschränkt${W} (?:bild)?qualität`, String.raw`(?:limited|poor|suboptimal|reduced|degraded) (?:image |imaging )?quality`, String.raw`(?:eingeschränkt|nicht|kaum) (?:sicher )?beurteilbar${W}`, String.raw`nicht (?:sicher )?(?:zu )?beurteilen`, String.raw`not (?:reliably |adequately )?(?:assessable|assessed|evaluated|evaluable)`, String.raw`(?:could|can) not be (?:assessed|evaluated|judged)`, String.raw`nicht (?:durchgeführt|akquiriert|erfolgt)`, String.raw`kein${W} (?:\w+ ){0,2}?(?:akquiriert|durchgeführt|erfolgt|aufgenommen)`, String.raw`(?:not|no) (?:\w+ ){0,3}?(?:performed|acquired|obtained)`, String.raw`(?:kein${W}|ohne) (?:kontrastmittel(?:gabe|applikation)?|km|gadolinium|kontrast)(?:-?gabe)?(?![a-z]|[ -](?:anreicherung|aufnahme|enhancement|uptake))`, String.raw`(?:kontrastmittel|km)-?gabe (?:\w+ ){0,2}?(?:nicht|abgelehnt|kontraindiziert|verweigert|unterblieben)`, String.raw`(?:no|without) (?:intravenous |iv )?(?:contrast|gadolinium)(?![ -](?:enhancement|uptake|enhancing))`, String.raw`(?:contrast|gadolinium) (?:was |could )?not (?:be )?(?:given|administered|injected)`, `verweiger${W}`, 'refused', 'declined'] },
  // The exam or a heading with its verdict, German, English and British shorthand ("Herz-MRT: o.B.", "CMR: NAD.",
  // "Cardiac MRI: normal appearances.").
  { id: 'normal:stated', patterns: [String.raw`${STUDY}(?: vom [\d.]+)?(?: ?\([^)\n]{0,60}\))? ?:? ?${VERDICT_VERB}(?:otherwise |overall |ansonsten |insgesamt |entirely |completely |totally |völlig |vollständig |again |erneut |wieder )?${STUDY_NORMAL}`, String.raw`(?:befund|beurteilung|zusammenfassung|ergebnis|impression|findings|conclusion|summary)e? ?:?\s*(?:insgesamt |overall )?(?:unauffällig|normal|regelrecht|o\. ?b\.?|unremarkable|within normal limits|nad|nothing abnormal (?:detected|seen)|normal appearances?|ohne (?:pathologisch${W} )?befund)(?= ?\.? ?(?:\n|$))`] },
  { id: 'normal:function', patterns: [String.raw`normal${ADJ} (?:\w+ ){0,3}?(?:(?:pump|lv-?pump|rv-?pump)?funktion${W}|function|ejektionsfraktion|ejection fraction|wandbewegung${W}|wall motion|kinetik|kontraktilität|contractility)`, String.raw`(?:regelrecht|erhalten|gut|unauffällig)${ADJ} (?:\w+ ){0,3}?(?:(?:pump|systolisch${W} )?funktion${W}|kinetik|kontraktilität|ejektionsfraktion)`, String.raw`(?:preserved|good) (?:\w+ ){0,3}?(?:function|ejection fraction)`, String.raw`(?:(?:pump)?funktion${W}|ejektionsfraktion) (?:\w+ ){0,2}?${NORMAL_WORD}`, String.raw`(?:wandbewegung${W}|kinetik|kontraktilität) (?:\w+ ){0,2}?${NORMAL_WORD}`, String.raw`(?:functions?|wall motion|contractility|ejection fractions?) (?:is |was |are |were )?${NORMAL_WORD}`, `normokine${W}`] },
  { id: 'normal:size', patterns: [String.raw`normal${ADJ} (?:\w+ ){0,3}?(?:größe|groß|dimension${W}|dimensioniert|volum${W}|size${W}|sized|(?:wand|myokard)dicke${W}|(?:wall|myocardial) thickness|myokardmasse|mass|dimensions)`, String.raw`(?:volumina|volumen|dimensionen|(?:wand|myokard)dicke${W}|größe|herzhöhlen|volumes|dimensions|sizes?|(?:wall|myocardial) thickness) (?:\w+ ){0,2}?${NORMAL_WORD}`] },
  { id: 'normal:tissue', patterns: [String.raw`(?:t1|t2|ecv|mapping|relaxationszeit${W}|relaxation times?)${W} (?:\w+ ){0,3}?${NORMAL_WORD}`, String.raw`normal${ADJ} (?:native?${W} )?(?:t1|t2|ecv|mapping|relaxationszeit${W}|gewebecharakterisierung|tissue characteri[sz]ation)`] },
];

/** Where an attribute word points: LGE pattern, wall, territory, extent, ventricle. */
export const ATTRIBUTES: [string, string][] = [
  // Not the layer a finding spares ("subendocardial-sparing mid-wall LGE" lies mid-wall).
  ['subendo', String.raw`subendokardial${W}(?![- ]?(?:spar|ausspar))`],
  ['subendo', String.raw`subendocardial${W}(?![- ]?spar)`],
  // Depth named by its layer after a preposition ("im Subendokard", "in the subepicardium"; not "sparing the
  // subendocardium", not "endocardial contours") or as not transmural.
  ['subendo', String.raw`(?:im|ins|in the|into the|within the|to the) subendo(?:c|k)ard(?:ium)?`],
  ['non-transmural', String.raw`(?:non|nicht)-?transmural${W}`],
  ['subepi', String.raw`(?:im|ins|in the|into the|within the|to the) subepi(?:c|k)ard(?:ium)?`],
  ['midwall', String.raw`(?:im |in the |within the )?(?:mittmyokard${W}|mid-?myocardium|midwall)`],
  ['transmural', String.raw`(?:gesamt${W}|ganz${W}) wanddicke`],
  // Infarct extent as a share of the wall thickness (viability reporting, PMC5676975): it grows from the subendocardium.
  ['subendo', String.raw`(?:\d{1,3} ?%|half|hälfte|(?:one|two) thirds?|drittel) (?:of (?:the )?|der |des )(?:(?:lv |myocardial )?wall thickness|wanddicke|wand|wall|myocardial thickness|myokarddicke)`],
  ['transmural', String.raw`(?<!non-?|nicht-?|non |nicht )transmural${W}`],
  ['transmural', String.raw`full ?thickness`],
  ['transmural', String.raw`wanddurchsetzend${W}`],
  ['subepi', `(?:sub)?epikardial${W}`],
  ['subepi', `(?:sub)?epicardial${W}`],
  ['midwall', `(?:intra|mitt|mid|mittel)-?myokardial${W}`],
  ['midwall', `intramural${W}`],
  ['midwall', String.raw`mid ?(?:wall|myocardial)`],
  ['midwall', `intramyocardial${W}`],
  ['diffuse', `diffus${W}`],
  ['diffuse', 'throughout'],
  ['ring', String.raw`ring ?(?:like|förmig${W}|shaped)`],
  ['diffuse', String.raw`zirkulär${W}`],
  ['diffuse', String.raw`(?:the )?entire (?:lv |left ventricular )?myocardium`],
  ['diffuse', String.raw`(?:im |des |das )?(?:gesamt|ganz)${W} (?:lv-?|linksventrikulär${W} |biventrikulär${W} )?myokard${W}`],
  ['diffuse', `global${W}`],
  ['diffuse', `zirkumferentiell${W}`],
  ['diffuse', `circumferential${W}`],
  ['diffuse', `generalisiert${W}`],
  ['diffuse', `ubiquitär${W}`],
  ['diffuse', 'zebra'],
  ['diffuse', String.raw`(?:aller|all) (?:segmente|segments)`],
  ['patchy', `fleck${W}`],
  ['patchy', 'patchy'],
  ['patchy', `fokal${W}`],
  ['patchy', `focal${W}`],
  ['patchy', `punktförmig${W}`],
  ['patchy', `nodul${W}`],
  ['patchy', `knotig${W}`],
  ['patchy', 'spotty'],
  ['patchy', 'blotchy'],
  ['patchy', String.raw`(?:multiple|several|mehrere${W}|einzelne${W}) (?:\w+ )?(?:foci|herde${W}|herdförmig${W})`],
  ['patchy', `herdförmig${W}`],
  ['patchy', `punktuell${W}`],
  ['patchy', `inselförmig${W}`],
  ['patchy', `wolkig${W}`],
  ['patchy', 'scattered'],
  ['patchy', `verstreut${W}`],
  ['multifocal', `multifokal${W}`],
  ['multifocal', `multifocal${W}`],
  ['multifocal', `disseminiert${W}`],
  ['multifocal', 'disseminated'],
  ['multifocal', String.raw`(?:in )?mehrere${W} (?:herde${W}|areale${W}|bereiche${W}|regionen)`],
  ['multifocal', String.raw`multiple (?:areas|regions|segments|lesions|territories)`],
  ['stripe', `streif${W}`],
  ['stripe', 'stripe'],
  ['stripe', String.raw`stria(?:e|l)?`],
  ['stripe', String.raw`streak${W}`],
  ['stripe', String.raw`strichförmig${W}`],
  ['stripe', `linear${W}`],
  ['stripe', `bandförmig${W}`],
  ['insertion', `${W}insertion${W}`],
  ['insertion', String.raw`hinge[- ]?points?`],
  ['insertion', String.raw`(?:rv[- ]lv |lv[- ]rv |ventricular )?junction(?:al)?(?: points?)?`],
  ['insertion', `umschlagpunkt${W}`],
  ['insertion', `ansatzpunkt${W}`],
  ['rv-side', String.raw`rechtsventrikulär${W} (?:seite|septum|betont${W})`],
  ['rv-side', String.raw`rv ?seit${W}`],
  ['rv-side', String.raw`right ventricular side`],
  ['rv-side', String.raw`rv side`],
  ['rv-side', String.raw`(?:rv|right ventricular) (?:aspect|surface)`],
  ['rv-side', String.raw`septal rechtsventrikulär`],
  // Compound wall names (AHA 17 segments; DOMAIN.md's old German names) name two walls at once.
  ['inferior+lateral', String.raw`(?:infero|postero|hinter)-?(?:lateral${W}|seitenwand${W})`],
  ['anterior+lateral', String.raw`(?:antero-?lateral${W}|vorderseitenwand${W})`],
  ['inferior+septal', String.raw`(?:infero|postero)-?septal${W}`],
  ['anterior+septal', String.raw`antero-?septal${W}`],
  ['septal', `${W}septal${W}`],
  ['septal', 'ash'],
  ['septal', `kammerscheidewand${W}`],
  ['septal', 'ivs'],
  ['septal', `${W}septum${W}`],
  ['septal', `${W}septums`],
  ['lateral', `${W}lateral${W}`],
  ['lateral', `seitenwand${W}`],
  ['lateral', `lateralwand${W}`],
  ['inferior', `inferior${W}`],
  ['inferior', `hinterwand${W}`],
  ['inferior', `posterior${W}`],
  ['inferior', `unterwand${W}`],
  ['inferior', `diaphragmal${W}`],
  ['anterior', `anterior${W}`],
  ['anterior', `vorderwand${W}`],
  ['apical', `apikal${W}`],
  ['apical', 'apical'],
  ['apical', `herzspitze${W}`],
  ['apical', `spitze${W}`],
  ['apical', 'apex'],
  ['basal', `basal${W}`],
  // Hypertrophy of the apex itself ("thickening of the LV apex", "apikal betonte Hypertrophie"): apical HCM (Yamaguchi;
  // ESC 2023) even where the apex is called concentrically thickened; criteria/facts.ts.
  ['apical+apex-hypertrophy', String.raw`(?:thickening|hypertrophy|thickened) (?:\w+ ){0,2}?(?:of|at|in|involving|confined to|limited to) (?:the )?(?:lv |left ventricular )?apex`],
  ['apical+apex-hypertrophy', String.raw`(?:thickening|hypertrophy|thickened) (?:\w+ ){0,2}?(?:of|at|in|involving|confined to|limited to) (?:the )?(?:lv |left ventricular )?apical (?:segments?|walls?|region|myocardium)`],
  ['apical+apex-hypertrophy', String.raw`apical (?:lv |left ventricular )?(?:wall )?(?:hypertrophy|thickening)`],
  ['apical+apex-hypertrophy', String.raw`spade[ -]?(?:like|shaped)`],
  ['apical+apex-hypertrophy', String.raw`ace[ -]of[ -]spades?`],
  ['apical+apex-hypertrophy', String.raw`pik[ -]?as`],
  ['apical+apex-hypertrophy', String.raw`(?:thickening|hypertrophy|thickened) (?:\w+ ){0,2}?(?:of|at|in) (?:the )?distal (?:lv |left ventricular )?(?:segments?|walls?|third|ventricle)`],
  ['apical+apex-hypertrophy', String.raw`(?:apikal${W}|spitzen) (?:betont${W} |lv-?)?(?:hypertrophie|wandverdickung|verdickung)${W}`],
  ['apical+apex-hypertrophy', String.raw`(?:hypertrophie|verdickung|wandverdickung)${W} (?:\w+ ){0,2}?(?:der|an der|im bereich der) (?:lv-?|linksventrikulär${W} )?(?:herz)?spitze`],
  ['apical+apex-hypertrophy', String.raw`(?:hypertrophie|verdickung|wandverdickung)${W} (?:\w+ ){0,2}?(?:der|an der|im bereich der) (?:lv-?|linksventrikulär${W} )?apikalen segmente`],
  ['territory', 'riva'],
  ['territory', 'lad'],
  ['territory', 'rcx'],
  ['territory', 'lcx'],
  ['territory', `circumflex${W}`],
  ['territory', 'rca'],
  ['territory', String.raw`rechte${W} koronar${W}`],
  ['territory', String.raw`right coronary`],
  ['territory', `${W}stromgebiet${W}`],
  ['territory', `versorgungsgebiet${W}`],
  ['territory', `territor${W}`],
  ['territory', String.raw`ramus interventricularis`],
  ['territory', String.raw`(?:left )?anterior descending`],
  ['territory', String.raw`koronargebiet${W}`],
  // Branches name territories too: diagonal, obtuse marginal, posterior descending, posterolateral (RIVP, RPLS).
  ['territory', String.raw`(?:diagonal|obtuse marginal|marginal|posterior descending|posterolateral) (?:branch${W}|arter${W})`],
  ['territory', String.raw`(?:pda|rivp|rpls|rpd|ramus circumflexus|diagonalast${W}|marginalast${W})`],
  ['regional', `regional${W}`],
  ['regional', `segmental${W}`],
  ['lv', 'lv'],
  ['lv', String.raw`link${W} ventri${W}`],
  ['lv', `linksventrikul${W}`],
  ['lv', String.raw`left ventri${W}`],
  // "Biventricular" names both ventricles.
  ['lv+rv', String.raw`biventri${W}`],
  ['lv+rv', String.raw`(?:both|beide${W}) (?:ventricles|ventrikel${W}|kammern)`],
  ['rv', 'rv'],
  ['rv', String.raw`recht${W} ventri${W}`],
  ['rv', `rechtsventrikul${W}`],
  ['rv', String.raw`right ventri${W}`],
  // The RV's own regions (Task Force 2010 names them): its outflow tract and the subtricuspid region.
  ['rv', String.raw`rvot`],
  ['rv', String.raw`(?:rv-?|rechtsventrikulär${W} )ausflusstrakt${W}`],
  ['rv', String.raw`(?:right ventricular|rv) outflow(?: tract)?`],
  ['rv', String.raw`subtri[ck]uspid${W}`],
  // The atrial wall itself (Fontana 2015: amyloid's atrial LGE), not a word about the atria ("atrial fibrillation").
  ['atrium+atrial-wall', String.raw`vorhof(?:wand|wände|septum|myokard)${W}`],
  ['atrium+atrial-wall', String.raw`(?:inter)?atrial${W} (?:wall|walls|septum|myocardium)`],
  ['atrium+atrial-wall', `vorhöfe${W}`],
  ['atrium+atrial-wall', 'atria'],
  ['atrium', `${W}vorh(?:o|oe)f${W}`],
  ['atrium', `atri${W}`],
  ['atrium', 'la'],
  ['atrium', 'ra'],
  ['atrium', String.raw`(?:atrial |left atrial )?appendage`],
  ['atrium', `herzohr${W}`],
  ['atrium', 'laa'],
  // Atrial scar made on purpose: ablation, pulmonary vein isolation.
  ['ablation', `ablat${W}`],
  ['ablation', String.raw`pulmonary vein isolation`],
  ['ablation', `pulmonalvenenisolation`],
  ['ablation', 'pvi'],
  // Organs and tissues outside the heart: a cyst bright on T2, fibrosis of the lung, a vertebral lesion that
  // enhances are no myocardial oedema or LGE (criteria/facts.ts drops such mentions unless a cardiac place is named).
  ...[`${W}zyste${W}`, `cyst${W}`, `leber${W}`, 'liver', 'hepatic', `niere${W}`, 'kidney', `milz${W}`, 'spleen', `lunge${W}`, `lungs?`, `lingula${W}`, `${W}wirbel${W}`, `vertebra${W}`, `knochen${W}`, 'bone', `myelo${W}`, `mamma${W}`, 'breast', `thymus`, `nebenbefund${W}`, `incidental${W}`].map((p): [string, string] => ['extracardiac', p]),
  // The brain: infarcts that brain imaging reports ("brain CT showed infarcts", "cCT mit Infarkten") are strokes, not
  // myocardial infarction (criteria/facts.ts, unless the heart is named); a stroke told beside an infarct leaves it the heart's.
  ['extracardiac', String.raw`(?:brain|cerebral|cranial|kranial${W}|cct|schädel${W}|zerebral${W}|gehirn${W})[ -](?:ct|mrt?|mri|imaging|bildgebung)${W} (?:\w+ ){0,3}?(?:showed|shows|revealed|demonstrated|zeigte|zeigt|mit|with)`],
  ['extracardiac', String.raw`(?:c?ct|mrt?|mri|imaging) (?:des |of the )?(?:gehirns|schädels|kopfes|brain|head)`],
  // A pericardial effusion large enough to be a disease of its own (ESC 2015: moderate, large, tamponade).
  ['sizeable', String.raw`(?:large|moderate|massive|sizeable|substantial|tamponade|tamponading)`],
  ...[`groß${W}`, `mittelgroß${W}`, `mittelgradig${W}`, String.raw`ma(?:e)?s?sig${W}`, `massiv${W}`, String.raw`hämodynamisch relevant${W}`, `tamponade${W}`, `tamponierend${W}`].map((p): [string, string] => ['sizeable', p]),
  // Or measured: 10 mm or more of fluid (ESC 2015: moderate 10-20 mm, large > 20 mm), the number beside the effusion word.
  ['sizeable', String.raw`${W}(?:erguss|erguß|effusion)${W} (?:\(|(?:von|of|bis|zu|up|to|measuring|mit|with|circa|ca\.?|approximately|about|maximal|max\.?|diastolisch|diastolic|breite|width|thickness|tiefe|depth)${W} ){0,4}?(?:[1-9]\d(?:[.,]\d+)? ?mm|[1-9](?:[.,]\d+)? ?cm)`],
  ['sizeable', String.raw`pe (?:\w+ ){0,2}?(?:[1-9]\d(?:[.,]\d+)? ?mm|[1-9](?:[.,]\d+)? ?cm)`],
  // Before it only a word of its size may stand ("15 mm breiter Erguss", "a 15-mm circumferential effusion"): in "Septum
  // 10 mm und schmaler Perikarderguss" the number is the septum's.
  ['sizeable', String.raw`(?:[1-9]\d(?:[.,]\d+)?[ -]?mm|[1-9](?:[.,]\d+)?[ -]?cm)[ -](?:(?:breit|dick|tief|zirkulär|circumferential|wide|thick|deep)${W} )?(?:${W}(?:erguss|erguß)|(?:pericardial )?effusion)${W}`],
  ['aorta', `aort${W}`],
  ['asymmetric', `asymmetr${W}`],
  ['asymmetric', String.raw`septumbetont${W}`],
  ['asymmetric', String.raw`septal betont${W}`],
  ['concentric', `konzentrisch${W}`],
  ['concentric', `concentric${W}`],
  ['concentric', String.raw`symmetr${W}`],
  ['severe', `hochgradig${W}`],
  ['severe', `schwer${W}`],
  ['severe', 'severe'],
  ['severe', 'extensive'],
  ['severe', `ausgedehnt${W}`],
  ['severe', 'severely'],
  ['severe', String.raw`marked(?:ly)?`],
  ['severe', `erheblich${W}`],
  ['severe', String.raw`(?:iii|iv|[34])°`],
  ['severe', String.raw`grad(?:e)? (?:iii|iv|[34])`],
  ['severe', `relevant${W}`],
  ['severe', `ausgeprägt${W}`],
  ['mild', `leicht${W}`],
  ['mild', `gering${W}`],
  ['mild', 'mild'],
  ['mild', 'mildly'],
  ['mild', 'trace'],
  ['mild', `schmal${W}`],
  ['mild', `klein${W}`],
  ['mild', 'small'],
  // A loading condition severe or long enough to explain a phenotype by itself (ESC 2023: DCM is dilatation and
  // dysfunction not explained by abnormal loading).
  ['uncontrolled', String.raw`(?:uncontrolled|poorly controlled|long ?standing|longstanding|malignant|refractory|resistant|untreated)`],
  ['uncontrolled', String.raw`(?:unkontrolliert${W}|langjährig${W}|langjährig${W}|schlecht eingestellt${W}|entgleist${W}|therapierefraktär${W}|maligne${W}|unbehandelt${W}|schwer einstellbar${W})`],
  ['uncontrolled', String.raw`(?:hypertensive (?:crisis|emergency)|hypertensiv${W} (?:krise|entgleisung|notfall))`],
  // A later study of the same patient ("repeat CMR", "Verlaufs-MRT").
  ['followup', String.raw`(?:repeat|follow ?up|subsequent|erneut${W}|verlauf${W}|kontroll${W})`],
  // Immune checkpoint inhibitors, whose myocarditis (ESC 2022 cardio-oncology) is a myocarditis, not a toxic cardiomyopathy.
  ['ici', String.raw`(?:immune )?checkpoint[- ]?inhibit${W}`],
  ['ici', String.raw`(?:nivolumab|pembrolizumab|ipilimumab|atezolizumab|durvalumab|avelumab|cemiplimab|dostarlimab)`],
  // A disease healed without a trace ("complete resolution of prior myocarditis", "Myokarditis ohne Residuen"): the
  // cause of nothing this study shows (criteria/diagnoses.ts).
  ['healed', String.raw`(?:complete |full |vollständig${W} |komplett${W} )(?:resolution|rückbildung|regression)`],
  ['healed', String.raw`resolution of`],
  ['healed', String.raw`(?:without|no) (?:any )?(?:residua|sequelae|residual (?:abnormalit${W}|damage|scar${W}|findings|changes|sequelae))`],
  ['healed', String.raw`(?:ohne|keine) (?:residuen|folgeschäden|residuelle (?:veränderungen|narbe${W}|schäden))`],
  ['functional', `funktionell${W}`],
  ['functional', 'functional'],
  ['functional', 'secondary'],
  ['functional', `sekundär${W}`],
  ['family', `familienanamnese${W}`],
  ['family', String.raw`family history`],
  ['family', `bruder${W}`],
  ['family', `schwester${W}`],
  ['family', `vater${W}`],
  ['family', `mutter${W}`],
  ['family', 'brother'],
  ['family', 'sister'],
  ['family', 'father'],
  ['family', 'mother'],
  // Relatives ("familial" / "familiär" is left out: it may be the patient's own diagnosis).
  ...[`sohn${W}`, `tochter${W}`, `onkel${W}`, `tante${W}`, `geschwister${W}`, `verwandte${W}`, String.raw`daughters?`, String.raw`cousins?`, String.raw`siblings?`, String.raw`grand(?:father|mother)`, String.raw`(?:first|1st) ?degree relatives?`].map((p): [string, string] => ['family', p]),
  ['pulmonary', `pulmonal${W}`],
  ['pulmonary', `pulmonary`],
  ['pulmonary', `lunge${W}`],
  ['pulmonary', `thorax${W}`],
  ['hilar', `${W}hilär${W}`],
  ['hilar', `hilar${W}`],
  ['hilar', String.raw`hila`],
  // A pericardial effusion names the pericardium and fluid (criteria/facts.ts: fluid is bright on T2).
  ['pericardium+fluid', `perikarderguss${W}`],
  ['pericardium+fluid', `perikarderguß${W}`],
  ['constriction', String.raw`(?:konstrikt${W}|constrict${W}|septal bounce|septum ?bounce|(?:ventricular|interventricular|ventrikulär${W}) interdependen${W}|respirophasic|atemabhängig${W} septum${W}|(?:diastolic )?pressure equali[sz]ation|ventricular discordance|pericardial calcification|perikardverkalkung${W}|verkalkt${W} perikard${W}|panzerherz)`],
  // LGE told of the myocardium and the pericardium together ("in the myocardium and in the pericardium"): the
  // pericardium enhances too (criteria/facts.ts, `pericardialLge`; ESC 2015 myopericarditis).
  ['myocardium+pericardium+pericardium-lge', String.raw`(?:myocardi(?:um|al)|walls?|segments?) (?:\w+ ){0,2}?(?:and|as well as|plus) (?:also )?(?:in |of |involving )?(?:the )?pericardi(?:um|al)`],
  ['myocardium+pericardium+pericardium-lge', String.raw`(?:myokard${W}|wände|wand|segmente${W}) (?:\w+ ){0,2}?(?:und|sowie) (?:auch )?(?:im |des |am )?perikard${W}`],
  ['pericardium', `perikard${W}`],
  ['pericardium', `pericard${W}`],
  ['pericardium', String.raw`intraperi[ck]ard${W}`],
  ['papillary', `papill${W}`],
  ['prolapse', `prolaps${W}`],
  ['prolapse', String.raw`disjun(?:ction|ktion)`],
  ['prolapse', `barlow${W}`],
  ['midventricular', String.raw`mid ?ventricular`],
  ['midventricular', `mittventrikulär${W}`],
  // A sentence about another test (echo, angiography, ECG, CT): what it calls normal is not this CMR's verdict.
  ['othermod', String.raw`echo${W}`],
  ['othermod', String.raw`(?:tte|tee|ecg|ekg|holter|ct|cct|ccta|x-ray|röntgen${W}|angiogra${W}|koronarangiogra${W}|catheteri[sz]ation|herzkatheter${W}|cath|ep study|spect|szintigra${W})`],
  // ECG voltage criteria of hypertrophy are no wall thickness.
  ['ecg', String.raw`(?:ecg|ekg|sokolow${W}|voltage criteria|spannungskriterien)`],
  // FDG-PET: what it calls inflammation is tracer uptake.
  ['pet', 'fdg'],
  ['pet', String.raw`pet(?:-?ct)?`],
  ['cmr', String.raw`(?:cmrt?|cmri|mri|mrt|kardio ?mrt|cardio ?mr|magnetic resonance|magnetresonanz${W})`],
  ['hilar', `mediastinal${W}`],
  // Last, so that every attribute above keeps the words it shares with these on a tie ("Lateralwand" stays lateral).
  // Fluid outside the myocardium (an effusion, the pleura, ascites, a cyst) is bright on T2 and STIR by nature: a
  // hyperintensity phrase beside it is the fluid's, not myocardial oedema (criteria/facts.ts, unless the myocardium is named).
  ...[`${W}erguss${W}`, `${W}erguß${W}`, `effusion${W}`, `pleura${W}`, `ascites`, `aszites`, `fluid${W}`, `flüssigkeit${W}`, `zyst${W}`, `cyst${W}`].map((p): [string, string] => ['fluid', p]),
  // A finding of recent onset ("neu aufgetretene Wandverdickung", "new wall thickening"): criteria/facts.ts reads new
  // thickening beside oedema in an acute illness as oedematous, not as hypertrophy.
  // Fat and the heart's own function, for what a non-enhancing mass is (a lipoma) and whose recovery a text tells.
  ['fat', `lipom${W}`],
  ['fat', String.raw`fat(?:ty)?`],
  ['fat', `fett${W}`],
  ['heart-function', String.raw`(?:lv|rv)?-?ef`],
  ['heart-function', String.raw`ejection fraction|ejektionsfraktion|(?:pump|herz|ventrikel)?funktion${W}|function|contractil${W}|kontraktil${W}|wall motion|wandbewegung${W}`],
  // "new" of the thickening itself ("neu aufgetretene Wandverdickung", "new diffuse wall thickening"), not of a
  // negated LGE in the same sentence ("no new LGE") nor "neun".
  ['new-onset', String.raw`(?:neu (?:aufgetreten${W}|entstanden${W})|neue?[mrs]?|new(?:ly)?(?:[- ]onset)?|recent[- ]onset|transient${W}|passager${W}) (?:\w+ ){0,2}?(?:wall thickening|thickening|thickened|hypertroph${W}|wandverdickung${W}|verdickung${W}|verdickt${W}|wanddicke${W})`],
  // A mass that takes up no contrast, or one treated by anticoagulation: criteria/facts.ts reads it as a thrombus.
  ['non-enhancing', String.raw`(?:ohne|keine?) (?:\w+ )?(?:kontrastmittel|km)-?(?:aufnahme|anreicherung|enhancement)`],
  ['non-enhancing', String.raw`(?:non|not|nicht)[- ]?enhancing`],
  ['non-enhancing', String.raw`(?:no|without) (?:\w+ )?(?:contrast |gadolinium )?(?:enhancement|uptake)`],
  ['non-enhancing', String.raw`(?:does|did) not enhance`],
  ['non-enhancing', String.raw`(?:avascular|avaskulär${W})`],
  ['non-enhancing', String.raw`(?:ohne|keine?) (?:first-?pass-?)?(?:perfusion|kontrastierung)`],
  ['non-enhancing', String.raw`(?:no|without) (?:first-?pass )?perfusion`],
  ['non-enhancing', String.raw`nicht perfundiert${W}`],
  ['anticoag', String.raw`(?:antikoagul${W}|anticoagul${W}|heparin${W}|marcumar${W}|phenprocoumon|warfarin|apixaban|rivaroxaban|edoxaban|dabigatran)`],
  // The words that name oedema itself (a T2 signal phrase without them only describes signal).
  ['oedema-word', `${W}ödem${W}`],
  ['oedema-word', String.raw`o?edema${W}`],
  // The myocardium named in words ("myocardial", "Myokard", a wall, a segment).
  ['myocardium', `myokard${W}`],
  ['myocardium', `myocard${W}`],
  ['myocardium', `segment${W}`],
  ['myocardium', String.raw`walls?`],
  ['myocardium', `${W}wand${W}`],
  ['myocardium', `${W}wände${W}`],
  ['myocardium', `septum`],
  // A heart named beside a sarcoidosis ("kardiale Sarkoidose", "cardiac involvement"): without it, a sarcoidosis
  // named with an organ ("pulmonary sarcoidosis") is extracardiac.
  ['cardiac', String.raw`(?:cardiac|kardial${W}|myocardial|myokardial${W}|heart|herz${W}|n?stemi|mi|myokardinfarkt${W}|coronar${W}|koronar${W})`],
  ['extracardiac-sarcoid', String.raw`(?:bronchoscop${W}|bronchoskop${W}|transbronchial${W}|ebus|bal|lymph node biops${W}|lymphknotenbiops${W}|skin|haut${W}|ocular|okulär${W}|cutaneous|kutan${W}|neuro-?sarco${W}|neurosarko${W})`],
];

export type TriggerKind = 'neg-pre' | 'neg-post' | 'unc-pre' | 'unc-post' | 'hist-pre' | 'hist-post' | 'ask-pre' | 'ask-post' | 'pseudo' | 'term' | 'affirm';

/** A trigger and, for uncertainty, how sure the writer was (1 = certain, 0.3 = only a differential). */
export interface TriggerDef {
  kind: TriggerKind;
  pattern: string;
  certainty?: number;
}

const t = (kind: TriggerKind, certainty: number | undefined, ...patterns: string[]): TriggerDef[] => patterns.map((pattern) => ({ kind, pattern, certainty }));

export const TRIGGERS: TriggerDef[] = [
  // Pseudo-triggers first: they look like negations but mean something else and block the real trigger.
  ...t('pseudo', undefined, String.raw`(?:non|nicht)-?transmural${W}`, String.raw`(?:non|nicht)-(?:obstru[ck]tiv${W}|obstructive|kompaktiert${W}|compacted|invasiv${W}|invasive)`, 'nicht nur', String.raw`ohne bezug zu`, String.raw`kein${W} (?:wesentlich${W} |signifikant${W} )?(?:veränderung${W}|befundänderung${W}|progredienz|befundprogredienz|zunahme|abnahme|unterschied${W}|befundbesserung)`, String.raw`no (?:significant |interval )?(?:change|progression|interval change)`, 'not only', 'ohne befundänderung', 'ohne wesentliche änderung', String.raw`ohne (?:kontrastmittel${W}|km(?:-gabe)?|gadolinium|kontrast)`, String.raw`without (?:intravenous )?(?:contrast|gadolinium)`, String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)[- ](?:year|month|week|day)s?[- ]old`),
  // "nicht auszuschließen" is not a negation: it says the diagnosis is possible.
  ...t('unc-post', 0.35, String.raw`${NOT_SURELY}auszuschlie(?:ß|s|ss)en`, String.raw`${NOT_SURELY}ausgeschlossen`, String.raw`(?:kann|können|konnte) ${NOT_SURELY}ausgeschlossen werden`, String.raw`(?:cannot|can not|could not) be (?:excluded|ruled out)`, String.raw`not (?:be )?excluded`, String.raw`less likely`, 'weniger wahrscheinlich'),
  // DOMAIN.md: "nicht sicher abgrenzbar" is a hedge, not a negation; "nicht unbedingt", "unsicher" doubt.
  ...t('unc-post', 0.4, String.raw`(?:ist |sind )?nicht (?:sicher|eindeutig|zweifelsfrei) (?:abgrenzbar|nachweisbar|abzugrenzen|nachzuweisen|zu sehen|erkennbar)`, String.raw`(?:ist|bleibt|sind|bleiben) unsicher`, String.raw`(?:is|are|was|remains|remain) (?:indeterminate|uncertain|unclear)`, String.raw`(?:should|could|may|might) be considered`),
  // More ways of pointing at a diagnosis without stating it.
  ...t('unc-pre', 0.8, String.raw`pointing (?:towards?|to)`, String.raw`indicative of`, String.raw`richtungsweisend (?:für|auf)`, String.raw`in erster linie`),
  ...t('unc-pre', 0.6, String.raw`raising (?:the )?suspicion (?:of|for)`, String.raw`aspekt eine[rsm]`, String.raw`bild wie bei`, 'presumptive', 'putative', String.raw`working diagnosis(?: of)?`, String.raw`arbeitsdiagnose:?`),
  ...t('unc-post', 0.6, String.raw`(?:ist )?(?:primär |zunächst |am ehesten |differenzialdiagnostisch )?zu denken`, String.raw`denken`, String.raw`(?:ist |wäre )?denkbar`, String.raw`(?:ist )?anzunehmen`, String.raw`(?:is |would be )?conceivable`),
  // A differential the text weighed ("X was considered", "X wurde erwogen", "kommt in Betracht"): a candidate, not the answer.
  ...t('unc-post', 0.35, String.raw`(?:was|were|is|are) (?:also |initially |first )?(?:considered|discussed|raised|entertained)(?: (?:in|as) (?:the |a )?differential(?: diagnosis)?)?`, String.raw`(?:in|on) the differential(?: diagnosis)?`, String.raw`(?:wurde|wurden|wird|werden) (?:\w+ )?(?:erwogen|diskutiert|in betracht gezogen|in erwägung gezogen)`, String.raw`erwogen`, String.raw`(?:kommt|kommen|käme|kämen) (?:\w+ ){0,2}?in (?:betracht|frage)`),
  ...t('neg-post', undefined, String.raw`(?:was|were|is|are) not (?:suspected|considered|favou?red|supported)`, String.raw`(?:wurde|wurden|wird|werden) nicht (?:vermutet|erwogen|angenommen)`),
  // A differential weighed and then rejected ("X wurde erwogen, aber verworfen", "considered but rejected"), a
  // suspicion that did not hold ("bestätigt sich nicht"), a diagnosis "nicht anzunehmen": negated, not hedged.
  ...t('neg-post', undefined, String.raw`(?:erwogen|diskutiert|in betracht gezogen),? (?:aber|jedoch|dann|und) (?:\w+ ){0,8}?(?:verworfen|ausgeschlossen)`, String.raw`(?:considered|discussed|entertained|raised),? (?:but|and|then) (?:\w+ ){0,8}?(?:rejected|dismissed|discarded|excluded|ruled out)`, String.raw`(?:wurde |wurden |ist |sind )?verworfen`, String.raw`(?:was|were) (?:rejected|dismissed|discarded)`, String.raw`(?:bestätigt|bestätigte|bestätigen|bestätigten) sich nicht`, String.raw`(?:hat|haben|hatte|hatten) sich nicht bestätigt`, String.raw`(?:lässt|ließ|lassen|ließen) sich nicht bestätigen`, String.raw`(?:was|were) not borne out`, String.raw`(?:ist |sind |war |waren )?nicht anzunehmen`),
  ...t('unc-pre', 0.4, String.raw`nicht (?:sicher|unbedingt|zwingend)`, String.raw`scheinbar${W}`, String.raw`indeterminate (?:for|of)`, String.raw`(?:kann|könnte|dürfte) es sich (?:\w+ ){0,2}?um`, String.raw`es (?:kann|könnte|dürfte) sich (?:\w+ ){0,2}?um`),
  ...t('unc-pre', 0.35, String.raw`(?:${NOT_SURELY}|not (?:sicher )?)(?:auszuschließen|ausgeschlossen|excluded)(?: (?:ist|sind|werden|kann))?:?`, String.raw`(?:cannot|can not) (?:exclude|rule out)`, String.raw`dd:?`, String.raw`differen[tz]ial(?:diagnos${W}| diagnos${W}|s)?(?: (?:includes?|umfasst|ist|sind))?:?`, 'ddx', String.raw`alternativ${W}`, String.raw`or less likely`, String.raw`(?:could|can|cannot|can not) (?:not )?(?:be )?(?:distinguished|differentiated|told apart) (?:between|from)`, String.raw`(?:indistinguishable|not distinguishable) (?:between|from)`, String.raw`nicht (?:sicher |eindeutig )?(?:zu )?(?:unterscheiden|differenzieren|abzugrenzen) (?:zwischen|von)`, String.raw`(?:differenzierung|unterscheidung|abgrenzung) zwischen`),
  ...t('unc-pre', 0.15, String.raw`unwahrscheinlich(?:e|er|es|en|em)`, 'unlikely'),
  // What something resembled or was first taken for is not what it is ("resembling an ischaemic cardiomyopathy",
  // "admitted as myocardial infarction", "an episode labelled infarction").
  ...t('unc-pre', 0.2, String.raw`resembl${W}`, String.raw`mimick?${W}`, String.raw`imitier${W}`, String.raw`initially (?:\w+ ){0,2}?(?:as|for)`, String.raw`admitted as`, String.raw`labell?ed(?: as)?`, 'presumed', String.raw`(?:was |were )?assumed to be`, String.raw`als (?:\w+ )?(?:eingestuft|eingeschätzt|gewertet|interpretiert)${W}`, String.raw`misdiagnos${W}(?: as)?`, String.raw`ähnlich${W}`, String.raw`pseudo-?`),
  ...t('unc-post', 0.2, String.raw`(?:had been|has been|was|were) (?:initially |originally |previously )?(?:assumed|presumed|believed|thought)`, String.raw`-like`, String.raw`-artig${W}`, String.raw`als \w+ eingeordnet${W}`, String.raw`-type`),
  ...t('unc-post', 0.15, String.raw`unwahrscheinlich`, 'unlikely', String.raw`(?:is |are |seems |appears )?not likely`, String.raw`nicht wahrscheinlich`),
  ...t('unc-pre', 0.8, String.raw`(?:hochgradig${W}|dringend${W}|starke[rnm]?) (?:v\. ?a\.|verdacht${W})(?: auf)?`, String.raw`strong(?:ly)? suspic${W}(?: (?:of|for))?`, String.raw`am ehesten(?: (?:im sinne|i\. ?s\.))?`, String.raw`a\. ?e\.`, String.raw`wahrscheinlich${W}`, 'most likely', 'most consistent with', 'likely', 'probable', 'probably', String.raw`hochverdächtig${W}(?: auf| für)?`, String.raw`highly suspicious (?:for|of)`, String.raw`favou?r(?:ing|s|ed)?`, String.raw`(?:spricht|sprechen) (?:eher |am ehesten )?für`, String.raw`suggestiv${W} für`, String.raw`suggestive of`, String.raw`im sinne(?: eine[rsm]| von)?`, String.raw`i\. ?s\. ?(?:v\.|e\.|einer|eines)?`, 'presumably', String.raw`(?:in favou?r of)`),
  ...t('unc-pre', 0.6, String.raw`(?:the )?possibility of`, String.raw`möglichkeit(?: eine[rsm]?)?`, String.raw`v\. ?a\.`, String.raw`verdacht${W}(?: auf)?`, String.raw`verdächtig${W}(?: auf| für)?`, String.raw`suspekt${W}(?: auf| für)?`, 'suspected', 'suspicion of', String.raw`suspicious (?:for|of)`, String.raw`concerning for`, String.raw`möglich${W}`, 'possible', 'possibly', String.raw`(?:may|might|could) (?:represent|reflect|be|indicate|suggest)`, String.raw`vermutlich`, String.raw`hinweisend auf`, String.raw`hinweis(?:e)? auf`, String.raw`hinweis für`, String.raw`zeichen(?: eine[rsm]?)?`, String.raw`passend zu`, 'verdachtsdiagnose', 'eher'),
  // "Myokarditis vs. Sarkoidose": two candidates, each hedged (find-findings.ts reads it both ways).
  ...t('unc-pre', 0.5, String.raw`vs\.?`, 'versus'),
  ...t('unc-pre', 0.4, String.raw`fraglich${W}`, 'questionable', 'equivocal', String.raw`grenzwertig${W}`, 'borderline'),
  ...t('unc-post', 0.6, String.raw`phenotype`, String.raw`phänotyp${W}`),
  ...t('unc-post', 0.6, String.raw`scheint (?:\w+ )?(?:vorzuliegen|zu bestehen|wahrscheinlich)`, String.raw`zu erwägen`, String.raw`(?:is |are |should be )?to be considered`, String.raw`(?:is|are|was) (?:possible|suspected)`, String.raw`wird vermutet`, String.raw`ist möglich`),
  ...t('unc-post', 0.8, String.raw`(?:is|are) (?:likely|probable)`, String.raw`wahrscheinlich`),
  // Negation ("argues against", "spricht gegen", "nicht vereinbar mit" outrank the stating phrase inside them)
  // A tissue normal "in" a sequence denies what that sequence shows ("myocardium normal in T2 and LGE", "unauffällig im LGE").
  ...t('neg-pre', undefined, String.raw`(?:normal|unremarkable|unauffällig${W}|regelrecht${W}) (?:in|on|im|auf)(?: the| der| den)?(?= (?:t1|t2|lge|late|stir|mapping|ecv|perfusion|t2w)(?![a-z]))`),
  ...t('neg-pre', undefined, String.raw`(?:ausgeschlossen|excluded|ruled out) ?:`, String.raw`(?:argues?|argued|speaks?|spoke) against`, String.raw`(?:spricht|sprechen|sprach|sprachen) (?:eher |deutlich |klar |eindeutig )?gegen`, String.raw`(?:not|nicht) (?:\w+ )?(?:consistent|compatible|vereinbar|kompatibel) (?:with|mit)`, String.raw`(?:inconsistent|incompatible|unvereinbar) (?:with|mit)`, String.raw`(?:atypical|untypical|atypisch${W}|untypisch${W}) (?:of|for|für)`, String.raw`kein${W} (?:sicher${W} |eindeutig${W} |direkt${W} |weiter${W} )?(?:hinweis${W}|anhalt(?:spunkt${W})?|nachweis${W}|zeichen|anzeichen|evidenz|beleg${W}|verdacht)(?: (?:auf|für|von))?`, String.raw`ohne (?:(?:sicher${W}|eindeutig${W}) )?(?:hinweis${W}|nachweis${W}|anhalt${W}|zeichen)(?: (?:auf|für|von))?`, String.raw`kein${W}`, 'nicht', 'ohne', String.raw`frei von`, 'weder', String.raw`fehlen${W}(?: (?:von|eine[rsm]?))?`, String.raw`(?:no|without|absent) (?:definite |convincing |significant |clear )?(?:evidence|sign|signs|indication|suggestion|features|findings)(?: of| for| to suggest)?`, String.raw`there (?:is|was|are|were) no`, String.raw`negative for`, String.raw`neg\.? for`, String.raw`w/o`, String.raw`free of`, 'absence of', String.raw`(?:a |the )?lack of`, 'lacking', String.raw`devoid of`, 'no', 'not', 'without', 'neither', String.raw`no longer`, String.raw`rather than`, String.raw`instead of`, 'anstatt', String.raw`statt`),
  // "Für eine Amyloidose ergibt sich kein Anhalt", "findet sich kein Hinweis": the absence told after the diagnosis.
  ...t('neg-post', undefined, String.raw`(?:(?:ergibt|ergeben|ergab|ergaben|findet|finden|fand|fanden) sich|(?:besteht|bestehen|bestand|bestanden)(?: sich)?) (?:\w+ )?kein${W} (?:(?:sicher|eindeutig|wesentlich|weiter)${W} )?(?:hinweis${W}|anhalt(?:spunkt${W})?|nachweis|verdacht)`),
  ...t('neg-post', undefined, String.raw`nicht bestätigt`, String.raw`(?:was |were )?not (?:confirmed|supported)`, String.raw`unbestätigt`, String.raw`(?:ist |sind |war |waren )?nicht (?:mehr )?(?:nachweisbar|abgrenzbar|vorhanden|nachzuweisen|erkennbar|sichtbar|abzugrenzen|zu sehen|darstellbar|feststellbar)`, String.raw`(?:ist |sind |wurde |wurden )?ausgeschlossen`, String.raw`(?:kann|konnte|können) ausgeschlossen werden`, String.raw`liegt nicht vor`, String.raw`besteht nicht`, String.raw`zeigt sich nicht`, String.raw`nicht erfüllt`, String.raw`(?:is |are |was |were )?(?:not|no longer) (?:seen|visible|identified|detected|present|demonstrated|visualized|observed|met|fulfilled|evident)`, String.raw`(?:was |were |is |are )?(?:ruled out|excluded)`, String.raw`(?:is |are |was )?absent`, String.raw`unauffällig`, String.raw`regelrecht`, String.raw`normwertig`, 'unremarkable', 'wnl', String.raw`o\. ?b\.?`, String.raw`entfällt`, String.raw`verneint`, String.raw`(?:fehlt|fehlen)`, String.raw`(?:imaging |images |sequences? )?(?:was |were )negative`, String.raw`existier${W} nicht`, String.raw`(?:ist |sind )?auszuschlie(?:ß|s)en`, String.raw`(?:kommt|kommen) nicht zum vorschein`, String.raw`nicht angezeigt`, String.raw`(?:was |were |is |are )?negative`, String.raw`: ?(?:none|nil)`, String.raw`: ?negativ${W}`),
  // History: a past event, not the current finding ("16 years earlier, ..." before it, "... 16 years earlier" after it)
  // A follow-up study names the disease it follows ("Kontrolle nach Myokarditis", "follow-up after myocarditis").
  ...t('hist-pre', undefined, String.raw`(?:verlaufs)?kontroll${W}(?: ?-?mrt| ?-?untersuchung)? (?:nach|bei z\. ?n\.)(?! (?:\d|ein |einem |einer |zwei |drei |vier |fünf |sechs |wenigen |mehreren ))`, String.raw`follow-?up(?: cmr| mri| study| scan)? (?:after|of)(?! (?:\d|a |an |one |two |three |four |five |six |several |few ))`, String.raw`(?:repeat|control) (?:cmr|mri|study|scan) (?:after|for)`),
  ...t('hist-pre', undefined, String.raw`z\. ?n\.`, String.raw`zust\. ?n\.`, String.raw`zustand nach`, String.raw`stattgehabt${W}`, String.raw`abgelaufen${W}`, String.raw`früher${W}`, String.raw`ehemalig${W}`, String.raw`vorbekannt${W}`, String.raw`anamnestisch${W}`, String.raw`history of`, 'known', String.raw`bekannt(?:e|er|es|en|em)`, 'prior', 'previous', 'previously', String.raw`status post`, String.raw`s/p`, String.raw`st\. ?p\.`, String.raw`status nach`, String.raw`post(?=[- ](?:n?stemi|mi|infarct|myocardial infarction|cabg|pci|ptca|myocarditis|myokarditis|myokardinfarkt))`, String.raw`h/o`, String.raw`hx of`, 'healed', 'old', 'remote', String.raw`past`, String.raw`residuell${W}`, String.raw`residual`, String.raw`(?:vollständig${W} |komplett${W} |weitgehend${W} )?rückbildung (?:der|des|von)`, String.raw`(?:complete |full )?resolution of`, ...['years', 'months', 'decades'].map((unit) => String.raw`(?:\d+|several|many|two|three|four|five|six|ten|a few) ${unit} (?:earlier|before|previously)[,:]`), ...['jahre', 'monate', 'jahrzehnte'].map((unit) => String.raw`(?:\d+|mehrere${W}|einige${W}|zwei|drei|vier|fünf|sechs|zehn) ${unit}${W} (?:zuvor|früher|vorher)[,:]`)),
  // A past episode told as such: "had been treated for", "die damalige Kardio-MRT", "eine Myokarditis durchgemacht",
  // "an LVEF of 30 % at the time".
  ...t('hist-pre', undefined, String.raw`had been (?:treated|diagnosed|hospitali[sz]ed) (?:for|with)`, String.raw`damalig${W}`),
  ...t('hist-post', undefined, String.raw`durchgemacht`, String.raw`at (?:that|the) time`),
  ...t('hist-post', undefined, String.raw`in der vorgeschichte`, String.raw`in the past`, String.raw`vor (?:\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|mehreren|einigen|wenigen) (?:jahren|monaten|wochen)`, String.raw`vor (?:einem|einer) (?:jahr|monat|woche)`, String.raw`\d+ (?:years|months) ago`, String.raw`im jahr \d{4}`, String.raw`in \d{4}`, String.raw`(?:hat|haben) sich (?:vollständig |komplett )?zurückgebildet`, String.raw`(?:has |have )?(?:fully |completely )?resolved`, ...['years', 'months', 'weeks', 'decades'].map((unit) => String.raw`(?:\d+|several|many|two|three|four|five|six|ten|a few) ${unit} (?:earlier|before|previously)`), ...['jahre', 'monate', 'wochen', 'jahrzehnte'].map((unit) => String.raw`(?:\d+|mehrere${W}|einige${W}|zwei|drei|vier|fünf|sechs|zehn) ${unit}${W} (?:zuvor|früher|vorher)`)),
  // A question about a diagnosis is not a finding of it
  ...t('ask-pre', undefined, String.raw`(?:zum |zur )?ausschluss${W}(?: eine[rsm]?)?`, String.raw`frage nach`, String.raw`(?:unter der |mit der )?frage (?:einer|eines|nach)`, String.raw`fragestellung:?`, String.raw`rule out`, String.raw`r/o`, String.raw`to (?:exclude|rule out)`, String.raw`evaluat${W} (?:for|of)`, String.raw`assess${W} for`, String.raw`abklärung${W}(?: (?:eine[rsm]?|von|bei))?`, String.raw`work ?up (?:for|of)`, String.raw`query:?`),
  ...t('ask-post', undefined, String.raw`\?`),
  // Scope ends
  ...t('term', undefined, 'aber', 'jedoch', 'allerdings', 'obwohl', 'dennoch', 'trotzdem', String.raw`außer`, 'bis auf', String.raw`abgesehen von`, 'sondern', 'but', 'however', 'although', 'though', 'except', String.raw`apart from`, String.raw`aside from`, 'whereas', 'while', 'yet', 'bei', 'zudem', 'zusätzlich', 'additionally', 'also', 'which', 'welche', String.raw`vereinbar mit`, String.raw`consistent with`, String.raw`c/w`, String.raw`im rahmen`, 'aufgrund', 'due to', 'then'),
  // Affirming phrases: a statement of the diagnosis, stronger than a passing mention
  ...t('affirm', undefined, String.raw`vereinbar mit`, String.raw`passend zu`, String.raw`spricht für`, String.raw`sprechen für`, String.raw`bild eine[rsm]`, String.raw`befundkonstellation`, String.raw`typisch${W} (?:befund${W}|bild)?`, String.raw`diagnose`, String.raw`diagnos${W}`, String.raw`consistent with`, String.raw`c/w`, String.raw`compatible with`, String.raw`in keeping with`, String.raw`characteristic of`, String.raw`typical (?:of|for)`, String.raw`diagnostic of`, String.raw`confirm${W}`, String.raw`bestätig${W}`, String.raw`gesichert${W}`, String.raw`erfüllt`, String.raw`(?:criteria )?(?:are |were )?(?:met|fulfilled)`),
];
