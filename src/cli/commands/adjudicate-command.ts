/**
 * `cmrdx adjudicate <dir>`: the reading page in adjudication mode over the consensus's review list; each
 * adjudication becomes the consensus's final category (`status: "adjudicated"`).
 */
import { checkReaderName } from '../../run/reader-name.js';
import { openAdjudicationSession } from '../../serve/adjudication-session.js';
import { countAnswered } from '../../serve/page-session.js';
import { loadTaxonomy } from '../../taxonomy/load-taxonomy.js';
import { DEFAULT_TAXONOMY } from '../../taxonomy/taxonomy.js';
import { printable } from '../../util/printable.js';
import type { Context } from '../program.js';
import { langFlag, listenFlags, servePage, type PageFlags } from './page-server.js';

interface AdjudicateFlags extends PageFlags {
  adjudicator: string;
  withRules?: boolean;
  taxonomy?: string;
}

export async function adjudicateCommand(args: unknown[], ctx: Context): Promise<number> {
  const [dir, flags] = args as [string, AdjudicateFlags];
  checkReaderName('--adjudicator', flags.adjudicator, []);
  const listen = listenFlags(flags);
  const session = openAdjudicationSession({
    dir,
    adjudicator: flags.adjudicator,
    withRules: Boolean(flags.withRules),
    lang: langFlag(flags.lang),
    taxonomy: flags.taxonomy ? loadTaxonomy(flags.taxonomy) : DEFAULT_TAXONOMY,
  });
  if (session.total === 0) {
    session.close();
    ctx.io.err(`cmrdx: the review list of ${printable(dir)} is empty: every report has a majority${flags.withRules ? ' the guideline engine agrees with' : ''}\n`);
    return 0;
  }
  return servePage(session, listen, ctx, `cmrdx: adjudicating as ${flags.adjudicator}: ${countAnswered(session)} of ${session.total} on the review list adjudicated`);
}
