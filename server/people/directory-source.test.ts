import { randomUUID } from 'node:crypto';
import { teamClaimNames } from '../../core/claims';
import { startTestApi, type TestApi } from '../../test/api';
import { describeEachDatabase } from '../../test/databases';
import { putInDirectory } from '../../test/directory';
import { startTestIssuer, type TestIssuer } from '../../test/issuer';
import { submitWeekOf } from '../../test/weeks';

const NOW = new Date('2026-11-25T12:00:00Z');
const { team: TEAM, manages: MANAGES } = teamClaimNames();
const EMPLOYEE = ['read:timesheets', 'create:timesheets'];
const MANAGER = ['read:timesheets', 'approve:timesheets'];
const CREATE = `mutation Create($input: CreateTimesheetInput!) { createTimesheet(input: $input) { id } }`;
const APPROVALS = '{ approvals(first: 50) { edges { node { id } } } }';
const UPSERT = `mutation Hr($people: [PersonInput!]!) {
  upsertPeople(people: $people) { created updated unchanged ignoredFields people { id name team } }
}`;

interface ApprovalsData {
  approvals: { edges: { node: { id: string } }[] };
}

describeEachDatabase('one writer per fact of the directory', (getDb) => {
  let issuer: TestIssuer;
  let hrApi: TestApi;
  let idpApi: TestApi;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    hrApi = await startTestApi(issuer, getDb(), { now: () => NOW });
    idpApi = await startTestApi(issuer, getDb(), {
      now: () => NOW,
      env: { DIRECTORY_SOURCE: 'idp' },
    });
  });

  afterAll(async () => {
    await hrApi.close();
    await idpApi.close();
    await issuer.close();
  });

  const personRow = (id: string) =>
    getDb()
      .db.selectFrom('people')
      .select(['name', 'email', 'team', 'source'])
      .where('id', '=', id)
      .executeTakeFirst();

  /** The owner submits the week of `date`, so that its entries wait for a manager. */
  const submitWeek = (ownerId: string, date: string) =>
    submitWeekOf(getDb().db, ownerId, date, { now: () => NOW });

  const approvalIds = async (api: TestApi, token: string) =>
    (await api.ok<ApprovalsData>(APPROVALS, {}, token)).approvals.edges.map((e) => e.node.id);

  const teams = () => {
    const suffix = randomUUID().slice(0, 8);
    return { engineering: `engineering-${suffix}`, operations: `operations-${suffix}` };
  };

  it('keeps an HR move when the person next signs in with another team and name (DIRECTORY_SOURCE=hr)', async () => {
    const { engineering, operations } = teams();
    const emma = `auth0|emma-${randomUUID()}`;
    const maria = await issuer.userToken(`auth0|maria-${randomUUID()}`, MANAGER, {
      [MANAGES]: [engineering],
    });
    const omar = await issuer.userToken(`auth0|omar-${randomUUID()}`, MANAGER, {
      [MANAGES]: [operations],
    });
    await putInDirectory(hrApi, issuer, [{ id: emma, name: 'Emma', team: engineering }]);
    const token = await issuer.userToken(emma, EMPLOYEE, { name: 'Emma', [TEAM]: engineering });
    const input = { date: '2026-11-24', project: 'Audit', hours: 4 };
    const { createTimesheet } = await hrApi.ok<{ createTimesheet: { id: string } }>(
      CREATE,
      { input },
      token,
    );
    await submitWeek(emma, input.date);
    expect(await approvalIds(hrApi, maria)).toEqual([createTimesheet.id]);

    await putInDirectory(hrApi, issuer, [{ id: emma, name: 'Emma', team: operations }]);
    const next = await issuer.userToken(emma, EMPLOYEE, { name: 'Emma E.', [TEAM]: engineering });
    await hrApi.ok('{ me { id } }', {}, next);

    expect(await personRow(emma)).toEqual({
      name: 'Emma',
      email: null,
      team: operations,
      source: 'hr',
    });
    expect(await approvalIds(hrApi, maria)).toEqual([]);
    expect(await approvalIds(hrApi, omar)).toEqual([createTimesheet.id]);
  });

  it('makes a person known by id alone when they first sign in (DIRECTORY_SOURCE=hr)', async () => {
    const sub = `auth0|new-${randomUUID()}`;
    const token = await issuer.userToken(sub, EMPLOYEE, { name: 'New', [TEAM]: 'engineering' });
    await hrApi.ok('{ me { id } }', {}, token);
    expect(await personRow(sub)).toEqual({ name: null, email: null, team: null, source: null });
  });

  it('writes what the HR feed sends and ignores nothing (DIRECTORY_SOURCE=hr)', async () => {
    const importer = await issuer.clientToken('timesheets-importer', ['batch:upload']);
    const id = `auth0|hr-${randomUUID()}`;
    const data = await hrApi.ok(UPSERT, { people: [{ id, name: 'Hana', team: 'ops' }] }, importer);
    expect(data).toEqual({
      upsertPeople: {
        created: 1,
        updated: 0,
        unchanged: 0,
        ignoredFields: [],
        people: [{ id, name: 'Hana', team: 'ops' }],
      },
    });
    expect(await personRow(id)).toEqual({ name: 'Hana', email: null, team: 'ops', source: 'hr' });
  });

  it('reports the fields the identity provider owns as ignoredFields and writes none of them (DIRECTORY_SOURCE=idp)', async () => {
    const importer = await issuer.clientToken('timesheets-importer', ['batch:upload']);
    const known = `auth0|known-${randomUUID()}`;
    const fresh = `auth0|fresh-${randomUUID()}`;
    await idpApi.ok(
      '{ me { id } }',
      {},
      await issuer.userToken(known, EMPLOYEE, { name: 'Kim', [TEAM]: 'engineering' }),
    );
    const people = [
      { id: known, name: 'Kim HR', team: 'operations' },
      { id: fresh, name: 'Fay', team: 'operations' },
    ];
    const data = await idpApi.ok(UPSERT, { people }, importer);
    expect(data).toEqual({
      upsertPeople: {
        created: 1,
        updated: 0,
        unchanged: 1,
        ignoredFields: ['name', 'team'],
        people: [
          { id: known, name: 'Kim', team: 'engineering' },
          { id: fresh, name: null, team: null },
        ],
      },
    });
    expect(await personRow(known)).toEqual({
      name: 'Kim',
      email: null,
      team: 'engineering',
      source: 'idp',
    });
    expect(await personRow(fresh)).toEqual({ name: null, email: null, team: null, source: null });
  });

  it('takes the team away when the team claim disappears from the token (DIRECTORY_SOURCE=idp)', async () => {
    const { engineering } = teams();
    const eli = `auth0|eli-${randomUUID()}`;
    const maria = await issuer.userToken(`auth0|maria-${randomUUID()}`, MANAGER, {
      [MANAGES]: [engineering],
    });
    const first = await issuer.userToken(eli, EMPLOYEE, { name: 'Eli', [TEAM]: engineering });
    const input = { date: '2026-11-24', project: 'Audit', hours: 2 };
    const { createTimesheet } = await idpApi.ok<{ createTimesheet: { id: string } }>(
      CREATE,
      { input },
      first,
    );
    await submitWeek(eli, input.date);
    expect(await approvalIds(idpApi, maria)).toEqual([createTimesheet.id]);

    const without = await issuer.userToken(eli, EMPLOYEE, { name: 'Eli' });
    await idpApi.ok('{ me { id } }', {}, without);
    expect(await personRow(eli)).toEqual({ name: 'Eli', email: null, team: null, source: 'idp' });
    expect(await approvalIds(idpApi, maria)).toEqual([]);
  });
});
