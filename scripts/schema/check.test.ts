import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSchema, defaultPaths, releaseSchema, type SchemaPaths } from './check';

const schema = readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8');

/** Documents as the web app and the CLI ship them. */
const EXPORT_ENTRIES =
  'query ExportEntries($after: String, $from: LocalDate!, $to: LocalDate!) { timesheets(from: $from, to: $to, first: 200, after: $after) { edges { node { date hours id notes project rejectionReason status } } pageInfo { endCursor hasNextPage } totalCount } }';
const ENTRY = 'query Entry($id: ID!) { timesheet(id: $id) { id date hours project version } }';
const LOG_TIME =
  'mutation LogTime($input: CreateTimesheetInput!) { createTimesheet(input: $input) { id date hours project } }';

const hashOf = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

let root: string;
let paths: SchemaPaths;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'schema-check-'));
  paths = defaultPaths(root);
  mkdirSync(join(root, 'schema'));
  writeFileSync(paths.releasedFile, schema);
  writeFileSync(paths.schemaFile, schema);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Writes one client's store file: `{ "sha256:<hex>": "<text>" }`. */
function ship(client: string, texts: string[]): void {
  mkdirSync(paths.documentsDir, { recursive: true });
  const manifest = Object.fromEntries(texts.map((text) => [hashOf(text), text]));
  writeFileSync(join(paths.documentsDir, `${client}.json`), JSON.stringify(manifest, null, 2));
}

/** Writes schema.graphql as the released schema with one edit, which must apply. */
function changeSchema(from: string | RegExp, to: string): void {
  const changed = schema.replace(from, to);
  if (changed === schema) throw new Error(`the schema holds no ${String(from)}`);
  writeFileSync(paths.schemaFile, changed);
}

const withoutTimesheetField = (field: string) =>
  new RegExp(`(type Timesheet \\{[\\s\\S]*?)"""[^"]*"""\\s*${field}: [^\\n]*\\n`);

