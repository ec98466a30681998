// The guideline engine gives the same answers as before its speed work (issue 12, point 5): every prediction
// line (category, evidence spans, criteria, scores, confidence, unclassified reason) and every parse (sections,
// measurements) on a fixed mixed cohort is byte for byte the golden one (test/helpers/golden-answers.ts says
// how the golden file was made and when to regenerate it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, readCorpus } from '../bench/real-corpus.js';
import { goldenAnswers, readGolden } from './helpers/golden-answers.js';

test('rules: every answer and parse on the golden cohort is the one stored in the golden file', async () => {
  const golden = readGolden();
  const { answers, lines } = await goldenAnswers();
  assert.deepEqual(
    answers.map((a) => a.id),
    golden.map((g) => g.id),
    'the cohort changed; regenerate the golden file (see test/helpers/golden-answers.ts)',
  );
  // The cohort is mixed: both languages, every category, and abstentions.
  const categories = new Set(golden.map((g) => g.category));
  for (const c of ['HCM', 'CA', 'CS', 'MYO', 'ICM', 'DCM', 'NORMAL', 'OTHER', 'UNCLASSIFIED']) assert.ok(categories.has(c), `no ${c} in the golden cohort`);
  assert.ok(golden.some((g) => g.id.startsWith('syn-en-')) && golden.some((g) => g.id.startsWith('syn-de-')));

  const differ = answers.filter((a, i) => JSON.stringify(a) !== JSON.stringify(golden[i]));
  // The real corpus' test half is only ever measured: a failure names none of its cases, only how many differ.
  const testHalf = new Set(LANGS.flatMap((lang) => readCorpus(lang).filter((c) => c.split === 'test').map((c) => c.id)));
  const hidden = differ.filter((a) => testHalf.has(a.id)).length;
  const shown = differ.filter((a) => !testHalf.has(a.id)).slice(0, 5).map((a) => {
    const g = golden.find((x) => x.id === a.id)!;
    const what = a.category !== g.category ? `category ${g.category} -> ${a.category}` : a.answer !== g.answer ? 'prediction line differs' : 'parse differs';
    return `${a.id}: ${what}\n  now: ${lines.get(a.id)}`;
  });
  const unnamed = hidden > 0 ? `\n(${hidden} of them from the real corpus' test half, not shown)` : '';
  assert.equal(differ.length, 0, `${differ.length} of ${answers.length} answers differ from the golden file:\n${shown.join('\n')}${unnamed}`);
});
