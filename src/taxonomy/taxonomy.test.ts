import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { checkLabelsUnique, loadTaxonomy } from './load-taxonomy.js';
import { DEFAULT_TAXONOMY, resolveLabel } from './taxonomy.js';

// German and English names of OTHER's diagnoses, as label files and models write them: all mean OTHER.
const OTHER_NAMES: [string, string[]][] = [
  ['Takotsubo', ['Takotsubo', 'Tako-Tsubo', 'Takotsubo-Kardiomyopathie', 'takotsubo cardiomyopathy', 'Stress-Kardiomyopathie', 'Stresskardiomyopathie', 'stress cardiomyopathy', 'broken heart', 'Broken-Heart-Syndrom', 'TTS']],
  ['LV non-compaction', ['LVNC', 'Non-Compaction', 'noncompaction', 'linksventrikuläre Noncompaction', 'Linksventrikuläre Non-Compaction', 'left ventricular non-compaction', 'Non-Compaction-Kardiomyopathie']],
  ['ARVC', ['ARVC', 'ARVD', 'ARVC/D', 'arrhythmogene rechtsventrikuläre Kardiomyopathie', 'Arrhythmogenic right ventricular cardiomyopathy', 'arrhythmogenic cardiomyopathy']],
  ['Fabry', ['Fabry', 'Morbus Fabry', 'M. Fabry', 'Fabry disease', 'Anderson-Fabry disease']],
  ['pericarditis and constriction', ['Perikarditis', 'pericarditis', 'constrictive pericarditis', 'Pericarditis constrictiva', 'konstriktive Perikarditis']],
  ['iron overload', ['Siderose', 'iron overload', 'Hämochromatose', 'Haemochromatosis', 'Eisenüberladung']],
  ['hypertensive heart disease', ['hypertensive Herzkrankheit', 'hypertensive Herzerkrankung', 'hypertensive heart disease', 'Hypertonieherz']],
  ["athlete's heart", ["athlete's heart", 'Athletes heart', 'Sportlerherz']],
  ['masses', ['Herztumor', 'cardiac mass', 'Cardiac tumour', 'myxoma', 'Vorhofmyxom', 'kardiale Raumforderung']],
  ['valve disease', ['Klappenvitium', 'valvular heart disease', 'Aortenstenose', 'aortic stenosis', 'Mitralinsuffizienz', 'mitral regurgitation']],
  ['congenital heart disease', ['congenital heart disease', 'angeborener Herzfehler', 'Fallot-Tetralogie', 'tetralogy of Fallot', 'Ebstein-Anomalie']],
  ['restrictive and other cardiomyopathies', ['restriktive Kardiomyopathie', 'restrictive cardiomyopathy', 'Tachykardiomyopathie', 'Chagas', 'Kardiotoxizität']],
];
for (const [family, names] of OTHER_NAMES) {
  test(`labels: ${family} means OTHER`, () => {
    for (const name of names) assert.equal(resolveLabel(DEFAULT_TAXONOMY, name), 'OTHER', name);
  });
}

test('labels: the study categories keep their names, and no alias of OTHER shadows one', () => {
  const study: [string, string][] = [['Myokarditis', 'MYO'], ['HOCM', 'HCM'], ['Amyloidose', 'CA'], ['dilatative Kardiomyopathie', 'DCM'], ['Normalbefund', 'NORMAL'], ['KHK', 'ICM'], ['Sarkoidose', 'CS']];
  for (const [label, id] of study) {
    assert.equal(resolveLabel(DEFAULT_TAXONOMY, label), id, label);
  }
  assert.doesNotThrow(() => checkLabelsUnique(DEFAULT_TAXONOMY.categories, 'default'), 'every label of the default taxonomy names one category');
  assert.equal(resolveLabel(DEFAULT_TAXONOMY, 'Lungenembolie'), undefined);
});

