import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractMeasurements, INDEX_BEFORE, PAIR_BEFORE, plainWordAt, rangeMayStart, TOKEN_SOURCE, VENTRICLE_BEFORE, wordEndsBeforeBlanks, wordEndsBeforeSpace } from './extract-measurements.js';
import { NUMBER_SOURCE } from './parse-number.js';
import { UNIT_SOURCE } from './measurement-lexicon.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/reports/${name}`, import.meta.url), 'utf8');
const summary = (text: string) => extractMeasurements(text).map((m) => `${m.key}=${m.value}`);

// Every value printed in each hand-written fixture, in order, and nothing else.
const FIXTURES: [string, string[]][] = [
  ['de-aligned-table-ca.txt', ['FIELD=3', 'LVEDV=98', 'LVEDVi=52', 'LVEF=48', 'LVM=241', 'MWT=19', 'T1=1463', 'ECV=0.56', 'T1_blood=1812']],
  ['de-blocks.txt', ['LVEDV=141', 'LVESV=55', 'LVEF=61', 'LVM=96', 'RVEDV=150', 'RVESV=66', 'RVEF=56', 'T1=1012', 'T2=51', 'ECV=27']],
  ['de-bullets-index.txt', ['LVEDVi=88', 'LVEF=57', 'RVEDVi=91', 'RVEF=52', 'MWT=9', 'LGE_extent=4', 'T2=48', 'HR=72', 'BSA=1.86']],
  ['de-crlf-latin.txt', ['LVEF=34', 'LVEDV=240']],
  ['de-lv-rv-columns.txt', ['LVEDV=245', 'RVEDV=172', 'LVEDVi=121', 'RVEDVi=85', 'LVESV=171', 'RVESV=88', 'LVEF=30', 'RVEF=49', 'LVSV=74', 'RVSV=84', 'LVEF=30']],
  ['de-mapping-traps.txt', ['FIELD=3', 'T1=1231', 'T1_post=412', 'T1_blood=1650', 'T2_ratio=2.3', 'T2STAR=32', 'T2=57', 'ECV=0.34', 'LVEF=59']],
  ['de-missing-values.txt', ['LVEF=56', 'LVM=102', 'T2=50']],
  ['de-pipe-table-hcm.txt', ['LVEF=71', 'LVEDV=121', 'LVEDVi=63', 'LVESV=35', 'LVM=212', 'LVMi=110', 'MWT=21', 'RVEF=62', 'LVOT_gradient=48', 'MWT=21']],
  ['de-prior-values.txt', ['LVEF=44', 'LVEF=31', 'LVEDVi=109']],
  ['de-prose-myo.txt', ['FIELD=1.5', 'LVEDV=156', 'LVEDVi=79', 'LVEF=58', 'MWT=10', 'RVEDV=162', 'RVEF=54', 'T2=61', 'T1=1093', 'ECV=33']],
  ['de-prose-narrative-numbers.txt', ['LVEDV=118', 'LVMi=79', 'LVEF=66', 'MWT=13', 'MWT=12', 'LA_area=27', 'AO_diam=3.6']],
  ['de-slash-compact.txt', ['FIELD=1.5', 'LVEDV=165', 'LVESV=80', 'LVEF=52', 'LVM=118', 'RVEDV=170', 'RVEF=50']],
  ['de-tabs.txt', ['LVEF=63', 'LVEDVi=74', 'LVESVi=27', 'LVMi=55', 'RVEF=59', 'RVEDVi=80', 'T1=995', 'T2=49', 'ECV=25']],
  ['de-wert-norm-dcm.txt', ['LVEDV=268', 'LVEDVi=132', 'LVESV=196', 'LVESVi=97', 'LVSV=72', 'LVEF=27', 'LVM=158', 'LVMi=78', 'RVEDV=190', 'RVEF=41', 'CO=4.9']],
  ['de-regional-values.txt', ['FIELD=1.5', 'MWT=26', 'MWT=10', 'LVEF=66', 'T1=1010', 'T1=1105', 'T2=49', 'T2=57', 'T2=51', 'ECV=31', 'MWT=12', 'T1=990', 'T1=1150', 'T2=55', 'T1=1125', 'FIELD=1.5']],
  ['en-case-amyloid.txt', ['MWT=18', 'LVEF=52', 'T1=1420', 'ECV=54']],
  ['en-list-normal.txt', ['FIELD=3', 'LVEF=64', 'LVEDVi=78', 'LVESVi=28', 'LVMi=52', 'RVEF=58', 'RVEDVi=82', 'T1=1180', 'T2=44', 'ECV=26']],
  ['en-prose-icm.txt', ['FIELD=1.5', 'LVEDV=212', 'LVEDVi=108', 'LVEF=38', 'RVEF=51', 'T1=1010', 'LVEF=38']],
  ['en-table-normal-range.txt', ['LVEF=45', 'LVEDV=198', 'LVESV=109', 'LVM=134', 'RVEF=48', 'MWT=11', 'T1=1065', 'T2=47']],
];

