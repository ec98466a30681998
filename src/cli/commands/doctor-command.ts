/**
 * `cmrdx doctor --model <spec> [server flags]`: the pre-flight check of a server and model before a study. Prints
 * the table (or `--json`), stores the measured capacity for classify, and exits 0 when no check fails, 1 when one
 * does, 2 for bad flags (and an endpoint the egress guard refuses).
 */
import { ConfigError } from '../../errors.js';
import { capacityCacheFile, rememberCapacity, type CapacityEntry } from '../../doctor/capacity-cache.js';
import type { CheckName } from '../../doctor/check-result.js';
import { doctorJson, renderDoctorTable } from '../../doctor/render-doctor.js';
import { runDoctor, type DoctorReport } from '../../doctor/run-doctor.js';
import { readReports } from '../../ingest/read-reports.js';
import { DEFAULT_TAXONOMY } from '../../taxonomy/taxonomy.js';
import { printable } from '../../util/printable.js';
import { DOCTOR_SKIPPABLE, VERSION, type Context } from '../program.js';
import { answerSettings, serverSettings, type ModelFlags } from './model-flags.js';
import { DEMO_REPORTS } from './demo-command.js';
import { loadInput, type InputFlags } from './input-options.js';

interface DoctorFlags extends InputFlags, Omit<ModelFlags, 'translate' | 'logPrompts'> {
  input?: string;
  skip?: string;
  json?: boolean;
}

function skipFlag(value: string | undefined): CheckName[] {
  if (value === undefined) return [];
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !DOCTOR_SKIPPABLE.includes(n));
  if (unknown.length > 0 || names.length === 0) {
    throw new ConfigError(`--skip ${value}: ${unknown.length ? `unknown check ${unknown.join(', ')}` : 'no check named'}`, { code: 'config.skip', hint: `Name checks from ${DOCTOR_SKIPPABLE.join(', ')} (the server check always runs)` });
  }
  return names as CheckName[];
}

export async function doctorCommand(args: unknown[], ctx: Context): Promise<number> {
  const [flags] = args as [DoctorFlags];
  if (flags.model.length !== 1) {
    throw new ConfigError(flags.model.length === 0 ? 'doctor needs --model <spec>' : `doctor checks one model at a time; --model was given ${flags.model.length} times`, {
      code: 'config.model_spec',
      hint: 'Write e.g. cmrdx doctor --model ollama:qwen2.5:32b, and run it once per model',
    });
  }
  const skip = skipFlag(flags.skip);
  const settings = { ...answerSettings(flags), ...serverSettings(flags) };
  const { reports, taxonomy } = await loadInput(flags.input ?? DEMO_REPORTS, flags, ctx.io);
  const demo = readReports(DEMO_REPORTS, { taxonomy: DEFAULT_TAXONOMY }).reports;
  const progress = ctx.io.isTTY
    ? (endpoint: string, check: string) => ctx.io.err(`\r\x1b[Kcmrdx doctor: ${endpoint}: ${check} ...`)
    : (endpoint: string, check: string, ms: number) => ctx.io.err(`cmrdx doctor: ${endpoint}: ${check} (at most ${Math.round(ms / 1000)} s)\n`);
  let report: DoctorReport;
  try {
    report = await runDoctor({
      spec: flags.model[0]!,
      settings,
      taxonomy,
      input: { name: flags.input ?? 'the demo cohort', reports },
      smoke: { reports: demo, taxonomy: DEFAULT_TAXONOMY },
      skip,
      version: VERSION,
      onProgress: progress,
    });
  } finally {
    if (ctx.io.isTTY) ctx.io.err('\r\x1b[K');
  }
  ctx.io.out(flags.json ? doctorJson(report) : renderDoctorTable(report));
  saveCapacity(report, ctx);
  return report.verdict === 'fail' ? 1 : 0;
}

/** Stores each endpoint's measured capacity for classify; a cache that cannot be written is a warning only. */
function saveCapacity(report: DoctorReport, ctx: Context): void {
  const entries: CapacityEntry[] = report.endpoints.flatMap((e) =>
    e.capacity && e.checks.find((c) => c.check === 'capacity')?.verdict !== 'fail'
      ? [{ endpoint: e.endpoint, model: report.model, concurrency: e.capacity.recommended, slots: e.capacity.slots, perSecond: 1 / e.capacity.secondsPerShortRequest, ...(e.capacity.secondsPerReport !== undefined ? { secondsPerReport: e.capacity.secondsPerReport } : {}), measuredAt: report.startedAt, cmrdx: report.cmrdx }]
      : [],
  );
  if (entries.length === 0) return;
  const file = capacityCacheFile();
  try {
    rememberCapacity(file, entries);
    ctx.io.err(`cmrdx doctor: classify will use --concurrency ${entries.map((e) => `${e.concurrency} for ${e.endpoint}`).join(', ')} (stored in ${printable(file)})\n`);
  } catch (error) {
    ctx.io.err(`cmrdx doctor: warning: could not store the measured capacity in ${printable(file)} (${(error as NodeJS.ErrnoException).code ?? 'error'}); classify will not use it\n`);
  }
}
