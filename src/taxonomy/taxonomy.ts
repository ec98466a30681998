/**
 * The category set readers choose from. The default taxonomy is the study's (HCM, CA, CS, MYO, ICM, DCM,
 * NORMAL) plus OTHER; a user can bring another one as a file (see load-taxonomy.ts). Definitions are the
 * one-line texts that go into prompts; aliases let label files say "Myocarditis" or "Amyloidose".
 */

/**
 * A reader's honest "no category": the text is not a CMR report, the exam was non-diagnostic or aborted, or
 * it carries no findings to judge. It is an outcome, not a category of any taxonomy: evaluate counts it as
 * wrong in a column of its own, and a taxonomy may not define a category with this id (nor `FAILED`).
 */
export const UNCLASSIFIED = 'UNCLASSIFIED';
/**
 * `outside_taxonomy`: the reader found a diagnosis the active taxonomy has no category for (and no OTHER to
 * fold it into), e.g. the guideline engine reading myocarditis under a taxonomy of HCM, NORMAL and CA only.
 */
export const UNCLASSIFIED_REASONS = ['not_cmr', 'non_diagnostic', 'no_findings', 'outside_taxonomy'] as const;
export type UnclassifiedReason = (typeof UNCLASSIFIED_REASONS)[number];
/** Each reason in words, for reports and exports (a reader's own message, where it has one, says more). */
export const UNCLASSIFIED_REASON_TEXT: Record<UnclassifiedReason, string> = {
  not_cmr: 'not a cardiac MRI report',
  non_diagnostic: 'non-diagnostic or aborted examination',
  no_findings: 'no findings to judge',
  outside_taxonomy: 'an outcome no category of the taxonomy takes',
};
export const isUnclassifiedReason = (x: unknown): x is UnclassifiedReason => (UNCLASSIFIED_REASONS as readonly unknown[]).includes(x);

/** Ids no taxonomy may use for a category: outcomes evaluate counts in columns of their own. */
export const RESERVED_IDS = [UNCLASSIFIED, 'FAILED'] as const;

/**
 * A category's code in a published code system, for exports (FHIR). Only codes checked against a published
 * source go in, and `source` names it, so a reviewer can check it again; an unchecked code stays out.
 */
export interface CategoryCode {
  code: string;
  display: string;
  source: string;
  /** The code system's version, e.g. the ICD-10-GM year. */
  version?: string;
}

export interface Category {
  /** The label as stored in predictions and label files, e.g. `HCM`. */
  id: string;
  name: string;
  /** One line used in prompts: what defines the category on CMR. */
  definition: string;
  /** Other spellings accepted in label files (case and accents are ignored). */
  aliases: string[];
  codes?: { snomed?: CategoryCode; icd10gm?: CategoryCode };
  /**
   * For the guideline engine: the engine outcomes this category stands for (`HCM`, `OTHER.takotsubo`, ...; see
   * src/readers/rules/outcomes.ts). Without it, a category whose id is one of the engine's own (HCM, CA, CS,
   * MYO, ICM, DCM, NORMAL, OTHER) stands for that one.
   */
  rules?: string[];
}

export interface Taxonomy {
  /** Name and version go into every prediction so a changed taxonomy cannot be mixed with an old run. */
  name: string;
  version: string;
  categories: Category[];
  /** The file it was loaded from, for messages; none for the default taxonomy. */
  source?: string;
}

/**
 * German and English names of the diagnoses OTHER stands for, so a label file that says "Takotsubo-Kardiomyopathie"
 * or "constrictive pericarditis" is read as OTHER (labels are compared without case, accents and punctuation).
 */
