import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ChangeType, CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import {
  buildSchema,
  NoDeprecatedCustomRule,
  specifiedRules,
  validate,
  type GraphQLSchema,
} from 'graphql';
import {
  collectCoordinates,
  describeDocument,
  loadTrustedDocuments,
  type TrustedDocument,
} from './documents';

/** Where the check reads: the schema being changed, the last release, the trusted-documents store. */
export interface SchemaPaths {
  schemaFile: string;
  releasedFile: string;
  documentsDir: string;
}

/** The repository's own files. */
export const defaultPaths = (root: string): SchemaPaths => ({
  schemaFile: join(root, 'schema.graphql'),
  releasedFile: join(root, 'schema', 'released.graphql'),
  documentsDir: join(root, 'trusted-documents'),
});

/** One change since the release, with the shipped documents that touch what it changes. */
export interface JudgedChange {
  change: Change;
  usedBy: TrustedDocument[];
}

/** The outcome of `npm run schema:check`: `lines` say why, `ok` decides the exit code. */
export interface SchemaCheckReport {
  ok: boolean;
  lines: string[];
}

/**
 * Breaking changes that a document can still validate against: a field's output type, an input
 * object's fields (a client sends them in variables, outside the document text), an enum's values.
 * For these, a document that touches the changed coordinate is affected even when it validates.
 */
const VALIDATION_BLIND: ReadonlySet<string> = new Set([
  ChangeType.FieldTypeChanged,
  ChangeType.InputFieldAdded,
  ChangeType.InputFieldRemoved,
  ChangeType.InputFieldTypeChanged,
  ChangeType.EnumValueRemoved,
]);
/** Changes that concern a whole input type or enum: a new required input field, a new enum value. */
const TYPE_WIDE: ReadonlySet<string> = new Set([
  ChangeType.InputFieldAdded,
  ChangeType.EnumValueRemoved,
  ChangeType.EnumValueAdded,
]);

/** inspector types `Change.type` loosely (`any`); it is one of the `ChangeType` strings. */
const typeOf = (change: Change) => change.type as string;

/** The coordinate a document must touch to be affected by a change: its path, or its type's. */
const changeTarget = (change: Change) =>
  change.path && TYPE_WIDE.has(typeOf(change)) ? change.path.split('.')[0] : change.path;

const isBreaking = (change: Change) => change.criticality.level === CriticalityLevel.Breaking;

function judgeChanges(changes: Change[], released: GraphQLSchema, docs: TrustedDocument[]) {
  const coordinates = docs.map((doc) => ({
    doc,
    used: collectCoordinates(released, doc.document),
  }));
  return changes.map((change): JudgedChange => {
    const target = changeTarget(change);
    const usedBy = target ? coordinates.filter((c) => c.used.has(target)).map((c) => c.doc) : [];
    return { change, usedBy };
  });
}

function formatChange({ change, usedBy }: JudgedChange): string[] {
  const level = change.criticality.level.padEnd(12);
  return [
    `${level} ${change.message}`,
    ...usedBy.map((doc) => `${' '.repeat(13)}used by ${describeDocument(doc)}`),
  ];
}

function validateDocuments(schema: GraphQLSchema, docs: TrustedDocument[]) {
  const invalid: string[] = [];
  const deprecated: string[] = [];
  for (const doc of docs) {
    for (const error of validate(schema, doc.document, specifiedRules)) {
      invalid.push(`${describeDocument(doc)}: ${error.message}`);
    }
    for (const warning of validate(schema, doc.document, [NoDeprecatedCustomRule])) {
      deprecated.push(`${describeDocument(doc)}: ${warning.message}`);
    }
  }
  return { invalid, deprecated };
}

function readSchema(file: string, what: string, problems: string[]): GraphQLSchema | null {
  if (!existsSync(file)) {
    problems.push(`${what} ${file} is missing`);
    return null;
  }
  try {
    return buildSchema(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${what} ${file} does not build: ${(error as Error).message}`);
    return null;
  }
}

/**
 * Compares the schema with the last release (graphql-inspector's `diff`) and decides whether the
 * change is safe for every document ever shipped. Fails on a breaking change unless every trusted
 * document validates against the new schema and none touches a changed output type, input type
 * or enum; fails as well when any trusted document no longer validates. Deprecated fields that
 * trusted documents still select are reported as warnings.
 */
export async function checkSchema(paths: SchemaPaths): Promise<SchemaCheckReport> {
  const problems: string[] = [];
  const released = readSchema(paths.releasedFile, 'the released schema', problems);
  const current = readSchema(paths.schemaFile, 'the schema', problems);
  const store = loadTrustedDocuments(paths.documentsDir);
  problems.push(...store.problems.map((problem) => `trusted document: ${problem}`));
  const notes = store.found ? [] : [`note: no trusted-documents store at ${paths.documentsDir}`];
  if (!released || !current) return { ok: false, lines: problems.map((p) => `error: ${p}`) };

  const judged = judgeChanges(await diff(released, current), released, store.documents);
  const { invalid, deprecated } = validateDocuments(current, store.documents);
  const lines = [
    ...notes,
    ...(judged.length === 0 ? ['No change since the released schema.'] : []),
  ];
  lines.push(...judged.flatMap(formatChange));
  lines.push(...deprecated.map((d) => `warning: deprecated but still selected: ${d}`));
  lines.push(...invalid.map((i) => `error: no longer valid: ${i}`));
  lines.push(...problems.map((p) => `error: ${p}`));
  const valid = problems.length === 0 && invalid.length === 0;
  const ok = valid && decide(judged, store.documents.length, lines, paths.documentsDir);
  if (!ok) lines.push('schema check failed: see the errors above.');
  return { ok, lines };
}

/**
 * Whether the breaking changes are safe for shipped documents that all validate against the new
 * schema: none may touch a change that validation cannot see, and with no document at all nothing
 * proves a break safe. Appends the reasons to `lines`.
 */
function decide(judged: JudgedChange[], documents: number, lines: string[], dir: string): boolean {
  const breaking = judged.filter(({ change }) => isBreaking(change));
  const unsafe = breaking.filter(
    (j) => j.usedBy.length > 0 && VALIDATION_BLIND.has(typeOf(j.change)),
  );
  lines.push(...unsafe.map((u) => `error: breaks shipped documents: ${u.change.message}`));
  if (unsafe.length > 0 || breaking.length === 0) return unsafe.length === 0;
  if (documents === 0) {
    lines.push(
      `error: ${breaking.length} breaking change(s), and no trusted documents in ${dir} to ` +
        'show that no shipped client uses them',
    );
    return false;
  }
  lines.push(
    `${breaking.length} breaking change(s), but the break touches no shipped document: all ` +
      `${documents} trusted documents validate against the new schema.`,
  );
  return true;
}

/** Records schema.graphql as the released schema (a copy), refusing when `checkSchema` fails. */
export async function releaseSchema(paths: SchemaPaths): Promise<SchemaCheckReport> {
  const report = await checkSchema(paths);
  if (!report.ok) return { ok: false, lines: [...report.lines, 'release refused.'] };
  mkdirSync(dirname(paths.releasedFile), { recursive: true });
  copyFileSync(paths.schemaFile, paths.releasedFile);
  const name = relative(process.cwd(), paths.releasedFile) || paths.releasedFile;
  return { ok: true, lines: [...report.lines, `released: ${name} now holds schema.graphql.`] };
}
