/**
 * What a report folder holds: the report files cmrdx reads (its own `.txt`, and `.pdf` where PDFs are read, in
 * file-name order), its labels file, and every other entry (subfolders, files of other types, a second labels
 * file), which is left out but named in a warning, so that reports in `2024/` or saved as `.rtf` are not lost
 * without a word. Names only: a file name is a report id, never report text.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { printable } from '../util/printable.js';

/** A folder's labels file, first found in this order; the others are not read. */
const LABEL_FILES = ['labels.csv', 'labels.tsv', 'labels.jsonl'];

/** Files that operating systems put in folders on their own: never a report, so not worth a warning. */
const SYSTEM_FILES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini']);

/** How many left-out entries a warning names before it only counts. */
const NAMED = 10;

export interface FolderListing {
  /** The names of the report files to read, in file-name order. */
  reports: string[];
  labelsFile: string | undefined;
  /** Entries not read, as shown in a warning (`2024/` for a folder). */
  unread: string[];
}

export function labelsFileOf(folder: string): string | undefined {
  return LABEL_FILES.map((n) => join(folder, n)).find(existsSync);
}

export function listFolder(folder: string, extensions: string[]): FolderListing {
  const labelsFile = labelsFileOf(folder);
  const reports: string[] = [];
  const unread: string[] = [];
  for (const name of readdirSync(folder).sort(byName)) {
    if (labelsFile !== undefined && join(folder, name) === labelsFile) continue;
    if (SYSTEM_FILES.has(name.toLowerCase())) continue;
    if (isFolder(join(folder, name))) unread.push(`${name}/`);
    else if (extensions.includes(extname(name).toLowerCase())) reports.push(name);
    else unread.push(name);
  }
  return { reports, labelsFile, unread };
}

/** What a folder read left out, counted and named (`1 subfolder(s) and 1 other file(s) not read (2024/, c.text)`). */
export function describeUnread(unread: string[]): string {
  const folders = unread.filter((u) => u.endsWith('/')).length;
  const counts = [folders && `${folders} subfolder(s)`, unread.length - folders && `${unread.length - folders} other file(s)`].filter(Boolean).join(' and ');
  const named = unread.slice(0, NAMED).map(printable).join(', ') + (unread.length > NAMED ? `, … ${unread.length - NAMED} more` : '');
  return `${counts} not read (${named})`;
}

/** A warning naming what a folder read left out, or undefined when it read everything. */
export function unreadWarning(folder: string, listing: FolderListing, what: string): string | undefined {
  if (listing.unread.length === 0) return undefined;
  return `${printable(folder)}: ${describeUnread(listing.unread)}; cmrdx reads only the folder's own ${what} files as reports (read a subfolder on its own, save other reports as ${what})`;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function byName(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
