/**
 * Reads a labels file: `id,label` rows as CSV/TSV, or `{"id","label"}` lines as JSONL, optionally with the
 * seconds a human reader spent per report. Used for a folder's labels.csv, for `--truth` and for human readers.
 * Messages name the file, line, id and column, never the values (a labels file in the wrong shape can hold
 * report text in any column).
 */
import { InputError } from '../errors.js';
import { DEFAULT_TAXONOMY, UNCLASSIFIED, UNCLASSIFIED_REASONS, isUnclassifiedReason, resolveLabel, unknownLabelHint, type Taxonomy, type UnclassifiedReason } from '../taxonomy/taxonomy.js';
import type { Encoding } from './decode-text.js';
import { formatOf, readRecords, type RawRecord } from './read-records.js';
import { unprotectCell } from '../util/csv.js';
import { mapColumns } from './map-columns.js';
import { readId } from './report-id.js';

export interface LabelRecord {
  id: string;
  label: string;
  seconds?: number;
  /** A human reader's "no category" (label UNCLASSIFIED): why, when the file says. */
  reason?: UnclassifiedReason;
}

/** Column names accepted for the label, in order of preference. */
const LABEL_COLUMNS = ['label', 'category', 'truth', 'diagnosis'];

/**
 * `unclassified`: the file holds a reader's answers, not a truth, so `UNCLASSIFIED` (with an optional `reason`
 * column) is an answer too; a truth is always a category.
 */
export function readLabels(file: string, options: { taxonomy?: Taxonomy; encoding?: Encoding; unclassified?: boolean } = {}): LabelRecord[] {
  const taxonomy = options.taxonomy ?? DEFAULT_TAXONOMY;
  const format = formatOf(file);
  if (!format) {
    throw new InputError({ file }, 'cannot read this kind of labels file', {
      code: 'input.format',
      hint: 'Use a .csv with columns id,label[,seconds] or a .jsonl of {"id","label"}',
    });
  }
  const records = mapColumns(readRecords(file, format, { encoding: options.encoding }), {}, undefined, { roles: ['id', 'label'], required: ['id'], withFlags: false });
  const labels: LabelRecord[] = [];
  const seen = new Map<string, number | undefined>();
  for (const record of records) {
    const entry = toLabel(record, taxonomy, options.unclassified ?? false);
    if (seen.has(entry.id)) {
      throw new InputError({ file, line: record.line }, `duplicate id "${entry.id}" (first on line ${seen.get(entry.id)})`, {
        code: 'input.duplicate_id',
        hint: 'Give each report one label; remove the second row',
      });
    }
    seen.set(entry.id, record.line);
    labels.push(entry);
  }
  return labels;
}

function toLabel(record: RawRecord, taxonomy: Taxonomy, unclassified: boolean): LabelRecord {
  const { fields, file, line } = record;
  // An id such as "-7" comes back as "'-7" from a CSV cmrdx wrote (export-readers): the same report.
  const reading = readId(fields.id);
  if ('problem' in reading) throw new InputError({ file, line }, reading.problem, { code: 'input.bad_id', hint: reading.hint });
  const id = unprotectCell(reading.id);
  if (id === '') {
    throw new InputError({ file, line }, 'missing "id"', { code: 'input.missing_id', hint: 'Every row needs the report id in an "id" column' });
  }
  const column = LABEL_COLUMNS.find((c) => fields[c] !== undefined);
  const raw = column ? String(fields[column]).trim() : '';
  if (raw === '') {
    throw new InputError({ file, line }, `no label for "${id}"`, {
      code: 'input.missing_label',
      hint: 'Add the category in a "label" column (id,label)',
    });
  }
  const label = unclassified && raw.toUpperCase() === UNCLASSIFIED ? UNCLASSIFIED : resolveLabel(taxonomy, raw);
  if (label === undefined && raw.toUpperCase() === UNCLASSIFIED) {
    throw new InputError({ file, line }, `the label of "${id}" is UNCLASSIFIED, which is a reader's answer, never a truth`, {
      code: 'input.unknown_label',
      hint: 'Give the report its category, or leave it out of the truth (it is then not scored)',
    });
  }
  if (label === undefined) {
    throw new InputError({ file, line }, `the label of "${id}" (column ${column}) is not a category of the taxonomy`, {
      code: 'input.unknown_label',
      hint: unknownLabelHint(taxonomy),
    });
  }
  const entry: LabelRecord = { id, label };
  const reason = fields.reason === undefined || fields.reason === null ? '' : String(fields.reason).trim().toLowerCase();
  if (label !== UNCLASSIFIED && reason !== '') {
    throw new InputError({ file, line }, `"${id}" has a reason but a category`, {
      code: 'input.bad_reason',
      hint: 'A reason goes only with the label UNCLASSIFIED (no category); leave it empty beside a category',
    });
  }
  if (label === UNCLASSIFIED && reason !== '') {
    if (!isUnclassifiedReason(reason)) {
      throw new InputError({ file, line }, `the reason of "${id}" is not a reason for no category`, {
        code: 'input.bad_reason',
        hint: `Write one of ${UNCLASSIFIED_REASONS.join(', ')}, or leave the reason empty`,
      });
    }
    entry.reason = reason;
  }
  if (fields.seconds !== undefined && String(fields.seconds).trim() !== '') {
    const seconds = Number(String(fields.seconds).replace(',', '.'));
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new InputError({ file, line }, `the seconds of "${id}" are not a number`, {
        code: 'input.bad_seconds',
        hint: 'Write the time per report in seconds, e.g. 42 or 42.5',
      });
    }
    entry.seconds = seconds;
  }
  return entry;
}
