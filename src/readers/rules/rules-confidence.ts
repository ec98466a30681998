/**
 * The guideline engine's confidence: its score margin. m = the winning category's score minus the best other
 * score (0 when the winner is behind, which happens when nothing scores above zero and the report is read as
 * NORMAL), mapped to [0, 1) by 1 - exp(-m / 5): monotone in the margin, 0 for a tie, 0.86 when the winner leads
 * by one stated diagnosis (10 points), 0.98 by two. It orders reports by how clearly the criteria decided; it is
 * not a probability.
 */
import { roundConfidence, type Confidence } from '../confidence.js';

/** Points of margin at which the confidence reaches 1 - 1/e (0.63): half of a stated diagnosis. */
export const MARGIN_SCALE = 5;

export function marginConfidence(scores: Record<string, number>, category: string): Extract<Confidence, { source: 'margin' }> {
  const winner = scores[category] ?? 0;
  let other = -Infinity;
  for (const [c, s] of Object.entries(scores)) if (c !== category && s > other) other = s;
  const margin = other === -Infinity ? 0 : Math.max(0, Math.round((winner - other) * 100) / 100);
  return { source: 'margin', value: roundConfidence(1 - Math.exp(-margin / MARGIN_SCALE)), margin };
}
