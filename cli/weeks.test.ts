import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addDays, startOfWeek } from '../core/dates';
import { todayLocal } from './format';
import { openTerminal, startCliStack, startOffice, type LocalStack, type Office } from './testing';
import type { Terminal } from './testing';

const EMMA = { email: 'emma@abc.example', password: 'emma-dev-password' };
const THIS_MONDAY = startOfWeek(todayLocal(new Date()));
/** The Monday `n` weeks before this one: each test files a week of its own. */
const weeksAgo = (n: number) => addDays(THIS_MONDAY, -7 * n);
const sundayOf = (monday: string) => addDays(monday, 6);
const workdays = (monday: string) => [0, 1, 2, 3, 4].map((i) => addDays(monday, i));
const noAnswer = () => Promise.resolve(undefined);

let stack: LocalStack;
let office: Office;

beforeAll(async () => {
  stack = await startCliStack();
  office = await startOffice(stack);
});

afterAll(async () => {
  await office.close();
  await stack.close();
});

/** Emma at a terminal, signed in. */
async function emmaAtTerminal(): Promise<Terminal> {
  const terminal = openTerminal(stack);
  expect((await terminal.login(EMMA)).code).toBe(0);
  return terminal;
}

/** Logs `hours` on each of `dates` with `npm run cli -- log`. */
async function logDays(terminal: Terminal, dates: string[], hours = '8'): Promise<void> {
  for (const date of dates) {
    const logged = await terminal.run(['log', hours, 'Website relaunch', '--date', date]);
    expect(logged).toMatchObject({ code: 0, err: [] });
  }
}

/** Emma's stored week row, if any. */
function weekRow(weekStart: string) {
  return stack.database.db
    .selectFrom('timesheet_weeks')
    .select(['status', 'version', 'note', 'reason'])
    .where('user_id', '=', 'auth0|emma')
    .where('week_start', '=', weekStart)
    .executeTakeFirst();
}

/** Runs a mutation as Pat Payroll through the office API; it must succeed. */
async function asPayroll(query: string, variables: Record<string, unknown>): Promise<void> {
  const { status, body } = await office.api.gql(query, variables, office.token);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
}

const REJECT = `mutation ($userId: ID!, $weekStart: LocalDate!, $reason: String!, $v: Int) {
  rejectWeek(userId: $userId, weekStart: $weekStart, reason: $reason, expectedVersion: $v) { id }
}`;
const APPROVE = `mutation ($userId: ID!, $weekStart: LocalDate!, $v: Int) {
  approveWeek(userId: $userId, weekStart: $weekStart, expectedVersion: $v) { id }
}`;
const CLOSE = `mutation ($through: LocalDate!) {
  closePeriod(through: $through, reason: "Payroll") { period { closedThrough } }
}`;

describe('npm run cli -- status', () => {
  it('shows an untouched week as OPEN at version 0 with every working day missing', async () => {
    const terminal = await emmaAtTerminal();
    const monday = weeksAgo(6);
    const shown = await terminal.run(['status', addDays(monday, 3)]);
    expect(shown).toMatchObject({ code: 0, err: [] });
    const days = workdays(monday);
    expect(shown.out).toEqual([
      `Week of ${monday} to ${sundayOf(monday)}: OPEN (version 0)`,
      '',
      'Hours     0.00 of 40.00 h expected, 40.00 short (0.00 recorded, 0.00 absent)',
      `Missing   Mon ${days[0]}, Tue ${days[1]}, Wed ${days[2]}, Thu ${days[3]}, Fri ${days[4]}`,
      'Absences  none',
      `Next      npm run cli -- submit ${monday} --note "…"`,
    ]);
  });
});

