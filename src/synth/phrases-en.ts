/**
 * English wording for synthetic CMR reports: the same cases as the German phrasebook, written as English
 * CMR reports (SCMR reporting guideline headings: history, technique, findings, impression).
 */
import type { Ctx, Phrasebook } from './phrasebook.js';
import type { Label, LgePattern, SynthCase } from './sample-case.js';

const SIZE = { small: 'small', normal: 'normal in size', mild: 'mildly dilated', dilated: 'moderately dilated', severe: 'severely dilated' } as const;
const SIZE_ATTR = { small: 'small', normal: 'normal-sized', mild: 'mildly dilated', dilated: 'moderately dilated', severe: 'severely dilated' } as const;
const FN = { hyper: 'hyperdynamic', normal: 'normal', mild: 'mildly reduced', moderate: 'moderately reduced', severe: 'severely reduced' } as const;

function sentence(text: string): string {
  const t = text.trim();
  const s = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

function efPart(ctx: Ctx, key: 'LVEF' | 'RVEF'): string {
  if (ctx.inBlock.has(key) && !ctx.chance(0.25)) return '';
  if (!ctx.prose && !ctx.chance(0.4)) return '';
  return ctx.pick([` (${key} ${ctx.v(key)}%)`, `, with an ejection fraction of ${ctx.v(key)}%`, ` (EF ${ctx.v(key)}%)`]);
}

function lvSentences(ctx: Ctx): string[] {
  const f = ctx.c.findings;
  const ef = efPart(ctx, 'LVEF');
  const volume =
    ctx.prose || (!ctx.inBlock.has('LVEDVi') && ctx.chance(0.3))
      ? ctx.pick([` (LVEDV ${ctx.v('LVEDV')} ${ctx.units.ml}, indexed ${ctx.v('LVEDVi')} ${ctx.units.mlm2})`, ` (LVEDVi ${ctx.v('LVEDVi')} ${ctx.units.mlm2})`, ` with an end-diastolic volume of ${ctx.v('LVEDV')} ${ctx.units.ml}`])
      : '';
  return [
    sentence(
      ctx.pick([
        `The left ventricle is ${SIZE[f.lvSize]}${volume} with ${FN[f.lvFunction]} global systolic function${ef}`,
        `${SIZE_ATTR[f.lvSize]} left ventricle${volume} with ${FN[f.lvFunction]} systolic function${ef}`,
        `LV ${SIZE[f.lvSize]}${volume}; systolic function ${FN[f.lvFunction]}${ef}`,
      ]),
    ),
  ];
}

function wmaSentence(ctx: Ctx): string | null {
  const w = ctx.c.findings.wma;
  if (!w) return ctx.chance(0.7) ? ctx.pick(['No regional wall motion abnormalities', 'Regional wall motion is normal', 'No regional dysfunction']) : null;
  if (w.kind === 'global') return ctx.pick(['Global hypokinesis', 'Diffuse hypokinesis without regional predominance', 'Globally reduced contractility']);
  if (w.kind === 'ballooning') return 'Akinesis of the apical and mid-ventricular segments with apical ballooning and hyperdynamic basal segments';
  const motion = { hypokinesia: 'Hypokinesis', akinesia: 'Akinesis', dyskinesia: 'Dyskinesis' }[w.motion];
  return ctx.pick([`${motion} of the ${ctx.segs(w.segments)} segments`, `Regional ${motion.toLowerCase()} of the ${ctx.segs(w.segments)} wall`, `There is ${motion.toLowerCase()} of the ${ctx.segs(w.segments)} segments`]);
}

function thicknessSentences(ctx: Ctx): string[] {
  const { c } = ctx;
  const h = c.findings.hypertrophy;
  const show = ctx.prose || !ctx.inBlock.has('MWT') || ctx.chance(0.3);
  const mwt = () => ctx.pick([`maximal wall thickness ${ctx.v('MWT')} mm`, `max wall thickness ${ctx.v('MWT')} mm`, `wall thickness up to ${ctx.v('MWT')} mm`]);
  if (!h) return ctx.chance(0.6) ? [sentence(ctx.pick([`Normal wall thickness${show ? ` (${mwt()})` : ''}`, 'No left ventricular hypertrophy']))] : [];
  const out: string[] = [];
  if (h.kind === 'asymmetric') out.push(ctx.pick([`Asymmetric septal hypertrophy, most pronounced ${ctx.segs([h.segment!])}${show ? ` (${mwt()})` : ''}`, `Asymmetric hypertrophy of the interventricular septum${show ? ` with a ${mwt()}` : ''}`]));
  else if (h.kind === 'apical') out.push(`Apical hypertrophy with a spade-shaped cavity${show ? ` (${mwt()})` : ''}`);
  else out.push(ctx.pick([`Concentric left ventricular hypertrophy${show ? ` (${mwt()})` : ''}`, `Concentric thickening of the LV myocardium${show ? `, ${mwt()}` : ''}`]));
  if (c.findings.sam) {
    const g = c.values.LVOT_gradient !== undefined && (!ctx.inBlock.has('LVOT_gradient') || ctx.chance(0.3)) ? ` (peak gradient ${ctx.v('LVOT_gradient')} mmHg)` : '';
    out.push(ctx.pick([`Systolic anterior motion of the anterior mitral leaflet with LVOT flow acceleration${g}`, `SAM with dynamic LVOT obstruction${g}`]));
  }
  return out.map(sentence);
}

function rvSentence(ctx: Ctx): string | null {
  const { rv } = ctx.c.findings;
  const ef = efPart(ctx, 'RVEF');
  if (rv === 'arvc') return `The right ventricle is severely dilated${ctx.inBlock.has('RVEDVi') ? '' : ` (RVEDVi ${ctx.v('RVEDVi')} ${ctx.units.mlm2})`} with reduced function${ef}, regional dyskinesia of the free wall and small microaneurysms in the subtricuspid region`;
  if (rv === 'reduced') return `The right ventricle also shows reduced systolic function${ef}`;
  if (!ef && ctx.chance(0.3)) return null;
  return ctx.pick([`The right ventricle is normal in size and function${ef}`, `Normal RV size and systolic function${ef}`, `RV unremarkable${ef}`]);
}

function atriaSentences(ctx: Ctx): string[] {
  const f = ctx.c.findings;
  const out: string[] = [];
  const la = ctx.c.values.LA_area !== undefined && !ctx.inBlock.has('LA_area') && ctx.chance(0.5) ? ` (LA area ${ctx.v('LA_area')} cm²)` : '';
  if (f.atria === 'biatrial') out.push(`Biatrial enlargement${la}`);
  if (f.atria === 'la') out.push(`Dilated left atrium${la}`);
  if (f.atrialSeptum) out.push('Thickened interatrial septum');
  if (f.special.includes('mitralRegurgitation')) {
    const rf = ctx.c.values.RF !== undefined && (!ctx.inBlock.has('RF') || ctx.chance(0.3)) ? ` with a regurgitant fraction of ${ctx.v('RF')}%` : '';
    out.push(ctx.c.label === 'OTHER' ? `Severe mitral regurgitation due to posterior leaflet prolapse${rf}` : `Functional mitral regurgitation${rf}`);
  }
  if (f.special.includes('aorticStenosis')) out.push(`Bicuspid, calcified aortic valve with severely restricted opening, planimetered valve area ${ctx.num(ctx.rng.range(0.6, 0.9, 1))} cm² and peak velocity ${ctx.num(ctx.rng.range(4.1, 5, 1))} m/s`);
  return out.map(sentence);
}

const LGE_WORDS: Record<LgePattern, string[]> = {
  subepicardial: ['subepicardial', 'patchy subepicardial'],
  midwall: ['mid-wall', 'intramyocardial', 'mid-myocardial'],
  stripe: ['linear mid-wall', 'stripe-like mid-wall'],
  subendocardial: ['subendocardial'],
  transmural: ['transmural'],
  diffuse: ['diffuse circumferential subendocardial', 'global subendocardial', 'diffuse'],
  patchy: ['patchy multifocal', 'multifocal patchy'],
  insertion: ['focal'],
};

function lgeSentences(ctx: Ctx): string[] {
  const { c } = ctx;
  const f = c.findings;
  const term = () => ctx.pick(['late gadolinium enhancement', 'LGE', 'late enhancement']);
  if (f.lge.length === 0) return [sentence(ctx.pick(['No late gadolinium enhancement', 'No myocardial LGE', 'There is no evidence of myocardial scar or fibrosis on LGE imaging']))];
  const out: string[] = [];
  for (const l of f.lge) {
    const adj = ctx.pick(LGE_WORDS[l.pattern]);
    const where = l.segments.length > 0 ? ` in the ${ctx.segs(l.segments)} segments` : '';
    switch (l.pattern) {
      case 'subepicardial':
      case 'midwall':
        out.push(`${adj} ${term()}${where}${ctx.pick([' in a non-ischemic pattern', ', sparing the subendocardium', '', ' not following a coronary distribution'])}`);
        break;
      case 'stripe':
        out.push(`${adj} ${term()} of the septum${ctx.pick([' (mid-wall stripe)', '', '; no ischemic scar pattern'])}`);
        break;
      case 'subendocardial':
      case 'transmural': {
        const t = l.territory ? ` (${ctx.territory(l.territory)})` : '';
        const extent = l.pattern === 'transmural' ? ctx.pick([' with >75% transmurality', ', non-viable', '']) : ctx.pick([' with <50% transmurality', ', viable', '']);
        const meaning = c.difficulty === 'implicit' || !l.territory ? '' : ctx.pick([', consistent with prior infarction', ', ischemic pattern', '']);
        out.push(`${adj} ${term()}${where}${t}${extent}${meaning}`);
        break;
      }
      case 'diffuse':
        out.push(`${adj} ${term()}${ctx.pick([' involving all segments', ' also involving the atrial walls', ''])}`);
        break;
      case 'patchy':
        out.push(`${adj} ${term()}${where}${l.rvSide ? ', predominantly on the right ventricular side of the septum' : ''}${ctx.pick([', partly transmural', ''])}`);
        break;
      case 'insertion':
        out.push(`${adj} ${term()} at the right ventricular insertion points`);
        break;
    }
  }
  if (f.nulling) out.push(ctx.pick(['Difficulty nulling the myocardium on the TI scout', 'Abnormal gadolinium kinetics with the myocardium nulling before the blood pool']));
  return out.map(sentence);
}

function tissueSentences(ctx: Ctx): string[] {
  const { c } = ctx;
  const f = c.findings;
  const out: string[] = [];
  if (f.oedema?.kind === 'regional') out.push(ctx.pick([`Myocardial edema in the ${ctx.segs(f.oedema.segments)} segments on T2-weighted imaging`, `Increased T2 signal in the ${ctx.segs(f.oedema.segments)} wall, consistent with edema`]));
  else if (f.oedema?.kind === 'global') out.push('Globally increased T2 signal, consistent with diffuse myocardial edema');
  else if (f.oedema?.kind === 'apical') out.push('Edema of the apical and mid-ventricular segments');
  else if (ctx.chance(0.6)) out.push(ctx.pick(['No myocardial edema', 'No edema on T2-weighted imaging']));
  const show = (key: 'T1' | 'T2' | 'ECV') => ctx.prose || !ctx.inBlock.has(key) || ctx.chance(0.25);
  const parts: string[] = [];
  const t1Word = { normal: 'normal', elevated: 'elevated', high: 'markedly elevated', low: 'abnormally low' }[f.t1];
  if (show('T1') && ctx.chance(0.85)) {
    const ref = ctx.ref('T1');
    parts.push(`native T1 ${t1Word} at ${ctx.v('T1')} ms${ref ? ` (normal ${ref} ms)` : ''}`);
  } else if (f.t1 !== 'normal') parts.push(`native T1 ${t1Word}`);
  if (show('T2') && ctx.chance(0.8)) parts.push(`T2 ${f.t2 === 'elevated' ? 'elevated' : 'normal'} at ${ctx.v('T2')} ms`);
  else if (f.t2 === 'elevated' && !f.oedema) parts.push('T2 elevated');
  if (show('ECV') && ctx.chance(0.8)) parts.push(`ECV ${ctx.v('ECV')}%`);
  else if (f.ecv !== 'normal') parts.push(f.ecv === 'high' ? 'markedly increased ECV' : 'increased ECV');
  if (parts.length > 0) out.push(parts.join(', '));
  return out.map(sentence);
}

function otherSentences(ctx: Ctx): string[] {
  const f = ctx.c.findings;
  const out: string[] = [];
  if (f.thinning.length > 0) out.push(`Wall thinning of the ${ctx.segs(f.thinning)} segments`);
  if (f.thrombus) out.push(`Apical mural thrombus (${ctx.num(ctx.rng.int(9, 18))} x ${ctx.num(ctx.rng.int(6, 12))} mm)`);
  if (f.perfusionDefect) out.push(`Adenosine stress perfusion shows a defect in the ${ctx.territory(f.perfusionDefect)}, matching the scar`);
  if (f.lymph) out.push(ctx.pick(['Hilar and mediastinal lymphadenopathy on the localizer images', 'Enlarged mediastinal and hilar lymph nodes']));
  if (f.special.includes('lvnc')) out.push(`Prominent trabeculation of the apical and lateral LV walls with an end-diastolic non-compacted to compacted ratio of ${ctx.num(ctx.rng.range(2.5, 3.6, 1))}`);
  if (f.special.includes('tumour')) out.push(`A ${ctx.num(ctx.rng.int(25, 45))} mm rounded, pedunculated mass in the left atrium attached to the interatrial septum, T2 hyperintense with heterogeneous enhancement`);
  if (f.special.includes('pericardium')) out.push('Thickened pericardium with avid enhancement of both pericardial layers');
  if (f.effusion === 'small') out.push(ctx.pick(['Small pericardial effusion', 'Trace pericardial effusion']));
  else if (f.effusion === 'moderate') out.push('Moderate circumferential pericardial effusion');
  else if (ctx.chance(0.6)) out.push(ctx.pick(['No pericardial effusion', 'Pericardium unremarkable']));
  if (f.pleural) out.push('Bilateral pleural effusions');
  return out.map(sentence);
}

const NAMES: Record<Exclude<Label, 'OTHER'>, string[]> = {
  HCM: ['hypertrophic cardiomyopathy', 'HCM', 'hypertrophic cardiomyopathy (HCM)'],
  CA: ['cardiac amyloidosis', 'amyloid cardiomyopathy', 'cardiac involvement by amyloidosis'],
  CS: ['cardiac sarcoidosis', 'cardiac involvement by sarcoidosis'],
  MYO: ['acute myocarditis', 'myocarditis'],
  ICM: ['ischemic cardiomyopathy', 'prior myocardial infarction with ischemic cardiomyopathy'],
  DCM: ['dilated cardiomyopathy', 'non-ischemic dilated cardiomyopathy', 'DCM'],
  NORMAL: ['a normal study'],
};
const OTHER_NAMES: Record<NonNullable<SynthCase['subtype']>, string[]> = {
  takotsubo: ['Takotsubo cardiomyopathy', 'stress cardiomyopathy'],
  lvnc: ['left ventricular non-compaction', 'LV non-compaction cardiomyopathy'],
  fabry: ['Fabry disease with cardiac involvement', 'Anderson-Fabry cardiomyopathy'],
  arvc: ['arrhythmogenic right ventricular cardiomyopathy (ARVC)', 'ARVC'],
  pericarditis: ['acute pericarditis', 'effusive pericarditis'],
  valve: ['severe valvular heart disease'],
  tumour: ['left atrial myxoma', 'a cardiac mass, most likely myxoma'],
  hypertensive: ['hypertensive heart disease'],
};

function diagnosisName(label: Label, ctx: Ctx): string {
  if (label === 'OTHER') return ctx.pick(OTHER_NAMES[ctx.c.subtype ?? 'hypertensive']);
  if (label === 'HCM' && ctx.c.label === 'HCM' && ctx.c.findings.sam && ctx.chance(0.5)) return 'hypertrophic obstructive cardiomyopathy';
  return ctx.pick(NAMES[label]);
}

function summary(ctx: Ctx): string {
  const { c } = ctx;
  const f = c.findings;
  switch (c.label) {
    case 'HCM':
      return `Asymmetric septal hypertrophy up to ${ctx.v('MWT')} mm${f.sam ? ' with LVOT obstruction' : ''}${f.lge.length ? ' and patchy mid-wall LGE' : ''}`;
    case 'CA':
      return 'Concentric hypertrophy with diffuse subendocardial LGE and markedly increased ECV';
    case 'CS':
      return `Multifocal non-ischemic LGE of the basal septum and lateral wall${f.lymph ? ' with hilar lymphadenopathy' : ''}`;
    case 'MYO':
      return 'Edema and subepicardial LGE in the same segments, with elevated T1 and T2';
    case 'ICM': {
      const l = f.lge[0]!;
      return `${l.pattern === 'transmural' ? 'Transmural' : 'Subendocardial'} scar in the ${ctx.territory(l.territory!)} with matching wall motion abnormality`;
    }
    case 'DCM':
      return `Dilated left ventricle with ${FN[f.lvFunction]} function${f.lge.length ? ' and septal mid-wall LGE' : ', no LGE'}`;
    case 'NORMAL':
      return 'Normal biventricular volumes and function, no LGE, no edema';
    case 'OTHER':
      return {
        takotsubo: 'Apical akinesis with edema and no LGE',
        lvnc: 'Prominent trabeculation with an increased non-compacted to compacted ratio',
        fabry: 'Concentric hypertrophy with low native T1 and basal inferolateral LGE',
        arvc: 'Dilated, dysfunctional right ventricle with regional dyskinesia',
        pericarditis: 'Pericardial effusion with pericardial thickening and enhancement, normal myocardium',
        valve: 'Severe valve disease',
        tumour: 'Pedunculated left atrial mass',
        hypertensive: 'Concentric LV hypertrophy without a specific LGE pattern',
      }[c.subtype ?? 'hypertensive'];
  }
}

function assessment(ctx: Ctx): string[] {
  const { c } = ctx;
  const lines: string[] = [];
  const dd = c.differentials.length > 0 ? diagnosisName(ctx.pick(c.differentials), ctx) : null;
  const mode = c.difficulty === 'hard' ? ctx.pick(['explicit', 'hedged'] as const) : c.difficulty;
  if (c.label === 'NORMAL') {
    if (mode === 'implicit') return ctx.chance(0.3) ? [] : [sentence(summary(ctx))];
    lines.push(sentence(ctx.pick(['Normal cardiac MRI', 'Normal study', 'Structurally and functionally normal heart'])));
    lines.push(sentence(`No evidence of ${diagnosisName(c.differentials[0] ?? 'MYO', ctx)} or cardiomyopathy`));
    return lines;
  }
  if (mode === 'implicit') return ctx.chance(0.25) ? [] : [sentence(summary(ctx))];
  if (c.priorMyocarditis) lines.push(sentence('History of myocarditis 3 years ago'));
  const name = diagnosisName(c.label, ctx);
  if (mode === 'explicit') lines.push(sentence(ctx.pick([`Findings consistent with ${name}`, `${name}`, `Typical findings of ${name}`, `The findings are diagnostic of ${name}`])));
  else lines.push(sentence(ctx.pick([`Suspected ${name}${dd ? `; differential diagnosis ${dd}` : ''}`, `Findings suggestive of ${name}${dd ? `, ${dd} less likely` : ''}`, `Most likely ${name}${dd ? `, differential ${dd}` : ''}`])));
  if (ctx.chance(0.5)) lines.splice(lines.length - 1, 0, sentence(summary(ctx)));
  const others = c.differentials.filter((d) => d !== c.label);
  if (others.length > 0 && ctx.chance(0.5)) lines.push(sentence(`No evidence of ${diagnosisName(ctx.pick(others), ctx)}`));
  if (c.label === 'DCM' && c.priorMyocarditis) lines.push('No evidence of active myocarditis.');
  return lines;
}

function history(ctx: Ctx): { history: string; question: string | null } {
  const { c } = ctx;
  const who = `${c.patient.age}-year-old ${c.patient.sex === 'm' ? ctx.pick(['man', 'male']) : ctx.pick(['woman', 'female'])}`;
  const territoryWall = () => ({ LAD: 'anterior', RCA: 'inferior', RCX: 'lateral' })[c.findings.lge[0]?.territory ?? 'LAD'];
  const texts: Record<SynthCase['history'][number], string> = {
    'hcm-family': 'family history of HCM in a first-degree relative',
    'hcm-murmur': 'systolic murmur and septal thickening on echocardiography',
    'hcm-syncope': 'exertional syncope, LVH on ECG',
    'hcm-ecg': 'abnormal ECG with deep T-wave inversions',
    'ca-hfpef': 'heart failure with preserved ejection fraction and elevated NT-proBNP',
    'ca-lowvoltage': 'low QRS voltage despite increased wall thickness on echo',
    'ca-carpal': 'bilateral carpal tunnel syndrome and unexplained LVH',
    'ca-gammopathy': 'known monoclonal gammopathy, new dyspnea',
    'cs-pulmonary': 'known pulmonary sarcoidosis, cardiac screening',
    'cs-avblock': 'new complete heart block',
    'cs-vt': 'sustained ventricular tachycardia with normal coronary arteries',
    'cs-lymph': 'hilar lymphadenopathy on chest CT, dyspnea',
    'myo-infect': 'chest pain and troponin rise one week after a flu-like illness',
    'myo-troponin': 'troponin-positive chest pain with unobstructed coronary arteries',
    'myo-palpitations': 'palpitations and fatigue after a viral infection',
    'myo-stelevation': 'diffuse ST elevation, normal coronary angiography',
    'icm-infarct': `prior ${territoryWall()} myocardial infarction`,
    'icm-pci': 'coronary artery disease with prior PCI',
    'icm-viability': 'viability assessment before revascularization',
    'icm-nstemi': 'NSTEMI three months ago',
    'dcm-hf': 'heart failure NYHA III with normal coronary angiography',
    'dcm-new': 'newly diagnosed severely reduced LV function, CAD excluded',
    'dcm-family': 'family history of cardiomyopathy',
    'dcm-followup': 'follow-up of known heart failure on therapy',
    'normal-palpitations': 'palpitations',
    'normal-chestpain': 'atypical chest pain',
    'normal-exclude-myo': 'fatigue after COVID-19, rule out myocarditis',
    'normal-exclude-cm': 'ventricular ectopy, rule out cardiomyopathy',
    'normal-athlete': 'pre-participation screening of a competitive athlete',
    'normal-dyspnoea': 'exertional dyspnea',
    'other-stress': 'acute chest pain after emotional stress, elevated troponin, normal coronaries',
    'other-lvnc': 'prominent trabeculation on echocardiography',
    'other-fabry': 'neuropathic pain, proteinuria and LVH',
    'other-arvc': 'ventricular ectopy with LBBB morphology and syncope',
    'other-pericarditis': 'pleuritic chest pain and raised CRP',
    'other-valve': 'systolic murmur and exertional dyspnea',
    'other-tumour': 'left atrial mass on echocardiography',
    'other-hypertension': 'long-standing arterial hypertension with LVH on echo',
    'mislead-myo': 'suspected myocarditis',
    'mislead-cad': 'suspected myocardial infarction, troponin rise',
    'mislead-amyloid': 'rule out cardiac amyloidosis',
    'mislead-dcm': 'suspected dilated cardiomyopathy',
    'mislead-hcm': 'suspected hypertrophic cardiomyopathy',
  };
  const body = c.history.map((h) => texts[h]).join('; ');
  return { history: sentence(ctx.chance(0.5) ? `${who} with ${body}` : body), question: null };
}

export const ENGLISH: Phrasebook = {
  lang: 'en',
  headings: {
    history: ['Clinical history', 'History', 'Indication', 'Clinical information', 'Reason for exam'],
    question: ['Clinical question'],
    technique: ['Technique', 'Protocol'],
    quantitative: ['Measurements', 'Quantitative analysis', 'Quantitative results'],
    findings: ['Findings'],
    assessment: ['Impression', 'Conclusion', 'Summary'],
    recommendation: ['Recommendation'],
  },
  title: (ctx) => (ctx.chance(0.4) ? ctx.pick(['CARDIAC MRI REPORT', 'Cardiac magnetic resonance imaging', 'CMR study']) : null),
  history,
  technique: (ctx) => {
    const field = ctx.c.field === 1.5 ? ctx.pick(['1.5T', '1.5 T', '1.5-Tesla']) : ctx.pick(['3T', '3 T', '3-Tesla']);
    return sentence(ctx.pick([`CMR on a ${field} scanner with cine SSFP, T2-weighted imaging, native and post-contrast T1 mapping, T2 mapping and late gadolinium enhancement`, `${field}; cine, T2 STIR, T1/T2 mapping, LGE (PSIR)`]));
  },
  labels: {
    LVEF: ['LVEF', 'LV EF', 'LV ejection fraction'],
    LVEDV: ['LVEDV', 'LV EDV', 'LV end-diastolic volume'],
    LVEDVi: ['LVEDVi', 'LV EDV index', 'LVEDV index', 'Indexed LVEDV'],
    LVESV: ['LVESV', 'LV ESV', 'LV end-systolic volume'],
    LVESVi: ['LVESVi', 'LV ESV index'],
    LVSV: ['LVSV', 'LV stroke volume', 'Stroke volume'],
    LVM: ['LV mass', 'LVM'],
    LVMi: ['LV mass index', 'LVMi'],
    MWT: ['Max wall thickness', 'Maximal wall thickness', 'MWT'],
    RVEF: ['RVEF', 'RV EF', 'RV ejection fraction'],
    RVEDV: ['RVEDV', 'RV EDV'],
    RVEDVi: ['RVEDVi', 'RV EDV index'],
    RVESV: ['RVESV', 'RV ESV'],
    RVESVi: ['RVESVi', 'RV ESV index'],
    T1: ['Native T1', 'T1 (native)', 'Native myocardial T1'],
    T2: ['T2', 'T2 (global)', 'Myocardial T2'],
    ECV: ['ECV', 'Extracellular volume'],
    LVOT_gradient: ['LVOT gradient', 'Peak LVOT gradient'],
    RF: ['Mitral regurgitant fraction', 'Regurgitant fraction'],
    LA_area: ['LA area', 'Left atrial area'],
    CO: ['Cardiac output', 'CO'],
    HR: ['Heart rate'],
    BSA: ['BSA', 'Body surface area'],
  },
  genericLabels: { EDV: ['EDV'], EDVi: ['EDVi', 'EDV index'], ESV: ['ESV'], ESVi: ['ESVi'], SV: ['SV', 'Stroke volume'], EF: ['EF', 'Ejection fraction'], M: ['Mass'] },
  ventricleHeadings: { LV: ['Left ventricle', 'LV'], RV: ['Right ventricle', 'RV'] },
  tableHeader: { parameter: ['Parameter'], value: ['Value', 'Measured'], ref: ['Normal range', 'Reference'], unit: ['Unit'] },
  absent: ['n/a', 'not measured', '–'],
  refWords: ['normal', 'normal range', 'ref.'],
  findings: (ctx) => {
    const lv = [...lvSentences(ctx), ...[wmaSentence(ctx)].filter((s): s is string => s !== null).map(sentence), ...thicknessSentences(ctx)];
    const rv = [rvSentence(ctx)].filter((s): s is string => s !== null).map(sentence);
    return [{ sentences: lv }, { sentences: rv }, { sentences: [...tissueSentences(ctx), ...lgeSentences(ctx)] }, { sentences: [...atriaSentences(ctx), ...otherSentences(ctx)] }];
  },
  assessment,
  recommendation: (ctx) => {
    if (!ctx.chance(0.3)) return null;
    const map: Partial<Record<Label, string>> = { CA: 'Recommend bone scintigraphy and light-chain assessment.', CS: 'Recommend FDG-PET.', HCM: 'Recommend genetic counselling and family screening.', MYO: 'Follow-up CMR in 6 months.' };
    return map[ctx.c.label] ?? null;
  },
  typos: [
    ['ventricle', 'ventricel'],
    ['enhancement', 'enhancment'],
    ['myocarditis', 'myocarditits'],
    ['hypertrophy', 'hypertrophie'],
  ],
  diagnosisName: (label, ctx) => diagnosisName(label, ctx),
};
