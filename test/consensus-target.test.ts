// consensus --target-accuracy: the review list sized on a labelled calibration run, checked by hand. Ten labelled
// reports voted on by three models: 5 unanimous and right, 2 majority and right, 1 majority and wrong, 2 without
// a majority. Accuracy by agreement level: unanimous 5/5 = 1.0 at coverage 5/10; with the majorities 7/8 = 0.875
// at coverage 8/10; with no majority (wrong) 7/10. So 0.98 needs unanimity (a person reads 5 reports: 3 majority,
// 2 no majority) and 0.85 takes every majority (a person reads the 2 without one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { RunStore } from '../src/run/run-store.js';
import { reviewList } from '../src/serve/adjudication-session.js';
import { tempDir } from './helpers/temp-dir.js';

const root = tempDir();
const MODELS = ['m1', 'm2', 'm3'];

/** A run folder: predictions of the three models ([truth or null, votes]) and the reports (with labels) in its store. */
function run(name: string, cases: [string | null, string, string, string][]): string {
  const dir = join(root, name);
  mkdirSync(dir);
  const ids = cases.map((_, i) => `${name}-${i}`);
  const lines = MODELS.flatMap((model, m) => cases.map((c, i) => JSON.stringify({ id: ids[i], model, category: c[m + 1], evidence: [], seconds: 1, error: null })));
  writeFileSync(join(dir, 'predictions.jsonl'), `${lines.join('\n')}\n`);
  const store = RunStore.open(join(dir, 'run.sqlite'));
  store.putReports(cases.map((c, i) => ({ id: ids[i]!, text: `Befund ${i}.`, ...(c[0] ? { label: c[0] } : {}) })));
  store.close();
  return dir;
}

const CALIBRATION: [string, string, string, string][] = [
  ['MYO', 'MYO', 'MYO', 'MYO'],
  ['DCM', 'DCM', 'DCM', 'DCM'],
  ['HCM', 'HCM', 'HCM', 'HCM'],
  ['CA', 'CA', 'CA', 'CA'],
  ['NORMAL', 'NORMAL', 'NORMAL', 'NORMAL'],
  ['ICM', 'ICM', 'ICM', 'DCM'], // majority, right
  ['CS', 'CS', 'MYO', 'CS'], // majority, right
  ['MYO', 'DCM', 'DCM', 'MYO'], // majority, wrong
  ['HCM', 'HCM', 'CA', 'NORMAL'], // no majority
  ['ICM', 'ICM', 'DCM', 'MYO'], // no majority
];

