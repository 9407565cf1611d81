/**
 * `npm run bench:weeks`: the weekly cycle's two hot paths, on a year of data put in through the
 * API itself (the HR feed, then every person saving, submitting and their manager approving 52
 * weeks of weekday entries).
 * (a) `teamWeeks(first: 50)` for the manager of a team of 50: SQL statements per request and p50
 *     under load, in interleaved rounds with a plain `timesheets(first: 50)` page of one person,
 *     and with the board of a second team of 50 that filed only the board's week (the same
 *     statuses), so that the cost of history shows as a ratio.
 * (b) `saveWeek` of a full grid (5 projects x 5 days, 25 cells), new and changed, one request at
 *     a time: SQL statements and p50, against one `createTimesheet` in the same run.
 * `--database postgres://…` runs it on PostgreSQL. Exits 0 whatever the figures; 1 when it cannot
 * run or the API refuses a request.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import type { KyselyPlugin } from 'kysely';
import { addDays } from '../core/dates';
import { teamClaimNames } from '../core/claims';
import { median } from './bench/load';
import { createBenchStore } from './bench/store';
import { startTestApi, type TestApi } from '../test/api';
import { startTestIssuer, type TestIssuer } from '../test/issuer';

const PEOPLE = 50;
const WEEKS = 52;
const NOW = new Date('2026-11-25T12:00:00.000Z');
/** The last full week before NOW's: the one the board shows. */
const BOARD_MONDAY = '2026-11-16';
const FIRST_MONDAY = addDays(BOARD_MONDAY, -7 * (WEEKS - 1));
/** The team with a year of history, and a team of as many people with only the board's week. */
const TEAM = 'engineering';
const FRESH_TEAM = 'newcomers';
const GRID_PROJECTS = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'];
/** Never refuse a write for its rate (the limit stays on the path), as `npm run bench` does. */
const API_ENV = { MUTATION_RATE_LIMIT: '1000000000/1' };

/** The board of one team: what the manager's screen shows, and optionally every entry. */
const boardQuery = (
  name: string,
  team: string,
  more = '',
) => `query ${name}($weekStart: LocalDate!) {
  teamWeeks(weekStart: $weekStart, team: "${team}", first: ${PEOPLE}) {
    nodes { owner { id name team } weekStart status version recordedHours absenceHours
      expectedHours missingDays submittedAt decidedAt ${more} }
    pageInfo { hasNextPage endCursor }
  }
}`;
const BOARD = boardQuery('Board', TEAM);
const FRESH_BOARD = boardQuery('FreshBoard', FRESH_TEAM);
const BOARD_ENTRIES = boardQuery(
  'BoardEntries',
  TEAM,
  'entries { id date project hours status } absences { id date kind hours }',
);
const PAGE = `query Page {
  timesheets(first: 50) {
    edges { node { id date project hours notes status version } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const SAVE = `mutation Save($weekStart: LocalDate!, $v: Int!, $cells: [WeekCellInput!]!) {
  saveWeek(weekStart: $weekStart, expectedVersion: $v, cells: $cells) { version recordedHours }
}`;
const SUBMIT = `mutation Submit($weekStart: LocalDate!, $v: Int!) {
  submitWeek(weekStart: $weekStart, expectedVersion: $v) { version }
}`;
const APPROVE = `mutation Approve($userId: ID!, $weekStart: LocalDate!, $v: Int) {
  approveWeek(userId: $userId, weekStart: $weekStart, expectedVersion: $v) { id }
}`;
const CREATE = `mutation Create($input: CreateTimesheetInput!) { createTimesheet(input: $input) { id } }`;
const PEOPLE_FEED = `mutation Feed($people: [PersonInput!]!) { upsertPeople(people: $people) { created } }`;

interface Options {
  database: string;
  rounds: number;
  durationSeconds: number;
  connections: number;
  saves: number;
}

/** One measured request kind: SQL statements of one request, p50 (and req/s) per round. */
interface Measured {
  label: string;
  statements: number;
  p50: number[];
  rps: number[];
}

/** Runs an operation that must succeed and answers its data. */
async function call<T>(api: TestApi, token: string, query: string, variables = {}): Promise<T> {
  const { status, body } = await api.gql<T>(query, variables, token);
  if (status !== 200 || body.errors || !body.data) {
    throw new Error(`${query.split('(')[0]}: HTTP ${status} ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}

