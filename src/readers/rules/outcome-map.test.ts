import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../errors.js';
import { DEFAULT_TAXONOMY, UNCLASSIFIED, type Category, type Taxonomy } from '../../taxonomy/taxonomy.js';
import { buildOutcomeMap } from './outcome-map.js';
import { ENGINE_OUTCOMES } from './outcomes.js';
import { createRulesReader } from './rules-reader.js';

const category = (id: string, rules?: string[]): Category => ({ id, name: id, definition: id, aliases: [], ...(rules ? { rules } : {}) });
const taxonomy = (categories: Category[]): Taxonomy => ({ name: 'test', version: '1', categories, source: 'tax.yaml' });

// Reports the engine reads as one OTHER diagnosis each.
const TAKOTSUBO = 'Befund: Apikale Ballonierung mit Akinesie, apikales Ödem, kein LGE. LVEF 40 %.';
const HYPERTENSIVE = 'Anamnese: Langjährige arterielle Hypertonie.\nBefund: Konzentrische linksventrikuläre Hypertrophie, Wanddicke 13 mm. Kein LGE. LVEF 65 %.\nBeurteilung: Hypertensive Herzerkrankung.';
const LVNC = 'Befund: Ausgeprägte Trabekularisierung der Seitenwand, NC/C-Ratio 2,8. LVEF 45 %.\nBeurteilung: Linksventrikuläre Non-Compaction-Kardiomyopathie.';
const MYOCARDITIS = 'Befund: Myokardödem basal inferolateral. Subepikardiales LGE inferolateral. T2 61 ms (Norm < 52 ms).\nBeurteilung: Akute Myokarditis.';
const NORMAL = 'Kardio-MRT: normale biventrikuläre Funktion, kein LGE, kein Ödem.\nBeurteilung: Normalbefund.';

const classify = (tax: Taxonomy, text: string) => createRulesReader(tax).classify({ id: 'r', text });

test('the default taxonomy: every engine outcome answers as its own category, OTHER subtypes as OTHER', () => {
  const map = buildOutcomeMap(DEFAULT_TAXONOMY);
  assert.deepEqual(map.resolve('MYO'), { category: 'MYO' });
  assert.deepEqual(map.resolve('NORMAL'), { category: 'NORMAL' });
  assert.deepEqual(map.resolve('OTHER', 'takotsubo'), { category: 'OTHER' });
  assert.deepEqual(map.resolve('OTHER', 'hypertensive'), { category: 'OTHER' });
});

test('OTHER answers carry the engine’s subtype in details', async () => {
  for (const [text, subtype] of [[TAKOTSUBO, 'takotsubo'], [HYPERTENSIVE, 'hypertensive'], [LVNC, 'lvnc']] as const) {
    const p = await classify(DEFAULT_TAXONOMY, text);
    assert.equal(p.category, 'OTHER');
    assert.deepEqual(p.details, { outcome: `OTHER.${subtype}`, subtype });
  }
  assert.deepEqual((await classify(DEFAULT_TAXONOMY, MYOCARDITIS)).details, { outcome: 'MYO' });
});

test('a category with rules: takes those outcomes; the rest of OTHER folds into OTHER', async () => {
  const tax = taxonomy([...DEFAULT_TAXONOMY.categories, category('HHD', ['OTHER.hypertensive']), category('TTS', ['OTHER.takotsubo'])]);
  assert.equal((await classify(tax, HYPERTENSIVE)).category, 'HHD');
  assert.equal((await classify(tax, TAKOTSUBO)).category, 'TTS');
  assert.equal((await classify(tax, LVNC)).category, 'OTHER');
  assert.equal((await classify(tax, MYOCARDITIS)).category, 'MYO');
});

test('engine categories a taxonomy does not list fold into its OTHER; a normal study never does', async () => {
  const tax = taxonomy([category('HCM'), category('NORMAL'), category('OTHER')]);
  assert.equal((await classify(tax, MYOCARDITIS)).category, 'OTHER');
  const noNormal = taxonomy([category('MYO'), category('OTHER')]);
  const p = await classify(noNormal, NORMAL);
  assert.equal(p.category, UNCLASSIFIED);
  assert.equal(p.unclassified?.reason, 'outside_taxonomy');
  assert.match(p.unclassified!.message, /NORMAL/);
});

test('without a category for OTHER, an outcome the taxonomy does not list is UNCLASSIFIED with its reason', async () => {
  const tax = taxonomy([category('MYO'), category('NORMAL')]);
  const p = await classify(tax, TAKOTSUBO);
  assert.equal(p.category, UNCLASSIFIED);
  assert.deepEqual(p.unclassified, { reason: 'outside_taxonomy', message: 'the guideline engine read OTHER.takotsubo, which the taxonomy test has no category for (and no category stands for OTHER to take it)' });
  assert.equal((await classify(tax, MYOCARDITIS)).category, 'MYO');
});

test('a category may stand for several outcomes, and a named category may narrow what it stands for', async () => {
  const tax = taxonomy([category('INFLAMMATION', ['MYO', 'CS']), category('NORMAL'), category('OTHER', ['OTHER.lvnc'])]);
  assert.equal((await classify(tax, MYOCARDITIS)).category, 'INFLAMMATION');
  assert.equal((await classify(tax, LVNC)).category, 'OTHER');
  // OTHER here stands for LVNC only, so it takes nothing else.
  assert.equal((await classify(tax, TAKOTSUBO)).unclassified?.reason, 'outside_taxonomy');
});

const REFUSED: [string, Taxonomy, RegExp][] = [
  ['a category the engine has no criteria for', taxonomy([category('HCM'), category('HHD')]), /^--taxonomy tax\.yaml: the guideline engine has no criteria for category "HHD"\. Map it to what the engine knows with a "rules:" list under the category \(e\.g\. rules: \[OTHER\.hypertensive\]; engine outcomes: HCM, CA, .*OTHER\.takotsubo.*\), or remove it$/],
  ['several such categories, all named', taxonomy([category('A'), category('NORMAL'), category('B')]), /no criteria for categories "A", "B"/],
  ['an outcome claimed twice', taxonomy([category('MYO'), category('INFLAMMATION', ['MYO', 'CS'])]), /outcome MYO is claimed by both "MYO" and "INFLAMMATION"\. List MYO under one category only/],
];
for (const [name, tax, message] of REFUSED) {
  test(`refused: ${name}`, () => {
    assert.throws(() => createRulesReader(tax), (error: unknown) => error instanceof ConfigError && message.test(error.message) && !error.message.includes('\n'));
  });
}

test('the hint lists every engine outcome', () => {
  assert.throws(() => buildOutcomeMap(taxonomy([category('X')])), (error: Error) => ENGINE_OUTCOMES.every((o) => error.message.includes(o)));
});
