/**
 * What a reading session needs from the run folder before the page opens: the reports to show (the input's,
 * stored in the run store's `reports` table when the folder has no run yet, so evaluate finds their labels and
 * texts; or checked against the reports the run already holds), the run's model names (a human reader may not
 * take one), and that the taxonomy is the one the run was classified with.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, InputError } from '../errors.js';
import { checkRunTaxonomy } from '../run/run-taxonomy.js';
import { readPredictions } from '../evaluate/load-run.js';
import { textHash } from '../readers/llm/llm-reader.js';
import type { Report } from '../report/report.js';
import { PREDICTIONS_FILE } from '../run/export-predictions.js';
import { HumanAnswerStore } from '../run/human-answers.js';
import { checkHumanReadersTaxonomy } from '../run/human-readers.js';
import { STORE_FILE } from '../run/run-classify.js';
import { RunStore } from '../run/run-store.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';

export interface RunFacts {
  reports: Report[];
  models: string[];
  humans: string[];
}

/** Reads (and, for a new folder, writes) the run's reports and names. The folder must exist. */
export function runFacts(dir: string, taxonomy: Taxonomy, input?: { path: string; reports: Report[] }): RunFacts {
  const store = RunStore.open(join(dir, STORE_FILE));
  let reports: Report[];
  const models = new Set<string>();
  try {
    checkStoreTaxonomy(store, dir, taxonomy);
    checkHumanReadersTaxonomy(dir, taxonomy);
    for (const m of store.config()?.models ?? []) models.add(m);
    for (const m of store.modelStats()) models.add(m.model);
    const stored = store.reports();
    if (!input) {
      if (stored.length === 0) throw new ConfigError(`${dir}: the folder holds no reports yet`, { code: 'config.no_reports', hint: `Name the reports to read: cmrdx read <input> --out ${dir}` });
      reports = stored;
    } else if (stored.length === 0) {
      store.putReports(input.reports);
      reports = input.reports;
    } else {
      // The answers must be to the reports the models read: same ids, same text.
      const byId = new Map(stored.map((r) => [r.id, r]));
      for (const r of input.reports) {
        const s = byId.get(r.id);
        if (!s || textHash(s.text) !== textHash(r.text)) {
          throw new InputError({ file: input.path, id: r.id }, `${s ? 'has another text than' : 'is not among'} the reports of the run in ${dir}`, {
            code: 'input.not_in_run',
            hint: `Read the input that was classified into ${dir} (or leave <input> out to read the run's reports), or use another --out folder`,
          });
        }
        // The labels and order come from the run; the input only chooses which reports.
      }
      reports = input.reports.map((r) => byId.get(r.id)!);
    }
  } finally {
    store.close();
  }
  if (existsSync(join(dir, PREDICTIONS_FILE))) for (const l of readPredictions(join(dir, PREDICTIONS_FILE))) models.add(l.model);
  const humans = HumanAnswerStore.openExisting(dir);
  const names = humans?.readerNames() ?? [];
  humans?.close();
  if (reports.length === 0) throw new ConfigError(`${dir}: no reports to read`, { code: 'config.no_reports', hint: 'Give an input with at least one report' });
  return { reports, models: [...models], humans: names };
}

/** Human answers are only comparable with the models' when both chose from the same categories. */
export function checkStoreTaxonomy(store: RunStore, dir: string, taxonomy: Taxonomy): void {
  checkRunTaxonomy(store.config(), dir, taxonomy);
}