/** Runs `work` on every item, `size` at a time. */
async function inPool<T>(items: T[], size: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: size }, worker));
}

/** Hours on each of `days` weekdays of a week, one project. */
const weekdayCells = (monday: string, days: number, hours = 8) =>
  Array.from({ length: days }, (_, d) => ({ date: addDays(monday, d), project: 'Client', hours }));

/** The 5 x 5 grid: every project on every weekday, `hours` each. */
const gridCells = (monday: string, hours: number) =>
  GRID_PROJECTS.flatMap((project) =>
    Array.from({ length: 5 }, (_, d) => ({ date: addDays(monday, d), project, hours })),
  );

/** A person of one of the teams, from the week they start filing. */
interface Member {
  id: string;
  token: string;
  index: number;
  firstWeek: number;
}

interface Actors {
  manager: string;
  members: Member[];
}

/** How many weekdays person `index` filled in week `w`: all of them, but on the board's week. */
function daysFiled(index: number, w: number): number {
  if (w < WEEKS - 1) return 5;
  return [0, 3][index % 5] ?? 5;
}

/**
 * One person's weeks: all but the last two approved, the next submitted; on the board's week a
 * fifth of the team has nothing, a fifth has three days and has not submitted, the rest submitted.
 */
async function fileWeeks(api: TestApi, manager: string, member: Member): Promise<void> {
  for (let w = member.firstWeek; w < WEEKS; w++) {
    const weekStart = addDays(FIRST_MONDAY, 7 * w);
    const days = daysFiled(member.index, w);
    if (days === 0) continue;
    const cells = weekdayCells(weekStart, days);
    type Saved = { saveWeek: { version: number } };
    let { version } = (await call<Saved>(api, member.token, SAVE, { weekStart, v: 0, cells }))
      .saveWeek;
    if (days < 5) continue;
    type Submitted = { submitWeek: { version: number } };
    version = (await call<Submitted>(api, member.token, SUBMIT, { weekStart, v: version }))
      .submitWeek.version;
    if (w >= WEEKS - 2) continue;
    await call(api, manager, APPROVE, { userId: member.id, weekStart, v: version });
  }
}

/** The people of one team through the HR feed, with their tokens. */
async function hireTeam(api: TestApi, issuer: TestIssuer, hr: string, team: string) {
  const ids = Array.from({ length: PEOPLE }, (_, i) => `bench|${team}-${i}`);
  const people = ids.map((id, i) => ({ id, name: `${team} ${i}`, email: null, team }));
  await call(api, hr, PEOPLE_FEED, { people });
  const scopes = ['read:timesheets', 'create:timesheets', 'delete:timesheets'];
  const firstWeek = team === TEAM ? 0 : WEEKS - 1;
  return Promise.all(
    ids.map(async (id, index) => ({
      id,
      index,
      firstWeek,
      token: await issuer.userToken(id, scopes),
    })),
  );
}

/** The HR feed, the tokens, a year of weeks for one team and the board's week for the other. */
async function seed(api: TestApi, issuer: TestIssuer, log: (line: string) => void) {
  const hr = await issuer.clientToken('bench-hr', ['batch:upload']);
  const members = [
    ...(await hireTeam(api, issuer, hr, TEAM)),
    ...(await hireTeam(api, issuer, hr, FRESH_TEAM)),
  ];
  const claims = teamClaimNames();
  const manager = await issuer.userToken(
    'bench|manager',
    ['read:timesheets', 'approve:timesheets'],
    {
      name: 'Bench Manager',
      [claims.team]: 'management',
      [claims.manages]: [TEAM, FRESH_TEAM],
    },
  );
  const started = performance.now();
  await inPool(members, 8, (member) => fileWeeks(api, manager, member));
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  log(`seeded ${PEOPLE} people x ${WEEKS} weeks and ${PEOPLE} x 1 week in ${seconds} s`);
  return { manager, members };
}

