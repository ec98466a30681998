/**
 * Writes a file under a temporary name and renames it, so a reader (or a crash) never sees half a file. When
 * writing fails (a full disk), the temporary file is removed and the old file stays as it was.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';

export function writeAtomic(path: string, content: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
