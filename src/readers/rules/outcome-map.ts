/**
 * How the guideline engine answers in the categories of the active taxonomy. Each category stands for some
 * engine outcomes (outcomes.ts): the ones its `rules:` field lists, or, without one, the engine category with
 * its own id. A category that stands for none is refused (the engine has no criteria for it), and so is an
 * outcome claimed by two categories. An outcome no category lists folds into the category that stands for
 * OTHER when there is one (a normal study never does: it is no other diagnosis); otherwise the answer is
 * UNCLASSIFIED with the reason `outside_taxonomy`.
 */
import { ConfigError } from '../../errors.js';
import { normaliseLabel, type Taxonomy, type UnclassifiedReason } from '../../taxonomy/taxonomy.js';
import { ENGINE_CATEGORIES, ENGINE_OUTCOMES, OTHER_SUBTYPES, outcomeName, type DxCategory, type OtherSubtype } from './outcomes.js';

export type Resolved = { category: string } | { unclassified: { reason: UnclassifiedReason; message: string } };

export interface OutcomeMap {
  /** The taxonomy's answer for an engine outcome. */
  resolve(category: DxCategory, subtype?: OtherSubtype | null): Resolved;
  /** Engine outcome → taxonomy category, as the taxonomy states it (for explanations and docs). */
  readonly mapping: ReadonlyMap<string, string>;
}

const where = (taxonomy: Taxonomy) => (taxonomy.source ? `--taxonomy ${taxonomy.source}` : `taxonomy ${taxonomy.name}`);

export function buildOutcomeMap(taxonomy: Taxonomy): OutcomeMap {
  const mapping = new Map<string, string>();
  const without: string[] = [];
  for (const category of taxonomy.categories) {
    const own = ENGINE_CATEGORIES.find((c) => normaliseLabel(c) === normaliseLabel(category.id));
    const outcomes = category.rules ?? (own ? [own] : []);
    if (outcomes.length === 0) without.push(category.id);
    for (const outcome of outcomes) {
      const earlier = mapping.get(outcome);
      if (earlier !== undefined && earlier !== category.id) {
        throw new ConfigError(`${where(taxonomy)}: the guideline engine's outcome ${outcome} is claimed by both "${earlier}" and "${category.id}"`, {
          code: 'config.taxonomy_rules_twice',
          hint: `List ${outcome} under one category only (a category named like an engine category stands for it unless it has its own "rules:")`,
        });
      }
      mapping.set(outcome, category.id);
    }
  }
  if (without.length > 0) {
    const named = without.map((id) => `"${id}"`).join(', ');
    throw new ConfigError(`${where(taxonomy)}: the guideline engine has no criteria for ${without.length === 1 ? 'category' : 'categories'} ${named}`, {
      code: 'config.taxonomy_no_criteria',
      hint: `Map ${without.length === 1 ? 'it' : 'each'} to what the engine knows with a "rules:" list under the category (e.g. rules: [OTHER.hypertensive]; engine outcomes: ${ENGINE_OUTCOMES.join(', ')}), or remove ${without.length === 1 ? 'it' : 'them'}`,
    });
  }
  const catchAll = mapping.get('OTHER');
  const answers = new Map<string, Resolved>();
  const answer = (category: DxCategory, subtype?: OtherSubtype): Resolved => {
    const outcome = outcomeName(category, subtype);
    const mapped = mapping.get(outcome) ?? (category === 'NORMAL' ? undefined : catchAll);
    if (mapped !== undefined) return { category: mapped };
    const why = category === 'NORMAL' ? 'a normal study is not folded into another category' : 'and no category stands for OTHER to take it';
    return { unclassified: { reason: 'outside_taxonomy', message: `the guideline engine read ${outcome}, which the taxonomy ${taxonomy.name} has no category for (${why})` } };
  };
  for (const category of ENGINE_CATEGORIES) answers.set(category, answer(category));
  for (const subtype of OTHER_SUBTYPES) answers.set(outcomeName('OTHER', subtype), answer('OTHER', subtype));
  return {
    resolve: (category, subtype) => answers.get(outcomeName(category, subtype))!,
    mapping,
  };
}
