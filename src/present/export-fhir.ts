/**
 * FHIR R4 (4.0.1) for a clinic's FHIR server: one Bundle per report, of type `collection`, holding
 *  - a DiagnosticReport (identifier = the report id) whose conclusion says what the reading came to and whose
 *    conclusionCode carries the category: SNOMED CT and ICD-10-GM codings where the taxonomy gives verified
 *    codes, the category's name as text always;
 *  - a Condition with the same code, `verificationStatus` provisional for a machine reading and confirmed
 *    once a person adjudicated it, only for a category with at least one code (NORMAL, OTHER and uncoded
 *    categories are no codable condition);
 *  - a Device per reader (model name, prompt version, cmrdx version) and a Provenance naming them, the
 *    adjudicator and the run.
 * UNCLASSIFIED, failed and no-majority readings get a DiagnosticReport without conclusionCode whose conclusion
 * says why, and no Condition: nothing is coded that no reader decided. (R4 DiagnosticReport has no `note`, so
 * the conclusion carries that sentence.)
 *
 * Why `collection`, not `transaction`: cmrdx knows report ids, not patients. A transaction would be posted
 * as is and must reference a Patient the server knows; a collection is a set of resources for the clinic's
 * interface engine to attach to the patient (Condition.subject is marked with the data-absent-reason
 * extension until then) and to post. Resource ids are UUIDs derived from run, report and role, so exporting
 * the same run again yields the same ids (an update, not a duplicate).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ConfigError } from '../errors.js';
import type { Prediction } from '../readers/reader.js';
import type { Category, Taxonomy } from '../taxonomy/taxonomy.js';
import { makeOutputFolder, writeOutput } from '../util/write-output.js';
import { currentConsensus, type RunResults } from './read-run.js';
import { consensusOutcome, describeOutcome, predictionOutcome, type ReadingOutcome } from './reading-outcome.js';

export const SNOMED = 'http://snomed.info/sct';
export const ICD10GM = 'http://fhir.de/CodeSystem/bfarm/icd-10-gm';
const DATA_ABSENT = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';

type Json = Record<string, unknown>;

export interface FhirOptions {
  /** The reader whose answers go out; default: the consensus when there is one, else the only model. */
  model?: string;
  /** Identifier.system of the report ids (the hospital's namespace for them). */
  idSystem?: string;
  /** The instant written as Bundle.timestamp and Provenance.recorded (default: now). */
  now?: Date;
  /** cmrdx's version, named in each Device. */
  version: string;
}

export interface FhirBundle {
  id: string;
  bundle: Json;
}

interface Reader {
  name: string;
  promptVersion?: string;
}

interface Reading {
  id: string;
  outcome: ReadingOutcome;
  readers: Reader[];
  how: string;
  adjudicated: boolean;
  adjudicator?: string;
}

/** The readings to export: the consensus rows, or one reader's predictions. */
function chooseReadings(run: RunResults, taxonomy: Taxonomy, model?: string): { source: string; readings: Reading[] } {
  const promptOf = (name: string): string | undefined => {
    const first = [...(run.predictions.get(name)?.values() ?? [])].find((p) => typeof p.details?.promptVersion === 'string');
    return (first?.details?.promptVersion as string | undefined) ?? (name === 'rules' ? undefined : run.config?.promptVersion);
  };
  const consensus = model === undefined ? currentConsensus(run) : undefined;
  if (consensus) {
    const readers = consensus.models.map((name) => ({ name, promptVersion: promptOf(name) }));
    return {
      source: `consensus of ${consensus.models.join(', ')}`,
      readings: consensus.rows.map((row) => ({
        id: row.id,
        outcome: consensusOutcome(row, taxonomy),
        readers,
        how: row.status === 'adjudicated' ? 'adjudicated by a person' : `consensus of ${readers.length} machine readers (${row.status})`,
        adjudicated: row.status === 'adjudicated',
        adjudicator: row.adjudicator,
      })),
    };
  }
  const name = model ?? (run.models.length === 1 ? run.models[0] : undefined);
  if (name === undefined) {
    throw new ConfigError(`${run.dir} has ${run.models.length} readers (${run.models.join(', ')}) and no consensus`, {
      code: 'config.export_model',
      hint: 'Choose one with --model <name>, or build a consensus first (cmrdx consensus)',
    });
  }
  const predictions = run.predictions.get(name);
  if (!predictions) {
    throw new ConfigError(`--model ${name}: no predictions of this reader in ${run.dir} (readers: ${run.models.join(', ')})`, {
      code: 'config.export_model',
      hint: 'Give the reader name as predictions.jsonl writes it in its "model" field',
    });
  }
  const reader = { name, promptVersion: promptOf(name) };
  return {
    source: name,
    readings: run.ids
      .filter((id) => predictions.has(id))
      .map((id) => ({ id, outcome: predictionOutcome(predictions.get(id) as Prediction, taxonomy), readers: [reader], how: `machine reading by ${name}`, adjudicated: false })),
  };
}

