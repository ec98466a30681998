/**
 * What went wrong in JSON.parse, without the text. V8's messages may quote the input ("Unexpected token 'M',
 * "Mustermann, ..." is not valid JSON"), and the input here is report text or a model's answer about it; only
 * the kind of error and its column are kept.
 */
export function describeJsonError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/is not valid JSON$/.test(message) || /^Unexpected token/.test(message)) return 'unexpected character';
  const position = /at position (\d+)/.exec(message);
  const reason = message
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/ at position \d+.*$/, '')
    .replace(/ in JSON$/, '');
  // The known reasons ("Unterminated string", "Expected ',' or '}' after property value", "Bad control character
  // in string literal", "Unexpected end of JSON input") quote only syntax; anything longer or unknown is not shown.
  const safe = reason.length <= 60 && !reason.includes('"') ? reason.replace(/^./, (c) => c.toLowerCase()) : 'invalid JSON';
  return position ? `${safe} at column ${Number(position[1]) + 1}` : safe;
}
