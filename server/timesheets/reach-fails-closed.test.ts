import { randomUUID } from 'node:crypto';
import { teamClaimNames } from '../../core/claims';
import { startTestApi, type TestApi } from '../../test/api';
import { describeEachDatabase } from '../../test/databases';
import { startTestIssuer, type TestIssuer } from '../../test/issuer';
import { submitWeekThroughApi } from '../../test/weeks';

const NOW = new Date('2026-11-25T12:00:00Z');
const MONDAY = '2026-11-23';
const { manages: MANAGES } = teamClaimNames();
const EMPLOYEE = ['read:timesheets', 'create:timesheets'];
const APPROVER = ['read:timesheets', 'approve:timesheets'];

const UPSERT = `mutation Hr($people: [PersonInput!]!) { upsertPeople(people: $people) { created } }`;
const CREATE = `mutation Create($input: CreateTimesheetInput!) { createTimesheet(input: $input) { id } }`;
const ME = '{ me { reach manages } }';
const APPROVALS = '{ approvals(first: 200) { edges { node { id } } } }';
const WEEKS = '{ approvalWeeks(first: 50) { nodes { weekStart owner { id } } } }';
const OPEN = 'query Open($id: ID!) { timesheet(id: $id) { id } }';
const HISTORY = 'query History($id: ID!) { timesheetHistory(id: $id) { action } }';
const APPROVE = 'mutation A($id: ID!) { approveTimesheet(id: $id) { id } }';
const REJECT = 'mutation R($id: ID!) { rejectTimesheet(id: $id, reason: "No") { id } }';
const APPROVE_WEEK =
  'mutation AW($userId: ID!, $weekStart: LocalDate!) { approveWeek(userId: $userId, weekStart: $weekStart) { id } }';
const REJECT_WEEK =
  'mutation RW($userId: ID!, $weekStart: LocalDate!) { rejectWeek(userId: $userId, weekStart: $weekStart, reason: "No") { id } }';

/** Manages claims that must reach nobody, with the problem they are counted under. */
const MALFORMED: [string, Record<string, unknown>, string | null][] = [
  ['a string', { [MANAGES]: 'TEAM' }, 'manages:string'],
  ['an object', { [MANAGES]: { TEAM: true } }, 'manages:object'],
  ['an array holding a number', { [MANAGES]: ['TEAM', 7] }, 'manages:array-item'],
  ['null', { [MANAGES]: null }, 'manages:other'],
  [
    'the right list under another namespace',
    { 'https://other.example/manages': ['TEAM'] },
    'manages:other-namespace',
  ],
  ['no claim at all', {}, null],
];

describeEachDatabase('team reach fails closed on a malformed manages claim', (getDb) => {
  let issuer: TestIssuer;
  let api: TestApi;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startTestApi(issuer, getDb(), { now: () => NOW, env: { METRICS_PORT: '0' } });
  });

  afterAll(async () => {
    await api.close();
    await issuer.close();
  });

  /**
   * Emma of a fresh team (from the HR feed) with one pending entry in the week she submitted, so
   * that a manager who reaches her team sees and may decide it; and its id.
   */
  async function emmaWithEntry() {
    const team = `eng-${randomUUID().slice(0, 8)}`;
    const sub = `auth0|emma-${randomUUID()}`;
    const hr = await issuer.clientToken('timesheets-importer', ['batch:upload']);
    await api.ok(UPSERT, { people: [{ id: sub, name: 'Emma', team }] }, hr);
    const token = await issuer.userToken(sub, EMPLOYEE);
    const input = { date: '2026-11-24', project: 'Audit', hours: 6 };
    const created = await api.ok<{ createTimesheet: { id: string } }>(CREATE, { input }, token);
    await submitWeekThroughApi(api, issuer, sub, input.date);
    return { team, sub, id: created.createTimesheet.id };
  }

  const managerToken = (team: string, claims: Record<string, unknown>) =>
    issuer.userToken(
      `auth0|manager-${randomUUID()}`,
      APPROVER,
      JSON.parse(JSON.stringify(claims).replaceAll('TEAM', team)) as Record<string, unknown>,
    );

  const codeOf = async (query: string, variables: Record<string, unknown>, token: string) => {
    const { body } = await api.gql(query, variables, token);
    return body.errors?.[0]?.extensions?.code;
  };

  it.each(MALFORMED)(
    'gives an approver whose manages claim is %s no reach on any path, and changes nothing',
    async (_shape, claims) => {
      const emma = await emmaWithEntry();
      const token = await managerToken(emma.team, claims);
      const week = { userId: emma.sub, weekStart: MONDAY };

      expect(await api.ok(ME, {}, token)).toEqual({ me: { reach: 'OWN', manages: null } });
      expect(await api.ok(APPROVALS, {}, token)).toEqual({ approvals: { edges: [] } });
      expect(await api.ok(WEEKS, {}, token)).toEqual({ approvalWeeks: { nodes: [] } });
      expect(await api.ok(OPEN, { id: emma.id }, token)).toEqual({ timesheet: null });
      expect(await codeOf(HISTORY, { id: emma.id }, token)).toBe('NOT_FOUND');
      expect(await codeOf(APPROVE, { id: emma.id }, token)).toBe('NOT_FOUND');
      expect(await codeOf(REJECT, { id: emma.id }, token)).toBe('NOT_FOUND');
      expect(await codeOf(APPROVE_WEEK, week, token)).toBe('NOT_FOUND');
      expect(await codeOf(REJECT_WEEK, week, token)).toBe('NOT_FOUND');

      const row = await getDb()
        .db.selectFrom('timesheet_entries')
        .select(['status', 'version'])
        .where('id', '=', emma.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'PENDING', version: 1 });
    },
  );

  it('reaches the team with the same claim well-formed, so the cases above can fail', async () => {
    const emma = await emmaWithEntry();
    const token = await managerToken(emma.team, { [MANAGES]: ['TEAM'] });
    expect(await api.ok(ME, {}, token)).toEqual({ me: { reach: 'TEAMS', manages: [emma.team] } });
    const ids = await api.ok<{ approvals: { edges: { node: { id: string } }[] } }>(
      APPROVALS,
      {},
      token,
    );
    expect(ids.approvals.edges.map((edge) => edge.node.id)).toEqual([emma.id]);
    expect(await api.ok(WEEKS, {}, token)).toEqual({
      approvalWeeks: { nodes: [{ weekStart: MONDAY, owner: { id: emma.sub } }] },
    });
    expect(await api.ok(OPEN, { id: emma.id }, token)).toEqual({ timesheet: { id: emma.id } });
  });

  it('counts each malformed claim once per token in the metrics', async () => {
    const emma = await emmaWithEntry();
    const token = await managerToken(emma.team, { [MANAGES]: 'TEAM' });
    const metric = async () => {
      const text = await (await fetch(api.app.metricsUrl() ?? '')).text();
      const line = text
        .split('\n')
        .find((l) =>
          l.startsWith('timesheets_token_claim_problems_total{problem="manages:string"}'),
        );
      return Number(line?.split(' ').at(-1) ?? 0);
    };
    const before = await metric();
    await api.ok(ME, {}, token);
    await api.ok(APPROVALS, {}, token);
    expect(await metric()).toBe(before + 1);
  });
});
