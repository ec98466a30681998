/**
 * The report: one CMR report's text with its id, and optionally a truth label and its language.
 * Text is stored normalised (\n line ends, NFC) and every span in cmrdx is a half-open [start, end)
 * range of UTF-16 code units into that text, the way JavaScript strings index.
 */

export type Lang = 'de' | 'en';

export interface Report {
  id: string;
  text: string;
  /** A category id of the taxonomy, when the input carries the truth. */
  label?: string;
  lang?: Lang;
  /** Where the report came from (`file:line` or a file path), for messages. Never report text. */
  origin?: string;
  /** Any further input columns/fields, kept as strings (e.g. difficulty of a synthetic report). */
  meta?: Record<string, string>;
}

export interface Span {
  start: number;
  end: number;
}
