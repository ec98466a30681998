/**
 * A blinded reading session: one human reader answers the reports one at a time in an order shuffled with a
 * seed. The page sees only the report text and the reader's own earlier answer: no id (ids such as
 * `hcm-07.txt` can give the answer away), no label, no model's answer. Answers are committed as given, so a
 * new session of the same reader continues with the first unanswered report in the same order.
 */
import { textHash } from '../readers/llm/llm-reader.js';
import type { Lang, Report } from '../report/report.js';
import { HumanAnswerStore } from '../run/human-answers.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { taxonomyIdentity } from '../run/run-taxonomy.js';
import { Rng } from '../util/rng.js';
import { checkPosition, type PageAnswer, type PageSession } from './page-session.js';

export interface ReadingSessionOptions {
  dir: string;
  reports: Report[];
  reader: string;
  seed: string;
  lang: Lang;
  taxonomy: Taxonomy;
}

/** The reading order: the same seed always gives the same order of the same reports, however they were listed. */
export function readingOrder(reports: Report[], seed: string): Report[] {
  const byId = [...reports].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return new Rng(`read:${seed}`).shuffle(byId);
}

export function openReadingSession(options: ReadingSessionOptions): PageSession {
  const store = HumanAnswerStore.open(options.dir);
  try {
    store.putReader({ name: options.reader, seed: options.seed, lang: options.lang, taxonomy: taxonomyIdentity(options.taxonomy) });
  } catch (error) {
    store.close();
    throw error;
  }
  const order = readingOrder(options.reports, options.seed).map((r) => ({ id: r.id, text: r.text, hash: textHash(r.text) }));
  // Kept in memory as well: the page asks for every position many times, the store is the record.
  const answers = store.answers(options.reader);
  // An answer given for another text of the report (the input changed) is no answer to this one.
  const current = (i: number) => {
    const a = answers.get(order[i]!.id);
    return a && a.textHash === order[i]!.hash ? a : undefined;
  };
  const session: PageSession = {
    mode: 'read',
    person: options.reader,
    lang: options.lang,
    taxonomy: options.taxonomy,
    total: order.length,
    answeredAt: (i) => current(i) !== undefined,
    item(i) {
      checkPosition(i, session);
      const a = current(i);
      return { i, text: order[i]!.text, answer: a ? { category: a.category, ...(a.unclassifiedReason ? { reason: a.unclassifiedReason } : {}), unsure: a.unsure, comment: a.comment, seconds: a.seconds } : null };
    },
    answer(answer: PageAnswer) {
      const report = order[answer.i]!;
      const stored = store.putAnswer({ reader: options.reader, reportId: report.id, category: answer.category, unclassifiedReason: answer.unclassifiedReason, seconds: answer.seconds, unsure: answer.unsure, comment: answer.comment, textHash: report.hash });
      answers.set(report.id, stored);
    },
    close: () => store.close(),
  };
  return session;
}
