import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { bufferIo } from './io.js';
import { runCli } from './program.js';

const dir = tempDir();

test('--help lists the commands and exits 0', async () => {
  const io = bufferIo();
  assert.equal(await runCli(['--help'], io), 0);
  for (const command of ['parse', 'synth', 'classify', 'evaluate', 'demo']) assert.match(io.stdout(), new RegExp(`\\n  ${command}\\b`));
});

test('bad input: one line naming file and line, exit 2, no stack trace', async () => {
  const path = join(dir, 'bad.jsonl');
  writeFileSync(path, '{"id":"a","text":"x"}\n{oops}\n');
  const io = bufferIo();
  assert.equal(await runCli(['parse', path], io), 2);
  assert.equal(io.stderr().trim().split('\n').length, 1);
  assert.match(io.stderr(), /^cmrdx: .*bad\.jsonl:2: not valid JSON/);
  assert.doesNotMatch(io.stderr(), /\bat \S+:\d+:\d+/);
});

test('--debug shows the stack trace', async () => {
  const io = bufferIo();
  assert.equal(await runCli(['parse', join(dir, 'missing.csv'), '--debug'], io), 2);
  assert.match(io.stderr(), /missing\.csv: no such file or folder/);
  assert.match(io.stderr(), /\n\s+at /);
});

test('an unknown flag or encoding is a configuration error (exit 2)', async () => {
  const io = bufferIo();
  assert.equal(await runCli(['parse', 'x.jsonl', '--frobnicate'], io), 2);
  assert.match(io.stderr(), /unknown option '--frobnicate'/);
  const io2 = bufferIo();
  const path = join(dir, 'ok.jsonl');
  writeFileSync(path, '{"id":"a","text":"x"}\n');
  assert.equal(await runCli(['parse', path, '--encoding', 'ebcdic'], io2), 2);
  assert.match(io2.stderr(), /--encoding ebcdic: unknown encoding\. Use one of/);
});

test('--skip-invalid goes on and says how many were skipped', async () => {
  const path = join(dir, 'some-bad.jsonl');
  writeFileSync(path, '{"id":"a","text":"LVEF 60 %"}\n{"id":"b"}\n{"id":"c","text":"x","label":"??"}\n');
  const io = bufferIo();
  assert.equal(await runCli(['parse', path, '--skip-invalid', '--json'], io), 0);
  assert.equal(io.stdout().trim().split('\n').length, 1);
  assert.match(io.stderr(), /skipped 2 invalid record\(s\); first: .*some-bad\.jsonl:2: report "b" has no "text"/);
});

test('parse prints a readable summary without --json', async () => {
  const path = join(dir, 'one.jsonl');
  writeFileSync(path, '{"id":"r1","text":"Fragestellung: Myokarditis?\\nBefund: LVEF 61 %, T2 58 ms (Norm < 52 ms).\\nBeurteilung: Myokarditis."}\n');
  const io = bufferIo();
  assert.equal(await runCli(['parse', path], io), 0);
  assert.match(io.stdout(), /history\s+Myokarditis\?/);
  assert.match(io.stdout(), /T2\s+58 ms\s+ref < 52 ms/);
});

test('synth writes reports.jsonl and labels.csv and rejects a bad --mix with exit 2', async () => {
  const io = bufferIo();
  assert.equal(await runCli(['synth', '--n', '12', '--seed', '3', '--lang', 'en', '--mix', 'OTHER=4', '--out', join(dir, 'syn')], io), 0);
  assert.match(io.stdout(), /wrote 12 reports/);
  const io2 = bufferIo();
  assert.equal(await runCli(['parse', join(dir, 'syn', 'reports.jsonl'), '--json'], io2), 0);
  assert.equal(io2.stdout().trim().split('\n').length, 12);
  const bad = bufferIo();
  assert.equal(await runCli(['synth', '--mix', 'HCM=x', '--out', join(dir, 'bad')], bad), 2);
  assert.match(bad.stderr(), /--mix HCM=x: cannot read "HCM=x"/);
});