const OTHER_DIAGNOSES = [
  // Takotsubo
  'Takotsubo', 'Tako-Tsubo', 'Takotsubo cardiomyopathy', 'Takotsubo syndrome', 'Takotsubo-Kardiomyopathie', 'Tako-Tsubo-Kardiomyopathie', 'Takotsubo-Syndrom',
  'Stress-Kardiomyopathie', 'Stresskardiomyopathie', 'stress cardiomyopathy', 'stress-induced cardiomyopathy', 'broken heart', 'broken heart syndrome', 'Broken-Heart-Syndrom', 'apical ballooning syndrome', 'TTS',
  // LV non-compaction
  'LVNC', 'Non-Compaction', 'Noncompaction', 'non-compaction cardiomyopathy', 'noncompaction cardiomyopathy', 'left ventricular non-compaction', 'left ventricular noncompaction', 'LV non-compaction',
  'left ventricular non-compaction cardiomyopathy', 'linksventrikuläre Noncompaction', 'linksventrikuläre Non-Compaction', 'Non-Compaction-Kardiomyopathie', 'Noncompaction-Kardiomyopathie', 'Hypertrabekularisierung',
  // ARVC
  'ARVC', 'ARVD', 'ARVC/D', 'ARVD/C', 'ACM', 'arrhythmogenic cardiomyopathy', 'arrhythmogenic right ventricular cardiomyopathy', 'arrhythmogenic right ventricular dysplasia',
  'arrhythmogene Kardiomyopathie', 'arrhythmogene rechtsventrikuläre Kardiomyopathie', 'arrhythmogene rechtsventrikuläre Dysplasie',
  // Fabry
  'Fabry', 'Morbus Fabry', 'M. Fabry', 'Fabry disease', "Fabry's disease", 'Anderson-Fabry disease', 'Anderson-Fabry', 'Morbus Anderson-Fabry', 'Fabry-Erkrankung', 'Fabry-Krankheit', 'Fabry-Kardiomyopathie', 'Fabry cardiomyopathy',
  // Pericarditis and constriction
  'Perikarditis', 'pericarditis', 'akute Perikarditis', 'acute pericarditis', 'chronische Perikarditis', 'chronic pericarditis', 'rezidivierende Perikarditis', 'recurrent pericarditis', 'constrictive pericarditis', 'pericarditis constrictive', 'Pericarditis constrictiva', 'konstriktive Perikarditis', 'Perikarditis konstriktiv', 'Perikardkonstriktion', 'pericardial constriction',
  // Iron overload
  'Siderose', 'Siderosis', 'kardiale Siderose', 'cardiac siderosis', 'iron overload', 'myocardial iron overload', 'cardiac iron overload', 'Eisenüberladung', 'Hämochromatose', 'haemochromatosis', 'hemochromatosis',
  // Hypertensive heart disease
  'hypertensive Herzkrankheit', 'hypertensive Herzerkrankung', 'hypertensive Kardiomyopathie', 'Hypertonieherz', 'hypertensive heart disease', 'hypertensive cardiomyopathy', 'HHD',
  // Athlete's heart
  "athlete's heart", 'athletes heart', 'athletic heart', 'Sportlerherz',
  // Masses and tumours
  'Herztumor', 'kardialer Tumor', 'cardiac tumour', 'cardiac tumor', 'cardiac mass', 'kardiale Raumforderung', 'intrakardiale Raumforderung', 'Myxom', 'Vorhofmyxom', 'myxoma', 'atrial myxoma',
  'Fibroelastom', 'papillary fibroelastoma', 'Lipom', 'cardiac lipoma', 'Angiosarkom', 'angiosarcoma', 'Herzmetastase', 'cardiac metastasis',
  // Valve disease
  'Klappenvitium', 'Vitium', 'Herzklappenfehler', 'Herzklappenerkrankung', 'valvular heart disease', 'valve disease', 'Aortenklappenstenose', 'Aortenstenose', 'aortic stenosis', 'Aorteninsuffizienz',
  'Aortenklappeninsuffizienz', 'aortic regurgitation', 'Mitralinsuffizienz', 'Mitralklappeninsuffizienz', 'mitral regurgitation', 'Mitralklappenprolaps', 'mitral valve prolapse', 'Mitralstenose', 'mitral stenosis',
  'Trikuspidalinsuffizienz', 'tricuspid regurgitation',
  // Congenital heart disease
  'congenital heart disease', 'angeborener Herzfehler', 'kongenitaler Herzfehler', 'EMAH', 'ACHD', 'GUCH', 'Fallot', 'Fallot-Tetralogie', 'tetralogy of Fallot', 'Ebstein-Anomalie', 'Ebstein anomaly', 'Morbus Ebstein',
  // Restrictive and other cardiomyopathies
  'restriktive Kardiomyopathie', 'restrictive cardiomyopathy', 'RCM', 'Tachykardiomyopathie', 'tachykardieinduzierte Kardiomyopathie', 'tachycardia-induced cardiomyopathy', 'Kardiotoxizität', 'cardiotoxicity',
  'Chagas', 'Chagas-Kardiomyopathie', 'Chagas cardiomyopathy', 'Endomyokardfibrose', 'endomyocardial fibrosis', 'Löffler-Endokarditis', 'Loeffler endocarditis',
];

