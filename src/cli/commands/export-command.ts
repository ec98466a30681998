/** `cmrdx export <dir> --format xlsx|fhir [--out <file|dir>]`: the run's predictions for the clinic. */
import { exportRun } from '../../present/export-run.js';
import { loadTaxonomy } from '../../taxonomy/load-taxonomy.js';
import { printable } from '../../util/printable.js';
import { VERSION, type Context } from '../program.js';

interface ExportFlags {
  format: 'xlsx' | 'fhir';
  out?: string;
  model?: string;
  idSystem?: string;
  taxonomy?: string;
}

export async function exportCommand(args: unknown[], ctx: Context): Promise<number> {
  const [dir, flags] = args as [string, ExportFlags];
  const result = await exportRun({ dir, format: flags.format, out: flags.out, model: flags.model, idSystem: flags.idSystem, taxonomy: loadTaxonomy(flags.taxonomy), version: VERSION });
  if (result.format === 'xlsx') {
    ctx.io.out(`${result.file} (sheets: ${result.sheets.join(', ')})\n`);
  } else {
    ctx.io.out(`${result.written} FHIR R4 bundle(s) of the ${result.source} in ${result.dir}\n`);
    if (result.others > 0) ctx.io.err(`cmrdx: warning: ${result.others} other .json file(s) in ${printable(result.dir)} were not written by this export (an older export?)\n`);
  }
  return 0;
}
