// Issue 15, point 1, attacked: what a script can get wrong when it calls the library directly (reports as
// objects, option values, a callback that throws, a signal aborted before the call) gets the same one-line
// errors as the CLI, and never a silent wrong number, a hang or a lost prediction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classify, ConfigError, consensus, evaluate, explain, InputError, synth, type Report } from '../src/index.js';
import { answer, startFakeServer } from './helpers/fake-llm-server.js';
import { tempDir } from './helpers/temp-dir.js';

const dir = tempDir();
const { reports: cohort } = await synth({ n: 6, seed: 11 });
const plain = (r: (typeof cohort)[number]): Report => ({ id: r.id, text: r.text, label: r.label });

const isError = (kind: typeof InputError | typeof ConfigError, code: string, message: RegExp) => (e: unknown) => {
  assert.ok(e instanceof kind, `a ${kind.name}, not ${String(e)}`);
  assert.equal((e as InputError).code, code);
  assert.match((e as Error).message, message);
  return true;
};

test('reports as an array are checked like a file: duplicate ids, unknown labels, no text, empty, not an array', async () => {
  const out = join(dir, 'checked');
  const [a, b] = cohort.map(plain);
  await assert.rejects(classify({ input: [a!, { ...b!, id: a!.id }], out }), isError(InputError, 'input.duplicate_id', /input: item 2: duplicate id/));
  await assert.rejects(classify({ input: [{ ...a!, label: 'BOGUS' }], out }), isError(InputError, 'input.unknown_label', /item 1: report .*: its label is not a category/));
  await assert.rejects(classify({ input: [{ id: 'x' } as Report], out }), isError(InputError, 'input.missing_text', /has no "text"/));
  await assert.rejects(classify({ input: [], out }), isError(InputError, 'input.empty', /empty array/));
  await assert.rejects(classify({ input: { id: 'x', text: 'y' } as unknown as Report[], out }), isError(ConfigError, 'config.option', /input \(an object\): not a path or an array of reports/));
  assert.equal(existsSync(join(out, 'run.sqlite')), false, 'nothing was started');
});

test('labels given as objects are resolved like a file\'s (hcm, Amyloidose): the class set is the taxonomy\'s', async () => {
  const out = join(dir, 'labels');
  const spelled: Record<string, string> = { HCM: 'hcm', CA: 'Amyloidose', CS: 'cs', MYO: 'Myokarditis', ICM: 'icm', DCM: 'dcm', NORMAL: 'normal', OTHER: 'other' };
  const input = cohort.map((r) => ({ ...plain(r), label: spelled[r.label]! }));
  const run = await classify({ input, out });
  assert.deepEqual(run.reports.map((r) => r.label), cohort.map((r) => r.label));
  const study = await evaluate({ dir: out, write: false });
  assert.deepEqual(study.evaluation.classSet.every((c) => c === c.toUpperCase()), true, study.evaluation.classSet.join(','));
});

