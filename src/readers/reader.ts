/**
 * The reader contract: anything that assigns categories to reports — the guideline engine (`rules`), a
 * model behind a backend (`ollama:qwen2.5:32b`), or a human whose labels were imported. A reader answers one
 * report at a time with a Prediction; a failure is a Prediction with `category: null` and an `error`, never a
 * dropped row, so a run always has one prediction per (report, reader).
 */
import type { ErrorRecord } from '../errors.js';
import type { Confidence } from './confidence.js';
import type { Report } from '../report/report.js';
import type { UnclassifiedReason } from '../taxonomy/taxonomy.js';

/** A quote from the report a reader relied on, with its place in the text. */
export interface Evidence {
  quote: string;
  /** Half-open span into the report text; null when the quote could not be found in the text. */
  start: number | null;
  end: number | null;
  /** How the quote was found: verbatim, after normalising spaces/case, fuzzily, or not at all. */
  alignment?: 'exact' | 'normalised' | 'fuzzy' | 'none';
}

/** One criterion of the guideline engine that fired, with where in the text it comes from. */
export interface FiredCriterion {
  id: string;
  category: string;
  weight: number;
  description: string;
  spans: { start: number; end: number }[];
}

export interface Prediction {
  id: string;
  model: string;
  category: string | null;
  evidence: Evidence[];
  seconds: number;
  error: ErrorRecord | null;
  /**
   * Set exactly when `category` is `UNCLASSIFIED`: why the reader gave no category. The message names what was
   * missing, never report text.
   */
  unclassified?: { reason: UnclassifiedReason; message: string };
  /**
   * How sure the reader is of this category (src/readers/confidence.ts): token logprobs, sample agreement or the
   * guideline engine's score margin. Absent or null when the reader has none (a server without logprobs, a
   * failed or UNCLASSIFIED prediction).
   */
  confidence?: Confidence | null;
  /** Guideline engine only: the criteria that fired and the score per category. */
  criteria?: FiredCriterion[];
  scores?: Record<string, number>;
  /** Anything else a reader records (tokens, timings, prompt version, text hash...). */
  details?: Record<string, unknown>;
}

export interface ClassifyOptions {
  signal?: AbortSignal;
  /** Which of the reader's endpoints to use; the scheduler picks one with a free slot. */
  endpoint?: string;
}

export interface Reader {
  /** The name predictions carry in their `model` field, e.g. `rules` or `ollama:qwen2.5:32b`. */
  readonly id: string;
  /** The servers this reader can use (several Ollama hosts, say). None: it runs in this process. */
  readonly endpoints?: string[];
  classify(report: Report, options?: ClassifyOptions): Promise<Prediction>;
  /**
   * Readers in this process that can do a batch faster than one report at a time (the guideline engine spreads
   * it over worker threads): the predictions of the reports, in their order, exactly those `classify` gives.
   */
  classifyMany?(reports: Report[]): Promise<Prediction[]>;
  /** Frees what the reader holds (a loaded model, sockets). */
  close?(): Promise<void>;
}
