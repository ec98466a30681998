// Found by the attack7 review: a JSON number id larger than 2^53 (20-digit accession numbers exported unquoted) silently loses digits:
// 9007199254740993 becomes "9007199254740992", 12345678901234567891 becomes "12345678901234567000". The report then
// carries an id the hospital does not have (a truth.csv with the real number does not match it, or matches
// ANOTHER report), and two distinct numbers collide into a "duplicate id" that appears nowhere in the file.
// 1.10 becomes "1.1". Unsafe numbers should be refused (exit 2: "quote the id") instead of rounded.
// Reproduce: printf '{"id":9007199254740993,"text":"..."}\n' > r.jsonl; cmrdx parse r.jsonl --json  -> "id":"9007199254740992"
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInput } from '../src/ingest/read-input.js';
import { readLabels } from '../src/ingest/read-labels.js';
import { DEFAULT_TAXONOMY } from '../src/taxonomy/taxonomy.js';
import { tempDir } from './helpers/temp-dir.js';

const TEXT = 'Kardio-MRT. Befund vereinbar mit akuter Myokarditis.';

test('a JSON number id beyond 2^53 is refused or kept digit for digit, never rounded', async () => {
  const file = join(tempDir(), 'r.jsonl');
  writeFileSync(file, `{"id":9007199254740993,"text":${JSON.stringify(TEXT)}}\n`);
  let ids: string[];
  try {
    ids = (await readInput(file, { taxonomy: DEFAULT_TAXONOMY })).reports.map((r) => r.id);
  } catch {
    return; // refused: fine
  }
  assert.deepEqual(ids, ['9007199254740993']);
});

test('number ids: whole numbers are kept, unsafe and fractional numbers refused with the line and a hint', async () => {
  const file = join(tempDir(), 'r.jsonl');
  writeFileSync(file, `{"id":4711,"text":${JSON.stringify(TEXT)}}\n{"id":1.10,"text":${JSON.stringify(TEXT)}}\n{"id":12345678901234567891,"text":${JSON.stringify(TEXT)}}\n`);
  await assert.rejects(readInput(file, { taxonomy: DEFAULT_TAXONOMY }), (error: Error) => {
    assert.match(error.message, /r\.jsonl:2: the id is a JSON number with a fraction.*Write the id as a string in quotes/);
    return true;
  });
  const { reports, skipped } = await readInput(file, { taxonomy: DEFAULT_TAXONOMY, skipInvalid: true });
  assert.deepEqual(reports.map((r) => r.id), ['4711']);
  assert.deepEqual(skipped.map((s) => s.line), [2, 3]);
  assert.match(skipped[1]!.message, /above 9007199254740991/);
});

test('a labels file refuses an unsafe number id the same way', () => {
  const file = join(tempDir(), 'labels.jsonl');
  writeFileSync(file, '{"id":9007199254740993,"label":"MYO"}\n');
  assert.throws(() => readLabels(file), /labels\.jsonl:1: the id is a JSON number above/);
});
