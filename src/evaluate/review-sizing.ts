/**
 * `consensus --target-accuracy 0.98`: how many reports a person must read so that the consensus answers the rest
 * at the target accuracy. On a labelled calibration run (this run, or `--calibration <dir>` with the same
 * models), the consensus is ordered by agreement (then agreement with the guideline engine, when the runs have
 * its predictions) and the largest coverage whose accuracy reaches the target gives an agreement threshold. Here,
 * every report below that threshold, and every report without a majority, goes on the review list.
 *
 * The calibration's accuracy at that coverage is measured on the calibration run; on another run it is what to
 * expect if that run is like it (same models, similar reports), with the bootstrap interval of the coverage as
 * the doubt. When the calibration run is this run, the accuracy of the rest is measured, not predicted.
 */
import { ConfigError } from '../errors.js';
import { categoryIds, type Taxonomy } from '../taxonomy/taxonomy.js';
import { buildConsensus, type Consensus } from './consensus.js';
import { consensusConfidence, describeThreshold, type ConsensusOrdering } from './consensus-confidence.js';
import { loadRun, type RunData } from './load-run.js';
import { selectivePrediction } from './selective.js';

export interface ReviewSizing {
  targetAccuracy: number;
  ordering: ConsensusOrdering;
  /** Answer the reports whose confidence is at least this; null: none is answered without review. */
  threshold: number | null;
  /** The threshold in words. */
  rule: string;
  calibration: {
    dir: string;
    sameRun: boolean;
    n: number;
    /** Coverage and accuracy on the calibration run at the threshold, and the coverage's 95 % bootstrap interval. */
    coverage: number;
    accuracy: number | null;
    ci: [number, number];
  };
  /** This run: reports on the review list, why, and how many the consensus answers alone. */
  review: { total: number; noMajority: number; belowThreshold: number; answered: number };
  /** Ids of this run's reports below the threshold (those without a majority are listed anyway). */
  belowThreshold: string[];
}

export interface SizingOptions {
  targetAccuracy: number;
  taxonomy: Taxonomy;
  /** A labelled run of the same models; default: this run (then it needs a truth). */
  calibrationDir?: string;
  seed?: number;
  resamples?: number;
}

const rulesOf = (run: RunData) => new Map(run.lines.filter((l) => l.model === 'rules').map((l) => [l.id, l.category]));

export function sizeReview(run: RunData, consensus: Consensus, options: SizingOptions): ReviewSizing {
  const target = options.targetAccuracy;
  if (!(target > 0 && target < 1)) {
    throw new ConfigError(`--target-accuracy ${target}: must be between 0 and 1`, { code: 'config.target_accuracy', hint: 'Write e.g. --target-accuracy 0.98' });
  }
  const sameRun = options.calibrationDir === undefined;
  // The calibration run's truth is its own (the labels of the input it classified); --truth is this run's.
  const calibration = sameRun ? run : loadRun({ dir: options.calibrationDir!, taxonomy: options.taxonomy, requireTruth: false });
  if (calibration.truth.size === 0) {
    throw new ConfigError(`--target-accuracy: ${calibration.dir} has no truth to calibrate on`, {
      code: 'config.no_calibration',
      hint: sameRun ? 'Pass --truth <labels> for this run, or --calibration <dir> with a labelled run of the same models' : 'Calibrate on a run classified from a labelled input (its labels are kept in run.sqlite)',
    });
  }
  const missing = consensus.models.filter((m) => !calibration.models.includes(m));
  if (missing.length > 0) {
    throw new ConfigError(`--calibration ${calibration.dir}: the calibration run has no predictions of ${missing.join(', ')}`, {
      code: 'config.calibration_models',
      hint: `Calibrate on a labelled run of the same models (it has: ${calibration.models.join(', ')})`,
    });
  }
  // The same vote on the calibration run: same models, same threshold.
  const calibrated = sameRun ? consensus : voteOf(calibration, consensus, options.taxonomy);
  const ordering: ConsensusOrdering = rulesOf(run).size > 0 && rulesOf(calibration).size > 0 ? 'agreement-then-rules' : 'agreement';
  const m = consensus.models.length;
  const calibrationConfidence = consensusConfidence(calibrated.rows, m, ordering, rulesOf(calibration));
  const items = calibrated.rows.filter((r) => calibration.truth.has(r.id)).map((r) => ({ correct: r.category === calibration.truth.get(r.id), confidence: calibrationConfidence.get(r.id) ?? null }));
  const selective = selectivePrediction(items, { targets: [target], seed: options.seed, resamples: options.resamples });
  const at = selective.atAccuracy[0]!;
  // Nothing reaches the target: every report is read. Otherwise the threshold (null: the target holds even with
  // the reports that have no confidence, which still need a person because they have no answer).
  const threshold = at.covered === 0 ? Infinity : at.threshold;

  const confidence = consensusConfidence(consensus.rows, m, ordering, rulesOf(run));
  const noMajority = consensus.rows.filter((r) => confidence.get(r.id) == null).length;
  const belowThreshold = consensus.rows.filter((r) => {
    const c = confidence.get(r.id);
    return c != null && threshold !== null && c < threshold;
  }).map((r) => r.id);
  const total = noMajority + belowThreshold.length;
  return {
    targetAccuracy: target,
    ordering,
    threshold: threshold === Infinity ? null : threshold,
    rule: threshold === Infinity ? 'none: even the reports all models agree on miss the target' : threshold === null ? 'every report with a majority' : describeThreshold(threshold, m, ordering),
    calibration: { dir: calibration.dir, sameRun, n: items.length, coverage: at.coverage, accuracy: at.accuracy, ci: [at.ci.low, at.ci.high] },
    review: { total, noMajority, belowThreshold: belowThreshold.length, answered: consensus.rows.length - total },
    belowThreshold,
  };
}

function voteOf(run: RunData, consensus: Consensus, taxonomy: Taxonomy): Consensus {
  const votes = new Map<string, Record<string, string | null>>();
  for (const l of run.lines) if (consensus.models.includes(l.model)) votes.set(l.id, { ...votes.get(l.id), [l.model]: l.category });
  return buildConsensus([...new Set(run.lines.map((l) => l.id))], consensus.models, votes, categoryIds(taxonomy), consensus.minAgree);
}
