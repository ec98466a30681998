import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isQuantitativeLine, splitParts, splitSections, textOf } from './split-sections.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/reports/${name}`, import.meta.url), 'utf8');

function parts(text: string) {
  const p = splitParts(text, splitSections(text));
  return { narrative: textOf(text, p.narrative), quantitative: textOf(text, p.quantitative), history: textOf(text, p.history), assessment: textOf(text, p.assessment) };
}

test('German headings: history, quantitative block, findings and assessment', () => {
  const p = parts(fixture('de-wert-norm-dcm.txt'));
  assert.match(p.history, /^Zunehmende Belastungsdyspnoe/);
  assert.match(p.quantitative, /^LVEDV: 268 ml/);
  assert.match(p.quantitative, /HZV: 4,9 l\/min$/);
  assert.match(p.narrative, /^Deutlich dilatierter linker Ventrikel/);
  assert.equal(p.assessment, 'Dilatative Kardiomyopathie mit hochgradig eingeschränkter LV-Funktion.');
  assert.doesNotMatch(p.narrative, /LVEDV: 268/);
});

test('English headings in capitals with inline text', () => {
  const p = parts(fixture('en-prose-icm.txt'));
  assert.match(p.history, /^67-year-old man/);
  assert.match(p.narrative, /^The left ventricle is mildly dilated/);
  assert.match(p.assessment, /^1\. Ischemic cardiomyopathy/);
  assert.doesNotMatch(p.narrative, /Cardiac MRI was performed/, 'technique is not narrative');
});

test('markdown bold headings and a pipe table', () => {
  const p = parts(fixture('de-pipe-table-hcm.txt'));
  assert.equal(p.history, 'HCM? Familienanamnese positiv.');
  assert.match(p.quantitative, /\| LVEF \| 71 %/);
  assert.match(p.narrative, /^Asymmetrische Hypertrophie/);
  assert.equal(p.assessment, 'Hypertrophe obstruktive Kardiomyopathie (HOCM).');
});

test('layout: number-dominated lines in the findings are quantitative, prose with a value is narrative', () => {
  const text = 'Befund:\nLVEDV 152 ml (78 ml/m²), LVESV 61 ml, LVEF 60 %\nDie LVEF ist mit 60 % normal, kein LGE.\nBeurteilung: Normalbefund.';
  const p = parts(text);
  assert.equal(p.quantitative, 'LVEDV 152 ml (78 ml/m²), LVESV 61 ml, LVEF 60 %');
  assert.equal(p.narrative, 'Die LVEF ist mit 60 % normal, kein LGE.\nNormalbefund.');
});

test('a table header above quantitative rows goes with them', () => {
  const p = parts(fixture('de-blocks.txt'));
  assert.match(p.quantitative, /^Linker Ventrikel:\nEDV 141 ml/);
  assert.match(p.narrative, /Kein Late Enhancement/);
});

test('no headings at all: everything is narrative', () => {
  const p = parts(fixture('en-case-amyloid.txt'));
  assert.match(p.narrative, /^A 72-year-old man/);
  assert.equal(p.history, '');
});

test('a heading word inside prose is not a heading', () => {
  const sections = splitSections('Zur Beurteilung der Vitalität wurde LGE durchgeführt.\nBefund: unauffällig.');
  assert.deepEqual(sections.map((s) => s.kind), ['preamble', 'findings']);
});

test('offsets point into the original text', () => {
  const text = fixture('de-prose-myo.txt');
  const p = splitParts(text, splitSections(text));
  for (const span of [...p.narrative, ...p.history, ...p.assessment]) {
    assert.equal(text.slice(span.start, span.end).trim(), text.slice(span.start, span.end));
  }
  assert.match(text.slice(p.history[0]!.start, p.history[0]!.end), /^24-jähriger Patient/);
});

const LINES: [string, boolean][] = [
  ['LVEDV 152 ml (78 ml/m²), LVESV 61 ml, LVEF 60 %', true],
  ['| LVEF | 62 % | 57–77 % |', true],
  ['Myokardmasse 98 g', true],
  ['1. Hochgradig eingeschränkte LV-Funktion (LVEF 25 %)', false],
  ['Die linksventrikuläre Ejektionsfraktion ist mit 55 % normal.', false],
  ['Kein Perikarderguss.', false],
];
for (const [line, expected] of LINES) {
  test(`isQuantitativeLine: ${line}`, () => assert.equal(isQuantitativeLine(line), expected));
}
