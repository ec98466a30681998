/**
 * Doctor prints what servers say (error messages), and a server may quote the prompt in them. Anything that
 * repeats a stretch of a report text doctor sent is replaced before it is shown, so no report text reaches the
 * table, the JSON or stderr.
 */
import { CmrdxError } from '../errors.js';
import { failureReason } from '../readers/create-reader.js';

/** Windows of 16 characters every 8: any shared stretch of 24 characters or more contains one. */
const WINDOW = 16;
const STEP = 8;

export class SentTexts {
  private readonly texts = new Set<string>();

  add(text: string): void {
    if (text.length >= WINDOW) this.texts.add(text);
  }

  /** The message, or a note in its place when it quotes a text that was sent. */
  scrub(message: string): string {
    for (const text of this.texts) {
      for (let i = 0; i + WINDOW <= text.length; i += STEP) {
        if (message.includes(text.slice(i, i + WINDOW))) return "(the server's message quotes the report; not shown)";
      }
    }
    return message;
  }

  /** Why a request to `endpoint` failed, in a few words, without the endpoint and without report text. */
  reason(endpoint: string, error: unknown): string {
    return this.scrub(failureReason(endpoint, error));
  }
}

/** The error's code, when cmrdx made it. */
export const errorCode = (error: unknown): string | undefined => (CmrdxError.isInstance(error) ? error.code : undefined);
