// Issue 10, point 3: no report text in any message, with or without --debug. A CSV parse error used to quote
// ~1,100 characters of the record, a JSONL error a prefix of the text. Every input error path below is fed a
// marker (a made-up patient name) in the places report text and free text sit, and the marker must appear
// neither on stdout nor on stderr, nor in the thrown error's message, stack or causes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../src/cli/program.js';
import { bufferIo } from '../src/cli/io.js';
import { readReports } from '../src/ingest/read-reports.js';
import { readLabels } from '../src/ingest/read-labels.js';
import { loadTaxonomy } from '../src/taxonomy/load-taxonomy.js';
import { loadPrompt } from '../src/readers/llm/prompt.js';
import { readInput } from '../src/ingest/read-input.js';
import ExcelJS from 'exceljs';
import { makePdf } from './helpers/make-pdf.js';
import { tempDir } from './helpers/temp-dir.js';

// The marker recurs every 8 characters, so any quoted snippet of the text longer than that contains it (V8
// quotes about ten characters around a JSON error, csv-parse whole values).
const MARKER = 'ZQX';
const TEXT = Array.from({ length: 30 }, () => `${MARKER} LGE`).join(' ');
const dir = tempDir();
let n = 0;

/** Writes files into a fresh folder; returns the folder. */
function files(entries: Record<string, string | Buffer>): string {
  const folder = join(dir, `case-${n++}`);
  mkdirSync(folder, { recursive: true });
  for (const [name, content] of Object.entries(entries)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), content);
  }
  return folder;
}
const line = (o: unknown) => JSON.stringify(o);
const good = line({ id: 'ok', text: 'Befund: Kein LGE. Beurteilung: Normalbefund.' });
const cp1252 = (s: string) => Buffer.from(s, 'latin1');
const utf16NoBom = (s: string) => Buffer.from(s, 'utf16le');

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Befunde');
  rows.forEach((row, i) => row.forEach((value, j) => (sheet.getCell(i + 1, j + 1).value = value)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const pdfLines = Array.from({ length: 8 }, () => `${MARKER} LGE ${MARKER} LGE ${MARKER} LGE ${MARKER} LGE`);

interface Case {
  name: string;
  /** The CLI arguments, given the case's folder. */
  argv(folder: string): string[];
  files: Record<string, string | Buffer>;
  /** The library call behind the command, to check the thrown error's causes too. */
  library?(folder: string): unknown | Promise<unknown>;
  code?: number;
}

const classify = (input: string, ...more: string[]) => (folder: string) => ['classify', join(folder, input), '--out', join(folder, 'out'), '--quiet', ...more];
const reportsOf = (input: string, options: Parameters<typeof readReports>[1] = {}) => (folder: string) => readReports(join(folder, input), options);

const CASES: Case[] = [
  { name: 'JSONL: unterminated string', files: { 'r.jsonl': `${good}\n{"id":"r1","text":"${TEXT}\n` }, argv: classify('r.jsonl'), library: reportsOf('r.jsonl') },
  { name: 'JSONL: a line that is text, not JSON (V8 quotes it)', files: { 'r.jsonl': `${good}\n${TEXT}\n` }, argv: classify('r.jsonl'), library: reportsOf('r.jsonl') },
  { name: 'JSONL: text after the object', files: { 'r.jsonl': `${line({ id: 'r1', text: 'x' })} ${TEXT}\n` }, argv: classify('r.jsonl'), library: reportsOf('r.jsonl') },
  { name: 'JSONL: an array, not an object', files: { 'r.jsonl': `${line([TEXT])}\n` }, argv: classify('r.jsonl'), library: reportsOf('r.jsonl') },
  { name: 'JSONL: label outside the taxonomy', files: { 'r.jsonl': line({ id: 'r1', text: TEXT, label: `${MARKER} Kardiomyopathie` }) }, argv: classify('r.jsonl'), library: reportsOf('r.jsonl') },
  { name: 'JSONL: no id', files: { 'r.jsonl': line({ text: TEXT }) }, argv: classify('r.jsonl'), library: reportsOf('r.jsonl') },
  { name: 'JSONL: no text field (text under a name that is not one)', files: { 'r.jsonl': line({ id: 'r1', notiz: TEXT }) }, argv: classify('r.jsonl'), library: reportsOf('r.jsonl') },
  { name: 'JSONL: text with NUL characters', files: { 'r.jsonl': line({ id: 'r1', text: `${TEXT}\u0000\u0001` }) }, argv: classify('r.jsonl'), library: reportsOf('r.jsonl') },
  { name: 'JSONL: a report of 10 MB', files: { 'r.jsonl': line({ id: 'r1', text: `${TEXT} `.repeat(110_000) }) }, argv: classify('r.jsonl'), library: reportsOf('r.jsonl') },
  { name: 'JSONL: every line bad, --skip-invalid', files: { 'r.jsonl': `${TEXT}\n{"id":"r2","text":"${TEXT}\n` }, argv: classify('r.jsonl', '--skip-invalid'), library: reportsOf('r.jsonl', { skipInvalid: true }) },
  { name: 'JSONL: one line bad, --skip-invalid (the warning)', files: { 'r.jsonl': `${good}\n${TEXT}\n` }, argv: classify('r.jsonl', '--skip-invalid'), code: 0 },
  { name: 'JSONL: duplicate id', files: { 'r.jsonl': `${line({ id: 'r1', text: TEXT })}\n${line({ id: 'r1', text: TEXT })}` }, argv: classify('r.jsonl'), library: reportsOf('r.jsonl') },
  { name: 'JSON: not valid', files: { 'r.json': `[${line({ id: 'r1', text: TEXT })}, {"id": "r2", "text": "${TEXT}]` }, argv: classify('r.json'), library: reportsOf('r.json') },
  { name: 'JSON: not an array', files: { 'r.json': line({ id: 'r1', text: TEXT }) }, argv: classify('r.json'), library: reportsOf('r.json') },
  { name: 'JSON: an item that is not an object', files: { 'r.json': line([TEXT]) }, argv: classify('r.json'), library: reportsOf('r.json') },
  { name: 'CSV: a row with too many fields', files: { 'r.csv': `id,text\nr1,${TEXT},${TEXT}\n` }, argv: classify('r.csv'), library: reportsOf('r.csv') },
  { name: 'CSV: a quote inside an unquoted field', files: { 'r.csv': `id,text\nr1,${TEXT} "${MARKER}" ${TEXT}\n` }, argv: classify('r.csv'), library: reportsOf('r.csv') },
  { name: 'CSV: text after a closing quote', files: { 'r.csv': `id,text\nr1,"${TEXT}"${MARKER}\n` }, argv: classify('r.csv'), library: reportsOf('r.csv') },
  { name: 'CSV: a quote never closed', files: { 'r.csv': `id,text\nr1,"${TEXT}\n${TEXT}\n` }, argv: classify('r.csv'), library: reportsOf('r.csv') },
  { name: 'CSV: no header (the first report taken as column names)', files: { 'r.csv': `r1,${TEXT}\nr2,${TEXT}\n` }, argv: classify('r.csv'), library: reportsOf('r.csv') },
  { name: 'CSV with ;: label outside the taxonomy', files: { 'r.csv': `id;text;label\nr1;${TEXT};${MARKER}\n` }, argv: classify('r.csv'), library: reportsOf('r.csv') },
  { name: 'TSV: a row with too many fields, --skip-invalid (the warning)', files: { 'r.tsv': `id\ttext\n${'ok\tKein LGE'}\nr1\t${TEXT}\t${TEXT}\n` }, argv: classify('r.tsv', '--skip-invalid'), code: 0 },
  { name: 'CSV: only bad rows, --skip-invalid', files: { 'r.csv': `id,text\nr1,${TEXT},x\nr2,${TEXT},y\n` }, argv: classify('r.csv', '--skip-invalid'), library: reportsOf('r.csv', { skipInvalid: true }) },
  { name: 'encoding: one Windows-1252 line in a UTF-8 file', files: { 'r.jsonl': Buffer.concat([Buffer.from(`${line({ id: 'a', text: `Größe ${MARKER}` })}\n`), cp1252(`${line({ id: 'b', text: `Größe ${MARKER}` })}\n`)]) }, argv: classify('r.jsonl'), library: reportsOf('r.jsonl') },
  { name: 'encoding: --encoding utf-8 on a Windows-1252 file', files: { 'r.jsonl': cp1252(line({ id: 'b', text: `Größe ${MARKER}` })) }, argv: classify('r.jsonl', '--encoding', 'utf-8'), library: reportsOf('r.jsonl', { encoding: 'utf-8' }) },
  { name: 'encoding: UTF-16 without a BOM', files: { 'r.txt': utf16NoBom(TEXT) }, argv: classify('r.txt'), library: reportsOf('r.txt') },
  { name: 'txt folder: a binary file', files: { 'in/a.txt': TEXT, 'in/b.txt': Buffer.concat([Buffer.from(TEXT), Buffer.alloc(16), Buffer.from(TEXT)]) }, argv: classify('in'), library: reportsOf('in') },
  { name: 'txt folder: control characters', files: { 'in/a.txt': `${TEXT}\u0001\u0002\u0003\u0004` }, argv: classify('in'), library: reportsOf('in') },
  { name: 'txt folder: labels.csv with an unknown label', files: { 'in/a.txt': TEXT, 'in/labels.csv': `id,label\na,${MARKER}\n` }, argv: classify('in'), library: reportsOf('in') },
  { name: 'txt folder: labels.csv with report text as seconds', files: { 'in/a.txt': TEXT, 'in/labels.csv': `id,label,seconds\na,NORMAL,${MARKER}\n` }, argv: classify('in'), library: reportsOf('in') },
  { name: 'txt folder: labels.csv without labels', files: { 'in/a.txt': TEXT, 'in/labels.csv': `id,befund\na,${MARKER}\n` }, argv: classify('in'), library: reportsOf('in') },
  { name: 'txt folder: labels.jsonl not JSON', files: { 'in/a.txt': TEXT, 'in/labels.jsonl': `{"id":"a","label":"${MARKER}\n` }, argv: classify('in'), library: reportsOf('in') },
  { name: 'taxonomy file: YAML syntax error', files: { 'r.jsonl': good, 't.yaml': `name: t\nversion: 1\ncategories:\n  - {id: A, name: ${MARKER}, definition: "${MARKER}\n  - id: B\n` }, argv: (f) => ['classify', join(f, 'r.jsonl'), '--out', join(f, 'out'), '--taxonomy', join(f, 't.yaml')], library: (f) => loadTaxonomy(join(f, 't.yaml')) },
  { name: 'taxonomy file: invalid category', files: { 'r.jsonl': good, 't.yaml': `name: t\nversion: 1\ncategories:\n  - {id: A, name: ${MARKER}, definition: ""}\n  - {id: B, name: B, definition: ${MARKER}}\n` }, argv: (f) => ['parse', join(f, 'r.jsonl'), '--taxonomy', join(f, 't.yaml')], library: (f) => loadTaxonomy(join(f, 't.yaml')) },
  { name: 'prompt file: YAML syntax error', files: { 'r.jsonl': good, 'p.yaml': `version: 1\nsystem: "${MARKER}\nuser: {{report}}\n  bad: [\n` }, argv: (f) => ['classify', join(f, 'r.jsonl'), '--out', join(f, 'out'), '--model', 'ollama:m', '--ollama-url', 'http://127.0.0.1:9', '--prompt', join(f, 'p.yaml')], library: (f) => loadPrompt('classify', join(f, 'p.yaml')) },
  { name: 'prompt file: no user part', files: { 'r.jsonl': good, 'p.yaml': `version: 1\nsystem: ${MARKER}\nuser: 42\n` }, argv: (f) => ['classify', join(f, 'r.jsonl'), '--out', join(f, 'out'), '--model', 'ollama:m', '--ollama-url', 'http://127.0.0.1:9', '--prompt', join(f, 'p.yaml')], library: (f) => loadPrompt('classify', join(f, 'p.yaml')) },
  { name: 'evaluate --truth: label outside the taxonomy', files: { 'run/predictions.jsonl': `${line({ id: 'a', model: 'rules', category: 'NORMAL', evidence: [], seconds: 0, error: null })}\n`, 'truth.csv': `id,label\na,${TEXT}\n` }, argv: (f) => ['evaluate', join(f, 'run'), '--truth', join(f, 'truth.csv')], library: (f) => readLabels(join(f, 'truth.csv')) },
  { name: 'evaluate --reader: a labels file with a broken row', files: { 'run/predictions.jsonl': `${line({ id: 'a', model: 'rules', category: 'NORMAL', evidence: [], seconds: 0, error: null })}\n`, 'truth.csv': 'id,label\na,NORMAL\n', 'human.csv': `id,label\na,"${TEXT}"x\n` }, argv: (f) => ['evaluate', join(f, 'run'), '--truth', join(f, 'truth.csv'), '--reader', `dr=${join(f, 'human.csv')}`], library: (f) => readLabels(join(f, 'human.csv')) },
  { name: 'xlsx: label outside the taxonomy', files: { 'r.xlsx': await xlsx([['id', 'text', 'label'], ['r1', TEXT, `${MARKER} LGE`]]) }, argv: classify('r.xlsx'), library: (f) => readInput(join(f, 'r.xlsx')) },
  { name: 'xlsx: no column for the text', files: { 'r.xlsx': await xlsx([['Fallnummer', 'Notiz'], ['r1', TEXT]]) }, argv: classify('r.xlsx'), library: (f) => readInput(join(f, 'r.xlsx')) },
  { name: 'xlsx: no header row (the first report taken as column names)', files: { 'r.xlsx': await xlsx([['r1', TEXT], ['r2', TEXT]]) }, argv: classify('r.xlsx'), library: (f) => readInput(join(f, 'r.xlsx')) },
  { name: 'PDF folder: a scanned page beside a text PDF', files: { 'in/a.pdf': await makePdf([pdfLines]), 'in/b.pdf': await makePdf([pdfLines, 'scan']) }, argv: classify('in'), library: (f) => readInput(join(f, 'in')) },
  { name: 'PDF folder: labels.csv with an unknown label', files: { 'in/a.pdf': await makePdf([pdfLines]), 'in/labels.csv': `id,label\na,${MARKER}\n` }, argv: classify('in'), library: (f) => readInput(join(f, 'in')) },
  { name: 'explain: a broken input', files: { 'r.csv': `id,text\nr1,${TEXT},${TEXT}\n` }, argv: (f) => ['explain', join(f, 'r.csv'), '--id', 'r1'] },
];

/** Everything an error carries that could be printed or logged: message, stack, own fields, causes. */
function everything(error: unknown, depth = 0): string {
  if (!(error instanceof Error) || depth > 5) return String(error);
  const fields = Object.entries(error).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v) ?? ''}`);
  return [error.message, error.stack ?? '', ...fields, error.cause === undefined ? '' : everything(error.cause, depth + 1)].join('\n');
}

for (const c of CASES) {
  test(`no report text in messages: ${c.name}`, async () => {
    const folder = files(c.files);
    for (const debug of [false, true]) {
      const io = bufferIo();
      const code = await runCli([...(debug ? ['--debug'] : []), ...c.argv(folder)], io);
      const output = io.stdout() + io.stderr();
      assert.equal(code, c.code ?? 2, `exit code (${debug ? 'with' : 'without'} --debug): ${output}`);
      assert.ok(!output.includes(MARKER), `the marker is in the output ${debug ? 'with' : 'without'} --debug:\n${output}`);
      if (debug && code !== 0) assert.match(io.stderr(), /\n {4}at /, '--debug prints the stack');
      if (!debug) assert.match(io.stderr(), /^cmrdx: /m, 'there is a message');
    }
    if (c.library) {
      let thrown: unknown;
      try {
        await c.library(folder);
      } catch (error) {
        thrown = error;
      }
      assert.ok(thrown, 'the library call fails');
      assert.ok(!everything(thrown).includes(MARKER), `the marker is in the error or its causes:\n${everything(thrown)}`);
    }
  });
}
