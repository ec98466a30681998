import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { readReports } from './read-reports.js';
import { loadTaxonomy } from '../taxonomy/load-taxonomy.js';

const dir = tempDir();
let n = 0;
function file(name: string, content: string | Buffer): string {
  const folder = join(dir, String(n++));
  mkdirSync(folder);
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}
const latin1 = (s: string) => Buffer.from(s, 'latin1');

test('JSONL: ids, text, labels by alias, language and extra fields', () => {
  const path = file('r.jsonl', [
    JSON.stringify({ id: 'r1', text: 'Befund: Kein LGE.', label: 'normal', lang: 'de', difficulty: 'explicit' }),
    '',
    JSON.stringify({ id: 7, text: 'Beurteilung: Myokarditis.', label: 'Myokarditis' }),
  ].join('\n'));
  const { reports, skipped } = readReports(path);
  assert.equal(skipped.length, 0);
  assert.deepEqual(reports.map((r) => [r.id, r.label, r.lang]), [['r1', 'NORMAL', 'de'], ['7', 'MYO', undefined]]);
  assert.deepEqual(reports[0]!.meta, { difficulty: 'explicit' });
  assert.equal(reports[1]!.origin, `${path}:3`);
});

test('CSV (RFC 4180): quoted commas, doubled quotes and line breaks, CRLF', () => {
  const path = file('r.csv', 'id,text,label\r\nr1,"LVEF 55,5 %, ""normal""\r\nKein LGE.",NORMAL\r\nr2,Kurz,DCM\r\n');
  const { reports } = readReports(path);
  assert.deepEqual(reports.map((r) => r.id), ['r1', 'r2']);
  assert.equal(reports[0]!.text, 'LVEF 55,5 %, "normal"\nKein LGE.');
  assert.equal(reports[1]!.origin, `${path}:4`, 'the line where the record starts');
});

test('CSV with ; as German Excel writes it, in Windows-1252', () => {
  const path = file('r.csv', latin1('id;text;label\nr1;"Größe normal; kein Ödem, LVEF 60 %";NORMAL\nr2;Hypertrophe Kardiomyopathie;HCM\n'));
  const { reports } = readReports(path);
  assert.equal(reports[0]!.text, 'Größe normal; kein Ödem, LVEF 60 %');
  assert.equal(reports[1]!.label, 'HCM');
});

test('encodings: UTF-8 BOM, UTF-16LE BOM, and --encoding to force one', () => {
  const bom = file('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,text\nr1,Ödem\n')]));
  assert.equal(readReports(bom).reports[0]!.id, 'r1', 'the BOM is not part of the first column name');
  const utf16 = file('u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,text\nr1,Ödem\n', 'utf16le')]));
  assert.equal(readReports(utf16).reports[0]!.text, 'Ödem');
  const forced = file('f.csv', Buffer.from('id,text\nr1,Ã–dem\n'));
  assert.equal(readReports(forced, { encoding: 'windows-1252' }).reports[0]!.text, 'Ã\u0192â€“dem');
});

test('a folder of .txt files with labels.csv; ids from file names in natural order', () => {
  const folder = join(dir, 'folder');
  mkdirSync(folder);
  writeFileSync(join(folder, 'r10.txt'), 'Befund:\r\nLVEF 60 %\r\n');
  writeFileSync(join(folder, 'r2.txt'), latin1('Beurteilung: Dilatative Kardiomyopathie, Größe ++'));
  writeFileSync(join(folder, 'notes.md'), 'ignored');
  writeFileSync(join(folder, 'labels.csv'), 'id,label\nr2,DCM\nr10,normal\nr99,HCM\n');
  const { reports, warnings } = readReports(folder);
  assert.deepEqual(reports.map((r) => [r.id, r.label]), [['r2', 'DCM'], ['r10', 'NORMAL']]);
  assert.equal(reports[1]!.text, 'Befund:\nLVEF 60 %\n');
  assert.match(reports[0]!.text, /Größe/);
  // notes.md is not read, and said so; the label of r99 has no file.
  assert.match(warnings[0]!, /1 other file\(s\) not read \(notes\.md\)/);
  assert.match(warnings[1]!, /labels\.csv: 1 label\(s\) for ids with no \.txt file \(e\.g\. "r99"\)/);
});

test('a single .txt file is one report named after the file', () => {
  const { reports } = readReports(file('patient-17.txt', 'LVEF 60 %'));
  assert.deepEqual(reports.map((r) => r.id), ['patient-17']);
});