export const DEFAULT_TAXONOMY: Taxonomy = {
  name: 'cmrdx-default',
  version: '1',
  categories: [
    {
      id: 'HCM',
      name: 'Hypertrophic cardiomyopathy',
      definition:
        'LV wall thickness >= 15 mm in any segment not explained by loading conditions, often asymmetric/septal, with SAM or LVOT obstruction and patchy mid-wall LGE in hypertrophied segments.',
      aliases: ['hypertrophic cardiomyopathy', 'HOCM', 'HNCM', 'hypertrophe Kardiomyopathie', 'hypertrophe obstruktive Kardiomyopathie'],
      // ICD-10-GM splits HCM by obstruction (I42.1 / I42.2), which the category does not record: no ICD code.
      codes: { snomed: { code: '233873004', display: 'Hypertrophic cardiomyopathy', source: '5-Minute Clinical Consult (Wolters Kluwer) and VisualDx, Hypertrophic cardiomyopathy, codes' } },
    },
    {
      id: 'CA',
      name: 'Cardiac amyloidosis',
      definition:
        'Concentric LV hypertrophy with diffuse subendocardial or transmural LGE, abnormal gadolinium kinetics (difficult myocardial nulling), markedly raised native T1 and ECV (>= 40 %).',
      aliases: ['amyloidosis', 'cardiac amyloidosis', 'amyloid', 'kardiale Amyloidose', 'Amyloidose', 'ATTR', 'AL amyloidosis'],
      // No code: the SNOMED concept was not verified; ICD-10-GM needs the amyloid type (E85.-) plus I43.1*.
    },
    {
      id: 'CS',
      name: 'Cardiac sarcoidosis',
      definition:
        'Patchy multifocal LGE, typically basal septal (RV side) and lateral, any depth, with hilar/mediastinal lymphadenopathy or conduction disease (AV block) in the history.',
      aliases: ['sarcoidosis', 'cardiac sarcoidosis', 'sarcoid', 'kardiale Sarkoidose', 'Sarkoidose'],
      // No code: the SNOMED concept was not verified; ICD-10-GM codes it twice (D86.8 plus I41.8*), not checked.
    },
    {
      id: 'MYO',
      name: 'Myocarditis',
      definition:
        'Lake Louise 2018: a T2 criterion (oedema, raised T2) plus a T1 criterion (raised native T1/ECV or non-ischaemic subepicardial/mid-wall LGE, often inferolateral); pericardial effusion supports.',
      aliases: ['myocarditis', 'Myokarditis', 'akute Myokarditis', 'acute myocarditis', 'Perimyokarditis', 'perimyocarditis', 'akute Perimyokarditis', 'acute perimyocarditis', 'myopericarditis', 'Myoperikarditis', 'viral myocarditis', 'Virusmyokarditis', 'MYOC'],
      // ICD-10-GM splits myocarditis by course and cause (I40.-, I51.4), which the category does not record.
      codes: { snomed: { code: '50920009', display: 'Myocarditis', source: 'DICOM PS3.16 CID 3700 (Cath Diagnosis), read in the pydicom code dictionary generated from PS3.16' } },
    },
    {
      id: 'ICM',
      name: 'Ischemic cardiomyopathy',
      definition:
        'Subendocardial or transmural LGE in a coronary territory (LAD/RCX/RCA) with matching regional wall-motion abnormality or thinning, often reduced LVEF (prior infarction).',
      aliases: ['ischemic cardiomyopathy', 'ischaemic cardiomyopathy', 'ischämische Kardiomyopathie', 'ICMP', 'ischemic', 'myocardial infarction', 'KHK'],
      // SNOMED 426856002 is labelled differently by different sources: left out until checked.
      codes: {
        icd10gm: {
          code: 'I25.5',
          display: 'Ischämische Kardiomyopathie',
          source: 'ICD-10-GM (BfArM) I25.5, as given by arzt-wirtschaft.de "ICD-10-Code I25" and DOMAIN.md §4 [V]',
        },
      },
    },
    {
      id: 'DCM',
      name: 'Dilated cardiomyopathy',
      definition:
        'Dilated LV with reduced global systolic function (LVEF < 50 %) not explained by coronary disease or loading; no ischaemic scar, LGE absent or a mid-wall septal stripe.',
      aliases: ['dilated cardiomyopathy', 'dilatative Kardiomyopathie', 'DCMP', 'NIDCM'],
      codes: {
        snomed: { code: '399020009', display: 'Congestive cardiomyopathy', source: 'DICOM PS3.16 CID 3700 (Cath Diagnosis), read in the pydicom code dictionary generated from PS3.16; UMLS C0007193' },
        icd10gm: {
          code: 'I42.0',
          display: 'Dilatative Kardiomyopathie',
          source: 'ICD-10-GM (BfArM) I42.0, as given by the ICD-10-GM table of de.wikipedia "Kardiomyopathie" and DOMAIN.md §4 [V]',
        },
      },
    },
    {
      id: 'NORMAL',
      name: 'Normal',
      definition:
        'Normal volumes, function, wall thickness and wall motion; no LGE; mapping within the reference range; no effusion.',
      aliases: ['normal', 'Normalbefund', 'unauffällig', 'no pathology', 'none'],
    },
    {
      id: 'OTHER',
      name: 'Other',
      definition:
        'Another cardiac diagnosis: e.g. hypertensive heart disease, Fabry, ARVC, LV non-compaction, Takotsubo, pericarditis, valve disease, congenital disease, tumour.',
      aliases: ['other', 'Sonstige', 'andere', ...OTHER_DIAGNOSES],
      // No code: "another diagnosis" is no single concept.
    },
  ],
};

