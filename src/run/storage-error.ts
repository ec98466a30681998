/**
 * What went wrong with the output folder or its run store, as one line naming the path and what to do: a full
 * disk, a read-only folder, `--out` naming a file, a damaged or foreign run.sqlite. SQLite and the file
 * system say it in codes (SQLITE_FULL, ENOSPC, SQLITE_READONLY, EACCES, SQLITE_NOTADB, ENOTDIR...).
 */
import { CmrdxError, StorageError } from '../errors.js';

export function storageError(path: string, error: unknown, predictionsMade = false): StorageError {
  if (CmrdxError.isInstance(error)) {
    if (error instanceof StorageError) return error;
    return new StorageError(path, error.summary, { code: error.code, hint: error.hint, cause: error, predictionsMade });
  }
  const e = error as NodeJS.ErrnoException & { code?: string };
  const code = e?.code ?? '';
  const kept = predictionsMade ? '; the predictions committed so far are kept' : '';
  const make = (message: string, kind: string, hint: string) => new StorageError(path, message, { code: `storage.${kind}`, hint, cause: error, predictionsMade });
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return make(`${path}: the disk is full${kept}`, 'full', 'Free some space (or choose another --out folder) and run the same command again: it resumes');
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_CANTOPEN')) {
    return make(`${path}: cannot write there (the folder is read-only, or you have no permission)${kept}`, 'read_only', 'Make the folder writable or copy the run somewhere you can write (classify: choose a folder you can write to with --out)');
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return make(`${path}: the run store is damaged or not an SQLite file`, 'damaged', 'Move it away to start the run over (predictions.jsonl beside it holds the last export), or choose another --out folder');
  }
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    return make(`${path}: --out names a file, not a folder`, 'not_a_folder', 'Name a folder with --out (it is created when missing)');
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return make(`${path}: the disk reported an input/output error (${code})${kept}`, 'io', 'Check the disk, or choose another --out folder');
  }
  return make(`${path}: cannot use the output folder (${code || (error instanceof Error ? error.message : String(error))})${kept}`, 'failed', 'Check the --out folder, or choose another');
}
