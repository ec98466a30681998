#!/usr/bin/env node
/** The `cmrdx` executable: runs the CLI and exits with its code. */
import './v8-tuning.js';
import { runCli } from './program.js';

// `cmrdx evaluate run | head`: a reader that stops reading is not an error. Every file is written before the
// summary is printed, so nothing is lost by leaving quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2));
