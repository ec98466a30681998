/**
 * A classify output folder written by hand from the file contracts (predictions.jsonl, consensus.jsonl with an
 * adjudicated row as `cmrdx adjudicate` writes it), with every outcome an export must handle: unanimous,
 * majority, no majority, adjudicated, UNCLASSIFIED, failed, and report ids that attack file names and
 * spreadsheets.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSource, type PredictionLine } from '../../src/evaluate/load-run.js';

export const QWEN = 'ollama:qwen2.5:32b';
export const GEMMA = 'openai:gemma-2-27b';
export const RULES = 'rules';
export const FORMULA_ID = '=HYPERLINK("http://evil.example/x","click")';
export const QUOTE = 'Dilatierter linker Ventrikel, LVEF 28 %.';

type Line = { id: string; model: string; category: string | null; evidence?: { quote: string; start: number | null; end: number | null; alignment: string }[]; error?: { type: string; code: string; message: string } | null; unclassified?: { reason: string; message: string }; details?: Record<string, unknown> };

/** Per report: what each of the three readers said (null = failed). */
const ANSWERS: [string, string | null, string | null, string | null][] = [
  ['r1', 'DCM', 'DCM', 'DCM'],
  ['r2', 'NORMAL', 'NORMAL', 'MYO'],
  ['r3', 'MYO', 'CA', 'HCM'],
  ['r4', 'HCM', 'CA', 'OTHER'],
  ['r5', 'UNCLASSIFIED', 'UNCLASSIFIED', null],
  [FORMULA_ID, '+SUM(1,1)', 'NORMAL', 'NORMAL'],
  ['../escape', 'ICM', 'ICM', 'ICM'],
  ['CON', 'NORMAL', 'NORMAL', 'NORMAL'],
  ['a', 'NORMAL', 'NORMAL', 'NORMAL'],
  ['A', 'NORMAL', 'NORMAL', 'NORMAL'],
];

export function writeRunFolder(dir: string, withConsensus = true): string {
  mkdirSync(dir, { recursive: true });
  const lines: Line[] = [];
  for (const [id, ...answers] of ANSWERS) {
    [RULES, QWEN, GEMMA].forEach((model, i) => {
      const category = answers[i]!;
      const line: Line = { id, model, category, evidence: [], error: null };
      if (category === null) {
        line.error = { type: 'BackendError', code: 'backend.timeout', message: `${model}: no answer within 300 s. Raise --timeout` };
      } else if (category === 'UNCLASSIFIED') {
        line.unclassified = { reason: 'no_findings', message: 'no findings or assessment to judge' };
      } else if (id === 'r1') {
        line.evidence = [{ quote: QUOTE, start: 10, end: 50, alignment: 'exact' }, { quote: '=cmd|\' /C calc\'!A0 \f Seite 2', start: null, end: null, alignment: 'none' }];
      }
      if (model !== RULES) line.details = { promptVersion: 'classify.v1' };
      lines.push(line);
    });
  }
  writeFileSync(join(dir, 'predictions.jsonl'), lines.map((l) => JSON.stringify({ ...l, seconds: 1.25 })).join('\n') + '\n');
  if (withConsensus) {
    const models = [RULES, QWEN, GEMMA];
    // The source a consensus records, as cmrdx consensus writes it, so the export takes it as current.
    const source = runSource({ lines: lines as PredictionLine[], runConfig: null }, models);
    const rows = ANSWERS.map(([id, ...answers]) => {
      const votes = Object.fromEntries(models.map((m, i) => [m, answers[i]]));
      const counts = new Map<string, number>();
      for (const a of answers) if (a !== null) counts.set(a, (counts.get(a) ?? 0) + 1);
      const [top] = [...counts].sort((x, y) => y[1] - x[1]);
      if (id === 'r4') return { id, category: 'HCM', status: 'adjudicated', votes, agree: 1, adjudicator: 'Dr. Weber' };
      if (!top || top[1] < 2) return { id, category: null, status: 'no majority', votes, agree: top?.[1] ?? 0 };
      return { id, category: top[0], status: top[1] === 3 ? 'unanimous' : 'majority', votes, agree: top[1] };
    });
    writeFileSync(join(dir, 'consensus.jsonl'), rows.map((r) => JSON.stringify({ ...r, source: source.id })).join('\n') + '\n');
    writeFileSync(join(dir, 'consensus.json'), JSON.stringify({ models, minAgree: 2, source }));
  }
  return dir;
}