test('a user taxonomy changes which labels are valid', () => {
  const taxonomyFile = file('tax.yaml', 'name: two\nversion: 1\ncategories:\n  - {id: SICK, name: Sick, definition: ill}\n  - {id: WELL, name: Well, definition: fine, aliases: [gesund]}\n');
  const taxonomy = loadTaxonomy(taxonomyFile);
  const { reports } = readReports(file('r.jsonl', '{"id":"a","text":"x","label":"gesund"}'), { taxonomy });
  assert.equal(reports[0]!.label, 'WELL');
});

// Each bad input gives a one-line InputError that names the file and line (or id) and says how to fix it.
const BAD: [string, () => string, RegExp, string][] = [
  ['missing path', () => join(dir, 'nope.jsonl'), /nope\.jsonl: no such file or folder\. Check the path/, 'input.missing'],
  ['empty file', () => file('e.jsonl', '\n  \n'), /e\.jsonl: the file is empty/, 'input.empty'],
  ['line not JSON', () => file('b.jsonl', '{"id":"a","text":"x"}\n{"id": "b", text}\n'), /b\.jsonl:2: not valid JSON .*Each line must be one JSON object/, 'input.not_json'],
  ['missing id', () => file('b.jsonl', '{"text":"x"}'), /b\.jsonl:1: missing "id"\. Give every report a non-empty id/, 'input.missing_id'],
  ['missing text', () => file('b.jsonl', '{"id":"a"}'), /b\.jsonl:1: report "a" has no "text"/, 'input.missing_text'],
  ['empty text', () => file('b.jsonl', '{"id":"a","text":"  "}'), /b\.jsonl:1: report "a" has an empty "text"/, 'input.empty_text'],
  ['duplicate id', () => file('b.jsonl', '{"id":"a","text":"x"}\n{"id":"b","text":"y"}\n{"id":"a","text":"z"}'), /b\.jsonl:3: duplicate id "a" \(first at .*b\.jsonl:1\)/, 'input.duplicate_id'],
  ['label outside the taxonomy', () => file('b.jsonl', '{"id":"a","text":"x","label":"Lungenembolie"}'), /b\.jsonl:1: report "a": its label is not a category .*Use one of HCM, CA, CS, MYO, ICM, DCM, NORMAL, OTHER/, 'input.unknown_label'],
  ['CSV without a text column', () => file('b.csv', 'id,notiz\nr1,x\n'), /b\.csv: no column for the report text \(columns: id, notiz\)\. Name the column of the report text with --text-column/, 'input.columns'],
  ['CSV without a header (a report is not shown as a column name)', () => file('b.csv', 'r1,Befund: Septum 19 mm. Beurteilung: Hypertrophe Kardiomyopathie.\nr2,Kein LGE\n'), /b\.csv: no column for the report id \(columns: r1, \[63 characters: is the first row a header\?\]\)/, 'input.columns'],
  ['report of 10 MB', () => file('b.jsonl', JSON.stringify({ id: 'big', text: 'Kein LGE. '.repeat(1_000_000) })), /b\.jsonl:1: report "big" has 10\.0 million characters, more than the 1 million a report may have.*--skip-invalid/, 'input.report_too_long'],
  ['report text with NUL characters', () => file('b.jsonl', JSON.stringify({ id: 'bin', text: 'ELF\u0000\u0001\u0002' })), /b\.jsonl:1: the "text" of report "bin" is not text \(it contains NUL characters\)/, 'input.not_text'],
  ['JSON array item not an object', () => file('b.json', '[{"id":"a","text":"x"}, 3]'), /b\.json: item 2 is not an object/, 'input.not_object'],
  ['CSV row with too many fields', () => file('b.csv', 'id,text\nr1,x\nr2,y,z\n'), /b\.csv:3: not valid CSV/, 'input.not_csv'],
  ['CSV with an unclosed quote', () => file('b.csv', 'id,text\nr1,"x\n'), /b\.csv:\d+: not valid CSV/, 'input.not_csv'],
  ['folder without .txt files', () => { const f = join(dir, 'emptyfolder'); mkdirSync(f, { recursive: true }); return f; }, /emptyfolder: the folder has no \.txt files/, 'input.empty'],
  ['unknown file type', () => file('r.xlsx', 'x'), /r\.xlsx: cannot read "\.xlsx" files/, 'input.format'],
];

for (const [name, make, message, code] of BAD) {
  test(`bad input: ${name}`, () => {
    const path = make();
    assert.throws(() => readReports(path), (error: unknown) => {
      assert.ok(error instanceof InputError, `InputError, got ${String(error)}`);
      assert.match(error.message, message);
      assert.equal(error.code, code);
      assert.ok(!error.message.includes('\n'), 'one line');
      return true;
    });
  });
}

