/**
 * Human readers and adjudications in the run store: the answers people give on the reading page
 * (`cmrdx read`) and the final categories an adjudicator chooses (`cmrdx adjudicate`), in tables of their own in
 * `<out>/run.sqlite`, beside (never inside) the predictions of the models. Each answer is committed as it is
 * given, with the seconds it took and a hash of the report text it was given for.
 *
 * The file may be written by a classify run at the same time (one writer at a time in SQLite's WAL mode), so
 * every connection here waits for the lock (busy timeout) instead of failing.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import type { UnclassifiedReason } from '../taxonomy/taxonomy.js';
import { STORE_FILE } from './run-classify.js';
import { openForReading } from './run-store.js';

/** How long a write waits for a classify run (or another page) to release the file. */
export const BUSY_TIMEOUT_MS = 15_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS human_readers (
  name TEXT PRIMARY KEY,
  seed TEXT NOT NULL,
  lang TEXT NOT NULL,
  taxonomy TEXT NOT NULL,
  started_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS human_answers (
  reader TEXT NOT NULL,
  report_id TEXT NOT NULL,
  category TEXT NOT NULL,
  seconds REAL NOT NULL,
  unsure INTEGER NOT NULL,
  comment TEXT,
  text_hash TEXT NOT NULL,
  first_category TEXT NOT NULL,
  unclassified_reason TEXT,
  first_unclassified_reason TEXT,
  revisions INTEGER NOT NULL,
  first_answered_at TEXT NOT NULL,
  answered_at TEXT NOT NULL,
  PRIMARY KEY (reader, report_id)
);
CREATE TABLE IF NOT EXISTS adjudications (
  report_id TEXT PRIMARY KEY,
  category TEXT NOT NULL,
  adjudicator TEXT NOT NULL,
  seconds REAL NOT NULL,
  comment TEXT,
  text_hash TEXT NOT NULL,
  reason TEXT NOT NULL,
  voted_status TEXT NOT NULL,
  voted_category TEXT,
  adjudicated_at TEXT NOT NULL
);
`;

export interface HumanAnswer {
  reader: string;
  reportId: string;
  /** A category of the reader's taxonomy, or UNCLASSIFIED: the reader's "no category", with its reason. */
  category: string;
  /** Why the reader gave no category (set exactly when `category` is UNCLASSIFIED). */
  unclassifiedReason: UnclassifiedReason | null;
  /** Active reading time over every visit that led to this answer (see docs: time adds up when changed). */
  seconds: number;
  unsure: boolean;
  comment: string | null;
  textHash: string;
  /** The first answer given (the blinded first read), kept when the answer is changed. */
  firstCategory: string;
  /**
   * The first answer's reason when it was no category; null otherwise, and for an answer changed in a store made
   * before this was kept (its first reason is unknown).
   */
  firstUnclassifiedReason: UnclassifiedReason | null;
  /** How often the answer was replaced. */
  revisions: number;
  firstAnsweredAt: string;
  answeredAt: string;
}

export interface Adjudication {
  reportId: string;
  category: string;
  adjudicator: string;
  seconds: number;
  comment: string | null;
  textHash: string;
  /** Why the report was on the review list. */
  reason: 'no majority' | 'rules disagrees' | 'below target';
  /** The consensus vote as it stood: its status and category (null without a majority). */
  votedStatus: string;
  votedCategory: string | null;
  adjudicatedAt: string;
}

export interface HumanReaderRow {
  name: string;
  seed: string;
  lang: string;
  taxonomy: string;
  startedAt: string;
}

interface AnswerRow {
  reader: string;
  report_id: string;
  category: string;
  seconds: number;
  unsure: number;
  comment: string | null;
  text_hash: string;
  first_category: string;
  /** Absent in a store written before readers could give no category (read-only stores are not migrated). */
  unclassified_reason?: string | null;
  first_unclassified_reason?: string | null;
  revisions: number;
  first_answered_at: string;
  answered_at: string;
}

interface AdjudicationRow {
  report_id: string;
  category: string;
  adjudicator: string;
  seconds: number;
  comment: string | null;
  text_hash: string;
  reason: Adjudication['reason'];
  voted_status: string;
  voted_category: string | null;
  adjudicated_at: string;
}

const toAnswer = (r: AnswerRow): HumanAnswer => ({
  reader: r.reader,
  reportId: r.report_id,
  category: r.category,
  unclassifiedReason: (r.unclassified_reason ?? null) as UnclassifiedReason | null,
  seconds: r.seconds,
  unsure: r.unsure === 1,
  comment: r.comment,
  textHash: r.text_hash,
  firstCategory: r.first_category,
  firstUnclassifiedReason: (r.first_unclassified_reason ?? (r.revisions === 0 ? r.unclassified_reason : null) ?? null) as UnclassifiedReason | null,
  revisions: r.revisions,
  firstAnsweredAt: r.first_answered_at,
  answeredAt: r.answered_at,
});

const toAdjudication = (r: AdjudicationRow): Adjudication => ({
  reportId: r.report_id,
  category: r.category,
  adjudicator: r.adjudicator,
  seconds: r.seconds,
  comment: r.comment,
  textHash: r.text_hash,
  reason: r.reason,
  votedStatus: r.voted_status,
  votedCategory: r.voted_category,
  adjudicatedAt: r.adjudicated_at,
});

/**
 * An existing store is only read (evaluate, export, the reading page's setup). It is opened for writing where it
 * may be, so that the last connection to close removes the -wal and -shm files a read-only one leaves behind; on a
 * read-only share, as the run store's readers read it, so the run keeps its human answers.
 */
function openStoreFile(path: string, mode: 'create' | 'existing'): Database.Database {
  if (mode === 'create') return new Database(path, { timeout: BUSY_TIMEOUT_MS });
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS, fileMustExist: true });
    // SQLite opens a write-protected file read-only without a word; its first read fails where the -shm cannot be made.
    db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db?.close();
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('SQLITE_READONLY') && !code.startsWith('SQLITE_CANTOPEN')) throw error;
    return openForReading(path);
  }
}

/** A store made before a column existed gets it (SQLite's CREATE TABLE IF NOT EXISTS leaves an old table as it is). */
function addMissingColumns(db: Database.Database): void {
  // In one write transaction: two pages opening an old store at once must not both add the column.
  db.transaction(() => {
    const columns = new Set((db.prepare('PRAGMA table_info(human_answers)').all() as { name: string }[]).map((c) => c.name));
    if (!columns.has('unclassified_reason')) db.exec('ALTER TABLE human_answers ADD COLUMN unclassified_reason TEXT');
    if (!columns.has('first_unclassified_reason')) {
      db.exec('ALTER TABLE human_answers ADD COLUMN first_unclassified_reason TEXT');
      // An answer never changed is its own first read; a changed one's first reason was not kept (stays null).
      db.exec('UPDATE human_answers SET first_unclassified_reason = unclassified_reason WHERE revisions = 0');
    }
  }).immediate();
}

export class HumanAnswerStore {
  private readonly db: Database.Database;

  /**
   * `create`: open or make the store with its tables. `existing`: only look at a store that is there, read-write
   * where the folder allows (a read-only connection that closes last leaves the WAL files behind), else read-only.
   */
  private constructor(readonly path: string, mode: 'create' | 'existing') {
    try {
      this.db = openStoreFile(path, mode);
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      if (mode === 'create') {
        // A folder that has no run yet gets the run store's own settings (WAL), so classify can join later.
        if (this.db.pragma('journal_mode', { simple: true }) !== 'wal') this.db.pragma('journal_mode = WAL');
        this.db.exec(SCHEMA);
        addMissingColumns(this.db);
      }
    } catch (error) {
      throw new ConfigError(`--out: cannot open the run store ${path} (${(error as Error).message})`, {
        code: 'config.store',
        hint: 'Check that the output folder is writable and that the file is a cmrdx run.sqlite',
        cause: error,
      });
    }
  }

  /** The human answers of the run in `dir`, creating the folder and the tables when needed. */
  static open(dir: string): HumanAnswerStore {
    mkdirSync(dir, { recursive: true });
    return new HumanAnswerStore(join(dir, STORE_FILE), 'create');
  }

  /** Read-only, for evaluate and export; null when the folder has no run store or no human answers. */
  static openExisting(dir: string): HumanAnswerStore | null {
    let store: HumanAnswerStore | undefined;
    try {
      store = new HumanAnswerStore(join(dir, STORE_FILE), 'existing');
      const has = store.db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('human_answers', 'adjudications')").get() as { n: number };
      if (has.n >= 2) return store;
    } catch {
      // No store, or a damaged one: the run store's own open says which, with what to do.
    }
    store?.close();
    return null;
  }

  reader(name: string): HumanReaderRow | null {
    const row = this.db.prepare('SELECT name, seed, lang, taxonomy, started_at FROM human_readers WHERE name = ?').get(name) as
      | { name: string; seed: string; lang: string; taxonomy: string; started_at: string }
      | undefined;
    return row ? { name: row.name, seed: row.seed, lang: row.lang, taxonomy: row.taxonomy, startedAt: row.started_at } : null;
  }

  /** Every reading session's reader and the taxonomy it read under (see run-taxonomy.ts's taxonomyIdentity). */
  readerTaxonomies(): { name: string; taxonomy: string }[] {
    return this.db.prepare('SELECT name, taxonomy FROM human_readers ORDER BY name').all() as { name: string; taxonomy: string }[];
  }

  readerNames(): string[] {
    const rows = this.db.prepare('SELECT name FROM human_readers UNION SELECT DISTINCT reader AS name FROM human_answers ORDER BY name').all() as { name: string }[];
    return rows.map((r) => r.name);
  }

  /** Records (or updates) a reading session: the seed of its order, its UI language and taxonomy. */
  putReader(row: Omit<HumanReaderRow, 'startedAt'>): void {
    this.db
      .prepare(
        `INSERT INTO human_readers (name, seed, lang, taxonomy, started_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET seed = excluded.seed, lang = excluded.lang, taxonomy = excluded.taxonomy`,
      )
      .run(row.name, row.seed, row.lang, row.taxonomy, new Date().toISOString());
  }

  /**
   * Commits one answer. A changed answer replaces the earlier one; its seconds are added to the earlier
   * seconds (the time a person spent on a report is all the time they spent on it), the first category and its
   * no-category reason are kept (the first read of a reader study).
   * An answer for another text of the report (the input changed since) starts that report over.
   */
  putAnswer(answer: Pick<HumanAnswer, 'reader' | 'reportId' | 'category' | 'seconds' | 'unsure' | 'comment' | 'textHash'> & { unclassifiedReason?: UnclassifiedReason | null }): HumanAnswer {
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO human_answers (reader, report_id, category, unclassified_reason, seconds, unsure, comment, text_hash, first_category, first_unclassified_reason, revisions, first_answered_at, answered_at)
         VALUES (@reader, @report_id, @category, @reason, @seconds, @unsure, @comment, @text_hash, @category, @reason, 0, @now, @now)
         ON CONFLICT (reader, report_id) DO UPDATE SET category = excluded.category, unclassified_reason = excluded.unclassified_reason,
           seconds = CASE WHEN text_hash = excluded.text_hash THEN seconds + excluded.seconds ELSE excluded.seconds END,
           first_category = CASE WHEN text_hash = excluded.text_hash THEN first_category ELSE excluded.category END,
           first_unclassified_reason = CASE WHEN text_hash = excluded.text_hash THEN first_unclassified_reason ELSE excluded.unclassified_reason END,
           revisions = CASE WHEN text_hash = excluded.text_hash THEN revisions + 1 ELSE 0 END,
           first_answered_at = CASE WHEN text_hash = excluded.text_hash THEN first_answered_at ELSE excluded.first_answered_at END,
           unsure = excluded.unsure, comment = excluded.comment, text_hash = excluded.text_hash, answered_at = excluded.answered_at`,
      )
      .run({
        reader: answer.reader,
        report_id: answer.reportId,
        category: answer.category,
        reason: answer.unclassifiedReason ?? null,
        seconds: answer.seconds,
        unsure: answer.unsure ? 1 : 0,
        comment: answer.comment,
        text_hash: answer.textHash,
        now,
      });
    return this.answers(answer.reader).get(answer.reportId)!;
  }

  /** One reader's answers by report id. */
  answers(reader: string): Map<string, HumanAnswer> {
    const rows = this.db.prepare('SELECT * FROM human_answers WHERE reader = ? ORDER BY answered_at').all(reader) as AnswerRow[];
    return new Map(rows.map((r) => [r.report_id, toAnswer(r)]));
  }

  /** Every human reader with answers, and their answers. */
  allAnswers(): Map<string, Map<string, HumanAnswer>> {
    const out = new Map<string, Map<string, HumanAnswer>>();
    for (const row of this.db.prepare('SELECT * FROM human_answers ORDER BY reader, answered_at').all() as AnswerRow[]) {
      if (!out.has(row.reader)) out.set(row.reader, new Map());
      out.get(row.reader)!.set(row.report_id, toAnswer(row));
    }
    return out;
  }

  /** Commits one adjudication; a second one for the same report replaces it (seconds add up, as for answers). */
  putAdjudication(a: Omit<Adjudication, 'adjudicatedAt'>): Adjudication {
    this.db
      .prepare(
        `INSERT INTO adjudications (report_id, category, adjudicator, seconds, comment, text_hash, reason, voted_status, voted_category, adjudicated_at)
         VALUES (@report_id, @category, @adjudicator, @seconds, @comment, @text_hash, @reason, @voted_status, @voted_category, @now)
         ON CONFLICT (report_id) DO UPDATE SET category = excluded.category, adjudicator = excluded.adjudicator,
           seconds = seconds + excluded.seconds, comment = excluded.comment, text_hash = excluded.text_hash, reason = excluded.reason,
           voted_status = excluded.voted_status, voted_category = excluded.voted_category, adjudicated_at = excluded.adjudicated_at`,
      )
      .run({
        report_id: a.reportId,
        category: a.category,
        adjudicator: a.adjudicator,
        seconds: a.seconds,
        comment: a.comment,
        text_hash: a.textHash,
        reason: a.reason,
        voted_status: a.votedStatus,
        voted_category: a.votedCategory,
        now: new Date().toISOString(),
      });
    return this.adjudications().get(a.reportId)!;
  }

  adjudications(): Map<string, Adjudication> {
    const rows = this.db.prepare('SELECT * FROM adjudications ORDER BY adjudicated_at').all() as AdjudicationRow[];
    return new Map(rows.map((r) => [r.report_id, toAdjudication(r)]));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
