/**
 * The run as an Excel workbook for the clinic: one sheet per reader (report id, category and its name, what
 * the reading came to, the evidence quotes, seconds, and the truth when the input had it), the consensus and
 * the review list (reports without a majority) when there is a consensus, and an "About" sheet naming the
 * run, its readers, prompt version and the categories with their codes. Every text is written as a string
 * cell, never as a formula, so an id such as `=HYPERLINK(...)` stays text; ids stay text so leading zeros
 * survive. exceljs is loaded only when a workbook is written.
 */
import { basename } from 'node:path';
import type { Workbook, Worksheet } from 'exceljs';
import type { Prediction } from '../readers/reader.js';
import { UNCLASSIFIED, type Taxonomy } from '../taxonomy/taxonomy.js';
import { writeOutput } from '../util/write-output.js';
import { currentConsensus, type RunResults } from './read-run.js';
import { consensusOutcome, describeOutcome, predictionOutcome } from './reading-outcome.js';

type Cell = string | number | null;

interface SheetSpec {
  name: string;
  columns: { header: string; width: number; wrap?: boolean; number?: string }[];
  rows: Cell[][];
}

export interface XlsxExportResult {
  file: string;
  sheets: string[];
}

export async function writeXlsxExport(run: RunResults, taxonomy: Taxonomy, file: string, options: { version: string; now?: Date }): Promise<XlsxExportResult> {
  const specs = workbookSheets(run, taxonomy, options.version, options.now ?? new Date());
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `cmrdx ${options.version}`;
  const names = sheetNames(specs.map((s) => s.name));
  specs.forEach((spec, i) => addSheet(workbook, names[i]!, spec));
  writeOutput(file, Buffer.from(await workbook.xlsx.writeBuffer()), 'Choose another workbook file with --out, in a folder you can write to');
  return { file, sheets: names };
}

