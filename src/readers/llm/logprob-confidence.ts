/**
 * The probability of the chosen category from the token logprobs a server returned with the answer
 * (OpenAI-compatible `choices[0].logprobs.content`, Ollama's `logprobs`; both are turned into `TokenLogprob`
 * at the backend's edge).
 *
 * Definition. Let the tokens t_1..t_n spell the answer and t_i..t_j be the tokens that overlap the characters of
 * the category value (the string after `"category":`, or the whole string in category mode). Then
 *
 *   confidence = Π_{k=i..j} p(t_k) / Σ_{a ∈ A_k} p(a)
 *
 * where A_k are the alternatives the server listed at position k (top_logprobs, the chosen token included) that,
 * appended to the value written so far, still spell the start of some category id (or a whole id followed by
 * the closing quote). It is the model's probability of this category among the taxonomy's categories,
 * conditional on everything before the value. Alternatives outside the top list are not seen: with 20 listed
 * and a handful of categories that mass is negligible, and without any top list the plain product is used.
 * `alternatives` gives, at the first value token, the renormalised probability of each category an
 * alternative spells unambiguously. A value that is not spelled as a category id (a server that ignored the
 * schema and wrote "Myocarditis") has no logprob confidence.
 */
import type { TokenLogprob } from '../backends/backend.js';
import { roundConfidence, type Confidence } from '../confidence.js';
import type { AnswerMode } from './answer-schema.js';

export type { TokenLogprob };

/** Where the category value is in the text: [start, end) of its characters, or null. */
export function categoryValueSpan(text: string, mode: AnswerMode): [number, number] | null {
  const keyed = [...text.matchAll(/"category"\s*:\s*"/g)].pop();
  if (keyed) {
    const start = keyed.index + keyed[0].length;
    const end = closingQuote(text, start);
    return end === -1 ? null : [start, end];
  }
  if (mode !== 'category') return null;
  // A JSON string answer ("MYO"): the last quoted string (a reasoning block may come before it).
  const end = text.lastIndexOf('"');
  if (end > 0) {
    const start = text.lastIndexOf('"', end - 1);
    return start === -1 ? null : [start + 1, end];
  }
  const bare = /[\p{L}\p{N}_-]+(?=\W*$)/u.exec(text);
  return bare ? [bare.index, bare.index + bare[0].length] : null;
}

function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/** Can `written` (the value's characters so far, maybe with the closing quote and more) still become an id? */
function spellsSome(written: string, ids: string[]): string[] {
  const quote = written.indexOf('"');
  if (quote !== -1) {
    const whole = written.slice(0, quote);
    return ids.filter((id) => id === whole);
  }
  return ids.filter((id) => id.startsWith(written));
}

/**
 * @param tokens the answer's tokens with logprobs, as the server sent them.
 * @param category the validated category (must be what the tokens spell).
 * @param ids the taxonomy's category ids.
 * @returns null when the tokens do not spell a category value.
 */
export function logprobConfidence(tokens: TokenLogprob[], category: string, ids: string[], mode: AnswerMode): Extract<Confidence, { source: 'logprobs' }> | null {
  const joined = tokens.map((t) => t.token).join('');
  const span = categoryValueSpan(joined, mode);
  if (!span) return null;
  const [s, e] = span;
  // A bare (unquoted) value ends where the word ends, not at a quote.
  const quoted = joined[e] === '"';
  if (joined.slice(s, e) !== category) return null;
  let value = 1;
  let count = 0;
  let alternatives: Record<string, number> = {};
  let pos = 0;
  for (const t of tokens) {
    const start = pos;
    const end = (pos += t.token.length);
    if (end <= s || start >= e) continue;
    // Text of this position that lies before the value (the opening quote, say) must be shared by alternatives.
    const lead = start < s ? joined.slice(start, s) : '';
    // The value's characters written before this token.
    const prefix = joined.slice(s, Math.max(start, s));
    const p = Math.exp(t.logprob);
    let denominator = 0;
    const perCategory: Record<string, number> = {};
    for (const a of t.top ?? []) {
      if (!a.token.startsWith(lead)) continue;
      // Unquoted values end at the first character that is not part of a word: mark that end like a quote.
      const rest = quoted ? a.token.slice(lead.length) : a.token.slice(lead.length).replace(/[^\p{L}\p{N}_-][\s\S]*$/u, '"');
      const spelled = spellsSome(prefix + rest, ids);
      if (spelled.length === 0) continue;
      const pa = Math.exp(a.logprob);
      denominator += pa;
      if (spelled.length === 1) perCategory[spelled[0]!] = (perCategory[spelled[0]!] ?? 0) + pa;
    }
    // Without a list the token's own probability counts; with one, the chosen token is always among them.
    const hasList = (t.top ?? []).length > 0;
    const listed = (t.top ?? []).some((a) => a.token === t.token);
    if (!hasList) denominator = 1;
    else if (!listed) denominator += p;
    value *= p / denominator;
    if (count === 0) {
      alternatives = Object.fromEntries(Object.entries(perCategory).map(([c, x]) => [c, roundConfidence(x / denominator)]));
      if (hasList && !listed && !(category in alternatives)) alternatives[category] = roundConfidence(p / denominator);
    }
    count++;
  }
  if (count === 0) return null;
  return { source: 'logprobs', value: roundConfidence(Math.min(1, value)), alternatives, tokens: count };
}
