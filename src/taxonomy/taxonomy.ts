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
export type UnclassifiedReason = 'not_cmr' | 'non_diagnostic' | 'no_findings';

export interface Category {
  /** The label as stored in predictions and label files, e.g. `HCM`. */
  id: string;
  name: string;
  /** One line used in prompts: what defines the category on CMR. */
  definition: string;
  /** Other spellings accepted in label files (case and accents are ignored). */
  aliases: string[];
  codes?: { icd10?: string; snomed?: string };
}

export interface Taxonomy {
  /** Name and version go into every prediction so a changed taxonomy cannot be mixed with an old run. */
  name: string;
  version: string;
  categories: Category[];
}

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
      codes: { icd10: 'I42.1/I42.2', snomed: '233873004' },
    },
    {
      id: 'CA',
      name: 'Cardiac amyloidosis',
      definition:
        'Concentric LV hypertrophy with diffuse subendocardial or transmural LGE, abnormal gadolinium kinetics (difficult myocardial nulling), markedly raised native T1 and ECV (>= 40 %).',
      aliases: ['amyloidosis', 'cardiac amyloidosis', 'amyloid', 'kardiale Amyloidose', 'Amyloidose', 'ATTR', 'AL amyloidosis'],
      codes: { icd10: 'E85.-/I43.1' },
    },
    {
      id: 'CS',
      name: 'Cardiac sarcoidosis',
      definition:
        'Patchy multifocal LGE, typically basal septal (RV side) and lateral, any depth, with hilar/mediastinal lymphadenopathy or conduction disease (AV block) in the history.',
      aliases: ['sarcoidosis', 'cardiac sarcoidosis', 'sarcoid', 'kardiale Sarkoidose', 'Sarkoidose'],
      codes: { icd10: 'D86.8/I41.8' },
    },
    {
      id: 'MYO',
      name: 'Myocarditis',
      definition:
        'Lake Louise 2018: a T2 criterion (oedema, raised T2) plus a T1 criterion (raised native T1/ECV or non-ischaemic subepicardial/mid-wall LGE, often inferolateral); pericardial effusion supports.',
      aliases: ['myocarditis', 'Myokarditis', 'Perimyokarditis', 'perimyocarditis', 'MYOC'],
      codes: { icd10: 'I40.-/I51.4', snomed: '50920009' },
    },
    {
      id: 'ICM',
      name: 'Ischemic cardiomyopathy',
      definition:
        'Subendocardial or transmural LGE in a coronary territory (LAD/RCX/RCA) with matching regional wall-motion abnormality or thinning, often reduced LVEF (prior infarction).',
      aliases: ['ischemic cardiomyopathy', 'ischaemic cardiomyopathy', 'ischämische Kardiomyopathie', 'ICMP', 'ischemic', 'myocardial infarction', 'KHK'],
      codes: { icd10: 'I25.5' },
    },
    {
      id: 'DCM',
      name: 'Dilated cardiomyopathy',
      definition:
        'Dilated LV with reduced global systolic function (LVEF < 50 %) not explained by coronary disease or loading; no ischaemic scar, LGE absent or a mid-wall septal stripe.',
      aliases: ['dilated cardiomyopathy', 'dilatative Kardiomyopathie', 'DCMP', 'NIDCM'],
      codes: { icd10: 'I42.0', snomed: '399020009' },
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
      aliases: ['other', 'Sonstige', 'andere'],
      codes: { icd10: 'I42.8/I42.9' },
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

/** Maps a label as written in a file to a category id, or undefined when it is none of them. */
export function resolveLabel(taxonomy: Taxonomy, label: string): string | undefined {
  const wanted = normaliseLabel(label);
  if (wanted === '') return undefined;
  for (const category of taxonomy.categories) {
    if (normaliseLabel(category.id) === wanted) return category.id;
  }
  for (const category of taxonomy.categories) {
    if (normaliseLabel(category.name) === wanted) return category.id;
    if (category.aliases.some((alias) => normaliseLabel(alias) === wanted)) return category.id;
  }
  return undefined;
}

export function categoryIds(taxonomy: Taxonomy): string[] {
  return taxonomy.categories.map((c) => c.id);
}
