/**
 * The cmrdx command line: a thin shell over the library. Each command's module is imported only when the
 * command runs, so `cmrdx --help` stays instant. Each command's action returns its own exit code (classify and
 * demo 1 when a prediction failed, 130 when interrupted; doctor 1 when a check fails; batch import 1 when requests
 * failed or are missing; otherwise 0). This file turns thrown errors into exit codes: 2 bad input or
 * configuration (or an unusable output folder; 1 when the run had committed predictions before its storage
 * failed), 1 an unexpected error. main.ts exits quietly when stdout or stderr is a closed pipe (EPIPE).
 */
import { Command, CommanderError, Option } from 'commander';
import { CmrdxError, ConfigError, InputError, StorageError } from '../errors.js';
import { printable } from '../util/printable.js';
import { processIo, type Io } from './io.js';
import { VERSION } from '../version.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

/** What a command's action returns: its exit code. */
export type CommandResult = number;

export interface Context {
  io: Io;
  setResult(code: number): void;
}

function buildProgram(ctx: Context): Command {
  const program = new Command('cmrdx')
    .description(
      'Read free-text cardiac MRI reports and assign each a diagnostic category with local LLMs or a guideline engine, ' +
        'then measure how well every reader does. Report text never leaves this machine or your network.',
    )
    .configureHelp({ optionDescription: describeOption })
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces on errors')
    .showHelpAfterError('(run cmrdx <command> --help for the options)')
    .configureOutput({ writeOut: (s) => ctx.io.out(s), writeErr: (s) => ctx.io.err(s) })
    .exitOverride();

  const action =
    (load: () => Promise<(args: unknown[], ctx: Context) => Promise<CommandResult>>) =>
    async (...args: unknown[]) => {
      const run = await load();
      ctx.setResult(await run(args, ctx));
    };

  withInputOptions(
    program
      .command('parse')
      .description('split reports into quantitative and narrative parts and extract their measurements')
      .argument('<input>', INPUT_HELP)
      .option('--json', 'print one JSON object per report (JSON Lines)'),
  ).action(action(async () => (await import('./commands/parse-command.js')).parseCommand));

  program
    .command('synth')
    .description('write a synthetic cohort of German or English CMR reports (reports.jsonl and labels.csv)')
    .option('--n <count>', 'number of reports (default: 109, the study cohort, plus any extra labels in --mix)')
    .option('--seed <seed>', 'random seed; the same seed gives byte-identical files', '1')
    .option('--lang <lang>', 'de or en', 'de')
    .option('--mix <counts>', 'exact counts per label, e.g. HCM=20,OTHER=10; the rest of --n follows the study mix')
    .option('--difficulty <mix>', 'explicit, implicit, hedged or hard, or weights like explicit=0.4,hard=0.6')
    .requiredOption('-o, --out <dir>', 'folder to write reports.jsonl and labels.csv into')
    .action(action(async () => (await import('./commands/synth-command.js')).synthCommand));

  withModelOptions(
    withInputOptions(
      program
        .command('classify')
        .description('assign a category to every report with one or more readers; writes <out>/predictions.jsonl (rerun to resume)')
        .argument('<input>', INPUT_HELP)
        .requiredOption('-o, --out <dir>', 'folder for run.sqlite and predictions.jsonl')
        .option('--concurrency <n>', 'requests at once per endpoint (default: what cmrdx doctor measured, else the slots the server says + 2, else 4; 1 for llama.cpp in this process)')
        .option('--retries <n>', 'extra attempts after a retryable failure (5xx, reset, timeout)', '3')
        .option('--fresh', 'start the run over instead of resuming it')
        .option('--retry-failed', 'classify again the reports whose stored prediction failed')
        .option('-q, --quiet', 'no progress and no summary on stderr'),
    ),
  ).action(action(async () => (await import('./commands/classify-command.js')).classifyCommand));

  withInputOptions(
    withThreads(
      withAnswerOptions(
        withServerOptions(
          program
            .command('doctor')
            .description('check an inference server and model before a study: context, structured output, thinking, logprobs, capacity, a smoke run; stores the capacity for classify')
            .option('--input <file>', 'the reports whose longest prompt must fit (default: the demo cohort)')
            .option('--skip <checks>', `checks to leave out, comma-separated: ${DOCTOR_SKIPPABLE.join(', ')}`)
            .option('--json', 'print the results as one JSON object'),
          'the model to check: ollama:<tag>, openai:<model> or llamacpp:<path.gguf>',
        ),
      ),
    ),
  ).action(action(async () => (await import('./commands/doctor-command.js')).doctorCommand));

  program
    .command('models')
    .description('list the models an Ollama or OpenAI-compatible server offers')
    .option('--ollama-url <url>', 'Ollama server (repeatable; default: $OLLAMA_HOST or http://127.0.0.1:11434)', collect, [])
    .option('--openai-url <url>', 'OpenAI-compatible server such as vLLM or llama.cpp server (repeatable)', collect, [])
    .option('--allow-host <host>', 'allow a server outside this machine and private networks (repeatable)', collect, [])
    .option('--timeout <seconds>', 'give up on a server after this long', '10')
    .option('--json', 'print JSON')
    .action(action(async () => (await import('./commands/models-command.js')).modelsCommand));

  withInputOptions(
    program
      .command('explain')
      .description('show how the guideline engine read one report: findings with their status, criteria, scores')
      .argument('<input>', INPUT_HELP)
      .option('--id <id>', 'the report to explain (not needed when the input has one report)')
      .option('--json', 'print the explanation as JSON'),
  ).action(action(async () => (await import('./commands/explain-command.js')).explainCommand));

  program
    .command('evaluate')
    .description('score every reader of a run (and imported human readers) against the truth; writes metrics.json, metrics.csv, report.html')
    .argument('<dir>', 'a classify output folder (predictions.jsonl, run.sqlite)')
    .option('--truth <file>', 'labels file (.csv id,label or .jsonl {id,label}), or "adjudicated" (only the adjudicated reports); default: the labels of the classified input')
    .option('--reader <name=file>', 'a human reader: its labels file (id,label[,seconds]); repeatable (readers of cmrdx read are taken from the run)', collect, [])
    .option('--input <file>', 'the reports, when the folder has no run.sqlite (for labels and the texts in report.html)')
    .option('--taxonomy <file>', 'category set (YAML or JSON)')
    .option('--seed <n>', 'bootstrap seed', '42')
    .option('--resamples <n>', 'bootstrap resamples', '2000')
    .option('--no-text', 'report.html without any report text or evidence quote (ids, answers, numbers), to share outside the hospital')
    .action(action(async () => (await import('./commands/evaluate-command.js')).evaluateCommand));

  program
    .command('consensus')
    .description('majority vote of several models per report; writes consensus.jsonl and review.csv (reports without a majority)')
    .argument('<dir>', 'a classify output folder')
    .option('--models <a,b,c>', 'the models to combine')
    .option('--top <n>', 'or: the n best models by macro-F1 against the truth')
    .option('--min-agree <n>', 'votes a category needs (default: more than half)')
    .option('--truth <file>', 'labels file to score the consensus against (default: the labels of the classified input, if any)')
    .option('--target-accuracy <a>', 'size the review list so the reports the consensus answers alone reach this accuracy (e.g. 0.98), calibrated on a labelled run')
    .option('--calibration <dir>', 'with --target-accuracy: a labelled run of the same models to calibrate on (default: this run, which then needs a truth)')
    .option('--taxonomy <file>', 'category set (YAML or JSON)')
    .action(action(async () => (await import('./commands/consensus-command.js')).consensusCommand));

  withInputOptions(
    withPageOptions(
      program
        .command('read')
        .description('read reports yourself on a local page (blinded, timed, keyboard); answers go into <out>/run.sqlite as a human reader')
        .argument('[input]', `${INPUT_HELP} (default: the reports of the run in --out)`)
        .requiredOption('--reader <name>', 'your name as a reader (letters, digits, . _ -); run again with it to continue')
        .requiredOption('-o, --out <dir>', 'the run folder (a classify output, or a new folder)')
        .option('--seed <n>', 'seed of the reading order (default: the seed this reader started with, else 1)'),
    ),
  ).action(action(async () => (await import('./commands/read-command.js')).readCommand));

  withPageOptions(
    program
      .command('adjudicate')
      .description('settle the consensus review list on a local page; the chosen categories become the consensus (status "adjudicated")')
      .argument('<dir>', 'a run folder with consensus.jsonl (cmrdx consensus)')
      .option('--adjudicator <name>', 'your name as adjudicator', 'adjudicator')
      .option('--with-rules', 'also review the reports where the guideline engine (rules) disagrees with the majority')
      .option('--taxonomy <file>', 'category set (YAML or JSON); the one the run was classified with'),
  ).action(action(async () => (await import('./commands/adjudicate-command.js')).adjudicateCommand));

  program
    .command('export-readers')
    .description('write every human reader of a run as <dir>/readers/<name>.csv (id,label,seconds,reason and the first read: first_label,first_reason,revisions)')
    .argument('<dir>', 'a run folder with human answers (cmrdx read)')
    .action(action(async () => (await import('./commands/export-readers-command.js')).exportReadersCommand));

  withModelOptions(
    program
      .command('demo')
      .description('the bundled demo cohort end to end (classify, evaluate, report.html); needs no server')
      .option('-o, --out <dir>', 'output folder', 'cmrdx-demo')
      .option('--concurrency <n>', 'requests at once per endpoint')
      .option('--retries <n>', 'extra attempts after a retryable failure', '3')
      .option('-q, --quiet', 'no progress on stderr'),
  ).action(action(async () => (await import('./commands/demo-command.js')).demoCommand));

  const batch = program.command('batch').description('batch runs on an engine that works offline (vllm run-batch): export the requests as OpenAI Batch JSONL, import the answers');
  withAnswerOptions(
    withInputOptions(
      batch
        .command('export')
        .description('write <out>/batch-<model>.jsonl: one request per pending report, as classify would send it, for vllm run-batch -i')
        .argument('<input>', INPUT_HELP)
        .requiredOption('-m, --model <spec>', 'openai:<model as the engine serves it>; repeat for several (a file each)', collect, [])
        .requiredOption('-o, --out <dir>', 'the run folder (run.sqlite, predictions.jsonl, the batch files)')
        .option('--fresh', 'start the run over instead of resuming it')
        .option('--retry-failed', 'export again the reports whose stored prediction failed'),
    ),
  ).action(action(async () => (await import('./commands/batch-command.js')).batchExportCommand));
  batch
    .command('import')
    .description('store the answers of vllm run-batch -o as predictions of the run (each once; missing and failed requests are stored errors)')
    .argument('<dir>', 'the run folder the batch was exported into')
    .argument('<results>', 'the output file of vllm run-batch')
    .option('--taxonomy <file>', 'category set (YAML or JSON); the one the batch was exported with')
    .action(action(async () => (await import('./commands/batch-command.js')).batchImportCommand));

  program
    .command('export')
    .description('write a run\'s predictions for the clinic: an Excel workbook, or a FHIR R4 Bundle per report')
    .argument('<dir>', 'a classify output folder (predictions.jsonl; consensus.jsonl when there is one)')
    .addOption(new Option('-f, --format <format>', 'xlsx: one sheet per reader, consensus and review list; fhir: DiagnosticReport, Condition, Provenance').choices(['xlsx', 'fhir']).makeOptionMandatory())
    .option('-o, --out <path>', 'the workbook (default: <dir>/predictions.xlsx) or the folder of bundles (default: <dir>/fhir)')
    .option('-m, --model <name>', 'fhir: the reader whose answers to export (default: the consensus when there is one, else the only model)')
    .option('--id-system <uri>', 'fhir: the system (URI) of the report ids in Identifier.system, e.g. your accession number namespace')
    .option('--taxonomy <file>', 'the category set the run used (YAML or JSON), with its codes')
    .action(action(async () => (await import('./commands/export-command.js')).exportCommand));

  return program;
}

