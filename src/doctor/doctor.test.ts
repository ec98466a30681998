// Doctor's parts on their own: the time budget that never hangs, the stratified smoke sample, the table at 100
// columns, report text kept out of server messages, the egress guard before any connection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readReports } from '../ingest/read-reports.js';
import { DEFAULT_TAXONOMY } from '../taxonomy/taxonomy.js';
import { BudgetExceeded, withinBudget } from './budget.js';
import { stratifiedSample } from './check-smoke.js';
import { renderDoctorTable, wrap } from './render-doctor.js';
import { runDoctor, type DoctorReport } from './run-doctor.js';
import { SentTexts } from './safe-text.js';

const DEMO = readReports(new URL('../../examples/demo/reports.jsonl', import.meta.url).pathname).reports;

test('a check that never settles is abandoned shortly after its budget, and its signal is aborted', async () => {
  let aborted = false;
  const started = Date.now();
  await assert.rejects(
    withinBudget(50, (signal) => {
      signal.addEventListener('abort', () => (aborted = true));
      return new Promise(() => undefined);
    }),
    BudgetExceeded,
  );
  assert.ok(aborted);
  assert.ok(Date.now() - started < 30_000);
});

test('a check that fails after the abort reports the budget, not its own error; one within it keeps its own', async () => {
  await assert.rejects(withinBudget(20, (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('socket reset'))))), /no result within 0\.02 s/);
  await assert.rejects(withinBudget(5000, async () => Promise.reject(new Error('refused'))), /refused/);
  assert.equal(await withinBudget(5000, async () => 7), 7);
});

test('the smoke sample: 12 demo reports, every category, in turn', () => {
  const sample = stratifiedSample(DEMO, DEFAULT_TAXONOMY);
  assert.equal(sample.length, 12);
  const labels = sample.map((r) => r.label);
  assert.deepEqual(labels.slice(0, 7), ['HCM', 'CA', 'CS', 'MYO', 'ICM', 'DCM', 'NORMAL']);
  assert.deepEqual(labels.slice(7), ['HCM', 'CA', 'CS', 'MYO', 'ICM']);
  assert.equal(new Set(sample.map((r) => r.id)).size, 12);
  assert.deepEqual(stratifiedSample(DEMO.slice(0, 3), DEFAULT_TAXONOMY).length, 3, 'fewer reports than 12: all of them');
});

test('wrap: lines of at most the width, no word lost; a longer word gets its own line', () => {
  const text = 'the longest prompt (cmr-029, the server\'s count) + 512 output fits 32,768, the model\'s context';
  for (const width of [20, 33, 78]) {
    const lines = wrap(text, width);
    assert.ok(lines.every((l) => l.length <= width));
    assert.equal(lines.join(' '), text);
  }
  assert.deepEqual(wrap('a http://127.0.0.1:11434/api/chat b', 10), ['a', 'http://127.0.0.1:11434/api/chat', 'b']);
});

test('the table fits 100 columns and puts the advice under a warn or fail', () => {
  const long = 'word '.repeat(60).trim();
  const report: DoctorReport = {
    cmrdx: '0.1.0',
    model: 'ollama:qwen2.5:32b',
    input: { name: 'examples/demo/reports.jsonl', reports: 109 },
    startedAt: new Date(0).toISOString(),
    seconds: 12.34,
    verdict: 'fail',
    endpoints: [{ endpoint: 'http://10.0.0.11:11434', provider: 'ollama', verdict: 'fail', checks: [{ check: 'server', verdict: 'ok', detail: long }, { check: 'context', verdict: 'fail', detail: long, advice: long }], notRun: [{ check: 'smoke', why: 'skipped (--skip)' }] }],
  };
  const table = renderDoctorTable(report);
  for (const line of table.split('\n')) assert.ok(line.length <= 100, line);
  assert.match(table, /\n {2}context {5}FAIL {4}word/);
  assert.match(table, /\n {22}-> word/);
  assert.match(table, /\n {2}not run: smoke: skipped \(--skip\)\n/);
  assert.match(table, /\nFAIL: 1 failure, 0 warnings \(12\.3 s\)\n$/);
});

test('a server message that quotes a sent report is replaced; others are kept', () => {
  const sent = new SentTexts();
  sent.add('Befund: Subepikardiales LGE basal inferolateral, Myokardödem inferolateral.');
  assert.equal(sent.scrub('400 bad request near "LGE basal inferolateral, Myokard"'), "(the server's message quotes the report; not shown)");
  assert.equal(sent.scrub('model m1 not found'), 'model m1 not found');
  assert.equal(sent.scrub('maximum context length is 2048 tokens'), 'maximum context length is 2048 tokens');
});

test('a name that resolves to a public address is refused before any request: no fetch at all', async () => {
  let fetched = 0;
  const spy = (async () => {
    fetched++;
    throw new Error('must not be called');
  }) as unknown as typeof fetch;
  await assert.rejects(
    runDoctor({
      spec: 'ollama:m1',
      settings: { ollamaUrls: ['http://inference.klinik.example:11434'], fetch: spy, resolve: async () => [{ address: '93.184.216.34', family: 4 }] },
      taxonomy: DEFAULT_TAXONOMY,
      input: { name: 'demo', reports: DEMO },
      smoke: { reports: DEMO, taxonomy: DEFAULT_TAXONOMY },
      version: '0.1.0',
    }),
    (error: Error & { code?: string }) => error.code === 'egress.refused' && /refused to send reports to inference\.klinik\.example \(93\.184\.216\.34, a public address\)/.test(error.message),
  );
  assert.equal(fetched, 0);
});
