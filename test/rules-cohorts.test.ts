// The guideline engine on whole cohorts: the bundled demo, and hand-written reports in styles unlike the
// generator's (German reports of several styles, English reports and case descriptions). Each test prints its confusion matrix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_TAXONOMY, categoryIds } from '../src/taxonomy/taxonomy.js';
import { computeMetrics, formatConfusion } from '../src/evaluate/metrics.js';
import { rulesCategory } from '../src/readers/rules/rules-reader.js';

function score(file: string) {
  const reports = readFileSync(new URL(file, import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string; label: string });
  const pairs = reports.map((r) => ({ truth: r.label, predicted: rulesCategory(r) }));
  return computeMetrics(pairs, categoryIds(DEFAULT_TAXONOMY));
}

const COHORTS: [string, string, number][] = [
  ['demo cohort (109 German synthetic reports)', '../examples/demo/reports.jsonl', 0.95],
  ['hand-written German reports', './fixtures/handwritten/de.jsonl', 0.9],
  ['hand-written English reports and case descriptions', './fixtures/handwritten/en.jsonl', 0.75],
];

for (const [name, file, target] of COHORTS) {
  test(`rules on the ${name}: macro-F1 >= ${target}`, (t) => {
    const m = score(file);
    t.diagnostic(`n=${m.n} accuracy=${m.accuracy.toFixed(3)} macro-F1=${m.macro.f1.toFixed(3)}`);
    for (const line of formatConfusion(m).split('\n')) t.diagnostic(line);
    assert.ok(m.macro.f1 >= target, `macro-F1 ${m.macro.f1.toFixed(3)} < ${target}\n${formatConfusion(m)}`);
  });
}
