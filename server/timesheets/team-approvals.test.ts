import { randomUUID } from 'node:crypto';
import { startTestApi, type TestApi } from '../../test/api';
import { putInDirectory } from '../../test/directory';
import { describeEachDatabase } from '../../test/databases';
import { startTestIssuer, type TestIssuer } from '../../test/issuer';
import { submitWeekThroughApi } from '../../test/weeks';
import { teamClaimNames } from '../../core/claims';

const NOW = new Date('2026-11-25T12:00:00Z');
const THIS_MONDAY = '2026-11-23';
const { team: TEAM, manages: MANAGES } = teamClaimNames();
const EMPLOYEE = ['read:timesheets', 'create:timesheets', 'delete:timesheets'];
const MANAGER = [...EMPLOYEE, 'approve:timesheets'];
const PAYROLL = ['read:timesheets', 'approve:timesheets', 'approve:all-teams'];

const CREATE = `mutation Create($input: CreateTimesheetInput!) {
  createTimesheet(input: $input) { id }
}`;
const APPROVALS = `query Approvals {
  approvals(first: 200) { edges { node { id owner { id team } } } }
}`;
const WEEKS = `query Weeks($team: String) {
  approvalWeeks(team: $team, first: 50) {
    nodes { owner { id name team } weekStart totalHours entries { id } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const OPEN = `query Open($id: ID!) {
  timesheet(id: $id) { id status owner { id name team } }
}`;
const HISTORY = `query History($id: ID!) {
  timesheetHistory(id: $id) { action actor { id name } changes { field from to } reason }
}`;
const APPROVE = `mutation Approve($id: ID!, $expectedVersion: Int) {
  approveTimesheet(id: $id, expectedVersion: $expectedVersion) { id status version decidedBy }
}`;
const REJECT = `mutation Reject($id: ID!, $reason: String!) {
  rejectTimesheet(id: $id, reason: $reason) { id status version decidedBy rejectionReason }
}`;
const APPROVE_WEEK = `mutation ApproveWeek($userId: ID!, $weekStart: LocalDate!) {
  approveWeek(userId: $userId, weekStart: $weekStart) { id status }
}`;
const REJECT_WEEK = `mutation RejectWeek($userId: ID!, $weekStart: LocalDate!, $reason: String!) {
  rejectWeek(userId: $userId, weekStart: $weekStart, reason: $reason) { id status }
}`;
const ME = '{ me { id team manages } }';

interface Person {
  sub: string;
  token: string;
}
interface ApprovalsData {
  approvals: { edges: { node: { id: string; owner: { id: string; team: string | null } } }[] };
}
interface WeeksData {
  approvalWeeks: {
    nodes: {
      owner: { id: string; name: string | null; team: string | null };
      weekStart: string;
      totalHours: number;
      entries: { id: string }[];
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
interface OpenData {
  timesheet: {
    id: string;
    status: string;
    owner: { id: string; name: string | null; team: string | null };
  } | null;
}
interface HistoryData {
  timesheetHistory: {
    action: string;
    actor: { id: string; name: string | null };
    changes: { field: string; from: string | null; to: string | null }[];
    reason: string | null;
  }[];
}
interface DecisionData {
  approveTimesheet?: { id: string; status: string; version: number; decidedBy: string };
  rejectTimesheet?: {
    id: string;
    status: string;
    version: number;
    decidedBy: string;
    rejectionReason: string;
  };
}

describeEachDatabase('team-scoped approvals over HTTP', (getDb) => {
  let issuer: TestIssuer;
  let api: TestApi;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startTestApi(issuer, getDb(), { now: () => NOW });
  });

  afterAll(async () => {
    await api.close();
    await issuer.close();
  });

  const ok = <T>(query: string, variables: Record<string, unknown>, who: Person) =>
    api.ok<T>(query, variables, who.token);

  /** Runs an operation that must fail and answers its HTTP status and only error. */
  async function refused(query: string, variables: Record<string, unknown>, who: Person) {
    const { status, body } = await api.gql(query, variables, who.token);
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors ?? [];
    return { status, code: error?.extensions?.code, message: error?.message, data: body.data };
  }

  /**
   * A person with a fresh id: the HR feed puts them in the directory with their name and team
   * (the source of both), and their token carries the same claims.
   */
  async function signIn(
    name: string,
    scopes: string[],
    claims: Record<string, unknown> = {},
  ): Promise<Person> {
    const sub = `auth0|${name.toLowerCase()}-${randomUUID()}`;
    const team = typeof claims[TEAM] === 'string' ? claims[TEAM] : null;
    await putInDirectory(api, issuer, [{ id: sub, name, team }]);
    const token = await issuer.userToken(sub, scopes, { name, ...claims });
    const { body } = await api.gql(ME, {}, token);
    expect(body.errors).toBeUndefined();
    return { sub, token };
  }

  /**
   * The local tenant's people, with their own ids and team names for this test only, so that every
   * queue below holds exactly what the test made (payroll still sees other tests' people).
   */
  async function company() {
    const suffix = randomUUID().slice(0, 8);
    const engineering = `engineering-${suffix}`;
    const operations = `operations-${suffix}`;
    return {
      engineering,
      operations,
      emma: await signIn('Emma', EMPLOYEE, { [TEAM]: engineering }),
      maria: await signIn('Maria', MANAGER, { [TEAM]: engineering, [MANAGES]: [engineering] }),
      olivia: await signIn('Olivia', EMPLOYEE, { [TEAM]: operations }),
      omar: await signIn('Omar', MANAGER, { [TEAM]: operations, [MANAGES]: [operations] }),
      paula: await signIn('Paula', PAYROLL),
    };
  }

  async function create(who: Person, date: string, hours: number, project = 'Audit') {
    const data = await ok<{ createTimesheet: { id: string } }>(
      CREATE,
      { input: { date, project, hours } },
      who,
    );
    return data.createTimesheet.id;
  }

  /** The person submits their week holding `date`, so that their entries wait for a manager. */
  const submit = (who: Person | string, date: string) =>
    submitWeekThroughApi(api, issuer, typeof who === 'string' ? who : who.sub, date);

  const approvalIds = async (who: Person) =>
    (await ok<ApprovalsData>(APPROVALS, {}, who)).approvals.edges.map((e) => e.node.id);

  const weeksOf = async (who: Person, team?: string) =>
    (await ok<WeeksData>(WEEKS, { team }, who)).approvalWeeks;

  const entryRow = (id: string) =>
    getDb()
      .db.selectFrom('timesheet_entries')
      .select(['status', 'version', 'decided_by', 'rejection_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  const actionsOf = async (id: string) =>
    (
      await getDb()
        .db.selectFrom('timesheet_events')
        .select(['action', 'actor_id'])
        .where('entry_id', '=', id)
        .orderBy('id')
        .execute()
    ).map((e) => [e.action, e.actor_id]);

  it("shows a manager the pending entries of their team's people once their week is submitted, entry by entry and by week", async () => {
    const { emma, maria, olivia, engineering } = await company();
    const monday = await create(emma, '2026-11-23', 6);
    const tuesday = await create(emma, '2026-11-24', 2.5);
    await create(olivia, '2026-11-24', 8);
    await submit(olivia, '2026-11-24');
    expect(await approvalIds(maria)).toEqual([]);
    expect((await weeksOf(maria)).nodes).toEqual([]);
    await submit(emma, '2026-11-24');

    expect(await approvalIds(maria)).toEqual([tuesday, monday]);
    expect(await weeksOf(maria)).toEqual({
      nodes: [
        {
          owner: { id: emma.sub, name: 'Emma', team: engineering },
          weekStart: THIS_MONDAY,
          totalHours: 8.5,
          entries: [{ id: monday }, { id: tuesday }],
        },
      ],
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
    });
  });

  it("lets a manager open, read the history of, approve and reject their team's entries", async () => {
    const { emma, maria, engineering } = await company();
    const first = await create(emma, '2026-11-23', 6);
    const second = await create(emma, '2026-11-24', 2);
    await submit(emma, '2026-11-24');

    const opened = await ok<OpenData>(OPEN, { id: first }, maria);
    expect(opened.timesheet).toEqual({
      id: first,
      status: 'PENDING',
      owner: { id: emma.sub, name: 'Emma', team: engineering },
    });
    const before = await ok<HistoryData>(HISTORY, { id: first }, maria);
    expect(before.timesheetHistory.map((e) => [e.action, e.actor.id])).toEqual([
      ['CREATED', emma.sub],
    ]);

    const approved = await ok<DecisionData>(APPROVE, { id: first }, maria);
    expect(approved.approveTimesheet).toEqual({
      id: first,
      status: 'APPROVED',
      version: 2,
      decidedBy: maria.sub,
    });
    const rejected = await ok<DecisionData>(REJECT, { id: second, reason: 'Wrong project' }, maria);
    expect(rejected.rejectTimesheet).toEqual({
      id: second,
      status: 'REJECTED',
      version: 2,
      decidedBy: maria.sub,
      rejectionReason: 'Wrong project',
    });

    const after = await ok<HistoryData>(HISTORY, { id: first }, maria);
    expect(after.timesheetHistory.at(-1)).toEqual({
      action: 'APPROVED',
      actor: { id: maria.sub, name: 'Maria' },
      changes: [{ field: 'status', from: 'PENDING', to: 'APPROVED' }],
      reason: null,
    });
    expect(await entryRow(second)).toEqual({
      status: 'REJECTED',
      version: 2,
      decided_by: maria.sub,
      rejection_reason: 'Wrong project',
    });
    expect(await actionsOf(second)).toEqual([
      ['CREATED', emma.sub],
      ['REJECTED', maria.sub],
    ]);
  });

  it("lists none of another team's entries in a manager's queues, both ways", async () => {
    const { emma, maria, olivia, omar, operations } = await company();
    const emmas = await create(emma, '2026-11-24', 6);
    const olivias = await create(olivia, '2026-11-24', 7);
    await submit(emma, '2026-11-24');
    await submit(olivia, '2026-11-24');

    expect(await approvalIds(omar)).toEqual([olivias]);
    expect(await approvalIds(maria)).toEqual([emmas]);
    const omarsWeeks = await weeksOf(omar);
    expect(omarsWeeks.nodes.map((w) => [w.owner.id, w.owner.team])).toEqual([
      [olivia.sub, operations],
    ]);
    expect(omarsWeeks.nodes.flatMap((w) => w.entries.map((e) => e.id))).not.toContain(emmas);
    const mariasWeeks = await weeksOf(maria);
    expect(mariasWeeks.nodes.map((w) => w.owner.id)).toEqual([emma.sub]);
  });

  it("answers null to a manager opening another team's entry by id, and NOT_FOUND for its history", async () => {
    const { emma, omar } = await company();
    const id = await create(emma, '2026-11-24', 6);

    expect(await ok<OpenData>(OPEN, { id }, omar)).toEqual({ timesheet: null });
    expect(await refused(HISTORY, { id }, omar)).toEqual({
      status: 404,
      code: 'NOT_FOUND',
      message: `Timesheet ${id} not found`,
      data: null,
    });
  });

  it("refuses a manager every decision on another team's entries with NOT_FOUND, and changes nothing", async () => {
    const { emma, omar } = await company();
    const id = await create(emma, '2026-11-24', 6);
    await submit(emma, '2026-11-24');
    const entryMissing = `Timesheet ${id} not found`;
    const weekMissing = `No week of ${THIS_MONDAY} of ${emma.sub} found`;
    const week = { userId: emma.sub, weekStart: THIS_MONDAY };
    const attempts: [string, Record<string, unknown>, string][] = [
      [APPROVE, { id }, entryMissing],
      [APPROVE, { id, expectedVersion: 7 }, entryMissing],
      [REJECT, { id, reason: 'Not yours to judge' }, entryMissing],
      [APPROVE_WEEK, week, weekMissing],
      [REJECT_WEEK, { ...week, reason: 'Not yours to judge' }, weekMissing],
    ];

    for (const [mutation, variables, message] of attempts) {
      expect(await refused(mutation, variables, omar)).toEqual({
        status: 404,
        code: 'NOT_FOUND',
        message,
        data: null,
      });
    }
    expect(await entryRow(id)).toEqual({
      status: 'PENDING',
      version: 1,
      decided_by: null,
      rejection_reason: null,
    });
    expect(await actionsOf(id)).toEqual([['CREATED', emma.sub]]);
  });

  it('shows a company-wide approver everyone, including people whose team is unknown, whom no manager sees', async () => {
    const { emma, maria, olivia, omar, paula } = await company();
    const nina = await signIn('Nina', EMPLOYEE);
    const emmas = await create(emma, '2026-11-24', 6);
    const olivias = await create(olivia, '2026-11-23', 7);
    const ninas = await create(nina, '2026-11-20', 3);
    await submit(emma, '2026-11-24');
    await submit(olivia, '2026-11-23');
    await submit(nina, '2026-11-20');

    const mine = [emmas, olivias, ninas];
    expect((await approvalIds(paula)).filter((id) => mine.includes(id))).toEqual(mine);
    const paulasWeeks = (await weeksOf(paula)).nodes.filter((w) =>
      [emma.sub, olivia.sub, nina.sub].includes(w.owner.id),
    );
    expect(paulasWeeks.map((w) => [w.weekStart, w.owner.id])).toEqual([
      [THIS_MONDAY, emma.sub],
      [THIS_MONDAY, olivia.sub],
      ['2026-11-16', nina.sub],
    ]);
    expect(paulasWeeks.at(-1)?.owner).toEqual({ id: nina.sub, name: 'Nina', team: null });

    for (const manager of [maria, omar]) {
      expect(await approvalIds(manager)).not.toContain(ninas);
      expect(await ok<OpenData>(OPEN, { id: ninas }, manager)).toEqual({ timesheet: null });
      expect((await refused(APPROVE, { id: ninas }, manager)).code).toBe('NOT_FOUND');
    }
    const approved = await ok<DecisionData>(APPROVE, { id: ninas }, paula);
    expect(approved.approveTimesheet?.decidedBy).toBe(paula.sub);
    expect(await entryRow(ninas)).toMatchObject({ status: 'APPROVED', decided_by: paula.sub });
  });

  it("never lists a manager's own entries for approval and refuses their own decisions with FORBIDDEN", async () => {
    const { emma, maria, paula } = await company();
    const own = await create(maria, '2026-11-24', 4);
    const emmas = await create(emma, '2026-11-24', 6);
    await submit(maria, '2026-11-24');
    await submit(emma, '2026-11-24');

    expect(await approvalIds(maria)).toEqual([emmas]);
    expect((await weeksOf(maria)).nodes.map((w) => w.owner.id)).toEqual([emma.sub]);
    const week = { userId: maria.sub, weekStart: THIS_MONDAY };
    const attempts: [string, Record<string, unknown>][] = [
      [APPROVE, { id: own }],
      [REJECT, { id: own, reason: 'Too much' }],
      [APPROVE_WEEK, week],
      [REJECT_WEEK, { ...week, reason: 'Too much' }],
    ];
    for (const [mutation, variables] of attempts) {
      expect(await refused(mutation, variables, maria)).toEqual({
        status: 403,
        code: 'FORBIDDEN',
        message: 'You cannot decide on your own timesheet entries',
        data: null,
      });
    }
    expect(await entryRow(own)).toEqual({
      status: 'PENDING',
      version: 1,
      decided_by: null,
      rejection_reason: null,
    });
    expect(await actionsOf(own)).toEqual([['CREATED', maria.sub]]);
    expect(await approvalIds(paula)).toContain(own);
  });

  it('narrows approvalWeeks to one team, and gives a manager asking for a team they do not manage an empty page', async () => {
    const { emma, maria, olivia, paula, engineering, operations } = await company();
    await create(emma, '2026-11-24', 6);
    await create(olivia, '2026-11-24', 7);
    await submit(emma, '2026-11-24');
    await submit(olivia, '2026-11-24');

    const byTeam = async (who: Person, team: string) =>
      (await weeksOf(who, team)).nodes.map((w) => w.owner.id);
    expect(await byTeam(paula, engineering)).toEqual([emma.sub]);
    expect(await byTeam(paula, operations)).toEqual([olivia.sub]);
    expect(await byTeam(maria, engineering)).toEqual([emma.sub]);
    expect(await weeksOf(maria, operations)).toEqual({
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('shows a manager of several teams all of them, and narrows to one on request', async () => {
    const { emma, olivia, engineering, operations } = await company();
    const both = await signIn('Hana', MANAGER, { [MANAGES]: [engineering, operations] });
    await create(emma, '2026-11-24', 6);
    await create(olivia, '2026-11-23', 7);
    await submit(emma, '2026-11-24');
    await submit(olivia, '2026-11-23');

    const owners = async (team?: string) =>
      (await weeksOf(both, team)).nodes.map((w) => [w.owner.id, w.owner.team]);
    expect(await owners()).toEqual([
      [emma.sub, engineering],
      [olivia.sub, operations],
    ]);
    expect(await owners(operations)).toEqual([[olivia.sub, operations]]);
  });

  it('answers manages null to a person who may not approve, whatever their token claims', async () => {
    const { engineering } = await company();
    const eli = await signIn('Eli', EMPLOYEE, { [TEAM]: engineering, [MANAGES]: [engineering] });

    expect(await ok<{ me: unknown }>(ME, {}, eli)).toEqual({
      me: { id: eli.sub, team: engineering, manages: null },
    });
  });

  it('tells the caller their team and the teams they manage, null for a company-wide approver', async () => {
    const { emma, maria, paula, engineering } = await company();
    const me = (who: Person) => ok<{ me: unknown }>(ME, {}, who);

    expect(await me(maria)).toEqual({
      me: { id: maria.sub, team: engineering, manages: [engineering] },
    });
    expect(await me(emma)).toEqual({ me: { id: emma.sub, team: engineering, manages: null } });
    expect(await me(paula)).toEqual({ me: { id: paula.sub, team: null, manages: null } });
  });

  it("reaches a person's entries once the HR feed names their team, and not because they signed in", async () => {
    const { maria, engineering } = await company();
    const sub = `auth0|eli-${randomUUID()}`;
    const importer = await issuer.clientToken('timesheets-importer', ['batch:upload']);
    const upload = await api.gql<{ uploadTimesheets: { created: number } }>(
      `mutation Up($entries: [UploadTimesheetInput!]!) { uploadTimesheets(entries: $entries) { created } }`,
      { entries: [{ externalId: sub, userId: sub, date: '2026-11-24', project: 'Ops', hours: 5 }] },
      importer,
    );
    expect(upload.body.data).toEqual({ uploadTimesheets: { created: 1 } });
    await submit(sub, '2026-11-24');
    expect(await weeksOf(maria)).toEqual({
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });

    const eli = await issuer.userToken(sub, EMPLOYEE, { name: 'Eli', [TEAM]: engineering });
    expect((await api.gql(ME, {}, eli)).body.errors).toBeUndefined();
    expect((await weeksOf(maria)).nodes).toEqual([]);

    await putInDirectory(api, issuer, [{ id: sub, name: 'Eli', team: engineering }]);
    const weeks = await weeksOf(maria);
    expect(weeks.nodes.map((w) => [w.owner, w.totalHours])).toEqual([
      [{ id: sub, name: 'Eli', team: engineering }, 5],
    ]);
  });

  it('follows the directory when the importer moves a person to another team', async () => {
    const { emma, maria, omar, operations } = await company();
    const id = await create(emma, '2026-11-24', 6);
    await submit(emma, '2026-11-24');
    const importer = await issuer.clientToken('timesheets-importer', ['batch:upload']);
    const moved = await api.gql<{ upsertPeople: { updated: number } }>(
      `mutation Move($people: [PersonInput!]!) { upsertPeople(people: $people) { updated } }`,
      { people: [{ id: emma.sub, name: 'Emma', team: operations }] },
      importer,
    );
    expect(moved.body.data).toEqual({ upsertPeople: { updated: 1 } });

    expect(await approvalIds(maria)).toEqual([]);
    expect(await approvalIds(omar)).toEqual([id]);
    expect((await refused(APPROVE, { id }, maria)).code).toBe('NOT_FOUND');
    const approved = await ok<DecisionData>(APPROVE, { id }, omar);
    expect(approved.approveTimesheet?.status).toBe('APPROVED');
  });
});
