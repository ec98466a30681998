// Found by the attack7 review: `--skip-invalid` counted the skipped records but named only the first ("skipped 3
// invalid record(s); first: r.jsonl:2: ..."); the others were lost without a name, so a hospital could not tell
// which reports of a large export never reached a reader. Every record in must be a prediction out or a counted,
// named skip: both ways skips are printed (the commands that read through input-options.ts, and classify/explain
// through src/api/reports-of.ts) use skippedLines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { InputError } from '../src/errors.js';
import { skippedLines } from '../src/ingest/describe-skipped.js';
import { runCli } from '../src/cli/program.js';
import { tempDir } from './helpers/temp-dir.js';

const TEXT = 'Kardio-MRT. Subepikardiales LGE lateral, Ödem in T2. Befund vereinbar mit akuter Myokarditis.';

for (const command of ['parse', 'classify']) {
  test(`${command} --skip-invalid names every skipped record (file:line), not only the first`, async () => {
    const dir = tempDir();
    const input = join(dir, 'r.jsonl');
    writeFileSync(input, [
      JSON.stringify({ id: 'ok1', text: TEXT }),
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 'ok2', text: TEXT }),
      JSON.stringify({ id: 'notext' }),
      JSON.stringify({ id: 'ok3', text: TEXT }),
      JSON.stringify({ id: 'ok1', text: TEXT }),
    ].join('\n') + '\n');
    const io = bufferIo();
    const args = command === 'parse' ? ['parse', input, '--skip-invalid'] : ['classify', input, '-m', 'rules', '-o', join(dir, 'out'), '-q', '--skip-invalid'];
    const code = await runCli(args, io);
    assert.equal(code, 0, io.stderr());
    assert.match(io.stderr(), /skipped 3/);
    for (const line of [2, 4, 6]) assert.match(io.stderr(), new RegExp(`r\\.jsonl:${line}\\b`), `skipped line ${line} not named: ${io.stderr()}`);
  });
}

test('each skip is a line of its own after the count', () => {
  const errors = [2, 4].map((line) => new InputError({ file: 'r.jsonl', line }, 'not valid JSON', { code: 'input.not_json' }));
  assert.deepEqual(skippedLines(errors), ['skipped 2 invalid record(s); first: r.jsonl:2: not valid JSON', 'also skipped: r.jsonl:4: not valid JSON']);
  assert.deepEqual(skippedLines([]), []);
});
