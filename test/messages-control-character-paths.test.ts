// Pins a bug: file and folder names were printed raw in errors, warnings and the --skip-invalid list, so a report
// folder received from elsewhere with a crafted file name ("b\e[2J.txt", "c<newline>cmrdx: all reports read.rtf", a
// right-to-left override) cleared or recoloured the user's terminal, or forged a line of cmrdx's own output.
// Report ids with such characters are refused (test/ingest-control-character-ids.test.ts); a path is shown
// instead, with each control character as its escape (\u001b, \n, \u202e), and the message stays one line.
// Reproduce: mkdir f && echo "$T" > f/a.txt && echo "$T" > "f/$(printf 'c\nFAKE: ok').rtf" && cmrdx parse f
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { tempDir } from './helpers/temp-dir.js';

const TEXT = 'Kardio-MRT. Subepikardiales LGE lateral, Ödem in T2. Befund vereinbar mit akuter Myokarditis.';
const RAW_CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** What each case leaves in a fresh folder: the command line to run, and what its one stderr line must show. */
interface Case {
  name: string;
  setup(dir: string): { args: string[]; code: number; shows: string };
}

const folderWith = (dir: string, entries: Record<string, string>, name = 'f') => {
  const folder = join(dir, name);
  mkdirSync(folder);
  for (const [file, text] of Object.entries(entries)) writeFileSync(join(folder, file), text);
  return folder;
};

const CASES: Case[] = [
  {
    name: 'an error naming a report file with an escape sequence',
    setup: (dir) => ({ args: ['parse', folderWith(dir, { 'a.txt': TEXT, 'b\u001b[2J\u001b[31mRED.txt': TEXT })], code: 2, shows: 'b\\u001b[2J\\u001b[31mRED.txt' }),
  },
  {
    name: 'the --skip-invalid list naming that file',
    setup: (dir) => ({ args: ['parse', folderWith(dir, { 'a.txt': TEXT, 'b\u001b[31mRED.txt': TEXT }), '--skip-invalid', '--json'], code: 0, shows: 'b\\u001b[31mRED.txt: the id holds a control character (U+001B)' }),
  },
  {
    name: 'the warning naming a left-out file with a line break',
    setup: (dir) => ({ args: ['parse', folderWith(dir, { 'a.txt': TEXT, 'c\ncmrdx: all reports read.rtf': TEXT }), '--json'], code: 0, shows: 'c\\ncmrdx: all reports read.rtf' }),
  },
  {
    name: 'the warning of a labels file in a folder whose name has a direction override',
    setup: (dir) => ({ args: ['parse', folderWith(dir, { 'a.txt': TEXT, 'labels.csv': 'id,label\na,MYO\nzz,MYO\n' }, 'f\u202etxt.exe'), '--json'], code: 0, shows: 'f\\u202etxt.exe' }),
  },
  {
    name: 'a missing input with C1 and C0 controls in its name',
    setup: (dir) => ({ args: ['parse', join(dir, 'r\u0085\u0007.jsonl')], code: 2, shows: 'r\\u0085\\u0007.jsonl: no such file or folder' }),
  },
  {
    name: 'a missing --taxonomy file with a line break',
    setup: (dir) => ({ args: ['parse', folderWith(dir, { 'a.txt': TEXT }), '--taxonomy', join(dir, 'tax\nFAKE.yaml')], code: 2, shows: 'tax\\nFAKE.yaml' }),
  },
  {
    name: 'an --out that is a file with an escape sequence in its name',
    setup: (dir) => {
      const out = join(dir, 'out\u001b]0;owned\u0007');
      writeFileSync(out, '');
      return { args: ['classify', folderWith(dir, { 'a.txt': TEXT }), '-m', 'rules', '-o', out, '-q'], code: 2, shows: 'out\\u001b]0;owned\\u0007' };
    },
  },
];

for (const c of CASES) {
  test(`${c.name} is printed escaped, on one line`, async () => {
    const { args, code, shows } = c.setup(tempDir());
    const io = bufferIo();
    assert.equal(await runCli(args, io), code, io.stderr());
    const stderr = io.stderr().trimEnd();
    assert.doesNotMatch(stderr, RAW_CONTROL, `a raw control character reached the terminal: ${JSON.stringify(stderr)}`);
    assert.equal(stderr.split('\n').length, 1, `not one line: ${JSON.stringify(stderr)}`);
    assert.ok(stderr.includes(shows), `does not show ${JSON.stringify(shows)}: ${JSON.stringify(stderr)}`);
  });
}
