import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { loadTaxonomy } from './load-taxonomy.js';
import { isSnomedConceptId } from './snomed-id.js';
import { DEFAULT_TAXONOMY } from './taxonomy.js';

const dir = tempDir();

test('the default taxonomy: every code is well-formed and names the source it was checked against', () => {
  const coded = DEFAULT_TAXONOMY.categories.filter((c) => c.codes);
  assert.deepEqual(coded.map((c) => c.id), ['HCM', 'MYO', 'ICM', 'DCM']);
  for (const c of coded) {
    for (const code of Object.values(c.codes!)) assert.ok(code.source.length > 10 && code.display.length > 0, c.id);
    if (c.codes!.snomed) assert.ok(isSnomedConceptId(c.codes!.snomed.code), c.id);
  }
});

// SNOMED CT concept ids: digits, a concept partition and a Verhoeff check digit.
const IDS: [string, boolean][] = [
  ['233873004', true],
  ['50920009', true],
  ['399020009', true],
  ['233873005', false], // last digit mistyped
  ['238373004', false], // two digits swapped
  ['233873014', false], // partition 01 is a description id, not a concept
  ['12345', false],
  ['23387300x', false],
];
for (const [id, valid] of IDS) test(`SNOMED CT concept id ${id}: ${valid ? 'valid' : 'refused'}`, () => assert.equal(isSnomedConceptId(id), valid));

function taxonomyWith(codes: string): string {
  const path = join(dir, `t${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, `name: t\nversion: 1\ncategories:\n  - id: DCM\n    name: Dilated\n    definition: d\n    codes:\n${codes}\n  - id: NORMAL\n    name: Normal\n    definition: n\n`);
  return path;
}

test('a taxonomy file carries codes with their source; the code goes to the export as written', () => {
  const path = taxonomyWith('      snomed: {code: "399020009", display: Congestive cardiomyopathy, source: DICOM PS3.16 CID 3700}\n      icd10gm: {code: I42.0, display: Dilatative Kardiomyopathie, source: BfArM ICD-10-GM 2025, version: 2025}');
  assert.deepEqual(loadTaxonomy(path).categories[0]!.codes, {
    snomed: { code: '399020009', display: 'Congestive cardiomyopathy', source: 'DICOM PS3.16 CID 3700' },
    icd10gm: { code: 'I42.0', display: 'Dilatative Kardiomyopathie', source: 'BfArM ICD-10-GM 2025', version: '2025' },
  });
});

const BAD_CODES: [string, string, RegExp][] = [
  ['a code without its source', '      snomed: {code: "399020009", display: DCM}', /categories\.0\.codes\.snomed\.source/],
  ['a mistyped SNOMED id', '      snomed: {code: "399020008", display: DCM, source: x}', /codes\.snomed\.code: not a SNOMED CT concept id/],
  ['an ICD code with a dagger', '      icd10gm: {code: "D86.8†", display: S, source: x}', /codes\.icd10gm\.code: an ICD-10-GM code looks like I42\.0/],
  ['the old unchecked string form', '      icd10: I42.0', /codes: Unrecognized key/],
];
for (const [name, codes, message] of BAD_CODES) {
  test(`taxonomy codes refused: ${name}`, () => {
    assert.throws(() => loadTaxonomy(taxonomyWith(codes)), (error: unknown) => error instanceof ConfigError && message.test(error.message));
  });
}
