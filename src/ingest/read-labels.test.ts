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
  assert.throws(() => readLabels(path), (e: unknown) => e instanceof InputError && /anna\.csv:2:/.test(e.message) && /a reader's answer, never a truth/.test(e.message));
});

test('an unknown reason is refused with its file and line, without its value', () => {
  const path = file('id,label,reason\nr1,UNCLASSIFIED,because-SECRET\n');
  assert.throws(
    () => readLabels(path, { unclassified: true }),
    (e: unknown) => e instanceof InputError && /anna\.csv:2:/.test(e.message) && !e.message.includes('SECRET') && /not_cmr/.test(e.hint ?? ''),
  );
});

test('ids come back as written: a protected "-7" is the report -7; a reason beside a category is refused; reasons in any case', () => {
  assert.deepEqual(readLabels(file("id,label,reason\n'-7,UNCLASSIFIED,NOT_CMR\n'+49-3,MYO,\n"), { unclassified: true }), [
    { id: '-7', label: 'UNCLASSIFIED', reason: 'not_cmr' },
    { id: '+49-3', label: 'MYO' },
  ]);
  assert.throws(() => readLabels(file('id,label,reason\nr1,NORMAL,not_cmr\n'), { unclassified: true }), (e: unknown) => e instanceof InputError && /anna\.csv:2:/.test(e.message) && /a reason but a category/.test(e.message));
});