export { VERSION } from '../version.js';

/** What `doctor --skip` takes (the server check always runs). Kept here so --help needs no doctor module. */
export const DOCTOR_SKIPPABLE = ['context', 'structured', 'reasoning', 'logprobs', 'capacity', 'smoke'];

/** Repeatable options: `--model a --model b`. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

const INPUT_HELP =
  'a .jsonl of {"id","text","label"?}, a .csv or .xlsx with id, text and label columns, a .txt or .pdf file, or a folder of .txt/.pdf files';

/** Options of commands that run readers: which models, where they are served, and how they are asked. */
function withModelOptions(command: Command): Command {
  return withThreads(withAnswerOptions(withServerOptions(command).option('--translate <spec>', 'translate German narratives to English with this model first (once per report, cached)'))).option(
    '--log-prompts',
    'print every prompt (with report text) to stderr; off by default for privacy',
  );
}

/** Which models and where they are served (classify, demo, doctor). */
function withServerOptions(command: Command, modelHelp = 'reader: rules, ollama:<tag>, openai:<model> or llamacpp:<path.gguf>; repeat for several (default: rules)'): Command {
  return command
    .option('-m, --model <spec>', modelHelp, collect, [])
    .option('--ollama-url <url>', 'Ollama server; repeat to spread the work over several (default: $OLLAMA_HOST or http://127.0.0.1:11434)', collect, [])
    .option('--openai-url <url>', 'OpenAI-compatible server (vLLM, llama.cpp server, LM Studio, TGI), e.g. http://127.0.0.1:8000/v1; repeatable', collect, [])
    .option('--allow-host <host>', 'allow a server outside this machine and private networks; repeatable', collect, [])
    .option('--timeout <seconds>', 'give up on one request after this long', '300');
}

