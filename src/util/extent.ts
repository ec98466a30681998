/**
 * Smallest and largest of a list, in a loop: `Math.min(...values)` passes every value as an argument and
 * overflows the call stack at around 100,000 of them (a cohort's reports, a run's predictions).
 */
export function extent(values: Iterable<number>): [min: number, max: number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}
