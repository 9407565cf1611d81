import { readFileSync } from 'node:fs';
import {
  APP,
  browserAvailable,
  check,
  callApi,
  jwtClaims,
  openBrowser,
  recordApiTokens,
  SCREENSHOT_DIR,
  SHORT_TOKEN_TTL_S,
  signIn,
  startStack,
  waitUntil,
} from './harness';
import { DeleteTimesheetDocument } from '../gql/graphql';
import type { Stack } from './harness';
import { contentSecurityPolicyScenarios } from './content-security-policy';
import { takeCspViolations } from './csp-watch';
import {
  addEntry,
  addForm,
  entryItem,
  expectAccessible,
  statusMessage,
  submitWeek,
  USERS,
  weekCell,
} from './scenario-helpers';
import { teamWorkflowScenarios } from './team-workflow';
import { weekCycleScenarios } from './week-cycle';

const run = browserAvailable() ? describe : describe.skip;
jest.setTimeout(180_000);

// Every page runs under the web server's Content-Security-Policy: any violation fails the test.
afterEach(() => {
  expect(takeCspViolations()).toEqual([]);
});

run('Timesheets in a real browser', () => {
  let stack: Stack;

  beforeAll(async () => {
    console.log(`Screenshots: ${SCREENSHOT_DIR}`);
    stack = await startStack();
  }, 200_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('lets an employee sign in, add an entry, see it in the week and totals, and delete it', async () => {
    const browser = await openBrowser();
    const { page } = browser;
    try {
      await page.goto(`${APP}/`);
      await page.getByRole('heading', { name: 'Your hours, in one place' }).waitFor();
      await expectAccessible(page, '01-landing');

      await signIn(page, ...USERS.emma);
      await check.contains(page.getByRole('banner'), 'Emma Employee');
      await check.count(page.getByRole('link', { name: 'Approvals' }), 0);
      await page.getByText('No entries this week.').waitFor();
      await expectAccessible(page, '02-week-empty');

      // Inline errors from the shared rules, before anything is sent.
      const form = addForm(page);
      await form.getByLabel('Project', { exact: true }).fill('E2E Apollo');
      await form.getByRole('button', { name: 'Add entry' }).click();
      await check.visible(form.getByText('Hours must be more than 0.'));
      await check.attribute(form.getByLabel('Hours', { exact: true }), 'aria-invalid', 'true');
      await check.focused(form.getByLabel('Hours', { exact: true }));
      await expectAccessible(page, '03-entry-form-errors');

      const date = await form.getByLabel('Date', { exact: true }).inputValue();
      await addEntry(page, 'E2E Apollo', '7.5', { notes: 'Sprint planning' });
      await check.text(page.getByTestId('week-total'), '7.5');
      await check.text(page.getByTestId(`day-total-${date}`), '7.5');
      await check.value(weekCell(page, 'E2E Apollo', date), '7.5');
      await check.contains(entryItem(page, 'E2E Apollo'), 'Pending');
      await expectAccessible(page, '04-week-with-entry');

      // The week survives a reload: the session comes back through checkSession.
      await page.reload();
      await check.text(page.getByTestId('week-total'), '7.5');

      await page.getByRole('link', { name: 'Export' }).click();
      await page.getByRole('heading', { name: 'Export my entries' }).waitFor();
      await page.getByLabel('From').fill('2000-01-01');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      const csv = readFileSync(await download.path(), 'utf8');
      expect(csv).toContain(`${date},E2E Apollo,7.5,PENDING,Sprint planning,`);
      await expectAccessible(page, '05-export');

      await page.getByRole('link', { name: 'Profile' }).click();
      await page.getByRole('heading', { name: 'Your permissions' }).waitFor();
      await check.contains(page.getByRole('main'), 'emma@abc.example');
      await check.count(page.locator('.permissions li.granted'), 3);
      await expectAccessible(page, '06-profile');

      await page.goto(`${APP}/approvals/`);
      await check.contains(page.getByRole('main'), 'approve:timesheets');
      await check.contains(page.getByRole('main'), 'your manager or the ABC Inc. Auth0 admin');
      await expectAccessible(page, '07-approvals-forbidden');

      await page.getByRole('link', { name: 'My week' }).click();
      await entryItem(page, 'E2E Apollo')
        .getByRole('button', { name: /Delete entry/ })
        .click();
      const dialog = page.getByRole('dialog', { name: 'Delete this entry?' });
      await check.visible(dialog);
      await expectAccessible(page, '08-delete-confirm');
      await dialog.getByRole('button', { name: 'Delete entry' }).click();
      await check.count(entryItem(page, 'E2E Apollo'), 0);
      await check.text(page.getByTestId('week-total'), '0');
      // The deleted entry's button held the focus: it moves to the list's heading.
      await check.focused(page.getByRole('heading', { name: /My entries/ }));
    } finally {
      await browser.close();
    }
  });

  it('shows an entry approved by the manager as approved and locked to its owner', async () => {
    const eli = await openBrowser();
    const maria = await openBrowser();
    try {
      await signIn(eli.page, ...USERS.eli);
      await addEntry(eli.page, 'E2E Borealis', '8');
      await addEntry(eli.page, 'E2E Cygnus', '1.25');
      // Entries of an open week are drafts: the manager sees them once the week is submitted.
      await submitWeek(eli.page, 'E2E: the rest of the week is on another project');

      await signIn(maria.page, ...USERS.maria);
      await maria.page.getByRole('link', { name: 'Approvals' }).click();
      const group = maria.page
        .locator('section.approval-group')
        .filter({ hasText: 'E2E Borealis' });
      await check.contains(group.getByRole('heading', { level: 2 }), 'Eli Employee · week of');
      await expectAccessible(maria.page, '09-approvals');
      await group.getByRole('button', { name: /Approve 8 h on E2E Borealis/ }).click();
      await check.count(entryItem(maria.page, 'E2E Borealis'), 0);
      await check.visible(statusMessage(maria.page, 'Approved 8 h on E2E Borealis'));
      // The approved entry's button held the focus: it moves to the next entry.
      await check.focused(entryItem(maria.page, 'E2E Cygnus'));

      await maria.page.getByRole('button', { name: /Reject 1.25 h on E2E Cygnus/ }).click();
      await check.focused(maria.page.getByLabel('Reason for rejecting'));
      await maria.page.getByRole('button', { name: 'Reject entry' }).click();
      await check.visible(maria.page.getByText('Give a reason the person can act on'));
      await maria.page.getByLabel('Reason for rejecting').fill('Cygnus is billed separately');
      await maria.page.getByRole('button', { name: 'Reject entry' }).click();
      await check.count(entryItem(maria.page, 'E2E Cygnus'), 0);
      await check.visible(statusMessage(maria.page, 'Rejected 1.25 h on E2E Cygnus'));

      await eli.page.reload();
      const approved = entryItem(eli.page, 'E2E Borealis');
      await check.contains(approved, 'Approved · locked');
      await check.count(approved.getByRole('button', { name: /Delete/ }), 0);
      await check.contains(
        entryItem(eli.page, 'E2E Cygnus'),
        'Reason: Cygnus is billed separately',
      );
      await expectAccessible(eli.page, '10-week-approved-locked');
    } finally {
      await eli.close();
      await maria.close();
    }
  });

  it('gives a contractor no delete action, and the API refuses the delete anyway', async () => {
    const browser = await openBrowser({ width: 390, height: 844 });
    const { page } = browser;
    const tokens = recordApiTokens(page);
    try {
      await signIn(page, ...USERS.carlos);
      await addEntry(page, 'E2E Dorado', '4');
      const item = entryItem(page, 'E2E Dorado');
      await check.contains(item, 'Pending');
      await check.count(item.getByRole('button', { name: /Delete/ }), 0);
      await expectAccessible(page, '11-week-phone-contractor');

      const id = await item.getAttribute('data-entry-id');
      const token = tokens[tokens.length - 1];
      expect(token).toBeDefined();
      const answer = await callApi(token, DeleteTimesheetDocument, { id });
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(answer.body.errors?.[0]?.message).toContain('delete:timesheets');
      await page.reload();
      await check.count(entryItem(page, 'E2E Dorado'), 1);
    } finally {
      await browser.close();
    }
  });

  it('ends the session on sign-out: a reload, even through checkSession, stays signed out', async () => {
    const browser = await openBrowser();
    const { page } = browser;
    try {
      await signIn(page, ...USERS.emma);
      // An unsent draft is kept across a sign-in redirect, but not past signing out.
      await addForm(page).getByLabel('Project', { exact: true }).fill('E2E Unsent');
      const draft = () => page.evaluate(() => sessionStorage.getItem('timesheets.entry-draft'));
      expect(await draft()).toContain('E2E Unsent');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(`${APP}/`);
      await page.getByRole('heading', { name: 'Your hours, in one place' }).waitFor();
      expect(page.url()).not.toContain('#');
      expect(await draft()).toBeNull();

      await page.reload();
      await page.getByRole('heading', { name: 'Your hours, in one place' }).waitFor();

      // Pretend this browser still believes it is signed in: the silent check must fail.
      await page.evaluate(() => window.localStorage.setItem('timesheets.session-hint', '1'));
      const silent = page.waitForRequest((request) => request.url().includes('prompt=none'));
      await page.goto(`${APP}/week/`);
      await silent;
      await page.getByText('You are signed out.').waitFor();
      await check.count(page.getByRole('button', { name: 'Sign out' }), 0);
      await expectAccessible(page, '12-signed-out-week');

      await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
      await check.visible(page.getByLabel('Password'));
    } finally {
      await browser.close();
    }
  });

  teamWorkflowScenarios();
  weekCycleScenarios();
});

run('Timesheets with short-lived access tokens', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ IDP_ACCESS_TOKEN_TTL: String(SHORT_TOKEN_TTL_S) });
  }, 200_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('renews the access token silently while the page stays open', async () => {
    const browser = await openBrowser();
    const { page } = browser;
    const tokens = recordApiTokens(page);
    /** When each silent renewal (checkSession, prompt=none) was answered. */
    const silentRenewals: number[] = [];
    page.on('requestfinished', (request) => {
      if (request.url().includes('prompt=none')) silentRenewals.push(Date.now());
    });
    try {
      await signIn(page, ...USERS.emma);
      await addForm(page).getByLabel('Project', { exact: true }).fill('E2E Eridanus');
      await waitUntil(() => tokens.length > 0, 'a request to the API', 10_000);
      const first = tokens[tokens.length - 1] ?? '';
      const firstExpiry = jwtClaims(first).exp * 1000;
      expect(firstExpiry).toBeGreaterThan(Date.now());

      // The page stays open, untouched: its own timer renews the token before it expires.
      const lifetime = SHORT_TOKEN_TTL_S * 1000;
      await waitUntil(() => silentRenewals.length > 0, 'a silent renewal', lifetime + 5_000);
      expect(silentRenewals[0]).toBeLessThan(firstExpiry);
      await waitUntil(() => Date.now() >= firstExpiry, 'the first token to expire', lifetime);
      const sentBefore = tokens.length;

      // The first token has expired by now; the typed project is still there.
      await check.value(addForm(page).getByLabel('Project', { exact: true }), 'E2E Eridanus');
      await addForm(page).getByLabel('Hours', { exact: true }).fill('2');
      await addForm(page).getByRole('button', { name: 'Add entry' }).click();
      await page.getByRole('status').filter({ hasText: 'Added 2 h on E2E Eridanus' }).waitFor();
      const sentAfter = tokens.slice(sentBefore);
      expect(sentAfter.length).toBeGreaterThan(0);
      expect(sentAfter).not.toContain(first);
      await check.count(page.locator('.panel-error, .banner-warning'), 0);
      await check.text(page.getByTestId('week-total'), '2');
    } finally {
      await browser.close();
    }
  });

  contentSecurityPolicyScenarios();
});
