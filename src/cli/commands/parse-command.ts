/**
 * `cmrdx parse <input>`: prints each report's parts and measurements, as JSON Lines with --json or as a
 * short readable summary.
 */
import { parseReport, parsedReportJson, type ParsedReport } from '../../report/parse-report.js';
import { textOf } from '../../report/split-sections.js';
import type { Context } from '../program.js';
import { loadInput, type InputFlags } from './input-options.js';

export async function parseCommand(args: unknown[], ctx: Context): Promise<number> {
  const [input, flags] = args as [string, InputFlags & { json?: boolean }];
  const { reports } = await loadInput(input, flags, ctx.io);
  for (const report of reports) {
    const parsed = parseReport(report);
    ctx.io.out(flags.json ? `${JSON.stringify(parsedReportJson(parsed))}\n` : describe(parsed));
  }
  return 0;
}

function describe(parsed: ParsedReport): string {
  const { text, parts } = parsed;
  const lines = [`── ${parsed.id} (${parsed.lang}) ${'─'.repeat(Math.max(0, 60 - parsed.id.length))}`];
  const show = (name: string, value: string) => {
    const flat = value.replace(/\s+/g, ' ').trim();
    lines.push(`${name.padEnd(13)}${flat === '' ? '—' : flat.length > 110 ? `${flat.slice(0, 107)}...` : flat}`);
  };
  show('history', textOf(text, parts.history));
  show('quantitative', textOf(text, parts.quantitative));
  show('narrative', textOf(text, parts.narrative));
  show('assessment', textOf(text, parts.assessment));
  lines.push(`measurements (${parsed.measurements.length})`);
  for (const m of parsed.measurements) {
    const value = `${m.value}${m.unit ? ` ${m.unit}` : ''}`;
    const ref = m.ref ? `ref ${m.ref.text}` : '';
    lines.push(`  ${m.key.padEnd(13)}${value.padEnd(14)}${ref.padEnd(22)}"${m.label}" @${m.span.start}`);
  }
  return `${lines.join('\n')}\n\n`;
}
