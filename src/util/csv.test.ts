import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { safeCell, toCsv, unprotectCell } from './csv.js';

const formulaCells: [string, string][] = [
  ['equals (DDE)', "=cmd|' /C calc'!A0"],
  ['plus', '+SUM(1,1)'],
  ['minus', '-2+3'],
  ['at', '@SUM(1+1)'],
  ['tab', '\t=1+1'],
  ['carriage return', '\r=1+1'],
];

for (const [name, cell] of formulaCells) {
  test(`CSV injection: a cell starting with ${name} is written as text`, () => {
    assert.equal(safeCell(cell), `'${cell}`);
    const back = (parse(toCsv([[cell]])) as string[][])[0]?.[0];
    assert.equal(back, `'${cell}`);
  });
}

test('ordinary cells and numbers are written unchanged', () => {
  assert.equal(safeCell('r-12'), 'r-12');
  assert.equal(safeCell(-0.5), -0.5);
  assert.equal(safeCell(null), '');
  assert.equal(toCsv([['id', 'n'], ['a,b', 3]]), 'id,n\n"a,b",3\n');
});

test('protection is reversible: a value that already starts with a quote and a formula character reads back unchanged', () => {
  for (const value of ['=x', "'=x", "''=x", "'+1", "'plain", 'plain', "'"]) assert.equal(unprotectCell(safeCell(value) as string), value);
  // Two ids that differ only by the quote stay two ids.
  assert.notEqual(safeCell('=x'), safeCell("'=x"));
});
