import { randomUUID } from 'node:crypto';
import { teamClaimNames } from '../../core/claims';
import { startTestApi, type TestApi } from '../../test/api';
import { describeEachDatabase } from '../../test/databases';
import { startTestIssuer, type TestIssuer } from '../../test/issuer';
import { createSqlCounter } from '../../test/sql-counter';

const NOW = new Date('2026-11-25T12:00:00Z');
const { team: TEAM } = teamClaimNames();
const EMPLOYEE = ['read:timesheets', 'create:timesheets'];

const UPSERT = `mutation Upsert($people: [PersonInput!]!) {
  upsertPeople(people: $people) {
    created updated unchanged ignoredFields
    people { id name team schedule employedFrom employedUntil }
  }
}`;
const UPLOAD = `mutation Upload($entries: [UploadTimesheetInput!]!) {
  uploadTimesheets(entries: $entries) { created }
}`;
const OWN_OWNER = `{
  timesheets(first: 1) { edges { node { owner { id schedule employedFrom employedUntil } } } }
}`;

interface Terms {
  schedule?: number[] | null;
  employedFrom?: string | null;
  employedUntil?: string | null;
}
interface Sent extends Terms {
  id: string;
  name?: string | null;
  team?: string | null;
}
interface Stored extends Required<Terms> {
  id: string;
  name: string | null;
  team: string | null;
}
interface UpsertData {
  upsertPeople: {
    created: number;
    updated: number;
    unchanged: number;
    ignoredFields: string[];
    people: Stored[];
  };
}
interface OwnerData {
  timesheets: { edges: { node: { owner: Required<Terms> & { id: string } } }[] };
}

const PART_TIME = [6, 6, 6, 6, 0, 0, 0];
const NO_TERMS = { schedule: null, employedFrom: null, employedUntil: null };

