// report.html as a reader sees it: opened from disk in a real headless Chromium (Debian's, driven by
// playwright-core), with the network watched. The figures must render with a size, nothing may be fetched
// but the file itself, no script may run, and the misclassified reports must open with their quotes marked.
// Skips with a message when no Chromium is installed, unless CMRDX_REQUIRE_BROWSER=1 (set by .ci/run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { browserSkip, launchBrowser } from './helpers/browser.js';
import { tempDir } from './helpers/temp-dir.js';

test('report.html renders its figures offline in Chromium, fetches nothing and opens the misclassified reports', { skip: browserSkip, timeout: 120_000 }, async () => {
  const out = join(tempDir(), 'demo');
  const io = bufferIo();
  assert.equal(await runCli(['demo', '--out', out, '--quiet'], io), 0, io.stderr());
  // A second reader that is wrong on every tenth report, quoting the guideline engine's evidence, so the
  // report has misclassified reports with quotes to mark.
  const rules = readFileSync(join(out, 'predictions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { category: string; evidence: unknown[] });
  const other = (c: string) => (c === 'NORMAL' ? 'DCM' : 'NORMAL');
  const simulated = rules.map((p, i) => JSON.stringify({ ...p, model: 'simulated-llm', category: i % 10 === 0 ? other(p.category) : p.category }));
  appendFileSync(join(out, 'predictions.jsonl'), `${simulated.join('\n')}\n`);
  assert.equal(await runCli(['evaluate', out], bufferIo()), 0);
  const url = pathToFileURL(join(out, 'report.html')).href;

  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: true });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url, { waitUntil: 'load' });

    assert.deepEqual(problems, []);
    assert.deepEqual(requests, [url], 'the page loads only itself');
    assert.equal(await page.locator('script').count(), 0);

    // The four figures of the study, drawn with a real size and naming the reader.
    const charts = page.locator('figure.chart svg');
    assert.equal(await charts.count(), 4);
    for (const svg of await charts.all()) {
      const box = await svg.boundingBox();
      assert.ok(box && box.width > 150 && box.height > 100, `chart drawn at ${JSON.stringify(box)}`);
      assert.match((await svg.textContent()) ?? '', /rules/);
      assert.match((await svg.textContent()) ?? '', /simulated-llm/);
    }
    // Nothing wider than the page's column at a laptop's width.
    // (A string, run in the page: this project's TypeScript has no DOM types.)
    const overflow = await page.evaluate(`(() => {
      const right = document.querySelector('main').getBoundingClientRect().right;
      return [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right - right > 1).length;
    })()`);
    assert.equal(overflow, 0, 'elements stick out of the page column');

    // A misclassified report opens to its text, with the wrong reader's quotes marked.
    const first = page.locator('#misclassified ~ details').first();
    assert.equal(await first.locator('pre.report').isVisible(), false, 'closed at first');
    await first.locator('summary').click();
    assert.equal(await first.locator('pre.report').isVisible(), true);
    const marks = page.locator('#misclassified ~ details pre.report mark');
    assert.ok((await marks.count()) > 0, 'some evidence is marked in the report text');
    assert.match((await marks.first().getAttribute('title')) ?? '', /^quoted by simulated-llm/);
  } finally {
    await browser.close();
  }
});
