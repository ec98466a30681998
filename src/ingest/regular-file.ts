/**
 * Checks that a path is a file cmrdx can read to its end before it is opened: a named pipe (mkfifo x.txt) would
 * block the read forever and a symlink to /dev/zero would never end, so anything but a regular file is refused.
 * A path that cannot be read is described as what it is (a symlink loop, a dangling link, no permission),
 * not as missing while `ls` shows it.
 */
import { lstatSync, statSync, type Stats } from 'node:fs';
import { InputError } from '../errors.js';

export function requireRegularFile(path: string): Stats {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (error) {
    throw unreadableFile(path, error);
  }
  if (stat.isDirectory()) {
    throw new InputError({ file: path }, 'is a folder, not a file', { code: 'input.is_folder', hint: 'Pass a .jsonl, .csv or .txt file here' });
  }
  if (!stat.isFile()) {
    throw new InputError({ file: path }, 'is not a regular file (a named pipe, device or socket), so it is not read', {
      code: 'input.not_regular_file',
      hint: 'Copy the report into a regular file, or remove this entry',
    });
  }
  return stat;
}

/** The error for a path that cannot be opened or read, by what the system said. */
export function unreadableFile(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason = ({
    ELOOP: ['is a symbolic link that loops (it leads back to itself)', 'Remove the link, or point it at the report file'],
    EACCES: ['cannot be read: permission denied', 'Give your user read access to it (e.g. chmod a+r), or copy it elsewhere'],
    EPERM: ['cannot be read: permission denied', 'Give your user read access to it (e.g. chmod a+r), or copy it elsewhere'],
    EISDIR: ['is a folder, not a file', 'Pass a .jsonl, .csv or .txt file here'],
  } as Record<string, [string, string]>)[code ?? ''];
  if (reason) return new InputError({ file: path }, reason[0], { code: 'input.unreadable', hint: reason[1], cause: error });
  if (code === 'ENOENT' && isLink(path)) {
    return new InputError({ file: path }, 'is a symbolic link to a file that does not exist', { code: 'input.missing', hint: 'Point the link at the report file, or remove it', cause: error });
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new InputError({ file: path }, 'no such file or folder', { code: 'input.missing', hint: 'Check the path (it is relative to the current folder)', cause: error });
  }
  return new InputError({ file: path }, `cannot be read (${code ?? 'unknown error'})`, { code: 'input.unreadable', hint: 'Check the file and the disk, then try again', cause: error });
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
