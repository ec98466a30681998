/**
 * A record's own value. Names (categories, readers, models) are keys of plain records, and one such as
 * "constructor" or "toString" must not read what every object inherits from Object.prototype.
 */
export const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined => (record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined);
