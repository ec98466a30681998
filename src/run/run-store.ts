/**
 * The run store: one SQLite file per run (`<out>/run.sqlite`, WAL) that holds the run's configuration and every
 * prediction, committed as it completes, so a crashed or interrupted run resumes where it stopped. Every
 * prediction keeps the hash of the report text it was made from, so a report edited since is classified
 * again; its tokens (thinking too), stop reason and confidence are columns beside its line, for queries. It
 * also caches translations by text hash + model + prompt version. predictions.jsonl is always
 * written from here. A file that is not a run store (damaged, or another program's SQLite file) is refused
 * before anything is written to it.
 *
 * Other processes may open the same file for their own tables while a run writes (WAL mode; connections wait
 * up to 5 s for a busy lock). Only one classify run writes at a time: see run-lock.ts.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { ConfigError, StorageError } from '../errors.js';
import type { Prediction } from '../readers/reader.js';
import type { Report } from '../report/report.js';
import type { LockHolder } from './run-lock.js';
import { predictionLine } from './prediction-line.js';
import { storageError } from './storage-error.js';

/** The `meta` key that marks a cmrdx run store. */
const FORMAT = 'cmrdx-run/1';

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
  text_hash TEXT,
  tokens_thinking INTEGER,
  stop_reason TEXT,
  confidence REAL,
  confidence_source TEXT,
  PRIMARY KEY (report_id, model)
);
CREATE TABLE IF NOT EXISTS reports (
  seq INTEGER NOT NULL,
  id TEXT PRIMARY KEY,
  label TEXT,
  lang TEXT,
  text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS batch_requests (
  custom_id TEXT PRIMARY KEY,
  model TEXT NOT NULL,
  report_id TEXT NOT NULL,
  sample INTEGER NOT NULL,
  file TEXT NOT NULL,
  exported_at TEXT NOT NULL
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
    let db: Database.Database | undefined;
    try {
      db = new Database(path, { timeout: 5000 });
      this.db = db;
      // Reading the tables first: a damaged file fails here, and a foreign one is refused before any write.
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
      if (tables.length > 0 && !isRunStore(db, tables)) {
        throw new StorageError(path, `${path}: not a cmrdx run store (another program's SQLite file)`, {
          code: 'storage.foreign',
          hint: 'Choose another --out folder, or move the file away',
        });
      }
      db.pragma('journal_mode = WAL');
      // WAL with synchronous=NORMAL survives a killed process (not a power cut) without an fsync per prediction.
      db.pragma('synchronous = NORMAL');
      // IMMEDIATE: the write lock is waited for at BEGIN (busy timeout); a deferred transaction that must upgrade
      // while another connection writes (a reading page's answer, another command) fails at once with SQLITE_BUSY.
      db.transaction(() => {
        db!.exec(SCHEMA);
        // Stores from before text hashes were kept: their predictions are checked against the stored texts.
        // Stores from before confidences: their predictions have none (NULL), as their lines do.
        const columns = (db!.prepare('PRAGMA table_info(predictions)').all() as { name: string }[]).map((c) => c.name);
        for (const [column, type] of ADDED_COLUMNS) if (!columns.includes(column)) db!.exec(`ALTER TABLE predictions ADD COLUMN ${column} ${type}`);
        db!.prepare("INSERT INTO meta (key, value) VALUES ('format', ?) ON CONFLICT (key) DO NOTHING").run(FORMAT);
      }).immediate();
      this.insert = db.prepare(
        `INSERT INTO predictions (report_id, model, seq, category, error, seconds, tokens_in, tokens_out, line, completed_at, text_hash, tokens_thinking, stop_reason, confidence, confidence_source)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (report_id, model) DO UPDATE SET seq = excluded.seq, category = excluded.category, error = excluded.error,
           seconds = excluded.seconds, tokens_in = excluded.tokens_in, tokens_out = excluded.tokens_out, line = excluded.line,
           completed_at = excluded.completed_at, text_hash = excluded.text_hash, tokens_thinking = excluded.tokens_thinking,
           stop_reason = excluded.stop_reason, confidence = excluded.confidence, confidence_source = excluded.confidence_source`,
      );
    } catch (error) {
      db?.close();
      throw storageError(path, error);
    }
  }

  static open(path: string): RunStore {
    return new RunStore(path);
  }

  /** Who holds the run's lock, as the holder wrote it; undefined when the store cannot be read. */
  static holder(path: string): LockHolder | undefined {
    try {
      const db = new Database(path, { readonly: true, fileMustExist: true, timeout: 1000 });
      try {
        const row = db.prepare("SELECT value FROM meta WHERE key = 'holder'").get() as { value: string } | undefined;
        return row ? (JSON.parse(row.value) as LockHolder) : undefined;
      } finally {
        db.close();
      }
    } catch {
      return undefined;
    }
  }

  /** Says in the store which process holds the run's lock (for the message another process gets). */
  recordHolder(holder: LockHolder): void {
    this.db.prepare("INSERT INTO meta (key, value) VALUES ('holder', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(holder));
  }

  /** A value of the store's `meta` table (JSON), or undefined. */
  meta<T>(key: string): T | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  setMeta(key: string, value: unknown): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
  }

  /** Records the requests of an exported batch file (src/batch/): what `batch import` expects answers for. */
  putBatchRequests(rows: { customId: string; model: string; reportId: string; sample: number; file: string }[]): void {
    const insert = this.db.prepare('INSERT OR REPLACE INTO batch_requests (custom_id, model, report_id, sample, file, exported_at) VALUES (?, ?, ?, ?, ?, ?)');
    const now = new Date().toISOString();
    this.db.transaction(() => rows.forEach((r) => insert.run(r.customId, r.model, r.reportId, r.sample, r.file, now)))();
  }

  batchRequests(): { customId: string; model: string; reportId: string; sample: number; file: string }[] {
    const rows = this.db.prepare('SELECT custom_id, model, report_id, sample, file FROM batch_requests ORDER BY rowid').all() as { custom_id: string; model: string; report_id: string; sample: number; file: string }[];
    return rows.map((r) => ({ customId: r.custom_id, model: r.model, reportId: r.report_id, sample: r.sample, file: r.file }));
  }

  /** The stored error of a (report, model) pair: null when it succeeded, undefined when nothing is stored. */
  storedError(reportId: string, model: string): { code: string } | null | undefined {
    const row = this.db.prepare('SELECT error FROM predictions WHERE report_id = ? AND model = ?').get(reportId, model) as { error: string | null } | undefined;
    if (!row) return undefined;
    return row.error === null ? null : (JSON.parse(row.error) as { code: string });
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
      if (fresh) this.db.exec("DELETE FROM predictions; DELETE FROM reports; DELETE FROM batch_requests; DELETE FROM meta WHERE key = 'batch'");
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
  put(prediction: Prediction, seq: number, textHash?: string, completedAt = new Date().toISOString()): void {
    const usage = prediction.details?.usage as { promptTokens?: number; outputTokens?: number; thinkingTokens?: number } | undefined;
    const stopReason = prediction.details?.stopReason;
    // Positional parameters, in the order of the statement's columns: binding by name costs a look-up per column.
    this.insert.run(
      prediction.id,
      prediction.model,
      seq,
      prediction.category,
      prediction.error ? JSON.stringify(prediction.error) : null,
      prediction.seconds,
      usage?.promptTokens ?? null,
      usage?.outputTokens ?? null,
      predictionLine(prediction),
      completedAt,
      textHash ?? null,
      usage?.thinkingTokens ?? null,
      typeof stopReason === 'string' ? stopReason : null,
      prediction.confidence?.value ?? null,
      prediction.confidence?.source ?? null,
    );
  }

  /** Commits many predictions in one transaction (the in-process rules reader makes thousands per second), with its time. */
  putMany(items: { prediction: Prediction; seq: number; textHash?: string }[]): void {
    this.db.transaction(() => {
      const completedAt = new Date().toISOString();
      for (const { prediction, seq, textHash } of items) this.put(prediction, seq, textHash, completedAt);
    })();
  }

  /**
   * Removes the predictions made from another text than the report has now (`hashes`: report id → hash of
   * its current text), so they are classified again and never reach predictions.jsonl; returns how many
   * reports changed. A prediction stored without a hash (older stores) is compared through the stored text.
   * Call it before `putReports` replaces the stored texts.
   */
  dropChanged(hashes: Map<string, string>, hashOf: (text: string) => string): number {
    const rows = this.db.prepare('SELECT report_id, model, text_hash FROM predictions').all() as { report_id: string; model: string; text_hash: string | null }[];
    const storedText = this.db.prepare('SELECT text FROM reports WHERE id = ?');
    const oldHash = new Map<string, string | undefined>();
    const hashBefore = (id: string) => {
      if (!oldHash.has(id)) {
        const row = storedText.get(id) as { text: string } | undefined;
        oldHash.set(id, row ? hashOf(row.text) : undefined);
      }
      return oldHash.get(id);
    };
    const stale = rows.filter((r) => {
      const now = hashes.get(r.report_id);
      const then = r.text_hash ?? hashBefore(r.report_id);
      return now !== undefined && then !== undefined && then !== now;
    });
    if (stale.length === 0) return 0;
    const remove = this.db.prepare('DELETE FROM predictions WHERE report_id = ? AND model = ?');
    this.db.transaction(() => stale.forEach((r) => remove.run(r.report_id, r.model)))();
    return new Set(stale.map((r) => r.report_id)).size;
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
    return rows.map(storedReport);
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

/**
 * A run store opened to read only (evaluate, consensus, export): a finished run on a read-only share, or one
 * another process is writing, is read without taking a write lock, creating tables or changing the journal.
 * What a store of an older layout, or one that holds only the human readers' tables, lacks reads as empty.
 */
export class RunStoreReader {
  private readonly db: Database.Database;
  private readonly tables: Set<string>;

  private constructor(readonly path: string) {
    let db: Database.Database | undefined;
    try {
      db = openForReading(path);
      this.db = db;
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
      if (tables.length > 0 && !isRunStore(db, tables)) {
        throw new StorageError(path, `${path}: not a cmrdx run store (another program's SQLite file)`, { code: 'storage.foreign', hint: 'Move the file away, or point cmrdx at the run folder it belongs to' });
      }
      this.tables = new Set(tables);
    } catch (error) {
      db?.close();
      throw storageError(path, error);
    }
  }

  static open(path: string): RunStoreReader {
    return new RunStoreReader(path);
  }

  config(): RunConfig | null {
    if (!this.tables.has('meta')) return null;
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get('config') as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as RunConfig) : null;
  }

  reports(): Report[] {
    if (!this.tables.has('reports')) return [];
    const rows = this.db.prepare('SELECT id, label, lang, text FROM reports ORDER BY seq').all() as { id: string; label: string | null; lang: string | null; text: string }[];
    return rows.map(storedReport);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * A read-only connection. A WAL store in a folder the reader may not write to (an archived run, a colleague's
 * share) cannot be opened so: SQLite must create its shared-memory file beside it. Without a write-ahead log
 * beside it the file alone holds the whole run, so then a copy in memory is read, its header marked as a
 * rollback-journal database (an in-memory database has no WAL).
 */
export function openForReading(path: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: 5000 });
    // The shared-memory file is made at the first read, not at open.
    db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db?.close();
    const code = (error as { code?: string }).code ?? '';
    const wal = `${path}-wal`;
    if ((code !== 'SQLITE_READONLY_DIRECTORY' && !code.startsWith('SQLITE_CANTOPEN')) || (existsSync(wal) && statSync(wal).size > 0)) throw error;
    const copy = readFileSync(path);
    if (copy.length >= 20 && copy[18] === 2 && copy[19] === 2) copy.fill(1, 18, 20);
    return new Database(copy, { readonly: true });
  }
}

const storedReport = (r: { id: string; label: string | null; lang: string | null; text: string }): Report => ({ id: r.id, text: r.text, ...(r.label ? { label: r.label } : {}), ...(r.lang === 'de' || r.lang === 'en' ? { lang: r.lang } : {}) });

/**
 * A cmrdx store says so in its meta table (stores from before that marker have the run configuration there),
 * or holds only the human readers' tables of a folder where `cmrdx read` came first.
 */
function isRunStore(db: Database.Database, tables: string[]): boolean {
  if (tables.every((t) => HUMAN_TABLES.has(t))) return true;
  if (!tables.includes('meta') || !tables.includes('predictions')) return false;
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM meta WHERE key IN ('format', 'config')").get() as { n: number }).n > 0;
  } catch {
    return false;
  }
}

