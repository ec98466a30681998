/**
 * Half of a UTF-16 surrogate pair with no other half: a character broken in two, as left by a JSON `"\ud800"`
 * escape without its partner, an export that cut an emoji or a CJK character at a byte limit, or an xlsx
 * `_xD800_` escape. No text encoding can write it: SQLite (UTF-8) would store U+FFFD in its place, so an id or a
 * text would not be the one read, and a hash of it would not be the hash of the stored text.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The index of the first lone surrogate of `text`, or -1 when every character is whole. */
export function loneSurrogateAt(text: string): number {
  return LONE_SURROGATE.exec(text)?.index ?? -1;
}
