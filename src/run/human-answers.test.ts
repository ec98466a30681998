// Human answers and adjudications in the run store, and how the rest of cmrdx sees them: as readers with
// seconds (evaluate), as readers/<name>.csv files, as an adjudicated truth and as adjudicated consensus rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { textHash } from '../readers/llm/llm-reader.js';
import { HumanAnswerStore } from './human-answers.js';
import { adjudicatedTruth, exportHumanReaders, hasHumanAnswers, humanReaderPredictions, withAdjudications } from './human-readers.js';

const answer = (reportId: string, category: string, seconds: number, text = `text of ${reportId}`) => ({ reader: 'anna', reportId, category, seconds, unsure: false, comment: null, textHash: textHash(text) });

test('a changed answer replaces the category, adds up the seconds and keeps the first read', () => {
  const dir = tempDir();
  const store = HumanAnswerStore.open(dir);
  store.putAnswer(answer('r1', 'DCM', 20));
  const changed = store.putAnswer({ ...answer('r1', 'ICM', 5), unsure: true, comment: 'LGE subendokardial' });
  assert.deepEqual([changed.category, changed.seconds, changed.firstCategory, changed.revisions, changed.unsure, changed.comment], ['ICM', 25, 'DCM', 1, true, 'LGE subendokardial']);
  // The report's text changed since (another input): the answer starts over.
  const reread = store.putAnswer(answer('r1', 'HCM', 7, 'another text'));
  assert.deepEqual([reread.category, reread.seconds, reread.firstCategory, reread.revisions], ['HCM', 7, 'HCM', 0]);
  store.close();
});

test('evaluate sees each human reader with seconds; an answer to another text of the report counts as failed', () => {
  const dir = tempDir();
  assert.equal(hasHumanAnswers(dir), false, 'no store yet');
  const store = HumanAnswerStore.open(dir);
  store.putAnswer(answer('r1', 'DCM', 20));
  store.putAnswer(answer('r2', 'NORMAL', 31.5, 'the old text of r2'));
  store.putAnswer({ ...answer('r1', 'MYO', 12), reader: 'ben' });
  store.close();
  assert.equal(hasHumanAnswers(dir), true);
  const reports = new Map(['r1', 'r2'].map((id) => [id, { id, text: `text of ${id}` }]));
  const { readers, warnings } = humanReaderPredictions(dir, reports);
  assert.deepEqual(readers.map((r) => r.name), ['anna', 'ben']);
  const anna = readers[0]!.predictions;
  assert.deepEqual(anna.get('r1'), { category: 'DCM', evidence: [], seconds: 20, error: null });
  assert.equal(anna.get('r2')?.category, null);
  assert.equal(anna.get('r2')?.error?.code, 'human.text_changed');
  assert.deepEqual(warnings, ['anna: 1 answer(s) were given for another text of the report; they count as failed (read them again with cmrdx read)']);
});

test('the adjudicated truth holds only the adjudicated reports; consensus rows take their final category', () => {
  const dir = tempDir();
  const store = HumanAnswerStore.open(dir);
  assert.throws(() => adjudicatedTruth(dir), /has no adjudications\. Run cmrdx adjudicate/);
  store.putAdjudication({ reportId: 'r2', category: 'CS', adjudicator: 'bob', seconds: 40, comment: null, textHash: textHash('x'), reason: 'no majority', votedStatus: 'no majority', votedCategory: null });
  store.close();
  const { truth, source, warnings } = adjudicatedTruth(dir);
  assert.deepEqual([...truth], [['r2', 'CS']]);
  assert.equal(source, 'adjudicated (1 report(s), by bob)');
  assert.match(warnings[0]!, /not a sample of the cohort/);
  const rows = [
    { id: 'r1', category: 'MYO', status: 'unanimous', votes: { a: 'MYO', b: 'MYO' }, agree: 2 },
    { id: 'r2', category: null, status: 'no majority', votes: { a: 'CS', b: 'MYO' }, agree: 1 },
  ];
  const [kept, adjudicated] = withAdjudications(dir, rows);
  assert.deepEqual(kept, rows[0]);
  assert.deepEqual({ ...adjudicated, adjudicatedAt: typeof (adjudicated as { adjudicatedAt: string }).adjudicatedAt }, {
    id: 'r2',
    category: 'CS',
    status: 'adjudicated',
    votes: { a: 'CS', b: 'MYO' },
    agree: 1,
    votedStatus: 'no majority',
    votedCategory: null,
    adjudicator: 'bob',
    adjudicatedAt: 'string',
  });
});

