/**
 * Draws one synthetic case: a patient, coherent measurements and structured findings for a category.
 * Numbers follow DOMAIN.md: EF from EDV and ESV, indices from BSA, mapping against the field strength's
 * normal range, HCM wall thickness >= 15 mm, CA with ECV > 40 % and diffuse LGE, myocarditis meeting Lake
 * Louise 2018, ICM scar in one coronary territory, DCM dilated with reduced EF. Rendering to text is separate
 * (render-report.ts), so the same case can be written in German or English.
 */
import type { Rng } from '../util/rng.js';
import { TERRITORY_SEGMENTS, type Segment, type Territory } from './anatomy.js';

export type Label = 'HCM' | 'CA' | 'CS' | 'MYO' | 'ICM' | 'DCM' | 'NORMAL' | 'OTHER';
export const LABELS: Label[] = ['HCM', 'CA', 'CS', 'MYO', 'ICM', 'DCM', 'NORMAL', 'OTHER'];
export type OtherSubtype = 'takotsubo' | 'lvnc' | 'fabry' | 'arvc' | 'pericarditis' | 'valve' | 'tumour' | 'hypertensive';
export const OTHER_SUBTYPES: OtherSubtype[] = ['takotsubo', 'lvnc', 'fabry', 'arvc', 'pericarditis', 'valve', 'tumour', 'hypertensive'];
export type Difficulty = 'explicit' | 'implicit' | 'hedged' | 'hard';
export const DIFFICULTIES: Difficulty[] = ['explicit', 'implicit', 'hedged', 'hard'];

export type Sex = 'm' | 'f';
export interface Patient {
  sex: Sex;
  age: number;
  heightCm: number;
  weightKg: number;
  bsa: number;
}

export type LgePattern = 'subepicardial' | 'midwall' | 'stripe' | 'subendocardial' | 'transmural' | 'diffuse' | 'patchy' | 'insertion';
export interface Lge {
  pattern: LgePattern;
  segments: Segment[];
  territory?: Territory;
  /** RV side of the septum (sarcoidosis). */
  rvSide?: boolean;
}

export interface Findings {
  lvSize: 'small' | 'normal' | 'mild' | 'dilated' | 'severe';
  lvFunction: 'hyper' | 'normal' | 'mild' | 'moderate' | 'severe';
  wma: null | { kind: 'regional'; motion: 'hypokinesia' | 'akinesia' | 'dyskinesia'; segments: Segment[] } | { kind: 'global' } | { kind: 'ballooning' };
  hypertrophy: null | { kind: 'asymmetric' | 'concentric' | 'apical'; segment?: Segment };
  sam: boolean;
  lge: Lge[];
  oedema: null | { kind: 'regional'; segments: Segment[] } | { kind: 'global' } | { kind: 'apical' };
  t1: 'normal' | 'elevated' | 'high' | 'low';
  t2: 'normal' | 'elevated';
  ecv: 'normal' | 'elevated' | 'high';
  nulling: boolean;
  effusion: 'none' | 'small' | 'moderate';
  pleural: boolean;
  atria: 'normal' | 'la' | 'biatrial';
  atrialSeptum: boolean;
  lymph: boolean;
  thinning: Segment[];
  thrombus: boolean;
  rv: 'normal' | 'reduced' | 'dilated' | 'arvc';
  perfusionDefect: Territory | null;
  /** Subtype-specific findings of OTHER cases and extras such as functional mitral regurgitation. */
  special: ('lvnc' | 'tumour' | 'aorticStenosis' | 'mitralRegurgitation' | 'pericardium' | 'fabry' | 'hypertension')[];
}

