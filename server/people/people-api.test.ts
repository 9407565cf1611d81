import { randomUUID } from 'node:crypto';
import { startTestApi, type TestApi } from '../../test/api';
import { describeEachDatabase } from '../../test/databases';
import { startTestIssuer, type TestIssuer } from '../../test/issuer';
import { createSqlCounter } from '../../test/sql-counter';
import { submitWeeksOf } from '../../test/weeks';
import { teamClaimNames } from '../../core/claims';

const NOW = new Date('2026-11-25T12:00:00Z');
const { team: TEAM, manages: MANAGES } = teamClaimNames();
const EMPLOYEE = ['read:timesheets', 'create:timesheets', 'delete:timesheets'];
const MANAGER = [...EMPLOYEE, 'approve:timesheets'];
const PAYROLL = ['read:timesheets', 'approve:timesheets', 'approve:all-teams'];

const CREATE = `mutation Create($input: CreateTimesheetInput!) {
  createTimesheet(input: $input) { id }
}`;
const UPLOAD = `mutation Upload($entries: [UploadTimesheetInput!]!) {
  uploadTimesheets(entries: $entries) { created rejected }
}`;
const UPSERT = `mutation Upsert($people: [PersonInput!]!) {
  upsertPeople(people: $people) { created updated unchanged people { id name email team } }
}`;
const OWN_OWNERS = `query Own($first: Int) {
  timesheets(first: $first) { edges { node { id owner { id name email team } } } }
}`;
const OWN_OWNERS_AND_HISTORY = `query OwnWithHistory($first: Int) {
  timesheets(first: $first) {
    edges { node { id owner { name } history { action actor { id name } } } }
  }
}`;
const QUEUE_WITH_HISTORY = `query Queue($first: Int) {
  approvals(first: $first) {
    edges { node { id owner { id name } history { action actor { id name } } } }
  }
}`;
const WEEKS_WITH_OWNERS = `query Weeks($first: Int) {
  approvalWeeks(first: $first) { nodes { weekStart owner { name } entries { id owner { name } } } }
}`;
const OPEN = `query Open($id: ID!) {
  timesheet(id: $id) { owner { id name email team } history { actor { id name } } }
}`;

interface Person {
  id: string;
  name: string | null;
  email: string | null;
  team: string | null;
}
interface UpsertData {
  upsertPeople: { created: number; updated: number; unchanged: number; people: Person[] };
}
interface PageData {
  timesheets?: PageOf;
  approvals?: PageOf;
  approvalWeeks?: { nodes: { weekStart: string; owner: { name: string | null } }[] };
}
interface PageOf {
  edges: {
    node: {
      id: string;
      owner: Partial<Person>;
      history?: { action: string; actor: { id: string; name: string | null } }[];
    };
  }[];
}
type PersonInput = { id: string } & Partial<Omit<Person, 'id'>>;
type Ids = [string, string, string];

/** `count` days before NOW's date, as YYYY-MM-DD. */
const daysBefore = (count: number) =>
  new Date(Date.UTC(2026, 10, 25 - count)).toISOString().slice(0, 10);