for (const [name, expected] of FIXTURES) {
  test(`fixture ${name}: every printed value, none invented`, () => {
    assert.deepEqual(summary(fixture(name)), expected);
  });
}

test('one reference range after regional values is the norm of each of them', () => {
  // (The last: the field strength in the brackets does not keep the range from its value.)
  const t1 = extractMeasurements(fixture('de-regional-values.txt')).filter((m) => m.key === 'T1');
  assert.deepEqual(t1.map((m) => [m.value, m.ref?.low, m.ref?.high]), [[1010, 950, 1050], [1105, 950, 1050], [990, null, 1050], [1150, null, 1050], [1125, null, 1030]]);
});

test('units, references, labels and spans are kept as printed', () => {
  const text = fixture('de-prose-myo.txt');
  const byKey = new Map(extractMeasurements(text).map((m) => [m.key, m]));
  const t1 = byKey.get('T1')!;
  assert.equal(t1.unit, 'ms');
  assert.deepEqual(t1.ref, { low: null, high: 1020, text: 'Normwert < 1.020 ms'.slice(9) });
  assert.equal(t1.label, 'native T1-Zeit');
  assert.match(text.slice(t1.span.start, t1.span.end), /^native T1-Zeit beträgt 1\.093 ms$/);
  const index = byKey.get('LVEDVi')!;
  assert.equal(index.unit, 'ml/m²');
  assert.equal(text.slice(index.span.start, index.span.end), 'LVEDV 156 ml, 79 ml/m²');
  const table = extractMeasurements(fixture('de-pipe-table-hcm.txt')).find((m) => m.key === 'LVEF')!;
  assert.deepEqual(table.ref, { low: 57, high: 77, text: '57–77 %' });
});

const CASES: [string, string, string[]][] = [
  ['German decimal comma', 'ECV 31,5 %', ['ECV=31.5']],
  ['German thousands point', 'native T1 1.231 ms', ['T1=1231']],
  ['English thousands comma', 'Native T1 1,231 ms.', ['T1=1231']],
  ['English decimal point', 'The LVEF was 55.5%.', ['LVEF=55.5']],
  ['n.d. is absent, not zero', 'LVEF: n.d., T2: 50 ms', ['T2=50']],
  ['dash is absent', 'LVESV: –\nLVEF: 60 %', ['LVEF=60']],
  ['absent value does not take the reference', 'T1 nativ | n.d. | < 1020 ms', []],
  ['post-contrast T1 is not T1', 'T1 nach KM 450 ms', ['T1_post=450']],
  ['blood T1 is not T1', 'Blut-T1 1.700 ms', ['T1_blood=1700']],
  ['T2 ratio is not T2', 'T2-Quotient 2,4', ['T2_ratio=2.4']],
  ['T2 star is not T2', 'T2* 28 ms', ['T2STAR=28']],
  ['sequence names are not values', 'T1-Mapping (MOLLI 5(3)3) und T2-Mapping', []],
  ['dates are not values', 'LVEF in der Voruntersuchung vom 12.03.2021', []],
  ['segment numbers are not wall thickness', 'LGE im Septum (Segment 3 und 9)', []],
  ['plausibility guards the unit', 'EF 3 T', ['FIELD=3']],
  ['index by unit', 'LV-EDV 84 ml/m²', ['LVEDVi=84']],
  ['index by word', 'EDV indexiert 84 ml/m²', ['LVEDVi=84']],
  ['ventricle after the label', 'EF (RV) 48 %', ['RVEF=48']],
  ['ventricle from the sentence', 'Der rechte Ventrikel ist mit einem EDV von 180 ml leicht vergrößert.', ['RVEDV=180']],
  ['LV/RV pairs', 'EF LV/RV: 60/52 %', ['LVEF=60', 'RVEF=52']],
  ['up to', 'wall thickness up to 19 mm', ['MWT=19']],
  ['plus-minus is not a second value', 'LVEF 55 ± 5 %', ['LVEF=55']],
  ['reference before the value', 'T2 | < 52 ms | 61 ms', ['T2=61']],
  ['cm wall thickness', 'Septumdicke 1,6 cm', ['MWT=1.6']],
  ['heart rate and field strength', 'Untersuchung bei 3 Tesla, HF 65/min', ['FIELD=3', 'HR=65']],
  ['normal is an adjective, not a cue', 'LVEF normal mit 62 %', ['LVEF=62']],
];

for (const [name, text, expected] of CASES) {
  test(`extracts: ${name}`, () => assert.deepEqual(summary(text), expected));
}

