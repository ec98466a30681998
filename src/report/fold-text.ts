/**
 * A matching copy of a text with the same length: lower case, accents and umlauts folded to their base
 * letter (ä→a, ß→s), superscripts to digits, dashes to '-'. Patterns are written once in plain ASCII and
 * every match offset is also an offset into the original text, so spans stay exact.
 */

const SPECIAL: Record<string, string> = {
  ß: 's',
  ẞ: 's',
  '²': '2',
  '³': '3',
  '¹': '1',
  '–': '-',
  '—': '-',
  '‒': '-',
  '−': '-',
  '‐': '-',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '„': '"',
  '“': '"',
  '”': '"',
  '‚': "'",
  '‘': "'",
  '’': "'",
};

const cache = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = cache.get(ch);
  if (folded !== undefined) return folded;
  folded = SPECIAL[ch] ?? ch.normalize('NFD').charAt(0).toLowerCase();
  // toLowerCase of a few characters (e.g. 'İ') grows; keep one code unit so offsets never shift.
  if (folded.length !== 1) folded = ch;
  cache.set(ch, folded);
  return folded;
}

/**
 * Built from character codes rather than by appending to a string: appending makes a rope that every later
 * character access (the pattern index reads each letter several times) has to see through.
 */
export function foldText(text: string): string {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) codes[i] = code >= 65 && code <= 90 ? code + 32 : code;
    else codes[i] = foldChar(text[i]!).charCodeAt(0);
  }
  // `apply`, not a spread (which copies the codes into an array first), in chunks that fit on the stack.
  const chunk = 8192;
  const fromCodes = (part: Uint16Array) => String.fromCharCode.apply(null, part as unknown as number[]);
  if (codes.length <= chunk) return fromCodes(codes);
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += chunk) parts.push(fromCodes(codes.subarray(i, i + chunk)));
  return parts.join('');
}
