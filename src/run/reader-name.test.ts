// Human reader names: plain words that cannot be taken for a model or escape the readers/ folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkReaderName } from './reader-name.js';

const models = ['rules', 'ollama:qwen2.5:32b', 'simulated-llm'];

const ok: [string, string[]][] = [
  ['anna', []],
  ['Dr.Meier', []],
  ['reader_2', []],
  ['cardiologist-1', ['cardiologist-1']],
];
for (const [name, humans] of ok) test(`"${name}" is a reader name`, () => assert.doesNotThrow(() => checkReaderName('--reader', name, models, humans)));

const refused: [string, string[], RegExp][] = [
  ['rules', [], /reserved/],
  ['Consensus', [], /reserved/],
  ['adjudicated', [], /reserved/],
  ['ollama:anna', [], /not a plain name/],
  ['SIMULATED-LLM', [], /already has a model named simulated-llm/],
  ['Anna', ['anna'], /already has a reader named anna/],
  ['../anna', [], /not a plain name/],
  ['a/b', [], /not a plain name/],
  ['', [], /not a plain name/],
  ['-anna', [], /not a plain name/],
  ['=cmd', [], /not a plain name/],
  ['anna.', [], /not a plain name/],
  ['con', [], /not a plain name/],
  ['x'.repeat(65), [], /not a plain name/],
  ['anna müller', [], /not a plain name/],
];
for (const [name, humans, why] of refused) {
  test(`"${name.slice(0, 20)}" is refused`, () => assert.throws(() => checkReaderName('--reader', name, models, humans), (e: Error) => why.test(e.message) && e.message.startsWith(`--reader ${name}:`)));
}