describe('npm run cli -- submit', () => {
  it('submits a full week at the version it read, without a note', async () => {
    const terminal = await emmaAtTerminal();
    const monday = weeksAgo(1);
    await logDays(terminal, workdays(monday));
    const before = await weekRow(monday);
    const submitted = await terminal.run(['submit', 'last'], { prompt: noAnswer });
    expect(submitted).toMatchObject({ code: 0, err: [] });
    expect(submitted.out[0]).toBe(
      `Submitted the week of ${monday} to ${sundayOf(monday)} (version ` +
        `${(before?.version ?? 0) + 1}): it now waits for a manager.`,
    );
    expect(submitted.out[1]).toBe('Hours  40.00 of 40.00 h expected (40.00 recorded, 0.00 absent)');
    expect(await weekRow(monday)).toEqual({
      status: 'SUBMITTED',
      version: (before?.version ?? 0) + 1,
      note: null,
      reason: null,
    });
    const shown = await terminal.run(['status', 'last']);
    expect(shown.out[0]).toBe(
      `Week of ${monday} to ${sundayOf(monday)}: SUBMITTED (version ${(before?.version ?? 0) + 1})`,
    );
    expect(shown.out).toContainEqual('Missing    none');
    expect(shown.out.join('\n')).not.toContain('Next');
  });

  it('refuses a short week without a note when nobody can answer, writing nothing (exit 2)', async () => {
    const terminal = await emmaAtTerminal();
    const monday = weeksAgo(2);
    await logDays(terminal, [monday]);
    const before = await weekRow(monday);
    const refused = await terminal.run(['submit', monday], { prompt: noAnswer });
    expect(refused).toEqual({ code: 2, out: [], err: [expect.any(String)] });
    expect(refused.err[0]).toMatch(/^Not submitted: .*\b8 of 40 expected hours.* \(--note "…"\)$/);
    expect(await weekRow(monday)).toEqual(before);

    const noted = await terminal.run(['submit', monday, '--note', 'Part-time this week']);
    expect(noted).toMatchObject({ code: 0, err: [] });
    expect(noted.out).toContain('Note   Part-time this week');
    expect(await weekRow(monday)).toMatchObject({
      status: 'SUBMITTED',
      note: 'Part-time this week',
    });
    const shown = await terminal.run(['status', monday]);
    expect(shown.out).toContainEqual('Note       Part-time this week');
  });

  it('asks for the note at the terminal when the week is short', async () => {
    const terminal = await emmaAtTerminal();
    const monday = weeksAgo(3);
    const questions: string[] = [];
    const submitted = await terminal.run(['submit', addDays(monday, 6)], {
      prompt: (question) => {
        questions.push(question);
        return Promise.resolve('  Unpaid leave  ');
      },
    });
    expect(submitted).toMatchObject({ code: 0, err: [] });
    expect(questions).toEqual([expect.stringMatching(/\b0 of 40 expected hours.*\.\nNote: $/)]);
    expect(await weekRow(monday)).toMatchObject({ status: 'SUBMITTED', note: 'Unpaid leave' });
  });

  it('says the week changed when an entry lands between reading and submitting (exit 1)', async () => {
    const terminal = await emmaAtTerminal();
    const monday = weeksAgo(4);
    const submitted = await terminal.run(['submit', monday], {
      prompt: async () => {
        await logDays(terminal, [addDays(monday, 1)], '4');
        return 'Half a day';
      },
    });
    const now = await weekRow(monday);
    expect(submitted).toEqual({
      code: 1,
      out: [],
      err: [
        `Not submitted: the week of ${monday} changed while it was being submitted (version 0, ` +
          `now ${now?.version}): check it with \`npm run cli -- status ${monday}\` and submit again`,
      ],
    });
    expect(now?.status).toBe('OPEN');
  });

  it('shows who rejected the week and why, and submits it again', async () => {
    const terminal = await emmaAtTerminal();
    const monday = weeksAgo(5);
    await logDays(terminal, workdays(monday));
    expect((await terminal.run(['submit', monday])).code).toBe(0);
    const reason = 'Friday belongs to Support';
    const v = (await weekRow(monday))?.version;
    await asPayroll(REJECT, { userId: 'auth0|emma', weekStart: monday, reason, v });

    const shown = await terminal.run(['status', monday]);
    expect(shown.out[0]).toBe(
      `Week of ${monday} to ${sundayOf(monday)}: REJECTED (version ${(v ?? 0) + 1})`,
    );
    expect(shown.out).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Rejected {3}\d{4}-\d\d-\d\d \d\d:\d\d by Pat Payroll$/),
        `Reason     ${reason}`,
        `Next       npm run cli -- submit ${monday}`,
      ]),
    );
    const again = await terminal.run(['submit', monday]);
    expect(again).toMatchObject({ code: 0, err: [] });
    expect(await weekRow(monday)).toMatchObject({ status: 'SUBMITTED' });
  });

  it('refuses a week already submitted, and an approved one, saying why (exit 1)', async () => {
    const terminal = await emmaAtTerminal();
    const monday = weeksAgo(7);
    await logDays(terminal, workdays(monday));
    expect((await terminal.run(['submit', monday])).code).toBe(0);
    const twice = await terminal.run(['submit', monday]);
    expect(twice).toEqual({
      code: 1,
      out: [],
      err: [`Not submitted: the week of ${monday} is already submitted and waits for a manager`],
    });
    const v = (await weekRow(monday))?.version;
    await asPayroll(APPROVE, { userId: 'auth0|emma', weekStart: monday, v });
    const approved = await terminal.run(['submit', monday]);
    expect(approved.err).toEqual([
      `Not submitted: the week of ${monday} is approved, and an approved week is frozen`,
    ]);
    const shown = await terminal.run(['status', monday]);
    expect(shown.out).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Approved {3}\d{4}-\d\d-\d\d \d\d:\d\d by Pat Payroll$/),
      ]),
    );
    expect(await weekRow(monday)).toMatchObject({ status: 'APPROVED' });
    const logged = await terminal.run(['log', '1', 'Support', '--date', addDays(monday, 5)]);
    expect(logged).toEqual({
      code: 1,
      out: [],
      err: ['The week is approved, so it is frozen: nothing in it can change (CliLogTime)'],
    });
  });

  it('refuses a week of a closed period, and status says it is closed (exit 1)', async () => {
    const terminal = await emmaAtTerminal();
    const monday = weeksAgo(10);
    await logDays(terminal, [monday]);
    await asPayroll(CLOSE, { through: sundayOf(monday) });
    const before = await weekRow(monday);
    const refused = await terminal.run(['submit', monday, '--note', 'Closed already?']);
    expect(refused).toEqual({
      code: 1,
      out: [],
      err: [
        `Not submitted: the payroll period is closed through ${sundayOf(monday)}, so the week ` +
          `of ${monday} can no longer change`,
      ],
    });
    expect(await weekRow(monday)).toEqual(before);
    const shown = await terminal.run(['status', monday]);
    expect(shown.out.at(-1)).toBe(
      `Period    closed through ${sundayOf(monday)}: nothing in this week can change`,
    );
  });

  it('refuses a week that has not started (exit 2)', async () => {
    const terminal = await emmaAtTerminal();
    const next = addDays(THIS_MONDAY, 7);
    const future = await terminal.run(['submit', addDays(next, 2), '--note', 'Early']);
    expect(future).toEqual({ code: 2, out: [], err: [expect.any(String)] });
    expect(future.err[0]).toMatch(new RegExp(`^Not submitted: .*${next}.* has not started yet`));
  });

  it('refuses a week it cannot read, or an empty note, sending nothing (exit 2)', async () => {
    let requests = 0;
    const counter = createServer((_req, res) => {
      requests += 1;
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => counter.listen(0, '127.0.0.1', resolve));
    const apiUrl = `http://127.0.0.1:${(counter.address() as AddressInfo).port}/graphql`;
    try {
      const terminal = await emmaAtTerminal();
      const env = { TIMESHEETS_API_URL: apiUrl };
      const vague = await terminal.run(['status', 'someday'], { env });
      expect(vague.err).toEqual([
        'The week must be `this`, `last` or a date in the week (YYYY-MM-DD), got "someday"',
      ]);
      const empty = await terminal.run(['submit', 'last', '--note', ' '], { env });
      expect(empty).toEqual({ code: 2, out: [], err: ['--note must not be empty'] });
      const two = await terminal.run(['submit', 'last', 'this'], { env });
      expect(two.code).toBe(2);
      expect(two.err[0]).toMatch(/^usage: /);
      expect(requests).toBe(0);
    } finally {
      counter.close();
    }
  });
});