/** Measured values by canonical key. Volumes ml, indices ml/m², mass g, thickness mm, T1/T2 ms, ECV %. */
export type Values = Partial<Record<ValueKey, number>>;
export type ValueKey =
  | 'LVEDV' | 'LVEDVi' | 'LVESV' | 'LVESVi' | 'LVSV' | 'LVEF' | 'LVM' | 'LVMi' | 'MWT'
  | 'RVEDV' | 'RVEDVi' | 'RVESV' | 'RVESVi' | 'RVEF' | 'T1' | 'T2' | 'ECV' | 'LVOT_gradient' | 'RF' | 'LA_area' | 'HR' | 'BSA' | 'CO';

export interface Range {
  low?: number;
  high?: number;
}

export type HistoryKind =
  | 'hcm-family' | 'hcm-murmur' | 'hcm-syncope' | 'hcm-ecg' | 'ca-hfpef' | 'ca-lowvoltage' | 'ca-carpal' | 'ca-gammopathy'
  | 'cs-pulmonary' | 'cs-avblock' | 'cs-vt' | 'cs-lymph' | 'myo-infect' | 'myo-troponin' | 'myo-palpitations' | 'myo-stelevation'
  | 'icm-infarct' | 'icm-pci' | 'icm-viability' | 'icm-nstemi' | 'dcm-hf' | 'dcm-new' | 'dcm-family' | 'dcm-followup'
  | 'normal-palpitations' | 'normal-chestpain' | 'normal-exclude-myo' | 'normal-exclude-cm' | 'normal-athlete' | 'normal-dyspnoea'
  | 'other-stress' | 'other-lvnc' | 'other-fabry' | 'other-arvc' | 'other-pericarditis' | 'other-valve' | 'other-tumour' | 'other-hypertension'
  | 'mislead-myo' | 'mislead-cad' | 'mislead-amyloid' | 'mislead-dcm' | 'mislead-hcm';

export interface SynthCase {
  label: Label;
  subtype?: OtherSubtype;
  difficulty: Difficulty;
  patient: Patient;
  field: 1.5 | 3;
  values: Values;
  refs: Partial<Record<ValueKey, Range>>;
  findings: Findings;
  history: HistoryKind[];
  /** Labels a hedged or hard report may name as a differential diagnosis. */
  differentials: Label[];
  /** Hard cases: a history of myocarditis in a DCM report and the like. */
  priorMyocarditis?: boolean;
}

const BASE_FINDINGS: Findings = {
  lvSize: 'normal',
  lvFunction: 'normal',
  wma: null,
  hypertrophy: null,
  sam: false,
  lge: [],
  oedema: null,
  t1: 'normal',
  t2: 'normal',
  ecv: 'normal',
  nulling: false,
  effusion: 'none',
  pleural: false,
  atria: 'normal',
  atrialSeptum: false,
  lymph: false,
  thinning: [],
  thrombus: false,
  rv: 'normal',
  perfusionDefect: null,
  special: [],
};

/** Upper normal limits of native T1/T2 and ECV per field strength, as a site prints them. */
export function mappingNormals(field: 1.5 | 3, rng: Rng): { t1: Range; t2: Range; ecv: Range } {
  if (field === 1.5) {
    const t1High = rng.pick([1020, 1030, 1040, 1050]);
    return { t1: rng.chance(0.5) ? { high: t1High } : { low: t1High - 100, high: t1High }, t2: { high: rng.pick([50, 52, 54, 55]) }, ecv: { high: rng.pick([29, 30]) } };
  }
  const t1High = rng.pick([1230, 1250, 1270]);
  return { t1: rng.chance(0.5) ? { high: t1High } : { low: t1High - 110, high: t1High }, t2: { high: rng.pick([48, 50, 52]) }, ecv: { high: rng.pick([29, 30]) } };
}

function samplePatient(rng: Rng, sex: Sex, ageRange: [number, number]): Patient {
  const heightCm = sex === 'm' ? rng.int(168, 192) : rng.int(156, 178);
  const bmi = rng.range(20, 31, 1);
  const weightKg = Math.round((bmi * heightCm * heightCm) / 10000);
  const bsa = Math.round(Math.sqrt((heightCm * weightKg) / 3600) * 100) / 100; // Mosteller
  return { sex, age: rng.int(ageRange[0], ageRange[1]), heightCm, weightKg, bsa };
}

