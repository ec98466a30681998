// The guideline engine on worker threads answers exactly as in the calling thread, in the order of the reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateCohort } from '../../synth/generate-cohort.js';
import { DEFAULT_TAXONOMY } from '../../taxonomy/taxonomy.js';
import type { Prediction } from '../reader.js';
import { createRulesReader } from './rules-reader.js';
import { PARALLEL_MIN_REPORTS, RulesWorkers } from './rules-workers.js';

const withoutTiming = (p: Prediction) => JSON.stringify({ ...p, seconds: 0 });

test('rules workers: a batch split over two worker threads gives the predictions of one-by-one classification, in order', async () => {
  const reports = [...generateCohort({ seed: 'workers-de', n: 150, lang: 'de' }), ...generateCohort({ seed: 'workers-en', n: 150, lang: 'en', mix: { OTHER: 30 } })];
  const workers = new RulesWorkers(DEFAULT_TAXONOMY, 2);
  assert.ok(workers.worthIt(reports.length) && reports.length >= PARALLEL_MIN_REPORTS);
  try {
    const parallel = await workers.classify(reports);
    const reader = createRulesReader();
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
  assert.equal(new RulesWorkers(DEFAULT_TAXONOMY, 2).worthIt(PARALLEL_MIN_REPORTS - 1), false);
});
