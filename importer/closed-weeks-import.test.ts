import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '../test/api';
import { startTestIssuer, type TestIssuer } from '../test/issuer';
import { LOCAL_AUDIENCE, startLocalStack, type LocalStack } from '../test/local-stack';
import { submitWeekThroughApi } from '../test/weeks';
import { formatSummary, runImport, type ImportSettings } from './run-import';

const NOW = new Date('2026-11-25T12:00:00Z');
const HEADER = 'externalId,userId,date,project,hours,notes';
const PAYROLL = ['read:timesheets', 'approve:timesheets', 'approve:all-teams', 'close:periods'];
const APPROVE = `mutation Approve($userId: ID!, $weekStart: LocalDate!, $v: Int) {
  approveWeek(userId: $userId, weekStart: $weekStart, expectedVersion: $v) { id }
}`;
const CLOSE = `mutation Close($through: LocalDate!) {
  closePeriod(through: $through, reason: "October payroll") { period { closedThrough } }
}`;

let stack: LocalStack;
/** The people's side: a second API on the same database, trusting a test issuer of person tokens. */
let issuer: TestIssuer;
let office: TestApi;

beforeAll(async () => {
  stack = await startLocalStack({ now: () => NOW });
  issuer = await startTestIssuer();
  office = await startTestApi(issuer, stack.database, { now: () => NOW });
});

afterAll(async () => {
  await office.close();
  await issuer.close();
  await stack.close();
});

function settings(file: string): ImportSettings {
  return {
    file,
    apiUrl: stack.api.url,
    client: {
      issuer: stack.idp.issuer,
      audience: LOCAL_AUDIENCE,
      clientId: 'timesheets-importer',
      clientSecret: 'importer-dev-secret',
    },
  };
}

function writeCsv(name: string, lines: string[]): string {
  const path = join(stack.dir, name);
  writeFileSync(path, `${[HEADER, ...lines].join('\n')}\n`);
  return path;
}

describe('the entries import into weeks and periods that can no longer change', () => {
  it('writes the other lines and names each refused line with why: an approved week, a closed period', async () => {
    const first = await runImport(
      settings(writeCsv('before.csv', ['cw-1,auth0|olivia,2026-11-16,Ops,8,'])),
    );
    expect(first).toEqual({ created: 1, unchanged: 0, rejected: [] });
    const submitted = await submitWeekThroughApi(office, issuer, 'auth0|olivia', '2026-11-16');
    const payroll = await issuer.userToken('auth0|pat', PAYROLL);
    const variables = { userId: 'auth0|olivia', weekStart: '2026-11-16', v: submitted.version };
    await office.ok(APPROVE, variables, payroll);
    await office.ok(CLOSE, { through: '2026-11-08' }, payroll);

    const summary = await runImport(
      settings(
        writeCsv('after.csv', [
          'cw-2,auth0|eli,2026-11-20,Audit,2,',
          'cw-3,auth0|olivia,2026-11-17,Ops,4,',
          'cw-4,auth0|eli,2026-11-05,Audit,3,',
        ]),
      ),
    );
    expect(formatSummary(summary)).toBe(
      [
        'created 1, unchanged 0, rejected 2',
        '  line 3 (cw-3): the week of 2026-11-16 of auth0|olivia is APPROVED: an approved week is frozen',
        '  line 4 (cw-4): 2026-11-05 is in a closed period: nothing on or before 2026-11-08 can change',
      ].join('\n'),
    );
    const stored = await stack.database.db
      .selectFrom('timesheet_entries')
      .select('external_id')
      .where('external_id', 'in', ['cw-2', 'cw-3', 'cw-4'])
      .execute();
    expect(stored).toEqual([{ external_id: 'cw-2' }]);
  });
});
