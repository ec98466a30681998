// Pins a bug: a report text holding a lone UTF-16 surrogate (a JSON line with "\ud800" and no partner, an export that
// cut an emoji in two) was accepted unchecked. The run store (SQLite, UTF-8) keeps U+FFFD in its place, so the text
// classified is not the text stored, and its hash is not the stored text's. Ids are refused for it
// (test/ingest-lone-surrogate-ids.test.ts); a text is now refused the same way: one line naming the file, line and
// report, where in the text and how to fix it, exit 2; --skip-invalid leaves the report out and names it.
// Reproduce: printf '{"id":"r1","text":"Kardio-MRT. LGE \\ud800 lateral."}\n' > r.jsonl; cmrdx classify r.jsonl -m rules -o out
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classify } from '../src/index.js';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { tempDir } from './helpers/temp-dir.js';

const MYO = 'Kardio-MRT. Subepikardiales LGE lateral, Ödem in T2. Befund vereinbar mit akuter Myokarditis.';
const NORMAL = 'Kardio-MRT. LVEF 60 %. Kein LGE. Normalbefund, Herzgröße normal, keine Myokarditis.';

/** JSON source of a text with a lone surrogate escape at character 13 (1-based). */
const broken = (escape: string) => JSON.stringify(NORMAL).replace('LVEF', `${escape}LVEF`);

const FILES: { name: string; file: string; content: string; where: string }[] = [
  { name: 'a JSONL line with a high surrogate alone', file: 'r.jsonl', content: `{"id":"r1","text":${JSON.stringify(MYO)}}\n{"id":"r2","text":${broken('\\ud800')}}\n`, where: 'r.jsonl:2' },
  { name: 'a JSONL line with a low surrogate alone', file: 'r.jsonl', content: `{"id":"r1","text":${JSON.stringify(MYO)}}\n{"id":"r2","text":${broken('\\udc00')}}\n`, where: 'r.jsonl:2' },
  { name: 'a JSON array item', file: 'r.json', content: `[{"id":"r1","text":${JSON.stringify(MYO)}},\n{"id":"r2","text":${broken('\\udbff')}}]\n`, where: 'r.json' },
];

for (const f of FILES) {
  test(`${f.name} is refused in one line naming file, line, report and the fix (exit 2), nothing stored`, async () => {
    const dir = tempDir();
    const input = join(dir, f.file);
    writeFileSync(input, f.content);
    const io = bufferIo();
    assert.equal(await runCli(['classify', input, '-m', 'rules', '-o', join(dir, 'out'), '-q'], io), 2, io.stderr());
    const message = io.stderr().trimEnd();
    assert.equal(message.split('\n').length, 1, message);
    assert.ok(message.includes(`${f.where}`), message);
    assert.match(message, /report "r2" holds a broken character at character 13 \(half of a UTF-16 surrogate pair.*\)\. Export the report again .*--skip-invalid$/);
    assert.doesNotMatch(message, /LVEF|Kardio|Normalbefund/, 'report text in the message');
    assert.equal(existsSync(join(dir, 'out', 'run.sqlite')), false);
  });

  test(`${f.name} is left out and named with --skip-invalid`, async () => {
    const dir = tempDir();
    const input = join(dir, f.file);
    writeFileSync(input, f.content);
    const io = bufferIo();
    assert.equal(await runCli(['parse', input, '--skip-invalid', '--json'], io), 0, io.stderr());
    assert.deepEqual(io.stdout().trim().split('\n').map((l) => JSON.parse(l).id), ['r1']);
    assert.match(io.stderr(), /skipped 1 invalid record\(s\); first: .*report "r2" holds a broken character at character 13/);
  });
}

test('a whole surrogate pair (an emoji) is text; a library caller\'s broken text is refused as its item', async () => {
  const dir = tempDir();
  const input = join(dir, 'r.jsonl');
  writeFileSync(input, `{"id":"r1","text":${JSON.stringify(`${MYO} \u{1F600}`)}}\n`);
  assert.equal(await runCli(['parse', input, '--json'], bufferIo()), 0);
  await assert.rejects(
    classify({ input: [{ id: 'a', text: MYO }, { id: 'b', text: `${NORMAL}\ud800` }], models: ['rules'], out: join(dir, 'out') }),
    (error: Error) => /^input: item 2: the "text" of report "b" holds a broken character at character \d+/.test(error.message),
  );
});
