/**
 * The running tally of one report: each category's score and the criteria fired so far, in the order they fired
 * (explanations list them in that order, and the category modules run in a fixed order, see score.ts).
 */
import type { FiredCriterion } from '../../reader.js';
import type { Measurement } from '../../../report/extract-measurements.js';
import type { Span } from '../../../report/report.js';
import type { DxCategory } from '../lexicon.js';
import type { Mention } from '../find-findings.js';
import { ENGINE_CATEGORIES as CATEGORIES, type OtherSubtype } from '../outcomes.js';

export class Tally {
  readonly scores = {} as Record<DxCategory, number>;
  readonly criteria: FiredCriterion[] = [];
  /** OTHER's score per subtype, to name the OTHER diagnosis when OTHER wins. */
  readonly otherParts = new Map<OtherSubtype, number>();

  constructor() {
    // A loop, not Object.fromEntries (measured: 4 % of score); the same keys in the same order.
    for (const c of CATEGORIES) this.scores[c] = 0;
  }

  /**
   * A criterion fires: its weight goes to its category's score and it joins the list (with at most 4 evidence spans).
   * A weight of 0 fires nothing. Counterweights that only lower another category's score, with no criterion of their
   * own, are written `t.scores.X -= w` beside the criterion that calls for them.
   */
  readonly fire = (id: string, category: DxCategory, weight: number, description: string, spans: Span[], subtype?: OtherSubtype): void => {
    if (weight === 0) return;
    this.scores[category] += weight;
    if (subtype && weight > 0) this.otherParts.set(subtype, (this.otherParts.get(subtype) ?? 0) + weight);
    this.criteria.push({ id, category, weight: Math.round(weight * 100) / 100, description, spans: spans.slice(0, 4) });
  };
}

/** The evidence spans of mentions (their sentences) and measurements (their own spans). */
export const spansOf = (ms: (Mention | Measurement)[]) => ms.map((m) => ('sentence' in m ? m.sentence : m.span));
