/**
 * Which column of a table holds the report id, the text and the label. Hospital exports name them
 * `Fallnummer;Befundtext;Diagnose` or `accession,findings,category`, so common German and English names are
 * recognised; `--id-column`, `--text-column` and `--label-column` (a name or a 1-based number) say it
 * outright. A column that is missing or could be one of several is a one-line InputError naming the file, the
 * columns found and the flag to use. Records are then renamed to `id`/`text`/`label` for read-reports.
 */
import { InputError } from '../errors.js';
import type { RawRecord } from './read-records.js';

export type ColumnRole = 'id' | 'text' | 'label';

/** What the user said per role: a column name, a 1-based number as a string, or `false` for "no such column". */
export interface ColumnChoice {
  id?: string;
  text?: string;
  label?: string | false;
}

/** The column (header) that holds each role; `label` is absent when the table has none. */
export interface ColumnMap {
  id?: string;
  text?: string;
  label?: string;
}

interface RoleInfo {
  flag: string;
  what: string;
  /** Normalised header names that mean this role, the canonical one first. */
  names: string[];
}

/** Header names are compared after {@link normaliseHeader}: `Befund-Text`, `befund_text` and `BEFUNDTEXT` are one. */
const ROLES: Record<ColumnRole, RoleInfo> = {
  id: {
    flag: '--id-column',
    what: 'the report id',
    names: [
      'id', 'reportid', 'reportnumber', 'reportno', 'accession', 'accessionnumber', 'accessionno', 'accessionnr', 'caseid',
      'casenumber', 'examid', 'examinationid', 'studyid', 'documentid', 'befundid', 'befundnummer', 'befundnr',
      'fallnummer', 'fallnr', 'fallid', 'untersuchungsnummer', 'untersuchungsnr', 'untersuchungsid', 'auftragsnummer',
      'auftragsnr', 'auftragsid', 'akzessionsnummer', 'dokumentnummer', 'dokumentid',
    ],
  },
  text: {
    flag: '--text-column',
    what: 'the report text',
    names: [
      'text', 'report', 'reporttext', 'reportbody', 'findings', 'narrative', 'freetext', 'befund', 'befundtext',
      'befundbericht', 'bericht', 'berichtstext', 'freitext', 'dokumenttext', 'untersuchungsbefund',
    ],
  },
  label: {
    flag: '--label-column',
    what: 'the label',
    names: ['label', 'category', 'truth', 'groundtruth', 'diagnosis', 'class', 'kategorie', 'diagnose', 'klasse', 'goldstandard'],
  },
};

export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export interface MapOptions {
  /** The roles to look for (default all three). */
  roles?: ColumnRole[];
  /** The roles whose column must be found (default id and text). */
  required?: ColumnRole[];
  /** Whether the hint names the --*-column flags (the CLI has them for report inputs, not for labels files). */
  withFlags?: boolean;
}

/** The roles whose usual names occur among `headers` (e.g. `Fallnummer` → id), for telling a table's header apart. */
export function recognisedRoles(headers: string[]): Set<ColumnRole> {
  const roles = new Set<ColumnRole>();
  for (const header of headers) {
    const name = normaliseHeader(header);
    for (const role of Object.keys(ROLES) as ColumnRole[]) if (ROLES[role].names.includes(name)) roles.add(role);
  }
  return roles;
}

/**
 * The columns for the roles among `headers`, in the order the file has them. Explicit choices are taken
 * first; the remaining roles are recognised by name, the canonical name (`id`, `text`, `label`) before the
 * others.
 */
export function resolveColumns(file: string, headers: string[], choice: ColumnChoice = {}, options: MapOptions = {}): ColumnMap {
  const { roles = ['id', 'text', 'label'], required = ['id', 'text'], withFlags = true } = options;
  const map: ColumnMap = {};
  const fail = (message: string, role: ColumnRole, code: string): never => {
    throw new InputError({ file }, `${message} (columns: ${listHeaders(headers)})`, {
      code,
      hint: withFlags ? `Name the column of ${ROLES[role].what} with ${ROLES[role].flag} <name or number>` : `Call the column of ${ROLES[role].what} "${role}" in the header row`,
    });
  };
  for (const role of roles) {
    const chosen = choice[role];
    if (chosen === undefined || chosen === false) continue;
    map[role] = pick(headers, chosen, (message) => fail(`${ROLES[role].flag} ${chosen}: ${message}`, role, 'input.column_flag'));
  }
  for (const role of roles) {
    if (map[role] !== undefined || choice[role] === false) continue;
    const taken = new Set(Object.values(map));
    const free = headers.filter((h) => !taken.has(h));
    const canonical = free.filter((h) => normaliseHeader(h) === ROLES[role].names[0]);
    const found = canonical.length > 0 ? canonical : free.filter((h) => ROLES[role].names.includes(normaliseHeader(h)));
    if (found.length > 1) fail(`several columns could be ${ROLES[role].what}: ${found.join(', ')}`, role, 'input.column_ambiguous');
    if (found.length === 1) map[role] = found[0];
    else if (required.includes(role)) fail(`no column for ${ROLES[role].what}`, role, 'input.columns');
  }
  const seen = new Map<string, ColumnRole>();
  for (const role of roles) {
    const column = map[role];
    if (column === undefined) continue;
    const other = seen.get(column);
    if (other) fail(`column "${column}" cannot be both ${ROLES[other].what} and ${ROLES[role].what}`, role, 'input.column_flag');
    seen.set(column, role);
  }
  return map;
}

