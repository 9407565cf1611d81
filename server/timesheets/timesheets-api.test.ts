import { startTestApi, type TestApi } from '../../test/api';
import { describeEachDatabase } from '../../test/databases';
import { startTestIssuer, type TestIssuer } from '../../test/issuer';
import { submitWeekThroughApi } from '../../test/weeks';

const NOW = new Date('2026-11-25T12:00:00Z');
const EMPLOYEE = ['read:timesheets', 'create:timesheets', 'delete:timesheets'];
const MANAGER = [...EMPLOYEE, 'approve:timesheets', 'approve:all-teams'];

const CREATE = `mutation Create($input: CreateTimesheetInput!) {
  createTimesheet(input: $input) { id userId date project hours notes status source createdAt }
}`;
const LIST = `query List($first: Int, $after: String) {
  timesheets(first: $first, after: $after) {
    totalCount totalHours
    edges { cursor node { id project hours } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Entry {
  id: string;
  userId: string;
  date: string;
  status: string;
  source: string;
  hours: number;
}

interface Person {
  sub: string;
  token: string;
}

describeEachDatabase('the timesheets API over HTTP', (getDb) => {
  let issuer: TestIssuer;
  let api: TestApi;
  let importerToken: string;
  let people = 0;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startTestApi(issuer, getDb(), { now: () => NOW });
    importerToken = await issuer.sign({
      sub: 'timesheets-importer@clients',
      azp: 'timesheets-importer',
      gty: 'client-credentials',
      scope: 'batch:upload',
    });
  });

  /** A person of one test only (`auth0|emma-3`), so no test sees another's entries. */
  async function person(name: string, scopes = EMPLOYEE): Promise<Person> {
    const sub = `auth0|${name}-${++people}`;
    return { sub, token: await issuer.userToken(sub, scopes, { email: `${name}@abc.example` }) };
  }

  afterAll(async () => {
    await api.close();
    await issuer.close();
  });

  const rowsOf = (userId: string) =>
    getDb().db.selectFrom('timesheet_entries').selectAll().where('user_id', '=', userId).execute();

  async function create(who: Person, input: Record<string, unknown>): Promise<Entry> {
    const { body } = await api.gql<{ createTimesheet: Entry }>(CREATE, { input }, who.token);
    expect(body.errors).toBeUndefined();
    return body.data!.createTimesheet;
  }

  it('creates an entry owned by the token subject and stores it', async () => {
    const emma = await person('emma');
    const entry = await create(emma, { date: '2026-11-24', project: ' Audit ', hours: 7.5 });
    expect(entry).toMatchObject({
      userId: emma.sub,
      project: 'Audit',
      hours: 7.5,
      status: 'PENDING',
      source: emma.sub,
    });
    const rows = await rowsOf(emma.sub);
    expect(rows.map((r) => [r.id, r.project, r.hundredths])).toEqual([[entry.id, 'Audit', 750]]);
  });

  it('refuses a broken rule with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const emma = await person('emma');
    await create(emma, { date: '2026-11-24', project: 'Audit', hours: 7.5 });
    // 7.5 h + 17 h would make the day more than 24 h.
    const { status, body } = await api.gql(
      CREATE,
      { input: { date: '2026-11-24', project: 'Audit', hours: 17 } },
      emma.token,
    );
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hours' });
    expect(body.errors?.[0]?.message).toMatch(/more than 24/);
    expect(await rowsOf(emma.sub)).toHaveLength(1);
  });

  it('refuses an impossible calendar date before it reaches the rules', async () => {
    const emma = await person('emma');
    const { body } = await api.gql(
      CREATE,
      { input: { date: '2026-02-30', project: 'Audit', hours: 1 } },
      emma.token,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/input\.date|date/);
  });

  it('returns the first entry for a repeated idempotency key and writes it once', async () => {
    const eli = await person('eli');
    const input = { date: '2026-11-23', project: 'Sales', hours: 2, idempotencyKey: 'form-42' };
    const first = await create(eli, input);
    const again = await create(eli, input);
    expect(again.id).toBe(first.id);
    expect(await rowsOf(eli.sub)).toHaveLength(1);
  });

  it("keeps each person's entries to themselves", async () => {
    const emma = await person('emma');
    const eli = await person('eli');
    const mine = await create(emma, { date: '2026-11-24', project: 'Audit', hours: 7.5 });
    await create(eli, { date: '2026-11-23', project: 'Sales', hours: 2 });
    const list = await api.gql<{ timesheets: { totalCount: number } }>(LIST, {}, eli.token);
    expect(list.body.data?.timesheets.totalCount).toBe(1);
    const peek = await api.gql(`{ timesheet(id: "${mine.id}") { id } }`, undefined, eli.token);
    expect(peek.body.data).toEqual({ timesheet: null });
    const del = await api.gql(
      `mutation { deleteTimesheet(id: "${mine.id}") }`,
      undefined,
      eli.token,
    );
    expect(del.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(del.body.errors?.[0]?.message).toBe(`Timesheet ${mine.id} not found`);
    expect(await rowsOf(emma.sub)).toHaveLength(1);
  });

  it('pages through my entries newest first with totals over all pages', async () => {
    const emma = await person('emma');
    await create(emma, { date: '2026-11-24', project: 'Audit', hours: 7.5 });
    await create(emma, { date: '2026-11-20', project: 'Audit', hours: 1.25 });
    await create(emma, { date: '2026-11-25', project: 'Payroll', hours: 3 });
    const page1 = await api.gql<{
      timesheets: {
        totalCount: number;
        totalHours: number;
        edges: { node: { project: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(LIST, { first: 2 }, emma.token);
    const t1 = page1.body.data!.timesheets;
    expect(t1.totalCount).toBe(3);
    expect(t1.totalHours).toBe(11.75);
    expect(t1.edges.map((e) => e.node.project)).toEqual(['Payroll', 'Audit']);
    expect(t1.pageInfo.hasNextPage).toBe(true);
    const page2 = await api.gql<typeof page1.body.data>(
      LIST,
      { first: 2, after: t1.pageInfo.endCursor },
      emma.token,
    );
    expect(page2.body.data!.timesheets.edges).toHaveLength(1);
    expect(page2.body.data!.timesheets.pageInfo.hasNextPage).toBe(false);
    const tooMany = await api.gql(LIST, { first: 201 }, emma.token);
    expect(tooMany.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
  });

  it("lets a manager approve someone else's entry once its week is submitted, which then is locked", async () => {
    const eli = await person('eli');
    const maria = await person('maria', MANAGER);
    const entry = await create(eli, { date: '2026-11-24', project: 'Sales', hours: 4 });
    const pendingIds = async () => {
      const pending = await api.gql<{ approvals: { edges: { node: { id: string } }[] } }>(
        '{ approvals(first: 200) { edges { node { id } } } }',
        undefined,
        maria.token,
      );
      return pending.body.data!.approvals.edges.map((e) => e.node.id);
    };
    expect(await pendingIds()).not.toContain(entry.id);
    await submitWeekThroughApi(api, issuer, eli.sub, entry.date);
    expect(await pendingIds()).toContain(entry.id);
    const approved = await api.gql<{
      approveTimesheet: { status: string; decidedBy: string; decidedAt: string };
    }>(
      `mutation { approveTimesheet(id: "${entry.id}") { status decidedBy decidedAt } }`,
      undefined,
      maria.token,
    );
    expect(approved.body.data?.approveTimesheet).toEqual({
      status: 'APPROVED',
      decidedBy: maria.sub,
      decidedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const del = await api.gql(
      `mutation { deleteTimesheet(id: "${entry.id}") }`,
      undefined,
      eli.token,
    );
    expect(del.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const again = await api.gql(
      `mutation { approveTimesheet(id: "${entry.id}") { id } }`,
      undefined,
      maria.token,
    );
    expect(again.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const row = (await rowsOf(eli.sub)).find((r) => r.id === entry.id);
    expect(row).toMatchObject({ status: 'APPROVED', decided_by: maria.sub });
  });

  it('lets a manager reject with a reason, but never decide on their own entries', async () => {
    const maria = await person('maria', MANAGER);
    const emma = await person('emma');
    const own = await create(maria, { date: '2026-11-24', project: 'Hiring', hours: 2 });
    await submitWeekThroughApi(api, issuer, maria.sub, own.date);
    const self = await api.gql(
      `mutation { approveTimesheet(id: "${own.id}") { id } }`,
      undefined,
      maria.token,
    );
    expect(self.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const entry = await create(emma, { date: '2026-11-21', project: 'Audit', hours: 1 });
    await submitWeekThroughApi(api, issuer, emma.sub, entry.date);
    const rejected = await api.gql<{
      rejectTimesheet: { status: string; rejectionReason: string };
    }>(
      `mutation { rejectTimesheet(id: "${entry.id}", reason: " wrong project ") { status rejectionReason } }`,
      undefined,
      maria.token,
    );
    expect(rejected.body.data?.rejectTimesheet).toEqual({
      status: 'REJECTED',
      rejectionReason: 'wrong project',
    });
    const seen = await api.gql<{ timesheet: { status: string } }>(
      `{ timesheet(id: "${entry.id}") { status } }`,
      undefined,
      maria.token,
    );
    expect(seen.body.data?.timesheet.status).toBe('REJECTED');
  });

  it('takes a batch from the automated process, once per externalId', async () => {
    const UPLOAD = `mutation Up($entries: [UploadTimesheetInput!]!) {
      uploadTimesheets(entries: $entries) {
        created unchanged rejected
        results { index externalId status field reason timesheet { userId source } }
      }
    }`;
    const entries = [
      {
        externalId: 'hr-1',
        userId: 'auth0|carlos',
        date: '2026-11-18',
        project: 'Support',
        hours: 6,
      },
      {
        externalId: 'hr-2',
        userId: 'auth0|carlos',
        date: '2026-11-19',
        project: 'Support',
        hours: 30,
      },
    ];
    const first = await api.gql<{
      uploadTimesheets: {
        created: number;
        rejected: number;
        results: { status: string; field: string | null; timesheet: { source: string } | null }[];
      };
    }>(UPLOAD, { entries }, importerToken);
    expect(first.body.data?.uploadTimesheets).toMatchObject({ created: 1, rejected: 1 });
    expect(first.body.data?.uploadTimesheets.results[0]?.timesheet?.source).toBe(
      'timesheets-importer',
    );
    expect(first.body.data?.uploadTimesheets.results[1]?.field).toBe('hours');
    const retry = await api.gql<{ uploadTimesheets: { created: number; unchanged: number } }>(
      UPLOAD,
      { entries },
      importerToken,
    );
    expect(retry.body.data?.uploadTimesheets).toMatchObject({ created: 0, unchanged: 1 });
    expect(await rowsOf('auth0|carlos')).toHaveLength(1);
    const me = await api.gql<{ me: { kind: string } }>('{ me { kind } }', undefined, importerToken);
    expect(me.body.data?.me.kind).toBe('CLIENT');
  });
});
