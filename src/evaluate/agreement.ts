/**
 * Tests between readers: McNemar's exact test of two readers on the same reports (do they err on different
 * reports more than chance?), and Fleiss' kappa for the agreement of several readers.
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

/**
 * Fleiss' kappa: agreement of a fixed number of raters beyond chance. `ratings[i]` holds the categories the raters
 * gave item i (every item the same number of ratings); null ratings are left out of the item.
 */
export function fleissKappa(ratings: (string | null)[][]): number {
  const items = ratings.map((r) => r.filter((x): x is string => x !== null)).filter((r) => r.length >= 2);
  if (items.length === 0) return 0;
  const categories = [...new Set(items.flat())];
  const totals = new Map<string, number>(categories.map((c) => [c, 0]));
  let sumP = 0;
  let allRatings = 0;
  for (const item of items) {
    const m = item.length;
    const counts = new Map<string, number>();
    for (const c of item) counts.set(c, (counts.get(c) ?? 0) + 1);
    let agree = 0;
    for (const [cat, n] of counts) {
      agree += n * (n - 1);
      totals.set(cat, totals.get(cat)! + n);
    }
    sumP += agree / (m * (m - 1));
    allRatings += m;
  }
  const pBar = sumP / items.length;
  let pe = 0;
  for (const n of totals.values()) pe += (n / allRatings) ** 2;
  return pe === 1 ? 1 : (pBar - pe) / (1 - pe);
}
