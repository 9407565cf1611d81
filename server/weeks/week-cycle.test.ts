import { randomUUID } from 'node:crypto';
import { teamClaimNames } from '../../core/claims';
import { startTestApi, type TestApi } from '../../test/api';
import { describeEachDatabase } from '../../test/databases';
import { putInDirectory, type HrPerson } from '../../test/directory';
import { startTestIssuer, type TestIssuer } from '../../test/issuer';
import { createSqlCounter } from '../../test/sql-counter';

/** A Wednesday: the current week starts on Monday 2026-11-23; the last one on 2026-11-16. */
const NOW = new Date('2026-11-25T12:00:00Z');
const THIS_WEEK = '2026-11-23';
const LAST_WEEK = '2026-11-16';
/** The week of the holiday test (holidays are company-wide: other tests keep off it). */
const EARLIER_WEEK = '2026-11-09';
const { team: TEAM, manages: MANAGES } = teamClaimNames();
const EMPLOYEE = ['read:timesheets', 'create:timesheets', 'delete:timesheets'];
const MANAGER = [...EMPLOYEE, 'approve:timesheets'];

const WEEK_FIELDS = `owner { id } weekStart status version recordedHours absenceHours expectedHours
  missingDays submittedAt decidedAt decidedBy { id } note reason closed
  entries { id date project hours status } absences { id date kind hours }
  holidays { date name }
  history { action actor { id } status version reason note entryId }`;
const WEEK = `query Week($weekStart: LocalDate!) { week(weekStart: $weekStart) { ${WEEK_FIELDS} } }`;
const SUBMIT = `mutation Submit($weekStart: LocalDate!, $expectedVersion: Int!, $note: String) {
  submitWeek(weekStart: $weekStart, expectedVersion: $expectedVersion, note: $note) { ${WEEK_FIELDS} }
}`;
const WITHDRAW = `mutation Withdraw($weekStart: LocalDate!, $expectedVersion: Int!) {
  withdrawWeek(weekStart: $weekStart, expectedVersion: $expectedVersion) { ${WEEK_FIELDS} }
}`;
const SAVE = `mutation Save($weekStart: LocalDate!, $expectedVersion: Int!, $cells: [WeekCellInput!]!) {
  saveWeek(weekStart: $weekStart, expectedVersion: $expectedVersion, cells: $cells) { ${WEEK_FIELDS} }
}`;
const CREATE = `mutation Create($input: CreateTimesheetInput!) {
  createTimesheet(input: $input) { id version }
}`;
const UPDATE = `mutation Update($id: ID!, $expectedVersion: Int!, $input: UpdateTimesheetInput!) {
  updateTimesheet(id: $id, expectedVersion: $expectedVersion, input: $input) { id version status }
}`;
const DELETE = `mutation Delete($id: ID!) { deleteTimesheet(id: $id) }`;
const ABSENCE = `mutation Absence($date: LocalDate!, $kind: AbsenceKind!, $hours: Float!) {
  recordAbsence(date: $date, kind: $kind, hours: $hours) { id date kind hours }
}`;
const DELETE_ABSENCE = `mutation DeleteAbsence($id: ID!) { deleteAbsence(id: $id) }`;
const APPROVE_WEEK = `mutation ApproveWeek($userId: ID!, $weekStart: LocalDate!, $expectedVersion: Int) {
  approveWeek(userId: $userId, weekStart: $weekStart, expectedVersion: $expectedVersion) { id status }
}`;
const REJECT_WEEK = `mutation RejectWeek($userId: ID!, $weekStart: LocalDate!, $reason: String!, $expectedVersion: Int) {
  rejectWeek(userId: $userId, weekStart: $weekStart, reason: $reason, expectedVersion: $expectedVersion) { id status }
}`;
const APPROVE = `mutation Approve($id: ID!) { approveTimesheet(id: $id) { id status } }`;
const REJECT = `mutation Reject($id: ID!, $reason: String!) {
  rejectTimesheet(id: $id, reason: $reason) { id status }
}`;
const APPROVALS = `{ approvals(first: 200) { edges { node { id } } }
  approvalWeeks(first: 50) { nodes { owner { id } weekStart } } }`;
