// A human reader's labels file may answer UNCLASSIFIED (with an optional reason); a truth never does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { InputError } from '../errors.js';
import { readLabels } from './read-labels.js';

const file = (body: string) => {
  const path = join(tempDir(), 'anna.csv');
  writeFileSync(path, body);
  return path;
};

test('a reader\'s file answers UNCLASSIFIED with or without its reason; a truth file refuses it', () => {
  const path = file('id,label,seconds,reason\nr1,UNCLASSIFIED,6,not_cmr\nr2,unclassified,3,\nr3,Myokarditis,4,\n');
  assert.deepEqual(readLabels(path, { unclassified: true }), [
    { id: 'r1', label: 'UNCLASSIFIED', seconds: 6, reason: 'not_cmr' },
    { id: 'r2', label: 'UNCLASSIFIED', seconds: 3 },
    { id: 'r3', label: 'MYO', seconds: 4 },
  ]);
  assert.throws(() => readLabels(path), (e: unknown) => e instanceof InputError && /anna\.csv:2:/.test(e.message) && /not a category of the taxonomy/.test(e.message));
});

test('an unknown reason is refused with its file and line, without its value', () => {
  const path = file('id,label,reason\nr1,UNCLASSIFIED,because-SECRET\n');
  assert.throws(
    () => readLabels(path, { unclassified: true }),
    (e: unknown) => e instanceof InputError && /anna\.csv:2:/.test(e.message) && !e.message.includes('SECRET') && /not_cmr/.test(e.hint ?? ''),
  );
});
