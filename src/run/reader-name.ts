/**
 * Names of human readers (and adjudicators). A reader's name keys metrics.json and names the file
 * `readers/<name>.csv`, so it must be a plain word that cannot be taken for a model (`rules`, `consensus`, or a
 * model spec such as `ollama:…`), cannot escape the folder, and is not another reader's name in another case
 * (which would be one file on a case-insensitive disk).
 */
import { ConfigError } from '../errors.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const RESERVED = new Set(['rules', 'consensus', 'adjudicated', 'truth', 'failed', 'unclassified']);
// Windows device names: `readers/con.csv` cannot be written there.
const DEVICE = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?$/i;

export function isPlainName(name: string): boolean {
  return NAME.test(name) && !DEVICE.test(name) && !name.endsWith('.');
}

/**
 * Checks a `--reader`/`--adjudicator` name against the run's models and the other human readers.
 * @param models every model name of the run (from its configuration, store and predictions.jsonl)
 * @param humans the human readers already in the run (the same name continues that reader's session)
 */
export function checkReaderName(flag: string, name: string, models: string[], humans: string[] = []): void {
  const fail = (why: string, hint: string) => {
    throw new ConfigError(`${flag} ${name}: ${why}`, { code: 'config.reader_name', hint });
  };
  if (!isPlainName(name)) fail('not a plain name', 'Use letters, digits, ".", "_" or "-" (up to 64, starting with a letter or digit), e.g. --reader cardiologist1');
  const lower = name.toLowerCase();
  if (RESERVED.has(lower)) fail(`"${lower}" is reserved`, 'Choose another name, e.g. the reader\'s initials');
  const model = models.find((m) => m.toLowerCase() === lower);
  if (model !== undefined) fail(`the run already has a model named ${model}`, 'Give the human reader a name of their own');
  const other = humans.find((h) => h !== name && h.toLowerCase() === lower);
  if (other !== undefined) fail(`the run already has a reader named ${other}`, `Write --reader ${other} to continue that reader's session, or choose another name`);
}