/** The workbook's content as plain data (sheets, headers, rows), so it can be checked without Excel. */
export function workbookSheets(run: RunResults, taxonomy: Taxonomy, version: string, now: Date): SheetSpec[] {
  const hasTruth = run.truth.size > 0;
  const name = (id: string | null) => (id === null ? null : (taxonomy.categories.find((c) => c.id === id)?.name ?? (id === UNCLASSIFIED ? 'No category' : null)));
  const specs: SheetSpec[] = run.models.map((model) => ({
    name: model,
    columns: [
      { header: 'Report ID', width: 18 },
      { header: 'Category', width: 14 },
      { header: 'Category name', width: 30 },
      { header: 'Result', width: 44, wrap: true },
      { header: 'Evidence (quotes from the report)', width: 80, wrap: true },
      { header: 'Seconds', width: 10, number: '0.000' },
      ...(hasTruth ? [{ header: 'Truth', width: 12 }, { header: 'Matches truth', width: 14 }] : []),
    ],
    rows: run.ids
      .filter((id) => run.predictions.get(model)?.has(id))
      .map((id) => {
        const p = run.predictions.get(model)!.get(id) as Prediction;
        const outcome = predictionOutcome(p, taxonomy);
        const truth = run.truth.get(id);
        return [
          id,
          p.category,
          name(p.category),
          outcome.kind === 'failed' ? `${describeOutcome(outcome)}: ${outcome.message}` : describeOutcome(outcome),
          p.evidence.map((e) => `• ${e.quote}${e.alignment === 'none' ? ' (not found in the report)' : ''}`).join('\n') || null,
          // A line from elsewhere may have no seconds: an empty cell, not a crash.
          typeof p.seconds === 'number' ? p.seconds : null,
          ...(hasTruth ? [truth ?? null, truth === undefined ? null : truth === p.category ? 'yes' : 'no'] : []),
        ];
      }),
  }));
  const consensus = currentConsensus(run);
  if (consensus) {
    const models = consensus.models;
    specs.push({
      name: 'Consensus',
      columns: [
        { header: 'Report ID', width: 18 },
        { header: 'Consensus', width: 14 },
        { header: 'Category name', width: 30 },
        { header: 'Status', width: 14 },
        { header: 'Agreeing readers', width: 10 },
        ...models.map((m) => ({ header: m, width: 16 })),
        { header: 'Adjudicated by', width: 18 },
        ...(hasTruth ? [{ header: 'Truth', width: 12 }] : []),
      ],
      rows: consensus.rows.map((r) => [
        r.id,
        r.category,
        r.category === null ? describeOutcome(consensusOutcome(r, taxonomy)).replace(/ \(.*$/, '') : name(r.category),
        r.status,
        r.agree ?? null,
        ...models.map((m) => r.votes[m] ?? 'FAILED'),
        r.adjudicator ?? null,
        ...(hasTruth ? [run.truth.get(r.id) ?? null] : []),
      ]),
    });
    specs.push({
      name: 'Review list',
      columns: [{ header: 'Report ID', width: 18 }, ...models.map((m) => ({ header: m, width: 16 })), ...(hasTruth ? [{ header: 'Truth', width: 12 }] : [])],
      rows: consensus.rows.filter((r) => r.status === 'no majority').map((r) => [r.id, ...models.map((m) => r.votes[m] ?? 'FAILED'), ...(hasTruth ? [run.truth.get(r.id) ?? null] : [])]),
    });
  }
  const about: Cell[][] = [
    ['Run folder', basename(run.dir)],
    ['Run configuration', run.runId],
    ['Readers', run.models.join(', ')],
    ['Prompt version', run.config?.promptVersion ?? null],
    ['Taxonomy', `${taxonomy.name} v${taxonomy.version}`],
    ['Exported', now.toISOString()],
    ['Written by', `cmrdx ${version}`],
    ['Note', 'Machine readings: check them before they enter the patient record. FAILED and UNCLASSIFIED count as wrong in the study.'],
    [null, null],
    ['Category', 'Name', 'SNOMED CT', 'ICD-10-GM', 'Definition'],
    ...taxonomy.categories.map((c) => [c.id, c.name, c.codes?.snomed?.code ?? null, c.codes?.icd10gm?.code ?? null, c.definition]),
  ];
  specs.push({
    name: 'About',
    columns: [{ header: 'Item', width: 20 }, { header: 'Value', width: 40, wrap: true }, { header: '', width: 14 }, { header: '', width: 14 }, { header: '', width: 80, wrap: true }],
    rows: about,
  });
  return specs;
}

function addSheet(workbook: Workbook, name: string, spec: SheetSpec): void {
  const sheet: Worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c, i) => ({ key: String(i), width: c.width }));
  const header = sheet.addRow(spec.columns.map((c) => xlsxText(c.header)));
  header.font = { bold: true };
  for (const row of spec.rows) sheet.addRow(row.map((v) => (typeof v === 'string' ? xlsxText(v) : v)));
  spec.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    if (c.wrap) column.alignment = { wrapText: true, vertical: 'top' };
    if (c.number) column.numFmt = c.number;
  });
  if (spec.rows.length > 0 && name !== 'About') sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
}

/**
 * Text as an xlsx string cell holds it: characters XML 1.0 forbids (a PDF's form feed) are written the OOXML
 * way (`_x000C_`), a literal `_xHHHH_` is escaped so it survives, and text beyond Excel's 32,767 characters per
 * cell is cut with a mark.
 */
export function xlsxText(text: string): string {
  const escaped = text
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return escaped.length > 32_000 ? `${escaped.slice(0, 32_000)} … [cut: longer than an Excel cell holds]` : escaped;
}

/** Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ], unique regardless of case. */
export function sheetNames(wanted: string[]): string[] {
  const used = new Set<string>();
  return wanted.map((name) => {
    const base = name.replace(/[:\\/?*[\]]/g, '-').replace(/^'+|'+$/g, '').trim().slice(0, 31) || 'Sheet';
    let candidate = base;
    for (let n = 2; used.has(candidate.toLowerCase()) || candidate.toLowerCase() === 'history'; n++) {
      const suffix = ` (${n})`;
      candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    }
    used.add(candidate.toLowerCase());
    return candidate;
  });
}
