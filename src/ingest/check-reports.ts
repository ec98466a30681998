/**
 * Reports a library caller passes as objects, checked exactly like the records of a file (id, text that is
 * text, label resolved in the taxonomy, unique ids), so `classify({input: [...]})` trusts nothing a file read
 * would not. Messages name the item (1-based), never its text.
 */
import { InputError } from '../errors.js';
import type { Report } from '../report/report.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { collect } from './read-reports.js';

const SOURCE = 'input';

export function checkReports(input: unknown, taxonomy: Taxonomy, skipInvalid = false): { reports: Report[]; skipped: InputError[] } {
  if (!Array.isArray(input)) {
    throw new InputError({ file: SOURCE }, 'is neither a path nor an array of reports', { code: 'input.not_reports', hint: 'Pass the path of a file or folder, or an array of {id, text, label?} objects' });
  }
  if (input.length === 0) {
    throw new InputError({ file: SOURCE }, 'is an empty array: no reports to read', { code: 'input.empty', hint: 'Pass at least one {id, text} report' });
  }
  const records = input.map((item: unknown, i) => {
    const { meta, ...fields } = item !== null && typeof item === 'object' ? (item as Record<string, unknown>) : {};
    // A report's meta comes back as the record's extra columns; origin is set anew.
    delete fields.origin;
    return { file: SOURCE, item: i + 1, fields: { ...(meta !== null && typeof meta === 'object' ? meta : {}), ...fields } };
  });
  const { reports, skipped } = collect(records, { taxonomy, skipInvalid });
  return { reports, skipped };
}
