import { startTestApi, type TestApi } from '../../test/api';
import { describeEachDatabase } from '../../test/databases';
import { startTestIssuer, type TestIssuer } from '../../test/issuer';
import { createSqlCounter } from '../../test/sql-counter';

const NOW = new Date('2026-11-25T12:00:00Z');
const READER = ['read:timesheets', 'create:timesheets'];

const UPSERT = `mutation Holidays($holidays: [HolidayInput!]!) {
  upsertHolidays(holidays: $holidays) { created updated unchanged }
}`;
const BETWEEN = `query Between($from: LocalDate!, $to: LocalDate!) {
  holidays(from: $from, to: $to) { date name }
}`;

interface Holiday {
  date: string;
  name: string;
}
interface UpsertData {
  upsertHolidays: { created: number; updated: number; unchanged: number };
}
interface BetweenData {
  holidays: Holiday[];
}

/** Each test takes dates of its own two years, so no test depends on rows another left. */
let nextYear = 2100;
const ownYear = () => (nextYear += 2);

describeEachDatabase('the company calendar over HTTP', (getDb) => {
  let issuer: TestIssuer;
  let api: TestApi;
  let importer: string;
  let reader: string;
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
    reader = await issuer.userToken('auth0|reader', READER);
  });

  afterAll(async () => {
    await api.close();
    await issuer.close();
  });

  const upsert = async (holidays: Holiday[]) =>
    (await api.ok<UpsertData>(UPSERT, { holidays }, importer)).upsertHolidays;

  const rowsOfYear = (year: number) =>
    getDb()
      .db.selectFrom('holidays')
      .select(['date', 'name'])
      .where('date', '>=', `${year}-01-01`)
      .where('date', '<=', `${year}-12-31`)
      .orderBy('date')
      .execute();

  it('counts the holidays it creates, renames and leaves unchanged, and writes nothing on replay', async () => {
    const year = ownYear();
    const holidays = [
      { date: `${year}-12-25`, name: ' Christmas Day ' },
      { date: `${year}-01-01`, name: "New Year's Day" },
    ];
    expect(await upsert(holidays)).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(await rowsOfYear(year)).toEqual([
      { date: `${year}-01-01`, name: "New Year's Day" },
      { date: `${year}-12-25`, name: 'Christmas Day' },
    ]);

    counter.reset();
    expect(await upsert(holidays)).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(counter.insertsInto('holidays')).toBe(0);

    const renamed = [
      { date: `${year}-12-25`, name: 'Christmas' },
      { date: `${year}-01-01`, name: "New Year's Day" },
      { date: `${year}-12-24`, name: 'Christmas Eve' },
    ];
    expect(await upsert(renamed)).toEqual({ created: 1, updated: 1, unchanged: 1 });
    expect(await rowsOfYear(year)).toEqual([
      { date: `${year}-01-01`, name: "New Year's Day" },
      { date: `${year}-12-24`, name: 'Christmas Eve' },
      { date: `${year}-12-25`, name: 'Christmas' },
    ]);
  });

  it('answers the holidays between two dates, both included, by date', async () => {
    const year = ownYear();
    await upsert([
      { date: `${year}-12-31`, name: "New Year's Eve" },
      { date: `${year}-12-24`, name: 'Christmas Eve' },
      { date: `${year}-12-25`, name: 'Christmas Day' },
      { date: `${year + 1}-01-01`, name: "New Year's Day" },
    ]);
    const data = await api.ok<BetweenData>(
      BETWEEN,
      { from: `${year}-12-24`, to: `${year}-12-31` },
      reader,
    );
    expect(data.holidays).toEqual([
      { date: `${year}-12-24`, name: 'Christmas Eve' },
      { date: `${year}-12-25`, name: 'Christmas Day' },
      { date: `${year}-12-31`, name: "New Year's Eve" },
    ]);
    const day = await api.ok<BetweenData>(
      BETWEEN,
      { from: `${year}-12-25`, to: `${year}-12-25` },
      reader,
    );
    expect(day.holidays).toEqual([{ date: `${year}-12-25`, name: 'Christmas Day' }]);
  });

  it.each<[string, (year: number) => Holiday[], string, string]>([
    [
      'an empty name',
      (y) => [
        { date: `${y}-01-01`, name: 'Fine' },
        { date: `${y}-05-01`, name: '   ' },
      ],
      'holidays[1].name',
      'holidays[1]: name must not be empty',
    ],
    [
      'a name over 100 characters',
      (y) => [{ date: `${y}-05-01`, name: 'x'.repeat(101) }],
      'holidays[0].name',
      'holidays[0]: name must be at most 100 characters',
    ],
    [
      'a name with a control character',
      (y) => [
        { date: `${y}-01-01`, name: 'Fine' },
        { date: `${y}-02-01`, name: 'Fine too' },
        { date: `${y}-05-01`, name: 'May\u0000Day' },
      ],
      'holidays[2].name',
      'holidays[2]: name must not contain control characters',
    ],
    [
      'a date twice',
      (y) => [
        { date: `${y}-12-25`, name: 'Christmas Day' },
        { date: `${y}-12-25`, name: 'Christmas' },
      ],
      'holidays[1].date',
      'holidays[1]: date YEAR-12-25 appears more than once',
    ],
    ['no holiday at all', () => [], 'holidays', 'holidays must hold 1 to 500 holidays'],
    [
      '501 holidays',
      (y) =>
        Array.from({ length: 501 }, (_, i) => ({
          date: new Date(Date.UTC(y, 0, 1 + i)).toISOString().slice(0, 10),
          name: `Day ${i}`,
        })),
      'holidays',
      'holidays must hold 1 to 500 holidays',
    ],
  ])(
    'refuses the whole upsertHolidays call over %s with BAD_USER_INPUT naming the holiday, and writes nothing',
    async (_case, build, field, message) => {
      const year = ownYear();
      const { status, body } = await api.gql(UPSERT, { holidays: build(year) }, importer);
      expect(status).toBe(400);
      expect(body.data).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(body.errors?.[0]?.message).toBe(message.replace('YEAR', String(year)));
      expect(await rowsOfYear(year)).toEqual([]);
      expect(await rowsOfYear(year + 1)).toEqual([]);
    },
  );

  it('refuses an impossible date as the LocalDate it is not, naming the holiday, and writes nothing', async () => {
    const year = ownYear();
    const holidays = [
      { date: `${year}-01-01`, name: "New Year's Day" },
      { date: `${year}-02-30`, name: 'Nonsense' },
    ];
    const { status, body } = await api.gql(UPSERT, { holidays }, importer);
    expect(status).toBe(400);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(body.errors?.[0]?.message).toContain('holidays[1].date');
    expect(await rowsOfYear(year)).toEqual([]);
  });

  it("refuses upsertHolidays to a person's token with FORBIDDEN naming the kind of token, and writes nothing", async () => {
    const year = ownYear();
    const person = await issuer.userToken('auth0|eve', [...READER, 'batch:upload']);
    const holidays = [{ date: `${year}-12-25`, name: 'Christmas Day' }];
    const { status, body } = await api.gql(UPSERT, { holidays }, person);
    expect(status).toBe(403);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', tokenKind: 'CLIENT' });
    expect(await rowsOfYear(year)).toEqual([]);
  });

  it.each([
    ['to before from', '2026-12-31', '2026-12-01', 'to must not be before from'],
    [
      'a range over 366 days',
      '2026-01-01',
      '2027-01-03',
      'from and to must be at most 366 days apart',
    ],
  ])(
    'refuses holidays(from, to) with %s as BAD_USER_INPUT naming to',
    async (_case, from, to, message) => {
      const { status, body } = await api.gql(BETWEEN, { from, to }, reader);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
      expect(body.errors?.[0]?.message).toBe(message);
    },
  );

  it('answers a range of exactly 366 days, a leap year', async () => {
    const data = await api.ok<BetweenData>(
      BETWEEN,
      { from: '2028-01-01', to: '2029-01-01' },
      reader,
    );
    expect(Array.isArray(data.holidays)).toBe(true);
  });

  it('refuses holidays(from, to) without read:timesheets with FORBIDDEN naming the scope', async () => {
    const token = await issuer.userToken('auth0|nobody', ['create:timesheets']);
    const { body } = await api.gql(BETWEEN, { from: '2026-12-01', to: '2026-12-31' }, token);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      scope: 'read:timesheets',
    });
  });
});
