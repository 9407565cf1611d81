import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { addDays, startOfWeek } from '../core/dates';
import type { Credentials } from './auth/credentials-store';
import { todayLocal } from './format';
import { refreshTokens } from '../idp/testing-code-flow';
import { LOCAL_AUDIENCE, openTerminal, startCliStack, type LocalStack } from './testing';

const EMMA = { email: 'emma@abc.example', password: 'emma-dev-password' };
const CARLOS = { email: 'carlos@contractor.example', password: 'carlos-dev-password' };
const HOUR = 60 * 60 * 1000;
/** Monday of last week: a week every test may log time in (no date later than tomorrow). */
const LAST_MONDAY = addDays(startOfWeek(todayLocal(new Date())), -7);

let stack: LocalStack;

beforeAll(async () => {
  stack = await startCliStack();
});

afterAll(() => stack.close());

const credentialsOf = (configDir: string) =>
  JSON.parse(readFileSync(join(configDir, 'credentials.json'), 'utf8')) as Credentials;
const inThreeHours = () => new Date(Date.now() + 3 * HOUR);

/** A stored session of Emma's, for tests that need one without signing in. */
const STORED_SESSION: Credentials = {
  issuer: '',
  clientId: 'timesheets-cli',
  audience: LOCAL_AUDIENCE,
  refreshToken: 'a-refresh-token',
  user: { sub: 'auth0|emma', name: 'Emma Employee', email: 'emma@abc.example' },
};

/** The issuer URL of a loopback port nobody listens on (a server that is down). */
async function deadIssuer(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/`;
}

describe('npm run cli -- login', () => {
  it('signs in through the browser, stores the session in a 0600 file and says who signed in', async () => {
    const terminal = openTerminal(stack);
    const result = await terminal.login(EMMA);
    expect(result.code).toBe(0);
    expect(result.out).toEqual(['Signed in as Emma Employee.']);
    const url = new URL(/http\S+authorize\S+/.exec(result.err.join('\n'))?.[0] ?? '');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'timesheets-cli',
      response_type: 'code',
      code_challenge_method: 'S256',
      scope: 'openid profile email offline_access read:timesheets create:timesheets',
      audience: 'https://timesheets.abc-inc.example/api',
      redirect_uri: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/callback$/),
    });
    expect(result.consentPage).toContain('<h1>Authorize Timesheets CLI</h1>');
    expect(result.consentPage).toContain('act on behalf of Emma Employee');
    expect(result.consentPage).toContain('It will stay signed in');
    expect(result.consentPage).toContain(`<code>${url.searchParams.get('redirect_uri')}</code>`);
    expect(result.page).toContain('Signed in to Timesheets');
    const file = join(terminal.configDir, 'credentials.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(terminal.configDir).mode & 0o777).toBe(0o700);
    expect(credentialsOf(terminal.configDir)).toMatchObject({
      issuer: stack.idp.issuer,
      clientId: 'timesheets-cli',
      refreshToken: expect.any(String),
      user: { sub: 'auth0|emma', email: 'emma@abc.example' },
    });
  });

  it('fails with access_denied and stores nothing when the person denies consent (exit 1)', async () => {
    const terminal = openTerminal(stack);
    const result = await terminal.login({ ...EMMA, consent: 'deny' });
    expect(result.code).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.err.at(-1)).toBe('Sign-in failed: access_denied: End-User aborted interaction');
    expect(result.page).toContain('Sign-in failed');
    expect(existsSync(join(terminal.configDir, 'credentials.json'))).toBe(false);
  });
});

describe('npm run cli -- log and week', () => {
  it('run against an API that takes trusted documents only', async () => {
    const { status, body } = await stack.api.gql('{ me { id } }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
  });

  it('logs time once per command and shows the week with daily and weekly totals', async () => {
    const terminal = openTerminal(stack);
    await terminal.login(CARLOS);
    const tuesday = addDays(LAST_MONDAY, 1);
    const logged = await terminal.run(['log', '7.5', 'Website relaunch', '--date', tuesday]);
    expect(logged).toMatchObject({ code: 0, err: [] });
    expect(logged.out[0]).toMatch(
      new RegExp(`^Logged 7\\.50 h on Website relaunch, Tue ${tuesday} \\(PENDING, id .+\\)$`),
    );
    await terminal.run(['log', '0.25', 'Support', '--date', tuesday, '--notes', 'Tickets']);
    await terminal.run(['log', '1', 'Support', '--date', addDays(LAST_MONDAY, 6)]);

    const rows = await stack.database.db
      .selectFrom('timesheet_entries')
      .select(['date', 'project', 'hundredths', 'notes'])
      .where('user_id', '=', 'auth0|carlos')
      .orderBy('date')
      .orderBy('project')
      .execute();
    expect(rows).toEqual([
      { date: tuesday, project: 'Support', hundredths: 25, notes: 'Tickets' },
      { date: tuesday, project: 'Website relaunch', hundredths: 750, notes: null },
      { date: addDays(LAST_MONDAY, 6), project: 'Support', hundredths: 100, notes: null },
    ]);

    const week = await terminal.run(['week', '--date', addDays(LAST_MONDAY, 3)]);
    expect(week.code).toBe(0);
    expect(week.out[0]).toBe(`Week of ${LAST_MONDAY} to ${addDays(LAST_MONDAY, 6)}`);
    expect(week.out.join('\n')).toMatch(
      new RegExp(
        [
          `Tue  ${tuesday}  Support\\s+0\\.25  PENDING  Tickets`,
          `\\s+Website relaunch\\s+7\\.50  PENDING`,
          `\\s+day total\\s+7\\.75`,
        ].join('\n'),
      ),
    );
    expect(week.out.at(-1)).toMatch(/^\s+Week total\s+8\.75$/);
  });

  it('refuses bad input before sending anything, naming the field (exit 2)', async () => {
    let requests = 0;
    const counter = createServer((_req, res) => {
      requests += 1;
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => counter.listen(0, '127.0.0.1', resolve));
    const apiUrl = `http://127.0.0.1:${(counter.address() as AddressInfo).port}/graphql`;
    try {
      const terminal = openTerminal(stack);
      await terminal.login(EMMA);
      const env = { TIMESHEETS_API_URL: apiUrl };
      const tooMuch = await terminal.run(['log', '25', 'Support', '--date', LAST_MONDAY], { env });
      expect(tooMuch).toEqual({ code: 2, out: [], err: ['Not sent: hours must be at most 24'] });
      const notANumber = await terminal.run(['log', '7,5', 'Support'], { env });
      expect(notANumber.err).toEqual(['hours must be a number such as 7.5, got "7,5"']);
      const blank = await terminal.run(['log', '1', '  ', '--date', '2026-02-30'], { env });
      expect(blank.err).toEqual([
        'Not sent: date must be a real calendar date (YYYY-MM-DD), got "2026-02-30"; project must not be empty',
      ]);
      expect(requests).toBe(0);
    } finally {
      counter.close();
    }
  });

  it('passes on the API refusal by its field when the day would pass 24 hours (exit 2)', async () => {
    const terminal = openTerminal(stack);
    await terminal.login(EMMA);
    const day = addDays(LAST_MONDAY, 2);
    expect((await terminal.run(['log', '20', 'Support', '--date', day])).code).toBe(0);
    const refused = await terminal.run(['log', '5', 'Support', '--date', day]);
    expect(refused.code).toBe(2);
    expect(refused.err[0]).toMatch(/^The API refused the entry: hours on .* more than 24/);
  });
});

