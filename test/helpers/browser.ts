/**
 * Debian's Chromium driven by playwright-core (which downloads no browser of its own), shared by the browser
 * tests. A test skips with a message when no Chromium is installed, unless CMRDX_REQUIRE_BROWSER=1 (set by
 * .ci/run), where a missing browser fails it.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [process.env.CMRDX_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
export const executablePath = CANDIDATES.find((p): p is string => Boolean(p) && existsSync(p!));
const required = process.env.CMRDX_REQUIRE_BROWSER === '1';

/** The `skip` option of a browser test. */
export const browserSkip: string | false = !executablePath && !required ? 'no Chromium found (apt-get install chromium, or set CMRDX_CHROMIUM=<path>)' : false;

export async function launchBrowser(): Promise<Browser> {
  if (!executablePath) throw new Error(`CMRDX_REQUIRE_BROWSER=1 but no Chromium at ${CANDIDATES.filter(Boolean).join(', ')}`);
  return chromium.launch({
    executablePath,
    // No sandbox: CI runs as root in a container. The rest keeps Chromium itself from calling home.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}
