/**
 * What a measurement label looks like in German and English CMR reports, and what values are plausible
 * for each canonical key. Patterns run on folded text (see fold-text.ts: lower case, ä→a, ß→s, ²→2).
 * A label names a family (EF, EDV, T1, ...); the ventricle, index and unit of the printed value then decide
 * the canonical key (LVEF, RVEDVi, ...). Plausibility ranges keep a stray number from becoming a value.
 */

export type Family =
  | 'EF' | 'EDV' | 'ESV' | 'SV' | 'MASS' | 'CO' | 'CI' | 'WALL' | 'EDD' | 'ESD' | 'T1' | 'T1_POST' | 'T1_BLOOD'
  | 'T2' | 'T2_RATIO' | 'T2STAR' | 'ECV' | 'LGE' | 'LA' | 'RA' | 'AO' | 'QPQS' | 'RF' | 'RVOL' | 'AVA' | 'VMAX' | 'GRADIENT' | 'HR' | 'BSA';

export type Ventricle = 'LV' | 'RV';

export interface LabelPattern {
  family: Family;
  /** Regex source on folded text; word boundaries are added around it. */
  source: string;
  ventricle?: Ventricle;
  index?: boolean;
  /**
   * Weak labels are common words ("Septum", "Masse", "Aorta") that name a measurement only when a fitting
   * value follows closely; they never cut the value region of a strong label that precedes them.
   */
  weak?: boolean;
  /** The value must carry one of these units (e.g. "LV-Funktion" counts as EF only with %). */
  requireUnit?: string[];
  /** How many words that are not fillers may stand between label and value (default: 4, weak labels 1). */
  maxWords?: number;
}

const LV = String.raw`(?:lv|links(?:ventrikular(?:e[snmr]?)?)?)`;
const RV = String.raw`(?:rv|rechts(?:ventrikular(?:e[snmr]?)?)?)`;
const IDX = String.raw`(?:-?\s?i(?:ndex)?|-?index)`;

