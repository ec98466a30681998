/**
 * What the guideline engine can answer, as names a taxonomy file can refer to: its eight categories and the
 * subtypes of OTHER it tells apart (`OTHER.takotsubo`, `OTHER.hypertensive`, ...). A taxonomy maps its own
 * categories onto these outcomes (the `rules:` field, see outcome-map.ts). Kept free of imports so the
 * taxonomy loader can check a file's outcome names without loading the engine.
 */

export type DxCategory = 'HCM' | 'CA' | 'CS' | 'MYO' | 'ICM' | 'DCM' | 'NORMAL' | 'OTHER';

export const ENGINE_CATEGORIES: readonly DxCategory[] = ['HCM', 'CA', 'CS', 'MYO', 'ICM', 'DCM', 'NORMAL', 'OTHER'];

/** The OTHER diagnoses the engine names apart (from stated diagnoses or its own criteria). */
export const OTHER_SUBTYPES = ['takotsubo', 'lvnc', 'arvc', 'fabry', 'siderosis', 'pericarditis', 'valve', 'mass', 'hypertensive', 'congenital', 'restrictive', 'athlete', 'other'] as const;
export type OtherSubtype = (typeof OTHER_SUBTYPES)[number];

/** Every outcome name a taxonomy's `rules:` list may use. */
export const ENGINE_OUTCOMES: readonly string[] = [...ENGINE_CATEGORIES, ...OTHER_SUBTYPES.map((s) => `OTHER.${s}`)];

/** The canonical spelling of an outcome name ("other.Takotsubo" → "OTHER.takotsubo"), or undefined when it is none. */
export function canonicalOutcome(name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  return ENGINE_OUTCOMES.find((o) => o.toLowerCase() === wanted);
}

/** An engine answer as one outcome name. */
export function outcomeName(category: DxCategory, subtype?: OtherSubtype | null): string {
  return category === 'OTHER' && subtype ? `OTHER.${subtype}` : category;
}
