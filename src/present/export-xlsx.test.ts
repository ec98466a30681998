import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { bufferIo } from '../cli/io.js';
import { runCli } from '../cli/program.js';
import { cellText } from '../ingest/read-xlsx.js';
import { FORMULA_ID, GEMMA, QUOTE, QWEN, writeRunFolder } from '../../test/helpers/export-fixture.js';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { unzip } from '../../test/helpers/unzip.js';
import { sheetNames, xlsxText } from './export-xlsx.js';

const dir = tempDir();

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const rowsOf = (sheet: ExcelJS.Worksheet) => {
  const rows: (string | number | null)[][] = [];
  sheet.eachRow((row) => rows.push(Array.from((row.values as ExcelJS.CellValue[]).slice(1), (v) => (typeof v === 'number' ? v : (cellText(v) ?? null)))));
  return rows;
};

test('xlsx: a sheet per reader, the consensus, the review list and About, with headers a clinician reads', async () => {
  const run = writeRunFolder(join(dir, 'run'));
  const io = bufferIo();
  assert.equal(await runCli(['export', run, '-f', 'xlsx'], io), 0, io.stderr());
  const file = join(run, 'predictions.xlsx');
  assert.equal(io.stdout(), `${file} (sheets: rules, ollama-qwen2.5-32b, openai-gemma-2-27b, Consensus, Review list, About)\n`);
  const wb = await load(file);
  assert.deepEqual(wb.worksheets.map((s) => s.name), ['rules', 'ollama-qwen2.5-32b', 'openai-gemma-2-27b', 'Consensus', 'Review list', 'About']);

  const qwen = rowsOf(wb.getWorksheet('ollama-qwen2.5-32b')!);
  assert.deepEqual(qwen[0], ['Report ID', 'Category', 'Category name', 'Result', 'Evidence (quotes from the report)', 'Seconds']);
  assert.deepEqual(qwen[1]!.slice(0, 4), ['r1', 'DCM', 'Dilated cardiomyopathy', 'Dilated cardiomyopathy (DCM)']);
  assert.equal(qwen[1]![4], `• ${QUOTE}\n• =cmd|' /C calc'!A0 \f Seite 2 (not found in the report)`, 'quotes one per line, a form feed survives');
  assert.equal(qwen[1]![5], 1.25);
  assert.deepEqual(qwen[5]!.slice(0, 4), ['r5', 'UNCLASSIFIED', 'No category', 'No category: no findings to judge']);
  const gemma = rowsOf(wb.getWorksheet('openai-gemma-2-27b')!);
  assert.deepEqual(gemma[5]!.slice(0, 4), ['r5', null, null, 'No category: the reading failed (backend.timeout): openai:gemma-2-27b: no answer within 300 s. Raise --timeout']);

  const consensus = rowsOf(wb.getWorksheet('Consensus')!);
  assert.deepEqual(consensus[0], ['Report ID', 'Consensus', 'Category name', 'Status', 'Agreeing readers', 'rules', QWEN, GEMMA, 'Adjudicated by']);
  assert.deepEqual(consensus[4], ['r4', 'HCM', 'Hypertrophic cardiomyopathy', 'adjudicated', 1, 'HCM', 'CA', 'OTHER', 'Dr. Weber']);
  assert.deepEqual(consensus[3]!.slice(0, 4), ['r3', null, 'No category: the readers did not agree', 'no majority']);
  const review = rowsOf(wb.getWorksheet('Review list')!);
  assert.deepEqual(review, [['Report ID', 'rules', QWEN, GEMMA], ['r3', 'MYO', 'CA', 'HCM']]);
  const about = rowsOf(wb.getWorksheet('About')!);
  assert.ok(about.some((r) => r[0] === 'DCM' && r[2] === '399020009' && r[3] === 'I42.0'), 'the categories with their codes');
});

test('xlsx: cells that look like formulas are stored as text, in the XML a spreadsheet reads', async () => {
  const run = writeRunFolder(join(dir, 'formulas'));
  const file = join(dir, 'formulas.xlsx');
  assert.equal(await runCli(['export', run, '--format', 'xlsx', '--out', file], bufferIo()), 0);
  const wb = await load(file);
  const rules = wb.getWorksheet('rules')!;
  const row = rules.getRows(2, 20)!.find((r) => cellText(r.getCell(1).value) === FORMULA_ID)!;
  for (const [column, text] of [[1, FORMULA_ID], [2, '+SUM(1,1)']] as const) {
    const cell = row.getCell(column);
    assert.equal(cell.type, ExcelJS.ValueType.String, `${text} is a string cell`);
    assert.equal(cell.formula, undefined);
    assert.equal(cellText(cell.value), text);
  }
  const xml = unzip(readFileSync(file));
  const sheets = [...xml.keys()].filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k));
  assert.equal(sheets.length, 6);
  for (const name of sheets) assert.doesNotMatch(xml.get(name)!, /<f[ >]/, `${name} has no formula`);
  const strings = [...xml.entries()].filter(([k]) => k.includes('sharedStrings') || k.startsWith('xl/worksheets/')).map(([, v]) => v).join('');
  assert.ok(strings.includes('=HYPERLINK(&quot;http://evil.example/x&quot;,&quot;click&quot;)') || strings.includes('=HYPERLINK("http://evil.example/x","click")'), 'stored as the literal text');
  assert.ok(strings.includes('_x000C_'), 'a form feed is written the OOXML way, not as a raw control character');
  assert.doesNotMatch(strings, /\f/);
});

test('xlsx text and sheet names follow Excel\'s rules', () => {
  assert.equal(xlsxText('a\u0000b\u000Bc\td\ne'), 'a_x0000_b_x000B_c\td\ne');
  assert.equal(cellText(xlsxText('literal _x000D_ stays')), 'literal _x000D_ stays');
  assert.match(xlsxText('x'.repeat(40_000)), /^x{32000} … \[cut: longer than an Excel cell holds\]$/);
  assert.deepEqual(sheetNames(['ollama:qwen2.5:32b', 'a/b?c*[d]', 'History', 'Consensus', 'consensus', 'x'.repeat(40), 'x'.repeat(40)]), [
    'ollama-qwen2.5-32b',
    'a-b-c--d-',
    'History (2)',
    'Consensus',
    'consensus (2)',
    'x'.repeat(31),
    `${'x'.repeat(27)} (2)`,
  ]);
});
