import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { resolveColumns, type ColumnChoice } from './map-columns.js';
import { readLabels } from './read-labels.js';
import { readReports } from './read-reports.js';

const dir = tempDir();
let n = 0;
function file(name: string, content: string): string {
  const folder = join(dir, String(n++));
  mkdirSync(folder);
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

// Headers as hospital exports name them, and the columns cmrdx takes for id, text and label.
const RECOGNISED: [string, string[], ColumnChoice, { id?: string; text?: string; label?: string }][] = [
  ['the contract names', ['id', 'text', 'label'], {}, { id: 'id', text: 'text', label: 'label' }],
  ['German RIS export', ['Fallnummer', 'Befundtext', 'Diagnose'], {}, { id: 'Fallnummer', text: 'Befundtext', label: 'Diagnose' }],
  ['German, other words', ['Untersuchungsnummer', 'Datum', 'Bericht', 'Kategorie'], {}, { id: 'Untersuchungsnummer', text: 'Bericht', label: 'Kategorie' }],
  ['Auftragsnummer and Befund', ['Auftragsnummer', 'Befund'], {}, { id: 'Auftragsnummer', text: 'Befund' }],
  ['English PACS export', ['Accession Number', 'Findings', 'Category'], {}, { id: 'Accession Number', text: 'Findings', label: 'Category' }],
  ['report_id and report', ['report_id', 'report', 'truth'], {}, { id: 'report_id', text: 'report', label: 'truth' }],
  ['case, accents and punctuation do not matter', ['FALL-NR', 'Befund_Text'], {}, { id: 'FALL-NR', text: 'Befund_Text' }],
  ['the canonical name wins over another candidate', ['id', 'Fallnummer', 'text'], {}, { id: 'id', text: 'text' }],
  ['a flag by name (any case)', ['PID', 'Fallnummer', 'Befundtext'], { id: 'pid' }, { id: 'PID', text: 'Befundtext' }],
  ['a flag by 1-based number', ['A', 'B', 'C'], { id: '2', text: '3' }, { id: 'B', text: 'C' }],
  ['a flag settles an ambiguity', ['Fallnummer', 'Befundnummer', 'Befundtext'], { id: 'Befundnummer' }, { id: 'Befundnummer', text: 'Befundtext' }],
  ['--no-label-column ignores a label-like column', ['id', 'text', 'Diagnose'], { label: false }, { id: 'id', text: 'text' }],
];

for (const [name, headers, choice, expected] of RECOGNISED) {
  test(`columns: ${name}`, () => {
    assert.deepEqual(resolveColumns('r.csv', headers, choice), expected);
  });
}

// Each problem is one line naming the file, the columns found and the flag to use.
const REFUSED: [string, string[], ColumnChoice, RegExp, string][] = [
  ['no id column', ['Datum', 'Befundtext'], {}, /^r\.csv: no column for the report id \(columns: Datum, Befundtext\)\. Name the column of the report id with --id-column <name or number>$/, 'input.columns'],
  ['no text column', ['Fallnummer', 'Datum'], {}, /no column for the report text \(columns: Fallnummer, Datum\)\. .*--text-column/, 'input.columns'],
  ['two id candidates', ['Fallnummer', 'Befundnummer', 'Befundtext'], {}, /several columns could be the report id: Fallnummer, Befundnummer \(columns: .*\)\. .*--id-column/, 'input.column_ambiguous'],
  ['two text candidates', ['id', 'Befund', 'Bericht'], {}, /several columns could be the report text: Befund, Bericht .*--text-column/, 'input.column_ambiguous'],
  ['two label candidates', ['id', 'text', 'Diagnose', 'Kategorie'], {}, /several columns could be the label: Diagnose, Kategorie .*--label-column/, 'input.column_ambiguous'],
  ['a flag naming no column', ['id', 'text'], { text: 'Befund' }, /--text-column Befund: no such column \(columns: id, text\)/, 'input.column_flag'],
  ['a column number out of range', ['id', 'text'], { label: '3' }, /--label-column 3: the table has 2 column\(s\); number them from 1/, 'input.column_flag'],
  ['column 0', ['id', 'text'], { id: '0' }, /--id-column 0: the table has 2 column/, 'input.column_flag'],
  ['one column for two roles', ['Fallnummer', 'Befundtext'], { id: '2', text: 'befundtext' }, /column "Befundtext" cannot be both the report id and the report text/, 'input.column_flag'],
];

for (const [name, headers, choice, message, code] of REFUSED) {
  test(`columns refused: ${name}`, () => {
    assert.throws(() => resolveColumns('r.csv', headers, choice), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.match(error.message, message);
      assert.equal(error.code, code);
      assert.ok(!error.message.includes('\n'), 'one line');
      return true;
    });
  });
}

