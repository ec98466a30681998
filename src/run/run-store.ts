/**
 * The run store: one SQLite file per run (`<out>/run.sqlite`, WAL) that holds the run's configuration and every
 * prediction, committed as it completes, so a crashed or interrupted run resumes where it stopped. It also
 * caches translations by text hash + model + prompt version. predictions.jsonl is always written from here.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { ConfigError } from '../errors.js';
import type { Prediction } from '../readers/reader.js';
import type { Report } from '../report/report.js';
import { predictionLine } from './prediction-line.js';

/** What makes two runs the same run: a change in any of it must not be mixed into stored predictions. */
export interface RunConfig {
  models: string[];
  taxonomy: { name: string; version: string };
  promptVersion?: string;
  /** Reader options that change answers (temperature, seed, translate model, context size...). */
  options?: Record<string, unknown>;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS predictions (
  report_id TEXT NOT NULL,
  model TEXT NOT NULL,
  seq INTEGER NOT NULL,
  category TEXT,
  error TEXT,
  seconds REAL NOT NULL,
  tokens_in INTEGER,
  tokens_out INTEGER,
  line TEXT NOT NULL,
  completed_at TEXT NOT NULL,
  PRIMARY KEY (report_id, model)
);
CREATE TABLE IF NOT EXISTS reports (
  seq INTEGER NOT NULL,
  id TEXT PRIMARY KEY,
  label TEXT,
  lang TEXT,
  text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS translations (
  text_hash TEXT NOT NULL,
  model TEXT NOT NULL,
  prompt_version TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (text_hash, model, prompt_version)
);
`;

export function configHash(config: RunConfig): string {
  return createHash('sha256').update(stableStringify(config)).digest('hex').slice(0, 16);
}

/** JSON with sorted keys, so the same configuration always hashes the same. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export class RunStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;

  private constructor(readonly path: string) {
    try {
      this.db = new Database(path);
    } catch (error) {
      throw new ConfigError(`--out: cannot open the run store ${path} (${(error as Error).message})`, {
        code: 'config.store',
        hint: 'Check that the output folder is writable',
        cause: error,
      });
    }
    this.db.pragma('journal_mode = WAL');
    // WAL with synchronous=NORMAL survives a killed process (not a power cut) without an fsync per prediction.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.insert = this.db.prepare(
      `INSERT INTO predictions (report_id, model, seq, category, error, seconds, tokens_in, tokens_out, line, completed_at)
       VALUES (@report_id, @model, @seq, @category, @error, @seconds, @tokens_in, @tokens_out, @line, @completed_at)
       ON CONFLICT (report_id, model) DO UPDATE SET seq = excluded.seq, category = excluded.category, error = excluded.error,
         seconds = excluded.seconds, tokens_in = excluded.tokens_in, tokens_out = excluded.tokens_out, line = excluded.line,
         completed_at = excluded.completed_at`,
    );
  }

  static open(path: string): RunStore {
    return new RunStore(path);
  }

  config(): RunConfig | null {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get('config') as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as RunConfig) : null;
  }

  /**
   * Starts a run or checks that a resumed one is the same run. A different configuration is refused with the
   * difference and how to go on (`--fresh`), so stored predictions never mix two configurations.
   */
  begin(config: RunConfig, fresh = false): 'new' | 'resumed' {
    const stored = this.config();
    if (stored && !fresh) {
      if (configHash(stored) !== configHash(config)) {
        throw new ConfigError(`${this.path}: this run was made with another configuration (${describeDifference(stored, config)})`, {
          code: 'config.resume_mismatch',
          hint: 'Use the same options to resume, --fresh to start this run over, or another --out folder',
        });
      }
      return 'resumed';
    }
    this.db.transaction(() => {
      if (fresh) this.db.exec('DELETE FROM predictions; DELETE FROM reports');
      this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run('config', JSON.stringify(config));
    })();
    return stored ? 'resumed' : 'new';
  }

  /** Keys `model\u0000reportId` of everything already stored; failed ones too unless `withErrors` is false. */
  doneKeys(withErrors = true): Set<string> {
    const rows = this.db.prepare(`SELECT report_id, model FROM predictions ${withErrors ? '' : 'WHERE error IS NULL'}`).all() as { report_id: string; model: string }[];
    return new Set(rows.map((r) => `${r.model}\u0000${r.report_id}`));
  }

  /**
   * Commits one prediction (replacing an earlier attempt of the same report and model). It is stored as its
   * predictions.jsonl line, so exporting is a concatenation.
   */
  put(prediction: Prediction, seq: number): void {
    const usage = prediction.details?.usage as { promptTokens?: number; outputTokens?: number } | undefined;
    this.insert.run({
      report_id: prediction.id,
      model: prediction.model,
      seq,
      category: prediction.category,
      error: prediction.error ? JSON.stringify(prediction.error) : null,
      seconds: prediction.seconds,
      tokens_in: usage?.promptTokens ?? null,
      tokens_out: usage?.outputTokens ?? null,
      line: predictionLine(prediction),
      completed_at: new Date().toISOString(),
    });
  }

  /** Commits many predictions in one transaction (the in-process rules reader makes thousands per second). */
  putMany(items: { prediction: Prediction; seq: number }[]): void {
    this.db.transaction(() => {
      for (const { prediction, seq } of items) this.put(prediction, seq);
    })();
  }

  /** The predictions.jsonl lines in input order, then in the order of `models`. */
  lines(models: string[]): string[] {
    const order = new Map(models.map((m, i) => [m, i]));
    const rows = this.db.prepare('SELECT seq, model, line FROM predictions ORDER BY seq').all() as { seq: number; model: string; line: string }[];
    rows.sort((a, b) => a.seq - b.seq || (order.get(a.model) ?? 99) - (order.get(b.model) ?? 99));
    return rows.map((r) => r.line);
  }

  /** All predictions, parsed, in the order of `lines`. */
  all(models: string[]): Prediction[] {
    return this.lines(models).map((l) => JSON.parse(l) as Prediction);
  }

  /** Per model: how many are stored and failed, the seconds of the successful ones, and the tokens. */
  modelStats(): { model: string; done: number; failed: number; seconds: number[]; tokensIn: number; tokensOut: number }[] {
    const rows = this.db
      .prepare('SELECT model, COUNT(*) AS done, SUM(error IS NOT NULL) AS failed, SUM(tokens_in) AS tokens_in, SUM(tokens_out) AS tokens_out FROM predictions GROUP BY model')
      .all() as { model: string; done: number; failed: number; tokens_in: number | null; tokens_out: number | null }[];
    const seconds = this.db.prepare('SELECT seconds FROM predictions WHERE model = ? AND error IS NULL ORDER BY seconds');
    return rows.map((r) => ({
      model: r.model,
      done: r.done,
      failed: r.failed ?? 0,
      seconds: (seconds.all(r.model) as { seconds: number }[]).map((x) => x.seconds),
      tokensIn: r.tokens_in ?? 0,
      tokensOut: r.tokens_out ?? 0,
    }));
  }

  count(): { done: number; failed: number } {
    const row = this.db.prepare('SELECT COUNT(*) AS done, SUM(error IS NOT NULL) AS failed FROM predictions').get() as { done: number; failed: number | null };
    return { done: row.done, failed: row.failed ?? 0 };
  }

  /**
   * Keeps the run's reports (id, truth label, text) beside the predictions, so `evaluate` finds the truth and the
   * texts of misclassified reports in the run folder. The folder is as private as the input it came from.
   */
  putReports(reports: Report[]): void {
    const insert = this.db.prepare('INSERT OR REPLACE INTO reports (seq, id, label, lang, text) VALUES (?, ?, ?, ?, ?)');
    this.db.transaction(() => reports.forEach((r, seq) => insert.run(seq, r.id, r.label ?? null, r.lang ?? null, r.text)))();
  }

  reports(): Report[] {
    const rows = this.db.prepare('SELECT id, label, lang, text FROM reports ORDER BY seq').all() as { id: string; label: string | null; lang: string | null; text: string }[];
    return rows.map((r) => ({ id: r.id, text: r.text, ...(r.label ? { label: r.label } : {}), ...(r.lang === 'de' || r.lang === 'en' ? { lang: r.lang } : {}) }));
  }

  translation(textHash: string, model: string, promptVersion: string): string | undefined {
    const row = this.db.prepare('SELECT text FROM translations WHERE text_hash = ? AND model = ? AND prompt_version = ?').get(textHash, model, promptVersion) as { text: string } | undefined;
    return row?.text;
  }

  putTranslation(textHash: string, model: string, promptVersion: string, text: string): void {
    this.db.prepare('INSERT OR REPLACE INTO translations (text_hash, model, prompt_version, text) VALUES (?, ?, ?, ?)').run(textHash, model, promptVersion, text);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function describeDifference(a: RunConfig, b: RunConfig): string {
  const parts: string[] = [];
  if (stableStringify(a.models) !== stableStringify(b.models)) parts.push(`models were ${a.models.join(', ')}, now ${b.models.join(', ')}`);
  if (stableStringify(a.taxonomy) !== stableStringify(b.taxonomy)) parts.push(`taxonomy was ${a.taxonomy.name} v${a.taxonomy.version}`);
  if (a.promptVersion !== b.promptVersion) parts.push(`prompt was ${a.promptVersion ?? 'none'}, now ${b.promptVersion ?? 'none'}`);
  if (stableStringify(a.options) !== stableStringify(b.options)) parts.push(`options were ${stableStringify(a.options ?? {})}, now ${stableStringify(b.options ?? {})}`);
  return parts.join('; ') || 'settings differ';
}
