/**
 * Names from a user's data (file and folder names above all) shown in a message. A file name may hold control
 * characters: printed raw, an escape sequence recolours or clears the terminal, a line break forges a line of
 * its own ("cmrdx: all 109 reports read"), a direction override shows the rest of the line backwards. Each such
 * character is shown as its JSON escape instead (`\n`, `\u001b`, `\u202e`), so a message stays one line and shows
 * what the name holds. Report ids are refused for holding the same characters (`src/ingest/report-id.ts`).
 */

/** C0 and C1 controls, and the direction embeddings, overrides and isolates that reorder what a terminal shows. */
export const CONTROL_CHARACTER = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

const EVERY_CONTROL_CHARACTER = new RegExp(CONTROL_CHARACTER.source, 'gu');

const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every control character written as its escape; text without any comes back as it is. */
export function printable(text: string): string {
  return text.replace(EVERY_CONTROL_CHARACTER, (c) => SHORT_ESCAPES[c] ?? `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/** A character's code point as `U+001B`, for a message that says which character a value holds. */
export function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