/** Volumes and EF that agree with each other and with the BSA. */
function volumes(patient: Patient, edvi: number, ef: number, prefix: 'LV' | 'RV'): Values {
  const edv = Math.round(edvi * patient.bsa);
  const esv = Math.round(edv * (1 - ef / 100));
  const efActual = Math.round(((edv - esv) / edv) * 100);
  const v: Values = {};
  v[`${prefix}EDV`] = edv;
  v[`${prefix}EDVi`] = Math.round(edv / patient.bsa);
  v[`${prefix}ESV`] = esv;
  v[`${prefix}ESVi`] = Math.round(esv / patient.bsa);
  v[`${prefix}EF`] = efActual;
  if (prefix === 'LV') v.LVSV = edv - esv;
  return v;
}

function volumeRefs(sex: Sex): Partial<Record<ValueKey, Range>> {
  return sex === 'm'
    ? { LVEDV: { low: 106, high: 214 }, LVEDVi: { low: 57, high: 105 }, LVESV: { low: 26, high: 82 }, LVESVi: { low: 14, high: 38 }, LVEF: { low: 57, high: 77 }, LVM: { low: 92, high: 176 }, LVMi: { low: 46, high: 83 }, MWT: { high: 12 }, RVEDV: { low: 118, high: 250 }, RVEDVi: { low: 61, high: 121 }, RVESVi: { low: 19, high: 59 }, RVEF: { low: 47, high: 74 }, LVSV: { low: 63, high: 145 } }
    : { LVEDV: { low: 86, high: 178 }, LVEDVi: { low: 56, high: 96 }, LVESV: { low: 22, high: 66 }, LVESVi: { low: 14, high: 34 }, LVEF: { low: 57, high: 77 }, LVM: { low: 72, high: 144 }, LVMi: { low: 37, high: 67 }, MWT: { high: 11 }, RVEDV: { low: 85, high: 210 }, RVEDVi: { low: 48, high: 112 }, RVESVi: { low: 12, high: 52 }, RVEF: { low: 47, high: 74 }, LVSV: { low: 52, high: 121 } };
}

interface Draft {
  sex?: Sex;
  age: [number, number];
  edvi: [number, number];
  ef: [number, number];
  mwt: [number, number];
  lvmi: [number, number];
  rvEdvi?: [number, number];
  rvEf?: [number, number];
  t1?: [number, number]; // offset against the upper normal
  t2?: [number, number];
  ecv: [number, number];
}

const NORMAL_DRAFT: Draft = { age: [18, 70], edvi: [62, 92], ef: [58, 70], mwt: [7, 10], lvmi: [45, 70], t1: [-80, -15], t2: [-8, -2], ecv: [22, 28] };

function pickSegments(rng: Rng, territory: Territory, count: number): Segment[] {
  const all = TERRITORY_SEGMENTS[territory];
  const start = rng.int(0, Math.max(0, all.length - count));
  return all.slice(start, start + count);
}

const seg = (level: Segment['level'], wall: Segment['wall']): Segment => ({ level, wall });

