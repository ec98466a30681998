/**
 * What cmrdx keeps of the message an inference server wrote about a request it failed. Servers quote the request
 * there: FastAPI-based servers' validation errors repeat the input, a template error the prompt, a proxy the body.
 * A kept message goes into predictions.jsonl, run.sqlite, the workbook and onto terminals, so for a request that
 * carried report text only this is kept: nothing when the message repeats a stretch of what was sent, else its
 * first line with every quoted stretch left out, cut short. A message about a request that carried no report
 * (the model list, model info) is only cut to its first line: it cannot quote a report, and there the quoted
 * names (`model "m1" not found`) are the point. doctor hides messages the same way (src/doctor/safe-text.ts).
 */

/** What stands in for a message that repeats what was sent. */
export const QUOTES_SENT = "(the server's message quotes the report; not shown)";

/** The most of a server's message that is kept: enough for "CUDA out of memory" or "model is loading". */
const MAX_CHARS = 120;

/** Any stretch of 15 characters or more that a message shares with a sent text contains one of its windows. */
const WINDOW = 12;
const STEP = 4;
/** Sentences and lines shorter than a stretch the windows always catch ("Kein LGE.") are looked for whole. */
const SHORT_SEGMENT = 6;

/** Whether `message` repeats a stretch of any of `texts` (a prompt, a report) longer than a few words. */
export function repeatsSent(message: string, texts: Iterable<string>): boolean {
  for (const text of texts) {
    for (let i = 0; i + WINDOW <= text.length; i += STEP) {
      if (message.includes(text.slice(i, i + WINDOW))) return true;
    }
    for (const segment of text.split(/\n|(?<=[.!?;:])\s+/)) {
      const s = segment.trim();
      if (s.length >= SHORT_SEGMENT && s.length < WINDOW + STEP - 1 && message.includes(s)) return true;
    }
  }
  return false;
}

/** Quoted stretches: "…", '…' (not the apostrophe of "don't"), `…`, “…”, „…“, «…», and JSON/Python escapes inside. */
const QUOTED = /"(?:[^"\\]|\\.)*"|(?<![\p{L}\p{N}])'(?:[^'\\]|\\.)*'(?![\p{L}\p{N}])|`[^`]*`|“[^”]*”|„[^“”]*[“”]|«[^»]*»/gu;
/** An opening quote left without its end (the message was cut, or the quote runs over lines): the rest goes too. */
const UNCLOSED = /(?:"|(?<![\p{L}\p{N}])'|`|“|„|«).*$/u;

/** Marks a quoted stretch taken out while the unclosed quotes are looked for (a noncharacter: no text has it). */
const TAKEN = '\uFFFF';

/** The server's message as cmrdx keeps it; `sent`: the texts of the request (its messages), none for a status request. */
export function serverMessage(raw: string, sent: readonly string[] = []): string {
  let message = raw.split(/\r?\n|\r/)[0]!.trim();
  if (sent.length > 0) {
    if (repeatsSent(raw, sent)) return QUOTES_SENT;
    message = message.replace(QUOTED, TAKEN).replace(UNCLOSED, '…').replaceAll(TAKEN, '"…"');
  }
  return message.length > MAX_CHARS ? `${message.slice(0, MAX_CHARS - 1)}…` : message;
}