export const LABEL_PATTERNS: LabelPattern[] = [
  // Ejection fraction
  { family: 'EF', source: String.raw`lv\s?-?\s?ef|lvef`, ventricle: 'LV' },
  { family: 'EF', source: String.raw`rv\s?-?\s?ef|rvef`, ventricle: 'RV' },
  { family: 'EF', source: String.raw`left\s+ventricular\s+(?:systolic\s+)?(?:ejection\s+fraction|ef)`, ventricle: 'LV' },
  { family: 'EF', source: String.raw`right\s+ventricular\s+(?:systolic\s+)?(?:ejection\s+fraction|ef)`, ventricle: 'RV' },
  { family: 'EF', source: String.raw`linksventrikular(?:e[snmr]?)?\s+(?:globale\s+)?(?:systolische\s+)?(?:ejektionsfraktion|auswurffraktion|ef)`, ventricle: 'LV' },
  { family: 'EF', source: String.raw`rechtsventrikular(?:e[snmr]?)?\s+(?:globale\s+)?(?:systolische\s+)?(?:ejektionsfraktion|auswurffraktion|ef)`, ventricle: 'RV' },
  { family: 'EF', source: String.raw`(?:globale\s+)?(?:ejektionsfraktion|auswurffraktion|ejection\s+fraction|ef)` },
  { family: 'EF', source: String.raw`lv-?\s?funktion|(?:globale\s+)?(?:systolische\s+)?(?:lv|linksventrikulare)\s+(?:pump)?funktion|lv\s+(?:systolic\s+)?function|left\s+ventricular\s+(?:systolic\s+)?function`, ventricle: 'LV', weak: true, requireUnit: ['%'] },
  { family: 'EF', source: String.raw`rv-?\s?funktion|(?:globale\s+)?(?:systolische\s+)?(?:rv|rechtsventrikulare)\s+(?:pump)?funktion|rv\s+(?:systolic\s+)?function|right\s+ventricular\s+(?:systolic\s+)?function`, ventricle: 'RV', weak: true, requireUnit: ['%'] },
  // Volumes (diameters first so "LVEDD" is not read as "LVEDV")
  { family: 'EDD', source: String.raw`lv\s?-?\s?edd|lvidd|lvedd|enddiastolische[rn]?\s+(?:lv-?)?(?:durchmesser|diameter)|(?:lv\s+)?end-?diastolic\s+diameter` },
  { family: 'ESD', source: String.raw`lv\s?-?\s?esd|lvids|lvesd|endsystolische[rn]?\s+(?:lv-?)?(?:durchmesser|diameter)|(?:lv\s+)?end-?systolic\s+diameter` },
  { family: 'EDV', source: String.raw`lv\s?-?\s?edv${IDX}?`, ventricle: 'LV' },
  { family: 'EDV', source: String.raw`rv\s?-?\s?edv${IDX}?`, ventricle: 'RV' },
  { family: 'ESV', source: String.raw`lv\s?-?\s?esv${IDX}?`, ventricle: 'LV' },
  { family: 'ESV', source: String.raw`rv\s?-?\s?esv${IDX}?`, ventricle: 'RV' },
  { family: 'EDV', source: String.raw`edv${IDX}?|(?:${LV}\s+|${RV}\s+)?(?:left\s+|right\s+)?(?:ventricular\s+)?(?:enddiastolische[snmr]?\s+volumen(?:index)?|end-?diastolic\s+volume(?:\s+index)?)` },
  { family: 'ESV', source: String.raw`esv${IDX}?|(?:${LV}\s+|${RV}\s+)?(?:left\s+|right\s+)?(?:ventricular\s+)?(?:endsystolische[snmr]?\s+volumen(?:index)?|end-?systolic\s+volume(?:\s+index)?)` },
  { family: 'SV', source: String.raw`lv\s?-?\s?sv${IDX}?`, ventricle: 'LV' },
  { family: 'SV', source: String.raw`rv\s?-?\s?sv${IDX}?`, ventricle: 'RV' },
  { family: 'SV', source: String.raw`sv${IDX}?|schlagvolumen(?:index)?|stroke\s+volume(?:\s+index)?` },
  // Mass
  { family: 'MASS', source: String.raw`lv\s?-?\s?mm?${IDX}?|lv-?\s?masse(?:index)?|lv\s+mass(?:\s+index)?|linksventrikulare\s+(?:myokard)?masse(?:index)?|left\s+ventricular\s+(?:myocardial\s+)?mass(?:\s+index)?`, ventricle: 'LV' },
  { family: 'MASS', source: String.raw`rv\s?-?\s?mm?${IDX}?|rv-?\s?masse(?:index)?|rv\s+mass(?:\s+index)?|rechtsventrikulare\s+(?:myokard)?masse(?:index)?|right\s+ventricular\s+(?:myocardial\s+)?mass(?:\s+index)?`, ventricle: 'RV' },
  { family: 'MASS', source: String.raw`myokardmasse(?:index)?|muskelmasse|myocardial\s+mass(?:\s+index)?|masse(?:index)?|mass(?:\s+index)?`, weak: true },
  // Output
  { family: 'CO', source: String.raw`herzzeitvolumen|herzminutenvolumen|hzv|hmv|cardiac\s+output` },
  { family: 'CO', source: String.raw`co`, weak: true },
  { family: 'CI', source: String.raw`herzindex|cardiac\s+index` },
  { family: 'CI', source: String.raw`ci`, weak: true },
  // Wall thickness
  { family: 'WALL', source: String.raw`mwt|lvwt|max(?:imale|imal)?\.?\s*(?:enddiastolische\s+|end-?diastolic\s+)?(?:lv-?\s?)?(?:wanddicken?|wandstarken?|myokarddicke|myokardwanddicke|wall\s+thickness|myocardial\s+thickness)` },
  { family: 'WALL', source: String.raw`(?:enddiastolische\s+|end-?diastolic\s+)?(?:lv-?\s?)?(?:wanddicken?|wandstarken?|myokarddicke|myokardwanddicke|wall\s+thickness|myocardial\s+thickness)` },
  { family: 'WALL', source: String.raw`(?:enddiastolische\s+)?(?:septumdicke|septumstarke|septale\s+wanddicke)|ivsd?|ivs-d|(?:interventricular\s+)?septal\s+(?:wall\s+)?thickness|hinterwanddicke|lvpwd?|posterior\s+wall\s+thickness` },
  { family: 'WALL', source: String.raw`(?:interventrikular|kammer)?septums?|hinterwand|posterolateralwand|lateralwand|septal\s+wall|posterior\s+wall|septum`, weak: true, requireUnit: ['mm', 'cm'] },
  // "Asymmetrische Hypertrophie des basalen Septums bis 21 mm", "septal hypertrophy measuring 19 mm".
  { family: 'WALL', source: String.raw`(?:septum|septale|septal)?-?\s?hypertrophie|(?:septal\s+)?hypertrophy|(?:wand|septum|myokard)verdickung|verdickung|wall\s+thickening|thickening`, weak: true, requireUnit: ['mm', 'cm'], maxWords: 0 },
  // Mapping
  { family: 'T1_POST', source: String.raw`(?:post(?:kontrast|-?km|-?contrast)?|postkontrast)-?\s?t1(?:-?\s?(?:zeit|wert|relaxationszeit|time|value))?|t1\s*\(?\s*(?:post|nach)\s*(?:-|\s)?(?:km|kontrast(?:mittel(?:gabe)?)?|gd|contrast|gadolinium)\s*\)?` },
  { family: 'T1_BLOOD', source: String.raw`(?:blut(?:pool)?|blood(?:\s+pool)?)-?\s?t1|t1\s*\(?\s*(?:des\s+)?(?:blut(?:pools?|es|s)?|blood(?:\s+pool)?)\s*\)?` },
  { family: 'T1', source: String.raw`native[snr]?\s+(?:myokardiale[snr]?\s+)?t1(?:-?\s?(?:zeit|wert|relaxationszeit|time|value|mapping))?|nativ-?\s?t1|t1(?:-?\s?(?:zeit|wert|relaxationszeit|relaxation\s+time|time|value|mapping|map))?(?:\s*\(?\s*nativ(?:e)?\s*\)?)?` },
  { family: 'T2STAR', source: String.raw`t2\*(?:-?\s?(?:zeit|wert|time|value))?|t2-?\s?(?:stern|star)` },
  { family: 'T2_RATIO', source: String.raw`t2(?:-?\s?(?:w|gewichtete[rn]?))?-?\s?(?:ratio|quotient|signalintensitatsratio|sir|si-ratio|signal\s+intensity\s+ratio|signalverhaltnis|verhaltnis)|odem-?\s?ratio|edema\s+ratio|(?:myokard|myocardium|myocardial)(?:\s?\/\s?|-?\s?to-?\s?)(?:skeletal(?:\s|-)+|skelett-?)?(?:muskel|muscle)(?:\s+signal)?(?:\s+intensity)?\s+(?:ratio|verhaltnis|quotient)|(?:signal(?:intensitats)?verhaltnis|signal(?:\s+intensity)?\s+ratio)\s+(?:myokard|myocardium)\s?(?:\/|zu|to)\s?(?:skelett)?(?:muskel|(?:skeletal\s+)?muscle)` },
  { family: 'T2', source: String.raw`t2(?:-?\s?(?:zeit|wert|relaxationszeit|relaxation\s+time|time|value|mapping|map))?(?!\*)` },
  { family: 'ECV', source: String.raw`ecv|extrazellularvolumen|extrazellulare[snr]?\s+volumen|extrazellularraum|extracellular\s+volume(?:\s+fraction)?` },
  { family: 'LGE', source: String.raw`lge-?\s?(?:masse|anteil|ausmass|last|extent|burden|mass)|late(?:[-\s]gadolinium)?[-\s]enhancement[-\s](?:masse|anteil|extent|burden)|narbenanteil|narbenmasse|fibroseanteil|scar\s+(?:mass|burden|extent)` },
  // Atria, aorta, flow
  { family: 'LA', source: String.raw`(?:linke[rsn]?\s+vorhof|linksatrial(?:e[snr]?)?|left\s+atri(?:um|al))(?:-?\s?(?:flache|area|durchmesser|diameter|volumen|volume|grosse|size))?|la(?:-?\s?(?:flache|area|durchmesser|diameter|volumen|volume|grosse|size|vi?))?`, weak: true, requireUnit: ['cm²', 'mm', 'cm', 'ml', 'ml/m²'] },
  { family: 'RA', source: String.raw`(?:rechte[rsn]?\s+vorhof|rechtsatrial(?:e[snr]?)?|right\s+atri(?:um|al))(?:-?\s?(?:flache|area|durchmesser|diameter|volumen|volume|grosse|size))?|ra(?:-?\s?(?:flache|area|durchmesser|diameter|volumen|volume|grosse|size|vi?))?`, weak: true, requireUnit: ['cm²', 'mm', 'cm', 'ml', 'ml/m²'] },
  { family: 'AO', source: String.raw`aorta\s+ascendens|aorta\s+asc\.?|ascending\s+aorta|aortenwurzel|aortic\s+root|aorta`, weak: true, requireUnit: ['cm²', 'mm', 'cm'] },
  { family: 'QPQS', source: String.raw`qp\s*[:/]\s*qs` },
  { family: 'RF', source: String.raw`regurgitationsfraktion|regurgitant\s+fraction|regurgitation\s+fraction` },
  { family: 'RF', source: String.raw`rf`, weak: true, requireUnit: ['%'] },
  // Valve severity (ESC/EACTS 2021): the regurgitant volume, the aortic valve area, the peak jet velocity.
  { family: 'RVOL', source: String.raw`regurgitationsvolumen|regurgitant\s+volume|regurgitation\s+volume|r\s?vol` , requireUnit: ['ml'] },
  { family: 'AVA', source: String.raw`ava|aortenklappenoffnungsflache|klappenoffnungsflache|offnungsflache|aortic\s+valve\s+area|(?:planimetered\s+)?valve\s+area`, requireUnit: ['cm²'] },
  { family: 'VMAX', source: String.raw`v\s?max|peak\s+(?:jet\s+|aortic\s+)?velocity|(?:maximale|max\.?)\s+(?:fluss)?geschwindigkeit|spitzengeschwindigkeit`, requireUnit: ['m/s'] },
  { family: 'GRADIENT', source: String.raw`lvot-?\s?gradient|lvot-?\s?obstruktion|(?:max(?:imale[rn]?)?\.?\s*|peak\s+)?(?:druck)?gradient`, weak: true, requireUnit: ['mmHg'] },
  { family: 'HR', source: String.raw`herzfrequenz|heart\s+rate` },
  { family: 'HR', source: String.raw`hf|puls`, weak: true },
  { family: 'BSA', source: String.raw`korperoberflache|body\s+surface\s+area|kof|bsa`, weak: true },
];

