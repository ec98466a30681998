// Issue 10, point 4: text is decoded or refused, never corrupted. One Windows-1252 line in a UTF-8 JSONL made
// the whole file decode as cp1252 (every umlaut of 109 other reports wrong, exit 0); a binary .txt, an ELF
// file and UTF-16 without a BOM were classified as NORMAL. The choice (README): refuse a mixed file naming its
// first bad line, rather than decode per line; --skip-invalid leaves bad JSONL lines out, each named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { readReports } from './read-reports.js';
import { decodeText } from './decode-text.js';

const dir = tempDir();
let n = 0;
function file(name: string, content: Buffer): string {
  const folder = join(dir, String(n++));
  mkdirSync(folder);
  writeFileSync(join(folder, name), content);
  return join(folder, name);
}
const utf8Line = (i: number) => Buffer.from(`${JSON.stringify({ id: `r${i}`, text: `Befund ${i}: Größe normal, kein Ödem, Wandbewegungsstörung ausgeschlossen.` })}\n`);
const cp1252Line = Buffer.concat([Buffer.from('{"id":"bad","text":"Gr'), Buffer.from([0xf6, 0xdf]), Buffer.from('e normal"}\n')]);

test('a UTF-8 JSONL with one Windows-1252 line is refused naming that line and --encoding, not decoded as cp1252', () => {
  const lines = Array.from({ length: 109 }, (_, i) => utf8Line(i + 1));
  lines.splice(57, 0, cp1252Line);
  const path = file('mixed.jsonl', Buffer.concat(lines));
  assert.throws(() => readReports(path), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.equal(e.code, 'input.mixed_encoding');
    assert.equal(e.line, 58);
    assert.match(e.message, /mixed\.jsonl:58: is not valid UTF-8 on this line \(and 0 more\), while 109 other line\(s\) are UTF-8: a file with mixed encodings\. Export the file again as UTF-8.*--encoding windows-1252/);
    return true;
  });
  // --skip-invalid: the bad line is one skipped record; every other report keeps its umlauts.
  const { reports, skipped } = readReports(path, { skipInvalid: true });
  assert.equal(reports.length, 109);
  assert.ok(reports.every((r) => r.text.includes('Größe normal, kein Ödem')));
  assert.deepEqual(skipped.map((e) => [e.line, e.code]), [[58, 'input.mixed_encoding']]);
});

test('a file that is Windows-1252 throughout is still read as Windows-1252', () => {
  const path = file('w.jsonl', Buffer.concat([cp1252Line, Buffer.from('{"id":"b","text":"Kein LGE"}\n')]));
  assert.equal(readReports(path).reports[0]!.text, 'Größe normal');
});

test('--encoding utf-8 on a file that is not UTF-8 is refused at the first bad line (no replacement characters)', () => {
  const path = file('f.jsonl', Buffer.concat([utf8Line(1), cp1252Line]));
  assert.throws(() => readReports(path, { encoding: 'utf-8' }), (e: unknown) => e instanceof InputError && e.code === 'input.not_utf8' && e.line === 2);
});

const utf16 = (s: string, le: boolean) => {
  const b = Buffer.from(s, 'utf16le');
  if (!le) b.swap16();
  return b;
};
const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
const NOT_TEXT: [string, string, Buffer, string, RegExp][] = [
  ['ELF bytes', 'elf.txt', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56), random]), 'input.not_text', /elf\.txt: is not a text file \(it contains NUL bytes, the first at byte 8\)/],
  ['random bytes', 'random.txt', random, 'input.not_text', /random\.txt: is not a text file/],
  ['control bytes without NUL', 'ctrl.txt', Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x41))), 'input.not_text', /ctrl\.txt: is not a text file \(\d+ control characters in 400\)/],
  ['UTF-16LE without a BOM', 'u16le.txt', utf16('Befund: Kein LGE, Größe normal.', true), 'input.utf16_without_bom', /u16le\.txt: looks like UTF-16LE text without a byte order mark\. Pass --encoding utf-16le/],
  ['UTF-16BE without a BOM', 'u16be.csv', utf16('id,text\nr1,Kein LGE\n', false), 'input.utf16_without_bom', /u16be\.csv: looks like UTF-16BE text.*--encoding utf-16be/],
];
for (const [name, fileName, bytes, code, message] of NOT_TEXT) {
  test(`not text: ${name} is refused with the file named (exit 2 in the CLI)`, () => {
    const path = file(fileName, bytes);
    assert.throws(() => readReports(path), (e: unknown) => {
      assert.ok(e instanceof InputError, String(e));
      assert.equal(e.code, code);
      assert.match(e.message, message);
      return true;
    });
  });
}

test('UTF-16 without a BOM is read when --encoding names it', () => {
  const path = file('u16.txt', utf16('Befund: Kein LGE, Größe normal.', true));
  assert.equal(readReports(path, { encoding: 'utf-16le' }).reports[0]!.text, 'Befund: Kein LGE, Größe normal.');
});

test('what real exports carry is text: tabs, form feeds, a DOS end-of-file mark, one stray control character', () => {
  assert.equal(decodeText(Buffer.from('Befund:\tKein LGE\f\nSeite 2\r\n\u001a')).text, 'Befund:\tKein LGE\f\nSeite 2\n\u001a');
  assert.ok(decodeText(Buffer.from(`${'Kein LGE. '.repeat(20)}\u0007`)).text.endsWith('\u0007'));
});

test('a PDF or RTF file under a text name is refused as what it is, not classified as a report', () => {
  const pdf = file('befund.txt', Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nBT /F1 12 Tf (Kein LGE) Tj ET\n%%EOF\n'));
  assert.throws(() => readReports(pdf), (e: unknown) => e instanceof InputError && /befund\.txt.*it is a PDF file; name it \.pdf/.test(e.message));
  const rtf = file('befund2.txt', Buffer.from('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Arial;}} Kein LGE.\\par }\n'));
  assert.throws(() => readReports(rtf), (e: unknown) => e instanceof InputError && /befund2\.txt.*RTF document/.test(e.message));
  const jsonl = file('r.jsonl', Buffer.from(`${JSON.stringify({ id: 'p', text: '%PDF-1.7 ...' })}\n`));
  assert.throws(() => readReports(jsonl), (e: unknown) => e instanceof InputError && /report "p" is not text \(it is a PDF file/.test(e.message));
  assert.equal(decodeText(Buffer.from('Befund: %PDF-Export des Vorbefunds liegt vor.')).text.startsWith('Befund'), true, 'the signature counts only at the start');
});
