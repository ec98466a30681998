#!/usr/bin/env node
/** The `cmrdx` executable: runs the CLI and exits with its code. */
import { runCli } from './program.js';

process.exitCode = await runCli(process.argv.slice(2));