/** Plausible [min, max] per canonical key and unit; `null` is a value printed without unit. */
export interface KeyRule {
  ranges: Partial<Record<string, [number, number]>>;
}

const pct: [number, number] = [3, 95];
export const KEY_RULES: Record<string, KeyRule> = {
  LVEF: { ranges: { '%': pct, null: [5, 95] } },
  RVEF: { ranges: { '%': pct, null: [5, 95] } },
  LVEDV: { ranges: { ml: [20, 900], null: [40, 900] } },
  RVEDV: { ranges: { ml: [20, 900], null: [40, 900] } },
  LVEDVi: { ranges: { 'ml/m²': [15, 450], null: [20, 450] } },
  RVEDVi: { ranges: { 'ml/m²': [15, 450], null: [20, 450] } },
  LVESV: { ranges: { ml: [3, 800], null: [5, 800] } },
  RVESV: { ranges: { ml: [3, 800], null: [5, 800] } },
  LVESVi: { ranges: { 'ml/m²': [2, 400], null: [3, 400] } },
  RVESVi: { ranges: { 'ml/m²': [2, 400], null: [3, 400] } },
  LVSV: { ranges: { ml: [5, 300], null: [10, 300] } },
  RVSV: { ranges: { ml: [5, 300], null: [10, 300] } },
  LVSVi: { ranges: { 'ml/m²': [3, 200], null: [5, 200] } },
  RVSVi: { ranges: { 'ml/m²': [3, 200], null: [5, 200] } },
  LVM: { ranges: { g: [20, 800], null: [30, 800] } },
  RVM: { ranges: { g: [5, 300], null: [5, 300] } },
  LVMi: { ranges: { 'g/m²': [10, 400], null: [15, 400] } },
  RVMi: { ranges: { 'g/m²': [3, 200], null: [3, 200] } },
  CO: { ranges: { 'l/min': [0.5, 25], null: [0.5, 25] } },
  CI: { ranges: { 'l/min/m²': [0.3, 12], null: [0.3, 12] } },
  MWT: { ranges: { mm: [2, 50], cm: [0.2, 5], null: [3, 50] } },
  RVWT: { ranges: { mm: [1, 20], cm: [0.1, 2] } },
  LVEDD: { ranges: { mm: [20, 110], cm: [2, 11], null: [20, 110] } },
  LVESD: { ranges: { mm: [10, 100], cm: [1, 10], null: [10, 100] } },
  T1: { ranges: { ms: [600, 2500], null: [600, 2500] } },
  T1_post: { ranges: { ms: [100, 900], null: [100, 900] } },
  T1_blood: { ranges: { ms: [800, 2600], null: [800, 2600] } },
  T2: { ranges: { ms: [20, 150], null: [20, 150] } },
  T2_ratio: { ranges: { null: [0.5, 10] } },
  T2STAR: { ranges: { ms: [2, 100], null: [2, 100] } },
  ECV: { ranges: { '%': [5, 95], null: [0.05, 95] } },
  LGE_extent: { ranges: { '%': [0, 100], g: [0, 300] } },
  LA_area: { ranges: { 'cm²': [5, 90] } },
  LA_diam: { ranges: { mm: [15, 100], cm: [1.5, 10] } },
  LAV: { ranges: { ml: [10, 500] } },
  LAVi: { ranges: { 'ml/m²': [5, 250] } },
  RA_area: { ranges: { 'cm²': [5, 90] } },
  RA_diam: { ranges: { mm: [15, 100], cm: [1.5, 10] } },
  RAV: { ranges: { ml: [10, 500] } },
  RAVi: { ranges: { 'ml/m²': [5, 250] } },
  AO_area: { ranges: { 'cm²': [1, 40] } },
  AO_diam: { ranges: { mm: [10, 90], cm: [1, 9] } },
  QPQS: { ranges: { null: [0.2, 5] } },
  RF: { ranges: { '%': [0, 90] } },
  RegVol: { ranges: { ml: [1, 300] } },
  AVA: { ranges: { 'cm²': [0.2, 6] } },
  Vmax: { ranges: { 'm/s': [0.3, 8] } },
  LVOT_gradient: { ranges: { mmHg: [0, 250] } },
  HR: { ranges: { '/min': [25, 250], null: [25, 250] } },
  BSA: { ranges: { 'm²': [0.8, 3.2], null: [0.8, 3.2] } },
  FIELD: { ranges: { T: [0.2, 7.1] } },
};

