/**
 * What --skip-invalid left out, as message lines: the count with the first skip (the line commands have always
 * printed), then every other skip by its own message, so each record of a large export that reached no reader
 * is named (file, line or item, never its content).
 */
import type { InputError } from '../errors.js';

export function skippedLines(skipped: InputError[]): string[] {
  if (skipped.length === 0) return [];
  const [first, ...rest] = skipped;
  return [`skipped ${skipped.length} invalid record(s); first: ${first!.message}`, ...rest.map((error) => `also skipped: ${error.message}`)];
}
