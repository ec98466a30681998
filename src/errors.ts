/**
 * One error tree for the whole toolkit. Every message is one line that says what went wrong, where (file and
 * line, id, or flag) and how to fix it; the CLI prints it as is and maps the class to an exit code.
 * Errors carry a `Symbol.for` marker so `isInstance` still works when two copies of the package are loaded.
 */
import { printable } from './util/printable.js';

const MARKER = Symbol.for('cmrdx.error');

export interface ErrorInfo {
  /** Machine-readable kind, stable across versions (e.g. `input.not_json`). */
  code: string;
  /** What to do about it. Appended to the message. */
  hint?: string;
  cause?: unknown;
}

export class CmrdxError extends Error {
  readonly [MARKER] = true;
  readonly code: string;
  readonly hint: string | undefined;
  /** The message without the hint: what went wrong, for a caller that adds its own advice. */
  readonly summary: string;

  constructor(message: string, info: ErrorInfo) {
    // Messages name files, folders and flags as the user's data spells them; a file name with a line break or an
    // escape sequence must not forge a line or recolour the terminal, so the one line is made printable here, for
    // every error at once. (`file` and `path` fields keep the names as they are.)
    const summary = printable(message);
    const hint = info.hint === undefined ? undefined : printable(info.hint);
    super(hint ? `${summary}. ${hint}` : summary, { cause: info.cause });
    this.name = 'CmrdxError';
    this.code = info.code;
    this.hint = hint;
    this.summary = summary;
  }

  static isInstance(value: unknown): value is CmrdxError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}

/** The user's input files are wrong: a missing path, a line that is not JSON, a duplicate id. Exit code 2. */
export class InputError extends CmrdxError {
  readonly file: string | undefined;
  readonly line: number | undefined;

  constructor(where: { file?: string; line?: number; id?: string }, message: string, info: ErrorInfo) {
    const place = [where.file, where.line].filter((p) => p !== undefined).join(':');
    const prefix = place ? `${place}: ` : '';
    const idPart = where.id !== undefined && where.line === undefined ? `report "${where.id}": ` : '';
    super(`${prefix}${idPart}${message}`, info);
    this.name = 'InputError';
    this.file = where.file;
    this.line = where.line;
  }
}

/** A flag, a config file, a taxonomy or prompt file is wrong, or an endpoint is refused. Exit code 2. */
export class ConfigError extends CmrdxError {
  constructor(message: string, info: ErrorInfo) {
    super(message, info);
    this.name = 'ConfigError';
  }
}

/** An endpoint outside loopback/private networks was refused before any connection was made. */
export class EgressError extends ConfigError {
  readonly host: string;
  constructor(host: string, message: string, info: ErrorInfo) {
    super(message, info);
    this.name = 'EgressError';
    this.host = host;
  }
}

/** A backend call failed: HTTP status, reset, timeout. `isRetryable` tells the scheduler whether to try again. */
export class BackendError extends CmrdxError {
  readonly status: number | undefined;
  readonly isRetryable: boolean;

  constructor(message: string, info: ErrorInfo & { status?: number; isRetryable?: boolean }) {
    super(message, info);
    this.name = 'BackendError';
    this.status = info.status;
    this.isRetryable = info.isRetryable ?? (info.status === undefined || isRetryableStatus(info.status));
  }
}

/** A model answered, but the answer is not valid JSON of the answer schema (after lenient parsing). */
export class AnswerError extends CmrdxError {
  readonly issues: string[];
  readonly raw: string;
  constructor(message: string, info: ErrorInfo & { issues?: string[]; raw: string }) {
    super(message, info);
    this.name = 'AnswerError';
    this.issues = info.issues ?? [];
    this.raw = info.raw;
  }
}

/**
 * The output folder or its run store cannot be used: not writable, not a folder, a damaged or foreign store, a
 * full disk, or another run holding it. Exit code 2, or 1 when the run had already committed predictions
 * (they are kept; rerunning resumes).
 */
export class StorageError extends CmrdxError {
  readonly path: string;
  /** Predictions were committed before the fault (the CLI exits 1 instead of 2). */
  readonly predictionsMade: boolean;
  constructor(path: string, message: string, info: ErrorInfo & { predictionsMade?: boolean }) {
    super(message, info);
    this.name = 'StorageError';
    this.path = path;
    this.predictionsMade = info.predictionsMade ?? false;
  }
}

/** A bug in cmrdx itself. */
export class InternalError extends CmrdxError {
  constructor(message: string, cause?: unknown) {
    super(message, { code: 'internal', hint: 'This is a bug in cmrdx; please report it with --debug output', cause });
    this.name = 'InternalError';
  }
}

/** 408, 409, 429 and 5xx are worth retrying; other 4xx mean the request itself is wrong. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** The shape an error takes when stored as data in a prediction. */
export interface ErrorRecord {
  type: string;
  code: string;
  /** The HTTP status a server answered with, when it answered with one. */
  status?: number;
  message: string;
}

export function toErrorRecord(error: unknown): ErrorRecord {
  if (CmrdxError.isInstance(error)) {
    const status = (error as { status?: unknown }).status;
    return { type: error.name, code: error.code, ...(typeof status === 'number' ? { status } : {}), message: error.message };
  }
  if (error instanceof Error) return { type: error.name, code: 'unexpected', message: error.message };
  return { type: 'Error', code: 'unexpected', message: String(error) };
}