/** The SQL statements one request sends, from the counting plugin. */
async function statementsOf(count: () => number, send: () => Promise<unknown>): Promise<number> {
  const before = count();
  await send();
  return count() - before;
}

/** (a) The board against a plain page, interleaved under load. */
async function measureBoard(
  api: TestApi,
  actors: Actors,
  count: () => number,
  options: Options,
  log: (line: string) => void,
): Promise<Measured[]> {
  const reader = actors.members[2]?.token ?? '';
  const manager = actors.manager;
  const cases = [
    { label: 'teamWeeks(first: 50), a year of history', token: manager, query: BOARD },
    { label: 'teamWeeks(first: 50), one week of history', token: manager, query: FRESH_BOARD },
    { label: '… + entries, absences, a year of history', token: manager, query: BOARD_ENTRIES },
    { label: 'timesheets(first: 50) of one person (baseline)', token: reader, query: PAGE },
  ];
  const variables = { weekStart: BOARD_MONDAY };
  const measured: Measured[] = [];
  for (const c of cases) {
    const statements = await statementsOf(count, () => call(api, c.token, c.query, variables));
    measured.push({ label: c.label, statements, p50: [], rps: [] });
  }
  for (let round = 0; round < options.rounds; round++) {
    for (const [i, c] of cases.entries()) {
      const result = await autocannon({
        url: api.url,
        connections: options.connections,
        duration: options.durationSeconds,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
            body: JSON.stringify({ query: c.query, variables }),
          },
        ],
      });
      if (result.non2xx + result.errors > 0) throw new Error(`${c.label}: failures under load`);
      measured[i]?.p50.push(result.latency.p50);
      measured[i]?.rps.push(result['2xx'] / result.duration);
    }
    log(`board round ${round + 1}/${options.rounds}`);
  }
  return measured;
}

/** Milliseconds and SQL statements of one request. */
async function timed(count: () => number, send: () => Promise<unknown>) {
  const before = count();
  const started = performance.now();
  await send();
  return { ms: performance.now() - started, statements: count() - before };
}

/**
 * (b) One request at a time, each into a week of its own before the seeded year: the grid saved
 * new (25 entries created), then changed (25 entries updated), and one createTimesheet.
 */
async function measureSaves(api: TestApi, issuer: TestIssuer, count: () => number, saves: number) {
  const scopes = ['read:timesheets', 'create:timesheets', 'delete:timesheets'];
  const token = await issuer.userToken('bench|grid', scopes, { name: 'Grid Filler' });
  const samples = { created: [] as number[], changed: [] as number[], single: [] as number[] };
  const statements = { created: [] as number[], changed: [] as number[], single: [] as number[] };
  const warmUp = 5;
  for (let i = 0; i < saves + warmUp; i++) {
    const weekStart = addDays(FIRST_MONDAY, -7 * (i + 1));
    type Saved = { saveWeek: { version: number } };
    let version = 0;
    const created = await timed(count, async () => {
      const data = await call<Saved>(api, token, SAVE, {
        weekStart,
        v: 0,
        cells: gridCells(weekStart, 1.5),
      });
      version = data.saveWeek.version;
    });
    const changed = await timed(count, () =>
      call(api, token, SAVE, { weekStart, v: version, cells: gridCells(weekStart, 1.25) }),
    );
    const input = { date: addDays(weekStart, 5), project: 'Single', hours: 1 };
    const single = await timed(count, () => call(api, token, CREATE, { input }));
    if (i < warmUp) continue;
    for (const [key, sample] of Object.entries({ created, changed, single })) {
      samples[key as keyof typeof samples].push(sample.ms);
      statements[key as keyof typeof statements].push(sample.statements);
    }
  }
  return { samples, statements };
}

