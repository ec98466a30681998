// Found by the attack7 review: report ids may hold control characters (ESC, CR/LF inside, NUL, BEL) and they are printed raw in
// messages: a duplicate id "\u001b[2J..." clears the user's terminal or forges coloured output, and an id with a line
// break splits the one-line error into a second, forged line ("FAKE: all good"). Ids should be refused (or the
// message should show them escaped, e.g. as JSON does: "\u001b[2J").
// Reproduce: printf '{"id":"a\\u001b[31mX","text":"..."}\n' twice in r.jsonl; cmrdx parse r.jsonl 2>&1 | cat -v
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { tempDir } from './helpers/temp-dir.js';

const TEXT = 'Kardio-MRT. Subepikardiales LGE lateral, Ödem in T2. Befund vereinbar mit akuter Myokarditis.';

for (const [name, id] of [['an escape sequence', 'r1\u001b[2J\u001b[31mRED'], ['a line break', 'r1\nFAKE: all good']] as const) {
  test(`a duplicate id with ${name} reaches the terminal escaped, on one line`, async () => {
    const dir = tempDir();
    const input = join(dir, 'r.jsonl');
    writeFileSync(input, [JSON.stringify({ id, text: TEXT }), JSON.stringify({ id, text: TEXT })].join('\n') + '\n');
    const io = bufferIo();
    const code = await runCli(['parse', input], io);
    assert.equal(code, 2);
    assert.doesNotMatch(io.stderr(), /[\u0000-\u0008\u000b-\u001f\u007f]/, `raw control characters in the message: ${JSON.stringify(io.stderr())}`);
    assert.equal(io.stderr().trimEnd().split('\n').length, 1, `not one line: ${JSON.stringify(io.stderr())}`);
  });
}

test('an id with a control character is refused at its line with the code point, not the id', async () => {
  const input = join(tempDir(), 'r.jsonl');
  writeFileSync(input, [JSON.stringify({ id: ' r0 ', text: TEXT }), JSON.stringify({ id: 'r1\u001b[31mRED', text: TEXT }), JSON.stringify({ id: 'r2\u202eRED', text: TEXT })].join('\n') + '\n');
  const io = bufferIo();
  assert.equal(await runCli(['parse', input, '--skip-invalid', '--json'], io), 0, io.stderr());
  assert.deepEqual(io.stdout().trim().split('\n').map((l) => JSON.parse(l).id), ['r0']);
  assert.match(io.stderr(), /skipped 2 .*r\.jsonl:2: the id holds a control character \(U\+001B\)/);
  assert.doesNotMatch(io.stderr(), /RED/);
});