/** Columns of `predictions` added after the first stores were written (older stores get them, empty, on open). */
const ADDED_COLUMNS: [string, string][] = [
  ['text_hash', 'TEXT'],
  ['tokens_thinking', 'INTEGER'],
  ['stop_reason', 'TEXT'],
  ['confidence', 'REAL'],
  ['confidence_source', 'TEXT'],
];

/** The tables src/run/human-answers.ts keeps in run.sqlite. */
const HUMAN_TABLES = new Set(['human_readers', 'human_answers', 'adjudications']);

function describeDifference(a: RunConfig, b: RunConfig): string {
  const parts: string[] = [];
  if (stableStringify(a.models) !== stableStringify(b.models)) parts.push(`models were ${a.models.join(', ')}, now ${b.models.join(', ')}`);
  if (stableStringify(a.taxonomy) !== stableStringify(b.taxonomy)) parts.push(`taxonomy was ${a.taxonomy.name} v${a.taxonomy.version}`);
  if (a.promptVersion !== b.promptVersion) parts.push(`prompt was ${a.promptVersion ?? 'none'}, now ${b.promptVersion ?? 'none'}`);
  if (stableStringify(a.options) !== stableStringify(b.options)) parts.push(`options were ${stableStringify(a.options ?? {})}, now ${stableStringify(b.options ?? {})}`);
  return parts.join('; ') || 'settings differ';
}
