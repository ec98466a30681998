/**
 * A run's answers are categories of the taxonomy it was classified (or read) with: scoring, exporting, reading or
 * adjudicating them under another taxonomy would read its labels and codes against the wrong categories (a
 * truth "hypertensive Herzkrankheit" would become OTHER while the run answered HHD), so every command that
 * reads a run refuses the mismatch: another name or version, a taxonomy file whose categories changed since, or
 * a human reader who read under another taxonomy.
 */
import { createHash } from 'node:crypto';
import { ConfigError } from '../errors.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { RunConfig } from './run-store.js';

/** A digest of a taxonomy file's categories: an edit under the same name and version still changes answers. */
export function taxonomyDigest(taxonomy: Taxonomy): string | undefined {
  return taxonomy.source ? createHash('sha256').update(JSON.stringify(taxonomy.categories)).digest('hex').slice(0, 16) : undefined;
}

/** How a human reading session records its taxonomy: "name vN", and the file's digest when it came from a file. */
export function taxonomyIdentity(taxonomy: Taxonomy): string {
  const digest = taxonomyDigest(taxonomy);
  return `${taxonomy.name} v${taxonomy.version}${digest ? ` #${digest}` : ''}`;
}

const HINT = 'Pass the taxonomy file the run was classified with, --taxonomy <file> (without it: the default taxonomy, cmrdx-default v1)';

function refuse(message: string): never {
  throw new ConfigError(`--taxonomy: ${message}`, { code: 'config.taxonomy_mismatch', hint: HINT });
}

export function checkRunTaxonomy(config: Pick<RunConfig, 'taxonomy' | 'options'> | null | undefined, dir: string, taxonomy: Taxonomy): void {
  if (!config) return;
  const used = config.taxonomy;
  if (used.name !== taxonomy.name || used.version !== taxonomy.version) {
    refuse(`the run in ${dir} was classified with the taxonomy ${used.name} v${used.version}, not ${taxonomy.name} v${taxonomy.version}`);
  }
  const stored = config.options?.taxonomyDigest;
  const given = taxonomyDigest(taxonomy);
  if (typeof stored === 'string' && given !== undefined && stored !== given) {
    refuse(`the run in ${dir} was classified with another version of the taxonomy file ${taxonomy.name} v${taxonomy.version} (its categories differ)`);
  }
}

/** Each human reader's taxonomy ("name vN", with "#digest" when read from a file) against the one given. */
export function checkHumanTaxonomies(readers: { name: string; taxonomy: string }[], dir: string, taxonomy: Taxonomy): void {
  const given = taxonomyIdentity(taxonomy);
  const [givenName, givenDigest] = given.split(' #');
  for (const reader of readers) {
    const [name, digest] = reader.taxonomy.split(' #');
    if (name !== givenName || (digest !== undefined && givenDigest !== undefined && digest !== givenDigest)) {
      refuse(`${reader.name} read the reports in ${dir} under the taxonomy ${reader.taxonomy}, not ${given}`);
    }
  }
}