/** Canonical unit spellings; the regex runs on folded text. Longest alternatives first. */
export const UNIT_SOURCE = String.raw`m\s?/\s?s(?:ec)?(?![a-z])|ml\s?/\s?m\s?(?:2|\^2)|ml\s?/\s?qm|g\s?/\s?m\s?(?:2|\^2)|l\s?/\s?min\s?/\s?m\s?(?:2|\^2)|l\s?/\s?min|cm\s?(?:2|\^2)|mmhg|mm\s+hg|msec|ms|mm|cm|ml|ccm|%|g|tesla|t|bpm|/\s?min|schlage\s?/\s?min|m\s?(?:2|\^2)`;

/** Printed units are a small vocabulary: each spelling is read once (its two regex replaces per unit were about 1 % of the engine). */
const CANONICAL = new Map<string, string>();

export function canonicalUnit(folded: string): string {
  let unit = CANONICAL.get(folded);
  if (unit === undefined) {
    unit = readUnit(folded);
    // A bound, in case a text prints endless spellings (spaces inside "mm   Hg").
    if (CANONICAL.size > 1000) CANONICAL.clear();
    CANONICAL.set(folded, unit);
  }
  return unit;
}

function readUnit(folded: string): string {
  const u = folded.replace(/\s+/g, '').replace('^2', '2');
  if (u === 'ml/m2' || u === 'ml/qm') return 'ml/m²';
  if (u === 'g/m2') return 'g/m²';
  if (u === 'l/min/m2') return 'l/min/m²';
  if (u === 'cm2') return 'cm²';
  if (u === 'm2') return 'm²';
  if (u === 'mmhg') return 'mmHg';
  if (u === 'm/s' || u === 'm/sec') return 'm/s';
  if (u === 'msec') return 'ms';
  if (u === 'ccm') return 'ml';
  if (u === 't' || u === 'tesla') return 'T';
  if (u === 'bpm' || u === '/min' || u === 'schlage/min') return '/min';
  return u;
}

