/**
 * What a report folder holds: the report files cmrdx reads (its own `.txt`, and `.pdf` where PDFs are read, in
 * file-name order), its labels file, and every other entry (subfolders, files of other types, a second labels
 * file, the metadata macOS writes beside copied files), which is left out but named in a warning, so that reports
 * in `2024/` or saved as `.rtf` are not lost without a word. Names only: a file name is a report id, never report
 * text.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { printable } from '../util/printable.js';

/** A folder's labels file, first found in this order; the others are not read. */
const LABEL_FILES = ['labels.csv', 'labels.tsv', 'labels.jsonl'];

/** Files that operating systems put in folders on their own: never a report, so not worth a warning. */
const SYSTEM_FILES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini']);

/**
 * AppleDouble files: macOS keeps a file's Finder information and resource fork in `._<name>` beside `<name>` when
 * it copies to a disk or share that cannot hold them (FAT, exFAT, SMB). `._a.txt` ends in .txt but is binary, so
 * read as a report it was refused as no text and failed the whole folder. It is never a report; it is left out
 * and named as what it is, since a `.txt` file the user counted should not vanish without a word.
 */
const isAppleDouble = (name: string) => name.startsWith('._') && name.length > 2;

/** How many left-out entries a warning names before it only counts. */
const NAMED = 10;

export interface FolderListing {
  /** The names of the report files to read, in file-name order. */
  reports: string[];
  labelsFile: string | undefined;
  /** Entries not read, as shown in a warning (`2024/` for a folder; macOS metadata by its `._` prefix). */
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
    else if (isAppleDouble(name)) unread.push(name);
    else if (extensions.includes(extname(name).toLowerCase())) reports.push(name);
    else unread.push(name);
  }
  return { reports, labelsFile, unread };
}

type Unread = 'subfolder' | 'macOS metadata file' | 'other file';

const kindOf = (shown: string): Unread => (shown.endsWith('/') ? 'subfolder' : isAppleDouble(shown) ? 'macOS metadata file' : 'other file');

/**
 * What a folder read left out, counted by kind and named
 * (`1 subfolder(s), 1 other file(s) and 2 macOS metadata file(s) not read (._a.txt, ._b.txt, 2024/, c.text)`).
 */
export function describeUnread(unread: string[]): string {
  const kinds: Unread[] = ['subfolder', 'other file', 'macOS metadata file'];
  const counts = kinds.map((kind) => [kind, unread.filter((u) => kindOf(u) === kind).length] as const).filter(([, n]) => n > 0).map(([kind, n]) => `${n} ${kind}(s)`);
  const listed = counts.length > 1 ? `${counts.slice(0, -1).join(', ')} and ${counts.at(-1)}` : (counts[0] ?? '');
  const named = unread.slice(0, NAMED).map(printable).join(', ') + (unread.length > NAMED ? `, … ${unread.length - NAMED} more` : '');
  return `${listed} not read (${named})`;
}

/** A warning naming what a folder read left out and why, or undefined when it read everything. */
export function unreadWarning(folder: string, listing: FolderListing, what: string): string | undefined {
  if (listing.unread.length === 0) return undefined;
  const metadata = listing.unread.some((u) => kindOf(u) === 'macOS metadata file');
  const others = listing.unread.some((u) => kindOf(u) !== 'macOS metadata file');
  const why = [
    others && `cmrdx reads only the folder's own ${what} files as reports (read a subfolder on its own, save other reports as ${what})`,
    metadata && 'the ._ files are macOS metadata (AppleDouble: the Finder information macOS writes beside the files it copies), not reports',
  ].filter(Boolean);
  return `${printable(folder)}: ${describeUnread(listing.unread)}; ${why.join('; ')}`;
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
