/**
 * What the page's API works on, in either mode: a list of reports in a fixed order, the person answering, the
 * categories to choose from, and how an answer is checked and stored. Reading sessions and adjudication
 * sessions implement it; the server only routes to it.
 */
import { z } from 'zod';
import type { Lang } from '../report/report.js';
import { UNCLASSIFIED, UNCLASSIFIED_REASONS, type Taxonomy, type UnclassifiedReason } from '../taxonomy/taxonomy.js';
import { HttpError } from './local-server.js';
import { categoryName, pageStrings, type PageStrings } from './page-strings.js';

export type PageMode = 'read' | 'adjudicate';

/** An answer as the page sends it. Position `i` in the session's order, never a report id (blinding). */
export interface PageAnswer {
  i: number;
  /** A category of the taxonomy, or (reading only) UNCLASSIFIED with its reason. */
  category: string;
  /** Set with UNCLASSIFIED only. */
  unclassifiedReason?: UnclassifiedReason | null;
  /** Active seconds since the report was shown (and of earlier visits that ended without an answer). */
  seconds: number;
  unsure: boolean;
  comment: string | null;
}

export interface AnswerResult {
  answered: number;
  total: number;
  /** The next unanswered position after this one, or null when every report is answered. */
  next: number | null;
}

export interface PageSession {
  readonly mode: PageMode;
  /** The reader or adjudicator. */
  readonly person: string;
  readonly lang: Lang;
  readonly taxonomy: Taxonomy;
  readonly total: number;
  /** Which positions have an answer. */
  answeredAt(i: number): boolean;
  /** The report at position i as the page needs it (text, the earlier answer; in adjudication the readers). */
  item(i: number): Record<string, unknown>;
  answer(answer: PageAnswer): void;
  close(): void;
}

/** A person may take up to a day per report; longer is a broken clock, not a reading. */
const MAX_SECONDS = 24 * 3600;
export const MAX_COMMENT = 2000;

const answerSchema = z.strictObject({
  i: z.number().int().nonnegative(),
  category: z.string().max(100),
  reason: z.enum(UNCLASSIFIED_REASONS).optional(),
  seconds: z.number().min(0).max(MAX_SECONDS),
  unsure: z.boolean().optional(),
  comment: z.string().max(MAX_COMMENT).nullable().optional(),
});

/** Checks a posted answer: its shape, that its position is in this session and its category in the taxonomy. */
export function parseAnswer(body: unknown, session: PageSession): PageAnswer {
  const parsed = answerSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HttpError(400, `bad answer: ${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  const { i, category, seconds, reason } = parsed.data;
  checkPosition(i, session);
  // A reader may answer that the report takes no category (not a CMR report, a non-diagnostic exam, ...), as the
  // guideline engine may; an adjudicator decides the reference standard, which is always a category.
  if (category === UNCLASSIFIED && session.mode === 'read') {
    if (!reason) throw new HttpError(422, `no category needs its reason: one of ${UNCLASSIFIED_REASONS.join(', ')}`);
  } else if (!session.taxonomy.categories.some((c) => c.id === category)) {
    const noCategory = session.mode === 'read' ? ` (or ${UNCLASSIFIED} with a reason)` : ' (an adjudicated category is always one of the taxonomy\'s)';
    throw new HttpError(422, `unknown category: choose one of ${session.taxonomy.categories.map((c) => c.id).join(', ')}${noCategory}`);
  } else if (reason) throw new HttpError(422, session.mode === 'read' ? 'a reason goes only with no category (UNCLASSIFIED)' : 'an adjudication takes no reason');
  const comment = parsed.data.comment?.trim() ? parsed.data.comment.trim() : null;
  return { i, category, unclassifiedReason: category === UNCLASSIFIED ? reason! : null, seconds, unsure: parsed.data.unsure ?? false, comment };
}

export function checkPosition(i: number, session: PageSession): void {
  if (!Number.isInteger(i) || i < 0 || i >= session.total) throw new HttpError(404, `no report at position ${i} in this session (it has ${session.total})`);
}

export function countAnswered(session: PageSession): number {
  let n = 0;
  for (let i = 0; i < session.total; i++) if (session.answeredAt(i)) n++;
  return n;
}

/** The first unanswered position after `from` (wrapping around), or null when all are answered. */
export function nextUnanswered(session: PageSession, from: number): number | null {
  for (let k = 1; k <= session.total; k++) {
    const i = (from + k) % session.total;
    if (!session.answeredAt(i)) return i;
  }
  return null;
}

/** GET /api/session: who answers, the words of the page, the categories with their keys, where to start. */
export function describeSession(session: PageSession): Record<string, unknown> {
  const strings: PageStrings = pageStrings(session.lang);
  return {
    mode: session.mode,
    person: session.person,
    lang: session.lang,
    total: session.total,
    answered: countAnswered(session),
    start: nextUnanswered(session, -1) ?? 0,
    done: nextUnanswered(session, -1) === null,
    strings,
    categories: session.taxonomy.categories.map((c, index) => ({ id: c.id, label: `${c.id} – ${categoryName(session.taxonomy, c.id, session.lang)}`, key: index < 9 ? String(index + 1) : null })),
  };
}
