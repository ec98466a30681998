/**
 * A report id as read from a record's id field, checked so that it names exactly the report the hospital
 * has. An id that cannot be kept as written is refused, never repaired: a repaired id is one the hospital
 * does not have, and it may be another report's. Messages describe the problem, never the id's characters.
 */
import { codePoint, CONTROL_CHARACTER } from '../util/printable.js';
import { loneSurrogateAt } from './lone-surrogate.js';

export type IdReading = { id: string } | { problem: string; hint: string };

const QUOTE_HINT = 'Write the id as a string in quotes ("id": "12345678901234567891"), as the hospital system has it';

/** The id of a record's raw id field: '' when it has none. */
export function readId(raw: unknown): IdReading {
  if (typeof raw === 'number') return numberId(raw);
  if (typeof raw !== 'string') return { id: '' };
  return stringId(raw);
}

function stringId(raw: string): IdReading {
  if (loneSurrogateAt(raw) >= 0) {
    // The run store (SQLite, UTF-8) would keep it as U+FFFD: two such ids become one and a run never resumes.
    return {
      problem: 'the id holds a broken character (half of a UTF-16 surrogate pair, as left when an export cuts an emoji or a CJK character in two)',
      hint: 'Export the file again from the hospital system with its ids intact; cmrdx does not repair ids',
    };
  }
  // NFC, as every decoded file is: "Müller-1" written decomposed (a JSON \u0308 escape, a macOS file name) is the
  // same id as in a labels file, and the two spellings are one id for the duplicate check.
  const id = raw.trim().normalize('NFC');
  const control = CONTROL_CHARACTER.exec(id);
  if (control) {
    // Printed in a message, such a character clears the terminal, colours it or forges a second line; and an id
    // shown escaped would be one the hospital does not have.
    return {
      problem: `the id holds a control character (${codePoint(control[0])}${control[0] === '\n' || control[0] === '\r' ? ', a line break' : ''})`,
      hint: 'Remove line breaks, tabs and escape sequences from the ids in the export',
    };
  }
  return { id };
}

/**
 * A JSON number keeps its value, not its digits: beyond 2^53 it is rounded (…993 becomes …992) and 1.10 is
 * 1.1, so only whole numbers JavaScript holds exactly are ids.
 */
function numberId(raw: number): IdReading {
  if (Number.isSafeInteger(raw)) return { id: String(raw) };
  if (Number.isInteger(raw) || !Number.isFinite(raw)) {
    return { problem: 'the id is a JSON number above 9007199254740991 (2^53 - 1), which a number does not keep digit for digit', hint: QUOTE_HINT };
  }
  return { problem: 'the id is a JSON number with a fraction, which JSON does not keep as written (1.10 is read as 1.1)', hint: QUOTE_HINT };
}
