import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { ALL_SCOPES, SCOPES } from '../core/scopes';
import { startTestApi, type TestApi } from '../test/api';
import { openTestDatabase, type TestDatabase } from '../test/databases';
import { startTestIssuer, type TestIssuer } from '../test/issuer';
import { SCHEMA_PATH } from './graphql/schema';
import { ruleTree } from './permissions';

/**
 * One operation per root field, the scope it needs (null: any valid token) and the kind of token
 * (null: either kind).
 */
const matrix: {
  field: string;
  scope: string | null;
  kind: 'USER' | 'CLIENT' | null;
  operation: string;
}[] = [
  { field: 'me', scope: null, kind: null, operation: '{ me { id kind scopes } }' },
  {
    field: 'timesheets',
    scope: SCOPES.read,
    kind: 'USER',
    operation: '{ timesheets { totalCount } }',
  },
  {
    field: 'timesheet',
    scope: SCOPES.read,
    kind: 'USER',
    operation: '{ timesheet(id: "missing") { id } }',
  },
  { field: 'projects', scope: SCOPES.read, kind: 'USER', operation: '{ projects }' },
  {
    field: 'timesheetHistory',
    scope: SCOPES.read,
    kind: 'USER',
    operation: '{ timesheetHistory(id: "missing") { action } }',
  },
  {
    field: 'approvals',
    scope: SCOPES.approve,
    kind: 'USER',
    operation: '{ approvals { totalCount } }',
  },
  {
    field: 'approvalWeeks',
    scope: SCOPES.approve,
    kind: 'USER',
    operation: '{ approvalWeeks { nodes { weekStart } } }',
  },
  {
    field: 'createTimesheet',
    scope: SCOPES.create,
    kind: 'USER',
    operation:
      'mutation { createTimesheet(input: { date: "2026-01-05", project: "Audit", hours: 1 }) { id } }',
  },
  {
    field: 'updateTimesheet',
    scope: SCOPES.create,
    kind: 'USER',
    operation:
      'mutation { updateTimesheet(id: "missing", expectedVersion: 1, input: { hours: 2 }) { id } }',
  },
  {
    field: 'deleteTimesheet',
    scope: SCOPES.delete,
    kind: 'USER',
    operation: 'mutation { deleteTimesheet(id: "missing") }',
  },
  {
    field: 'approveTimesheet',
    scope: SCOPES.approve,
    kind: 'USER',
    operation: 'mutation { approveTimesheet(id: "missing") { id } }',
  },
  {
    field: 'rejectTimesheet',
    scope: SCOPES.approve,
    kind: 'USER',
    operation: 'mutation { rejectTimesheet(id: "missing", reason: "no") { id } }',
  },
  {
    field: 'approveWeek',
    scope: SCOPES.approve,
    kind: 'USER',
    operation: 'mutation { approveWeek(userId: "nobody", weekStart: "2026-01-05") { id } }',
  },
  {
    field: 'rejectWeek',
    scope: SCOPES.approve,
    kind: 'USER',
    operation:
      'mutation { rejectWeek(userId: "nobody", weekStart: "2026-01-05", reason: "no") { id } }',
  },
  {
    field: 'uploadTimesheets',
    scope: SCOPES.batchUpload,
    kind: 'CLIENT',
    operation:
      'mutation { uploadTimesheets(entries: [{ externalId: "m-1", userId: "auth0|emma", date: "2026-01-05", project: "Audit", hours: 1 }]) { created } }',
  },
  {
    field: 'upsertPeople',
    scope: SCOPES.batchUpload,
    kind: 'CLIENT',
    operation: 'mutation { upsertPeople(people: [{ id: "auth0|emma", team: "x" }]) { created } }',
  },
  {
    field: 'week',
    scope: SCOPES.read,
    kind: 'USER',
    operation: '{ week(weekStart: "2026-01-05") { status version } }',
  },
  {
    field: 'teamWeeks',
    scope: SCOPES.approve,
    kind: 'USER',
    operation: '{ teamWeeks(weekStart: "2026-01-05") { nodes { status } } }',
  },
  { field: 'period', scope: SCOPES.read, kind: 'USER', operation: '{ period { closedThrough } }' },
  {
    field: 'holidays',
    scope: SCOPES.read,
    kind: 'USER',
    operation: '{ holidays(from: "2026-01-01", to: "2026-01-31") { date name } }',
  },
  {
    field: 'submitWeek',
    scope: SCOPES.create,
    kind: 'USER',
    operation:
      'mutation { submitWeek(weekStart: "2026-01-05", expectedVersion: 99, note: "part-time") { status } }',
  },
  {
    field: 'withdrawWeek',
    scope: SCOPES.create,
    kind: 'USER',
    operation: 'mutation { withdrawWeek(weekStart: "2026-01-05", expectedVersion: 99) { status } }',
  },
  {
    field: 'saveWeek',
    scope: SCOPES.create,
    kind: 'USER',
    operation:
      'mutation { saveWeek(weekStart: "2026-01-05", expectedVersion: 99, cells: [{ date: "2026-01-05", project: "Audit", hours: 1 }]) { version } }',
  },
  {
    field: 'recordAbsence',
    scope: SCOPES.create,
    kind: 'USER',
    operation: 'mutation { recordAbsence(date: "2026-01-06", kind: VACATION, hours: 8) { id } }',
  },
  {
    field: 'deleteAbsence',
    scope: SCOPES.delete,
    kind: 'USER',
    operation: 'mutation { deleteAbsence(id: "missing") }',
  },
  {
    field: 'closePeriod',
    scope: SCOPES.closePeriods,
    kind: 'USER',
    operation:
      'mutation { closePeriod(through: "2025-12-31", reason: "December is paid") { period { closedThrough } } }',
  },
  {
    field: 'reopenPeriod',
    scope: SCOPES.closePeriods,
    kind: 'USER',
    operation:
      'mutation { reopenPeriod(from: "2025-12-31", reason: "A late correction") { closedThrough } }',
  },
  {
    field: 'upsertHolidays',
    scope: SCOPES.batchUpload,
    kind: 'CLIENT',
    operation:
      'mutation { upsertHolidays(holidays: [{ date: "2026-12-25", name: "Christmas Day" }]) { created } }',
  },
];

/** A token of the given kind (a person's when either will do) holding these scopes. */
const tokenOf = (kind: 'USER' | 'CLIENT' | null, scopes: string[]) =>
  kind === 'CLIENT'
    ? issuer.clientToken('timesheets-importer', scopes)
    : issuer.userToken('auth0|emma', scopes);

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

describe.each(matrix)('$field', ({ field, scope, kind, operation }) => {
  it('runs for a token of its kind holding its scope', async () => {
    const token = await tokenOf(kind, scope ? [scope] : []);
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
      const token = await tokenOf(kind, others);
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

  if (kind) {
    it('is refused with 403 FORBIDDEN naming the kind of token it needs for the other kind, even with every scope', async () => {
      const token = await tokenOf(kind === 'USER' ? 'CLIENT' : 'USER', [...ALL_SCOPES]);
      const { status, headers, body } = await api.gql(operation, undefined, token);
      expect(status).toBe(403);
      expect(headers.get('www-authenticate')).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', tokenKind: kind });
      expect(body.errors?.[0]?.message).toBe(
        kind === 'USER'
          ? "This operation needs a person's token (an interactive sign-in), not a machine client's token (client credentials)"
          : "This operation needs a machine client's token (client credentials), not a person's token (an interactive sign-in)",
      );
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