test('option values are checked in the library, naming the option', async () => {
  const base = { input: cohort.map(plain), out: join(dir, 'options') };
  const cases: [object, RegExp][] = [
    [{ concurrency: Number.NaN }, /classify\(\): concurrency NaN: not a whole number >= 1/],
    [{ samples: 0 }, /samples 0: not a whole number >= 1/],
    [{ answerRetries: -1 }, /answerRetries -1: not a whole number >= 0/],
    [{ timeoutMs: 3e9 }, /timeoutMs 3000000000: not a whole number from 1 to 2147483647/],
    [{ think: 'maybe' }, /think "maybe": not auto, on, off or a number of thinking tokens/],
    [{ temperature: -1 }, /temperature -1: not a number >= 0/],
    [{ seed: 1.5 }, /seed 1.5: not a whole number/],
    [{ answer: 'all' }, /answer "all": not one of evidence, category/],
    [{ abstain: 'yes' }, /abstain "yes": not true or false/],
  ];
  for (const [wrong, message] of cases) await assert.rejects(classify({ ...base, ...wrong }), isError(ConfigError, 'config.option', message));
  assert.equal(existsSync(join(base.out, 'run.sqlite')), false);

  await classify({ ...base, out: join(dir, 'for-evaluate') });
  await assert.rejects(evaluate({ dir: join(dir, 'for-evaluate'), resamples: 0 }), isError(ConfigError, 'config.option', /evaluate\(\): resamples 0: not a whole number >= 100/));
  await assert.rejects(consensus({ dir: join(dir, 'for-evaluate'), models: ['a', 'b'], top: 3 }), isError(ConfigError, 'config.option', /models .*: give either models or top/));
  await assert.rejects(consensus({ dir: join(dir, 'for-evaluate'), top: 2, calibrationDir: dir }), isError(ConfigError, 'config.option', /calibrationDir .*: calibrationDir is used only with targetAccuracy/));
  await assert.rejects(synth({ seed: 1, lang: 'fr' as 'de' }), isError(ConfigError, 'config.option', /synth\(\): lang "fr": not one of de, en/));
  await assert.rejects(synth({ seed: 1, n: 3, mix: { FOO: 2 } as object }), isError(ConfigError, 'config.option', /mix/));
  await assert.rejects(synth({ seed: 1, n: 2.5 }), isError(ConfigError, 'config.option', /n 2.5: not a whole number >= 1/));
});

test('an error thrown by onProgress stops the run and is rethrown; no prediction is stored as failed; the next call resumes', async () => {
  const out = join(dir, 'callback');
  const input = cohort.map(plain);
  const bug = new Error('a bug in the script');
  await assert.rejects(classify({ input, out, onProgress: (e) => { if (e.type === 'prediction' && e.done === 2) throw bug; } }), (e) => e === bug);
  const stored = existsSync(join(out, 'predictions.jsonl')) ? readFileSync(join(out, 'predictions.jsonl'), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
  assert.ok(stored.every((p) => p.error === null), 'the callback\'s error is no reader failure');
  const again = await classify({ input, out });
  assert.equal(again.predictions.length, input.length);
  assert.equal(again.summary.failed, 0);
});

test('onProgress throwing during a server run: rethrown once the requests settle, the folder is not left locked', async () => {
  const server = await startFakeServer({ models: ['m1'], behaviour: () => answer('NORMAL', ['kein LGE'], { delayMs: 20 }) });
  try {
    const options = { input: cohort.map(plain), models: ['ollama:m1'], ollamaUrls: [server.url], out: join(dir, 'callback-server'), concurrency: 2 };
    const bug = new Error('a bug in the script');
    await assert.rejects(classify({ ...options, onProgress: (e) => { if (e.type === 'prediction') throw bug; } }), (e) => e === bug);
    const again = await classify(options);
    assert.equal(again.predictions.length, cohort.length);
    assert.equal(again.summary.failed, 0);
  } finally {
    await server.close();
  }
});

test('a signal aborted before the call rejects with its reason at once: nothing read, asked or created', async () => {
  const stop = new AbortController();
  stop.abort();
  const out = join(dir, 'aborted');
  await assert.rejects(classify({ input: join(dir, 'no-such-file.jsonl'), models: ['ollama:m1'], ollamaUrls: ['http://127.0.0.1:9'], out, signal: stop.signal }), { name: 'AbortError' });
  assert.equal(existsSync(out), false);
});

test('explain() as the CLI uses it: one report of an input by id, a wrong id named', async () => {
  const input = cohort.map(plain);
  const { explanation } = await explain({ input, id: input[0]!.id });
  assert.equal(explanation.id, input[0]!.id);
  assert.equal(explanation.category, cohort[0]!.label);
  assert.ok(explanation.findings.length > 0, 'the engine found concepts');
  await assert.rejects(explain({ input, id: 'nope' }), isError(InputError, 'input.unknown_id', /no report with id "nope"/));
  await assert.rejects(explain({ input }), isError(InputError, 'input.unknown_id', /has 6 reports/));
});
