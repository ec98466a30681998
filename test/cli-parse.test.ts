// End to end: the built executable parses every input kind a hospital export comes in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN, runBin } from './helpers/run-bin.js';
import { tempDir } from './helpers/temp-dir.js';

const dir = tempDir();
const REPORT = 'Fragestellung: V.a. Myokarditis.\nBefund: LVEDV 152 ml (78 ml/m²), LVEF 60 %, native T1 1.062 ms (Norm < 1.020 ms).\nBeurteilung: Vereinbar mit Myokarditis.';

function parseJson(stdout: string) {
  return stdout.trim().split('\n').map((line) => JSON.parse(line));
}

function checkReport(r: { id: string; history: string; assessment: string; measurements: { key: string; value: number }[] }, id: string) {
  assert.equal(r.id, id);
  assert.equal(r.history, 'V.a. Myokarditis.');
  assert.equal(r.assessment, 'Vereinbar mit Myokarditis.');
  assert.deepEqual(r.measurements.map((m) => `${m.key}=${m.value}`), ['LVEDV=152', 'LVEDVi=78', 'LVEF=60', 'T1=1062']);
}

test('parse --json on JSONL', () => {
  const path = join(dir, 'r.jsonl');
  writeFileSync(path, `${JSON.stringify({ id: 'a', text: REPORT })}\n${JSON.stringify({ id: 'b', text: REPORT })}\n`);
  const { code, stdout, stderr } = runBin(['parse', path, '--json']);
  assert.equal(code, 0, stderr);
  const rows = parseJson(stdout);
  checkReport(rows[0], 'a');
  checkReport(rows[1], 'b');
});

test('parse --json on a ;-separated Windows-1252 CSV with CRLF', () => {
  const path = join(dir, 'r.csv');
  const csv = `id;text;label\r\nk1;"${REPORT.replace(/\n/g, '\r\n')}";Myokarditis\r\n`;
  writeFileSync(path, Buffer.from(csv, 'latin1'));
  const { code, stdout, stderr } = runBin(['parse', path, '--json']);
  assert.equal(code, 0, stderr);
  checkReport(parseJson(stdout)[0], 'k1');
});

test('parse --json on a folder of .txt files', () => {
  const folder = join(dir, 'reports');
  mkdirSync(folder);
  writeFileSync(join(folder, 'p1.txt'), REPORT);
  writeFileSync(join(folder, 'p2.txt'), Buffer.from(REPORT, 'latin1'));
  const { code, stdout, stderr } = runBin(['parse', folder, '--json']);
  assert.equal(code, 0, stderr);
  const rows = parseJson(stdout);
  checkReport(rows[0], 'p1');
  checkReport(rows[1], 'p2');
});

test('a missing input exits 2 with one line on stderr', () => {
  const { code, stdout, stderr } = runBin(['parse', join(dir, 'nothing.jsonl')]);
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assert.match(stderr, /^cmrdx: .*nothing\.jsonl: no such file or folder\. Check the path.*\n$/);
});

test('a reader that stops reading (cmrdx parse … | head) ends the run quietly with exit 0', async () => {
  const child = spawn(process.execPath, [BIN, 'parse', fileURLToPath(new URL('../examples/demo/reports.jsonl', import.meta.url))], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 0, stderr);
  assert.doesNotMatch(stderr, /EPIPE|Error/);
});