async function cli(args: string[]) {
  const io = bufferIo();
  const code = await runCli(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

test('target 0.98 on the labelled run itself: only unanimous reports are answered alone, 5 of 10 go to a person', async () => {
  const dir = run('cal', CALIBRATION);
  const { code, out, err } = await cli(['consensus', dir, '--models', MODELS.join(','), '--target-accuracy', '0.98']);
  assert.equal(code, 0, err);
  assert.match(out, /target accuracy 0\.98: a person reads 5 of 10 reports \(2 without a majority, 3 below the threshold\); the consensus answers 5 alone/);
  assert.match(out, /threshold \(calibrated on this run, 10 labelled reports, ordered by agreement level\): at least 3 of 3 models agree/);
  assert.match(out, /reached accuracy 1\.000 at coverage 50\.0 %.*measured on this run itself/);
  const summary = JSON.parse(readFileSync(join(dir, 'consensus.json'), 'utf8'));
  assert.equal(summary.review.threshold, 1);
  assert.deepEqual(summary.review.review, { total: 5, noMajority: 2, belowThreshold: 3, answered: 5 });
  assert.deepEqual([summary.review.calibration.coverage, summary.review.calibration.accuracy, summary.review.calibration.n], [0.5, 1, 10]);
  const review = parse(readFileSync(join(dir, 'review.csv'), 'utf8')) as string[][];
  assert.deepEqual(review[0], ['id', 'm1', 'm2', 'm3', 'truth', 'why', 'consensus source']);
  assert.deepEqual(review.slice(1).map((r) => [r[0], r[5]]), [
    ['cal-5', 'below the agreement threshold for accuracy 0.98'],
    ['cal-6', 'below the agreement threshold for accuracy 0.98'],
    ['cal-7', 'below the agreement threshold for accuracy 0.98'],
    ['cal-8', 'no majority'],
    ['cal-9', 'no majority'],
  ]);
  // The adjudication page takes the same list.
  const reports = new Map(Array.from({ length: 10 }, (_, i) => [`cal-${i}`, { text: `Befund ${i}.` }]));
  assert.deepEqual(reviewList(dir, false, reports).map((r) => `${r.id}:${r.reason}`), ['cal-5:below target', 'cal-6:below target', 'cal-7:below target', 'cal-8:no majority', 'cal-9:no majority']);
});

test('target 0.85 takes the majorities too: only the 2 reports without a majority go to a person', async () => {
  const dir = run('cal85', CALIBRATION);
  const { code, out } = await cli(['consensus', dir, '--models', MODELS.join(','), '--target-accuracy', '0.85']);
  assert.equal(code, 0);
  assert.match(out, /a person reads 2 of 10 reports \(2 without a majority, 0 below the threshold\)/);
  assert.match(out, /at least 2 of 3 models agree/);
  assert.match(out, /accuracy 0\.875 at coverage 80\.0 %/);
});

test('calibrated on another labelled run, applied to an unlabelled one', async () => {
  const calibration = run('cal2', CALIBRATION);
  const cohort = run('cohort', [
    [null, 'MYO', 'MYO', 'MYO'],
    [null, 'CA', 'CA', 'CA'],
    [null, 'DCM', 'ICM', 'DCM'],
    [null, 'HCM', 'HCM', 'MYO'],
    [null, 'CS', 'ICM', 'DCM'],
    [null, 'NORMAL', 'NORMAL', 'DCM'],
  ]);
  const { code, out, err } = await cli(['consensus', cohort, '--models', MODELS.join(','), '--target-accuracy', '0.98', '--calibration', calibration]);
  assert.equal(code, 0, err);
  assert.match(out, /a person reads 4 of 6 reports \(1 without a majority, 3 below the threshold\); the consensus answers 2 alone/);
  assert.ok(out.includes(`calibrated on ${calibration}, 10 labelled reports`));
  assert.match(out, /expect it on this run only if its reports are like the calibration run's/);
  const rows = readFileSync(join(cohort, 'consensus.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(rows.filter((r) => r.review === 'below target').map((r) => r.id), ['cohort-2', 'cohort-3', 'cohort-5']);
});

test('a target nothing reaches: every report goes to a person', async () => {
  const dir = run('hopeless', CALIBRATION.map(([t, ...votes]) => [t === 'MYO' ? 'DCM' : 'MYO', ...votes] as [string, string, string, string]));
  const { code, out } = await cli(['consensus', dir, '--models', MODELS.join(','), '--target-accuracy', '0.99']);
  assert.equal(code, 0);
  assert.match(out, /a person reads 10 of 10 reports/);
  assert.match(out, /no agreement level reached 0\.99: every report goes to a person/);
});

const REFUSED: [string, (dirs: { unlabelled: string; labelled: string }) => string[], RegExp][] = [
  ['a run without truth and no calibration', (d) => ['--target-accuracy', '0.98', d.unlabelled], /has no truth to calibrate on\. Pass --truth <labels> for this run, or --calibration <dir>/],
  ['a calibration run without truth', (d) => ['--target-accuracy', '0.98', '--calibration', d.unlabelled, d.labelled], /has no truth to calibrate on\. Calibrate on a run classified from a labelled input/],
  ['a target outside (0, 1)', (d) => ['--target-accuracy', '1.5', d.labelled], /--target-accuracy 1\.5: must be between 0 and 1/],
  ['--calibration alone', (d) => ['--calibration', d.labelled, d.labelled], /--calibration needs --target-accuracy/],
];
for (const [name, args, message] of REFUSED) {
  test(`refused (exit 2): ${name}`, async () => {
    const dirs = { unlabelled: run(`u-${name.replace(/\W+/g, '-')}`, [[null, 'MYO', 'MYO', 'MYO']]), labelled: run(`l-${name.replace(/\W+/g, '-')}`, CALIBRATION) };
    const all = args(dirs);
    const { code, err } = await cli(['consensus', all.pop()!, '--models', MODELS.join(','), ...all]);
    assert.equal(code, 2);
    assert.match(err, message);
  });
}
