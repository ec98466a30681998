// End to end: classify, evaluate (with a human reader), consensus and demo through the CLI; metrics checked
// against an independent recomputation from predictions.jsonl and the truth.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { tempDir } from './helpers/temp-dir.js';

const dir = tempDir();
const demo = readFileSync(new URL('../examples/demo/reports.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string; label: string });
const reports = demo.slice(0, 40);
const input = join(dir, 'reports.jsonl');
writeFileSync(input, reports.map((r) => JSON.stringify({ id: r.id, text: r.text, label: r.label })).join('\n'));
const truthFile = join(dir, 'truth.csv');
writeFileSync(truthFile, `id,label\n${reports.map((r) => `${r.id},${r.label}`).join('\n')}\n`);
// A human reader who errs on every seventh report and took 30-69 s per report.
const human = join(dir, 'cardiologist.csv');
writeFileSync(human, `id,label,seconds\n${reports.map((r, i) => `${r.id},${i % 7 === 0 ? (r.label === 'DCM' ? 'ICM' : 'DCM') : r.label},${30 + i}`).join('\n')}\n`);

/** Accuracy and macro-F1 computed here from scratch (classes: the truth's). */
function independent(truth: Map<string, string>, predicted: Map<string, string | null>) {
  const ids = [...truth.keys()];
  const classes = [...new Set(truth.values())];
  const accuracy = ids.filter((id) => predicted.get(id) === truth.get(id)).length / ids.length;
  const f1s = classes.map((c) => {
    const tp = ids.filter((id) => truth.get(id) === c && predicted.get(id) === c).length;
    const fp = ids.filter((id) => truth.get(id) !== c && predicted.get(id) === c).length;
    const fn = ids.filter((id) => truth.get(id) === c && predicted.get(id) !== c).length;
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  return { accuracy, macroF1: f1s.reduce((a, b) => a + b, 0) / f1s.length };
}

test('evaluate writes metrics.json in the contract shape, metrics.csv and a self-contained report.html', async () => {
  const out = join(dir, 'run');
  assert.equal(await runCli(['classify', input, '--model', 'rules', '--out', out, '--quiet'], bufferIo()), 0);
  const io = bufferIo();
  assert.equal(await runCli(['evaluate', out, '--truth', truthFile, '--reader', `cardiologist=${human}`], io), 0, io.stderr());
  assert.match(io.stdout(), /rules\s+40\s+/);
  assert.match(io.stdout(), /cardiologist\s+40\s+/);

  const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
  for (const name of ['rules', 'cardiologist']) {
    const r = metrics.readers[name];
    for (const key of ['n', 'accuracy', 'macro', 'perClass', 'confusion', 'secondsPerReport', 'ci', 'kappa', 'weighted']) assert.ok(key in r, `${name}.${key}`);
    assert.deepEqual(Object.keys(r.macro).sort(), ['f1', 'precision', 'recall']);
    assert.equal(r.n, 40);
    assert.ok(r.ci.accuracy[0] <= r.accuracy && r.accuracy <= r.ci.accuracy[1]);
    assert.ok(r.ci.macroF1[0] <= r.macro.f1 && r.macro.f1 <= r.ci.macroF1[1]);
    // The terminal table prints the interval to the point estimate's three decimals (two would print 0.999
    // beside "1.00–1.00").
    const row = io.stdout().split('\n').find((l) => l.startsWith(`${name} `));
    assert.ok(row?.includes(`${r.ci.macroF1[0].toFixed(3)}–${r.ci.macroF1[1].toFixed(3)}`), `${name} row: ${row}`);
  }
  // Recomputed here from predictions.jsonl and the truth, they must agree.
  const truth = new Map(reports.map((r) => [r.id, r.label]));
  const lines = readFileSync(join(out, 'predictions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const rules = independent(truth, new Map(lines.map((l) => [l.id, l.category])));
  assert.ok(Math.abs(metrics.readers.rules.accuracy - rules.accuracy) < 1e-4);
  assert.ok(Math.abs(metrics.readers.rules.macro.f1 - rules.macroF1) < 1e-4);
  const humanPredicted = new Map(readFileSync(human, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')).map(([id, label]) => [id!, label!]));
  const doctor = independent(truth, humanPredicted);
  assert.ok(Math.abs(metrics.readers.cardiologist.accuracy - doctor.accuracy) < 1e-4);
  assert.ok(Math.abs(metrics.readers.cardiologist.macro.f1 - doctor.macroF1) < 1e-4);
  assert.equal(metrics.readers.cardiologist.secondsPerReport.mean, 30 + 39 / 2);
  assert.equal(metrics.readers.cardiologist.mcnemar?.vs ?? metrics.readers.rules.mcnemar?.vs, metrics.best);

  const csv = parse(readFileSync(join(out, 'metrics.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  assert.equal(csv.length, 2);
  const header = Object.keys(csv[0]!);
  assert.deepEqual(header.slice(0, 12), ['reader', 'kind', 'reports', 'failed', 'unclassified', 'missing', 'accuracy', 'accuracy 95% CI low', 'accuracy 95% CI high', 'macro precision', 'macro recall', 'macro F1']);
  // A column per class of the matrix for each per-class figure.
  for (const c of metrics.columns.filter((c: string) => c !== 'FAILED' && c !== 'UNCLASSIFIED')) {
    for (const figure of ['precision', 'recall', 'F1', 'support']) assert.ok(header.some((h) => h.startsWith(c) && h.endsWith(` ${figure}`)), `${c} ${figure}`);
  }
  const rulesRow = csv.find((r) => r.reader === 'rules')!;
  assert.ok(Math.abs(Number(rulesRow['macro F1']) - metrics.readers.rules.macro.f1) < 1e-6);

  const html = readFileSync(join(out, 'report.html'), 'utf8');
  assert.doesNotMatch(html, /https?:|<script|@import|url\(|<link|<img/i, 'no reference to the network, no script');
  // Figures 1 to 4 (the guideline engine's score margin gives Figure 4 its curve).
  assert.equal(html.match(/<svg/g)?.length, 4);
  assert.match(html, /Figure 1/);
  assert.match(html, /id="misclassified"/);
});

test('consensus of several models: majority, review list, agreement, scored with the truth; evaluate includes it', async () => {
  const out = join(dir, 'consensus');
  mkdirSync(out, { recursive: true });
  const cats = (i: number, shift: number) => (i % shift === 0 ? 'NORMAL' : reports[i]!.label);
  const lines = ['m1', 'm2', 'm3'].flatMap((model, k) => reports.map((r, i) => JSON.stringify({ id: r.id, model, category: k === 2 && i % 9 === 0 ? null : cats(i, [5, 6, 4][k]!), evidence: [], seconds: 1 + k, error: k === 2 && i % 9 === 0 ? { type: 'BackendError', code: 'backend.timeout', message: 't' } : null })));
  writeFileSync(join(out, 'predictions.jsonl'), `${lines.join('\n')}\n`);
  const io = bufferIo();
  assert.equal(await runCli(['consensus', out, '--models', 'm1,m2,m3', '--truth', truthFile], io), 0, io.stderr());
  assert.match(io.stdout(), /unanimous \d+, majority \d+, no majority \d+ \(to review\); Fleiss' kappa 0\.\d+/);
  assert.match(io.stdout(), /against the truth: accuracy 0\.\d+, macro-F1 0\.\d+/);
  const rows = readFileSync(join(out, 'consensus.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(rows.length, 40);
  const review = readFileSync(join(out, 'review.csv'), 'utf8').trim().split('\n');
  assert.equal(review[0], 'id,m1,m2,m3,truth,consensus source');
  assert.equal(review.length - 1, rows.filter((r) => r.status === 'no majority').length);
  assert.equal(await runCli(['evaluate', out, '--truth', truthFile, '--input', input], bufferIo()), 0);
  const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
  assert.ok(metrics.readers.consensus);
  assert.deepEqual(metrics.consensus.models, ['m1', 'm2', 'm3']);
  assert.ok(metrics.readers.m3.failed > 0, 'failed predictions are counted');
  const top = bufferIo();
  assert.equal(await runCli(['consensus', out, '--top', '2', '--truth', truthFile], top), 0, top.stderr());
  assert.match(top.stdout(), /consensus of m\d, m\d \(at least 2 agreeing\)/);
});

test('evaluate and consensus refuse bad input with exit 2 and one line', async () => {
  const cases: [string[], RegExp][] = [
    [['evaluate', join(dir, 'nothing')], /predictions\.jsonl: no predictions here/],
    [['evaluate', join(dir, 'run'), '--reader', 'noequals'], /--reader noequals: expected <name>=<labels file>/],
    [['evaluate', join(dir, 'run'), '--truth', truthFile, '--reader', `rules=${human}`], /--reader rules=.*: there is already a reader named rules/],
    [['consensus', join(dir, 'consensus'), '--models', 'm1,zz'], /--models: zz not in this run\. The run has: m1, m2, m3/],
    [['consensus', join(dir, 'consensus')], /needs either --models a,b,c or --top <n>/],
  ];
  for (const [args, message] of cases) {
    const io = bufferIo();
    assert.equal(await runCli(args, io), 2, args.join(' '));
    assert.match(io.stderr(), message);
    assert.equal(io.stderr().trim().split('\n').length, 1);
  }
});

test('cmrdx demo runs the bundled cohort end to end without a server', async () => {
  const out = join(dir, 'demo');
  const io = bufferIo();
  assert.equal(await runCli(['demo', '--out', out, '--quiet'], io), 0, io.stderr());
  assert.match(io.stdout(), /rules\s+109\s+(?:0\.9\d\d|1\.000)\s+(?:0\.9\d\d|1\.000)/);
  assert.match(io.stdout(), new RegExp(`report: ${join(out, 'report.html').replace(/[/.]/g, '\\$&')}`));
  const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
  assert.ok(metrics.readers.rules.macro.f1 >= 0.95);
  // A read-only look at the store for human answers left run.sqlite-wal and -shm behind after every evaluate.
  assert.deepEqual(readdirSync(out).filter((f) => /\.sqlite-(wal|shm)$/.test(f)), []);
});