// Label files are written by hand: hyphens and blanks, "ae" for "ä", alternatives of one category, and the aliases a
// word of course makes where it leaves the category as it is.
const SPELLINGS: [string, string][] = [
  ['Tako-Tsubo-Syndrom', 'OTHER'], ['Tako-tsubo cardiomyopathy', 'OTHER'], ['LV noncompaction', 'OTHER'], ['left ventricular non-compaction cardiomyopathy', 'OTHER'],
  ['linksventrikulaere Noncompaction', 'OTHER'], ['Haemochromatose', 'OTHER'], ['Ischaemische Kardiomyopathie', 'ICM'], ['Loeffler-Endokarditis', 'OTHER'],
  ["Fabry's disease", 'OTHER'], ['Morbus Anderson-Fabry', 'OTHER'], ['Fabry-Erkrankung', 'OTHER'], ['Perikarditis, konstriktiv', 'OTHER'],
  ['akute Myokarditis', 'MYO'], ['Acute myocarditis', 'MYO'], ['chronische Perikarditis', 'OTHER'], ['chronic pericarditis', 'OTHER'], ['Akute Perimyokarditis', 'MYO'],
  ['ARVC/ARVD', 'OTHER'], ['ARVD/C', 'OTHER'], ['Myokarditis / Perimyokarditis', 'MYO'],
];
test('labels: spellings of one label name its category', () => {
  for (const [label, id] of SPELLINGS) assert.equal(resolveLabel(DEFAULT_TAXONOMY, label), id, label);
});

test('labels: what is no single category stays unknown (alternatives of two categories, a word of course alone)', () => {
  for (const label of ['HCM/DCM', 'Myokarditis/KHK', 'akute', 'chronic', '/', 'V.a. Myokarditis']) assert.equal(resolveLabel(DEFAULT_TAXONOMY, label), undefined, label);
});

test('labels: a word of course is not stripped, so a taxonomy may tell chronic myocarditis from myocarditis', () => {
  const taxonomy = loadTaxonomy(tax('  - {id: MYO, name: Myocarditis, definition: m}\n  - {id: ICMP, name: Inflammatory cardiomyopathy, definition: i, aliases: [DCMi]}\n'));
  assert.equal(resolveLabel(taxonomy, 'chronic myocarditis'), undefined, 'a model answer "chronic myocarditis" is no MYO here');
  assert.equal(resolveLabel(DEFAULT_TAXONOMY, 'chronic myocarditis'), undefined);
  assert.equal(resolveLabel(DEFAULT_TAXONOMY, 'akute Myokarditis'), 'MYO', 'where it means the same category it is an alias');
});

const dir = tempDir();
let n = 0;
function file(content: string): string {
  const folder = join(dir, String(n++));
  mkdirSync(folder);
  const path = join(folder, 'tax.yaml');
  writeFileSync(path, content);
  return path;
}
const tax = (categories: string) => file(`name: t\nversion: 1\ncategories:\n${categories}`);

