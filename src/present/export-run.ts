/**
 * `cmrdx export`'s library function: reads a classify output folder and writes it as an Excel workbook or as
 * FHIR R4 bundles, with the categories' codes from the taxonomy the run was classified with (a different
 * taxonomy is refused: its codes would not match the stored categories).
 */
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import { checkRunTaxonomy } from '../run/run-taxonomy.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { writeFhirExport, type FhirExportResult } from './export-fhir.js';
import { writeXlsxExport, type XlsxExportResult } from './export-xlsx.js';
import { readRun } from './read-run.js';

export interface ExportOptions {
  dir: string;
  format: 'xlsx' | 'fhir';
  taxonomy: Taxonomy;
  /** The workbook file or the bundles' folder; default `<dir>/predictions.xlsx` or `<dir>/fhir`. */
  out?: string;
  /** FHIR: the reader to export instead of the consensus. */
  model?: string;
  /** FHIR: Identifier.system of the report ids. */
  idSystem?: string;
  /** cmrdx's version, named in the outputs. */
  version: string;
  now?: Date;
}

export type ExportResult = ({ format: 'xlsx' } & XlsxExportResult) | ({ format: 'fhir' } & FhirExportResult);

export async function exportRun(options: ExportOptions): Promise<ExportResult> {
  if (options.idSystem !== undefined && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(options.idSystem)) {
    throw new ConfigError(`--id-system ${options.idSystem}: not a URI`, {
      code: 'config.id_system',
      hint: 'Give the namespace of your report ids as a URI, e.g. urn:oid:1.2.276.0.76.3.1.1 or https://ris.example-klinik.de/befund',
    });
  }
  const run = readRun(options.dir, options.taxonomy);
  checkRunTaxonomy(run.config, options.dir, options.taxonomy);
  if (options.format === 'xlsx') {
    const file = options.out ?? join(options.dir, 'predictions.xlsx');
    return { format: 'xlsx', ...(await writeXlsxExport(run, options.taxonomy, file, options)) };
  }
  const dir = options.out ?? join(options.dir, 'fhir');
  return { format: 'fhir', ...writeFhirExport(run, options.taxonomy, dir, options) };
}
