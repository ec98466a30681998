/**
 * Tests between readers: McNemar's exact test of two readers on the same reports (do they err on different
 * reports more than chance?), and Fleiss' kappa and Gwet's AC1 for the agreement of several readers.
 */

export interface McNemar {
  /** Reports the first reader got right and the second wrong. */
  b: number;
  /** Reports the first reader got wrong and the second right. */
  c: number;
  /** Two-sided exact p-value (binomial on the discordant reports). */
  pValue: number;
}

/** log of n choose k, for exact binomial tails without overflow. */
function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
  return s;
}

export function mcnemarExact(aCorrect: boolean[], bCorrect: boolean[]): McNemar {
  let b = 0;
  let c = 0;
  for (let i = 0; i < aCorrect.length; i++) {
    if (aCorrect[i] && !bCorrect[i]) b++;
    else if (!aCorrect[i] && bCorrect[i]) c++;
  }
  const n = b + c;
  if (n === 0) return { b, c, pValue: 1 };
  const k = Math.min(b, c);
  let tail = 0;
  for (let i = 0; i <= k; i++) tail += Math.exp(logChoose(n, i) - n * Math.LN2);
  return { b, c, pValue: Math.min(1, 2 * tail) };
}

/** Agreement of several readers on the same reports, beyond chance. */
export interface RaterAgreement {
  /** Reports every reader answered with a category (the only ones the statistics use). */
  n: number;
  /** Fleiss' kappa (1971); null when undefined (no report, or one category throughout). */
  fleissKappa: number | null;
  /** Gwet's AC1 for several raters (Gwet 2008); null when undefined. */
  ac1: number | null;
}

/**
 * Fleiss' kappa and Gwet's multi-rater AC1 over the reports that every reader answered (`null` marks a rating
 * that is none: a failure or an UNCLASSIFIED answer). Both statistics are defined for a fixed number of raters
 * per item, so reports with a missing rating are left out rather than scored with fewer raters.
 * With r raters, r_iq of them choosing q on report i, and N reports:
 *   pa = (1/N) Σ_i Σ_q r_iq (r_iq − 1) / (r (r − 1))           (the same for both)
 *   Fleiss: pe = Σ_q p_q², p_q = Σ_i r_iq / (N r)
 *   AC1:    pe = Σ_q π_q (1 − π_q) / (Q − 1), π_q = p_q, Q = the number of categories the readers chose from
 *
 * @param categories the answer scale (the taxonomy's categories), for AC1's Q.
 */
export function raterAgreement(ratings: (string | null)[][], categories: string[]): RaterAgreement {
  const items = ratings.filter((r) => r.length >= 2 && r.every((x) => x !== null)) as string[][];
  const n = items.length;
  if (n === 0) return { n, fleissKappa: null, ac1: null };
  const raters = items[0]!.length;
  const totals = new Map<string, number>();
  let sumP = 0;
  for (const item of items) {
    const counts = new Map<string, number>();
    for (const c of item) counts.set(c, (counts.get(c) ?? 0) + 1);
    let agree = 0;
    for (const [cat, k] of counts) {
      agree += k * (k - 1);
      totals.set(cat, (totals.get(cat) ?? 0) + k);
    }
    sumP += agree / (raters * (raters - 1));
  }
  const pa = sumP / n;
  let fleissPe = 0;
  let ac1Sum = 0;
  for (const k of totals.values()) {
    const p = k / (n * raters);
    fleissPe += p * p;
    ac1Sum += p * (1 - p);
  }
  const q = new Set([...categories, ...totals.keys()]).size;
  const ac1Pe = q < 2 ? null : ac1Sum / (q - 1);
  return {
    n,
    fleissKappa: fleissPe === 1 ? null : (pa - fleissPe) / (1 - fleissPe),
    ac1: ac1Pe === null ? null : (pa - ac1Pe) / (1 - ac1Pe),
  };
}