test('export-readers writes readers/<name>.csv in report order, formula-looking ids neutralised', () => {
  const dir = tempDir();
  const store = HumanAnswerStore.open(dir);
  store.putAnswer(answer('=1+1', 'HCM', 12.3456));
  store.putAnswer(answer('r1', 'CA', 40));
  store.close();
  const files = exportHumanReaders(dir, [{ id: 'r1', text: '' }, { id: '=1+1', text: '' }]);
  assert.deepEqual(files, [{ name: 'anna', file: join(dir, 'readers', 'anna.csv'), n: 2 }]);
  assert.equal(readFileSync(files[0]!.file, 'utf8'), "id,label,seconds,reason,first_label,first_reason,revisions\nr1,CA,40,,CA,,0\n'=1+1,HCM,12.346,,HCM,,0\n");
});

test('export-readers refuses a reader name that is no plain file name (a store written by something else)', () => {
  const dir = tempDir();
  const store = HumanAnswerStore.open(dir);
  store.putAnswer({ ...answer('r1', 'CA', 4), reader: '../../escape' });
  store.close();
  assert.throws(() => exportHumanReaders(dir, []), /no plain name for a file/);
});

test('a reader\'s "no category" is a prediction UNCLASSIFIED with the reason, and its CSV row carries the reason', () => {
  const dir = tempDir();
  const store = HumanAnswerStore.open(dir);
  store.putAnswer({ ...answer('r1', 'UNCLASSIFIED', 9), unclassifiedReason: 'not_cmr' });
  store.putAnswer(answer('r2', 'NORMAL', 4));
  store.close();
  const reports = new Map(['r1', 'r2'].map((id) => [id, { id, text: `text of ${id}` }]));
  const anna = humanReaderPredictions(dir, reports).readers[0]!.predictions;
  assert.deepEqual(anna.get('r1'), { category: 'UNCLASSIFIED', evidence: [], seconds: 9, error: null, unclassified: { reason: 'not_cmr', message: 'the reader gave no category: not a cardiac MRI report' } });
  assert.equal(anna.get('r2')?.unclassified, undefined);
  const [file] = exportHumanReaders(dir, [...reports.values()]);
  assert.equal(readFileSync(file!.file, 'utf8'), 'id,label,seconds,reason,first_label,first_reason,revisions\nr1,UNCLASSIFIED,9,not_cmr,UNCLASSIFIED,not_cmr,0\nr2,NORMAL,4,,NORMAL,,0\n');
});

test('a changed answer keeps the first read with its no-category reason, and export-readers writes both reads', () => {
  const dir = tempDir();
  const store = HumanAnswerStore.open(dir);
  store.putAnswer({ ...answer('r1', 'UNCLASSIFIED', 6), unclassifiedReason: 'non_diagnostic' });
  const toCategory = store.putAnswer(answer('r1', 'MYO', 4));
  assert.deepEqual([toCategory.category, toCategory.unclassifiedReason, toCategory.firstCategory, toCategory.firstUnclassifiedReason, toCategory.revisions], ['MYO', null, 'UNCLASSIFIED', 'non_diagnostic', 1]);
  store.putAnswer(answer('r2', 'HCM', 3));
  const toNone = store.putAnswer({ ...answer('r2', 'UNCLASSIFIED', 2), unclassifiedReason: 'outside_taxonomy' });
  assert.deepEqual([toNone.unclassifiedReason, toNone.firstCategory, toNone.firstUnclassifiedReason], ['outside_taxonomy', 'HCM', null]);
  // A new text of the report starts it over: the first read is the new answer.
  const reread = store.putAnswer({ ...answer('r1', 'UNCLASSIFIED', 1, 'a new text'), unclassifiedReason: 'not_cmr' });
  assert.deepEqual([reread.firstCategory, reread.firstUnclassifiedReason, reread.revisions], ['UNCLASSIFIED', 'not_cmr', 0]);
  store.close();
  const [file] = exportHumanReaders(dir, [{ id: 'r1', text: '' }, { id: 'r2', text: '' }]);
  assert.equal(readFileSync(file!.file, 'utf8'), 'id,label,seconds,reason,first_label,first_reason,revisions\nr1,UNCLASSIFIED,1,not_cmr,UNCLASSIFIED,not_cmr,0\nr2,UNCLASSIFIED,5,outside_taxonomy,HCM,,1\n');
});