describe('schema:check', () => {
  it('passes on an added field and prints it as non-breaking', async () => {
    ship('web', [EXPORT_ENTRIES, ENTRY]);
    changeSchema('type Timesheet {', 'type Timesheet {\n  billable: Boolean');

    const { ok, lines } = await checkSchema(paths);

    expect(ok).toBe(true);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^NON_BREAKING +Field 'billable' was added to object type 'Timesheet'$/,
      ),
    );
  });

  it('fails on a removed field that a document selects, naming the field and the document', async () => {
    ship('web', [EXPORT_ENTRIES, ENTRY]);
    changeSchema(withoutTimesheetField('notes'), '$1');

    const { ok, lines } = await checkSchema(paths);

    expect(ok).toBe(false);
    const text = lines.join('\n');
    expect(text).toMatch(/BREAKING +Field 'notes' was removed from object type 'Timesheet'/);
    expect(text).toContain(`used by web ${hashOf(EXPORT_ENTRIES)}`);
    expect(text).toContain(
      `error: no longer valid: web ${hashOf(EXPORT_ENTRIES)}: Cannot query field "notes" on type "Timesheet".`,
    );
    expect(text).not.toContain(hashOf(ENTRY));
    expect(text).not.toContain('touches no shipped document');
  });

  it('passes on removing a field no document selects, saying the break touches no shipped document', async () => {
    ship('web', [EXPORT_ENTRIES]);
    ship('cli', [ENTRY]);
    changeSchema(withoutTimesheetField('source'), '$1');

    const { ok, lines } = await checkSchema(paths);

    expect(ok).toBe(true);
    expect(lines).toContainEqual(
      expect.stringMatching(/^BREAKING +Field 'source' was removed from object type 'Timesheet'$/),
    );
    expect(lines).toContain(
      '1 breaking change(s), but the break touches no shipped document: all 2 trusted documents validate against the new schema.',
    );
  });

  it('fails on a changed argument type that a document passes', async () => {
    ship('cli', [ENTRY]);
    changeSchema(/(timesheet\([\s\S]*?id: )ID!/, '$1Int!');

    const { ok, lines } = await checkSchema(paths);

    expect(ok).toBe(false);
    const text = lines.join('\n');
    expect(text).toMatch(
      /BREAKING +Type for argument 'id' on field 'Query.timesheet' changed from 'ID!' to 'Int!'/,
    );
    expect(text).toContain(
      `error: no longer valid: cli ${hashOf(ENTRY)}: Variable "$id" of type "ID!" used in position expecting type "Int!".`,
    );
  });

  it('fails on a removed input field that a document may send in its variables', async () => {
    ship('cli', [LOG_TIME]);
    changeSchema(/(input CreateTimesheetInput \{[\s\S]*?)"""[^"]*"""\s*notes: String\n/, '$1');

    const { ok, lines } = await checkSchema(paths);

    expect(ok).toBe(false);
    expect(lines).toContain(
      "error: breaks shipped documents: Input field 'notes' was removed from input object type 'CreateTimesheetInput'",
    );
  });

  it('fails on a field made nullable that a document selects, though the document still validates', async () => {
    ship('cli', [ENTRY]);
    changeSchema(/(type Timesheet \{[\s\S]*?hours: )Float!/, '$1Float');

    const { ok, lines } = await checkSchema(paths);

    expect(ok).toBe(false);
    expect(lines.join('\n')).not.toContain('no longer valid');
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^error: breaks shipped documents: Field 'Timesheet.hours' changed type/,
      ),
    );
  });

  it('warns, without failing, about a deprecated field that a document still selects', async () => {
    ship('web', [EXPORT_ENTRIES]);
    changeSchema(/(type Timesheet \{[\s\S]*?notes: String)/, '$1 @deprecated(reason: "Use memo.")');

    const { ok, lines } = await checkSchema(paths);

    expect(ok).toBe(true);
    expect(lines).toContain(
      `warning: deprecated but still selected: web ${hashOf(EXPORT_ENTRIES)}: The field Timesheet.notes is deprecated. Use memo.`,
    );
  });

  it('fails on a breaking change when there is no trusted-documents store to prove it safe', async () => {
    changeSchema(withoutTimesheetField('source'), '$1');

    const { ok, lines } = await checkSchema(paths);

    expect(ok).toBe(false);
    expect(lines.join('\n')).toContain('no trusted documents in');
  });

  it('fails when the released schema is missing', async () => {
    rmSync(paths.releasedFile);

    const { ok, lines } = await checkSchema(paths);

    expect(ok).toBe(false);
    expect(lines).toEqual([`error: the released schema ${paths.releasedFile} is missing`]);
  });

  it('fails when a trusted document does not parse, naming it', async () => {
    mkdirSync(paths.documentsDir);
    writeFileSync(join(paths.documentsDir, 'web.json'), JSON.stringify({ 'sha256:00': 'query {' }));

    const { ok, lines } = await checkSchema(paths);

    expect(ok).toBe(false);
    expect(lines).toContainEqual(
      expect.stringMatching(/^error: trusted document: web sha256:00 does not parse: Syntax Error/),
    );
  });
});

describe('schema:release', () => {
  it('refuses a schema that fails the check and keeps the released schema', async () => {
    ship('web', [EXPORT_ENTRIES]);
    changeSchema(withoutTimesheetField('notes'), '$1');

    const { ok, lines } = await releaseSchema(paths);

    expect(ok).toBe(false);
    expect(lines.at(-1)).toBe('release refused.');
    expect(readFileSync(paths.releasedFile, 'utf8')).toBe(schema);
  });

  it('records a schema that passes the check as the released schema', async () => {
    ship('web', [EXPORT_ENTRIES]);
    changeSchema(withoutTimesheetField('source'), '$1');

    const { ok } = await releaseSchema(paths);

    expect(ok).toBe(true);
    expect(readFileSync(paths.releasedFile, 'utf8')).toBe(readFileSync(paths.schemaFile, 'utf8'));
    expect((await checkSchema(paths)).lines).toEqual(['No change since the released schema.']);
  });
});
