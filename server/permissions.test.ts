import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { ALL_SCOPES, SCOPES } from '../core/scopes';
import { startTestApi, type TestApi } from '../test/api';
import { openTestDatabase, type TestDatabase } from '../test/databases';
import { startTestIssuer, type TestIssuer } from '../test/issuer';
import { SCHEMA_PATH } from './graphql/schema';
import { ruleTree } from './permissions';

/** One operation per root field, and the scope it needs (null: any valid token). */
const matrix: { field: string; scope: string | null; operation: string }[] = [
  { field: 'me', scope: null, operation: '{ me { id kind scopes } }' },
  { field: 'timesheets', scope: SCOPES.read, operation: '{ timesheets { totalCount } }' },
  { field: 'timesheet', scope: SCOPES.read, operation: '{ timesheet(id: "missing") { id } }' },
  { field: 'projects', scope: SCOPES.read, operation: '{ projects }' },
  { field: 'approvals', scope: SCOPES.approve, operation: '{ approvals { totalCount } }' },
  {
    field: 'createTimesheet',
    scope: SCOPES.create,
    operation:
      'mutation { createTimesheet(input: { date: "2026-01-05", project: "Audit", hours: 1 }) { id } }',
  },
  {
    field: 'deleteTimesheet',
    scope: SCOPES.delete,
    operation: 'mutation { deleteTimesheet(id: "missing") }',
  },
  {
    field: 'approveTimesheet',
    scope: SCOPES.approve,
    operation: 'mutation { approveTimesheet(id: "missing") { id } }',
  },
  {
    field: 'rejectTimesheet',
    scope: SCOPES.approve,
    operation: 'mutation { rejectTimesheet(id: "missing", reason: "no") { id } }',
  },
  {
    field: 'uploadTimesheets',
    scope: SCOPES.batchUpload,
    operation:
      'mutation { uploadTimesheets(entries: [{ externalId: "m-1", userId: "auth0|emma", date: "2026-01-05", project: "Audit", hours: 1 }]) { created } }',
  },
];

let issuer: TestIssuer;
let api: TestApi;
let database: TestDatabase;

beforeAll(async () => {
  issuer = await startTestIssuer();
  database = await openTestDatabase('sqlite');
  api = await startTestApi(issuer, database, {
    now: () => new Date('2026-01-07T12:00:00Z'),
  });
});

afterAll(async () => {
  await api.close();
  await database.close();
  await issuer.close();
});

describe('the permission rules', () => {
  it('give every root field of schema.graphql an explicit rule', () => {
    const schema = buildSchema(readFileSync(SCHEMA_PATH, 'utf8'));
    const rootFields = (type: GraphQLObjectType | null | undefined) =>
      Object.keys(type?.getFields() ?? {}).sort();
    expect(Object.keys(ruleTree.Query).sort()).toEqual(rootFields(schema.getQueryType()));
    expect(Object.keys(ruleTree.Mutation).sort()).toEqual(rootFields(schema.getMutationType()));
    expect(matrix.map((m) => m.field).sort()).toEqual(
      [...rootFields(schema.getQueryType()), ...rootFields(schema.getMutationType())].sort(),
    );
  });
});

describe.each(matrix)('$field', ({ field, scope, operation }) => {
  it('runs for a token holding its scope', async () => {
    const token = await issuer.userToken('auth0|emma', scope ? [scope] : []);
    const { status, body } = await api.gql(operation, undefined, token);
    const codes = (body.errors ?? []).map((e) => e.extensions?.code);
    expect(codes).not.toContain('FORBIDDEN');
    expect(codes).not.toContain('UNAUTHENTICATED');
    expect([200, 400, 404, 409]).toContain(status);
    expect(body.data?.[field] !== undefined || codes.length > 0).toBe(true);
  });

  if (scope) {
    it('is refused with 403 insufficient_scope naming its scope for a token holding every other scope', async () => {
      const others = ALL_SCOPES.filter((s) => s !== scope);
      const token = await issuer.userToken('auth0|emma', others);
      const { status, headers, body } = await api.gql(operation, undefined, token);
      expect(status).toBe(403);
      expect(headers.get('www-authenticate')).toBe(
        `Bearer error="insufficient_scope", scope="${scope}"`,
      );
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(body.errors?.[0]?.message).toContain(`"${scope}"`);
      expect(body.data?.[field] ?? null).toBeNull();
    });
  }

  it('is refused with 401 and a bare Bearer challenge without a token', async () => {
    const { status, headers, body } = await api.gql(operation);
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toBe('Bearer');
    expect(body.errors?.[0]?.message).toBe('Missing or invalid token');
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
