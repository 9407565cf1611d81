import { randomUUID } from 'node:crypto';
import { teamClaimNames } from '../../core/claims';
import { startTestApi, type TestApi } from '../../test/api';
import { describeEachDatabase } from '../../test/databases';
import { putInDirectory } from '../../test/directory';
import { startTestIssuer, type TestIssuer } from '../../test/issuer';

/** A Wednesday; November's last week starts on 2026-11-30 and is split by a close on the 30th. */
let now = new Date('2026-12-09T12:00:00Z');
const { team: TEAM, manages: MANAGES } = teamClaimNames();
const EMPLOYEE = ['read:timesheets', 'create:timesheets', 'delete:timesheets'];
const MANAGER = [...EMPLOYEE, 'approve:timesheets'];
const PAYROLL = ['read:timesheets', 'approve:timesheets', 'approve:all-teams', 'close:periods'];

const CLOSE = `mutation Close($through: LocalDate!, $reason: String) {
  closePeriod(through: $through, reason: $reason) {
    period { closedThrough }
    notApproved { owner { id } weekStart status }
  }
}`;
const REOPEN = `mutation Reopen($from: LocalDate!, $reason: String!) {
  reopenPeriod(from: $from, reason: $reason) { closedThrough }
}`;
const PERIOD = `{ period { closedThrough history { action actor { id } closedThrough reason } } }`;
const WEEK = `query Week($weekStart: LocalDate!) {
  week(weekStart: $weekStart) { status version closed entries { id } absences { id } }
}`;
const CREATE = `mutation Create($input: CreateTimesheetInput!) { createTimesheet(input: $input) { id } }`;
const UPDATE = `mutation Update($id: ID!, $expectedVersion: Int!, $input: UpdateTimesheetInput!) {
  updateTimesheet(id: $id, expectedVersion: $expectedVersion, input: $input) { id }
}`;
const DELETE = `mutation Delete($id: ID!) { deleteTimesheet(id: $id) }`;
const ABSENCE = `mutation Absence($date: LocalDate!) {
  recordAbsence(date: $date, kind: VACATION, hours: 8) { id }
}`;
const DELETE_ABSENCE = `mutation DeleteAbsence($id: ID!) { deleteAbsence(id: $id) }`;
const SAVE = `mutation Save($weekStart: LocalDate!, $expectedVersion: Int!, $cells: [WeekCellInput!]!) {
  saveWeek(weekStart: $weekStart, expectedVersion: $expectedVersion, cells: $cells) { version }
}`;
const SUBMIT = `mutation Submit($weekStart: LocalDate!, $expectedVersion: Int!) {
  submitWeek(weekStart: $weekStart, expectedVersion: $expectedVersion, note: "short") { version }
}`;
const WITHDRAW = `mutation Withdraw($weekStart: LocalDate!, $expectedVersion: Int!) {
  withdrawWeek(weekStart: $weekStart, expectedVersion: $expectedVersion) { version }
}`;
const APPROVE_WEEK = `mutation ApproveWeek($userId: ID!, $weekStart: LocalDate!) {
  approveWeek(userId: $userId, weekStart: $weekStart) { id }
}`;
const APPROVE = `mutation Approve($id: ID!) { approveTimesheet(id: $id) { id } }`;
const UPLOAD = `mutation Upload($entries: [UploadTimesheetInput!]!) {
  uploadTimesheets(entries: $entries) { created rejected results { status field reason } }
}`;

