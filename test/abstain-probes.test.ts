// Abstention cases from a hostile tester's pass on issue 12 (branch attack-abstain, probes/abstain-cases.json):
// other organs' MRI, other modalities that mention an MRI, ECG/Holter texts, aborted exams, history that must not
// decide, stated normal studies. Each is also covered by a concept-named unit test in src/readers/rules/abstain.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { UNCLASSIFIED } from '../src/taxonomy/taxonomy.js';
import { createRulesReader } from '../src/readers/rules/rules-reader.js';

const reader = createRulesReader();
// [name, probe file, text, expected category or `UNCLASSIFIED:<reason>`]
const CASES = JSON.parse(readFileSync(new URL('./fixtures/abstain/probes.json', import.meta.url), 'utf8')) as [string, string, string, string][];

for (const [name, file, text, expected] of CASES) {
  test(`abstention probe (${file}): ${name}`, async () => {
    const p = await reader.classify({ id: file, text });
    const got = p.category === UNCLASSIFIED ? `${UNCLASSIFIED}:${p.unclassified?.reason}` : p.category;
    assert.equal(got, expected, JSON.stringify({ scores: p.scores, unclassified: p.unclassified }));
  });
}
