// Found by the attack7 review: a CSV saved from Excel often ends in rows of bare delimiters (";;" — cells that were formatted or
// cleared). cmrdx stops the whole read at the first one: "r.csv:3: missing "id". Give every report a non-empty
// id" (exit 2), or with --skip-invalid counts them as invalid records. The xlsx reader skips all-empty rows, and
// so does csv-parse's skip_empty_lines for truly empty lines; a row whose every field is empty is no record.
// Reproduce: printf 'id;text;label\r\nr1;...;MYO\r\n;;\r\n;;\r\n' > r.csv; cmrdx parse r.csv
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { readInput } from '../src/ingest/read-input.js';
import { DEFAULT_TAXONOMY } from '../src/taxonomy/taxonomy.js';
import { tempDir } from './helpers/temp-dir.js';

test('rows of bare delimiters at the end of a CSV are no records (as in xlsx)', async () => {
  const file = join(tempDir(), 'r.csv');
  writeFileSync(file, 'id;text;label\r\nr1;Kardio-MRT. Befund vereinbar mit akuter Myokarditis.;MYO\r\n;;\r\n;;\r\n');
  const result = await readInput(file, { taxonomy: DEFAULT_TAXONOMY });
  assert.deepEqual(result.reports.map((r) => r.id), ['r1']);
  assert.equal(result.skipped.length, 0);
});

test('a row of bare delimiters between reports is passed over; a row with some fields is still checked at its line', async () => {
  const file = join(tempDir(), 'r.csv');
  writeFileSync(file, 'id;text;label\r\nr1;Kardio-MRT. Normalbefund.;\r\n;;\r\nr2;;\r\n');
  await assert.rejects(readInput(file, { taxonomy: DEFAULT_TAXONOMY }), /r\.csv:4: report "r2" has an empty "text"/);
});

// An unclosed quote is reported where it starts (attack7), after a multi-line field and a skipped row too.
test('an unclosed CSV quote is reported at the line where it starts', async () => {
  const input = join(tempDir(), 'r.csv');
  writeFileSync(input, 'id,text\nq0,ok text\nq1,"unterminated\nq2,x\nq3,y\nq4,z\n');
  const io = bufferIo();
  assert.equal(await runCli(['parse', input], io), 2);
  assert.match(io.stderr(), /r\.csv:3: /, io.stderr());
});

test('with a multi-line field before it and a skipped row, the unclosed quote is still named at its own line', async () => {
  const input = join(tempDir(), 'r.csv');
  writeFileSync(input, 'id,text\nq0,"multi\nline"\nq1,x,extra\nq2,"unterminated\nq3,x');
  const io = bufferIo();
  assert.equal(await runCli(['parse', input, '--skip-invalid'], io), 2);
  assert.match(io.stderr(), /r\.csv:5: not valid CSV \(a quoted field that starts here is never closed\)/, io.stderr());
});
