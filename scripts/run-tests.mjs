#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with node's own test runner. Node 20 has no glob for --test and a
// bare `node --test` finds no .ts files (and passes with 0 tests), so the files are listed here explicitly.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir) {
  let out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out = out.concat(find(path));
    else if (entry.name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const only = process.argv.slice(2);
const files = (only.length > 0 ? only : [...find('src'), ...find('test')]).sort();
if (files.length === 0) {
  console.error('run-tests: no *.test.ts files found under src/ or test/');
  process.exit(1);
}
// --test-force-exit: a file whose tests are done ends even if something it started still holds the event loop
// (a browser that does not answer its close after a failure), so a failing test is a red line, not a hung CI.
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-force-exit', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