test('a store written before first reasons were kept: an unchanged answer is its own first read, a changed one says unknown', () => {
  const dir = tempDir();
  const old = new Database(join(dir, 'run.sqlite'));
  old.pragma('journal_mode = WAL');
  old.exec(`CREATE TABLE adjudications (report_id TEXT PRIMARY KEY, category TEXT NOT NULL, adjudicator TEXT NOT NULL, seconds REAL NOT NULL, comment TEXT, text_hash TEXT NOT NULL, reason TEXT NOT NULL, voted_status TEXT NOT NULL, voted_category TEXT, adjudicated_at TEXT NOT NULL);
    CREATE TABLE human_answers (reader TEXT NOT NULL, report_id TEXT NOT NULL, category TEXT NOT NULL, seconds REAL NOT NULL, unsure INTEGER NOT NULL, comment TEXT, text_hash TEXT NOT NULL, first_category TEXT NOT NULL, unclassified_reason TEXT, revisions INTEGER NOT NULL, first_answered_at TEXT NOT NULL, answered_at TEXT NOT NULL, PRIMARY KEY (reader, report_id));
    INSERT INTO human_answers VALUES ('anna', 'r1', 'UNCLASSIFIED', 4, 0, NULL, 'h1', 'UNCLASSIFIED', 'not_cmr', 0, '2026-01-01', '2026-01-01');
    INSERT INTO human_answers VALUES ('anna', 'r2', 'UNCLASSIFIED', 9, 0, NULL, 'h2', 'UNCLASSIFIED', 'non_diagnostic', 2, '2026-01-01', '2026-01-02');`);
  old.close();
  const firstReads = (store: HumanAnswerStore) => [...store.answers('anna').values()].map((a) => [a.reportId, a.firstUnclassifiedReason]);
  // Read as it is (evaluate, export, not migrated) and after the migration (cmrdx read): the same first reads.
  const before = HumanAnswerStore.openExisting(dir)!;
  assert.deepEqual(firstReads(before), [['r1', 'not_cmr'], ['r2', null]]);
  before.close();
  const store = HumanAnswerStore.open(dir);
  assert.deepEqual(firstReads(store), [['r1', 'not_cmr'], ['r2', null]]);
  store.close();
});

test('a store written before readers could give no category gets the column, and its answers stay as they were', async () => {
  const dir = tempDir();
  const old = new Database(join(dir, 'run.sqlite'));
  old.pragma('journal_mode = WAL'); // as every cmrdx store is
  old.exec(`CREATE TABLE human_readers (name TEXT PRIMARY KEY, seed TEXT NOT NULL, lang TEXT NOT NULL, taxonomy TEXT NOT NULL, started_at TEXT NOT NULL);
    CREATE TABLE human_answers (reader TEXT NOT NULL, report_id TEXT NOT NULL, category TEXT NOT NULL, seconds REAL NOT NULL, unsure INTEGER NOT NULL, comment TEXT, text_hash TEXT NOT NULL, first_category TEXT NOT NULL, revisions INTEGER NOT NULL, first_answered_at TEXT NOT NULL, answered_at TEXT NOT NULL, PRIMARY KEY (reader, report_id));
    CREATE TABLE adjudications (report_id TEXT PRIMARY KEY, category TEXT NOT NULL, adjudicator TEXT NOT NULL, seconds REAL NOT NULL, comment TEXT, text_hash TEXT NOT NULL, reason TEXT NOT NULL, voted_status TEXT NOT NULL, voted_category TEXT, adjudicated_at TEXT NOT NULL);
    INSERT INTO human_answers VALUES ('anna', 'r1', 'DCM', 20, 0, NULL, '${textHash('text of r1')}', 'DCM', 0, '2026-01-01', '2026-01-01');`);
  old.close();
  // Read as it is (evaluate, export): no column, no reason.
  const before = HumanAnswerStore.openExisting(dir)!;
  assert.equal(before.answers('anna').get('r1')?.unclassifiedReason, null);
  before.close();
  // Two pages opening it at once, while a third connection holds the write lock: both wait, one adds the column.
  const holder = spawn(process.execPath, ['-e', `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(join(dir, 'run.sqlite'))}); db.exec('BEGIN IMMEDIATE'); process.stdout.write('locked'); setTimeout(() => { db.exec('COMMIT'); db.close(); }, 800);`], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
  const opener = `import { HumanAnswerStore } from ${JSON.stringify(new URL('./human-answers.ts', import.meta.url).href)}; HumanAnswerStore.open(${JSON.stringify(dir)}).close(); console.log('opened');`;
  const open = () => new Promise<string>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', opener], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', () => resolve(out.trim()));
  });
  assert.deepEqual(await Promise.all([open(), open()]), ['opened', 'opened']);
  // Opened to read on (cmrdx read): the column is added, the old answer kept, a new one with its reason stored.
  const store = HumanAnswerStore.open(dir);
  const added = store.putAnswer({ ...answer('r2', 'UNCLASSIFIED', 5), unclassifiedReason: 'non_diagnostic' });
  assert.deepEqual([store.answers('anna').get('r1')?.category, added.unclassifiedReason], ['DCM', 'non_diagnostic']);
  store.close();
});