const TEAM_WEEKS = `query TeamWeeks($weekStart: LocalDate!, $team: String, $first: Int, $after: String) {
  teamWeeks(weekStart: $weekStart, team: $team, first: $first, after: $after) {
    nodes { owner { id name } status recordedHours absenceHours expectedHours missingDays submittedAt }
    pageInfo { hasNextPage endCursor }
  }
}`;
const UPLOAD = `mutation Upload($entries: [UploadTimesheetInput!]!) {
  uploadTimesheets(entries: $entries) { created rejected results { status field reason } }
}`;
const HOLIDAYS = `mutation Holidays($holidays: [HolidayInput!]!) {
  upsertHolidays(holidays: $holidays) { created }
}`;

interface Person {
  sub: string;
  token: string;
}
interface WeekEventData {
  action: string;
  actor: { id: string };
  status: string;
  version: number;
  reason: string | null;
  note: string | null;
  entryId: string | null;
}
interface WeekData {
  owner: { id: string };
  weekStart: string;
  status: string;
  version: number;
  recordedHours: number;
  absenceHours: number;
  expectedHours: number;
  missingDays: string[];
  submittedAt: string | null;
  decidedAt: string | null;
  decidedBy: { id: string } | null;
  note: string | null;
  reason: string | null;
  closed: boolean;
  entries: { id: string; date: string; project: string; hours: number; status: string }[];
  absences: { id: string; date: string; kind: string; hours: number }[];
  holidays: { date: string; name: string }[];
  history: WeekEventData[];
}
interface TeamRow {
  owner: { id: string; name: string | null };
  status: string;
  recordedHours: number;
  absenceHours: number;
  expectedHours: number;
  missingDays: string[];
  submittedAt: string | null;
}

