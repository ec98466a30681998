/**
 * V8 settings of the cmrdx process, imported first by main.ts so they hold before any other module runs.
 *
 * V8 optimises a function once it has run through an "interrupt budget" of bytecode. The guideline engine is many
 * large functions; at the default budget a classify run of a few thousand reports spent more CPU compiling them in
 * the background than running them (--trace-opt: about 2 s of optimising per thread for 2,000 reports). A larger
 * budget optimises fewer, hotter functions, later: the same answers for about a fifth less CPU (bench/rules-throughput.ts).
 * The flag is process-wide, so the engine's worker threads, started later, run with it too.
 */
import { setFlagsFromString } from 'node:v8';

export const INTERRUPT_BUDGET = 300_000;

setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
