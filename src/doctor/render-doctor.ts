/**
 * Doctor's results as people read them, one table per endpoint with a verdict per line and what to do under
 * each warn or fail, wrapped to fit a terminal of 100 columns; and as one JSON object (`--json`). Both carry
 * ids, counts and server messages cleaned of report text, nothing else.
 */
import type { CheckResult } from './check-result.js';
import type { DoctorReport } from './run-doctor.js';

const CHECK_WIDTH = 12;
const VERDICT_WIDTH = 8;
const INDENT = 2;
const SHOWN = { ok: 'ok', warn: 'WARN', fail: 'FAIL' } as const;

/** Words into lines of at most `width` characters (a longer word gets a line of its own). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

function rows(result: CheckResult, width: number): string[] {
  const pad = ' '.repeat(INDENT + CHECK_WIDTH + VERDICT_WIDTH);
  const room = width - pad.length;
  const detail = wrap(result.detail, room);
  const out = [`${' '.repeat(INDENT)}${result.check.padEnd(CHECK_WIDTH)}${SHOWN[result.verdict].padEnd(VERDICT_WIDTH)}${detail[0]}`, ...detail.slice(1).map((l) => pad + l)];
  if (result.advice && result.verdict !== 'ok') {
    const advice = wrap(result.advice, room - 3);
    out.push(`${pad}-> ${advice[0]}`, ...advice.slice(1).map((l) => `${pad}   ${l}`));
  }
  return out;
}

export function renderDoctorTable(report: DoctorReport, width = 100): string {
  const lines = [`cmrdx doctor ${report.cmrdx}: ${report.model}, input ${report.input.name} (${report.input.reports} reports)`];
  for (const e of report.endpoints) {
    lines.push('', `${e.endpoint} (${e.provider})`, `${' '.repeat(INDENT)}${'check'.padEnd(CHECK_WIDTH)}${'result'.padEnd(VERDICT_WIDTH)}detail`);
    for (const c of e.checks) lines.push(...rows(c, width));
    if (e.notRun.length > 0) {
      const byWhy = new Map<string, string[]>();
      for (const n of e.notRun) byWhy.set(n.why, [...(byWhy.get(n.why) ?? []), n.check]);
      for (const [why, names] of byWhy) lines.push(...wrap(`not run: ${names.join(', ')}: ${why}`, width - INDENT).map((l) => ' '.repeat(INDENT) + l));
    }
  }
  const all = report.endpoints.flatMap((e) => e.checks);
  const fails = all.filter((c) => c.verdict === 'fail').length;
  const warns = all.filter((c) => c.verdict === 'warn').length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push('', `${report.verdict === 'fail' ? 'FAIL' : report.verdict === 'warn' ? 'WARN' : 'ok'}: ${plural(fails, 'failure')}, ${plural(warns, 'warning')} (${report.seconds.toFixed(1)} s)`);
  return `${lines.join('\n')}\n`;
}

export function doctorJson(report: DoctorReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
