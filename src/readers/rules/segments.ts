/**
 * The AHA 17-segment model (Cerqueira et al., Circulation 2002): myocardial segments named by number ("LGE transmural
 * Segm. 1, 2, 7, 8, 13, 14, 17", "akinesia of segments 4 and 10") are places of the LV like the walls' names, and
 * segments that all lie in one coronary artery's usual territory are that territory (LAD 1, 2, 7, 8, 13, 14, 17;
 * RCA 3, 4, 9, 10, 15; LCx 5, 6, 11, 12, 16), as the report would say with "RIVA-Gebiet".
 */

/** The walls of each segment, by the lexicon's attribute names (basal 1-6, mid 7-12, apical 13-16, apex 17). */
const WALLS: Record<number, string[]> = {
  1: ['anterior'], 2: ['anterior', 'septal'], 3: ['inferior', 'septal'], 4: ['inferior'], 5: ['inferior', 'lateral'], 6: ['anterior', 'lateral'],
  7: ['anterior'], 8: ['anterior', 'septal'], 9: ['inferior', 'septal'], 10: ['inferior'], 11: ['inferior', 'lateral'], 12: ['anterior', 'lateral'],
  13: ['anterior', 'apical'], 14: ['septal', 'apical'], 15: ['inferior', 'apical'], 16: ['lateral', 'apical'], 17: ['apical'],
};
const TERRITORIES = [new Set([1, 2, 7, 8, 13, 14, 17]), new Set([3, 4, 9, 10, 15]), new Set([5, 6, 11, 12, 16])];

/**
 * "Segment(e) 1, 2 und 7", "segments 4-6", "Segm. 13": the word and its numbers, ranges and lists (folded text). Not the
 * ECG's ST segment, which no number follows.
 */
const SEGMENT_LIST = /\b(?:segm(?:ent(?:e|en|s)?)?\.?|seg\.)\s*(\d{1,2}(?:\s*(?:,|\/|-|–|und|and|bis|to|sowie)\s*\d{1,2})*)/g;

/** The attributes (walls, and `territory` when one artery's) of the segments a sentence names by number. */
export function segmentPlaces(sentence: string): string[] {
  if (!sentence.includes('seg')) return [];
  const numbers = new Set<number>();
  for (const m of sentence.matchAll(SEGMENT_LIST)) {
    const parts = m[1]!.split(/\s*(,|\/|und|and|sowie)\s*/);
    for (const part of parts) {
      const range = /^(\d{1,2})\s*(?:-|–|bis|to)\s*(\d{1,2})$/.exec(part);
      if (range) for (let n = Number(range[1]); n <= Number(range[2]) && n <= 17; n++) numbers.add(n);
      else if (/^\d{1,2}$/.test(part)) numbers.add(Number(part));
    }
  }
  const valid = [...numbers].filter((n) => n >= 1 && n <= 17);
  if (valid.length === 0 || valid.length !== numbers.size) return [];
  const places = new Set(valid.flatMap((n) => WALLS[n]!));
  if (TERRITORIES.some((t) => valid.every((n) => t.has(n)))) places.add('territory');
  return [...places];
}
