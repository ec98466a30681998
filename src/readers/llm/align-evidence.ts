/**
 * Grounds every quote a model gives in the text it read: first verbatim, then ignoring case, spacing and
 * punctuation, then fuzzily (the best window of similar length with at least 80 % character similarity).
 * A quote that cannot be found keeps `start`/`end` null and alignment `none`: flagged, not dropped.
 */
import type { Evidence } from '../reader.js';

const FUZZY_THRESHOLD = 0.8;

/** Lower case letters and digits only, with a map back to positions in the original text. */
function normalise(text: string): { norm: string; map: number[] } {
  let norm = '';
  const map: number[] = [];
  // Each character is folded on its own (NFKD can change lengths) so every kept letter maps back exactly.
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    for (const c of ch) {
      if (/[\p{L}\p{N}]/u.test(c)) {
        norm += c;
        map.push(i);
      }
    }
  }
  return { norm, map };
}

/** Similarity of two strings, 1 = equal (1 - Levenshtein distance / longer length). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const m = a.length;
  const n = b.length;
  if (m === 0 || n === 0) return 0;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return 1 - prev[n]! / Math.max(m, n);
}

export function alignQuote(text: string, quote: string): Evidence {
  const q = quote.trim();
  const exact = text.indexOf(q);
  if (q !== '' && exact !== -1) return { quote: q, start: exact, end: exact + q.length, alignment: 'exact' };
  const t = normalise(text);
  const nq = normalise(q).norm;
  if (nq.length === 0) return { quote: q, start: null, end: null, alignment: 'none' };
  const at = t.norm.indexOf(nq);
  if (at !== -1) return { quote: q, start: t.map[at]!, end: t.map[at + nq.length - 1]! + 1, alignment: 'normalised' };
  // Fuzzy: slide a window of the quote's length (±15 %) over the normalised text; keep the best match.
  if (nq.length >= 12 && nq.length <= 600) {
    let best = { score: 0, start: -1, end: -1 };
    const step = Math.max(1, Math.floor(nq.length / 12));
    for (const len of [nq.length, Math.round(nq.length * 0.9), Math.round(nq.length * 1.1)]) {
      for (let i = 0; i + len <= t.norm.length; i += step) {
        const score = similarity(nq, t.norm.slice(i, i + len));
        if (score > best.score) best = { score, start: i, end: i + len };
      }
    }
    // Refine around the best window position.
    if (best.score >= FUZZY_THRESHOLD - 0.1) {
      for (let i = Math.max(0, best.start - step); i <= Math.min(t.norm.length - nq.length, best.start + step); i++) {
        const score = similarity(nq, t.norm.slice(i, i + nq.length));
        if (score > best.score) best = { score, start: i, end: i + nq.length };
      }
    }
    if (best.score >= FUZZY_THRESHOLD) return { quote: q, start: t.map[best.start]!, end: t.map[best.end - 1]! + 1, alignment: 'fuzzy' };
  }
  return { quote: q, start: null, end: null, alignment: 'none' };
}

export function alignEvidence(text: string, quotes: string[]): Evidence[] {
  return quotes.map((q) => alignQuote(text, q));
}
