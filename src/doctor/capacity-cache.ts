/**
 * The capacity doctor measured, kept for classify: per endpoint and model, the recommended --concurrency with
 * the date and the cmrdx version it was measured with. classify uses an entry for the endpoints and models of
 * its run unless --concurrency is given, and says so; an entry older than a week or from another cmrdx version
 * is stale and ignored (a server is restarted with other settings, cmrdx's requests change).
 *
 * It lives in the user's cache folder, `$XDG_CACHE_HOME/cmrdx/capacity.json` (default `~/.cache/cmrdx`), not
 * beside a run: it describes a server, not a study, doctor runs before any output folder exists, and every later
 * run against that server (any --out) should find it. It is a cache in the XDG sense, data that can be measured
 * again at any time, so deleting it loses nothing. It holds endpoint URLs, model names and numbers, never report
 * text. Written whole and renamed into place, so a reader never sees half a file.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeAtomic } from '../util/write-atomic.js';

export const CAPACITY_MAX_AGE_DAYS = 7;

export interface CapacityEntry {
  endpoint: string;
  /** The model spec (`ollama:qwen2.5:32b`). */
  model: string;
  concurrency: number;
  slots: number;
  /** Short answers per second at `concurrency`. */
  perSecond: number;
  /** Seconds per report of the smoke run (full answers) at `concurrency`, when it ran. */
  secondsPerReport?: number;
  measuredAt: string;
  cmrdx: string;
}

/** Where the cache is: `$XDG_CACHE_HOME/cmrdx/capacity.json`, else `~/.cache/cmrdx/capacity.json`. */
export function capacityCacheFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(env.HOME || homedir(), '.cache');
  return join(base, 'cmrdx', 'capacity.json');
}

const isEntry = (e: unknown): e is CapacityEntry => {
  const x = e as CapacityEntry;
  return typeof x?.endpoint === 'string' && typeof x.model === 'string' && Number.isInteger(x.concurrency) && x.concurrency >= 1 && typeof x.measuredAt === 'string' && typeof x.cmrdx === 'string';
};

/** The entries of the cache; a missing file is empty, a damaged one is reported and treated as empty. */
export function readCapacityCache(file: string): { entries: CapacityEntry[]; problem?: string } {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { entries: [] } : { entries: [], problem: `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    const parsed = JSON.parse(raw) as { entries?: unknown[] };
    return { entries: (parsed.entries ?? []).filter(isEntry) };
  } catch {
    return { entries: [], problem: `${file} is not a capacity cache (not JSON); doctor writes it anew` };
  }
}

/** Adds or replaces the entries for their (endpoint, model). */
export function rememberCapacity(file: string, entries: CapacityEntry[]): void {
  const key = (e: CapacityEntry) => `${e.endpoint}\u0000${e.model}`;
  const fresh = new Set(entries.map(key));
  const kept = readCapacityCache(file).entries.filter((e) => !fresh.has(key(e)));
  mkdirSync(dirname(file), { recursive: true });
  writeAtomic(file, `${JSON.stringify({ about: 'cmrdx doctor: measured capacity per endpoint and model, for classify', entries: [...kept, ...entries] }, null, 2)}\n`);
}

export interface MeasuredConcurrency {
  /** --concurrency per endpoint from doctor's measurements. */
  byEndpoint: Map<string, number>;
  /** What classify says about it on stderr. */
  notes: string[];
}

/**
 * The concurrency doctor measured for each endpoint of a run's readers. With several models on one endpoint the
 * smallest recommendation is used (the endpoint's slots are shared). Stale entries are named and ignored.
 */
export function measuredConcurrency(readers: { id: string; endpoints?: readonly string[] }[], options: { file: string; version: string; now?: Date }): MeasuredConcurrency {
  const now = options.now ?? new Date();
  const { entries, problem } = readCapacityCache(options.file);
  const byEndpoint = new Map<string, number>();
  const used = new Map<string, CapacityEntry[]>();
  const notes: string[] = problem ? [`ignoring the doctor cache: ${problem}`] : [];
  for (const reader of readers) {
    for (const endpoint of reader.endpoints ?? []) {
      const entry = entries.find((e) => e.endpoint === endpoint && e.model === reader.id);
      if (!entry) continue;
      const days = (now.getTime() - Date.parse(entry.measuredAt)) / 86_400_000;
      if (!(days >= 0 && days <= CAPACITY_MAX_AGE_DAYS) || entry.cmrdx !== options.version) {
        const why = entry.cmrdx !== options.version ? `by cmrdx ${entry.cmrdx}` : `on ${entry.measuredAt.slice(0, 10)}, more than ${CAPACITY_MAX_AGE_DAYS} days ago`;
        notes.push(`not using the capacity cmrdx doctor measured for ${reader.id} at ${endpoint} ${why}; run cmrdx doctor again`);
        continue;
      }
      byEndpoint.set(endpoint, Math.min(byEndpoint.get(endpoint) ?? Infinity, entry.concurrency));
      used.set(endpoint, [...(used.get(endpoint) ?? []), entry]);
    }
  }
  for (const [endpoint, list] of used) {
    const models = list.map((e) => e.model).join(', ');
    notes.push(`--concurrency ${byEndpoint.get(endpoint)} for ${endpoint}, as cmrdx doctor measured for ${models} on ${list[0]!.measuredAt.slice(0, 10)} (--concurrency overrides it)`);
  }
  return { byEndpoint, notes };
}
