// The figures from 1 to 12 readers: every confusion matrix has its own axes and no axis floats under an
// empty slot, the charts stay within the page column and never shrink to a sliver for one reader, whiskers
// are capped and drawn in ink (not the bar's colour), zero cells are blank, and a reader without timing is
// named in Figure 3.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateRun } from '../src/evaluate/evaluate-run.js';
import { confusionSpec, metricsSpec, renderSvg, secondsSpec } from '../src/present/charts.js';
import { DEFAULT_TAXONOMY } from '../src/taxonomy/taxonomy.js';
import { tempDir } from './helpers/temp-dir.js';

const root = tempDir();
const demo = readFileSync(new URL('../examples/demo/reports.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; label: string });
const reports = demo.slice(0, 40);
const truthFile = join(root, 'truth.csv');
writeFileSync(truthFile, `id,label\n${reports.map((r) => `${r.id},${r.label}`).join('\n')}\n`);
const PAGE_COLUMN = 1124;

let made = 0;
/** An evaluation of `count` models; the last one has no timing. */
function evaluation(count: number) {
  const dir = join(root, `run${++made}`);
  mkdirSync(dir);
  const lines = Array.from({ length: count }, (_, m) => reports.map((r, i) => JSON.stringify({ id: r.id, model: `ollama:model-number-${m + 1}:32b`, category: i % (m + 2) === 0 ? 'OTHER' : r.label, evidence: [], seconds: m === count - 1 && count > 1 ? 0 : 1 + m + (i % 3), error: null }))).flat();
  writeFileSync(join(dir, 'predictions.jsonl'), `${lines.join('\n')}\n`);
  return evaluateRun({ dir, taxonomy: DEFAULT_TAXONOMY, truthFile, resamples: 100 });
}

const widthOf = (svg: string) => Number(/<svg[^>]*\bwidth="(\d+(?:\.\d+)?)"/.exec(svg)?.[1]);

for (const count of [1, 2, 3, 4, 5, 8, 12]) {
  test(`${count} reader(s): one matrix with its own two axes per reader, charts within the page column`, { timeout: 60_000 }, async () => {
    const ev = evaluation(count);
    const confusion = await renderSvg(confusionSpec(ev));
    assert.equal(confusion.match(/aria-roledescription="axis"/g)?.length, 2 * count, 'an x and a y axis per matrix, none without one');
    assert.ok(widthOf(confusion) <= PAGE_COLUMN, `Figure 2 is ${widthOf(confusion)} px wide`);
    for (const spec of [metricsSpec(ev), secondsSpec(ev)!]) {
      assert.ok((spec.width as number) >= 420, 'a single reader gets a real chart, not a sliver');
      const svg = await renderSvg(spec);
      assert.ok(widthOf(svg) <= PAGE_COLUMN, `chart is ${widthOf(svg)} px wide`);
      for (const r of ev.readers) assert.ok(svg.includes(`>${r.name}<`), `${r.name} labelled in full`);
    }
    if (count > 1) assert.equal((await renderSvg(secondsSpec(ev)!)).match(/>no timing</g)?.length, 1);
  });
}

test('Figure 1 whiskers: ink-coloured with a white halo and caps at both ends, never in the bar colour', () => {
  const spec = metricsSpec(evaluation(6));
  assert.equal((spec.encoding as Record<string, unknown>).color, undefined, 'no colour shared by all layers');
  const layers = spec.layer as { mark: { type: string; color?: string }; encoding: Record<string, { field?: string }> }[];
  const bar = layers.find((l) => l.mark.type === 'bar')!;
  assert.equal(bar.encoding.color?.field, 'metric');
  const marks = layers.filter((l) => l.mark.type !== 'bar');
  assert.ok(marks.every((l) => l.encoding.color === undefined && l.mark.color !== undefined), 'whiskers and caps have a fixed colour');
  assert.deepEqual(marks.filter((l) => l.mark.type === 'tick').map((l) => l.encoding.y?.field), ['low', 'high'], 'a cap at each end');
  assert.deepEqual(marks.filter((l) => l.mark.type === 'rule').map((l) => l.mark.color), ['white', '#1d2433'], 'halo under the ink line');
});

test('Figure 2 zero cells are blank: only counts above zero get a colour or a number', () => {
  const spec = confusionSpec(evaluation(2)) as { spec: { layer: { mark: { type: string; fill?: string }; transform?: { filter: unknown }[]; encoding?: { color?: { scale?: { range?: string[] } } } }[] } };
  const [background, filled, , text] = spec.spec.layer;
  assert.equal(background!.mark.fill, 'white');
  assert.equal(background!.transform, undefined, 'every cell outlined');
  assert.deepEqual(filled!.transform, [{ filter: 'datum.count > 0' }]);
  assert.deepEqual(text!.transform, [{ filter: 'datum.count > 0' }]);
  assert.notEqual(filled!.encoding!.color!.scale!.range![0], '#ffffff', 'a count of one is visibly coloured');
});