/** The bundles, one per report, and which readings they carry (a reader's name, or the consensus). */
export function fhirBundles(run: RunResults, taxonomy: Taxonomy, options: FhirOptions): { source: string; bundles: FhirBundle[] } {
  const { source, readings } = chooseReadings(run, taxonomy, options.model);
  const now = (options.now ?? new Date()).toISOString();
  return { source, bundles: readings.map((reading) => ({ id: reading.id, bundle: bundleFor(reading, run, options, now) })) };
}

function bundleFor(reading: Reading, run: RunResults, options: FhirOptions, now: string): Json {
  const uuid = (role: string) => uuidFor(`${run.runId ?? basename(run.dir)}\u0000${reading.id}\u0000${role}`);
  const drId = uuid('DiagnosticReport');
  const category = reading.outcome.kind === 'category' ? reading.outcome.category : undefined;
  const concept = category ? codeableConcept(category) : undefined;
  const machine = reading.adjudicated || !category ? '' : '; not confirmed by a person';
  const report: Json = {
    resourceType: 'DiagnosticReport',
    id: drId,
    identifier: [{ ...(options.idSystem ? { system: options.idSystem } : {}), value: reading.id }],
    status: reading.adjudicated ? 'final' : 'preliminary',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'RAD', display: 'Radiology' }] }],
    code: { text: 'Cardiac magnetic resonance imaging report' },
    conclusion: `${describeOutcome(reading.outcome)}. Source: ${reading.how}${machine}.`,
    ...(concept ? { conclusionCode: [concept] } : {}),
  };
  const entries: Json[] = [{ fullUrl: `urn:uuid:${drId}`, resource: report }];
  const targets = [{ reference: `urn:uuid:${drId}` }];
  if (category && concept && concept.coding) {
    const conditionId = uuid('Condition');
    const status = reading.adjudicated ? ['confirmed', 'Confirmed'] : ['provisional', 'Provisional'];
    entries.push({
      fullUrl: `urn:uuid:${conditionId}`,
      resource: {
        resourceType: 'Condition',
        id: conditionId,
        verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: status[0], display: status[1] }] },
        code: concept,
        // cmrdx knows the report, not the patient: the clinic's interface engine fills this in.
        subject: { extension: [{ url: DATA_ABSENT, valueCode: 'unknown' }] },
        evidence: [{ detail: [{ reference: `urn:uuid:${drId}` }] }],
        note: [{ text: `${category.name}. Source: ${reading.how}${machine}.` }],
      },
    });
    targets.push({ reference: `urn:uuid:${conditionId}` });
  }
  const agents: Json[] = [];
  for (const reader of reading.readers) {
    const deviceId = uuid(`Device\u0000${reader.name}`);
    entries.push({ fullUrl: `urn:uuid:${deviceId}`, resource: device(deviceId, reader, options.version) });
    agents.push({
      type: participant('author', 'Author'),
      who: { reference: `urn:uuid:${deviceId}`, display: reader.promptVersion ? `${reader.name} (prompt ${reader.promptVersion})` : reader.name },
    });
  }
  if (reading.adjudicated) agents.push({ type: participant('verifier', 'Verifier'), who: { display: reading.adjudicator ?? 'the adjudicator' } });
  const provenanceId = uuid('Provenance');
  entries.push({
    fullUrl: `urn:uuid:${provenanceId}`,
    resource: {
      resourceType: 'Provenance',
      id: provenanceId,
      target: targets,
      recorded: now,
      activity: { text: `cmrdx: ${reading.how}` },
      agent: agents,
      entity: [
        {
          role: 'source',
          what: {
            ...(run.runId ? { identifier: { value: run.runId } } : {}),
            display: run.runId ? `cmrdx run ${basename(run.dir)} (configuration ${run.runId})` : `cmrdx predictions in ${basename(run.dir)}`,
          },
        },
      ],
    },
  });
  return { resourceType: 'Bundle', id: uuid('Bundle'), type: 'collection', timestamp: now, entry: entries };
}

