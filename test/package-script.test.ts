// Issue 15, point 1: the library is the product. The README's library section is a complete classify → evaluate
// script; this runs exactly that block against the package as `npm pack` builds it, installed into a folder of
// its own, with nothing of the repository on its module path but the declared dependencies (so an undeclared
// import, a file missing from "files", or a broken "exports" map fails here), and type-checks it against the
// packed declarations. It packs the dist/ that `npm test` built (--ignore-scripts: rebuilding dist/ here would
// pull files from under the tests that run the CLI at the same time).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../src/version.js';
import { tempDir } from './helpers/temp-dir.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string>; optionalDependencies?: Record<string, string> };

/** The first ```js block of the README's "As a library" section, as written. */
function readmeScript(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## As a library'));
  const block = /```js\n([\s\S]*?)```/.exec(section.slice(0, section.indexOf('\n## ', 3)));
  assert.ok(block, "README.md's library section has a js block");
  return block[1]!;
}

test("the README's library script runs as written against the packed package", { timeout: 240_000 }, () => {
  assert.ok(existsSync(join(root, 'dist', 'index.js')), 'dist/ is built (npm test builds it first)');
  const dir = tempDir('cmrdx-pack-');
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
  const files = packed!.files.map((f) => f.path);
  assert.ok(files.includes('dist/index.d.ts') && files.includes('prompts/classify.v2.yaml') && files.includes('LICENSE'), 'the package has its code, types, prompts and licence');
  assert.ok(!files.some((f) => f.endsWith('.test.js') || f.startsWith('test/') || f.startsWith('src/')), 'no tests or sources in the package');

  // Installed as npm would lay it out: the package in node_modules/cmrdx, its declared dependencies beside it.
  const app = join(dir, 'app');
  const modules = join(app, 'node_modules');
  mkdirSync(modules, { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, packed!.filename), '-C', modules]);
  renameSync(join(modules, 'package'), join(modules, pkg.name));
  for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
    const from = join(root, 'node_modules', dep);
    if (!existsSync(from)) continue; // an optional dependency that did not install
    mkdirSync(dirname(join(modules, dep)), { recursive: true });
    symlinkSync(from, join(modules, dep), 'dir');
  }
  const demo = readFileSync(join(root, 'examples', 'demo', 'reports.jsonl'), 'utf8').trim().split('\n').slice(0, 30);
  writeFileSync(join(app, 'reports.jsonl'), `${demo.join('\n')}\n`);
  writeFileSync(join(app, 'study.mjs'), readmeScript());

  const run = spawnSync(process.execPath, ['study.mjs'], { cwd: app, encoding: 'utf8', timeout: 120_000 });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^30 predictions, 0 failed$/m);
  assert.match(run.stdout, /^rules: accuracy [01]\.\d{3}, macro-F1 [01]\.\d{3}$/m);
  assert.match(run.stderr, /^25 of 30$/m, 'progress events reach the script');
  for (const f of ['predictions.jsonl', 'run.sqlite', 'metrics.json', 'metrics.csv', 'report.html']) assert.ok(existsSync(join(app, 'out', 'study', f)), f);

  // The same script type-checks against the packed declarations (onProgress's event, the results' fields).
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--allowJs', '--checkJs', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--types', 'node', '--typeRoots', join(root, 'node_modules', '@types'), 'study.mjs'], { cwd: app, encoding: 'utf8' });
  assert.equal(tsc.status, 0, `${tsc.stdout}${tsc.stderr}`);
});

test('the version cmrdx reports is the package version', () => {
  assert.equal(VERSION, pkg.version);
});
