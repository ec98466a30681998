import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgress, formatDuration } from './progress.js';

test('without a terminal, progress is a plain line every few seconds with counts per model, never report text', async () => {
  const out: string[] = [];
  const progress = createProgress({ totals: { 'ollama:a': 4, 'ollama:b': 4 }, write: (t) => out.push(t), isTTY: false, intervalMs: 20 });
  progress.tick({ id: 'r1', model: 'ollama:a', category: 'MYO', evidence: [{ quote: 'secret report text', start: 0, end: 5 }], seconds: 1, error: null });
  progress.tick({ id: 'r1', model: 'ollama:b', category: null, evidence: [], seconds: 1, error: { type: 'BackendError', code: 'backend.timeout', message: 'x' } });
  await new Promise((r) => setTimeout(r, 50));
  progress.stop();
  progress.stop();
  const text = out.join('');
  assert.match(text, /progress: 2\/8 \([\d.]+\/s, ETA \w+\) — ollama:a 1\/4, ollama:b 1\/4 \(1 failed\)/);
  assert.doesNotMatch(text, /secret/);
});

test('--quiet prints nothing', () => {
  const out: string[] = [];
  const progress = createProgress({ totals: { m: 1 }, write: (t) => out.push(t), isTTY: false, quiet: true });
  progress.tick({ id: 'r', model: 'm', category: 'X', evidence: [], seconds: 0, error: null });
  progress.stop();
  assert.deepEqual(out, []);
});

test('durations read like 42s, 3m05s, 2h10m', () => {
  assert.deepEqual([formatDuration(42), formatDuration(185), formatDuration(7800), formatDuration(Infinity)], ['42s', '3m05s', '2h10m', '–']);
});