/** The category as a CodeableConcept: verified codings (SNOMED CT, ICD-10-GM) and its name. */
function codeableConcept(category: Category): { coding?: Json[]; text: string } {
  const coding: Json[] = [];
  const { snomed, icd10gm } = category.codes ?? {};
  if (snomed) coding.push({ system: SNOMED, ...(snomed.version ? { version: snomed.version } : {}), code: snomed.code, display: snomed.display });
  if (icd10gm) coding.push({ system: ICD10GM, ...(icd10gm.version ? { version: icd10gm.version } : {}), code: icd10gm.code, display: icd10gm.display });
  return coding.length > 0 ? { coding, text: category.name } : { text: category.name };
}

function device(id: string, reader: Reader, version: string): Json {
  const kind = reader.name === 'rules' ? 'cmrdx guideline engine' : 'language model (machine reader)';
  return {
    resourceType: 'Device',
    id,
    deviceName: [{ name: reader.name, type: 'model-name' }],
    type: { text: kind },
    version: [
      ...(reader.promptVersion ? [{ type: { text: 'prompt' }, value: reader.promptVersion }] : []),
      { type: { text: 'cmrdx' }, value: version },
    ],
  };
}

function participant(code: string, display: string): Json {
  return { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code, display }] };
}

/** A name-based UUID (RFC 4122 version 5 over a fixed cmrdx namespace), so ids are stable across exports. */
const NAMESPACE = Buffer.from('6f1c3a52d0e84b8e9a4d5c2b7e1f0a93', 'hex');
export function uuidFor(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A file name for a report id that is safe on Linux, macOS and Windows: other characters become `_`, and
 * when that changed the id, or the name is reserved on Windows (CON, NUL, ...), a short hash keeps it unique.
 */
export function bundleFileName(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(0, 100);
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(safe);
  const tag = safe === id && !reserved ? '' : `-${createHash('sha256').update(id).digest('hex').slice(0, 10)}`;
  return `${safe}${tag}.json`;
}

export interface FhirExportResult {
  dir: string;
  written: number;
  source: string;
  /** .json files already in the folder that this export did not write (an older export?). */
  others: number;
}

const OUT_FIX = 'Choose another folder for the bundles with --out, one you can write to (it is created when missing)';

export function writeFhirExport(run: RunResults, taxonomy: Taxonomy, outDir: string, options: FhirOptions): FhirExportResult {
  const { source, bundles } = fhirBundles(run, taxonomy, options);
  makeOutputFolder(outDir, OUT_FIX);
  const names = new Set<string>();
  for (const { id, bundle } of bundles) {
    const name = bundleFileName(id);
    // Ids that differ only in case would share a file on Windows and macOS: the later one gets its hash.
    const unique = names.has(name.toLowerCase()) ? bundleFileName(`${id}\u0000`) : name;
    names.add(unique.toLowerCase());
    writeOutput(join(outDir, unique), `${JSON.stringify(bundle, null, 2)}\n`, OUT_FIX);
  }
  const others = existsSync(outDir) ? readdirSync(outDir).filter((f) => f.endsWith('.json') && !names.has(f.toLowerCase())).length : 0;
  return { dir: outDir, written: bundles.length, source, others };
}
