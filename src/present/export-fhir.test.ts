import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bufferIo } from '../cli/io.js';
import { runCli } from '../cli/program.js';
import { DEFAULT_TAXONOMY } from '../taxonomy/taxonomy.js';
import { GEMMA, QUOTE, QWEN, writeRunFolder } from '../../test/helpers/export-fixture.js';
import { fhirValidator, fhirVersion, officialR4Schema } from '../../test/helpers/fhir-schema.js';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { bundleFileName, fhirBundles, ICD10GM, SNOMED } from './export-fhir.js';
import { readRun } from './read-run.js';

const dir = tempDir();
type Resource = Record<string, unknown> & { resourceType: string; id: string };
type Bundle = { resourceType: 'Bundle'; type: string; entry: { fullUrl: string; resource: Resource }[] };

const entries = (b: Bundle, type: string) => b.entry.map((e) => e.resource).filter((r) => r.resourceType === type);
const only = (b: Bundle, type: string) => {
  const found = entries(b, type);
  assert.equal(found.length, 1, `one ${type}`);
  return found[0] as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

/** Every bundle, and every resource in it on its own, against the official FHIR R4 JSON schema. */
function assertValid(bundles: Bundle[]): void {
  const bundle = fhirValidator('Bundle');
  for (const b of bundles) {
    assert.ok(bundle(b), `${JSON.stringify(bundle.errors?.slice(0, 3))}`);
    for (const { resource } of b.entry) {
      const validate = fhirValidator(resource.resourceType);
      assert.ok(validate(resource), `${resource.resourceType}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    }
  }
}

test('the schema is the official FHIR R4 4.0.1 one and the validator rejects what it should', () => {
  assert.equal(fhirVersion(), '4.0.1');
  assert.equal(Object.keys(officialR4Schema().definitions).length, 680, 'the official file has 680 definitions');
  const validate = fhirValidator('Condition');
  assert.ok(validate({ resourceType: 'Condition', subject: { reference: 'Patient/1' } }));
  assert.ok(!validate({ resourceType: 'Condition', verificationStatus: 'provisional' }), 'a code where a CodeableConcept belongs');
  assert.ok(!validate({ resourceType: 'Condition', conclusionCode: [] }), 'a DiagnosticReport field on a Condition');
  assert.ok(!fhirValidator('Reference')({ resource: {} }), 'Medplum\'s Reference.resource is not FHIR');
});

test('FHIR: a real classify run exports one valid Bundle per report, naming reader, run and no report text', async () => {
  const run = join(dir, 'real');
  const input = join(dir, 'reports.jsonl');
  writeFileSync(input, readFileSync('examples/demo/reports.jsonl', 'utf8').split('\n').slice(0, 12).join('\n') + '\n');
  const io = bufferIo();
  assert.equal(await runCli(['classify', input, '-m', 'rules', '-o', run, '-q'], io), 0, io.stderr());
  const exported = bufferIo();
  assert.equal(await runCli(['export', run, '-f', 'fhir'], exported), 0, exported.stderr());
  assert.match(exported.stdout(), /^12 FHIR R4 bundle\(s\) of the rules in .*fhir\n$/);
  const files = readdirSync(join(run, 'fhir')).sort();
  assert.equal(files.length, 12);
  const bundles = files.map((f) => JSON.parse(readFileSync(join(run, 'fhir', f), 'utf8')) as Bundle);
  assertValid(bundles);
  const runId = readRun(run, DEFAULT_TAXONOMY).runId!;
  const texts = readFileSync(input, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
  for (const b of bundles) {
    assert.equal(b.type, 'collection');
    const provenance = only(b, 'Provenance');
    assert.equal(provenance.agent[0].who.display, 'rules');
    assert.equal(provenance.entity[0].what.identifier.value, runId);
    const json = JSON.stringify(b);
    for (const text of texts) for (const sentence of text.split('\n').filter((s) => s.length > 30)) assert.ok(!json.includes(sentence), 'no report text in FHIR');
  }
  const again = bufferIo();
  assert.equal(await runCli(['export', run, '--format', 'fhir', '--out', join(dir, 'again')], again), 0);
  const ids = (d: string) => readdirSync(d).sort().map((f) => (JSON.parse(readFileSync(join(d, f), 'utf8')) as Bundle).entry.map((e) => e.fullUrl).join());
  assert.deepEqual(ids(join(dir, 'again')), ids(join(run, 'fhir')), 'the same run exports the same resource ids');

  const other = bufferIo();
  assert.equal(await runCli(['export', run, '-f', 'fhir', '--taxonomy', 'examples/taxonomy.yaml'], other), 2);
  assert.match(other.stderr(), /was classified with the taxonomy cmrdx-default v1, not cmrdx-example v1\. Pass the taxonomy file the run was classified with, --taxonomy/);
});

test('FHIR from the consensus: coded conditions, provisional until adjudicated, nothing coded that no reader decided', () => {
  const run = writeRunFolder(join(dir, 'consensus'));
  const { source, bundles: made } = fhirBundles(readRun(run, DEFAULT_TAXONOMY), DEFAULT_TAXONOMY, { version: '0.1.0', idSystem: 'urn:oid:1.2.276.0.76.4.8' });
  const bundles = made.map((b) => b.bundle as Bundle);
  assertValid(bundles);
  assert.equal(source, `consensus of rules, ${QWEN}, ${GEMMA}`);
  const of = (id: string) => bundles[made.findIndex((b) => b.id === id)]!;

  const dcm = of('r1');
  const report = only(dcm, 'DiagnosticReport');
  assert.deepEqual(report.identifier, [{ system: 'urn:oid:1.2.276.0.76.4.8', value: 'r1' }]);
  assert.equal(report.status, 'preliminary');
  assert.deepEqual(report.conclusionCode[0].coding.map((c: { system: string; code: string }) => [c.system, c.code]), [[SNOMED, '399020009'], [ICD10GM, 'I42.0']]);
  const condition = only(dcm, 'Condition');
  assert.equal(condition.verificationStatus.coding[0].code, 'provisional');
  assert.deepEqual(condition.code, report.conclusionCode[0]);
  assert.equal(condition.evidence[0].detail[0].reference, dcm.entry[0]!.fullUrl);
  assert.equal(condition.subject.extension[0].valueCode, 'unknown', 'the patient is for the clinic to fill in');
  const provenance = only(dcm, 'Provenance');
  assert.deepEqual(provenance.agent.map((a: { who: { display: string } }) => a.who.display), ['rules', `${QWEN} (prompt classify.v1)`, `${GEMMA} (prompt classify.v1)`]);
  assert.equal(provenance.target.length, 2);
  assert.equal(entries(dcm, 'Device').length, 3);
  assert.ok(!JSON.stringify(dcm).includes(QUOTE), 'evidence quotes stay out of FHIR');

  const adjudicated = of('r4');
  assert.equal(only(adjudicated, 'DiagnosticReport').status, 'final');
  assert.equal(only(adjudicated, 'Condition').verificationStatus.coding[0].code, 'confirmed');
  assert.deepEqual(only(adjudicated, 'Condition').code.coding.map((c: { code: string }) => c.code), ['233873004']);
  const verifier = only(adjudicated, 'Provenance').agent.at(-1);
  assert.deepEqual([verifier.type.coding[0].code, verifier.who.display], ['verifier', 'Dr. Weber']);

  const disagreed = only(of('r3'), 'DiagnosticReport');
  assert.equal(disagreed.conclusionCode, undefined);
  assert.match(disagreed.conclusion, /^No category: the readers did not agree \(rules: MYO, .*: CA, .*: HCM\)/);
  assert.equal(entries(of('r3'), 'Condition').length, 0);

  const normal = of('r2');
  assert.deepEqual(only(normal, 'DiagnosticReport').conclusionCode, [{ text: 'Normal' }], 'a category without codes: its name only');
  assert.equal(entries(normal, 'Condition').length, 0, 'NORMAL is no condition');
  const icm = of('../escape');
  assert.deepEqual(only(icm, 'Condition').code.coding.map((c: { system: string }) => c.system), [ICD10GM], 'ICM has a verified ICD-10-GM code only');
});

test('FHIR from one reader: UNCLASSIFIED and failed readings get a DiagnosticReport saying why, and no Condition', () => {
  const run = writeRunFolder(join(dir, 'one'), false);
  const { bundles: made } = fhirBundles(readRun(run, DEFAULT_TAXONOMY), DEFAULT_TAXONOMY, { version: '0.1.0', model: GEMMA });
  assertValid(made.map((b) => b.bundle as Bundle));
  const failed = made.find((b) => b.id === 'r5')!.bundle as Bundle;
  assert.match(only(failed, 'DiagnosticReport').conclusion, /^No category: the reading failed \(backend\.timeout\)\. Source: machine reading by openai:gemma-2-27b\.$/);
  assert.equal(entries(failed, 'Condition').length, 0);
  const unclassified = fhirBundles(readRun(run, DEFAULT_TAXONOMY), DEFAULT_TAXONOMY, { version: '0.1.0', model: QWEN }).bundles.find((b) => b.id === 'r5')!.bundle as Bundle;
  assert.match(only(unclassified, 'DiagnosticReport').conclusion, /^No category: no findings to judge\./);
  assert.equal(only(unclassified, 'DiagnosticReport').conclusionCode, undefined);
  assert.equal(entries(unclassified, 'Condition').length, 0);
});

test('CLI: several readers and no consensus need --model; bundles get safe, unique file names inside --out', async () => {
  const run = writeRunFolder(join(dir, 'cli'), false);
  const io = bufferIo();
  assert.equal(await runCli(['export', run, '-f', 'fhir'], io), 2);
  assert.match(io.stderr(), /has 3 readers \(rules, ollama:qwen2\.5:32b, openai:gemma-2-27b\) and no consensus\. Choose one with --model <name>/);
  const unknown = bufferIo();
  assert.equal(await runCli(['export', run, '-f', 'fhir', '-m', 'ollama:llama3'], unknown), 2);
  assert.match(unknown.stderr(), /--model ollama:llama3: no predictions of this reader/);
  const badSystem = bufferIo();
  assert.equal(await runCli(['export', run, '-f', 'fhir', '-m', 'rules', '--id-system', 'Befund Nummer'], badSystem), 2);
  assert.match(badSystem.stderr(), /--id-system Befund Nummer: not a URI/);
  const badFormat = bufferIo();
  assert.equal(await runCli(['export', run, '-f', 'hl7v2'], badFormat), 2);
  assert.match(badFormat.stderr(), /Allowed choices are xlsx, fhir/);

  const out = join(dir, 'bundles');
  const ok = bufferIo();
  assert.equal(await runCli(['export', run, '-f', 'fhir', '-m', 'rules', '-o', out], ok), 0, ok.stderr());
  const files = readdirSync(out);
  assert.equal(files.length, 10, 'one file per report, none overwritten (a and A differ only in case)');
  assert.equal(new Set(files.map((f) => f.toLowerCase())).size, 10);
  assert.ok(!files.some((f) => f.includes('/') || f.startsWith('.')), files.join());
  assert.deepEqual(readdirSync(dir).filter((f) => f === 'escape.json'), [], 'no file outside --out');
});

test('CLI: a consensus made from other predictions is not exported', async () => {
  const run = writeRunFolder(join(dir, 'stale'));
  const file = join(run, 'predictions.jsonl');
  writeFileSync(file, readFileSync(file, 'utf8').replace('"id":"r3","model":"rules","category":"MYO"', '"id":"r3","model":"rules","category":"CA"'));
  const io = bufferIo();
  assert.equal(await runCli(['export', run, '-f', 'fhir'], io), 2);
  assert.match(io.stderr(), /consensus\.jsonl does not belong to the run as it is now: the predictions of .* changed since it was made\. Run cmrdx consensus again, or export one reader with --model <name>/);
  assert.equal(await runCli(['export', run, '-f', 'fhir', '-m', 'rules'], bufferIo()), 0, 'one reader still exports');
});

// File names for report ids: safe on Linux, macOS and Windows, and distinct for distinct ids.
const NAMES: [string, RegExp][] = [
  ['cmr-001', /^cmr-001\.json$/],
  ['../../etc/passwd', /^__\.\._etc_passwd-[0-9a-f]{10}\.json$/],
  ['CON', /^CON-[0-9a-f]{10}\.json$/],
  ['lpt1.txt', /^lpt1\.txt-[0-9a-f]{10}\.json$/],
  ['Fall 4711/2024', /^Fall_4711_2024-[0-9a-f]{10}\.json$/],
  ['.hidden', /^_hidden-[0-9a-f]{10}\.json$/],
];

for (const [id, name] of NAMES) {
  test(`bundle file name for ${JSON.stringify(id)}`, () => {
    const file = bundleFileName(id);
    assert.match(file, name);
    assert.equal(resolve('/out', file).startsWith('/out/'), true);
  });
}
