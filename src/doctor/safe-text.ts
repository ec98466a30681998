/**
 * Doctor prints what servers say (error messages), and a server may quote the prompt in them. The backends keep
 * no stretch of a request's own texts in their errors (src/readers/backends/server-message.ts); doctor also
 * holds every report text it sent, and anything that repeats a stretch of one of them is replaced before it is
 * shown, with the same check and note, so no report text reaches the table, the JSON or stderr.
 */
import { CmrdxError } from '../errors.js';
import { failureReason } from '../readers/create-reader.js';
import { QUOTES_SENT, repeatsSent } from '../readers/backends/server-message.js';

export class SentTexts {
  private readonly texts = new Set<string>();

  add(text: string): void {
    this.texts.add(text);
  }

  /** The message, or a note in its place when it quotes a text that was sent. */
  scrub(message: string): string {
    return repeatsSent(message, this.texts) ? QUOTES_SENT : message;
  }

  /** Why a request to `endpoint` failed, in a few words, without the endpoint and without report text. */
  reason(endpoint: string, error: unknown): string {
    return this.scrub(failureReason(endpoint, error));
  }
}

/** The error's code, when cmrdx made it. */
export const errorCode = (error: unknown): string | undefined => (CmrdxError.isInstance(error) ? error.code : undefined);
