import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
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

test('classify --model rules writes predictions.jsonl with the contract fields, and a rerun resumes', async () => {
  const input = join(dir, 'cls.jsonl');
  writeFileSync(input, [
    JSON.stringify({ id: 'a', text: 'Befund: Subepikardiales LGE lateral, Ödem lateral.\nBeurteilung: Akute Myokarditis.' }),
    JSON.stringify({ id: 'b', text: 'Kardio-MRT\nBeurteilung: Normalbefund.' }),
  ].join('\n'));
  const out = join(dir, 'cls-out');
  const io = bufferIo();
  assert.equal(await runCli(['classify', input, '--model', 'rules', '--out', out], io), 0);
  const lines = readFileSync(join(out, 'predictions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => [l.id, l.model, l.category, l.error]), [['a', 'rules', 'MYO', null], ['b', 'rules', 'NORMAL', null]]);
  assert.deepEqual(Object.keys(lines[0]).slice(0, 6), ['id', 'model', 'category', 'evidence', 'seconds', 'error']);
  const quote = lines[0].evidence[0];
  assert.equal(readFileSync(input, 'utf8').includes(quote.quote), true);
  assert.ok(Array.isArray(lines[0].criteria) && lines[0].criteria.length > 0);
  const again = bufferIo();
  assert.equal(await runCli(['classify', input, '--out', out], again), 0);
  assert.match(again.stderr(), /resumed run: 0 classified now, 2 already stored/);
});

test('classify refuses an unknown model spec with exit 2', async () => {
  const io = bufferIo();
  const input = join(dir, 'one.jsonl');
  assert.equal(await runCli(['classify', input, '--model', 'gpt4', '--out', join(dir, 'x')], io), 2);
  assert.match(io.stderr(), /--model gpt4: unknown model spec\. Use one of rules, ollama:<tag>, openai:<model>, llamacpp:<path\.gguf>/);
});

const ANSWER_FLAGS: [string, string[], RegExp][] = [
  ['--think with a word it does not know', ['--think', 'maybe'], /--think maybe: not auto, on, off or a number of tokens\. Write --think off, --think on, or a thinking budget such as --think 2048/],
  ['--samples 0', ['--samples', '0'], /--samples 0: not a whole number >= 1/],
  ['--answer with a mode that does not exist', ['--answer', 'short'], /option '--answer <mode>' argument 'short' is invalid\. Allowed choices are evidence, category/],
  ['--prompt-version v3', ['--prompt-version', 'v3'], /Allowed choices are v1, v2/],
  ['--max-tokens 0', ['--max-tokens', '0'], /--max-tokens 0: not a whole number >= 1/],
];
for (const [name, flags, message] of ANSWER_FLAGS) {
  test(`classify refuses ${name} with exit 2`, async () => {
    const path = join(dir, 'answer-flags.jsonl');
    writeFileSync(path, '{"id":"a","text":"x"}\n');
    const io = bufferIo();
    assert.equal(await runCli(['classify', path, '--out', join(dir, 'answer-flags'), ...flags], io), 2);
    assert.match(io.stderr(), message);
  });
}

test('explain shows findings with their status and the reason for the category', async () => {
  const input = join(dir, 'explain.jsonl');
  writeFileSync(input, JSON.stringify({ id: 'x', text: 'Fragestellung: Myokarditis?\nBefund: Kein LGE, kein Ödem, LVEF 62 %.\nBeurteilung: Normalbefund.' }));
  const io = bufferIo();
  assert.equal(await runCli(['explain', input, '--id', 'x'], io), 0);
  assert.match(io.stdout(), /rules chose NORMAL/);
  assert.match(io.stdout(), /asked\s+dx:MYO\s+"Myokarditis"/);
  assert.match(io.stdout(), /negated\s+lge\s+"LGE" \[Kein\]/);
  const missing = bufferIo();
  assert.equal(await runCli(['explain', input, '--id', 'nope'], missing), 2);
  assert.match(missing.stderr(), /no report with id "nope"/);
});

test('help of every command: no "(default: [])" noise, defaults without quotes, short flags listed', async () => {
  const commands = ['', 'parse', 'synth', 'classify', 'models', 'explain', 'evaluate', 'consensus', 'demo', 'export'];
  for (const command of commands) {
    const io = bufferIo();
    assert.equal(await runCli([...(command ? [command] : []), '--help'], io), 0);
    assert.doesNotMatch(io.stdout(), /\(default: \[\]\)|default: "|default: \[/, `cmrdx ${command} --help`);
  }
  const classify = bufferIo();
  await runCli(['classify', '--help'], classify);
  for (const flag of ['-o, --out <dir>', '-m, --model <spec>', '-q, --quiet', '--retries <n>  ', '--id-column', '--no-label-column']) assert.ok(classify.stdout().includes(flag), flag);
  assert.match(classify.stdout(), /\(default: 3\)/);
});

// Short flags work wherever they appear, in every form commander accepts.
const SHORT: [string, string[]][] = [
  ['classify -m -o -q', ['classify', 'IN', '-m', 'rules', '-o', 'OUT', '-q']],
  ['classify -mrules -oOUT (attached)', ['classify', 'IN', '-mrules', '-oOUT', '-q']],
  ['classify --out=OUT --model=rules', ['classify', 'IN', '--model=rules', '--out=OUT', '--quiet']],
  ['classify -qo OUT (combined)', ['classify', 'IN', '-m', 'rules', '-qo', 'OUT']],
];

for (const [name, args] of SHORT) {
  test(`short flags: ${name}`, async () => {
    const input = join(dir, 'short.jsonl');
    writeFileSync(input, '{"id":"a","text":"Beurteilung: Normalbefund.","label":"NORMAL"}\n');
    const out = join(dir, `short-${name.replace(/\W+/g, '-')}`);
    const io = bufferIo();
    assert.equal(await runCli(args.map((a) => a.replace('IN', input).replace('OUT', out)), io), 0, io.stderr());
    assert.equal(io.stderr(), '', '-q is quiet');
    assert.match(readFileSync(join(out, 'predictions.jsonl'), 'utf8'), /"model":"rules"/);
    const exported = bufferIo();
    assert.equal(await runCli(['export', out, '-f', 'xlsx', '-o', join(out, 'x.xlsx')], exported), 0, exported.stderr());
    assert.match(exported.stdout(), /x\.xlsx \(sheets: rules, About\)/);
  });
}

test('short flags: synth -o and a repeated -m on demo are parsed', async () => {
  const io = bufferIo();
  assert.equal(await runCli(['synth', '-o', join(dir, 'synth'), '--n', '3'], io), 0, io.stderr());
  assert.ok(readFileSync(join(dir, 'synth', 'reports.jsonl'), 'utf8').length > 0);
  const demo = bufferIo();
  // The second -m names an unknown reader: that it is the one refused shows both -m values were read.
  assert.equal(await runCli(['demo', '-o', join(dir, 'demo'), '-m', 'rules', '-m', 'nonsense:x', '-q'], demo), 2);
  assert.match(demo.stderr(), /nonsense:x/);
});