describeEachDatabase("people's schedules and employment dates from the HR feed", (getDb) => {
  let issuer: TestIssuer;
  let hrApi: TestApi;
  let idpApi: TestApi;
  let importer: string;
  const counter = createSqlCounter();

  beforeAll(async () => {
    issuer = await startTestIssuer();
    const database = getDb();
    const counted = { ...database, db: database.db.withPlugin(counter) };
    hrApi = await startTestApi(issuer, counted, { now: () => NOW });
    idpApi = await startTestApi(issuer, counted, {
      now: () => NOW,
      env: { DIRECTORY_SOURCE: 'idp' },
    });
    importer = await issuer.clientToken('timesheets-importer', ['batch:upload']);
  });

  afterAll(async () => {
    await hrApi.close();
    await idpApi.close();
    await issuer.close();
  });

  const upsert = async (api: TestApi, people: Sent[]) =>
    (await api.ok<UpsertData>(UPSERT, { people }, importer)).upsertPeople;

  const termsRow = (id: string) =>
    getDb()
      .db.selectFrom('people')
      .select(['name', 'team', 'schedule', 'employed_from', 'employed_until'])
      .where('id', '=', id)
      .executeTakeFirst();

  const newId = (name: string) => `auth0|${name}-${randomUUID()}`;

  it('stores a schedule and employment dates, answers them, and resolves them on Person', async () => {
    const [ana, cal] = [newId('ana'), newId('cal')];
    const result = await upsert(hrApi, [
      { id: ana, name: 'Ana', schedule: PART_TIME, employedFrom: '2025-01-06' },
      {
        ...{ id: cal, name: 'Cal', schedule: [0, 0, 0, 0, 0, 0, 0] },
        ...{ employedFrom: '2026-06-01', employedUntil: '2027-05-31' },
      },
    ]);
    expect(result).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      ignoredFields: [],
      people: [
        {
          ...{ id: ana, name: 'Ana', team: null, schedule: PART_TIME },
          ...{ employedFrom: '2025-01-06', employedUntil: null },
        },
        {
          ...{ id: cal, name: 'Cal', team: null, schedule: [0, 0, 0, 0, 0, 0, 0] },
          ...{ employedFrom: '2026-06-01', employedUntil: '2027-05-31' },
        },
      ],
    });
    expect(await termsRow(ana)).toEqual({
      ...{ name: 'Ana', team: null, schedule: '[6,6,6,6,0,0,0]' },
      ...{ employed_from: '2025-01-06', employed_until: null },
    });

    // Read back through the directory (Timesheet.owner), not the upsert's answer.
    const entries = [
      { externalId: `e-${ana}`, userId: ana, date: '2026-11-24', project: 'Ops', hours: 1 },
    ];
    await hrApi.ok(UPLOAD, { entries }, importer);
    const token = await issuer.userToken(ana, EMPLOYEE);
    const own = await hrApi.ok<OwnerData>(OWN_OWNER, {}, token);
    expect(own.timesheets.edges[0]?.node.owner).toEqual({
      ...{ id: ana, schedule: PART_TIME },
      ...{ employedFrom: '2025-01-06', employedUntil: null },
    });
  });

  it('counts a changed schedule or date as updated, changes nothing on replay, and takes null as the company default', async () => {
    const id = newId('bo');
    const person = { id, name: 'Bo', schedule: PART_TIME, employedFrom: '2025-01-06' };
    await upsert(hrApi, [person]);

    counter.reset();
    expect(await upsert(hrApi, [person])).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(counter.insertsInto('people')).toBe(0);

    const longer = { ...person, schedule: [8, 8, 8, 8, 8, 0, 0] };
    expect(await upsert(hrApi, [longer])).toMatchObject({ updated: 1, unchanged: 0 });
    const leaving = { ...longer, employedUntil: '2026-12-31' };
    expect(await upsert(hrApi, [leaving])).toMatchObject({ updated: 1, unchanged: 0 });
    expect(await termsRow(id)).toMatchObject({
      ...{ schedule: '[8,8,8,8,8,0,0]', employed_from: '2025-01-06' },
      employed_until: '2026-12-31',
    });

    const defaults = await upsert(hrApi, [{ id, name: 'Bo', schedule: null }]);
    expect(defaults).toMatchObject({ updated: 1, people: [{ id, ...NO_TERMS }] });
    expect(await termsRow(id)).toMatchObject({
      ...{ schedule: null, employed_from: null, employed_until: null },
    });
    expect(await upsert(hrApi, [{ id, name: 'Bo' }])).toMatchObject({ unchanged: 1 });
  });

  it.each<[string, Terms, string, string]>([
    [
      'a schedule of six values',
      { schedule: [8, 8, 8, 8, 8, 0] },
      'people[1].schedule',
      'people[1]: schedule must hold 7 values (Monday first), got 6',
    ],
    [
      'a day over 24 hours',
      { schedule: [8, 8, 8, 8, 25, 0, 0] },
      'people[1].schedule',
      'people[1]: schedule value 5 must be 0 to 24 hours with at most two decimals',
    ],
    [
      'negative hours',
      { schedule: [-1, 8, 8, 8, 8, 0, 0] },
      'people[1].schedule',
      'people[1]: schedule value 1 must be 0 to 24 hours with at most two decimals',
    ],
    [
      'three decimals',
      { schedule: [8, 8, 8, 7.125, 8, 0, 0] },
      'people[1].schedule',
      'people[1]: schedule value 4 must be 0 to 24 hours with at most two decimals',
    ],
    [
      'an end of employment before its start',
      { employedFrom: '2026-03-01', employedUntil: '2026-02-28' },
      'people[1].employedUntil',
      'people[1]: employedUntil 2026-02-28 is before employedFrom 2026-03-01',
    ],
  ])(
    'refuses the whole call over %s with BAD_USER_INPUT naming the person and field, and writes nothing',
    async (_case, terms, field, message) => {
      const ids = [newId('ok'), newId('bad')];
      const people = [
        { id: ids[0], name: 'Fine', schedule: PART_TIME },
        { id: ids[1], ...terms },
      ];
      const { status, body } = await hrApi.gql(UPSERT, { people }, importer);
      expect(status).toBe(400);
      expect(body.data).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(body.errors?.[0]?.message).toBe(message);
      expect(await termsRow(ids[0] ?? '')).toBeUndefined();
      expect(await termsRow(ids[1] ?? '')).toBeUndefined();
    },
  );

  it.each([
    ['an impossible date', { employedFrom: '2026-02-30' }, 'employedFrom'],
    ['a date in another format', { employedUntil: '31/12/2026' }, 'employedUntil'],
  ])(
    'refuses %s as the LocalDate it is not, naming the person and field, and writes nothing',
    async (_case, terms, field) => {
      const ids = [newId('ok'), newId('bad')];
      const people = [
        { id: ids[0], name: 'Fine' },
        { id: ids[1], ...terms },
      ];
      const { status, body } = await hrApi.gql(UPSERT, { people }, importer);
      expect(status).toBe(400);
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(body.errors?.[0]?.message).toContain(`people[1].${field}`);
      expect(await termsRow(ids[0] ?? '')).toBeUndefined();
    },
  );

  it('writes schedules and employment from the HR feed when the identity provider owns names and teams (DIRECTORY_SOURCE=idp)', async () => {
    const [known, fresh] = [newId('kim'), newId('fay')];
    await idpApi.ok(
      '{ me { id } }',
      {},
      await issuer.userToken(known, EMPLOYEE, { name: 'Kim', [TEAM]: 'engineering' }),
    );
    const people = [
      { id: known, name: 'Kim HR', team: 'operations', schedule: PART_TIME },
      { id: fresh, name: 'Fay', employedFrom: '2026-11-02' },
    ];
    expect(await upsert(idpApi, people)).toEqual({
      created: 1,
      updated: 1,
      unchanged: 0,
      ignoredFields: ['name', 'team'],
      people: [
        { id: known, name: 'Kim', team: 'engineering', ...NO_TERMS, schedule: PART_TIME },
        { id: fresh, name: null, team: null, ...NO_TERMS, employedFrom: '2026-11-02' },
      ],
    });
    expect(await termsRow(known)).toEqual({
      ...{ name: 'Kim', team: 'engineering', schedule: '[6,6,6,6,0,0,0]' },
      ...{ employed_from: null, employed_until: null },
    });
    expect(await termsRow(fresh)).toEqual({
      ...{ name: null, team: null, schedule: null },
      ...{ employed_from: '2026-11-02', employed_until: null },
    });
    expect(await upsert(idpApi, people)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it.each([
    ['hr', () => hrApi],
    ['idp', () => idpApi],
  ])(
    "never changes a person's schedule or employment from their token (DIRECTORY_SOURCE=%s)",
    async (_source, api) => {
      const id = newId('tia');
      const terms = {
        schedule: PART_TIME,
        employedFrom: '2025-01-06',
        employedUntil: '2027-01-31',
      };
      await upsert(api(), [{ id, name: 'Tia', ...terms }]);
      const token = await issuer.userToken(id, EMPLOYEE, { name: 'Tia T.', [TEAM]: 'sales' });
      await api().ok('{ me { id } }', {}, token);
      expect(await termsRow(id)).toMatchObject({
        ...{ schedule: '[6,6,6,6,0,0,0]', employed_from: '2025-01-06' },
        employed_until: '2027-01-31',
      });
    },
  );
});
