/**
 * How sure a reader is of one prediction, and where that number comes from. Every source gives a value in
 * [0, 1] that grows with the reader's sureness; only `logprobs` is a probability (the model's own, and not
 * calibrated against the truth); `samples` is a share of votes and `margin` a transformed score gap.
 * Evaluate orders predictions by it (selective prediction); failed and UNCLASSIFIED predictions have none.
 */

export type ConfidenceSource = 'logprobs' | 'samples' | 'margin';

export type Confidence =
  | {
      source: 'logprobs';
      value: number;
      /** The category's probability at the token where the categories part, per category it alone spells. */
      alternatives: Record<string, number>;
      /** How many tokens spell the category. */
      tokens: number;
    }
  | {
      source: 'samples';
      /** Agreement: the majority's votes over all samples drawn (failed samples agree with nothing). */
      value: number;
      votes: Record<string, number>;
      samples: number;
    }
  | {
      source: 'margin';
      value: number;
      /** The winning score minus the best other score (points of the guideline engine's criteria). */
      margin: number;
    };

/** The definitions, as metrics.json and the docs give them. */
export const CONFIDENCE_DEFINITIONS: Record<ConfidenceSource, string> = {
  logprobs:
    "the model's probability of the category it wrote: the product over the tokens that spell the category value of each token's probability, renormalised at each token over the alternatives (top_logprobs) that still spell some category of the taxonomy; conditional on everything written before it (in evidence mode the quotes and rationale)",
  samples: 'self-consistency: the share of the k samples (drawn at --temperature) that gave the majority category; a failed sample agrees with nothing',
  margin: "the guideline engine's score margin m (winning score minus the best other score, 0 when negative) as 1 - exp(-m / 5): 0 for a tie, 0.86 for one stated diagnosis (10 points) ahead; not a probability",
};

/** Rounds a probability for storage (predictions.jsonl stays readable; 1e-6 is far below any threshold used). */
export const roundConfidence = (x: number) => Math.round(x * 1e6) / 1e6;
