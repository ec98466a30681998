/**
 * Puts a reading or adjudication session on the local server: the page at `/`, and the API the page uses —
 * `GET /api/session` (who, the words, the categories, where to start), `GET /api/item?i=<position>` (one
 * report) and `POST /api/answer` (one answer, committed before the reply).
 */
import type { BindAddress } from './bind-address.js';
import { HttpError, startLocalServer, type LocalServer } from './local-server.js';
import { countAnswered, describeSession, nextUnanswered, parseAnswer, type PageSession } from './page-session.js';
import { renderReadingPage } from './reading-page.js';

export interface ServeOptions {
  bind: BindAddress;
  port: number;
  onRefused?(reason: string): void;
  /** Told after each stored answer (counts only). */
  onAnswer?(progress: { answered: number; total: number }): void;
}

function position(value: string | null): number {
  if (value === null || !/^\d{1,9}$/.test(value)) throw new HttpError(400, 'give the position as ?i=<whole number>');
  return Number(value);
}

export function serveSession(session: PageSession, options: ServeOptions): Promise<LocalServer> {
  return startLocalServer({
    bind: options.bind,
    port: options.port,
    onRefused: options.onRefused,
    page: (nonce, token) => renderReadingPage(session, nonce, token),
    get: {
      '/api/session': () => describeSession(session),
      '/api/item': ({ query }) => session.item(position(query.get('i'))),
    },
    post: {
      '/api/answer': ({ body }) => {
        const answer = parseAnswer(body, session);
        session.answer(answer);
        const progress = { answered: countAnswered(session), total: session.total };
        options.onAnswer?.(progress);
        return { ...progress, next: nextUnanswered(session, answer.i) };
      },
    },
  });
}
