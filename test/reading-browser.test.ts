// The human arm end to end, as a reader and an adjudicator use it: the built CLI serves the page, real
// headless Chromium (Debian's, driven by playwright-core) reads five reports with the keyboard only, the server
// is killed (SIGKILL) after three answers and started again, the reader finishes; evaluate scores the reader
// with five answers and their seconds; then two reports of the consensus review list are adjudicated and the
// consensus and `evaluate --truth adjudicated` are checked. The page's clock is Playwright's fake clock, so the
// seconds are exact and no assertion depends on how fast this machine is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { HumanAnswerStore } from '../src/run/human-answers.js';
import { readingOrder } from '../src/serve/reading-session.js';
import { DEFAULT_TAXONOMY } from '../src/taxonomy/taxonomy.js';
import { browserSkip, launchBrowser } from './helpers/browser.js';
import { BIN } from './helpers/run-bin.js';
import { tempDir } from './helpers/temp-dir.js';

interface Served {
  url: string;
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** Starts `cmrdx <args>` and waits for the address on its first line of stdout. */
async function serve(args: string[]): Promise<Served> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    void exit.then((code) => reject(new Error(`cmrdx ${args[0]} exited with ${code} before printing its address: ${err}`)));
  });
  return { url, child, stdout: () => out, stderr: () => err, exit };
}

const keyOf = (category: string) => String(DEFAULT_TAXONOMY.categories.findIndex((c) => c.id === category) + 1);
const wrongFor = (category: string) => (category === 'NORMAL' ? 'DCM' : 'NORMAL');

/** A page on the fake clock, frozen: time moves only by runFor, so the reader's seconds are exact. */
async function openPage(browser: Browser, url: string, problems: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource|Failed to fetch/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  const origin = new URL(url).origin;
  page.on('request', (r) => {
    if (!r.url().startsWith('data:') && new URL(r.url()).origin !== origin) problems.push(`request elsewhere: ${r.url()}`);
  });
  await page.clock.install({ time: new Date('2026-01-05T08:00:00Z') });
  await page.clock.pauseAt(new Date('2026-01-05T08:00:01Z'));
  await page.goto(url);
  return page;
}

/** Waits until the page shows position n (1-based) with this report text. */
async function expectShown(page: Page, n: number, total: number, text: string): Promise<void> {
  await page.locator('#progress').filter({ hasText: new RegExp(`^${n} of ${total} `) }).waitFor();
  assert.equal(await page.locator('#report').textContent(), text);
}

const setVisibility = (page: Page, state: 'hidden' | 'visible') =>
  // A string, run in the page: this project's TypeScript has no DOM types.
  page.evaluate(`(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => '${state}' });
    document.dispatchEvent(new Event('visibilitychange'));
  })()`);