/** Which canonical key a family becomes, given ventricle, index flag and the printed unit. */
export function keyFor(family: Family, ventricle: Ventricle, index: boolean, unit: string | null): string | undefined {
  const v = ventricle;
  switch (family) {
    case 'EF':
      return `${v}EF`;
    case 'EDV':
    case 'ESV':
    case 'SV': {
      const indexed = unit === 'ml/m²' || (unit === null && index);
      return `${v}${family}${indexed ? 'i' : ''}`;
    }
    case 'MASS': {
      const indexed = unit === 'g/m²' || (unit === null && index);
      return `${v}M${indexed ? 'i' : ''}`;
    }
    case 'CO':
      return unit === 'l/min/m²' ? 'CI' : 'CO';
    case 'CI':
      return 'CI';
    case 'WALL':
      return v === 'RV' ? 'RVWT' : 'MWT';
    case 'EDD':
      return 'LVEDD';
    case 'ESD':
      return 'LVESD';
    case 'T1':
      return 'T1';
    case 'T1_POST':
      return 'T1_post';
    case 'T1_BLOOD':
      return 'T1_blood';
    case 'T2':
      return 'T2';
    case 'T2_RATIO':
      return 'T2_ratio';
    case 'T2STAR':
      return 'T2STAR';
    case 'ECV':
      return 'ECV';
    case 'LGE':
      return 'LGE_extent';
    case 'LA':
    case 'RA': {
      const p = family;
      if (unit === 'cm²') return `${p}_area`;
      if (unit === 'mm' || unit === 'cm') return `${p}_diam`;
      if (unit === 'ml') return `${p}V`;
      if (unit === 'ml/m²') return `${p}Vi`;
      return undefined;
    }
    case 'AO':
      if (unit === 'cm²') return 'AO_area';
      if (unit === 'mm' || unit === 'cm') return 'AO_diam';
      return undefined;
    case 'QPQS':
      return 'QPQS';
    case 'RF':
      return 'RF';
    case 'RVOL':
      return 'RegVol';
    case 'AVA':
      return 'AVA';
    case 'VMAX':
      return 'Vmax';
    case 'GRADIENT':
      return 'LVOT_gradient';
    case 'HR':
      return 'HR';
    case 'BSA':
      return 'BSA';
  }
}

