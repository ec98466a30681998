/**
 * A run's answers are categories of the taxonomy it was classified with: scoring, exporting, reading or
 * adjudicating them under another taxonomy would read its labels and codes against the wrong categories (a
 * truth "hypertensive Herzkrankheit" would become OTHER while the run answered HHD), so every command that
 * reads a run refuses the mismatch.
 */
import { ConfigError } from '../errors.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';

export function checkRunTaxonomy(used: { name: string; version: string } | undefined, dir: string, taxonomy: Taxonomy): void {
  if (!used || (used.name === taxonomy.name && used.version === taxonomy.version)) return;
  throw new ConfigError(`--taxonomy: the run in ${dir} was classified with the taxonomy ${used.name} v${used.version}, not ${taxonomy.name} v${taxonomy.version}`, {
    code: 'config.taxonomy_mismatch',
    hint: 'Pass the taxonomy file the run was classified with, --taxonomy <file> (without it: the default taxonomy, cmrdx-default v1)',
  });
}