const REFUSED: [string, string, RegExp][] = [
  ['reserved id UNCLASSIFIED', '  - {id: UNCLASSIFIED, name: U, definition: u}\n  - {id: NORMAL, name: N, definition: n}\n', /tax\.yaml: category "UNCLASSIFIED" uses the reserved label "UNCLASSIFIED"\. UNCLASSIFIED and FAILED are outcomes/],
  ['reserved id FAILED, in any case', '  - {id: failed, name: F, definition: f}\n  - {id: NORMAL, name: N, definition: n}\n', /tax\.yaml: category "failed" uses the reserved label "failed"/],
  ['a reserved alias', '  - {id: MYO, name: M, definition: m, aliases: [Unclassified]}\n  - {id: NORMAL, name: N, definition: n}\n', /category "MYO" uses the reserved label "Unclassified"/],
  ['a reserved alias in another spelling', '  - {id: NA, name: N/A, definition: n, aliases: [un-classified]}\n  - {id: NORMAL, name: N, definition: n}\n', /category "NA" uses the reserved label "un-classified"/],
  ['an unknown engine outcome', '  - {id: HHD, name: H, definition: h, rules: [OTHER.hypertension]}\n  - {id: NORMAL, name: N, definition: n}\n', /tax\.yaml: category "HHD": rules: "OTHER\.hypertension" is no outcome of the guideline engine\. Use some of: HCM, .*OTHER\.hypertensive/],
  ['a misspelt key of a category (rule:)', '  - {id: HHD, name: H, definition: h, rule: [OTHER.hypertensive]}\n  - {id: NORMAL, name: N, definition: n}\n', /tax\.yaml: categories\.0: Unrecognized key.*"rule"/],
  ['a misspelt key of a category (alias:)', '  - {id: MYO, name: M, definition: m, alias: [Myokarditis]}\n  - {id: NORMAL, name: N, definition: n}\n', /tax\.yaml: categories\.0: Unrecognized key.*"alias"/],
  ['one label on two categories', '  - {id: MYO, name: M, definition: m, aliases: [Entzündung]}\n  - {id: CS, name: S, definition: s, aliases: [entzuendung]}\n', /tax\.yaml: category "CS": the label "entzuendung" also names category "MYO"/],
  ["an alias that is another category's id", '  - {id: MYO, name: M, definition: m}\n  - {id: NORMAL, name: N, definition: n, aliases: [myo]}\n', /category "NORMAL": the label "myo" also names category "MYO"/],
  ['an empty rules list', '  - {id: HHD, name: H, definition: h, rules: []}\n  - {id: NORMAL, name: N, definition: n}\n', /tax\.yaml: categories\.0\.rules: list at least one engine outcome/],
];
for (const [name, categories, message] of REFUSED) {
  test(`taxonomy file refused: ${name}`, () => {
    const path = tax(categories);
    assert.throws(() => loadTaxonomy(path), (e: unknown) => e instanceof ConfigError && message.test(e.message) && e.message.includes(path));
  });
}

test('engine outcomes in a taxonomy file are read in any case and kept in their canonical spelling', () => {
  const loaded = loadTaxonomy(tax('  - {id: TTS, name: T, definition: t, rules: [other.Takotsubo, " MYO "]}\n  - {id: NORMAL, name: N, definition: n}\n'));
  assert.deepEqual(loaded.categories[0]!.rules, ['OTHER.takotsubo', 'MYO']);
  assert.match(loaded.source ?? '', /tax\.yaml$/);
  assert.deepEqual(loadTaxonomy(tax('  - {id: X, name: X, definition: x, rules: OTHER}\n  - {id: NORMAL, name: N, definition: n}\n')).categories[0]!.rules, ['OTHER'], 'one outcome may be written without brackets');
});

test('examples/taxonomy.yaml loads and maps hypertensive heart disease to its own category', () => {
  const loaded = loadTaxonomy(fileURLToPath(new URL('../../examples/taxonomy.yaml', import.meta.url)));
  assert.deepEqual(loaded.categories.map((c) => c.id), ['HCM', 'HHD', 'CA', 'CS', 'MYO', 'ICM', 'DCM', 'NORMAL', 'OTHER']);
  assert.deepEqual(loaded.categories.find((c) => c.id === 'HHD')!.rules, ['OTHER.hypertensive']);
});

test('examples/taxonomy.yaml accepts every label the default taxonomy accepts, as its comment says (hypertensive names: HHD)', () => {
  const loaded = loadTaxonomy(fileURLToPath(new URL('../../examples/taxonomy.yaml', import.meta.url)));
  const hypertensive = ['hypertensive Herzkrankheit', 'hypertensive Herzerkrankung', 'hypertensive Kardiomyopathie', 'Hypertonieherz', 'hypertensive heart disease', 'hypertensive cardiomyopathy', 'HHD'];
  for (const c of DEFAULT_TAXONOMY.categories) {
    for (const label of [c.id, c.name, ...c.aliases]) {
      assert.equal(resolveLabel(loaded, label), hypertensive.includes(label) ? 'HHD' : c.id, label);
    }
  }
});