function withThreads(command: Command): Command {
  return command.option('--threads <n>', 'CPU threads for llama.cpp in this process (default: all cores)');
}

/** What an LLM reader is asked and how: the prompt, the answer, thinking, samples, budget (classify, batch export, doctor). */
function withAnswerOptions(command: Command): Command {
  return command
    .addOption(new Option('--prompt-version <v>', 'built-in classification prompt: v2 asks for evidence, rationale, then the category; v1 is the study\'s original, category first').choices(['v1', 'v2']).default('v2'))
    .option('--prompt <file>', 'classification prompt file instead (YAML: version, answerOrder, system, user; see prompts/classify.v2.yaml)')
    .addOption(new Option('--answer <mode>', 'evidence: quotes, rationale and category; category: the category alone (fewest output tokens, no quotes)').choices(['evidence', 'category']).default('evidence'))
    .option('--abstain', 'LLM readers may give no category, with a reason (not a CMR report, aborted or non-diagnostic exam, no findings, fits no category), stored as UNCLASSIFIED and counted as wrong; needs a prompt with an {{#abstain}} block (v2)')
    .option('--think <mode>', 'reasoning models: auto (the model\'s default), on, off, or a thinking budget in tokens', 'auto')
    .option('--samples <k>', 'draw k answers per report at --temperature; the majority wins and their agreement is the confidence', '1')
    .option('--with-measurements', 'also give the model the measurements extracted from the report')
    .option('--temperature <t>', 'sampling temperature', '0')
    .option('--seed <n>', 'sampling seed', '42')
    .option('--max-tokens <n>', 'the answer\'s token budget (default: 1024 with --answer evidence, 16 with category; thinking gets 2048 more unless --think off or a budget)')
    .option('--answer-retries <n>', 'ask again this often when an answer is not valid JSON of the schema', '2');
}