const MORE: [string, string, string[]][] = [
  ['hypertrophy with its thickness', 'Asymmetrische Hypertrophie des basalen Septums bis 19 mm.', ['MWT=19']],
  ['negated hypertrophy does not take a later number', 'Keine Hypertrophie, Perikard 3 mm.', []],
  ['misspelled ventricle heading still sets the ventricle', 'Rechter Ventrikl:\nEDV 150 ml\nEF 56 %', ['RVEDV=150', 'RVEF=56']],
  ['a ventricle line with values does not set the lines below', 'RV: EDV 150 ml, EF 56 %\nSchlagvolumen 90 ml', ['RVEDV=150', 'RVEF=56', 'LVSV=90']],
];
for (const [name, text, expected] of MORE) {
  test(`extracts: ${name}`, () => assert.deepEqual(summary(text), expected));
}

test('a narrow range with no value before it is the reader\'s estimate: its midpoint is the value', () => {
  assert.deepEqual(summary('CMR: LVEF 60-65 %, LVEDV 150 ml.'), ['LVEF=62.5', 'LVEDV=150']);
  assert.deepEqual(summary('Befund: LVEF 55–60 %, kein LGE.'), ['LVEF=57.5']);
  assert.deepEqual(summary('IVSd 12-13 mm.'), ['MWT=12.5']);
  // A norm spans a population: after a value it is the reference, and alone it is no value.
  const [ef] = extractMeasurements('LVEF 62 % (57-77 %).');
  assert.equal(ef?.value, 62);
  assert.deepEqual([ef?.ref?.low, ef?.ref?.high], [57, 77]);
  assert.deepEqual(summary('LVEF 57-77 %'), []);
  assert.deepEqual(summary('LVEF (Norm 55-60 %)'), []);
  // Mapping norms are narrow beside their size: a range there is a norm, never a value.
  assert.deepEqual(summary('Natives T1 950-1050 ms.'), []);
  // A change over time has two readings, not one estimate: the one it arrives at is the current value.
  assert.deepEqual(summary('LVEF improved from 45 to 50 %.'), ['LVEF=50']);
  assert.deepEqual(summary('CMR: the LVEF had declined from 62% to 45%.'), ['LVEF=45']);
  assert.deepEqual(summary('Befund: LVEF von 62 % auf 45 % abgefallen.'), ['LVEF=45']);
  assert.deepEqual(summary('Die LVEF stieg von 40 bis 45 % an.'), []);
  // After an estimate, a later range without a norm cue is another reading, not its norm; a cued one is.
  const [later] = extractMeasurements('LVEF 30-35 %, previously 50-55 %.');
  assert.deepEqual([later?.value, later?.ref], [32.5, null]);
  const [cued] = extractMeasurements('LVEF 55-60 % (Norm 57-77 %).');
  assert.deepEqual([cued?.value, cued?.ref?.low, cued?.ref?.high], [57.5, 57, 77]);
  // After a plain value too, an uncued range is its norm only in its unit, with plausible ends, and not an
  // earlier study's reading or a count of segments.
  assert.deepEqual(extractMeasurements('LVEF 62 % 57-77 %.')[0]?.ref?.text, '57-77 %');
  assert.equal(extractMeasurements('LVEF 32 %, previously 50-55 %.')[0]?.ref, null);
  assert.equal(extractMeasurements('LVEF 50 %, 3-5 Segmente hypokinetisch.')[0]?.ref, null);
  assert.equal(extractMeasurements('LVEF 55 % bei Vorhofflimmern (HF 90-100/min).')[0]?.ref, null);
  // In an LV/RV column table a range cell is never one estimate with the other column as its norm.
  assert.deepEqual(summary('              LV      RV\nEF (%)        50-55   55-60'), []);
});

test('measurements: a number said to start no range never starts one (the fast path of the tokenizer)', () => {
  // The token regex's range alternative, as it reads at a digit.
  const range = new RegExp(String.raw`(?:${NUMBER_SOURCE})\s?(?:${UNIT_SOURCE})?\s?(?:-|bis|to)\s?(?:${NUMBER_SOURCE})(?![\d])`, 'y');
  // Seeded strings of digits, separators, units, blanks and words, every digit position tried.
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pieces = ['1', '5', '12', '1.004', '0,5', '.', ',', '-', ' ', '  ', '\t', 'ml', 'ml/m2', 'mm hg', 'mm   hg', 'g/m^2', '%', 'ms', 't', 'bis', 'to', 'b', 'x', ';', '(', '/', 'schlage/min', 'tomographie'];
  let said = 0;
  let checked = 0;
  for (let n = 0; n < 20000; n++) {
    let text = '';
    const length = 1 + Math.floor(next() * 8);
    for (let k = 0; k < length; k++) text += pieces[Math.floor(next() * pieces.length)];
    for (let pos = 0; pos < text.length; pos++) {
      if (!/\d/.test(text[pos]!)) continue;
      checked++;
      range.lastIndex = pos;
      const matches = range.test(text);
      if (!rangeMayStart(text, pos)) {
        said++;
        assert.equal(matches, false, `${JSON.stringify(text)} at ${pos}`);
      }
    }
  }
  // The fast path must be the common case, or it saves nothing.
  assert.ok(said > checked / 3, `only ${said} of ${checked} digits read without the regex`);
});