test('skipInvalid leaves out bad records and says which', () => {
  const path = file('s.jsonl', '{"id":"a","text":"x"}\n{"id":"b"}\nnot json\n{"id":"a","text":"again"}\n{"id":"c","text":"y"}');
  assert.throws(() => readReports(path), InputError);
  // Issue 10: a line that is not JSON is one bad record too (it used to stop the read even with skipInvalid).
  const broken = readReports(path, { skipInvalid: true });
  assert.deepEqual(broken.reports.map((r) => r.id), ['a', 'c']);
  assert.deepEqual(broken.skipped.map((e) => [e.line, e.code]), [[2, 'input.missing_text'], [3, 'input.not_json'], [4, 'input.duplicate_id']]);
  const path2 = file('s.jsonl', '{"id":"a","text":"x"}\n{"id":"b"}\n{"id":"a","text":"again"}\n{"id":"c","text":"y","label":"nope"}\n{"id":"d","text":"z"}');
  const { reports, skipped } = readReports(path2, { skipInvalid: true });
  assert.deepEqual(reports.map((r) => r.id), ['a', 'd']);
  assert.deepEqual(skipped.map((e) => e.code), ['input.missing_text', 'input.duplicate_id', 'input.unknown_label']);
});

test('skipInvalid in a folder: an unreadable .txt is skipped by name, and its label is not called a label without a file', () => {
  const folder = join(dir, String(n++));
  mkdirSync(folder);
  writeFileSync(join(folder, 'r1.txt'), 'Befund: Kein LGE. Beurteilung: Normalbefund.');
  writeFileSync(join(folder, 'r2.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]));
  writeFileSync(join(folder, 'labels.csv'), 'id,label\nr1,NORMAL\nr2,MYO\n');
  const { reports, skipped, warnings } = readReports(folder, { skipInvalid: true });
  assert.deepEqual(reports.map((r) => [r.id, r.label]), [['r1', 'NORMAL']]);
  assert.deepEqual(skipped.map((e) => e.code), ['input.not_text']);
  assert.deepEqual(warnings, []);
});

test('Windows-1252 dashes, quotes and the euro sign decode correctly (Node 20 TextDecoder reads them as Latin-1)', () => {
  const path = file('w.csv', Buffer.concat([Buffer.from('id,text\nr1,'), Buffer.from([0x84, 0x41, 0x93, 0x20, 0x96, 0x20, 0x80, 0x20, 0xe4]), Buffer.from('\n')]));
  assert.equal(readReports(path).reports[0]!.text, '„A“ – € ä');
});

// Issue 10, point 8: --skip-invalid skips every kind of bad record it can; what it cannot skip safely stops the
// read with the reason.
const SKIPPABLE: [string, () => string, string[], [number | undefined, string][]][] = [
  ['a CSV row with too many fields', () => file('s.csv', 'id,text\nr1,x\nr2,y,z\nr3,w\n'), ['r1', 'r3'], [[3, 'input.not_csv']]],
  ['a JSON array item that is not an object', () => file('s.json', '[{"id":"a","text":"x"}, 3, {"id":"b","text":"y"}]'), ['a', 'b'], [[undefined, 'input.not_object']]],
  ['a JSONL line that is JSON but not an object', () => file('s.jsonl', '{"id":"a","text":"x"}\n[1]\n'), ['a'], [[2, 'input.not_object']]],
  ['a report of 10 MB', () => file('s.jsonl', `{"id":"a","text":"x"}\n${JSON.stringify({ id: 'big', text: 'x'.repeat(10_000_000) })}\n`), ['a'], [[2, 'input.report_too_long']]],
  ['a binary .txt in a folder', () => {
    const folder = join(dir, `bin-folder-${n++}`);
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.txt'), 'Kein LGE.');
    writeFileSync(join(folder, 'b.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    return folder;
  }, ['a'], [[undefined, 'input.not_text']]],
];
for (const [name, make, kept, skippedAs] of SKIPPABLE) {
  test(`skipInvalid skips ${name}`, () => {
    const path = make();
    assert.throws(() => readReports(path), InputError, 'without skipInvalid it stops');
    const { reports, skipped } = readReports(path, { skipInvalid: true });
    assert.deepEqual(reports.map((r) => r.id), kept);
    assert.deepEqual(skipped.map((e) => [e.line, e.code]), skippedAs);
  });
}

test('skipInvalid does not skip a broken CSV quote: it would swallow the rows after it', () => {
  const path = file('q.csv', 'id,text\nr1,x\nr2,"a"b\nr3,fine\n');
  assert.throws(() => readReports(path, { skipInvalid: true }), (e: unknown) => e instanceof InputError && /q\.csv:3: not valid CSV \(a quoted field 2 goes on after its closing quote\)/.test(e.message));
});
