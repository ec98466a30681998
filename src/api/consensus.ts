/**
 * `consensus()`: the majority vote of several models of a run, the function `cmrdx consensus` and `cmrdx demo`
 * call. It writes consensus.jsonl, consensus.json and review.csv (the reports a person must read) and returns
 * the consensus, its agreement, its score against the truth when one is known, and with `targetAccuracy` the
 * review list sized from a labelled calibration run.
 */
import { runConsensus, type ConsensusOptions as RunConsensusOptions, type ConsensusResult } from '../evaluate/run-consensus.js';
import { loadTaxonomy } from '../taxonomy/load-taxonomy.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { checkOptions, consensusOptionsSchema } from './check-options.js';

export interface ConsensusOptions extends Omit<RunConsensusOptions, 'taxonomy'> {
  /** Default: the study categories plus OTHER. */
  taxonomy?: Taxonomy;
}

export type { ConsensusResult };

export async function consensus(options: ConsensusOptions): Promise<ConsensusResult> {
  checkOptions('consensus', consensusOptionsSchema, options);
  return runConsensus({ ...options, taxonomy: options.taxonomy ?? loadTaxonomy(undefined) });
}
