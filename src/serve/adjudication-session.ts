/**
 * An adjudication session over the consensus's review list: the reports whose readers reached no majority
 * and, with `withRules`, those where the guideline engine disagrees with the majority. The adjudicator sees
 * each reader's answer with the evidence they quoted (spans into the text) and chooses the final category. Each
 * adjudication is committed to the run store, and consensus.jsonl is rewritten with that report's row as
 * `status: "adjudicated"`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, InputError } from '../errors.js';
import { CONSENSUS_FILE, readConsensus } from '../evaluate/consensus-files.js';
import type { ConsensusRow } from '../evaluate/consensus.js';
import { readPredictions } from '../evaluate/load-run.js';
import { textHash } from '../readers/llm/llm-reader.js';
import type { Lang } from '../report/report.js';
import { PREDICTIONS_FILE } from '../run/export-predictions.js';
import { HumanAnswerStore, type Adjudication } from '../run/human-answers.js';
import { asVoted, withAdjudications } from '../run/human-readers.js';
import { RunStore } from '../run/run-store.js';
import { STORE_FILE } from '../run/run-classify.js';
import type { Taxonomy, UnclassifiedReason } from '../taxonomy/taxonomy.js';
import { writeAtomic } from '../util/write-atomic.js';
import { checkPosition, type PageAnswer, type PageSession } from './page-session.js';
import { pageLanguage } from './page-strings.js';
import { checkStoreTaxonomy } from './reading-setup.js';

export interface AdjudicationOptions {
  dir: string;
  adjudicator: string;
  withRules: boolean;
  /** Default: the language of most reports on the review list. */
  lang?: Lang;
  taxonomy: Taxonomy;
}

export interface ReviewItem {
  id: string;
  text: string;
  hash: string;
  reason: Adjudication['reason'];
  row: ConsensusRow;
}

interface ShownReader {
  name: string;
  kind: 'model' | 'rules' | 'human';
  category: string | null;
  /** Why a reader gave no category (category UNCLASSIFIED). */
  reason?: UnclassifiedReason;
  failed: boolean;
  unsure?: boolean;
  comment?: string | null;
  /** Quotes found in the text, as spans the page marks. */
  spans: { start: number; end: number }[];
  /** Quotes the reader gave that are not in the text. */
  unaligned: string[];
}

/** The consensus as voted (read again from the votes), so an adjudicated report stays on the list to revisit. */
export function reviewList(dir: string, withRules: boolean, reports: Map<string, { text: string }>): ReviewItem[] {
  const file = join(dir, CONSENSUS_FILE);
  if (!existsSync(file)) {
    throw new ConfigError(`${dir}: no ${CONSENSUS_FILE} to adjudicate`, { code: 'config.no_consensus', hint: `Build it first: cmrdx consensus ${dir} --models a,b,c (or --top 3)` });
  }
  const consensus = readConsensus(dir)!;
  let rules: Map<string, string | null> | undefined;
  if (withRules) {
    const lines = readPredictions(join(dir, PREDICTIONS_FILE)).filter((l) => l.model === 'rules');
    if (lines.length === 0) {
      throw new ConfigError(`--with-rules: the run in ${dir} has no predictions of the guideline engine`, { code: 'config.no_rules', hint: `Classify with it first: cmrdx classify <input> --model rules --out ${dir} (with the other models)` });
    }
    rules = new Map(lines.map((l) => [l.id, l.category]));
  }
  const items: ReviewItem[] = [];
  for (const row of consensus.rows.map(asVoted)) {
    let reason: ReviewItem['reason'] | undefined;
    if (row.status === 'no majority') reason = 'no majority';
    // consensus --target-accuracy put it on the list: its agreement is below what the target needs.
    else if ((row as { review?: string }).review === 'below target') reason = 'below target';
    else if (rules?.get(row.id) && rules.get(row.id) !== row.category) reason = 'rules disagrees';
    if (!reason) continue;
    const report = reports.get(row.id);
    if (!report) {
      throw new InputError({ file: join(dir, STORE_FILE), id: row.id }, 'is on the review list but its text is not in the run store', {
        code: 'input.no_text',
        hint: 'Adjudicate the folder the reports were classified into (cmrdx classify keeps their texts in run.sqlite)',
      });
    }
    items.push({ id: row.id, text: report.text, hash: textHash(report.text), reason, row });
  }
  return items;
}

