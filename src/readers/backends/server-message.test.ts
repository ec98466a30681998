import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUOTES_SENT, serverMessage } from './server-message.js';

const PROMPT = 'CMR report:\n"""\nKein Thrombus.\nSubepikardiales LGE basal inferolateral mit Myokardödem.\n"""\nWhich diagnostic category does this report belong to?';

const CASES: [name: string, raw: string, sent: string[], kept: string][] = [
  ['a message of the server\'s own words stays', 'CUDA out of memory', [PROMPT], 'CUDA out of memory'],
  ['an apostrophe is no quote', "This model's maximum context length is 4096 tokens.", [PROMPT], "This model's maximum context length is 4096 tokens."],
  ['a quoted stretch is left out', 'template error at "Kein Thr": bad token', [PROMPT], 'template error at "…": bad token'],
  ['single, curly, angle and back quotes are left out', "bad 'x y' and “a” and «b» and „c“ and `d`", [PROMPT], 'bad "…" and "…" and "…" and "…" and "…"'],
  ['escaped quotes inside a Python repr do not end it', "{'input': 'it\\'s here', 'msg': 'x'}", [PROMPT], '{"…": "…", "…": "…"}'],
  ['an unclosed quote takes the rest of the line', 'failed on "abc def', [PROMPT], 'failed on …'],
  ['only the first line is kept', 'worker died\nTraceback (most recent call last):', [PROMPT], 'worker died'],
  ['a long stretch of the prompt hides the whole message', 'cannot read Subepikardiales LGE basal inferolateral', [PROMPT], QUOTES_SENT],
  ['a short sentence of the prompt hides it too', 'crashed on Kein Thrombus. again', [PROMPT], QUOTES_SENT],
  ['a stretch on a later line hides it', 'error\nKein Thrombus.', [PROMPT], QUOTES_SENT],
  ['a status request (nothing sent) keeps its quoted names', 'model "m1" not found, try pulling it first', [], 'model "m1" not found, try pulling it first'],
  ['a long message is cut', 'x'.repeat(300), [PROMPT], `${'x'.repeat(119)}…`],
];

for (const [name, raw, sent, kept] of CASES) {
  test(`serverMessage: ${name}`, () => assert.equal(serverMessage(raw, sent), kept));
}