describeEachDatabase('the people directory over HTTP', (getDb) => {
  let issuer: TestIssuer;
  /** DIRECTORY_SOURCE=idp: tokens write name, email and team (the token-learning tests). */
  let api: TestApi;
  /** The default, DIRECTORY_SOURCE=hr: upsertPeople writes them (the HR feed tests). */
  let hrApi: TestApi;
  let importer: string;
  const counter = createSqlCounter();

  beforeAll(async () => {
    issuer = await startTestIssuer();
    const database = getDb();
    const counted = { ...database, db: database.db.withPlugin(counter) };
    api = await startTestApi(issuer, counted, {
      now: () => NOW,
      env: { DIRECTORY_SOURCE: 'idp' },
    });
    hrApi = await startTestApi(issuer, counted, { now: () => NOW });
    importer = await issuer.clientToken('timesheets-importer', ['batch:upload']);
  });

  afterAll(async () => {
    await api.close();
    await hrApi.close();
    await issuer.close();
  });

  const ok = <T>(query: string, variables: Record<string, unknown>, token: string) =>
    api.ok<T>(query, variables, token);

  /** A person's token; their first request (`me`) introduces them to the directory. */
  async function signIn(sub: string, scopes: string[], claims: Record<string, unknown> = {}) {
    const token = await issuer.userToken(sub, scopes, claims);
    await ok('{ me { id } }', {}, token);
    return token;
  }

  /**
   * Uploads `count` one-hour entries per person, two a day back from NOW, in one request; answers
   * them.
   */
  async function uploadEntries(userIds: string[], count: number) {
    const entries = userIds.flatMap((userId) =>
      Array.from({ length: count }, (_, i) => ({
        externalId: `${userId}-${i}`,
        userId,
        date: daysBefore(Math.floor(i / 2)),
        project: 'Support',
        hours: 1,
      })),
    );
    const data = await ok<{ uploadTimesheets: { created: number; rejected: number } }>(
      UPLOAD,
      { entries },
      importer,
    );
    expect(data.uploadTimesheets).toEqual({ created: entries.length, rejected: 0 });
    return entries;
  }

  /** The owners submit the weeks of these entries, so that they wait for a manager. */
  const submitWeeks = (entries: { userId: string; date: string }[]) =>
    submitWeeksOf(getDb().db, entries, { now: () => NOW });

  /** Runs one request and counts the SQL statements the app sent for it. */
  async function statementsOf(query: string, variables: Record<string, unknown>, token: string) {
    counter.reset();
    const data = await ok<PageData>(query, variables, token);
    return { count: counter.count(), data };
  }

  const peopleRows = (ids: string[]) =>
    getDb()
      .db.selectFrom('people')
      .select(['id', 'name', 'email', 'team'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();

  it("resolves an entry's owner from the directory, as the person's token described them", async () => {
    const sub = `auth0|emma-${randomUUID()}`;
    const token = await signIn(sub, EMPLOYEE, {
      name: 'Emma Stone',
      email: 'emma@abc.example',
      [TEAM]: 'engineering',
    });
    await ok(CREATE, { input: { date: '2026-11-24', project: 'Audit', hours: 2 } }, token);

    const data = await ok<PageData>(OWN_OWNERS, { first: 10 }, token);
    expect(data.timesheets?.edges.map((e) => e.node.owner)).toEqual([
      { id: sub, name: 'Emma Stone', email: 'emma@abc.example', team: 'engineering' },
    ]);
  });

  it('answers a person never seen with their id and nothing else', async () => {
    const carlos = `auth0|carlos-${randomUUID()}`;
    const paula = await signIn(`auth0|paula-${randomUUID()}`, PAYROLL);
    await uploadEntries([carlos], 1);
    const [row] = await getDb()
      .db.selectFrom('timesheet_entries')
      .select('id')
      .where('user_id', '=', carlos)
      .execute();

    const data = await ok<{
      timesheet: { owner: Person; history: { actor: { id: string; name: string | null } }[] };
    }>(OPEN, { id: row?.id }, paula);
    expect(data.timesheet).toEqual({
      owner: { id: carlos, name: null, email: null, team: null },
      history: [{ actor: { id: 'timesheets-importer', name: null } }],
    });
    expect(await peopleRows([carlos])).toEqual([]);
  });

  it('takes exactly what a later token says: a claim that disappears clears its field', async () => {
    const sub = `auth0|lee-${randomUUID()}`;
    await signIn(sub, EMPLOYEE, { name: 'Lee', email: 'lee@abc.example', [TEAM]: 'operations' });
    const later = await signIn(sub, EMPLOYEE, { name: 'Lee Park' });

    expect(await peopleRows([sub])).toEqual([
      { id: sub, name: 'Lee Park', email: null, team: null },
    ]);
    await ok(CREATE, { input: { date: '2026-11-24', project: 'Ops', hours: 1 } }, later);
    const data = await ok<PageData>(OWN_OWNERS, { first: 10 }, later);
    expect(data.timesheets?.edges[0]?.node.owner).toEqual({
      id: sub,
      name: 'Lee Park',
      email: null,
      team: null,
    });
  });

  it('writes a person learned from a token once, not on every request', async () => {
    const sub = `auth0|ida-${randomUUID()}`;
    const token = await issuer.userToken(sub, EMPLOYEE, { name: 'Ida', [TEAM]: 'engineering' });

    counter.reset();
    await ok('{ me { id } }', {}, token);
    expect(counter.insertsInto('people')).toBe(1);
    counter.reset();
    await ok('{ me { id } }', {}, token);
    await ok(OWN_OWNERS, { first: 5 }, token);
    expect(counter.insertsInto('people')).toBe(0);

    const renamed = await issuer.userToken(sub, EMPLOYEE, {
      name: 'Ida B.',
      [TEAM]: 'engineering',
    });
    counter.reset();
    await ok('{ me { id } }', {}, renamed);
    await ok('{ me { id } }', {}, renamed);
    expect(counter.insertsInto('people')).toBe(1);
    expect(await peopleRows([sub])).toEqual([
      { id: sub, name: 'Ida B.', email: null, team: 'engineering' },
    ]);
  });

  it("reads the owners and histories of a 200-entry page of one's own entries in as many statements as for 20", async () => {
    const sub = `auth0|max-${randomUUID()}`;
    const token = await signIn(sub, EMPLOYEE, { name: 'Max' });
    await uploadEntries([sub], 200);

    const small = await statementsOf(OWN_OWNERS, { first: 20 }, token);
    const full = await statementsOf(OWN_OWNERS, { first: 200 }, token);
    expect(full.data.timesheets?.edges).toHaveLength(200);
    expect(full.data.timesheets?.edges.every((e) => e.node.owner.name === 'Max')).toBe(true);
    // The page, then its owners in one query.
    expect([small.count, full.count]).toEqual([2, 2]);

    const smallWithHistory = await statementsOf(OWN_OWNERS_AND_HISTORY, { first: 20 }, token);
    const fullWithHistory = await statementsOf(OWN_OWNERS_AND_HISTORY, { first: 200 }, token);
    const histories = fullWithHistory.data.timesheets?.edges.map((e) => e.node.history);
    expect(histories).toHaveLength(200);
    expect(histories?.every((h) => h?.[0]?.actor.id === 'timesheets-importer')).toBe(true);
    // The page, its owners, its histories, and the actors of those histories (the importer, who
    // is not an owner): one query each, whatever the page size.
    expect([smallWithHistory.count, fullWithHistory.count]).toEqual([4, 4]);
  });

  it("reads the owners and histories of a 200-entry approval page of many people's entries in as many statements as for 20", async () => {
    const team = `team-${randomUUID()}`;
    const lead = await signIn(`auth0|lead-${randomUUID()}`, MANAGER, { [MANAGES]: [team] });
    const members = Array.from({ length: 8 }, (_, i) => `auth0|member-${randomUUID()}-${i}`);
    await hrApi.ok(
      UPSERT,
      { people: members.map((id, i) => ({ id, name: `Member ${i}`, team })) },
      importer,
    );
    await submitWeeks(await uploadEntries(members, 25));

    const small = await statementsOf(QUEUE_WITH_HISTORY, { first: 20 }, lead);
    const full = await statementsOf(QUEUE_WITH_HISTORY, { first: 200 }, lead);
    const owners = new Set(full.data.approvals?.edges.map((e) => e.node.owner.id));
    expect(owners).toEqual(new Set(members));
    expect(full.data.approvals?.edges.every((e) => e.node.owner.name?.startsWith('Member'))).toBe(
      true,
    );
    expect([small.count, full.count]).toEqual([4, 4]);
  });

  it('reads a page of 50 person-weeks with their owners in as many statements as a page of 5', async () => {
    const team = `team-${randomUUID()}`;
    const lead = await signIn(`auth0|lead-${randomUUID()}`, MANAGER, { [MANAGES]: [team] });
    const members = Array.from({ length: 10 }, (_, i) => `auth0|member-${randomUUID()}-${i}`);
    await hrApi.ok(
      UPSERT,
      { people: members.map((id, i) => ({ id, name: `Member ${i}`, team })) },
      importer,
    );
    const mondays = [2, 9, 16, 23, 30].map(daysBefore);
    const entries = members.flatMap((userId) =>
      mondays.map((date) => ({
        externalId: `${userId}-${date}`,
        userId,
        date,
        project: 'Ops',
        hours: 1,
      })),
    );
    expect(await ok(UPLOAD, { entries }, importer)).toEqual({
      uploadTimesheets: { created: 50, rejected: 0 },
    });
    await submitWeeks(entries);

    const small = await statementsOf(WEEKS_WITH_OWNERS, { first: 5 }, lead);
    const full = await statementsOf(WEEKS_WITH_OWNERS, { first: 50 }, lead);
    const weeks = full.data.approvalWeeks?.nodes ?? [];
    expect(weeks).toHaveLength(50);
    expect(weeks.every((w) => w.owner.name?.startsWith('Member'))).toBe(true);
    expect(new Set(weeks.map((w) => w.weekStart))).toEqual(new Set(mondays));
    // The page of week keys, their entries, and the owners: one query each.
    expect([small.count, full.count]).toEqual([3, 3]);
  });

  it('counts the people upsertPeople creates, updates and leaves unchanged, and changes nothing on replay', async () => {
    const [ann, ben, cid] = ['ann', 'ben', 'cid'].map((n) => `auth0|${n}-${randomUUID()}`);
    const people: PersonInput[] = [
      { id: ann, name: '  Ann Lee ', email: 'ann@abc.example', team: 'engineering' },
      { id: ben, name: 'Ben', email: null, team: 'operations' },
      { id: cid, name: 'Cid' },
    ];
    const stored = [
      { id: ann, name: 'Ann Lee', email: 'ann@abc.example', team: 'engineering' },
      { id: ben, name: 'Ben', email: null, team: 'operations' },
      { id: cid, name: 'Cid', email: null, team: null },
    ];

    expect((await hrApi.ok<UpsertData>(UPSERT, { people }, importer)).upsertPeople).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
      people: stored,
    });
    expect(await peopleRows([ann, ben, cid])).toEqual(
      [...stored].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    counter.reset();
    expect((await hrApi.ok<UpsertData>(UPSERT, { people }, importer)).upsertPeople).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(counter.insertsInto('people')).toBe(0);

    const moved = people.map((p) => (p.id === ben ? { ...p, team: 'engineering' } : p));
    expect(
      (await hrApi.ok<UpsertData>(UPSERT, { people: moved }, importer)).upsertPeople,
    ).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 2,
    });
    expect((await peopleRows([ben]))[0]?.team).toBe('engineering');
  });

  it('clears a field sent as null', async () => {
    const id = `auth0|dora-${randomUUID()}`;
    await hrApi.ok(
      UPSERT,
      { people: [{ id, name: 'Dora', email: 'dora@abc.example', team: 'operations' }] },
      importer,
    );

    const data = await hrApi.ok<UpsertData>(
      UPSERT,
      { people: [{ id, name: 'Dora', email: null, team: null }] },
      importer,
    );
    expect(data.upsertPeople).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
      people: [{ id, name: 'Dora', email: null, team: null }],
    });
    expect(await peopleRows([id])).toEqual([{ id, name: 'Dora', email: null, team: null }]);
  });

  const valid = (id: string): PersonInput => ({ id, name: 'Someone', team: 'engineering' });
  it.each<[string, (ids: Ids) => PersonInput[], string, (ids: Ids) => string]>([
    [
      'an invalid email',
      ([a, b, c]) => [valid(a), valid(b), { id: c, email: 'not-an-email' }],
      'people[2].email',
      () => 'people[2]: email "not-an-email" is not an email address',
    ],
    [
      'a repeated id',
      ([a, b]) => [valid(a), valid(a), valid(b)],
      'people[1].id',
      ([a]) => `people[1]: id ${a} appears more than once`,
    ],
    [
      'an empty id',
      ([a]) => [{ id: '' }, valid(a)],
      'people[0].id',
      () => 'people[0]: id must not be empty or have surrounding spaces',
    ],
    [
      'a team over 100 characters',
      ([a, b]) => [valid(a), { id: b, team: 'x'.repeat(101) }],
      'people[1].team',
      () => 'people[1]: team must be at most 100 characters',
    ],
    ['no person at all', () => [], 'people', () => 'people must hold 1 to 500 people'],
    [
      '501 people',
      ([a]) => Array.from({ length: 501 }, (_, i) => valid(`${a}-${i}`)),
      'people',
      () => 'people must hold 1 to 500 people',
    ],
  ])(
    'refuses the whole upsertPeople call over %s with BAD_USER_INPUT naming the person, and writes nothing',
    async (_case, build, field, message) => {
      const ids: Ids = [
        `auth0|a-${randomUUID()}`,
        `auth0|b-${randomUUID()}`,
        `auth0|c-${randomUUID()}`,
      ];
      const people = build(ids);

      const { status, body } = await hrApi.gql(UPSERT, { people }, importer);
      expect(status).toBe(400);
      expect(body.data).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(body.errors?.[0]?.message).toBe(message(ids));
      const sent = people.map((p) => p.id).filter((id) => id !== '');
      expect(await peopleRows(sent.length > 0 ? sent : ids)).toEqual([]);
    },
  );

  it("refuses upsertPeople to a person's token with FORBIDDEN naming the kind of token, and writes nothing", async () => {
    const token = await signIn(`auth0|eve-${randomUUID()}`, [...MANAGER, 'batch:upload']);
    const id = `auth0|zed-${randomUUID()}`;

    const { status, body } = await hrApi.gql(UPSERT, { people: [valid(id)] }, token);
    expect(status).toBe(403);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', tokenKind: 'CLIENT' });
    expect(body.errors?.[0]?.message).toBe(
      "This operation needs a machine client's token (client credentials), not a person's token (an interactive sign-in)",
    );
    expect(await peopleRows([id])).toEqual([]);
  });
});
