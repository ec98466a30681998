/**
 * Writing a file a command produces (an export, a study file) where the user pointed it, with the faults of
 * that place as one line naming the path and what to do (StorageError, exit 2), not as the file system's code:
 * a path that is a folder where a file goes or a file where a folder goes, a read-only folder, a full disk.
 */
import { mkdirSync } from 'node:fs';
import { StorageError } from '../errors.js';
import { writeAtomic } from './write-atomic.js';

/** `fix`: what to do about the place, in the command's words (which flag chooses it). */
export function writeOutput(path: string, content: string | Uint8Array, fix: string): void {
  try {
    writeAtomic(path, content);
  } catch (error) {
    throw outputError(path, error, fix, 'file');
  }
}

/** Makes the folder (and its parents) an export writes into. */
export function makeOutputFolder(dir: string, fix: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw outputError(dir, error, fix, 'folder');
  }
}

export function outputError(path: string, error: unknown, fix: string, wanted: 'file' | 'folder'): StorageError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const make = (what: string, kind: string) => new StorageError(path, `${path}: ${what}`, { code: `storage.${kind}`, hint: fix, cause: error });
  if (code === 'EISDIR') return make('is a folder; a file is written here', 'not_a_file');
  // mkdir of an existing file is EEXIST; a file as a part of the path is ENOTDIR.
  if (code === 'EEXIST' || code === 'ENOTDIR') return make(wanted === 'folder' ? 'is a file (or a part of the path is); a folder is written here' : 'a part of the path is a file, not a folder', 'not_a_folder');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return make('cannot write there (the folder is read-only, or you have no permission)', 'read_only');
  if (code === 'ENOSPC' || code === 'EDQUOT') return make('the disk is full', 'full');
  if (code === 'ENOENT') return make('a folder of the path does not exist', 'missing');
  return make(`cannot write there (${code || (error instanceof Error ? error.message : String(error))})`, 'failed');
}