/** Lower-case, strip accents and punctuation, so "Myokarditis", "myokarditis " and "MYOKARDITIS" compare equal. */
export function normaliseLabel(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * What two spellings of one label share: the normalised label without blanks and with "ae", "oe", "ue" read as the
 * umlaut they spell (the accent is already gone), so "Tako-Tsubo-Syndrom" meets "Takotsubo-Syndrom",
 * "LV noncompaction" "LV non-compaction" and "Ischaemische" "Ischämische".
 */
export function labelKey(label: string): string {
  return normaliseLabel(label).replace(/ /g, '').replace(/([aou])e/g, '$1');
}

/**
 * Maps a label as written in a file (or a model's answer) to a category id, or undefined when it is none of them:
 * by id, name or alias, spelt any way labelKey allows, or written as alternatives of one category ("ARVC/ARVD").
 * Words of course ("akute", "chronic") are not stripped: a taxonomy may tell chronic myocarditis (inflammatory
 * cardiomyopathy) from myocarditis, so they are aliases where they mean the same category.
 */
export function resolveLabel(taxonomy: Taxonomy, label: string): string | undefined {
  const exact = resolveOne(taxonomy, label);
  if (exact !== undefined) return exact;
  if (label.includes('/')) {
    const parts = label.split('/').map((part) => resolveOne(taxonomy, part));
    if (parts.every((p) => p !== undefined && p === parts[0])) return parts[0];
  }
  return undefined;
}

function resolveOne(taxonomy: Taxonomy, label: string): string | undefined {
  const wanted = labelKey(label);
  if (wanted === '') return undefined;
  for (const category of taxonomy.categories) {
    if (labelKey(category.id) === wanted) return category.id;
  }
  for (const category of taxonomy.categories) {
    if (labelKey(category.name) === wanted) return category.id;
    if (category.aliases.some((alias) => labelKey(alias) === wanted)) return category.id;
  }
  return undefined;
}

/** How to fix a label that is no category: the categories, and where another spelling can be added. */
export function unknownLabelHint(taxonomy: Taxonomy): string {
  const where =
    taxonomy.name === DEFAULT_TAXONOMY.name
      ? 'or pass --taxonomy <file> with your categories and their aliases'
      : `or add the spelling to a category's aliases in the taxonomy file (${taxonomy.name})`;
  return `Use one of ${categoryIds(taxonomy).join(', ')} (or a name or alias of one), ${where}`;
}

export function categoryIds(taxonomy: Taxonomy): string[] {
  return taxonomy.categories.map((c) => c.id);
}