/** A header named by the user: a 1-based number, the exact name, or the name up to case, accents and punctuation. */
function pick(headers: string[], chosen: string, fail: (message: string) => never): string {
  const wanted = chosen.trim();
  if (/^\d+$/.test(wanted)) {
    const n = Number(wanted);
    const header = headers[n - 1];
    if (n < 1 || header === undefined) fail(`the table has ${headers.length} column(s); number them from 1`);
    return header!;
  }
  const exact = headers.filter((h) => h === wanted);
  const loose = exact.length > 0 ? exact : headers.filter((h) => normaliseHeader(h) === normaliseHeader(wanted));
  if (loose.length === 0) fail('no such column');
  if (loose.length > 1) fail(`several columns have this name (${loose.join(', ')}); give its number instead`);
  return loose[0]!;
}

/**
 * Header names for a message. A header is a name, not report text; but when a file has no header row its first
 * row is taken as one, so long "names" are shown by their length only, and the list is cut after 20.
 */
function listHeaders(headers: string[]): string {
  if (headers.length === 0) return 'none';
  const shown = headers.slice(0, 20).map((h) => (h.length > 40 ? `[${h.length} characters: is the first row a header?]` : h === '' ? '(empty)' : h));
  return shown.join(', ') + (headers.length > 20 ? `, … ${headers.length - 20} more` : '');
}

/**
 * Refuses a header row that names a column twice: one name can key only one value per row, so the other
 * column (a second text, a second label) would be lost or win without a word. `headers` are the names as keyed
 * (a CSV's lower-cased), `written` as the file has them, for the message.
 */
export function refuseDuplicateHeaders(where: { file: string; line: number }, headers: string[], written: string[] = headers): void {
  const first = new Map<string, number>();
  headers.forEach((header, i) => {
    const earlier = first.get(header);
    if (earlier !== undefined) {
      const name = written[i] ?? header;
      const shown = name.length > 40 ? `of ${name.length} characters` : `"${name}"`;
      throw new InputError(where, `the header names the column ${shown} twice (columns ${earlier + 1} and ${i + 1})`, {
        code: 'input.column_duplicate',
        hint: 'Give every column of the header row its own name (e.g. Befundtext and Nachtrag)',
      });
    }
    first.set(header, i);
  });
}

/** The keys of the records in first-seen order (a JSON file's objects need not all have the same keys). */
export function headersOf(records: RawRecord[]): string[] {
  const seen = new Set<string>();
  for (const record of records) for (const key of Object.keys(record.fields)) seen.add(key);
  return [...seen];
}

/**
 * Renames the chosen columns of every record to `id`, `text` and `label`. Other columns stay as they are (they
 * become the report's `meta`); one that happens to be called `id`, `text` or `label` without being chosen is
 * kept as `<name>_column`, so nothing is silently overwritten.
 */
export function mapColumns(records: RawRecord[], choice: ColumnChoice = {}, headers: string[] = headersOf(records), options: MapOptions = {}): RawRecord[] {
  const first = records[0];
  if (!first) return records;
  const map = resolveColumns(first.file, headers, choice, options);
  const unchanged = (Object.keys(map) as ColumnRole[]).every((role) => map[role] === role) && !(choice.label === false && headers.includes('label'));
  if (unchanged) return records;
  const chosen = new Set(Object.values(map));
  return records.map((record) => {
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record.fields)) {
      if (chosen.has(key)) continue;
      fields[key in ROLES ? `${key}_column` : key] = value;
    }
    for (const role of Object.keys(map) as ColumnRole[]) fields[role] = record.fields[map[role]!];
    return { ...record, fields };
  });
}
