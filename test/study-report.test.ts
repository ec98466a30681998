// What evaluate and consensus write when the input attacks them: report ids and reader names that a
// spreadsheet would run as formulas (metrics.csv, review.csv), or a browser as markup (report.html, its SVG);
// UNCLASSIFIED answers with their reasons; Figure 2's numbers against metrics.json; "no timing" in Figure 3;
// Figure 4's curves against metrics.json;
// and `evaluate --no-text`, which must carry no sentence of any report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { tempDir } from './helpers/temp-dir.js';

const FORMULA_IDS = ["=cmd|' /C calc'!A0", '+SUM(1,1)', '@SUM(1+1)', '-2+3'];
const MARKUP_ID = '<script>alert(1)</script>';
const MARKUP_MODEL = '<img src=x onerror=alert(1)>';
const FORMULA_MODEL = "=cmd|' /C calc'!A0";
const MARKUP_TEXT = 'Zusatz: <b onmouseover=alert(2)>fett</b> im Befundtext.';

const root = tempDir();
const out = join(root, 'run');
mkdirSync(out);
const demo = readFileSync(new URL('../examples/demo/reports.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string; label: string });
const reports = demo.slice(0, 30).map((r, i) => ({
  id: [...FORMULA_IDS, MARKUP_ID][i] ?? r.id,
  label: r.label,
  text: i === 5 ? `${r.text}\n${MARKUP_TEXT}` : r.text,
}));
const input = join(root, 'reports.jsonl');
writeFileSync(input, reports.map((r) => JSON.stringify(r)).join('\n'));
const wrong = (label: string) => (label === 'NORMAL' ? 'DCM' : 'NORMAL');
// A sentence of the report, quoted as evidence with its span (the way an LLM reader's aligned quote looks).
const quoteOf = (text: string) => {
  const line = text.split('\n').find((l) => l.trim().length > 30)!.trim();
  return { quote: line, start: text.indexOf(line), end: text.indexOf(line) + line.length, alignment: 'exact' };
};

/** Three models that split three ways on the formula ids (so they reach review.csv), and err in every way. */
const MODELS: Record<string, (r: (typeof reports)[number], i: number) => Record<string, unknown>> = {
  steady: (r, i) => ({ category: i < 4 ? 'HCM' : i === 4 ? wrong(r.label) : r.label }),
  [FORMULA_MODEL]: (r, i) => ({ category: i < 4 ? 'MYO' : i % 7 === 0 ? 'OTHER' : r.label }),
  [MARKUP_MODEL]: (r, i) => {
    if (i === 8) return { category: null, error: { type: 'BackendError', code: 'backend.timeout', message: 'timed out' } };
    if (i === 9 || i === 10) return { category: 'UNCLASSIFIED', unclassified: { reason: 'non_diagnostic', message: 'the exam was aborted' } };
    // With a confidence, so Figure 4 names this reader too.
    return { category: i < 4 ? 'DCM' : i % 5 === 0 ? wrong(r.label) : r.label, evidence: i % 5 === 0 ? [quoteOf(r.text)] : [], confidence: { source: 'logprobs', value: (i % 10) / 10 } };
  },
};
const lines = Object.entries(MODELS).flatMap(([model, answer]) => reports.map((r, i) => JSON.stringify({ id: r.id, model, evidence: [], seconds: 2 + (i % 5), error: null, ...answer(r, i) })));
writeFileSync(join(out, 'predictions.jsonl'), `${lines.join('\n')}\n`);
// Human readers named like formulas; labels as JSONL so ids with commas need no quoting. The second has no timing.
const human = (name: string, seconds: boolean) => {
  const file = join(root, `human-${seconds ? 'timed' : 'untimed'}.jsonl`);
  writeFileSync(file, reports.map((r, i) => JSON.stringify({ id: r.id, label: i % 6 === 0 ? wrong(r.label) : r.label, ...(seconds ? { seconds: 40 + i } : {}) })).join('\n'));
  return `${name}=${file}`;
};
const HUMANS = [human('+SUM(1,1)', true), human('@SUM(1+1)', false)];

async function cli(args: string[]): Promise<string> {
  const io = bufferIo();
  assert.equal(await runCli(args, io), 0, `${args.join(' ')}: ${io.stderr()}`);
  return io.stdout();
}

const ready = (async () => {
  await cli(['consensus', out, '--models', Object.keys(MODELS).join(','), '--truth', input]);
  await cli(['evaluate', out, '--input', input, '--resamples', '200', ...HUMANS.flatMap((h) => ['--reader', h])]);
  return { html: readFileSync(join(out, 'report.html'), 'utf8'), metrics: JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) };
})();

/** No cell a spreadsheet would run as a formula: anything starting with = + - @ tab CR is a number or quoted. */
function assertNoFormula(rows: string[][], file: string): void {
  for (const row of rows) for (const cell of row) if (/^[=+\-@\t\r]/.test(cell)) assert.ok(Number.isFinite(Number(cell)), `${file}: formula cell ${JSON.stringify(cell)}`);
}

test('CSV injection: formula-like report ids and reader names are written as text in metrics.csv and review.csv', async () => {
  await ready;
  const metrics = parse(readFileSync(join(out, 'metrics.csv'), 'utf8')) as string[][];
  assertNoFormula(metrics, 'metrics.csv');
  const readers = metrics.slice(1).map((r) => r[0]);
  for (const name of [FORMULA_MODEL, '+SUM(1,1)', '@SUM(1+1)']) assert.ok(readers.includes(`'${name}`), `metrics.csv has ${name} as text`);
  const review = parse(readFileSync(join(out, 'review.csv'), 'utf8')) as string[][];
  assertNoFormula(review, 'review.csv');
  assert.ok(review[0]!.includes(`'${FORMULA_MODEL}`), 'model column header');
  const ids = review.slice(1).map((r) => r[0]);
  for (const id of FORMULA_IDS) assert.ok(ids.includes(`'${id}`), `review.csv lists ${id} as text`);
});

test('HTML stays escaped: ids, reader names and report text never become markup, in tables or SVG', async () => {
  const { html } = await ready;
  assert.doesNotMatch(html, /<script|<img|<b onmouseover/i);
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the id, escaped');
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the reader name, escaped');
  const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
  assert.equal(svgs.length, 4);
  assert.ok(svgs.every((svg) => svg.includes('&lt;img src=x onerror=alert(1)&gt;')), 'each figure names the reader, escaped');
  assert.ok(html.includes('&lt;b onmouseover=alert(2)&gt;fett&lt;/b&gt;'), 'the report text, escaped');
  assert.doesNotMatch(html, /https?:|@import|url\(|<link/i, 'no reference to the network');
});

test('UNCLASSIFIED: its own column before FAILED, listed with its reason, wrong, and no vote in the consensus', async () => {
  const { html, metrics } = await ready;
  assert.deepEqual(metrics.columns.slice(-3), ['OTHER', 'UNCLASSIFIED', 'FAILED']);
  const r = metrics.readers[MARKUP_MODEL];
  assert.deepEqual([r.unclassified, r.failed], [2, 1]);
  const section = html.slice(html.indexOf('id="unclassified"'), html.indexOf('id="consensus"'));
  for (const i of [9, 10]) assert.match(section, new RegExp(`<td>${reports[i]!.id}</td><td>${reports[i]!.label}</td><td>&lt;img src=x onerror=alert\\(1\\)&gt;</td><td>non_diagnostic</td>`));
  assert.match(html, /UNCLASSIFIED \(non_diagnostic\)/, 'the verdict in the misclassified list names the reason');
  const rows = readFileSync(join(out, 'consensus.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const row = rows.find((x) => x.id === reports[9]!.id);
  assert.equal(row.votes[MARKUP_MODEL], 'UNCLASSIFIED');
  assert.equal(row.agree, 2, 'two votes: the UNCLASSIFIED answer casts none');
  assert.equal(metrics.consensus.agreement.n, 27, 'agreement over the 27 reports every model answered');
});

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

test('Figure 2 shows every answer: the same columns for every reader, each row adds up to its support, numbers as in metrics.json', async () => {
  const { html, metrics } = await ready;
  const figure = html.slice(html.indexOf('id="figure-2"'), html.indexOf('id="figure-3"'));
  // Each non-zero cell is a text mark labelled "<reader>: truth <T>, answer <A>: <count>" that draws <count>.
  const drawn = new Map<string, number>();
  for (const m of figure.matchAll(/<text aria-label="([^"]*)"[^>]*>([^<]*)<\/text>/g)) {
    const label = /^(.*): truth (\S+), answer (\S+): (\d+)$/.exec(unescape(m[1]!));
    if (!label) continue;
    assert.equal(m[2], label[4], `cell ${label[0]} draws its count`);
    drawn.set(`${label[1]}|${label[2]}|${label[3]}`, Number(label[4]));
  }
  const truthCount = (c: string) => reports.filter((r) => r.label === c).length;
  let cells = 0;
  for (const [name, r] of Object.entries(metrics.readers) as [string, { confusion: Record<string, Record<string, number>>; perClass: Record<string, { support: number }> }][]) {
    assert.deepEqual(Object.keys(r.confusion), metrics.classSet, `${name}: rows are the class set`);
    for (const [truth, row] of Object.entries(r.confusion)) {
      assert.deepEqual(Object.keys(row), metrics.columns, `${name}: the same columns as every reader`);
      const sum = Object.values(row).reduce((a, b) => a + b, 0);
      assert.equal(sum, r.perClass[truth]!.support, `${name} ${truth}: row sums to support`);
      assert.equal(sum, truthCount(truth), `${name} ${truth}: support is the truth's count`);
      for (const [answer, count] of Object.entries(row)) {
        assert.equal(drawn.get(`${name}|${truth}|${answer}`) ?? 0, count, `${name} ${truth}→${answer} in the SVG`);
        if (count > 0) cells++;
      }
    }
  }
  assert.equal(drawn.size, cells, 'the SVG draws a number in exactly the non-zero cells');
});

test('Figure 3 names readers without timing ("no timing") instead of leaving them out', async () => {
  const { html } = await ready;
  const figure = html.slice(html.indexOf('id="figure-3"'), html.indexOf('id="figure-4"'));
  assert.equal(figure.match(/>no timing</g)?.length, 2, 'the human without seconds, and the consensus');
  for (const name of ['@SUM(1+1)', 'consensus', '+SUM(1,1)', 'steady']) assert.ok(figure.includes(`>${name}<`), `${name} on the axis`);
});

test('Figure 4 draws each reader\'s accuracy–coverage curve as in metrics.json, the consensus by agreement', async () => {
  const { html, metrics } = await ready;
  const figure = html.slice(html.indexOf('id="figure-4"'), html.indexOf('id="per-class"'));
  const drawn = new Map<string, Set<string>>();
  for (const m of figure.matchAll(/aria-label="([^"]*): accuracy (\d\.\d{3}) at coverage (\d\.\d{3})/g)) {
    const line = unescape(m[1]!);
    drawn.set(line, (drawn.get(line) ?? new Set()).add(`${m[2]}@${m[3]}`));
  }
  const curve = (c: { accuracy: number; coverage: number }[]) => new Set(c.map((p) => `${p.accuracy.toFixed(3)}@${p.coverage.toFixed(3)}`));
  const own = metrics.readers[MARKUP_MODEL].selective.confidence;
  assert.deepEqual(own.sources, { logprobs: 27, none: 3 }, 'the failed and the two UNCLASSIFIED answers have no confidence');
  assert.deepEqual(drawn.get(MARKUP_MODEL), curve(own.curve), 'the escaped reader name labels its own curve');
  assert.deepEqual(drawn.get('consensus by agreement level'), curve(metrics.readers.consensus.selective.agreement.curve));
  assert.equal(drawn.has('steady'), false, 'a reader without confidence has no curve');
});

test('evaluate --no-text: report.html carries no sentence of any report (and no quote), only ids, answers and numbers', async () => {
  const { html: full } = await ready;
  const sentences = reports.flatMap((r) => r.text.split(/\n|(?<=[.!?])\s+/).map((s) => s.trim()).filter((s) => s.length >= 12));
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const present = (html: string) => sentences.filter((s) => html.includes(s) || html.includes(escape(s)));
  assert.ok(present(full).length > 20, 'the full report shows report text (so this test can fail)');

  await cli(['evaluate', out, '--input', input, '--resamples', '200', '--no-text', ...HUMANS.flatMap((h) => ['--reader', h])]);
  const bare = readFileSync(join(out, 'report.html'), 'utf8');
  assert.deepEqual(present(bare), []);
  assert.doesNotMatch(bare, /<pre|<mark|class="quotes"|the exam was aborted/);
  assert.match(bare, /This copy carries no report text/);
  // Still every id and every answer of the misclassified reports, and the numbers.
  assert.ok(bare.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.match(bare, new RegExp(`${reports[5]!.id}</b> — truth <b>${reports[5]!.label}</b>`));
  assert.equal(bare.match(/<svg/g)?.length, 4);
});
