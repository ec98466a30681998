// Found by the attack7 review: `--skip-invalid` counts the skipped records but names only the first ("skipped 3 invalid record(s);
// first: r.jsonl:2: ..."); the others are lost without a name, so a hospital cannot tell which reports of a large
// export never reached a reader. Every record in must be a prediction out or a counted, named skip.
// Reproduce: a .jsonl with bad lines 2, 4 and 6; cmrdx classify r.jsonl -m rules -o out --skip-invalid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { tempDir } from './helpers/temp-dir.js';

const TEXT = 'Kardio-MRT. Subepikardiales LGE lateral, Ödem in T2. Befund vereinbar mit akuter Myokarditis.';

test('--skip-invalid names every skipped record (file:line), not only the first', async () => {
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
  const code = await runCli(['classify', input, '-m', 'rules', '-o', join(dir, 'out'), '-q', '--skip-invalid'], io);
  assert.equal(code, 0, io.stderr());
  assert.match(io.stderr(), /skipped 3/);
  for (const line of [2, 4, 6]) assert.match(io.stderr(), new RegExp(`r\\.jsonl:${line}\\b`), `skipped line ${line} not named: ${io.stderr()}`);
});