describeEachDatabase('the weekly cycle over HTTP', (getDb) => {
  let issuer: TestIssuer;
  let api: TestApi;
  let importer: string;
  const counter = createSqlCounter();

  beforeAll(async () => {
    issuer = await startTestIssuer();
    const database = getDb();
    api = await startTestApi(
      issuer,
      { ...database, db: database.db.withPlugin(counter) },
      { now: () => NOW },
    );
    importer = await issuer.clientToken('timesheets-importer', ['batch:upload']);
  });

  afterAll(async () => {
    await api.close();
    await issuer.close();
  });

  async function refused(query: string, variables: Record<string, unknown>, token: string) {
    const { body } = await api.gql(query, variables, token);
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors ?? [];
    return {
      message: error?.message ?? '',
      code: error?.extensions?.code,
      extensions: error?.extensions ?? {},
    };
  }

  /** A team of its own for one test: a manager, and members put in the directory by HR. */
  async function team(members: Omit<HrPerson, 'team'>[] = [{ id: 'a' }]) {
    const suffix = randomUUID();
    const name = `team-${suffix}`;
    const people = members.map((m) => ({ ...m, id: `auth0|${m.id}-${suffix}`, team: name }));
    const managerId = `auth0|lead-${suffix}`;
    await putInDirectory(api, issuer, [...people, { id: managerId, team: 'management' }]);
    const manager = {
      sub: managerId,
      token: await issuer.userToken(managerId, MANAGER, {
        [TEAM]: 'management',
        [MANAGES]: [name],
      }),
    };
    const tokens = await Promise.all(
      people.map(async (p) => ({
        sub: p.id,
        token: await issuer.userToken(p.id, EMPLOYEE, { [TEAM]: name }),
      })),
    );
    return { name, manager, people: tokens };
  }

  const week = async (who: Person, weekStart = THIS_WEEK) =>
    (await api.ok<{ week: WeekData }>(WEEK, { weekStart }, who.token)).week;

  async function create(who: Person, date: string, hours: number, project = 'Audit') {
    const data = await api.ok<{ createTimesheet: { id: string; version: number } }>(
      CREATE,
      { input: { date, project, hours } },
      who.token,
    );
    return data.createTimesheet;
  }

  async function submit(
    who: Person,
    weekStart = THIS_WEEK,
    note: string | null = 'short on purpose',
  ) {
    const { version } = await week(who, weekStart);
    const data = await api.ok<{ submitWeek: WeekData }>(
      SUBMIT,
      { weekStart, expectedVersion: version, note },
      who.token,
    );
    return data.submitWeek;
  }

  const stored = (userId: string, weekStart: string) =>
    getDb()
      .db.selectFrom('timesheet_weeks')
      .selectAll()
      .where('user_id', '=', userId)
      .where('week_start', '=', weekStart)
      .executeTakeFirst();

  describe('a week', () => {
    it('is OPEN at version 0 with nothing stored, expecting 8 h Monday to Friday', async () => {
      const {
        people: [emma],
      } = await team();
      const empty = await week(emma);
      expect(empty).toMatchObject({
        owner: { id: emma.sub },
        weekStart: THIS_WEEK,
        status: 'OPEN',
        version: 0,
        recordedHours: 0,
        absenceHours: 0,
        expectedHours: 40,
        entries: [],
        history: [],
        closed: false,
      });
      // Days up to today (Wednesday) are missing; Thursday and Friday are not due yet.
      expect(empty.missingDays).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
      expect(await stored(emma.sub, THIS_WEEK)).toBeUndefined();
    });

    it('counts every change of an entry in it, and lists the days with nothing recorded', async () => {
      const {
        people: [emma],
      } = await team();
      const entry = await create(emma, '2026-11-24', 7.5);
      await api.ok(UPDATE, { id: entry.id, expectedVersion: 1, input: { hours: 8 } }, emma.token);
      const current = await week(emma);
      expect(current).toMatchObject({ status: 'OPEN', version: 2, recordedHours: 8 });
      expect(current.missingDays).toEqual(['2026-11-23', '2026-11-25']);
      expect(current.history.map((e) => [e.action, e.version])).toEqual([
        ['ENTRY_CHANGED', 1],
        ['ENTRY_CHANGED', 2],
      ]);
    });

    it('refuses a weekStart that is not a Monday', async () => {
      const {
        people: [emma],
      } = await team();
      const error = await refused(WEEK, { weekStart: '2026-11-24' }, emma.token);
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'weekStart' } });
    });
  });

  describe('submitting', () => {
    it('needs a note when the week is short, and writes nothing without one', async () => {
      const {
        people: [emma],
      } = await team();
      await create(emma, '2026-11-23', 8);
      const { version } = await week(emma);
      const error = await refused(
        SUBMIT,
        { weekStart: THIS_WEEK, expectedVersion: version },
        emma.token,
      );
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'note' } });
      expect(error.message).toContain('8 of 40 expected hours');
      expect((await stored(emma.sub, THIS_WEEK))?.status).toBe('OPEN');
      expect((await week(emma)).version).toBe(version);

      const submitted = await submit(emma, THIS_WEEK, 'Out Tuesday to Friday, unpaid');
      expect(submitted).toMatchObject({
        status: 'SUBMITTED',
        version: version + 1,
        note: 'Out Tuesday to Friday, unpaid',
        submittedAt: NOW.toISOString(),
      });
      expect(submitted.history.at(-1)).toMatchObject({
        action: 'SUBMITTED',
        actor: { id: emma.sub },
        note: 'Out Tuesday to Friday, unpaid',
      });
    });

    it('needs no note for a full week, absences included', async () => {
      const {
        people: [emma],
      } = await team();
      for (const date of ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19']) {
        await create(emma, date, 8);
      }
      await api.ok(ABSENCE, { date: '2026-11-20', kind: 'VACATION', hours: 8 }, emma.token);
      const submitted = await submit(emma, LAST_WEEK, null);
      expect(submitted).toMatchObject({
        status: 'SUBMITTED',
        recordedHours: 32,
        absenceHours: 8,
        expectedHours: 40,
        missingDays: [],
        note: null,
      });
    });

    it('answers CONFLICT with the current version for a stale one, and writes nothing', async () => {
      const {
        people: [emma],
      } = await team();
      await create(emma, '2026-11-23', 8);
      const error = await refused(
        SUBMIT,
        { weekStart: THIS_WEEK, expectedVersion: 0, note: 'x' },
        emma.token,
      );
      expect(error).toMatchObject({ code: 'CONFLICT', extensions: { currentVersion: 1 } });
      expect((await week(emma)).status).toBe('OPEN');
    });

    it('refuses a week that has not started, and a week already submitted', async () => {
      const {
        people: [emma],
      } = await team();
      const future = await refused(
        SUBMIT,
        { weekStart: '2026-11-30', expectedVersion: 0, note: 'x' },
        emma.token,
      );
      expect(future).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'weekStart' } });
      const submitted = await submit(emma);
      const again = await refused(
        SUBMIT,
        { weekStart: THIS_WEEK, expectedVersion: submitted.version, note: 'x' },
        emma.token,
      );
      expect(again).toMatchObject({ code: 'CONFLICT', extensions: { weekStatus: 'SUBMITTED' } });
    });

    it('can be withdrawn back to OPEN before a manager decides', async () => {
      const {
        people: [emma],
      } = await team();
      const submitted = await submit(emma);
      const data = await api.ok<{ withdrawWeek: WeekData }>(
        WITHDRAW,
        { weekStart: THIS_WEEK, expectedVersion: submitted.version },
        emma.token,
      );
      expect(data.withdrawWeek).toMatchObject({ status: 'OPEN', version: submitted.version + 1 });
      expect(data.withdrawWeek.history.map((e) => e.action)).toEqual(['SUBMITTED', 'WITHDRAWN']);
      const again = await refused(
        WITHDRAW,
        { weekStart: THIS_WEEK, expectedVersion: data.withdrawWeek.version },
        emma.token,
      );
      expect(again).toMatchObject({ code: 'CONFLICT', extensions: { weekStatus: 'OPEN' } });
    });
  });

  describe('an owner editing a submitted week', () => {
    it.each(['create', 'edit', 'delete', 'absence', 'grid'])(
      'withdraws it (%s), and the history says which change did',
      async (how) => {
        const {
          people: [emma],
        } = await team();
        const entry = await create(emma, '2026-11-23', 8);
        const submitted = await submit(emma);
        if (how === 'create') await create(emma, '2026-11-24', 4);
        if (how === 'edit') {
          await api.ok(
            UPDATE,
            { id: entry.id, expectedVersion: 1, input: { hours: 6 } },
            emma.token,
          );
        }
        if (how === 'delete') await api.ok(DELETE, { id: entry.id }, emma.token);
        if (how === 'absence') {
          await api.ok(ABSENCE, { date: '2026-11-24', kind: 'SICK', hours: 8 }, emma.token);
        }
        if (how === 'grid') {
          await api.ok(
            SAVE,
            {
              weekStart: THIS_WEEK,
              expectedVersion: submitted.version,
              cells: [{ date: '2026-11-24', project: 'Audit', hours: 2 }],
            },
            emma.token,
          );
        }
        const after = await week(emma);
        expect(after).toMatchObject({ status: 'OPEN', version: submitted.version + 1 });
        expect(after.history.at(-1)).toMatchObject({
          action: 'WITHDRAWN',
          actor: { id: emma.sub },
          status: 'OPEN',
        });
        expect(after.history.at(-1)?.reason).toMatch(/^withdrawn by a change: /);
      },
    );
  });

  describe('deciding', () => {
    it('keeps the entries of an OPEN week out of the approval queues, and refuses to decide them', async () => {
      const {
        manager,
        people: [emma],
      } = await team();
      const entry = await create(emma, '2026-11-23', 8);
      const queue = await api.ok<{
        approvals: { edges: { node: { id: string } }[] };
        approvalWeeks: { nodes: { owner: { id: string } }[] };
      }>(APPROVALS, {}, manager.token);
      expect(queue.approvals.edges.map((e) => e.node.id)).not.toContain(entry.id);
      expect(queue.approvalWeeks.nodes.map((n) => n.owner.id)).not.toContain(emma.sub);
      for (const [query, variables] of [
        [APPROVE, { id: entry.id }],
        [REJECT, { id: entry.id, reason: 'no' }],
        [APPROVE_WEEK, { userId: emma.sub, weekStart: THIS_WEEK }],
        [REJECT_WEEK, { userId: emma.sub, weekStart: THIS_WEEK, reason: 'no' }],
      ] as const) {
        const error = await refused(query, variables, manager.token);
        expect(error).toMatchObject({ code: 'CONFLICT', extensions: { weekStatus: 'OPEN' } });
      }
      await submit(emma);
      const submitted = await api.ok<{ approvals: { edges: { node: { id: string } }[] } }>(
        APPROVALS,
        {},
        manager.token,
      );
      expect(submitted.approvals.edges.map((e) => e.node.id)).toContain(entry.id);
    });

    it('gives each week of the approval queue its version, which a decision can send back', async () => {
      const {
        manager,
        people: [emma],
      } = await team();
      await create(emma, '2026-11-23', 8);
      const submitted = await submit(emma);
      const queue = await api.ok<{
        approvalWeeks: { nodes: { owner: { id: string }; weekStart: string; version: number }[] };
      }>(
        `{ approvalWeeks(first: 50) { nodes { owner { id } weekStart version } } }`,
        {},
        manager.token,
      );
      const listed = queue.approvalWeeks.nodes.find((n) => n.owner.id === emma.sub);
      expect(listed).toEqual({
        owner: { id: emma.sub },
        weekStart: THIS_WEEK,
        version: submitted.version,
      });
      await create(emma, '2026-11-24', 8);
      await submit(emma);
      const stale = await refused(
        APPROVE_WEEK,
        { userId: emma.sub, weekStart: THIS_WEEK, expectedVersion: listed?.version },
        manager.token,
      );
      expect(stale).toMatchObject({
        code: 'CONFLICT',
        extensions: { currentVersion: submitted.version + 2 },
      });
    });

    it('approves a submitted week at the version the manager saw, and then it is frozen on every path', async () => {
      const {
        manager,
        people: [emma],
      } = await team();
      const entry = await create(emma, '2026-11-23', 8);
      const submitted = await submit(emma);
      const stale = await refused(
        APPROVE_WEEK,
        { userId: emma.sub, weekStart: THIS_WEEK, expectedVersion: submitted.version - 1 },
        manager.token,
      );
      expect(stale).toMatchObject({
        code: 'CONFLICT',
        extensions: { currentVersion: submitted.version },
      });
      expect((await week(emma)).status).toBe('SUBMITTED');
      await api.ok(
        APPROVE_WEEK,
        { userId: emma.sub, weekStart: THIS_WEEK, expectedVersion: submitted.version },
        manager.token,
      );
      const approved = await week(emma);
      expect(approved).toMatchObject({
        status: 'APPROVED',
        decidedBy: { id: manager.sub },
        entries: [{ id: entry.id, status: 'APPROVED' }],
      });
      const frozen = { code: 'CONFLICT', extensions: { weekStatus: 'APPROVED' } };
      const attempts: [string, Record<string, unknown>][] = [
        [CREATE, { input: { date: '2026-11-24', project: 'Audit', hours: 1 } }],
        [ABSENCE, { date: '2026-11-24', kind: 'SICK', hours: 8 }],
        [
          SAVE,
          {
            weekStart: THIS_WEEK,
            expectedVersion: approved.version,
            cells: [{ date: '2026-11-24', project: 'Audit', hours: 1 }],
          },
        ],
        [WITHDRAW, { weekStart: THIS_WEEK, expectedVersion: approved.version }],
        [SUBMIT, { weekStart: THIS_WEEK, expectedVersion: approved.version, note: 'x' }],
      ];
      for (const [query, variables] of attempts) {
        expect(await refused(query, variables, emma.token)).toMatchObject(frozen);
      }
      expect(await refused(REJECT, { id: entry.id, reason: 'late' }, manager.token)).toMatchObject(
        frozen,
      );
      const upload = await api.ok<{
        uploadTimesheets: {
          created: number;
          results: { status: string; field: string; reason: string }[];
        };
      }>(
        UPLOAD,
        {
          entries: [
            {
              externalId: randomUUID(),
              userId: emma.sub,
              date: '2026-11-24',
              project: 'X',
              hours: 1,
            },
            { externalId: randomUUID(), userId: emma.sub, date: LAST_WEEK, project: 'X', hours: 1 },
          ],
        },
        importer,
      );
      expect(upload.uploadTimesheets.created).toBe(1);
      expect(upload.uploadTimesheets.results[0]).toMatchObject({
        status: 'REJECTED',
        field: 'date',
      });
      expect(upload.uploadTimesheets.results[0]?.reason).toContain('APPROVED');
      const after = await week(emma);
      expect(after.version).toBe(approved.version);
      expect(after.entries).toHaveLength(1);
    });

    it('rejects a submitted week with a reason; the owner fixes it and submits again', async () => {
      const {
        manager,
        people: [emma],
      } = await team();
      const entry = await create(emma, '2026-11-23', 8);
      const submitted = await submit(emma);
      await api.ok(
        REJECT_WEEK,
        {
          userId: emma.sub,
          weekStart: THIS_WEEK,
          reason: 'Tuesday is missing',
          expectedVersion: submitted.version,
        },
        manager.token,
      );
      const rejected = await week(emma);
      expect(rejected).toMatchObject({
        status: 'REJECTED',
        reason: 'Tuesday is missing',
        decidedBy: { id: manager.sub },
        entries: [{ id: entry.id, status: 'REJECTED' }],
      });
      await create(emma, '2026-11-24', 8);
      expect((await week(emma)).status).toBe('REJECTED');
      const again = await submit(emma);
      expect(again).toMatchObject({ status: 'SUBMITTED', reason: null });
      expect(again.entries.map((e) => e.status)).toEqual(['PENDING', 'PENDING']);
    });

    it('rejecting one entry of a submitted week rejects the week, naming the entry', async () => {
      const {
        manager,
        people: [emma],
      } = await team();
      const entry = await create(emma, '2026-11-23', 8, 'Audit');
      await create(emma, '2026-11-24', 8, 'Tax');
      await submit(emma);
      await api.ok(REJECT, { id: entry.id, reason: 'wrong client' }, manager.token);
      const rejected = await week(emma);
      expect(rejected.status).toBe('REJECTED');
      expect(rejected.reason).toBe('entry on 2026-11-23 (Audit) rejected: wrong client');
      expect(rejected.history.at(-1)).toMatchObject({ action: 'REJECTED', entryId: entry.id });
    });

    it('never lets a manager decide their own week, nor a week out of their reach', async () => {
      const {
        manager,
        people: [emma],
      } = await team();
      const other = await team();
      await submit(emma);
      const own = await refused(
        APPROVE_WEEK,
        { userId: manager.sub, weekStart: THIS_WEEK },
        manager.token,
      );
      expect(own.code).toBe('FORBIDDEN');
      const foreign = await refused(
        APPROVE_WEEK,
        { userId: emma.sub, weekStart: THIS_WEEK },
        other.manager.token,
      );
      expect(foreign.code).toBe('NOT_FOUND');
      expect((await week(emma)).status).toBe('SUBMITTED');
    });
  });

  describe('expected hours', () => {
    it('follow the schedule over employed days, less holidays, with absences counted apart', async () => {
      const {
        people: [part, contractor, leaver, joiner],
      } = await team([
        { id: 'part', schedule: [6, 6, 6, 6, 0, 0, 0] },
        { id: 'contractor', schedule: [0, 0, 0, 0, 0, 0, 0] },
        { id: 'leaver', employedUntil: '2026-11-11' },
        { id: 'joiner', employedFrom: '2026-11-12' },
      ]);
      expect((await week(part, EARLIER_WEEK)).expectedHours).toBe(24);
      expect((await week(contractor, EARLIER_WEEK)).expectedHours).toBe(0);
      expect((await week(contractor, EARLIER_WEEK)).missingDays).toEqual([]);
      expect((await week(leaver, EARLIER_WEEK)).expectedHours).toBe(24);
      expect((await week(joiner, EARLIER_WEEK)).expectedHours).toBe(16);
      await api.ok(
        HOLIDAYS,
        { holidays: [{ date: '2026-11-10', name: 'Founders Day' }] },
        importer,
      );
      const withHoliday = await week(part, EARLIER_WEEK);
      expect(withHoliday.expectedHours).toBe(18);
      expect(withHoliday.holidays).toEqual([{ date: '2026-11-10', name: 'Founders Day' }]);
      expect(withHoliday.missingDays).toEqual(['2026-11-09', '2026-11-11', '2026-11-12']);
      await api.ok(ABSENCE, { date: '2026-11-09', kind: 'VACATION', hours: 6 }, part.token);
      const absent = await week(part, EARLIER_WEEK);
      expect(absent).toMatchObject({ absenceHours: 6, recordedHours: 0 });
      expect(absent.missingDays).toEqual(['2026-11-11', '2026-11-12']);
      expect(absent.absences).toMatchObject([{ date: '2026-11-09', kind: 'VACATION', hours: 6 }]);
    });

    it('refuses a bad absence with the field at fault, and deletes one under the week rules', async () => {
      const {
        people: [emma],
      } = await team();
      const bad = await refused(
        ABSENCE,
        { date: '2026-11-24', kind: 'SICK', hours: 0 },
        emma.token,
      );
      expect(bad).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'hours' } });
      const data = await api.ok<{ recordAbsence: { id: string } }>(
        ABSENCE,
        { date: '2026-11-24', kind: 'SICK', hours: 8 },
        emma.token,
      );
      await submit(emma);
      await api.ok(DELETE_ABSENCE, { id: data.recordAbsence.id }, emma.token);
      const after = await week(emma);
      expect(after).toMatchObject({ status: 'OPEN', absences: [] });
      expect(after.history.map((e) => e.action)).toEqual([
        'ABSENCE_RECORDED',
        'SUBMITTED',
        'WITHDRAWN',
      ]);
      const stranger = await team();
      const missing = await refused(
        DELETE_ABSENCE,
        { id: data.recordAbsence.id },
        stranger.people[0]?.token ?? '',
      );
      expect(missing.code).toBe('NOT_FOUND');
    });
  });

  describe('the week grid', () => {
    it('saves 5 projects × 5 days in one change, all or nothing', async () => {
      const {
        people: [emma],
      } = await team();
      const projects = ['Audit', 'Tax', 'Payroll', 'Advisory', 'Training'];
      const days = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'];
      const cells = projects.flatMap((project) =>
        days.map((date) => ({ date, project, hours: 1.5 })),
      );
      const bad = await refused(
        SAVE,
        {
          weekStart: LAST_WEEK,
          expectedVersion: 0,
          cells: [...cells, { date: '2026-11-23', project: 'Audit', hours: 1 }],
        },
        emma.token,
      );
      expect(bad).toMatchObject({
        code: 'BAD_USER_INPUT',
        extensions: { field: 'cells[25].date' },
      });
      expect((await week(emma, LAST_WEEK)).entries).toEqual([]);
      const data = await api.ok<{ saveWeek: WeekData }>(
        SAVE,
        { weekStart: LAST_WEEK, expectedVersion: 0, cells },
        emma.token,
      );
      expect(data.saveWeek).toMatchObject({ version: 1, recordedHours: 37.5 });
      expect(data.saveWeek.entries).toHaveLength(25);
      const stale = await refused(
        SAVE,
        {
          weekStart: LAST_WEEK,
          expectedVersion: 0,
          cells: [{ date: '2026-11-16', project: 'Audit', hours: 2 }],
        },
        emma.token,
      );
      expect(stale).toMatchObject({ code: 'CONFLICT', extensions: { currentVersion: 1 } });
      const edited = await api.ok<{ saveWeek: WeekData }>(
        SAVE,
        {
          weekStart: LAST_WEEK,
          expectedVersion: 1,
          cells: [
            { date: '2026-11-16', project: 'Audit', hours: 2 },
            { date: '2026-11-17', project: 'Audit', hours: 0 },
          ],
        },
        emma.token,
      );
      expect(edited.saveWeek).toMatchObject({ version: 2, recordedHours: 36.5 });
      expect(edited.saveWeek.entries).toHaveLength(24);
    });

    it('refuses a cell holding several entries, and clearing a cell without delete:timesheets', async () => {
      const {
        people: [emma],
      } = await team();
      await create(emma, '2026-11-16', 2, 'Audit');
      await create(emma, '2026-11-16', 3, 'Audit');
      await create(emma, '2026-11-17', 3, 'Tax');
      const { version } = await week(emma, LAST_WEEK);
      const several = await refused(
        SAVE,
        {
          weekStart: LAST_WEEK,
          expectedVersion: version,
          cells: [{ date: '2026-11-16', project: 'Audit', hours: 1 }],
        },
        emma.token,
      );
      expect(several).toMatchObject({
        code: 'BAD_USER_INPUT',
        extensions: { field: 'cells[0].project' },
      });
      expect(several.message).toContain('holds 2 entries');
      const noDelete = await issuer.userToken(emma.sub, ['read:timesheets', 'create:timesheets']);
      const clear = await refused(
        SAVE,
        {
          weekStart: LAST_WEEK,
          expectedVersion: version,
          cells: [{ date: '2026-11-17', project: 'Tax', hours: 0 }],
        },
        noDelete,
      );
      expect(clear.code).toBe('FORBIDDEN');
      expect((await week(emma, LAST_WEEK)).recordedHours).toBe(8);
    });
  });

  describe('teamWeeks', () => {
    it('answers everyone expected to file, with nothing recorded too, to the manager only', async () => {
      const { name, manager, people } = await team([
        { id: 'a', name: 'Ann' },
        { id: 'b', name: 'Bob' },
        { id: 'c', name: 'Cid', employedFrom: '2026-12-01' },
      ]);
      const [ann, bob] = people as [Person, Person];
      await create(ann, '2026-11-16', 8);
      await submit(ann, LAST_WEEK);
      const data = await api.ok<{ teamWeeks: { nodes: TeamRow[] } }>(
        TEAM_WEEKS,
        { weekStart: LAST_WEEK, team: name },
        manager.token,
      );
      expect(data.teamWeeks.nodes).toEqual([
        {
          owner: { id: ann.sub, name: 'Ann' },
          status: 'SUBMITTED',
          recordedHours: 8,
          absenceHours: 0,
          expectedHours: 40,
          missingDays: ['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'],
          submittedAt: NOW.toISOString(),
        },
        {
          owner: { id: bob.sub, name: 'Bob' },
          status: 'OPEN',
          recordedHours: 0,
          absenceHours: 0,
          expectedHours: 40,
          missingDays: ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'],
          submittedAt: null,
        },
      ]);
      const other = await team();
      const foreign = await api.ok<{ teamWeeks: { nodes: TeamRow[] } }>(
        TEAM_WEEKS,
        { weekStart: LAST_WEEK, team: name },
        other.manager.token,
      );
      expect(foreign.teamWeeks.nodes).toEqual([]);
      const own = await api.ok<{ teamWeeks: { nodes: TeamRow[] } }>(
        TEAM_WEEKS,
        { weekStart: LAST_WEEK },
        manager.token,
      );
      expect(own.teamWeeks.nodes.map((n) => n.owner.id)).not.toContain(manager.sub);
    });

    it('reads a team of 3 and a team of 12 in the same number of statements, and pages', async () => {
      const small = await team(['a', 'b', 'c'].map((id) => ({ id })));
      const large = await team(Array.from({ length: 12 }, (_, i) => ({ id: `p${i}` })));
      for (const person of [...small.people, ...large.people])
        await create(person, '2026-11-16', 4);
      const statements = async (t: { name: string; manager: Person }) => {
        counter.reset();
        const data = await api.ok<{ teamWeeks: { nodes: TeamRow[] } }>(
          TEAM_WEEKS,
          { weekStart: LAST_WEEK, team: t.name },
          t.manager.token,
        );
        return { count: counter.count(), rows: data.teamWeeks.nodes.length };
      };
      const few = await statements(small);
      const many = await statements(large);
      expect(few.rows).toBe(3);
      expect(many.rows).toBe(12);
      expect(many.count).toBe(few.count);
      const page = await api.ok<{
        teamWeeks: { nodes: TeamRow[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      }>(TEAM_WEEKS, { weekStart: LAST_WEEK, team: large.name, first: 5 }, large.manager.token);
      expect(page.teamWeeks.nodes).toHaveLength(5);
      expect(page.teamWeeks.pageInfo.hasNextPage).toBe(true);
      const next = await api.ok<{ teamWeeks: { nodes: TeamRow[] } }>(
        TEAM_WEEKS,
        {
          weekStart: LAST_WEEK,
          team: large.name,
          first: 100,
          after: page.teamWeeks.pageInfo.endCursor,
        },
        large.manager.token,
      );
      const ids = [...page.teamWeeks.nodes, ...next.teamWeeks.nodes].map((n) => n.owner.id);
      expect(new Set(ids).size).toBe(12);
    });
  });
});