test('measurements: the quick checks before a label only skip regexes that cannot match', () => {
  let seed = 777;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pieces = ['lv', 'rv', 'links', 'rechts', 'linksventrikulare', 'left', 'right', 'indexierte', 'indexed', '/', ' ', '  ', '\t', '-', 'x', '3', ':', '(', 'e'];
  let skipped = 0;
  for (let n = 0; n < 20000; n++) {
    let text = '';
    const length = Math.floor(next() * 6);
    for (let k = 0; k < length; k++) text += pieces[Math.floor(next() * pieces.length)];
    if (!wordEndsBeforeBlanks(text)) {
      skipped++;
      assert.equal(VENTRICLE_BEFORE.test(text) || PAIR_BEFORE.test(text), false, JSON.stringify(text));
    }
    if (!wordEndsBeforeSpace(text)) assert.equal(INDEX_BEFORE.test(text), false, JSON.stringify(text));
  }
  assert.ok(skipped > 5000, `only ${skipped} texts skipped`);
});

test('measurements: a token read as a plain word is what the token regex reads there', () => {
  const token = new RegExp(TOKEN_SOURCE, 'y');
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const rests = ['', 'als', 'ter', 'rm', 'rmwerte', 'ferenz', 'low', 'per limit', 'ere grenze', 'cht bestimmt', 't measured', 'tfallt', 'ss than', 'einer als', 'osser', '-', 'x'];
  const after = ['', ' 55', ': < 5', ' bis 3', '.', ' ms', ' (', '/a', '  12'];
  let words = 0;
  for (const a of letters) {
    for (const b of [...letters, '.', '/', ' ', '-']) {
      for (const rest of rests) {
        for (const tail of after) {
          const text = a + b + rest + tail;
          if (!plainWordAt(text, 0)) continue;
          words++;
          token.lastIndex = 0;
          const m = token.exec(text);
          assert.ok(m && m.groups?.word !== undefined && m[0] === /^[a-z][a-z-]*/.exec(text)![0], JSON.stringify(text));
        }
      }
    }
  }
  assert.ok(words > 50_000, `only ${words} words`);
});

test('measurements: a mapping range before its norm is the range of the readings (its midpoint); a lower bound after the label is the reading', () => {
  assert.deepEqual(summary('Native T1 1170-1250 ms (local reference 950-1060 ms), ECV >=60 %.'), ['T1=1210', 'ECV=60']);
  assert.deepEqual(summary('Natives T1 1.170–1.250 ms (Norm 950–1.060 ms), ECV ≥ 60 %.'), ['T1=1210', 'ECV=60']);
  // A range with no norm after it stays a norm; a bound after the value stays its norm.
  assert.deepEqual(summary('T1 950-1050 ms'), []);
  assert.deepEqual(extractMeasurements('LVEF 62 % (> 55 %)').map((m) => [m.value, m.ref?.text]), [[62, '> 55 %']]);
});

test('measurements: the T2 signal ratio named as myocardium / skeletal muscle, in both languages', () => {
  assert.deepEqual(summary('T2-weighted myocardium/skeletal muscle signal ratio 6.6.'), ['T2_ratio=6.6']);
  assert.deepEqual(summary('T2 myocardium-to-skeletal-muscle signal ratio 2.3.'), ['T2_ratio=2.3']);
  assert.deepEqual(summary('Signalverhältnis Myokard/Skelettmuskel 2,5.'), ['T2_ratio=2.5']);
});

test('valve severity: regurgitant volume, aortic valve area and peak velocity (m/s) are read with their units', () => {
  const keys = (text: string) => extractMeasurements(text).map((m) => `${m.key} ${m.value} ${m.unit}`);
  assert.deepEqual(keys('Mitral regurgitant volume 72 ml, regurgitant fraction 52 %. Peak velocity 4.3 m/s, AVA 0.8 cm².'), ['RegVol 72 ml', 'RF 52 %', 'Vmax 4.3 m/s', 'AVA 0.8 cm²']);
  assert.deepEqual(keys('Regurgitationsvolumen 58 ml, Vmax 4,1 m/s, Öffnungsfläche 0,7 cm².'), ['RegVol 58 ml', 'Vmax 4.1 m/s', 'AVA 0.7 cm²']);
  // A value without its unit is no valve number.
  assert.deepEqual(keys('Vmax 4.1, AVA 0.8.'), []);
});
