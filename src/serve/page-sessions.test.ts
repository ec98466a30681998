// The reading and adjudication sessions behind the page: the seeded order, resuming at the first unanswered
// report, blinding, the review list (no majority; with the guideline engine, its disagreements), and what the
// adjudicator is shown of each reader's quotes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { bufferIo } from '../cli/io.js';
import { runCli } from '../cli/program.js';
import { DEFAULT_TAXONOMY } from '../taxonomy/taxonomy.js';
import { openAdjudicationSession } from './adjudication-session.js';
import { describeSession, nextUnanswered, parseAnswer } from './page-session.js';
import { PAGE_SCRIPT } from './page-script.js';
import { openReadingSession, readingOrder } from './reading-session.js';

const reports = Array.from({ length: 12 }, (_, i) => ({ id: `r${String(i + 1).padStart(2, '0')}`, text: `Befund ${i + 1}.`, label: 'NORMAL' }));

test('the reading order depends on the seed and the reports, not on how the input lists them', () => {
  const ids = (seed: string, list = reports) => readingOrder(list, seed).map((r) => r.id);
  assert.deepEqual(ids('7'), ids('7'));
  assert.deepEqual(ids('7', [...reports].reverse()), ids('7'));
  assert.notDeepEqual(ids('7'), ids('8'));
  assert.deepEqual([...ids('7')].sort(), reports.map((r) => r.id));
});

test('a new session of the same reader starts at the first unanswered report of its order', () => {
  const dir = tempDir();
  const open = () => openReadingSession({ dir, reports, reader: 'anna', seed: '3', lang: 'de', taxonomy: DEFAULT_TAXONOMY });
  const first = open();
  assert.equal(describeSession(first).start, 0);
  for (const i of [0, 1, 3]) first.answer({ i, category: 'NORMAL', seconds: 2, unsure: false, comment: null });
  first.close();
  const second = open();
  const info = describeSession(second);
  assert.deepEqual([info.start, info.answered, info.total, info.done], [2, 3, 12, false]);
  assert.equal(nextUnanswered(second, 2), 4, 'after 2 the next unanswered is 4 (3 is answered)');
  // Blinded: the page gets the text and the reader's own answer, no id, no label.
  assert.deepEqual(Object.keys(second.item(0)).sort(), ['answer', 'i', 'text']);
  assert.equal(second.item(0).text, readingOrder(reports, '3')[0]!.text);
  assert.deepEqual(second.item(1).answer, { category: 'NORMAL', unsure: false, comment: null, seconds: 2 });
  const categories = info.categories as { id: string; label: string; key: string }[];
  assert.deepEqual(categories[0], { id: 'HCM', label: 'HCM – Hypertrophe Kardiomyopathie', key: '1' });
  second.close();
});

test('the review list: no majority, and with the guideline engine its disagreements; quotes outside the text are not marked', async () => {
  const dir = tempDir();
  const demo = readFileSync(new URL('../../examples/demo/reports.jsonl', import.meta.url), 'utf8').trim().split('\n').slice(0, 6);
  const input = join(dir, 'reports.jsonl');
  writeFileSync(input, demo.join('\n'));
  const out = join(dir, 'run');
  assert.equal(await runCli(['classify', input, '--model', 'rules', '--out', out, '--quiet'], bufferIo()), 0);
  const rules = readFileSync(join(out, 'predictions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; category: string });
  // Reports 0 and 2: three different answers (no majority); on report 2 one LLM quotes with a span beyond the
  // text and one with start after end. Report 1: both LLMs agree against the rules.
  const other = (c: string, k: number) => ['NORMAL', 'DCM', 'MYO'].filter((x) => x !== c)[k]!;
  const lines = rules.flatMap((p, i) =>
    ['ollama:a', 'ollama:b'].map((model, k) => {
      const category = i === 0 || i === 2 ? other(p.category, k) : i === 1 ? other(p.category, 0) : p.category;
      const evidence = i === 2 ? [{ quote: 'beyond', start: 10, end: 1_000_000 }, { quote: 'backwards', start: 9, end: 3 }, { quote: 'ok', start: 0, end: 4 }] : [];
      return JSON.stringify({ id: p.id, model, category, evidence, seconds: 1, error: null });
    }),
  );
  appendFileSync(join(out, 'predictions.jsonl'), `${lines.join('\n')}\n`);
  assert.equal(await runCli(['consensus', out, '--models', 'ollama:a,ollama:b,rules'], bufferIo()), 0);

  // A human reader who gave report 0 no category (a non-diagnostic exam): the adjudicator sees it with its reason.
  const parsed = demo.map((l) => JSON.parse(l) as { id: string; text: string });
  const reading = openReadingSession({ dir: out, reports: parsed, reader: 'anna', seed: '1', lang: 'de', taxonomy: DEFAULT_TAXONOMY });
  const at = readingOrder(parsed, '1').findIndex((r) => r.id === rules[0]!.id);
  reading.answer(parseAnswer({ i: at, category: 'UNCLASSIFIED', reason: 'non_diagnostic', seconds: 3 }, reading));
  reading.close();

  const plain = openAdjudicationSession({ dir: out, adjudicator: 'bob', withRules: false, taxonomy: DEFAULT_TAXONOMY });
  assert.deepEqual([plain.total, plain.item(0).id, plain.item(0).reason, plain.item(1).id, plain.lang], [2, rules[0]!.id, 'no majority', rules[2]!.id, 'de']);
  const anna = (plain.item(0).readers as { name: string; category: string; reason?: string }[]).find((r) => r.name === 'anna')!;
  assert.deepEqual([anna.category, anna.reason], ['UNCLASSIFIED', 'non_diagnostic']);
  // The adjudicated truth is a category: "no category" is a reader's answer only.
  assert.throws(() => parseAnswer({ i: 0, category: 'UNCLASSIFIED', reason: 'non_diagnostic', seconds: 3 }, plain), (e: Error & { status?: number }) => e.status === 422);
  const shown = (plain.item(1).readers as { name: string; spans: unknown[]; unaligned: string[] }[]).find((r) => r.name === 'ollama:a')!;
  assert.deepEqual(shown.spans, [{ start: 0, end: 4 }]);
  assert.deepEqual(shown.unaligned, ['beyond', 'backwards']);
  plain.close();
  const withRules = openAdjudicationSession({ dir: out, adjudicator: 'bob', withRules: true, lang: 'en', taxonomy: DEFAULT_TAXONOMY });
  assert.deepEqual([0, 1, 2].map((i) => [withRules.item(i).id, withRules.item(i).reason]), [
    [rules[0]!.id, 'no majority'],
    [rules[1]!.id, 'rules disagrees'],
    [rules[2]!.id, 'no majority'],
  ]);
  assert.equal(withRules.total, 3);
  withRules.close();
});

test('the page script is valid JavaScript (it is a string to TypeScript)', () => {
  assert.doesNotThrow(() => new Function(PAGE_SCRIPT));
  assert.doesNotMatch(PAGE_SCRIPT, /innerHTML|insertAdjacentHTML|document\.write|eval\(/, 'values go into the page as text only');
});
