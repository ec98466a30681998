/** `cmrdx export-readers <dir>`: every human reader of the run as `<dir>/readers/<name>.csv` (human-readers.ts's READER_CSV_COLUMNS). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../errors.js';
import { STORE_FILE } from '../../run/run-classify.js';
import { exportHumanReaders } from '../../run/human-readers.js';
import { RunStore } from '../../run/run-store.js';
import type { Context } from '../program.js';

export async function exportReadersCommand(args: unknown[], ctx: Context): Promise<number> {
  const [dir] = args as [string];
  if (!existsSync(join(dir, STORE_FILE))) throw new ConfigError(`${dir}: no run here (no ${STORE_FILE})`, { code: 'config.no_run', hint: `Read reports first: cmrdx read <input> --reader <name> --out ${dir}` });
  const store = RunStore.open(join(dir, STORE_FILE));
  let reports;
  try {
    reports = store.reports();
  } finally {
    store.close();
  }
  for (const { name, file, n } of exportHumanReaders(dir, reports)) {
    ctx.io.err(`cmrdx: ${name}: ${n} answer(s)\n`);
    ctx.io.out(`${file}\n`);
  }
  return 0;
}