/** Options of the local reading/adjudication page. */
function withPageOptions(command: Command): Command {
  return command
    .option('--host <address>', 'address to listen on: 127.0.0.1 (default), or another loopback or private address of this machine')
    .option('--port <n>', 'port (default: a free one)')
    .option('--lang <lang>', 'page language, de or en (default: the language of most reports)');
}

/** The options every command that reads reports shares. */
function withInputOptions(command: Command): Command {
  return command
    .addOption(new Option('--encoding <name>', 'force the input encoding (utf-8, windows-1252, latin1, utf-16le); detected by default'))
    .option('--skip-invalid', 'leave out invalid records instead of stopping, and say how many were skipped')
    .option('--taxonomy <file>', 'category set as YAML or JSON (default: the study categories plus OTHER)')
    .option('--sheet <name|number>', 'the sheet of an .xlsx workbook (default: the first)')
    .option('--id-column <name|number>', 'the column (or JSON key) of the report id, when not recognised (Fallnummer, accession, ...)')
    .option('--text-column <name|number>', 'the column of the report text, when not recognised (Befundtext, Befund, findings, ...)')
    .option('--label-column <name|number>', 'the column of the truth label, when not recognised (Diagnose, Kategorie, label, ...)')
    .option('--no-label-column', 'the table has no label column, even if one looks like it');
}

/**
 * Option help as users read it: defaults without JSON quotes, and no "(default: [])" for repeatable options
 * that start empty. Inherited by every command.
 */
function describeOption(option: Option): string {
  const extra: string[] = [];
  if (option.argChoices) extra.push(`choices: ${option.argChoices.join(', ')}`);
  const value: unknown = option.defaultValue;
  const shown = option.defaultValueDescription ?? (Array.isArray(value) ? value.join(', ') : typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  if (shown !== '' && !option.negate) extra.push(`default: ${shown}`);
  return extra.length > 0 ? `${option.description} (${extra.join('; ')})` : option.description;
}

/** Runs the CLI in-process and returns the exit code; never calls process.exit. */
export async function runCli(argv: string[], io: Io = processIo): Promise<number> {
  let result = EXIT_OK;
  const ctx: Context = { io, setResult: (code) => (result = code) };
  const program = buildProgram(ctx);
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return result;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_OK;
      // Commander already printed its message (unknown option, missing argument, ...).
      return EXIT_BAD_INPUT;
    }
    if (CmrdxError.isInstance(error)) {
      io.err(`cmrdx: ${error.message}\n`);
      if (debug && error.stack) io.err(`${error.stack}\n`);
      if (error instanceof StorageError) return error.predictionsMade ? EXIT_FAILED : EXIT_BAD_INPUT;
      return error instanceof InputError || error instanceof ConfigError ? EXIT_BAD_INPUT : EXIT_FAILED;
    }
    // Not cmrdx's own sentence (a system error quoting a path, say), so it is made printable here.
    const message = printable(error instanceof Error ? error.message : String(error));
    io.err(`cmrdx: unexpected error: ${message}${debug ? '' : ' (run again with --debug for details)'}\n`);
    if (debug && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    return EXIT_FAILED;
  }
}
