// The guideline engine through the CLI: UNCLASSIFIED stored, explained and counted as wrong; the taxonomy of
// --taxonomy honoured (examples/taxonomy.yaml on the demo cohort, refusal of categories without criteria).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { tempDir } from './helpers/temp-dir.js';
import { HumanAnswerStore } from '../src/run/human-answers.js';
import { taxonomyIdentity } from '../src/run/run-taxonomy.js';
import { loadTaxonomy } from '../src/taxonomy/load-taxonomy.js';

const dir = tempDir();
const DEMO = fileURLToPath(new URL('../examples/demo/reports.jsonl', import.meta.url));
const EXAMPLE_TAXONOMY = fileURLToPath(new URL('../examples/taxonomy.yaml', import.meta.url));

const mixed = [
  { id: 'ct', label: 'NORMAL', text: 'CT Thorax mit Kontrastmittel\nBefund: Keine Lungenarterienembolie. Herz normal groß. Mediastinale Lymphknoten bis 14 mm.' },
  { id: 'aborted', label: 'MYO', text: 'Kardio-MRT\nBefund: Die Untersuchung wurde wegen Klaustrophobie nach den Localizern abgebrochen.' },
  { id: 'normal', label: 'NORMAL', text: 'Kardio-MRT: normale biventrikuläre Funktion, kein LGE, kein Ödem.\nBeurteilung: Normalbefund.' },
  { id: 'myo', label: 'MYO', text: 'Kardio-MRT\nBefund: Myokardödem basal inferolateral, subepikardiales LGE inferolateral.\nBeurteilung: Akute Myokarditis.' },
];
const input = join(dir, 'mixed.jsonl');
writeFileSync(input, mixed.map((r) => JSON.stringify(r)).join('\n'));
const unlabelled = join(dir, 'unlabelled.jsonl');
writeFileSync(unlabelled, mixed.map(({ id, text }) => JSON.stringify({ id, text })).join('\n'));