/** The first n demo reports as an input file in a new folder, and where the run goes. */
function demoInput(n: number) {
  const dir = tempDir();
  const demo = readFileSync(new URL('../examples/demo/reports.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string; label: string });
  const reports = demo.slice(0, n);
  const input = join(dir, 'reports.jsonl');
  writeFileSync(input, reports.map((r) => JSON.stringify(r)).join('\n'));
  return { out: join(dir, 'run'), reports, input };
}

test('read five reports with the keyboard, survive a killed server, evaluate the reader, adjudicate two', { skip: browserSkip, timeout: 300_000 }, async () => {
  const { out, reports, input } = demoInput(5);

  // Three readers: the guideline engine and two simulated LLMs that disagree with it and each other on the
  // first two reports (no majority: the review list), quoting what the engine quoted (and one made-up quote).
  assert.equal(await runCli(['classify', input, '--model', 'rules', '--out', out, '--quiet'], bufferIo()), 0);
  const rules = readFileSync(join(out, 'predictions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; category: string; evidence: { quote: string; start: number | null; end: number | null }[] });
  const simulated = rules.flatMap((p, i) =>
    ['ollama:sim-a', 'ollama:sim-b'].map((model, k) => {
      if (i >= 2) return JSON.stringify({ ...p, model });
      const others = ['NORMAL', 'DCM', 'MYO', 'CS'].filter((c) => c !== p.category);
      const evidence = k === 0 ? p.evidence.slice(0, 1) : [...p.evidence.slice(0, 1), { quote: 'a sentence no report has', start: null, end: null, alignment: 'none' }];
      return JSON.stringify({ ...p, model, category: others[k], evidence });
    }),
  );
  appendFileSync(join(out, 'predictions.jsonl'), `${simulated.join('\n')}\n`);
  const consensusIo = bufferIo();
  assert.equal(await runCli(['consensus', out, '--models', 'rules,ollama:sim-a,ollama:sim-b'], consensusIo), 0, consensusIo.stderr());
  const reviewIds = rules.slice(0, 2).map((p) => p.id);

  // The order the reader sees: the seeded shuffle (the page itself never receives an id).
  const order = readingOrder(reports, '7');
  const readArgs = ['read', input, '--reader', 'anna', '--out', out, '--lang', 'en'];
  const problems: string[] = [];
  const browser = await launchBrowser();
  try {
    // --- First session: three answers, then the server dies.
    const first = await serve([...readArgs, '--seed', '7']);
    assert.match(first.url, /^http:\/\/127\.0\.0\.1:\d+\/\?key=[\w-]{32}$/);
    let page = await openPage(browser, first.url, problems);
    await expectShown(page, 1, 5, order[0]!.text);
    // Blinded: neither an id nor a truth label is anywhere in the page.
    const html = await page.content();
    for (const r of reports) assert.ok(!html.includes(r.id), `the page shows the id ${r.id}`);
    assert.equal(await page.getByRole('button', { name: /^HCM – Hypertrophic cardiomyopathy/ }).count(), 1);
    const names = await Promise.all((await page.locator('.choice').all()).map((b) => b.getAttribute('aria-label')));
    assert.deepEqual(names.map((n) => n?.split(' – ')[0]), DEFAULT_TAXONOMY.categories.map((c) => c.id), 'buttons in taxonomy order, names beginning with the id');

    // 1: four seconds, unsure, a comment typed after C (its digits must not answer), Esc, the category's key.
    await page.clock.runFor(4000);
    assert.equal(await page.locator('#clock').textContent(), '0:04');
    await page.keyboard.press('u');
    await page.keyboard.press('c');
    await page.keyboard.type('Septum 16 mm, 2 segments');
    await page.keyboard.press('Escape');
    await page.keyboard.press(keyOf(order[0]!.label!));
    // 2: two seconds, a pause of ten (the report is hidden meanwhile), one more second.
    await expectShown(page, 2, 5, order[1]!.text);
    await page.clock.runFor(2000);
    await page.keyboard.press('p');
    assert.equal(await page.locator('#report').isVisible(), false, 'the report is hidden while paused');
    await page.keyboard.press(keyOf(order[1]!.label!)); // ignored while paused
    await page.clock.runFor(10_000);
    assert.equal(await page.locator('#clock').textContent(), '0:02', 'the clock stands while paused');
    await page.keyboard.press('p');
    await page.clock.runFor(1000);
    await page.keyboard.press(keyOf(order[1]!.label!));
    // 3: the page hidden for twenty seconds (another tab) between two visible stretches of 1.5 s.
    await expectShown(page, 3, 5, order[2]!.text);
    await page.clock.runFor(1500);
    await setVisibility(page, 'hidden');
    await page.clock.runFor(20_000);
    await setVisibility(page, 'visible');
    await page.clock.runFor(1500);
    await page.keyboard.press(keyOf(order[2]!.label!));
    await expectShown(page, 4, 5, order[3]!.text);

    const store = HumanAnswerStore.openExisting(out)!;
    const afterThree = store.answers('anna');
    store.close();
    assert.deepEqual([...afterThree.values()].map((a) => [a.reportId, a.category, a.seconds, a.unsure, a.comment]), [
      [order[0]!.id, order[0]!.label, 4, true, 'Septum 16 mm, 2 segments'],
      [order[1]!.id, order[1]!.label, 3, false, null],
      [order[2]!.id, order[2]!.label, 3, false, null],
    ]);
    first.child.kill('SIGKILL');
    await first.exit;
    // An answer into a dead server is not lost silently: the page says it was not saved.
    await page.keyboard.press(keyOf(order[3]!.label!));
    await page.getByRole('alert').filter({ hasText: /Not saved: cmrdx is not running/ }).waitFor();
    await page.close();

    // --- Second session (no --seed: the reader's own order): continues with the first unanswered report.
    const second = await serve(readArgs);
    page = await openPage(browser, second.url, problems);
    await expectShown(page, 4, 5, order[3]!.text);
    assert.match((await page.locator('#progress').textContent()) ?? '', /3 answered$/);
    // 4: three seconds, skip to 5, one second there, back to 4, two more seconds: 4 took 5 s.
    await page.clock.runFor(3000);
    await page.keyboard.press('ArrowRight');
    await expectShown(page, 5, 5, order[4]!.text);
    await page.clock.runFor(1000);
    await page.keyboard.press('ArrowLeft');
    await expectShown(page, 4, 5, order[3]!.text);
    await page.clock.runFor(2000);
    await page.keyboard.press(keyOf(order[3]!.label!));
    // 5: the skipped visit's second plus two: 3 s, first a wrong category.
    await expectShown(page, 5, 5, order[4]!.text);
    await page.clock.runFor(2000);
    await page.keyboard.press(keyOf(wrongFor(order[4]!.label!)));
    await page.locator('#done-note').waitFor();
    // Back from the end, four seconds, and the right category: it replaces the first, and the time adds up.
    await page.keyboard.press('ArrowLeft');
    await expectShown(page, 5, 5, order[4]!.text);
    assert.equal(await page.getByRole('button', { name: new RegExp(`^${wrongFor(order[4]!.label!)} – `) }).getAttribute('aria-pressed'), 'true');
    await page.clock.runFor(4000);
    await page.keyboard.press(keyOf(order[4]!.label!));
    await page.locator('#done-note').waitFor();
    assert.match((await page.locator('#progress').textContent()) ?? '', /^5 of 5 · 5 answered$/);
    await page.close();
    second.child.kill('SIGTERM');
    assert.equal(await second.exit, 0);

    // Nothing but the address on stdout; no report text on either stream.
    for (const s of [first, second]) {
      assert.equal(s.stdout(), `${s.url}\n`);
      for (const r of reports) for (const line of r.text.split('\n').filter((l) => l.trim().length > 12)) assert.ok(!s.stderr().includes(line.trim()), 'report text on stderr');
    }

    // --- evaluate: the reader from the store, five answers with their seconds, scored like the models.
    const evalIo = bufferIo();
    assert.equal(await runCli(['evaluate', out, '--resamples', '200'], evalIo), 0, evalIo.stderr());
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as { readers: Record<string, { kind: string; n: number; accuracy: number; missing: number; secondsPerReport: { total: number; n: number; median: number } }> };
    const anna = metrics.readers.anna!;
    assert.equal(anna.kind, 'human');
    assert.equal(anna.n, 5);
    assert.equal(anna.missing, 0);
    assert.equal(anna.accuracy, 1);
    assert.deepEqual([anna.secondsPerReport.n, anna.secondsPerReport.total, anna.secondsPerReport.median], [5, 4 + 3 + 3 + 5 + 7, 4]);
    const again = HumanAnswerStore.openExisting(out)!;
    const last = again.answers('anna').get(order[4]!.id)!;
    again.close();
    assert.deepEqual([last.firstCategory, last.category, last.revisions, last.seconds], [wrongFor(order[4]!.label!), order[4]!.label, 1, 7]);

    // export-readers: readers/anna.csv (the answer, its seconds and the first read) that evaluate reads back as a labels file.
    const exportIo = bufferIo();
    assert.equal(await runCli(['export-readers', out], exportIo), 0, exportIo.stderr());
    const csv = readFileSync(join(out, 'readers', 'anna.csv'), 'utf8').trim().split('\n');
    assert.equal(csv[0], 'id,label,seconds,reason,first_label,first_reason,revisions');
    const seconds = { [order[0]!.id]: 4, [order[1]!.id]: 3, [order[2]!.id]: 3, [order[3]!.id]: 5, [order[4]!.id]: 7 };
    // The fifth report was answered wrongly first, then changed: its first read stays in the file.
    const firstRead = (r: (typeof order)[number]) => (r === order[4] ? `${wrongFor(r.label!)},,1` : `${r.label},,0`);
    assert.deepEqual(csv.slice(1).sort(), order.map((r) => `${r.id},${r.label},${seconds[r.id]},,${firstRead(r)}`).sort());

    // --- Adjudication of the review list (the two reports without a majority).
    const adjudication = await serve(['adjudicate', out, '--adjudicator', 'bob', '--lang', 'en']);
    page = await openPage(browser, adjudication.url, problems);
    await page.locator('#progress').filter({ hasText: /^1 of 2 · 0 adjudicated$/ }).waitFor();
    const marks = page.locator('#report mark');
    assert.ok((await marks.count()) > 0, 'the readers\' quotes are marked');
    assert.match((await marks.first().getAttribute('title')) ?? '', /^quoted by (rules|ollama:sim-a|ollama:sim-b)/);
    assert.equal(await page.locator('#report').textContent(), reports.find((r) => r.id === reviewIds[0])!.text, 'marking keeps the text as it is');
    assert.deepEqual(await page.locator('#readers .rname').allTextContents(), ['rules', 'ollama:sim-a', 'ollama:sim-b', 'anna']);
    assert.match((await page.locator('#readers li').nth(2).textContent()) ?? '', /not found in the text: “a sentence no report has”/);
    // Hiding one reader's quotes and showing them again.
    await page.getByRole('button', { name: /^mark the quotes of rules/ }).click();
    await page.getByRole('button', { name: /^mark the quotes of rules/ }).click();
    await page.clock.runFor(5000);
    await page.keyboard.press(keyOf('CS'));
    await page.locator('#progress').filter({ hasText: /^2 of 2 · 1 adjudicated$/ }).waitFor();
    await page.clock.runFor(3000);
    await page.keyboard.press('c');
    await page.keyboard.type('LGE pattern decides');
    await page.keyboard.press('Escape');
    await page.keyboard.press(keyOf('MYO'));
    await page.locator('#done-note').waitFor();
    await page.close();
    adjudication.child.kill('SIGTERM');
    assert.equal(await adjudication.exit, 0);
    assert.equal(adjudication.stdout(), `${adjudication.url}\n`);

    const consensus = readFileSync(join(out, 'consensus.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const byId = new Map(consensus.map((r) => [r.id as string, r]));
    assert.deepEqual(
      reviewIds.map((id) => {
        const r = byId.get(id)!;
        return [r.status, r.category, r.votedStatus, r.votedCategory, r.adjudicator, typeof r.adjudicatedAt];
      }),
      [
        ['adjudicated', 'CS', 'no majority', null, 'bob', 'string'],
        ['adjudicated', 'MYO', 'no majority', null, 'bob', 'string'],
      ],
    );
    assert.ok(consensus.filter((r) => !reviewIds.includes(r.id as string)).every((r) => r.status === 'unanimous'), 'the other rows are as voted');
    // Building the consensus again keeps what the adjudicator decided.
    assert.equal(await runCli(['consensus', out, '--models', 'rules,ollama:sim-a,ollama:sim-b'], bufferIo()), 0);
    assert.equal(readFileSync(join(out, 'consensus.jsonl'), 'utf8').split('\n').filter((l) => l.includes('"adjudicated"')).length, 2);

    // The adjudicated categories as truth: only those two reports.
    const truthIo = bufferIo();
    assert.equal(await runCli(['evaluate', out, '--truth', 'adjudicated', '--resamples', '200'], truthIo), 0, truthIo.stderr());
    assert.match(truthIo.stderr(), /only the 2 adjudicated report\(s\)/);
    const adjudicated = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as { truth: { n: number; source: string }; readers: Record<string, { n: number; accuracy: number }> };
    assert.equal(adjudicated.truth.n, 2);
    assert.match(adjudicated.truth.source, /^adjudicated \(2 report\(s\), by bob\)$/);
    assert.equal(adjudicated.readers.consensus!.accuracy, 0, 'the consensus is scored as voted (no majority), not by its own adjudication');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a reader gives one report no category with a reason; evaluate counts it as wrong in its own column, the CSV keeps the reason', { skip: browserSkip, timeout: 120_000 }, async () => {
  const { out, reports, input } = demoInput(3);
  const order = readingOrder(reports, '5');
  const problems: string[] = [];
  const browser = await launchBrowser();
  const session = await serve(['read', input, '--reader', 'anna', '--out', out, '--lang', 'en', '--seed', '5']);
  try {
    const page = await openPage(browser, session.url, problems);
    await expectShown(page, 1, 3, order[0]!.text);
    // The reasons wait behind one closed line, so the panel's other controls stay in view.
    assert.equal(await page.getByRole('button', { name: 'Non-diagnostic or aborted exam' }).isVisible(), false);
    await page.locator('#none summary').click();
    const reasons = page.getByRole('group', { name: 'No category' }).getByRole('button');
    assert.deepEqual(await reasons.allTextContents(), ['Not a cardiac MRI report', 'Non-diagnostic or aborted exam', 'No findings to judge', 'Fits no category of the list']);
    await page.clock.runFor(6000);
    // By keyboard, Enter pressed twice and then held: one answer, never one for the next, unseen report.
    await page.getByRole('button', { name: 'Non-diagnostic or aborted exam' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    for (let k = 0; k < 5; k++) await page.keyboard.down('Enter');
    await page.keyboard.up('Enter');
    await expectShown(page, 2, 3, order[1]!.text);
    assert.match((await page.locator('#progress').textContent()) ?? '', / · 1 answered$/);
    assert.equal(await page.locator('#status').textContent(), 'Saved: No category – Non-diagnostic or aborted exam');
    // The next report starts with the reasons closed again; N opens them with the first in focus (Tab, Enter).
    assert.equal(await page.locator('#none').getAttribute('open'), null);
    await page.keyboard.press('n');
    assert.equal(await page.locator('#none').getAttribute('open'), '');
    // A string, evaluated in the page (this file is type-checked without the DOM's types).
    const focused = () => page.evaluate('document.activeElement && document.activeElement.textContent');
    assert.equal(await focused(), 'Not a cardiac MRI report');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'Non-diagnostic or aborted exam');
    await page.clock.runFor(2000);
    // A category key still answers with a category while a reason has the focus.
    await page.keyboard.press(keyOf(order[1]!.label!));
    await expectShown(page, 3, 3, order[2]!.text);
    await page.clock.runFor(2000);
    await page.keyboard.press(keyOf(order[2]!.label!));
    await page.locator('#done-note').waitFor();
    // Back to the first report: its answer is shown as given.
    for (const [n, r] of [[3, order[2]!], [2, order[1]!], [1, order[0]!]] as const) {
      await page.keyboard.press('ArrowLeft');
      await expectShown(page, n, 3, r.text);
    }
    assert.equal(await page.getByRole('button', { name: 'Non-diagnostic or aborted exam' }).getAttribute('aria-pressed'), 'true');
    assert.ok((await page.locator('.choice[aria-pressed="true"]').count()) === 0, 'no category button is pressed');
    await page.close();
    session.child.kill('SIGTERM');
    assert.equal(await session.exit, 0);

    assert.equal(await runCli(['export-readers', out], bufferIo()), 0);
    const csv = join(out, 'readers', 'anna.csv');
    assert.ok(readFileSync(csv, 'utf8').includes(`${order[0]!.id},UNCLASSIFIED,6,non_diagnostic`));
    const io = bufferIo();
    assert.equal(await runCli(['evaluate', out, '--reader', `again=${csv}`, '--resamples', '200'], io), 0, io.stderr());
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as { readers: Record<string, { n: number; accuracy: number; unclassified: number }> };
    for (const name of ['anna', 'again']) {
      const r = metrics.readers[name]!;
      assert.deepEqual([r.n, r.unclassified, r.accuracy], [3, 1, 2 / 3], name);
    }
    // report.html lists both readers' answer with its reason.
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    assert.match(html, /2 answer\(s\) UNCLASSIFIED/);
    for (const name of ['anna', 'again']) assert.ok(html.includes(`<td>${order[0]!.id}</td><td>${order[0]!.label}</td><td>${name}</td><td>non_diagnostic</td>`), name);
    assert.deepEqual(problems, []);
  } finally {
    // A failed assertion must not leave the server running (the test would never end).
    session.child.kill('SIGKILL');
    await browser.close();
  }
});
