/** The built CLI the benchmarks run (npm run bench builds it first). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(BIN)) throw new Error(`${BIN} is missing; run npm run build first`);
