import { randomUUID } from 'node:crypto';
import { startTestApi, type TestApi } from '../../test/api';
import { putInDirectory } from '../../test/directory';
import { describeEachDatabase } from '../../test/databases';
import { startTestIssuer, type TestIssuer } from '../../test/issuer';
import { submitWeekThroughApi, TEST_WEEK_NOTE } from '../../test/weeks';
import { teamClaimNames } from '../../core/claims';

const NOW = new Date('2026-11-25T12:00:00Z');
const { team: TEAM, manages: MANAGES } = teamClaimNames();
const EMPLOYEE = ['read:timesheets', 'create:timesheets', 'delete:timesheets'];
const MANAGER = [...EMPLOYEE, 'approve:timesheets'];

const CREATE = `mutation Create($input: CreateTimesheetInput!) {
  createTimesheet(input: $input) { id }
}`;
const UPDATE = `mutation Update($id: ID!, $expectedVersion: Int!, $input: UpdateTimesheetInput!) {
  updateTimesheet(id: $id, expectedVersion: $expectedVersion, input: $input) { id version }
}`;
const WEEKS = `query Weeks($first: Int, $after: String) {
  approvalWeeks(first: $first, after: $after) {
    nodes { owner { id } weekStart totalHours entries { id date hours } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const DECIDED = `id userId date status version decidedBy rejectionReason
  history { action actor { id } changes { field from to } reason }`;
const APPROVE_WEEK = `mutation ApproveWeek($userId: ID!, $weekStart: LocalDate!) {
  approveWeek(userId: $userId, weekStart: $weekStart) { ${DECIDED} }
}`;
const REJECT_WEEK = `mutation RejectWeek($userId: ID!, $weekStart: LocalDate!, $reason: String!) {
  rejectWeek(userId: $userId, weekStart: $weekStart, reason: $reason) { ${DECIDED} }
}`;
const APPROVE = `mutation Approve($id: ID!, $expectedVersion: Int) {
  approveTimesheet(id: $id, expectedVersion: $expectedVersion) { id status version }
}`;
const REJECT = `mutation Reject($id: ID!, $reason: String!, $expectedVersion: Int) {
  rejectTimesheet(id: $id, reason: $reason, expectedVersion: $expectedVersion) { id status version }
}`;

interface Person {
  sub: string;
  token: string;
}
interface Week {
  owner: { id: string };
  weekStart: string;
  totalHours: number;
  entries: { id: string; date: string; hours: number }[];
}
interface WeeksData {
  approvalWeeks: {
    nodes: Week[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
interface Decided {
  id: string;
  userId: string;
  date: string;
  status: string;
  version: number;
  decidedBy: string;
  rejectionReason: string | null;
  history: {
    action: string;
    actor: { id: string };
    changes: { field: string; from: string | null; to: string | null }[];
    reason: string | null;
  }[];
}

describeEachDatabase('deciding a person-week over HTTP', (getDb) => {
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

  async function refused(query: string, variables: Record<string, unknown>, who: Person) {
    const { status, body } = await api.gql(query, variables, who.token);
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors ?? [];
    return { status, message: error?.message, extensions: error?.extensions, data: body.data };
  }

  /** A person the HR feed puts in the team their team claim names, and their token. */
  async function signIn(sub: string, scopes: string[], claims: Record<string, unknown>) {
    const team = typeof claims[TEAM] === 'string' ? claims[TEAM] : null;
    await putInDirectory(api, issuer, [{ id: sub, team }]);
    const token = await issuer.userToken(sub, scopes, claims);
    const { body } = await api.gql('{ me { id } }', {}, token);
    expect(body.errors).toBeUndefined();
    return { sub, token };
  }

  /**
   * A team of its own for one test: a manager and employees whose ids differ only in their last
   * letter, so that "then by person id" reads the same on both engines (PostgreSQL compares text
   * by its collation, SQLite byte by byte).
   */
  async function team(...letters: string[]) {
    const suffix = randomUUID();
    const name = `team-${suffix}`;
    const manager = await signIn(`auth0|lead-${suffix}`, MANAGER, {
      [TEAM]: name,
      [MANAGES]: [name],
    });
    const people: Person[] = [];
    for (const letter of letters) {
      people.push(await signIn(`auth0|member-${suffix}-${letter}`, EMPLOYEE, { [TEAM]: name }));
    }
    return { name, manager, people };
  }

  async function create(who: Person, date: string, hours: number) {
    const data = await ok<{ createTimesheet: { id: string } }>(
      CREATE,
      { input: { date, project: 'Audit', hours } },
      who,
    );
    return data.createTimesheet.id;
  }

  /** The person submits each of their weeks holding these dates, so that a manager may decide. */
  async function submit(who: Person, ...dates: string[]) {
    for (const date of dates) await submitWeekThroughApi(api, issuer, who.sub, date);
  }

  const rowsOf = (userId: string) =>
    getDb()
      .db.selectFrom('timesheet_entries')
      .select(['id', 'status', 'version', 'decided_by', 'rejection_reason'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();

  const eventsOf = (userId: string) =>
    getDb()
      .db.selectFrom('timesheet_events')
      .select(['entry_id', 'action', 'actor_id', 'reason'])
      .where('owner_id', '=', userId)
      .orderBy('entry_id')
      .orderBy('id')
      .execute();

  /** Every page of approvalWeeks at `first` per page, following endCursor. */
  async function allPages(who: Person, first: number) {
    const pages: { nodes: Week[]; hasNextPage: boolean }[] = [];
    let after: string | null = null;
    do {
      const data: WeeksData = await ok<WeeksData>(WEEKS, { first, after }, who);
      const { nodes, pageInfo } = data.approvalWeeks;
      pages.push({ nodes, hasNextPage: pageInfo.hasNextPage });
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
    } while (after !== null && pages.length < 20);
    return pages;
  }

  it('pages submitted person-weeks newest week first, then by person, each with its total and all its entries, and no drafts', async () => {
    const {
      manager,
      people: [ann, ben, cid, dan],
    } = await team('a', 'b', 'c', 'd');
    const annWed = await create(ann, '2026-11-25', 3.5);
    const annMon = await create(ann, '2026-11-23', 2);
    const annSun = await create(ann, '2026-11-22', 1.25);
    const annTue = await create(ann, '2026-11-17', 1);
    const benTue = await create(ben, '2026-11-24', 8);
    const benOld = await create(ben, '2026-11-10', 4);
    const cidMon = await create(cid, '2026-11-16', 1);
    const cidDecided = await create(cid, '2026-11-24', 2);
    await create(dan, '2026-11-24', 8);
    await submit(ann, '2026-11-23', '2026-11-16');
    await submit(ben, '2026-11-23', '2026-11-09');
    await submit(cid, '2026-11-23', '2026-11-16');
    await ok(APPROVE, { id: cidDecided }, manager);

    const weeks = (await ok<WeeksData>(WEEKS, { first: 20 }, manager)).approvalWeeks;
    expect(weeks.pageInfo.hasNextPage).toBe(false);
    expect(weeks.nodes).toEqual([
      {
        owner: { id: ann.sub },
        weekStart: '2026-11-23',
        totalHours: 5.5,
        entries: [
          { id: annMon, date: '2026-11-23', hours: 2 },
          { id: annWed, date: '2026-11-25', hours: 3.5 },
        ],
      },
      {
        owner: { id: ben.sub },
        weekStart: '2026-11-23',
        totalHours: 8,
        entries: [{ id: benTue, date: '2026-11-24', hours: 8 }],
      },
      {
        owner: { id: ann.sub },
        weekStart: '2026-11-16',
        totalHours: 2.25,
        entries: [
          { id: annTue, date: '2026-11-17', hours: 1 },
          { id: annSun, date: '2026-11-22', hours: 1.25 },
        ],
      },
      {
        owner: { id: cid.sub },
        weekStart: '2026-11-16',
        totalHours: 1,
        entries: [{ id: cidMon, date: '2026-11-16', hours: 1 }],
      },
      {
        owner: { id: ben.sub },
        weekStart: '2026-11-09',
        totalHours: 4,
        entries: [{ id: benOld, date: '2026-11-10', hours: 4 }],
      },
    ]);
  });

  it("never splits a person's week across pages, whatever the page size", async () => {
    const {
      manager,
      people: [ann, ben],
    } = await team('a', 'b');
    await create(ann, '2026-11-23', 2);
    await create(ann, '2026-11-24', 3);
    await create(ann, '2026-11-25', 4);
    await create(ben, '2026-11-24', 8);
    await create(ann, '2026-11-16', 1);
    await create(ann, '2026-11-20', 1);
    await submit(ann, '2026-11-23', '2026-11-16');
    await submit(ben, '2026-11-23');
    const whole = (await ok<WeeksData>(WEEKS, { first: 20 }, manager)).approvalWeeks.nodes;
    expect(whole.map((w) => [w.weekStart, w.owner.id, w.entries.length])).toEqual([
      ['2026-11-23', ann.sub, 3],
      ['2026-11-23', ben.sub, 1],
      ['2026-11-16', ann.sub, 2],
    ]);

    const byOne = await allPages(manager, 1);
    expect(byOne.map((p) => p.nodes.length)).toEqual([1, 1, 1]);
    expect(byOne.map((p) => p.hasNextPage)).toEqual([true, true, false]);
    expect(byOne.flatMap((p) => p.nodes)).toEqual(whole);
    const byTwo = await allPages(manager, 2);
    expect(byTwo.map((p) => p.nodes.length)).toEqual([2, 1]);
    expect(byTwo.flatMap((p) => p.nodes)).toEqual(whole);
  });

  it('refuses a page size over 50 and a cursor that is not one of ours with BAD_USER_INPUT', async () => {
    const { manager } = await team();

    expect(await refused(WEEKS, { first: 51 }, manager)).toEqual({
      status: 400,
      message: 'first must be between 1 and 50',
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'first' }),
      data: null,
    });
    expect(await refused(WEEKS, { after: 'not-a-cursor' }, manager)).toEqual({
      status: 400,
      message: 'after is not a valid cursor',
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
      data: null,
    });
  });

  it("approves exactly one person's pending entries of one week, in one go, with an event each", async () => {
    const {
      manager,
      people: [ann, ben],
    } = await team('a', 'b');
    const monday = await create(ann, '2026-11-23', 2);
    const wednesday = await create(ann, '2026-11-25', 3);
    const approvedBefore = await create(ann, '2026-11-24', 1);
    const lastWeek = await create(ann, '2026-11-22', 4);
    const bens = await create(ben, '2026-11-24', 8);
    await submit(ann, '2026-11-23', '2026-11-16');
    await submit(ben, '2026-11-23');
    await ok(APPROVE, { id: approvedBefore }, manager);

    const data = await ok<{ approveWeek: Decided[] }>(
      APPROVE_WEEK,
      { userId: ann.sub, weekStart: '2026-11-23' },
      manager,
    );
    expect(data.approveWeek.map((e) => [e.id, e.date, e.status, e.version, e.decidedBy])).toEqual([
      [monday, '2026-11-23', 'APPROVED', 2, manager.sub],
      [wednesday, '2026-11-25', 'APPROVED', 2, manager.sub],
    ]);
    for (const entry of data.approveWeek) {
      expect(entry.history.map((e) => e.action)).toEqual(['CREATED', 'APPROVED']);
      expect(entry.history[1]).toEqual({
        action: 'APPROVED',
        actor: { id: manager.sub },
        changes: [{ field: 'status', from: 'PENDING', to: 'APPROVED' }],
        reason: null,
      });
    }

    const rows = new Map((await rowsOf(ann.sub)).map((r) => [r.id, r]));
    expect(rows.get(approvedBefore)).toMatchObject({ status: 'APPROVED', version: 2 });
    expect(rows.get(lastWeek)).toMatchObject({ status: 'PENDING', version: 1, decided_by: null });
    expect(await rowsOf(ben.sub)).toEqual([
      { id: bens, status: 'PENDING', version: 1, decided_by: null, rejection_reason: null },
    ]);
    const approvals = (await eventsOf(ann.sub)).filter((e) => e.action === 'APPROVED');
    expect(approvals).toEqual([
      { entry_id: monday, action: 'APPROVED', actor_id: manager.sub, reason: null },
      { entry_id: wednesday, action: 'APPROVED', actor_id: manager.sub, reason: null },
      { entry_id: approvedBefore, action: 'APPROVED', actor_id: manager.sub, reason: null },
    ]);
  });

  it("rejects exactly one person's pending week with one reason on every entry and its event", async () => {
    const {
      manager,
      people: [ann, ben],
    } = await team('a', 'b');
    const monday = await create(ann, '2026-11-23', 2);
    const tuesday = await create(ann, '2026-11-24', 3);
    const lastWeek = await create(ann, '2026-11-17', 4);
    const bens = await create(ben, '2026-11-23', 8);
    await submit(ann, '2026-11-23', '2026-11-16');
    await submit(ben, '2026-11-23');

    const data = await ok<{ rejectWeek: Decided[] }>(
      REJECT_WEEK,
      { userId: ann.sub, weekStart: '2026-11-23', reason: '  Split by project, please ' },
      manager,
    );
    const reason = 'Split by project, please';
    expect(
      data.rejectWeek.map((e) => [e.id, e.status, e.version, e.decidedBy, e.rejectionReason]),
    ).toEqual([
      [monday, 'REJECTED', 2, manager.sub, reason],
      [tuesday, 'REJECTED', 2, manager.sub, reason],
    ]);
    for (const entry of data.rejectWeek) {
      expect(entry.history.at(-1)).toEqual({
        action: 'REJECTED',
        actor: { id: manager.sub },
        changes: [{ field: 'status', from: 'PENDING', to: 'REJECTED' }],
        reason,
      });
    }
    const rows = new Map((await rowsOf(ann.sub)).map((r) => [r.id, r]));
    expect(rows.get(lastWeek)).toMatchObject({ status: 'PENDING', version: 1 });
    expect((await rowsOf(ben.sub)).map((r) => [r.id, r.status])).toEqual([[bens, 'PENDING']]);
    expect((await eventsOf(ann.sub)).filter((e) => e.action === 'REJECTED')).toEqual([
      { entry_id: monday, action: 'REJECTED', actor_id: manager.sub, reason },
      { entry_id: tuesday, action: 'REJECTED', actor_id: manager.sub, reason },
    ]);
  });

  it('decides an entry in the week it is dated now, after a move or a resubmission', async () => {
    const {
      manager,
      people: [ann],
    } = await team('a');
    const moved = await create(ann, '2026-11-23', 2);
    await ok(UPDATE, { id: moved, expectedVersion: 1, input: { date: '2026-11-20' } }, ann);
    const resubmitted = await create(ann, '2026-11-24', 3);
    await submit(ann, '2026-11-23');
    await ok(REJECT, { id: resubmitted, reason: 'Which project?' }, manager);
    await ok(UPDATE, { id: resubmitted, expectedVersion: 2, input: { hours: 2.5 } }, ann);
    await submit(ann, '2026-11-23', '2026-11-16');

    const weeks = (await ok<WeeksData>(WEEKS, { first: 20 }, manager)).approvalWeeks.nodes;
    expect(weeks.map((w) => [w.weekStart, w.entries.map((e) => e.id), w.totalHours])).toEqual([
      ['2026-11-23', [resubmitted], 2.5],
      ['2026-11-16', [moved], 2],
    ]);
    const data = await ok<{ approveWeek: Decided[] }>(
      APPROVE_WEEK,
      { userId: ann.sub, weekStart: '2026-11-23' },
      manager,
    );
    expect(data.approveWeek.map((e) => [e.id, e.status, e.version])).toEqual([
      [resubmitted, 'APPROVED', 4],
    ]);
    expect((await rowsOf(ann.sub)).map((r) => [r.id, r.status])).toEqual([
      [moved, 'PENDING'],
      [resubmitted, 'APPROVED'],
    ]);
  });

  it('answers CONFLICT to a second approval of the same week, and decides nothing more', async () => {
    const {
      manager,
      people: [ann],
    } = await team('a');
    await create(ann, '2026-11-23', 2);
    await submit(ann, '2026-11-23');
    const week = { userId: ann.sub, weekStart: '2026-11-23' };
    await ok(APPROVE_WEEK, week, manager);
    const eventsBefore = await eventsOf(ann.sub);

    expect(await refused(APPROVE_WEEK, week, manager)).toEqual({
      status: 409,
      message:
        'The week of 2026-11-23 is APPROVED: only a SUBMITTED week can be decided ' +
        '(an approved week is frozen)',
      extensions: expect.objectContaining({ code: 'CONFLICT', weekStatus: 'APPROVED' }),
      data: null,
    });
    expect(await eventsOf(ann.sub)).toEqual(eventsBefore);
    expect((await rowsOf(ann.sub)).map((r) => [r.status, r.version])).toEqual([['APPROVED', 2]]);
  });

  it('lets only one of two managers deciding the same week at once win, with one event per entry', async () => {
    const {
      name,
      manager,
      people: [ann],
    } = await team('a');
    const deputy = await signIn(`auth0|deputy-${randomUUID()}`, MANAGER, { [MANAGES]: [name] });
    const ids = [
      await create(ann, '2026-11-23', 2),
      await create(ann, '2026-11-24', 3),
      await create(ann, '2026-11-25', 4),
    ];
    await submit(ann, '2026-11-23');
    const week = { userId: ann.sub, weekStart: '2026-11-23' };

    const answers = await Promise.all([
      api.gql<{ approveWeek: Decided[] }>(APPROVE_WEEK, week, manager.token),
      api.gql<{ rejectWeek: Decided[] }>(REJECT_WEEK, { ...week, reason: 'No' }, deputy.token),
    ]);
    const codes = answers.map((a) => a.body.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const winner = answers[0].body.data?.approveWeek ?? answers[1].body.data?.rejectWeek;
    expect(winner?.map((e) => e.id)).toEqual(ids);
    const decisions = (await eventsOf(ann.sub)).filter((e) => e.action !== 'CREATED');
    expect(decisions.map((e) => e.entry_id)).toEqual(ids);
    expect(new Set(decisions.map((e) => e.actor_id)).size).toBe(1);
  });

  it('answers CONFLICT for a week with no entry its owner has not submitted, and NOT_FOUND only for a person out of reach', async () => {
    const {
      manager,
      people: [ann],
    } = await team('a');
    await create(ann, '2026-11-23', 2);

    expect(
      await refused(APPROVE_WEEK, { userId: ann.sub, weekStart: '2026-11-16' }, manager),
    ).toEqual({
      status: 409,
      message:
        'The week of 2026-11-16 is OPEN: only a SUBMITTED week can be decided ' +
        '(its entries are drafts until their owner submits the week)',
      extensions: expect.objectContaining({ code: 'CONFLICT', weekStatus: 'OPEN' }),
      data: null,
    });
    const stranger = `auth0|stranger-${randomUUID()}`;
    expect(
      await refused(APPROVE_WEEK, { userId: stranger, weekStart: '2026-11-16' }, manager),
    ).toEqual({
      status: 404,
      message: `No week of 2026-11-16 of ${stranger} found`,
      extensions: expect.objectContaining({ code: 'NOT_FOUND' }),
      data: null,
    });
  });

  it('approves a submitted week with no entry (its note says why), deciding no entry', async () => {
    const {
      manager,
      people: [ann],
    } = await team('a');
    const submitted = await submitWeekThroughApi(api, issuer, ann.sub, '2026-11-16');
    expect(submitted).toEqual({ weekStart: '2026-11-16', status: 'SUBMITTED', version: 1 });

    const data = await ok<{ approveWeek: Decided[] }>(
      APPROVE_WEEK,
      { userId: ann.sub, weekStart: '2026-11-16' },
      manager,
    );
    expect(data.approveWeek).toEqual([]);
    const week = await getDb()
      .db.selectFrom('timesheet_weeks')
      .select(['status', 'version', 'note', 'decided_by'])
      .where('user_id', '=', ann.sub)
      .where('week_start', '=', '2026-11-16')
      .executeTakeFirstOrThrow();
    expect(week).toEqual({
      status: 'APPROVED',
      version: 2,
      note: TEST_WEEK_NOTE,
      decided_by: manager.sub,
    });
  });

  it('refuses a weekStart that is not a Monday with BAD_USER_INPUT on weekStart, deciding nothing', async () => {
    const {
      manager,
      people: [ann],
    } = await team('a');
    await create(ann, '2026-11-25', 2);
    const week = { userId: ann.sub, weekStart: '2026-11-25' };

    for (const [mutation, variables] of [
      [APPROVE_WEEK, week],
      [REJECT_WEEK, { ...week, reason: 'Too much' }],
    ] as const) {
      expect(await refused(mutation, variables, manager)).toEqual({
        status: 400,
        message: 'weekStart must be a Monday, got "2026-11-25"',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'weekStart' }),
        data: null,
      });
    }
    expect((await rowsOf(ann.sub)).map((r) => [r.status, r.version])).toEqual([['PENDING', 1]]);
  });

  it('refuses a blank reason with BAD_USER_INPUT on reason, deciding nothing', async () => {
    const {
      manager,
      people: [ann],
    } = await team('a');
    const id = await create(ann, '2026-11-24', 2);
    await submit(ann, '2026-11-24');

    for (const [mutation, variables] of [
      [REJECT_WEEK, { userId: ann.sub, weekStart: '2026-11-23', reason: '   ' }],
      [REJECT, { id, reason: '   ' }],
    ] as const) {
      expect(await refused(mutation, variables, manager)).toEqual({
        status: 400,
        message: 'reason must not be empty',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'reason' }),
        data: null,
      });
    }
    expect((await rowsOf(ann.sub)).map((r) => [r.status, r.version])).toEqual([['PENDING', 1]]);
    expect((await eventsOf(ann.sub)).map((e) => e.action)).toEqual(['CREATED']);
  });

  it.each([
    ['approveTimesheet', APPROVE, {}],
    ['rejectTimesheet', REJECT, { reason: 'Too much' }],
  ])(
    '%s refuses a stale expectedVersion with CONFLICT and the current version, deciding nothing',
    async (_field, mutation, extra) => {
      const {
        manager,
        people: [ann],
      } = await team('a');
      const id = await create(ann, '2026-11-24', 2);
      const edited = await ok<{ updateTimesheet: { version: number } }>(
        UPDATE,
        { id, expectedVersion: 1, input: { hours: 3 } },
        ann,
      );
      expect(edited.updateTimesheet.version).toBe(2);
      await submit(ann, '2026-11-24');

      expect(await refused(mutation, { id, expectedVersion: 1, ...extra }, manager)).toEqual({
        status: 409,
        message: `Timesheet ${id} is at version 2, not 1: it changed since you read it`,
        extensions: expect.objectContaining({ code: 'CONFLICT', currentVersion: 2 }),
        data: null,
      });
      expect(await rowsOf(ann.sub)).toEqual([
        { id, status: 'PENDING', version: 2, decided_by: null, rejection_reason: null },
      ]);
      expect((await eventsOf(ann.sub)).map((e) => e.action)).toEqual(['CREATED', 'EDITED']);

      const decided = await ok<Record<string, { version: number; status: string }>>(
        mutation,
        { id, expectedVersion: 2, ...extra },
        manager,
      );
      expect(Object.values(decided)[0]?.version).toBe(3);
    },
  );
});