describe('the session', () => {
  it('refreshes an expired access token silently and keeps the rotated refresh token', async () => {
    const terminal = openTerminal(stack);
    await terminal.login(EMMA);
    const before = credentialsOf(terminal.configDir);
    const week = await terminal.run(['week', '--date', LAST_MONDAY], { now: inThreeHours });
    expect(week).toMatchObject({ code: 0, err: [] });
    const after = credentialsOf(terminal.configDir);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(statSync(join(terminal.configDir, 'credentials.json')).mode & 0o777).toBe(0o600);
  });

  it('refreshes once when the API refuses the cached access token (401)', async () => {
    const terminal = openTerminal(stack);
    await terminal.login(EMMA);
    const file = join(terminal.configDir, 'credentials.json');
    const stale = { ...credentialsOf(terminal.configDir), accessToken: 'revoked.by.issuer' };
    writeFileSync(file, JSON.stringify(stale), { mode: 0o600 });
    const week = await terminal.run(['week', '--date', LAST_MONDAY]);
    expect(week).toMatchObject({ code: 0, err: [] });
    expect(credentialsOf(terminal.configDir).refreshToken).not.toBe(stale.refreshToken);
  });

  it('says to sign in again when the refresh token is refused (exit 3)', async () => {
    const terminal = openTerminal(stack);
    await terminal.login(EMMA);
    const file = join(terminal.configDir, 'credentials.json');
    const copy = readFileSync(file, 'utf8');
    await terminal.run(['week', '--date', LAST_MONDAY], { now: inThreeHours });
    // An old copy of the file: its refresh token was used already, so the issuer revokes the family.
    writeFileSync(file, copy, { mode: 0o600 });
    const week = await terminal.run(['week', '--date', LAST_MONDAY], { now: inThreeHours });
    expect(week).toEqual({
      code: 3,
      out: [],
      err: ['Your session has ended: run `npm run cli -- login`'],
    });
    const again = await terminal.run(['week']);
    expect(again.err).toEqual(['You are not signed in: run `npm run cli -- login`']);
  });

  it('logout revokes the refresh token on the server, then deletes the stored session', async () => {
    const terminal = openTerminal(stack);
    await terminal.login(EMMA);
    const { refreshToken } = credentialsOf(terminal.configDir);
    const logout = await terminal.run(['logout']);
    expect(logout).toEqual({
      code: 0,
      out: ['Signed out: the session is revoked on the server and the local credentials deleted.'],
      err: [],
    });
    const refresh = await refreshTokens(stack.idp.issuer, 'timesheets-cli', refreshToken);
    expect(refresh.status).toBe(400);
    expect(refresh.body).toMatchObject({ error: 'invalid_grant' });
    const week = await terminal.run(['week']);
    expect(week).toMatchObject({
      code: 3,
      err: ['You are not signed in: run `npm run cli -- login`'],
    });
  });

  it('logout deletes the session when the server is down, saying it could not revoke (exit 1)', async () => {
    const terminal = openTerminal(stack);
    const issuer = await deadIssuer();
    const file = join(terminal.configDir, 'credentials.json');
    const session = { ...STORED_SESSION, issuer };
    writeFileSync(file, JSON.stringify(session), { mode: 0o600 });
    const logout = await terminal.run(['logout'], { env: { TIMESHEETS_ISSUER: issuer } });
    expect(logout.code).toBe(1);
    expect(logout.out).toEqual(['Signed out on this computer: the local credentials are deleted.']);
    expect(logout.err).toEqual([
      expect.stringMatching(
        new RegExp(
          `^The refresh token could not be revoked on the server \\(Cannot use the authorization server at ${issuer.replace(/[.[\]/]/g, '\\$&')} .*\\): it stays valid there until it expires\\.$`,
        ),
      ),
    ]);
    expect(existsSync(file)).toBe(false);
  });
});