const run = async (args: string[]) => {
  const io = bufferIo();
  const code = await runCli(args, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
};
const predictions = (out: string) => readFileSync(join(out, 'predictions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

test('UNCLASSIFIED is stored with its reason, resumes as done, is explained and counted as wrong by evaluate', async () => {
  const out = join(dir, 'mixed');
  const classified = await run(['classify', input, '--out', out, '--quiet']);
  assert.equal(classified.code, 0, classified.stderr);
  const lines = new Map(predictions(out).map((p) => [p.id, p]));
  assert.deepEqual([...lines.values()].map((p) => p.category), ['UNCLASSIFIED', 'UNCLASSIFIED', 'NORMAL', 'MYO']);
  assert.equal(lines.get('ct').unclassified.reason, 'not_cmr');
  assert.equal(lines.get('aborted').unclassified.reason, 'non_diagnostic');
  assert.equal(lines.get('ct').error, null, 'an abstention is an answer, not a failure');
  assert.equal(lines.get('normal').unclassified, undefined);
  const db = new Database(join(out, 'run.sqlite'), { readonly: true });
  try {
    const stored = db.prepare("SELECT report_id, category, error FROM predictions WHERE category = 'UNCLASSIFIED' ORDER BY report_id").all();
    assert.deepEqual(stored, [{ report_id: 'aborted', category: 'UNCLASSIFIED', error: null }, { report_id: 'ct', category: 'UNCLASSIFIED', error: null }]);
  } finally {
    db.close();
  }
  // A rerun finds all four stored and asks nothing again.
  const again = await run(['classify', input, '--out', out]);
  assert.equal(again.code, 0);
  assert.match(again.stderr, /0 classified now, 4 already stored/);

  const shown = await run(['explain', input, '--id', 'ct']);
  assert.equal(shown.code, 0, shown.stderr);
  assert.match(shown.stdout, /^Report ct: rules gave no category \(UNCLASSIFIED, not_cmr\): not a CMR report: its title or technique names CT/);
  const json = JSON.parse((await run(['explain', input, '--id', 'aborted', '--json'])).stdout);
  assert.equal(json.category, 'UNCLASSIFIED');
  assert.equal(json.unclassified.reason, 'non_diagnostic');
  assert.ok(json.signals.some((s: { concept: string }) => s.concept === 'exam:aborted'));

  const evaluated = await run(['evaluate', out]);
  assert.equal(evaluated.code, 0, evaluated.stderr);
  const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
  assert.equal(metrics.readers.rules.n, 4);
  assert.equal(metrics.readers.rules.accuracy, 0.5, 'both abstentions count as wrong');
  assert.equal(metrics.readers.rules.confusion.NORMAL.UNCLASSIFIED, 1);
  assert.equal(metrics.readers.rules.confusion.MYO.UNCLASSIFIED, 1);
  assert.match(readFileSync(join(out, 'report.html'), 'utf8'), /UNCLASSIFIED/);
});

test('examples/taxonomy.yaml accepts the demo cohort, and rules answers it as with the default taxonomy', async () => {
  const plain = join(dir, 'demo-default');
  const example = join(dir, 'demo-example');
  assert.equal((await run(['classify', DEMO, '--out', plain, '--quiet'])).code, 0);
  const classified = await run(['classify', DEMO, '--taxonomy', EXAMPLE_TAXONOMY, '--out', example, '--quiet']);
  assert.equal(classified.code, 0, classified.stderr);
  const answers = (out: string) => predictions(out).map((p) => `${p.id} ${p.category}`);
  assert.deepEqual(answers(example), answers(plain), 'no demo report is hypertensive heart disease, so nothing moves');
  const evaluated = await run(['evaluate', example, '--taxonomy', EXAMPLE_TAXONOMY]);
  assert.equal(evaluated.code, 0, evaluated.stderr);
  const metrics = JSON.parse(readFileSync(join(example, 'metrics.json'), 'utf8'));
  assert.equal(metrics.readers.rules.n, 109);
  assert.ok(metrics.readers.rules.macro.f1 >= 0.95);
});

test('a taxonomy file with a hypertensive category gets it from rules, not MYO/CS/ICM/DCM', async () => {
  const reports = join(dir, 'hhd.jsonl');
  writeFileSync(reports, JSON.stringify({ id: 'h', label: 'HHD', text: 'Anamnese: Langjährige arterielle Hypertonie.\nBefund: Konzentrische linksventrikuläre Hypertrophie, Wanddicke 13 mm. Kein LGE. LVEF 65 %.\nBeurteilung: Hypertensive Herzerkrankung.' }));
  const out = join(dir, 'hhd');
  assert.equal((await run(['classify', reports, '--taxonomy', EXAMPLE_TAXONOMY, '--out', out, '--quiet'])).code, 0);
  const [p] = predictions(out);
  assert.equal(p.category, 'HHD');
  assert.deepEqual(p.details, { outcome: 'OTHER.hypertensive', subtype: 'hypertensive' });
  // Scored under the default taxonomy, the truth "HHD" would be OTHER and the answer HHD wrong: evaluate, consensus
  // and export refuse a taxonomy other than the run's, in one line that says which one to pass.
  for (const command of [['evaluate', out], ['consensus', out, '--models', 'rules'], ['export', out, '--format', 'xlsx']]) {
    const refused = await run(command);
    assert.equal(refused.code, 2, `${command[0]}: ${refused.stderr}`);
    assert.match(refused.stderr, /--taxonomy: the run in .*hhd was classified with the taxonomy cmrdx-example v1, not cmrdx-default v1/);
    assert.equal(refused.stderr.trim().split('\n').length, 1, refused.stderr);
  }
  const scored = await run(['evaluate', out, '--taxonomy', EXAMPLE_TAXONOMY]);
  assert.equal(scored.code, 0, scored.stderr);
  assert.equal(JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')).readers.rules.accuracy, 1);
});

test('a taxonomy file edited since the run, or a human reader under another taxonomy: evaluate, read and classify refuse', async () => {
  const folder = join(dir, 'retaxed');
  const reports = join(dir, 'retaxed.jsonl');
  writeFileSync(reports, JSON.stringify({ id: 'h', label: 'HHD', text: 'Anamnese: Langjährige arterielle Hypertonie.\nBefund: Konzentrische linksventrikuläre Hypertrophie, Wanddicke 13 mm. Kein LGE. LVEF 65 %.\nBeurteilung: Hypertensive Herzerkrankung.' }));
  const original = join(dir, 'tax-a.yaml');
  const edited = join(dir, 'tax-b.yaml');
  writeFileSync(original, readFileSync(EXAMPLE_TAXONOMY, 'utf8'));
  writeFileSync(edited, readFileSync(EXAMPLE_TAXONOMY, 'utf8').replace('- id: HHD', '- id: HYP'));
  assert.equal((await run(['classify', reports, '--taxonomy', original, '--out', folder, '--quiet'])).code, 0);
  const refused = await run(['evaluate', folder, '--taxonomy', edited]);
  assert.equal(refused.code, 2, refused.stderr);
  assert.match(refused.stderr, /classified with another version of the taxonomy file cmrdx-example v1 \(its categories differ\)/);
  assert.equal((await run(['evaluate', folder, '--taxonomy', original])).code, 0);

  // A reading session recorded under the example taxonomy (as `cmrdx read --taxonomy` records it).
  const humans = join(dir, 'humans');
  mkdirSync(humans);
  const store = HumanAnswerStore.open(humans);
  store.putReader({ name: 'anna', seed: '1', lang: 'de', taxonomy: taxonomyIdentity(loadTaxonomy(original)) });
  store.close();
  const classified = await run(['classify', reports, '--out', humans, '--quiet']);
  assert.equal(classified.code, 2, classified.stderr);
  assert.match(classified.stderr, /--taxonomy: anna read the reports in .*humans under the taxonomy cmrdx-example v1 #[0-9a-f]{16}, not cmrdx-default v1/);
  assert.equal((await run(['classify', reports, '--out', humans, '--taxonomy', original, '--quiet'])).code, 0);
  const evaluated = await run(['evaluate', humans]);
  assert.equal(evaluated.code, 2, evaluated.stderr);
  assert.match(evaluated.stderr, /classified with the taxonomy cmrdx-example v1, not cmrdx-default v1/);
});

test('a taxonomy category without engine criteria: classify and explain refuse with exit 2 and one line', async () => {
  const taxonomy = join(dir, 'no-criteria.yaml');
  writeFileSync(taxonomy, 'name: t\nversion: 1\ncategories:\n  - {id: NORMAL, name: Normal, definition: normal}\n  - {id: HHD, name: Hypertensive, definition: hypertensive heart disease}\n');
  for (const args of [['classify', unlabelled, '--taxonomy', taxonomy, '--out', join(dir, 'refused'), '--quiet'], ['explain', unlabelled, '--id', 'normal', '--taxonomy', taxonomy]]) {
    const refused = await run(args);
    assert.equal(refused.code, 2, args[0]);
    assert.match(refused.stderr, /^cmrdx: --taxonomy .*no-criteria\.yaml: the guideline engine has no criteria for category "HHD"\. Map it to what the engine knows with a "rules:" list .* or remove it\n$/);
  }
  const reserved = join(dir, 'reserved.yaml');
  writeFileSync(reserved, 'name: t\nversion: 1\ncategories:\n  - {id: NORMAL, name: Normal, definition: normal}\n  - {id: UNCLASSIFIED, name: U, definition: u}\n');
  const refused = await run(['classify', unlabelled, '--taxonomy', reserved, '--out', join(dir, 'refused2'), '--quiet']);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /reserved\.yaml: category "UNCLASSIFIED" uses the reserved label/);
});

test('an edited taxonomy file is another run configuration: resuming it is refused', async () => {
  const taxonomy = join(dir, 'edited.yaml');
  const body = (rules: string) => `name: t\nversion: 1\ncategories:\n  - {id: NORMAL, name: Normal, definition: normal}\n  - {id: SICK, name: Sick, definition: disease, rules: [${rules}]}\n`;
  writeFileSync(taxonomy, body('MYO, OTHER'));
  const out = join(dir, 'edited');
  assert.equal((await run(['classify', unlabelled, '--taxonomy', taxonomy, '--out', out, '--quiet'])).code, 0);
  writeFileSync(taxonomy, body('OTHER'));
  const resumed = await run(['classify', unlabelled, '--taxonomy', taxonomy, '--out', out, '--quiet']);
  assert.equal(resumed.code, 2);
  assert.match(resumed.stderr, /another configuration/);
});
