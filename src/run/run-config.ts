/**
 * What makes a run this run: the readers, the taxonomy (and, for a taxonomy file, a digest of its categories),
 * the prompt version and the reader options that change answers. The run store refuses to resume a run under
 * another configuration, so the library, the CLI and batch export must all build it the same way: from
 * settings with their defaults filled in (`withAnswerDefaults`), never from what a caller happened to leave out.
 */
import type { Readers, ReaderSettings } from '../readers/create-reader.js';
import { DEFAULTS as LLM_DEFAULTS } from '../readers/llm/llm-reader.js';
import { DEFAULT_CLASSIFY_VERSION } from '../readers/llm/prompt.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { RunConfig } from './run-store.js';
import { taxonomyDigest } from './run-taxonomy.js';

/** The answer settings of a run with every default filled in, as the CLI's flags give them. */
export function withAnswerDefaults<T extends ReaderSettings>(settings: T) {
  return {
    ...settings,
    promptVersion: settings.promptVersion ?? DEFAULT_CLASSIFY_VERSION,
    answer: settings.answer ?? 'evidence',
    think: settings.think ?? 'auto',
    samples: settings.samples ?? 1,
    temperature: settings.temperature ?? LLM_DEFAULTS.temperature,
    seed: settings.seed ?? LLM_DEFAULTS.seed,
    answerRetries: settings.answerRetries ?? LLM_DEFAULTS.answerRetries,
  };
}

export function runConfigOf(built: Readers, taxonomy: Taxonomy, settings: ReturnType<typeof withAnswerDefaults>): RunConfig {
  return {
    models: built.readers.map((r) => r.id),
    taxonomy: { name: taxonomy.name, version: taxonomy.version },
    promptVersion: built.promptVersion,
    options: {
      ...(built.readers.some((r) => r.endpoints)
        ? { temperature: settings.temperature, seed: settings.seed, maxTokens: settings.maxTokens ?? null, answer: settings.answer, think: settings.think, samples: settings.samples, translate: settings.translate ?? null, withMeasurements: Boolean(settings.withMeasurements), ...(settings.abstain ? { abstain: true } : {}) }
        : {}),
      // A taxonomy file edited under the same name and version still changes answers (rules: mappings, definitions).
      ...(taxonomy.source ? { taxonomyDigest: taxonomyDigest(taxonomy) } : {}),
    },
  };
}