describeEachDatabase('the payroll period over HTTP', (getDb) => {
  let issuer: TestIssuer;
  let api: TestApi;
  let importer: string;
  let paula: string;
  const suffix = randomUUID();
  const teamName = `team-${suffix}`;
  const emma = { sub: `auth0|emma-${suffix}`, token: '' };
  const eli = { sub: `auth0|eli-${suffix}`, token: '' };
  const maria = { sub: `auth0|maria-${suffix}`, token: '' };

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startTestApi(issuer, getDb(), { now: () => now });
    importer = await issuer.clientToken('timesheets-importer', ['batch:upload']);
    paula = await issuer.userToken(`auth0|paula-${suffix}`, PAYROLL);
    await putInDirectory(api, issuer, [
      { id: emma.sub, team: teamName, employedFrom: '2026-11-01' },
      { id: eli.sub, team: teamName, employedFrom: '2026-11-01' },
      {
        id: maria.sub,
        team: 'management',
        employedFrom: '2026-11-01',
        employedUntil: '2026-11-01',
      },
    ]);
    emma.token = await issuer.userToken(emma.sub, EMPLOYEE, { [TEAM]: teamName });
    eli.token = await issuer.userToken(eli.sub, EMPLOYEE, { [TEAM]: teamName });
    maria.token = await issuer.userToken(maria.sub, MANAGER, {
      [TEAM]: 'management',
      [MANAGES]: [teamName],
    });
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
  const create = async (who: { token: string }, date: string, hours = 8) =>
    (
      await api.ok<{ createTimesheet: { id: string } }>(
        CREATE,
        { input: { date, project: 'Audit', hours } },
        who.token,
      )
    ).createTimesheet.id;
  const week = async (who: { token: string }, weekStart: string) =>
    (
      await api.ok<{
        week: { status: string; version: number; closed: boolean; entries: { id: string }[] };
      }>(WEEK, { weekStart }, who.token)
    ).week;

  it('is for close:periods holders only, and refuses a future date', async () => {
    const denied = await api.gql(CLOSE, { through: '2026-11-30' }, maria.token);
    expect(denied.status).toBe(403);
    const future = await refused(CLOSE, { through: '2026-12-10' }, paula);
    expect(future).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'through' } });
    expect(
      (await api.ok<{ period: { closedThrough: null } }>(PERIOD, {}, emma.token)).period
        .closedThrough,
    ).toBeNull();
  });

  it('closes November: answers what is not approved, then nothing on or before the date changes on any path', async () => {
    // Emma: an approved week and an open one; Eli: nothing at all in November.
    await create(emma, '2026-11-23');
    await api.ok(
      SUBMIT,
      { weekStart: '2026-11-23', expectedVersion: (await week(emma, '2026-11-23')).version },
      emma.token,
    );
    await api.ok(APPROVE_WEEK, { userId: emma.sub, weekStart: '2026-11-23' }, maria.token);
    const openId = await create(emma, '2026-11-30');
    const submittedId = await create(emma, '2026-11-16');
    const absence = await api.ok<{ recordAbsence: { id: string } }>(
      ABSENCE,
      { date: '2026-11-17' },
      emma.token,
    );
    await api.ok(
      SUBMIT,
      { weekStart: '2026-11-16', expectedVersion: (await week(emma, '2026-11-16')).version },
      emma.token,
    );

    const closed = await api.ok<{
      closePeriod: {
        period: { closedThrough: string };
        notApproved: { owner: { id: string }; weekStart: string; status: string }[];
      };
    }>(CLOSE, { through: '2026-11-30', reason: 'November payroll' }, paula);
    expect(closed.closePeriod.period.closedThrough).toBe('2026-11-30');
    const left = closed.closePeriod.notApproved.map(
      (w) => `${w.weekStart} ${w.owner.id} ${w.status}`,
    );
    expect(left).toEqual(
      expect.arrayContaining([
        `2026-11-16 ${emma.sub} SUBMITTED`,
        `2026-11-30 ${emma.sub} OPEN`,
        `2026-11-02 ${eli.sub} OPEN`,
        `2026-11-30 ${eli.sub} OPEN`,
      ]),
    );
    expect(left).not.toContain(`2026-11-23 ${emma.sub} APPROVED`);
    // Employed on Sunday 2026-11-01 only: nothing was expected of her, so nothing is left.
    expect(left.some((w) => w.includes(maria.sub))).toBe(false);
    expect(left.filter((w) => w.startsWith('2026-11-23') && w.includes(emma.sub))).toEqual([]);

    const closedConflict = { code: 'CONFLICT', extensions: { closedThrough: '2026-11-30' } };
    const before = await getDb().db.selectFrom('timesheet_entries').select('id').execute();
    const attempts: [string, Record<string, unknown>, string][] = [
      [CREATE, { input: { date: '2026-11-30', project: 'Audit', hours: 1 } }, emma.token],
      [UPDATE, { id: openId, expectedVersion: 1, input: { hours: 2 } }, emma.token],
      [UPDATE, { id: submittedId, expectedVersion: 1, input: { date: '2026-12-01' } }, emma.token],
      [DELETE, { id: openId }, emma.token],
      [ABSENCE, { date: '2026-11-27' }, emma.token],
      [DELETE_ABSENCE, { id: absence.recordAbsence.id }, emma.token],
      [
        SAVE,
        {
          weekStart: '2026-11-30',
          expectedVersion: (await week(emma, '2026-11-30')).version,
          cells: [{ date: '2026-11-30', project: 'Audit', hours: 3 }],
        },
        emma.token,
      ],
      [
        SUBMIT,
        { weekStart: '2026-11-30', expectedVersion: (await week(emma, '2026-11-30')).version },
        emma.token,
      ],
      [
        WITHDRAW,
        { weekStart: '2026-11-16', expectedVersion: (await week(emma, '2026-11-16')).version },
        emma.token,
      ],
      [APPROVE_WEEK, { userId: emma.sub, weekStart: '2026-11-16' }, maria.token],
      [APPROVE, { id: submittedId }, maria.token],
    ];
    for (const [query, variables, token] of attempts) {
      expect(await refused(query, variables, token)).toMatchObject(closedConflict);
    }
    const upload = await api.ok<{
      uploadTimesheets: {
        created: number;
        results: { status: string; field: string; reason: string }[];
      };
    }>(
      UPLOAD,
      {
        entries: [
          { externalId: randomUUID(), userId: eli.sub, date: '2026-11-30', project: 'X', hours: 1 },
          { externalId: randomUUID(), userId: eli.sub, date: '2026-12-01', project: 'X', hours: 1 },
        ],
      },
      importer,
    );
    expect(upload.uploadTimesheets.created).toBe(1);
    expect(upload.uploadTimesheets.results[0]).toMatchObject({ status: 'REJECTED', field: 'date' });
    expect(upload.uploadTimesheets.results[0]?.reason).toContain('closed period');
    const after = await getDb().db.selectFrom('timesheet_entries').select('id').execute();
    expect(after).toHaveLength(before.length + 1);
    expect(await week(emma, '2026-11-30')).toMatchObject({ closed: true });
    // December, after the close date, still changes.
    await create(emma, '2026-12-01', 1);

    const again = await refused(CLOSE, { through: '2026-11-20' }, paula);
    expect(again).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'through' } });
  });

  it('reopens from a date with a reason, and records both in the history', async () => {
    const noReason = await refused(REOPEN, { from: '2026-11-16', reason: ' ' }, paula);
    expect(noReason).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'reason' } });
    const reopened = await api.ok<{ reopenPeriod: { closedThrough: string } }>(
      REOPEN,
      { from: '2026-11-16', reason: 'Emma’s week was filed late' },
      paula,
    );
    expect(reopened.reopenPeriod.closedThrough).toBe('2026-11-15');
    const { version } = await week(emma, '2026-11-16');
    await api.ok(WITHDRAW, { weekStart: '2026-11-16', expectedVersion: version }, emma.token);
    const period = await api.ok<{
      period: {
        closedThrough: string;
        history: { action: string; actor: { id: string }; closedThrough: string; reason: string }[];
      };
    }>(PERIOD, {}, emma.token);
    expect(period.period.closedThrough).toBe('2026-11-15');
    expect(period.period.history).toEqual([
      {
        action: 'CLOSED',
        actor: { id: `auth0|paula-${suffix}` },
        closedThrough: '2026-11-30',
        reason: 'November payroll',
      },
      {
        action: 'REOPENED',
        actor: { id: `auth0|paula-${suffix}` },
        closedThrough: '2026-11-15',
        reason: 'Emma’s week was filed late',
      },
    ]);
    now = new Date('2026-12-09T12:00:00Z');
  });
});