/** Spans a page can mark: whole numbers inside the text, start before end. Anything else is not a span. */
function validSpan(e: { start?: unknown; end?: unknown }, length: number): e is { start: number; end: number } {
  return Number.isInteger(e.start) && Number.isInteger(e.end) && (e.start as number) >= 0 && (e.start as number) < (e.end as number) && (e.end as number) <= length;
}

export function openAdjudicationSession(options: AdjudicationOptions): PageSession {
  const { dir } = options;
  if (!existsSync(join(dir, CONSENSUS_FILE)) || !existsSync(join(dir, STORE_FILE))) {
    throw new ConfigError(`${dir}: no ${existsSync(join(dir, STORE_FILE)) ? CONSENSUS_FILE : 'run'} to adjudicate`, { code: 'config.no_consensus', hint: `Classify with several models, then build the consensus: cmrdx consensus ${dir} --models a,b,c (or --top 3)` });
  }
  const runStore = RunStore.open(join(dir, STORE_FILE));
  let reports;
  try {
    checkStoreTaxonomy(runStore, dir, options.taxonomy);
    reports = new Map(runStore.reports().map((r) => [r.id, r]));
  } finally {
    runStore.close();
  }
  const items = reviewList(dir, options.withRules, reports);
  const lines = readPredictions(join(dir, PREDICTIONS_FILE));
  const models = [...new Set(lines.map((l) => l.model))];
  const byReport = new Map<string, Map<string, (typeof lines)[number]>>();
  for (const l of lines) {
    if (!byReport.has(l.id)) byReport.set(l.id, new Map());
    byReport.get(l.id)!.set(l.model, l);
  }
  const store = HumanAnswerStore.open(dir);
  const humans = store.allAnswers();
  const adjudications = store.adjudications();
  const current = (i: number) => {
    const a = adjudications.get(items[i]!.id);
    return a && a.textHash === items[i]!.hash ? a : undefined;
  };

  const readersOf = (item: ReviewItem): ShownReader[] => {
    const shown: ShownReader[] = [];
    for (const model of models) {
      const p = byReport.get(item.id)?.get(model);
      if (!p) continue;
      const evidence = p.evidence ?? [];
      shown.push({
        name: model,
        kind: model === 'rules' ? 'rules' : 'model',
        category: p.category,
        ...(p.unclassified ? { reason: p.unclassified.reason } : {}),
        failed: p.category === null,
        spans: evidence.filter((e) => validSpan(e, item.text.length)).map((e) => ({ start: e.start!, end: e.end! })),
        unaligned: evidence.filter((e) => !validSpan(e, item.text.length) && typeof e.quote === 'string').map((e) => e.quote),
      });
    }
    for (const [name, answers] of humans) {
      const a = answers.get(item.id);
      if (a && a.textHash === item.hash) shown.push({ name, kind: 'human', category: a.category, ...(a.unclassifiedReason ? { reason: a.unclassifiedReason } : {}), failed: false, unsure: a.unsure, comment: a.comment, spans: [], unaligned: [] });
    }
    return shown;
  };

  const session: PageSession = {
    mode: 'adjudicate',
    person: options.adjudicator,
    lang: options.lang ?? pageLanguage(items),
    taxonomy: options.taxonomy,
    total: items.length,
    answeredAt: (i) => current(i) !== undefined,
    item(i) {
      checkPosition(i, session);
      const item = items[i]!;
      const a = current(i);
      return {
        i,
        id: item.id,
        text: item.text,
        reason: item.reason,
        consensus: { status: item.row.status, category: item.row.category },
        readers: readersOf(item),
        answer: a ? { category: a.category, comment: a.comment, seconds: a.seconds, adjudicator: a.adjudicator } : null,
      };
    },
    answer(answer: PageAnswer) {
      const item = items[answer.i]!;
      const stored = store.putAdjudication({
        reportId: item.id,
        category: answer.category,
        adjudicator: options.adjudicator,
        seconds: answer.seconds,
        comment: answer.comment,
        textHash: item.hash,
        reason: item.reason,
        votedStatus: item.row.status,
        votedCategory: item.row.category,
      });
      adjudications.set(item.id, stored);
      rewriteConsensus(dir);
    },
    close: () => store.close(),
  };
  return session;
}

/** consensus.jsonl with every adjudicated report's final category (the votes stay as they were). */
export function rewriteConsensus(dir: string): void {
  const file = join(dir, CONSENSUS_FILE);
  const rows = withAdjudications(dir, readConsensus(dir)?.rows ?? []);
  writeAtomic(file, rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''));
}
