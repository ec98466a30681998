/**
 * Turns the bytes of a report file into text. Hospital exports come as UTF-8 (with or without BOM), UTF-16
 * from Excel's "Unicode text", or Windows-1252/Latin-1 from older systems; we detect which without a flag:
 * a BOM wins, then strict UTF-8, then Windows-1252 (a superset of Latin-1 for printable text) for the whole
 * file, and the guess is verified (mixed files and bytes that are not text are refused). Line ends become \n
 * and text is NFC-normalised so offsets and matching do not depend on the exporting system.
 */
import { ConfigError, InputError } from '../errors.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export const ENCODINGS: Record<string, Encoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
  'iso-8859-1': 'windows-1252',
};

export function parseEncodingFlag(value: string): Encoding {
  const encoding = ENCODINGS[value.toLowerCase()];
  if (!encoding) {
    throw new ConfigError(`--encoding ${value}: unknown encoding`, {
      code: 'config.encoding',
      hint: `Use one of ${Object.keys(ENCODINGS).join(', ')}, or leave it out to detect the encoding`,
    });
  }
  return encoding;
}

export interface DecodedText {
  text: string;
  encoding: Encoding;
}

/** Where a decoding problem is, for the message; the file is added by the caller that knows it. */
export interface DecodeWhere {
  file?: string;
}

export function detectEncoding(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return isUtf8(bytes) ? 'utf-8' : 'windows-1252';
}

const isUtf8 = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/**
 * Decodes a file's bytes, or refuses them; never a guess that corrupts text. Without a BOM or --encoding the
 * file must be strict UTF-8 or, as a whole, Windows-1252: a file that is UTF-8 except some lines (a mixed
 * export) is refused naming the first bad line, since decoding it either way corrupts some reports. Bytes that
 * are not text (NUL bytes, UTF-16 without a BOM, many control characters) are refused too.
 */
export function decodeText(bytes: Uint8Array, forced?: Encoding, where: DecodeWhere = {}): DecodedText {
  const bom = bytes[0] === 0xff || bytes[0] === 0xfe || (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf);
  if (!forced && !bom) refuseBinary(bytes, where);
  const encoding = forced ?? detectEncoding(bytes);
  if (encoding === 'windows-1252' && !forced) {
    const lines = utf8Lines(bytes);
    if (lines.bad.length > 0 && lines.multibyte > 0) {
      throw new InputError({ ...where, line: lines.bad[0] }, `is not valid UTF-8 on this line (and ${lines.bad.length - 1} more), while ${lines.multibyte} other line(s) are UTF-8: a file with mixed encodings`, {
        code: 'input.mixed_encoding',
        hint: 'Export the file again as UTF-8; cmrdx does not guess per line, because either guess corrupts some reports (--encoding windows-1252 forces one encoding for the whole file)',
      });
    }
  }
  if (encoding === 'utf-8' && forced && !isUtf8(bytes)) {
    throw new InputError({ ...where, line: utf8Lines(bytes).bad[0] }, 'is not valid UTF-8 on this line (--encoding utf-8)', {
      code: 'input.not_utf8',
      hint: 'Leave out --encoding to detect the encoding, or name the right one (e.g. --encoding windows-1252)',
    });
  }
  // TextDecoder drops a matching BOM itself (ignoreBOM defaults to false).
  const text = normaliseText(encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes));
  const notText = notTextReason(text);
  if (notText) throw new InputError(where, `is not a text file (${notText})`, { code: 'input.not_text', hint: 'Point cmrdx at the report texts (.txt, .jsonl, .csv); with --encoding, check that it names the file\'s encoding' });
  return { text, encoding };
}

/** Refuses what is plainly not text before decoding: NUL bytes, as binary files and UTF-16 without a BOM have. */
function refuseBinary(bytes: Uint8Array, where: DecodeWhere): void {
  const nul = bytes.indexOf(0);
  if (nul === -1) return;
  // UTF-16 of mostly Latin text has a NUL in every other byte: odd positions for little-endian, even for big-endian.
  const sample = bytes.subarray(0, 8192);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0 && i % 2 === 0) even++;
    else if (sample[i] === 0) odd++;
  }
  const half = sample.length / 2;
  const utf16 = odd > half * 0.3 && even < half * 0.05 ? 'utf-16le' : even > half * 0.3 && odd < half * 0.05 ? 'utf-16be' : undefined;
  if (utf16) {
    throw new InputError(where, `looks like ${utf16.toUpperCase()} text without a byte order mark`, { code: 'input.utf16_without_bom', hint: `Pass --encoding ${utf16} if it is, or export the file again as UTF-8` });
  }
  throw new InputError(where, `is not a text file (it contains NUL bytes, the first at byte ${nul + 1})`, { code: 'input.not_text', hint: 'Point cmrdx at the report texts (.txt, .jsonl, .csv), not at a binary file' });
}

/** Per line (split at \n): which lines are not UTF-8 (1-based), and how many are UTF-8 with non-ASCII characters. */
function utf8Lines(bytes: Uint8Array): { bad: number[]; multibyte: number } {
  const bad: number[] = [];
  let multibyte = 0;
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const chunk = bytes.subarray(start, end);
    if (chunk.some((b) => b >= 0x80)) {
      if (isUtf8(chunk)) multibyte++;
      else bad.push(line);
    }
    start = end + 1;
  }
  return { bad, multibyte };
}

/**
 * Why a decoded text is not text, or undefined: a PDF or RTF file under another name, NUL characters, or more
 * control characters than a report can have (over 1 %; tab, line ends, form feed and a DOS end-of-file mark are text).
 */
export function notTextReason(text: string): string | undefined {
  // Documents whose syntax is mostly ASCII: read as text, their markup would be classified as a report.
  const head = text.trimStart().slice(0, 8);
  if (head.startsWith('%PDF-')) return 'it is a PDF file; name it .pdf, and cmrdx reads its text';
  if (head.startsWith('{\\rtf')) return 'it is an RTF document; save it as plain text';
  const control = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
  const body = text.replace(/\u001a$/, '');
  if (!control.test(body)) return undefined;
  if (body.includes('\u0000')) return 'it contains NUL characters';
  const count = body.match(control)?.length ?? 0;
  return count > Math.max(1, body.length * 0.01) ? `${count} control characters in ${body.length}` : undefined;
}

/**
 * Bytes 0x80–0x9F of Windows-1252 (€ „ “ ” – — …). Node 20's TextDecoder('windows-1252') decodes them as
 * Latin-1 control characters, which would turn the dashes and quotes of German exports into garbage.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  return out;
}

/** \r\n and lone \r become \n; NFC so "ä" is one code point whichever system wrote it. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}