test('a first row that is a report, not a header, is not printed: long names show their length only', () => {
  const report = 'Befund: Die Patientin Erika Mustermann zeigt eine normale LV-Funktion ohne LGE.';
  assert.throws(() => resolveColumns('r.csv', ['r1', report]), (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.doesNotMatch(error.message, /Mustermann/);
    assert.match(error.message, /\[\d+ characters: is the first row a header\?\]/);
    return true;
  });
});

test('CSV with German headers as Excel writes them (;) reads as reports, other columns as meta', () => {
  const path = file('export.csv', 'Fallnummer;Untersuchungsdatum;Befundtext;Diagnose\n4711;2024-05-01;"Befund: LVEF 60 %; kein LGE.";Normalbefund\n4712;2024-05-02;Beurteilung: Myokarditis.;Myokarditis\n');
  const { reports } = readReports(path);
  assert.deepEqual(reports.map((r) => [r.id, r.label]), [['4711', 'NORMAL'], ['4712', 'MYO']]);
  assert.equal(reports[0]!.text, 'Befund: LVEF 60 %; kein LGE.');
  assert.deepEqual(reports[0]!.meta, { untersuchungsdatum: '2024-05-01' });
});

test('JSONL keys are mapped like columns; records without any text key still fail one by one', () => {
  const path = file('r.jsonl', '{"accession":"A1","findings":"LVEF 55 %","category":"DCM"}\n{"accession":"A2","findings":"x"}\n');
  assert.deepEqual(readReports(path).reports.map((r) => [r.id, r.text, r.label]), [['A1', 'LVEF 55 %', 'DCM'], ['A2', 'x', undefined]]);
  const flagged = readReports(path, { columns: { id: 'accession', text: 'findings', label: false } });
  assert.equal(flagged.reports[0]!.label, undefined);
  const partial = file('p.jsonl', '{"id":"a","text":"x"}\n{"id":"b"}\n');
  assert.equal(readReports(partial, { skipInvalid: true }).skipped.length, 1, 'the per-record check stays');
});

test('a column called like a role but not chosen is kept under another name, not overwritten', () => {
  const path = file('r.csv', 'id,Fallnummer,text\nx1,4711,Befund\n');
  const { reports } = readReports(path, { columns: { id: 'Fallnummer' } });
  assert.equal(reports[0]!.id, '4711');
  assert.deepEqual(reports[0]!.meta, { id_column: 'x1' });
});

test('labels files: Fallnummer;Diagnose is recognised; a missing label column still names the row', () => {
  const labels = readLabels(file('truth.csv', 'Fallnummer;Diagnose\n4711;Normalbefund\n4712;DCM\n'));
  assert.deepEqual(labels, [{ id: '4711', label: 'NORMAL' }, { id: '4712', label: 'DCM' }]);
  assert.throws(() => readLabels(file('t.csv', 'Datum;Diagnose\n1;DCM\n')), /t\.csv: no column for the report id .*Call the column of the report id "id" in the header row/);
});