function formatReport(
  board: Measured[],
  saves: Awaited<ReturnType<typeof measureSaves>>,
  options: Options,
  engine: string,
): string[] {
  const [weeks, fresh, withEntries, page] = board as [Measured, Measured, Measured, Measured];
  const p50 = (m: Measured) => median(m.p50);
  const ms = (values: number[]) => median(values).toFixed(2);
  const { samples, statements } = saves;
  const single = median(samples.single);
  return [
    `Weekly cycle, ${engine}: a team of ${PEOPLE} with ${WEEKS} weeks of weekday entries ` +
      `(${PEOPLE * WEEKS * 5} entries at most) and a team of ${PEOPLE} with only the board's ` +
      `week ${BOARD_MONDAY}`,
    '',
    `(a) ${options.connections} connections, ${options.rounds} interleaved rounds of ${options.durationSeconds} s`,
    '',
    '| query | SQL statements per request | p50 ms (rounds) | req/s |',
    '| --- | --- | --- | --- |',
    ...board.map(
      (m) =>
        `| ${m.label} | ${m.statements} | ${p50(m).toFixed(1)} (${Math.min(...m.p50)}–${Math.max(...m.p50)}) | ${median(m.rps).toFixed(0)} |`,
    ),
    '',
    `teamWeeks p50 / timesheets page p50: ${(p50(weeks) / p50(page)).toFixed(2)}x ` +
      `(with entries and absences: ${(p50(withEntries) / p50(page)).toFixed(2)}x); ` +
      `a year of history / one week: ${(p50(weeks) / p50(fresh)).toFixed(2)}x`,
    '',
    `(b) one request at a time, ${options.saves} of each after 5 warm-up`,
    '',
    '| request | SQL statements (median) | p50 ms |',
    '| --- | --- | --- |',
    `| saveWeek, new 5 x 5 grid (25 entries created) | ${median(statements.created)} | ${ms(samples.created)} |`,
    `| saveWeek, same grid changed (25 entries updated) | ${median(statements.changed)} | ${ms(samples.changed)} |`,
    `| createTimesheet, one entry (baseline) | ${median(statements.single)} | ${ms(samples.single)} |`,
    '',
    `saveWeek (new grid) p50 / createTimesheet p50: ${(median(samples.created) / single).toFixed(2)}x ` +
      `for 25 cells; 25 createTimesheet requests would take about ${(25 * single).toFixed(0)} ms`,
  ];
}

async function run(options: Options, log: (line: string) => void): Promise<string[]> {
  const store = await createBenchStore(options.database, 'weeks');
  const issuer = await startTestIssuer();
  const opened = await store.open();
  let statements = 0;
  const counter: KyselyPlugin = {
    transformQuery: ({ node }) => {
      statements++;
      return node;
    },
    transformResult: ({ result }) => Promise.resolve(result),
  };
  const database = { ...opened, db: opened.db.withPlugin(counter) };
  const api = await startTestApi(issuer, database, { now: () => NOW, env: API_ENV });
  const count = () => statements;
  try {
    const actors = await seed(api, issuer, log);
    const board = await measureBoard(api, actors, count, options, log);
    const saves = await measureSaves(api, issuer, count, options.saves);
    return formatReport(board, saves, options, store.dialect);
  } finally {
    await api.close();
    await opened.close();
    await issuer.close();
    await store.drop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      database: { type: 'string', default: 'sqlite' },
      rounds: { type: 'string', default: '3' },
      duration: { type: 'string', default: '3' },
      connections: { type: 'string', default: '10' },
      saves: { type: 'string', default: '40' },
    },
    strict: true,
  });
  const lines = await run(
    {
      database: values.database,
      rounds: Number(values.rounds),
      durationSeconds: Number(values.duration),
      connections: Number(values.connections),
      saves: Number(values.saves),
    },
    (line) => console.error(`[bench:weeks] ${line}`),
  );
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