/**
 * Where in the heart a value was measured. After one, a further value of the same key is a regional value
 * ("T1 septal 1010 ms, lateral 1105 ms"), not the start of something else.
 */
export const REGION_WORDS = new Set(
  (
    'basal basale basalen mittventrikular midventricular mid apikal apical septal septale septalen anteroseptal inferoseptal ' +
    'inferior anterior lateral inferolateral anterolateral posterior posterolateral remote fokal focal regional regionale ' +
    'vorderwand hinterwand seitenwand lateralwand septum septums'
  ).split(' '),
);

/** Families measured per region, which may print several values after one label. */
export const REGIONAL_FAMILIES = new Set<Family>(['T1', 'T2', 'ECV', 'WALL']);

/** Words that may stand between a label and its value without breaking the link ("EF beträgt 55 %"). */
export const FILLER_WORDS = new Set(
  (
    'von mit bei betragt liegt lag ist war sind waren is was were of at about ca circa etwa approx approximately bis zu ' +
    'up to im in am an der die das des dem den ein eine einer einem eines a the and und bzw beziehungsweise jeweils ' +
    'hier gemessen measured calculated berechnet bestimmt global globale globaler globalen basal basale basalen mittventrikular ' +
    'midventricular mid apikal apical septal anteroseptal inferoseptal inferior anterior lateral inferolateral anterolateral ' +
    'posterior posterolateral septum septums septal septale septalen interventrikularseptums kammerseptums anteroseptalen inferoseptalen vorderwand hinterwand seitenwand lateralwand segment segmente segmenten myokard myokards ' +
    'myokardial myokardiale myocardial myocardium remote enddiastolisch enddiastolische end diastolic systolisch systolische ' +
    'systolic nativ native normal normale normaler normwertig normwertige normbereich regelrecht unauffallig erhalten preserved ' +
    'reduziert reduzierte reduced eingeschrankt eingeschrankte leicht leichtgradig mittelgradig hochgradig gering geringgradig ' +
    'deutlich maessig massig erhoht erhohte elevated increased vermindert grenzwertig borderline mildly moderately severely ' +
    'mild moderate severe impaired lv rv links rechts linken rechten linke rechte ventrikel ventrikels ventricle ventricular ' +
    'left right maximal max maximale simpson methode biplan scheibchensummation volumetrie aktuell aktuelle current currently ' +
    'jetzt nun now nur only knapp just leichtgradig gesamt total wert werte value values index indexiert indiziert indexed ' +
    'asymmetrische asymmetrisch asymmetric konzentrische konzentrisch concentric betont betonte pronounced measuring gemessen ' +
    'fokal focal regional regionale'
  ).split(' '),
);
