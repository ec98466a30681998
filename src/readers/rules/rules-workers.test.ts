// The guideline engine on worker threads answers exactly as in the calling thread, in the order of the reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateCohort } from '../../synth/generate-cohort.js';
import { DEFAULT_TAXONOMY } from '../../taxonomy/taxonomy.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../report/report.js';
import { runClassify } from '../../run/run-classify.js';
import type { Prediction, Reader } from '../reader.js';
import { buildOutcomeMap } from './outcome-map.js';
import { createRulesReader, rulesPrediction } from './rules-reader.js';
import { PARALLEL_MIN_REPORTS, RulesWorkers } from './rules-workers.js';

const withoutTiming = (p: Prediction) => JSON.stringify({ ...p, seconds: 0 });

/** The engine in this thread, synchronously, as the rules reader gives it to its workers. */
const outcomes = buildOutcomeMap(DEFAULT_TAXONOMY);
const applyHere = (report: Report) => rulesPrediction(report, outcomes);

test('rules workers: a batch shared by a worker thread and the calling thread gives the predictions of one-by-one classification, in order', async () => {
  const reports = [...generateCohort({ seed: 'workers-de', n: 150, lang: 'de' }), ...generateCohort({ seed: 'workers-en', n: 150, lang: 'en', mix: { OTHER: 30 } })];
  const reader = createRulesReader();
  // The calling thread's part is counted, so the test sees that both threads took chunks.
  let here = 0;
  const workers = new RulesWorkers(DEFAULT_TAXONOMY, 2, (r) => {
    here++;
    return applyHere(r);
  });
  assert.ok(workers.worthIt(reports.length) && reports.length >= PARALLEL_MIN_REPORTS);
  try {
    const parallel = await workers.classify(reports);
    assert.ok(here > 0 && here < reports.length, `the calling thread classified ${here} of ${reports.length}`);
    const serial: Prediction[] = [];
    for (const r of reports) serial.push(await reader.classify(r));
    assert.equal(parallel.length, reports.length);
    assert.deepEqual(parallel.map((p) => p.id), reports.map((r) => r.id));
    assert.deepEqual(parallel.map(withoutTiming), serial.map(withoutTiming));
    assert.ok(new Set(parallel.map((p) => p.category)).size >= 6);
  } finally {
    await workers.close();
  }
});

test('rules workers: one core or a small batch stays in the calling thread', () => {
  assert.equal(new RulesWorkers(DEFAULT_TAXONOMY, 1).worthIt(10_000), false);
  assert.equal(new RulesWorkers(DEFAULT_TAXONOMY, 1, applyHere).worthIt(10_000), false);
  assert.equal(new RulesWorkers(DEFAULT_TAXONOMY, 2).worthIt(PARALLEL_MIN_REPORTS - 1), false);
});

test('rules workers: a report the engine fails on fails its batch (naming no text), and the workers go on', async () => {
  const reports = generateCohort({ seed: 'workers-fail', n: 4, lang: 'de' });
  const workers = new RulesWorkers(DEFAULT_TAXONOMY, 2);
  try {
    const broken = { id: 'broken', text: undefined } as unknown as Report;
    await assert.rejects(workers.classify([...reports, broken]), (e: unknown) => e instanceof Error && /the guideline engine failed on a report of this batch \(TypeError\)$/.test(e.message));
    const after = await workers.classify(reports);
    assert.deepEqual(after.map((p) => p.id), reports.map((r) => r.id));
  } finally {
    await workers.close();
  }
});

test('run loop: a batch that fails as a whole is done again one report at a time; only the failing report is an error', async () => {
  const reports: Report[] = Array.from({ length: 600 }, (_, i) => ({ id: `r${i}`, text: 'Beurteilung: Normalbefund.' }));
  const batches: number[] = [];
  const reader: Reader = {
    id: 'batched',
    async classify(r) {
      if (r.id === 'r300') throw new Error('engine failure');
      return { id: r.id, model: 'batched', category: 'NORMAL', evidence: [], seconds: 0, error: null };
    },
    async classifyMany(batch) {
      batches.push(batch.length);
      if (batch.some((r) => r.id === 'r300')) throw new Error('batch failed');
      return Promise.all(batch.map((r) => reader.classify(r)));
    },
  };
  const outDir = mkdtempSync(join(tmpdir(), 'cmrdx-batches-'));
  try {
    const summary = await runClassify({ reports, readers: [reader], outDir, config: { models: ['batched'], taxonomy: { name: 'd', version: '1' } } });
    assert.deepEqual(batches, [512, 88], 'two batches of at most 512');
    assert.equal(summary.failed, 1);
    const lines = readFileSync(join(outDir, 'predictions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Prediction);
    assert.equal(lines.length, 600, 'every report exactly once');
    assert.deepEqual(lines.filter((p) => p.error !== null).map((p) => p.id), ['r300']);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});
