/**
 * Reads numbers as German and English reports print them. "45,5" is 45.5; "1.231 ms" is 1231 in a German
 * report but could be 1.231 in an English one, so ambiguous forms give every reading, the report's own
 * convention first, and the caller keeps the first one that is plausible for the measurement.
 */

/** A number as printed: digits with optional `.`/`,` groups. */
export const NUMBER_SOURCE = String.raw`\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;

export type NumberStyle = 'de' | 'en';

const PLAIN_DIGITS = /^\d+$/;

export function numberReadings(raw: string, style: NumberStyle): number[] {
  // Most printed numbers are plain digits: one reading, without trying the patterns below.
  if (PLAIN_DIGITS.test(raw)) return [Number(raw)];
  // 1.231,5 (German thousands + decimal) and 1,231.5 (English).
  let m = /^(\d{1,3}(?:\.\d{3})+),(\d+)$/.exec(raw);
  if (m) return [Number(m[1]!.replace(/\./g, '') + '.' + m[2])];
  m = /^(\d{1,3}(?:,\d{3})+)\.(\d+)$/.exec(raw);
  if (m) return [Number(m[1]!.replace(/,/g, '') + '.' + m[2])];
  // Several groups (1.231.000) can only be thousands.
  if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(raw)) return [Number(raw.replace(/\./g, ''))];
  if (/^\d{1,3}(?:,\d{3}){2,}$/.test(raw)) return [Number(raw.replace(/,/g, ''))];
  // One group of three digits: thousands or decimal, depending on the report's convention.
  if (/^\d{1,3}[.,]\d{3}$/.test(raw)) {
    const sep = raw.includes('.') ? '.' : ',';
    const thousands = Number(raw.replace(sep, ''));
    const decimal = Number(raw.replace(sep, '.'));
    const germanThousands = sep === '.';
    const preferThousands = style === 'de' ? germanThousands : !germanThousands;
    return preferThousands ? [thousands, decimal] : [decimal, thousands];
  }
  if (/^\d+[.,]\d+$/.test(raw)) return [Number(raw.replace(',', '.'))];
  if (/^\d+$/.test(raw)) return [Number(raw)];
  return [];
}

/** Guesses whether a report writes decimal commas (German) or decimal points (English). */
export function numberStyleOf(text: string): NumberStyle {
  text = text.replace(/\b\d{1,2}\.\d{1,2}\.\d{2,4}\b/g, ' ');
  const commas = (text.match(/\d,\d{1,2}(?!\d)/g) ?? []).length;
  const points = (text.match(/\d\.\d{1,2}(?!\d)/g) ?? []).length;
  if (commas !== points) return commas > points ? 'de' : 'en';
  return /\b(?:und|der|die|das|mit|kein|keine|nicht)\b/i.test(text) ? 'de' : 'en';
}
