/**
 * Loads a user's taxonomy file (YAML or JSON) and checks it with a zod schema, so a typo in a category
 * file is reported with its path and field instead of surfacing later as odd predictions. A category may list
 * the guideline engine's outcomes it stands for (`rules:`); whether every category has some is checked when
 * the engine is asked to use the taxonomy (readers/rules/outcome-map.ts), since LLM readers need none.
 */
import { readFileSync } from 'node:fs';
import { parseYaml } from '../util/parse-yaml.js';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { canonicalOutcome, ENGINE_OUTCOMES } from '../readers/rules/outcomes.js';
import { isSnomedConceptId } from './snomed-id.js';
import { DEFAULT_TAXONOMY, labelKey, normaliseLabel, RESERVED_IDS, type Taxonomy } from './taxonomy.js';

/** A code with the published source it was checked against: a code without a source is refused. */
function codeSchema(pattern: RegExp, message: string) {
  return z.object({
    code: z.string().regex(pattern, message),
    display: z.string().min(1),
    source: z.string().min(1, 'name the published source the code was checked against'),
    version: z.union([z.string(), z.number()]).transform(String).optional(),
  });
}

const categorySchema = z.object({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'ids are letters, digits, _ or - (e.g. HCM)'),
  name: z.string().min(1),
  definition: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  codes: z
    .object({
      snomed: codeSchema(/^\d{6,18}$/, 'a SNOMED CT concept id is 6 to 18 digits')
        .refine((c) => isSnomedConceptId(c.code), { message: 'not a SNOMED CT concept id (check digit or partition is wrong)', path: ['code'] })
        .optional(),
      icd10gm: codeSchema(/^[A-Z]\d{2}(\.\d{1,2})?$/, 'an ICD-10-GM code looks like I42.0 (no dagger or asterisk)').optional(),
    })
    .strict()
    .optional(),
  rules: z
    .union([z.string().transform((outcome) => [outcome]), z.array(z.string())])
    .pipe(z.array(z.string()).min(1, 'list at least one engine outcome, or leave out "rules"'))
    .optional(),
})
  // A misspelt key ("alias:", "rule:") would be dropped silently and change how labels or the engine's outcomes map.
  .strict();

const taxonomySchema = z
  .object({
    name: z.string().min(1),
    version: z.union([z.string(), z.number()]).transform(String),
    categories: z.array(categorySchema).min(2, 'a taxonomy needs at least two categories'),
  })
  .strict();

export function loadTaxonomy(path: string | undefined): Taxonomy {
  if (path === undefined) return DEFAULT_TAXONOMY;
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError(`--taxonomy ${path}: cannot read the file`, {
      code: 'config.taxonomy_missing',
      hint: 'Check the path, or leave out --taxonomy to use the default categories',
    });
  }
  let data: unknown;
  try {
    data = parseYaml(raw);
  } catch (error) {
    throw new ConfigError(`--taxonomy ${path}: not valid YAML or JSON (${(error as Error).message.split('\n')[0]})`, {
      code: 'config.taxonomy_syntax',
      hint: 'Fix the syntax; see examples/taxonomy.yaml for the format',
    });
  }
  const parsed = taxonomySchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(top level)';
    throw new ConfigError(`--taxonomy ${path}: ${where}: ${issue?.message ?? 'invalid'}`, {
      code: 'config.taxonomy_invalid',
      hint: 'See examples/taxonomy.yaml for the format',
    });
  }
  const seen = new Set<string>();
  // Spelt as resolveLabel reads labels: an alias 'un-classified' would otherwise take UNCLASSIFIED.
  const reserved = new Set<string>(RESERVED_IDS.map(labelKey));
  for (const category of parsed.data.categories) {
    const key = normaliseLabel(category.id);
    if (seen.has(key)) {
      throw new ConfigError(`--taxonomy ${path}: category "${category.id}" appears twice`, {
        code: 'config.taxonomy_duplicate',
        hint: 'Give every category a unique id',
      });
    }
    seen.add(key);
    const taken = [category.id, category.name, ...category.aliases].find((label) => reserved.has(labelKey(label)));
    if (taken !== undefined) {
      throw new ConfigError(`--taxonomy ${path}: category "${category.id}" uses the reserved label "${taken}"`, {
        code: 'config.taxonomy_reserved',
        hint: `${RESERVED_IDS.join(' and ')} are outcomes cmrdx counts on their own (no category, a failed prediction); rename the category or drop the alias`,
      });
    }
    if (category.rules) {
      category.rules = category.rules.map((name) => {
        const outcome = canonicalOutcome(name);
        if (outcome === undefined) {
          throw new ConfigError(`--taxonomy ${path}: category "${category.id}": rules: "${name}" is no outcome of the guideline engine`, {
            code: 'config.taxonomy_rules',
            hint: `Use some of: ${ENGINE_OUTCOMES.join(', ')}`,
          });
        }
        return outcome;
      });
    }
  }
  checkLabelsUnique(parsed.data.categories, path);
  return { ...parsed.data, source: path };
}

/** A label (id, name or alias, spelt any way resolveLabel allows) names one category only: else the first would win unseen. */
export function checkLabelsUnique(categories: Taxonomy['categories'], path: string): void {
  const owner = new Map<string, string>();
  for (const category of categories) {
    for (const label of [category.id, category.name, ...category.aliases]) {
      const key = labelKey(label);
      const other = owner.get(key);
      if (other !== undefined && other !== category.id) {
        throw new ConfigError(`--taxonomy ${path}: category "${category.id}": the label "${label}" also names category "${other}"`, {
          code: 'config.taxonomy_label_twice',
          hint: 'A label may name one category only: remove it from one of them',
        });
      }
      owner.set(key, category.id);
    }
  }
}
