// The context window cmrdx asks for (Ollama num_ctx). Pins a performance bug: a window per 1,024 tokens gave
// reports of a cohort different num_ctx values, and Ollama loads the model again whenever num_ctx changes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contextWindow, fittedBudget } from './llm-reader.js';

test('reports of ordinary lengths ask for one context window', () => {
  const budget = 1024 + 2048; // answer + thinking reserve; the demo cohort's prompts are 780-900 tokens
  const windows = new Set([800, 1000, 1500, 2500, 3500].map((prompt) => contextWindow(prompt, budget, undefined)));
  assert.deepEqual([...windows], [8192]);
});

const cases: [string, number, number, number | undefined, number][] = [
  ['small prompt, small budget: the 2,048 floor', 100, 16, undefined, 2048],
  ['exactly a power of two is kept', 1024 - 256 - 16, 16, undefined, 2048],
  ['a long report gets the next power of two', 6000, 1024, undefined, 8192],
  ['never more than the model has', 6000, 3072, 8192, 8192],
];
for (const [name, prompt, budget, model, expected] of cases) {
  test(`context window: ${name}`, () => assert.equal(contextWindow(prompt, budget, model), expected));
}

test('the thinking reserve shrinks to what a small model leaves; the answer budget stays whole', () => {
  assert.equal(fittedBudget(100, 1024 + 2048, 2048), 2048 - 100);
  assert.equal(fittedBudget(100, 1024 + 2048, undefined), 3072);
});
