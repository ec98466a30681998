// Found by the attack7 review: `--sheet <name|number>` always reads a number as a position. Hospital workbooks name sheets by year or
// quarter ("2023", "2024", "1", "2"):
//   - sheets 2, 1, 2024: `--sheet 2024` is refused with "no such sheet (sheets: 2, 1, 2024)" — the message lists it;
//   - `--sheet 2` silently reads the sheet NAMED "1" (the second), not the sheet named "2": the wrong reports.
// A sheet whose name is the value given should win, or the ambiguity be refused naming both.
// Reproduce: a workbook with sheets "2", "1", "2024"; cmrdx parse b.xlsx --sheet 2024 / --sheet 2
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readInput } from '../src/ingest/read-input.js';
import { DEFAULT_TAXONOMY } from '../src/taxonomy/taxonomy.js';
import { tempDir } from './helpers/temp-dir.js';

const TEXT = 'Kardio-MRT. Befund vereinbar mit akuter Myokarditis.';

async function workbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const name of ['2', '1', '2024']) {
    const ws = wb.addWorksheet(name);
    ws.addRow(['id', 'text']);
    ws.addRow([`from-sheet-named-${name}`, TEXT]);
  }
  const file = join(tempDir(), 'b.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

test('--sheet 2024 reads the sheet named 2024', async () => {
  const { reports } = await readInput(await workbook(), { taxonomy: DEFAULT_TAXONOMY, sheet: '2024' });
  assert.deepEqual(reports.map((r) => r.id), ['from-sheet-named-2024']);
});

test('--sheet 2 with a sheet named "2" is that sheet, or refused as ambiguous — never the sheet named "1"', async () => {
  let ids: string[];
  try {
    ids = (await readInput(await workbook(), { taxonomy: DEFAULT_TAXONOMY, sheet: '2' })).reports.map((r) => r.id);
  } catch {
    return; // refused as ambiguous: fine
  }
  assert.deepEqual(ids, ['from-sheet-named-2']);
});

// Found by the attack7 review: `--sheet <number>` counts hidden sheets, which Excel's tab bar does not show. With a hidden "Lookup"
// sheet first and the tabs "Befunde | Nachträge" visible, `--sheet 1` silently reads the hidden sheet and
// `--sheet 2` reads "Befunde" (the user's first tab), not "Nachträge". The default already skips hidden sheets.
// Reproduce: sheets Lookup (hidden), Befunde, Nachträge; cmrdx parse b.xlsx --sheet 2  -> the reports of Befunde
test('--sheet <number> counts the tabs the user sees (hidden sheets are not counted, or the message says so)', async () => {
  const wb = new ExcelJS.Workbook();
  const hidden = wb.addWorksheet('Lookup', { state: 'hidden' });
  hidden.addRow(['id', 'text']);
  hidden.addRow(['hidden-row', TEXT]);
  for (const name of ['Befunde', 'Nachträge']) {
    const ws = wb.addWorksheet(name);
    ws.addRow(['id', 'text']);
    ws.addRow([`from-${name}`, TEXT]);
  }
  const file = join(tempDir(), 'h.xlsx');
  await wb.xlsx.writeFile(file);
  const second = (await readInput(file, { taxonomy: DEFAULT_TAXONOMY, sheet: '2' })).reports.map((r) => r.id);
  assert.deepEqual(second, ['from-Nachträge'], '--sheet 2 did not read the second tab the user sees');
});

test('a --sheet number that could mean two sheets reads the one of that name and says which', async () => {
  const result = await readInput(await workbook(), { taxonomy: DEFAULT_TAXONOMY, sheet: '1' });
  assert.deepEqual(result.reports.map((r) => r.id), ['from-sheet-named-1']);
  assert.match(result.warnings.join('\n'), /--sheet 1 read the sheet named "1"; tab 1 is "2", give its name to read it/);
  const plain = await readInput(await workbook(), { taxonomy: DEFAULT_TAXONOMY, sheet: '3' });
  assert.deepEqual(plain.reports.map((r) => r.id), ['from-sheet-named-2024']);
  assert.deepEqual(plain.warnings, []);
});
