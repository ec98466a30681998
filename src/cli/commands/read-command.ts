/**
 * `cmrdx read [input] --reader <name> --out <dir>`: a blinded, timed reading session for one human reader on
 * a local page. Run it again to continue with the first unanswered report.
 */
import { mkdirSync } from 'node:fs';
import { HumanAnswerStore } from '../../run/human-answers.js';
import { checkReaderName } from '../../run/reader-name.js';
import { pageLanguage } from '../../serve/page-strings.js';
import { countAnswered } from '../../serve/page-session.js';
import { runFacts } from '../../serve/reading-setup.js';
import { openReadingSession } from '../../serve/reading-session.js';
import { loadTaxonomy } from '../../taxonomy/load-taxonomy.js';
import type { Context } from '../program.js';
import { loadInput, type InputFlags } from './input-options.js';
import { langFlag, listenFlags, servePage, type PageFlags } from './page-server.js';

interface ReadFlags extends InputFlags, PageFlags {
  reader: string;
  out: string;
  seed?: string;
}

export async function readCommand(args: unknown[], ctx: Context): Promise<number> {
  const [input, flags] = args as [string | undefined, ReadFlags];
  const lang = langFlag(flags.lang);
  const listen = listenFlags(flags);
  const loaded = input === undefined ? undefined : await loadInput(input, flags, ctx.io);
  const taxonomy = loaded?.taxonomy ?? loadTaxonomy(flags.taxonomy);
  mkdirSync(flags.out, { recursive: true });
  const facts = runFacts(flags.out, taxonomy, loaded && input ? { path: input, reports: loaded.reports } : undefined);
  checkReaderName('--reader', flags.reader, facts.models, facts.humans);
  // A session continues in its own order unless another --seed is asked for.
  const store = HumanAnswerStore.open(flags.out);
  const earlier = store.reader(flags.reader);
  store.close();
  const seed = flags.seed ?? earlier?.seed ?? '1';
  if (earlier && flags.seed !== undefined && flags.seed !== earlier.seed) {
    ctx.io.err(`cmrdx: ${flags.reader} read before in the order of --seed ${earlier.seed}; now in the order of --seed ${seed} (answers are kept)\n`);
  }
  const session = openReadingSession({ dir: flags.out, reports: facts.reports, reader: flags.reader, seed, lang: lang ?? pageLanguage(facts.reports), taxonomy });
  const answered = countAnswered(session);
  return servePage(session, listen, ctx, `cmrdx: reading as ${flags.reader}: ${answered} of ${session.total} answered (order of --seed ${seed})`);
}