/** Draws a case of the given category, subtype and difficulty. */
export function sampleCase(rng: Rng, label: Label, difficulty: Difficulty, subtype?: OtherSubtype): SynthCase {
  const hard = difficulty === 'hard';
  const f: Findings = structuredClone(BASE_FINDINGS);
  let draft: Draft = { ...NORMAL_DRAFT };
  let history: HistoryKind[] = [];
  let differentials: Label[] = [];
  let priorMyocarditis = false;
  let lvotGradient: number | undefined;
  let rf: number | undefined;

  switch (label) {
    case 'NORMAL': {
      draft = { ...NORMAL_DRAFT, ef: hard ? [56, 62] : [58, 70], mwt: hard ? [10, 12] : [7, 10] };
      history = [rng.pick(['normal-palpitations', 'normal-chestpain', 'normal-exclude-myo', 'normal-exclude-cm', 'normal-athlete', 'normal-dyspnoea'] as const)];
      if (hard) history = [rng.pick(['mislead-myo', 'mislead-amyloid', 'mislead-hcm', 'normal-exclude-cm'] as const)];
      differentials = [rng.pick(['MYO', 'HCM', 'DCM', 'CA'] as const)];
      break;
    }
    case 'HCM': {
      const apical = !hard && rng.chance(0.1);
      draft = { age: [18, 70], edvi: [52, 82], ef: [64, 80], mwt: hard ? [15, 16] : [17, 28], lvmi: [85, 140], t1: [-20, 60], t2: [-6, -1], ecv: [26, 33] };
      f.hypertrophy = apical ? { kind: 'apical', segment: seg('apical', 'apex') } : { kind: 'asymmetric', segment: rng.pick([seg('basal', 'anteroseptal'), seg('basal', 'inferoseptal'), seg('mid', 'anteroseptal'), seg('mid', 'inferoseptal')]) };
      f.lvFunction = 'hyper';
      f.lvSize = rng.chance(0.4) ? 'small' : 'normal';
      f.sam = !apical && rng.chance(0.55);
      if (f.sam) lvotGradient = rng.int(32, 95);
      if (rng.chance(0.7)) f.lge.push({ pattern: 'midwall', segments: [f.hypertrophy.segment!, rng.pick([seg('basal', 'anteroseptal'), seg('mid', 'inferoseptal')])] });
      if (rng.chance(0.5)) f.lge.push({ pattern: 'insertion', segments: [] });
      if (rng.chance(0.3)) f.atria = 'la';
      history = [rng.pick(['hcm-family', 'hcm-murmur', 'hcm-syncope', 'hcm-ecg'] as const)];
      if (hard) {
        history.push('other-hypertension');
        f.special.push('hypertension');
      }
      differentials = ['CA', 'OTHER'];
      break;
    }
    case 'CA': {
      draft = { age: [58, 85], edvi: [45, 75], ef: [38, 60], mwt: hard ? [13, 15] : [15, 23], lvmi: [85, 150], t1: [140, 330], t2: [-4, 3], ecv: hard ? [41, 46] : [44, 66], sex: rng.chance(0.75) ? 'm' : 'f' };
      f.hypertrophy = { kind: 'concentric' };
      f.lvSize = rng.chance(0.6) ? 'small' : 'normal';
      f.lvFunction = rng.pick(['normal', 'mild', 'mild', 'moderate'] as const);
      f.lge.push({ pattern: rng.pick(['diffuse', 'diffuse', 'transmural'] as const), segments: [] });
      f.nulling = rng.chance(hard ? 0.4 : 0.75);
      f.t1 = 'high';
      f.ecv = 'high';
      f.atrialSeptum = rng.chance(0.5);
      f.atria = rng.chance(0.7) ? 'biatrial' : 'normal';
      f.effusion = rng.chance(0.6) ? 'small' : 'none';
      f.pleural = rng.chance(0.4);
      history = [rng.pick(['ca-hfpef', 'ca-lowvoltage', 'ca-carpal', 'ca-gammopathy'] as const)];
      if (hard) history = [rng.pick(['mislead-hcm', 'other-hypertension'] as const)];
      differentials = ['HCM', 'OTHER'];
      break;
    }
    case 'MYO': {
      draft = { age: [16, 55], edvi: [65, 100], ef: [48, 64], mwt: [8, 11], lvmi: [50, 75], t1: [40, 160], t2: [4, 14], ecv: [29, 37], sex: rng.chance(0.7) ? 'm' : 'f' };
      const where = rng.weighted([
        [[seg('basal', 'inferolateral'), seg('mid', 'inferolateral')], 4],
        [[seg('basal', 'anterolateral'), seg('mid', 'anterolateral'), seg('apical', 'lateral')], 2],
        [[seg('basal', 'inferolateral'), seg('mid', 'anterolateral'), seg('apical', 'lateral')], 2],
        [[seg('basal', 'anteroseptal'), seg('mid', 'anteroseptal')], 1],
      ] as const);
      const segments = [...where];
      f.lge.push({ pattern: rng.chance(0.7) ? 'subepicardial' : 'midwall', segments });
      f.oedema = rng.chance(0.85) ? { kind: 'regional', segments } : { kind: 'global' };
      f.t2 = 'elevated';
      f.t1 = 'elevated';
      f.ecv = 'elevated';
      f.effusion = rng.chance(0.5) ? 'small' : 'none';
      if (rng.chance(0.25)) {
        f.wma = { kind: 'regional', motion: 'hypokinesia', segments: segments.slice(0, 1) };
        f.lvFunction = 'mild';
        draft.ef = [48, 54];
      }
      history = [rng.pick(['myo-infect', 'myo-troponin', 'myo-palpitations', 'myo-stelevation'] as const)];
      if (hard) history = ['mislead-cad'];
      differentials = ['CS', 'ICM'];
      break;
    }
    case 'CS': {
      draft = { age: [30, 62], edvi: [70, 115], ef: [36, 58], mwt: [7, 11], lvmi: [50, 80], t1: [20, 120], t2: [-3, 8], ecv: [29, 36] };
      const segments = [seg('basal', rng.pick(['anteroseptal', 'inferoseptal'] as const)), rng.pick([seg('basal', 'inferolateral'), seg('mid', 'anterolateral'), seg('basal', 'anterolateral')])];
      f.lge.push({ pattern: 'patchy', segments, rvSide: rng.chance(0.7) });
      if (rng.chance(0.4)) {
        f.oedema = { kind: 'regional', segments: segments.slice(0, 1) };
        f.t2 = 'elevated';
      }
      f.t1 = 'elevated';
      f.ecv = 'elevated';
      f.lymph = rng.chance(0.65);
      if (draft.ef[0] < 50 && rng.chance(0.5)) f.lvFunction = 'mild';
      if (rng.chance(0.3)) f.thinning = segments.slice(0, 1);
      history = [rng.pick(['cs-pulmonary', 'cs-avblock', 'cs-vt', 'cs-lymph'] as const)];
      if (!f.lymph && history[0] === 'cs-vt') history.push('cs-avblock');
      if (hard) f.lymph = true;
      differentials = ['MYO', 'ICM'];
      break;
    }
    case 'ICM': {
      const territory = rng.weighted([['LAD', 5], ['RCA', 3], ['RCX', 2]] as const);
      const segments = pickSegments(rng, territory, rng.int(2, 4));
      const transmural = rng.chance(0.6);
      draft = { age: [48, 82], edvi: hard ? [110, 150] : [85, 140], ef: [22, 46], mwt: [6, 11], lvmi: [55, 95], t1: [-40, 20], t2: [-6, -1], ecv: [24, 30], sex: rng.chance(0.8) ? 'm' : 'f' };
      f.lge.push({ pattern: transmural ? 'transmural' : 'subendocardial', segments, territory });
      f.wma = { kind: 'regional', motion: transmural ? 'akinesia' : 'hypokinesia', segments };
      if (transmural && rng.chance(0.6)) f.thinning = segments;
      f.thrombus = territory === 'LAD' && rng.chance(0.15);
      f.lvSize = rng.pick(['normal', 'mild', 'dilated'] as const);
      f.lvFunction = rng.pick(['mild', 'moderate', 'severe'] as const);
      if (rng.chance(0.25)) f.perfusionDefect = territory;
      history = [rng.pick(['icm-infarct', 'icm-pci', 'icm-viability', 'icm-nstemi'] as const)];
      if (hard) history = ['mislead-dcm'];
      differentials = ['DCM', 'MYO'];
      break;
    }
    case 'DCM': {
      draft = { age: [25, 75], edvi: [112, 190], ef: [14, 38], mwt: [6, 10], lvmi: [70, 115], t1: [-10, 60], t2: [-6, -1], ecv: [26, 32], rvEf: [35, 55] };
      f.lvSize = rng.chance(0.5) ? 'dilated' : 'severe';
      f.lvFunction = rng.chance(0.7) ? 'severe' : 'moderate';
      f.wma = { kind: 'global' };
      if (rng.chance(hard ? 1 : 0.4)) f.lge.push({ pattern: 'stripe', segments: [seg('basal', 'inferoseptal'), seg('mid', 'inferoseptal')] });
      if (rng.chance(0.35)) f.rv = 'reduced';
      if (rng.chance(0.3)) {
        f.special.push('mitralRegurgitation');
        rf = rng.int(20, 35);
      }
      f.atria = rng.chance(0.5) ? 'la' : 'normal';
      history = [rng.pick(['dcm-hf', 'dcm-new', 'dcm-family', 'dcm-followup'] as const)];
      if (hard) {
        priorMyocarditis = true;
        history = ['mislead-myo'];
      }
      differentials = ['ICM', 'MYO'];
      break;
    }
    case 'OTHER': {
      const kind = subtype ?? rng.pick(OTHER_SUBTYPES);
      subtype = kind;
      differentials = [];
      switch (kind) {
        case 'takotsubo':
          draft = { ...NORMAL_DRAFT, sex: 'f', age: [55, 82], ef: [30, 46], t1: [20, 90], t2: [4, 10], ecv: [27, 31] };
          f.wma = { kind: 'ballooning' };
          f.oedema = { kind: 'apical' };
          f.t2 = 'elevated';
          f.lvFunction = 'moderate';
          history = ['other-stress'];
          differentials = ['MYO', 'ICM'];
          break;
        case 'lvnc':
          draft = { ...NORMAL_DRAFT, ef: [38, 58], edvi: [85, 120] };
          f.special.push('lvnc');
          history = ['other-lvnc'];
          differentials = ['DCM'];
          break;
        case 'fabry':
          draft = { ...NORMAL_DRAFT, sex: 'm', age: [30, 60], mwt: [13, 17], lvmi: [80, 120], t1: [-180, -110], ecv: [24, 29] };
          f.hypertrophy = { kind: 'concentric' };
          f.t1 = 'low';
          f.lge.push({ pattern: 'midwall', segments: [seg('basal', 'inferolateral')] });
          f.special.push('fabry');
          history = ['other-fabry'];
          differentials = ['HCM', 'CA'];
          break;
        case 'arvc':
          draft = { ...NORMAL_DRAFT, age: [18, 50], rvEdvi: [125, 165], rvEf: [26, 40] };
          f.rv = 'arvc';
          history = ['other-arvc'];
          differentials = ['DCM'];
          break;
        case 'pericarditis':
          draft = { ...NORMAL_DRAFT, age: [20, 60] };
          f.effusion = 'moderate';
          f.special.push('pericardium');
          history = ['other-pericarditis'];
          differentials = ['MYO'];
          break;
        case 'valve':
          draft = { ...NORMAL_DRAFT, age: [50, 85], edvi: [80, 115], mwt: [9, 12] };
          f.special.push(rng.chance(0.5) ? 'aorticStenosis' : 'mitralRegurgitation');
          if (f.special.includes('mitralRegurgitation')) rf = rng.int(38, 55);
          f.atria = 'la';
          history = ['other-valve'];
          break;
        case 'tumour':
          draft = { ...NORMAL_DRAFT, age: [35, 75] };
          f.special.push('tumour');
          history = ['other-tumour'];
          break;
        case 'hypertensive':
          draft = { ...NORMAL_DRAFT, age: [50, 80], mwt: [12, 14], lvmi: [75, 100], ef: [56, 70] };
          f.hypertrophy = { kind: 'concentric' };
          f.special.push('hypertension');
          history = ['other-hypertension'];
          differentials = ['HCM', 'CA'];
          break;
      }
      break;
    }
  }

  const sex = draft.sex ?? (rng.chance(0.6) ? 'm' : 'f');
  const patient = samplePatient(rng, sex, draft.age);
  const field = rng.chance(0.6) ? 1.5 : 3;
  const normals = mappingNormals(field, rng);
  const edvi = rng.int(draft.edvi[0], draft.edvi[1]);
  const ef = rng.int(draft.ef[0], draft.ef[1]);
  const values: Values = { ...volumes(patient, edvi, ef, 'LV') };
  const rvEdvi = rng.int(...(draft.rvEdvi ?? (sex === 'm' ? [68, 105] : [58, 95])));
  const rvEf = rng.int(...(draft.rvEf ?? (f.rv === 'reduced' ? [32, 44] : [50, 64])));
  Object.assign(values, volumes(patient, rvEdvi, rvEf, 'RV'));
  values.LVMi = rng.int(...draft.lvmi);
  if (sex === 'f') values.LVMi = Math.round(values.LVMi * 0.85);
  values.LVM = Math.round(values.LVMi * patient.bsa);
  values.MWT = rng.int(...draft.mwt);
  const t1High = normals.t1.high!;
  const t2High = normals.t2.high!;
  values.T1 = t1High + rng.int(...(draft.t1 ?? [-80, -15])) * (field === 3 ? 1.2 : 1);
  values.T1 = Math.round(values.T1);
  values.T2 = t2High + rng.int(...(draft.t2 ?? [-8, -2]));
  // Raised T2 without visible oedema would contradict the text; without oedema T2 stays normal.
  if (!f.oedema) values.T2 = Math.min(values.T2, t2High - rng.int(1, 4));
  values.ECV = rng.int(...draft.ecv);
  values.BSA = patient.bsa;
  values.HR = rng.int(55, 95);
  values.CO = Math.round(((values.LVSV! * values.HR) / 1000) * 10) / 10;
  if (lvotGradient !== undefined) values.LVOT_gradient = lvotGradient;
  if (rf !== undefined) values.RF = rf;
  if (f.atria !== 'normal') values.LA_area = rng.int(26, 36);

  // Mapping states follow the numbers (the report's own reference decides what is raised).
  if (values.T2 > t2High) f.t2 = 'elevated';
  if (values.T1 > t1High) f.t1 = f.t1 === 'high' ? 'high' : 'elevated';
  if (values.ECV > normals.ecv.high!) f.ecv = values.ECV >= 40 ? 'high' : 'elevated';
  // LV size and function words follow the numbers, so text and table never disagree.
  const ef2 = values.LVEF!;
  f.lvFunction = ef2 >= 72 ? 'hyper' : ef2 >= 50 ? 'normal' : ef2 >= 41 ? 'mild' : ef2 >= 30 ? 'moderate' : 'severe';
  const upper = sex === 'm' ? 105 : 96;
  const edvi2 = values.LVEDVi!;
  f.lvSize = edvi2 > upper + 40 ? 'severe' : edvi2 > upper + 12 ? 'dilated' : edvi2 > upper ? 'mild' : edvi2 < (sex === 'm' ? 57 : 52) ? 'small' : 'normal';

  const refs: Partial<Record<ValueKey, Range>> = { ...volumeRefs(sex), T1: normals.t1, T2: normals.t2, ECV: normals.ecv };
  return { label, subtype, difficulty, patient, field, values, refs, findings: f, history, differentials, priorMyocarditis };
}
