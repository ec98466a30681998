/** Writes a file under a temporary name and renames it, so a reader (or a crash) never sees half a file. */
import { renameSync, writeFileSync } from 'node:fs';

export function writeAtomic(path: string, content: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}
