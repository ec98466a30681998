/**
 * Turns the bytes of a report file into text. Hospital exports come as UTF-8 (with or without BOM), UTF-16
 * from Excel's "Unicode text", or Windows-1252/Latin-1 from older systems; we detect which without a flag:
 * a BOM wins, then strict UTF-8, then Windows-1252 (a superset of Latin-1 for printable text). Line ends
 * become \n and text is NFC-normalised so offsets and matching do not depend on the exporting system.
 */
import { ConfigError } from '../errors.js';

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

export function detectEncoding(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

export function decodeText(bytes: Uint8Array, forced?: Encoding): DecodedText {
  const encoding = forced ?? detectEncoding(bytes);
  // TextDecoder drops a matching BOM itself (ignoreBOM defaults to false).
  const text = encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
  return { text: normaliseText(text), encoding };
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
