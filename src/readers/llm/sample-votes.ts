/**
 * Self-consistency (`--samples k`): k answers drawn at `--temperature` for the same report, combined into one
 * prediction. The majority category wins; a tie goes to the category drawn first (the samples have fixed
 * seeds, so this is reproducible). Confidence is the agreement: the majority's votes over all k samples, so a
 * failed sample lowers it. The prediction keeps the evidence of the first sample that gave the majority.
 */
import { roundConfidence, type Confidence } from '../confidence.js';

export interface Vote {
  /** null for a sample without a valid answer. */
  category: string | null;
}

export interface Combined {
  /** null when no sample gave a valid answer. */
  category: string | null;
  /** The first sample that gave the majority category (its evidence becomes the prediction's). */
  index: number;
  confidence: Extract<Confidence, { source: 'samples' }> | null;
}

export function combineSamples(samples: Vote[]): Combined {
  const votes = new Map<string, { count: number; first: number }>();
  samples.forEach((s, i) => {
    if (s.category === null) return;
    const v = votes.get(s.category);
    if (v) v.count++;
    else votes.set(s.category, { count: 1, first: i });
  });
  const ranked = [...votes].sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first);
  const top = ranked[0];
  if (!top) return { category: null, index: -1, confidence: null };
  return {
    category: top[0],
    index: top[1].first,
    confidence: { source: 'samples', value: roundConfidence(top[1].count / samples.length), votes: Object.fromEntries(ranked.map(([c, v]) => [c, v.count])), samples: samples.length },
  };
}
