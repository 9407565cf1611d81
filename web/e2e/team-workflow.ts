import { addDays } from '../../core';
import { UpdateTimesheetDocument } from '../gql/graphql';
import { APP, callApi, check, openBrowser, recordApiTokens, signIn } from './harness';
import {
  addEntry,
  entryItem,
  expectAccessible,
  mondayWeeksAgo,
  statusMessage,
  submitWeek,
  USERS,
  weekCell,
} from './scenario-helpers';

/**
 * The team workflow of issue 7 in the browser: edits and conflicts, reject → fix → resubmit →
 * approve, weekly approval, team isolation and history. Registered inside the suite that owns
 * the stack, so one stack serves every scenario (each makes its own data).
 */
export function teamWorkflowScenarios(): void {
  it('edits an entry in place, and reloads it when it changed elsewhere before saving', async () => {
    const browser = await openBrowser();
    const { page } = browser;
    const tokens = recordApiTokens(page);
    try {
      await signIn(page, ...USERS.emma);
      await addEntry(page, 'E2E Hydra', '8');
      const item = entryItem(page, 'E2E Hydra');
      const id = await item.getAttribute('data-entry-id');

      await item.getByRole('button', { name: /^Edit entry/ }).click();
      const form = page.getByRole('form', { name: 'Edit this entry' });
      await check.focused(form.getByLabel('Hours', { exact: true }));
      await form.getByLabel('Hours', { exact: true }).fill('30');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await check.visible(form.getByText('Hours must be at most 24.'));
      await expectAccessible(page, '13-edit-entry-errors');
      await form.getByLabel('Hours', { exact: true }).fill('6');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await check.visible(statusMessage(page, 'Saved: 6 h on E2E Hydra'));
      const date = await item.getAttribute('data-entry-date');
      await check.value(weekCell(page, 'E2E Hydra', date ?? ''), '6');
      await check.focused(item.getByRole('button', { name: /^Edit entry/ }));

      // Someone changes the entry (another tab, the API) after the form was opened.
      await item.getByRole('button', { name: /^Edit entry/ }).click();
      await form.getByLabel('Hours', { exact: true }).fill('4');
      const token = tokens[tokens.length - 1] ?? '';
      const changed = await callApi(token, UpdateTimesheetDocument, {
        id,
        expectedVersion: 2,
        input: { hours: 5 },
      });
      expect(changed.body.errors).toBeUndefined();
      await form.getByRole('button', { name: 'Save changes' }).click();
      await check.visible(form.getByText(/changed elsewhere .* now version 3/));
      await check.value(form.getByLabel('Hours', { exact: true }), '5');
      await expectAccessible(page, '14-edit-conflict');
      await form.getByLabel('Hours', { exact: true }).fill('4');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await check.visible(statusMessage(page, 'Saved: 4 h on E2E Hydra'));
      await check.value(weekCell(page, 'E2E Hydra', date ?? ''), '4');

      await item.getByRole('link', { name: /Details/ }).click();
      await page.getByRole('heading', { name: 'History' }).waitFor();
      const history = page.getByRole('region', { name: 'History' });
      await check.contains(history, 'Emma Employee logged the entry');
      await check.contains(history, 'Hours: 8 h → 6 h');
      await check.contains(history, 'Hours: 5 h → 4 h');
      await expectAccessible(page, '15-entry-details');
    } finally {
      await browser.close();
    }
  });

  it('lets a rejected entry be fixed and resubmitted, then approved, with the approver in its history', async () => {
    const eli = await openBrowser();
    const maria = await openBrowser();
    try {
      const monday = mondayWeeksAgo(1);
      await signIn(eli.page, ...USERS.eli);
      await eli.page.goto(`${APP}/week/?week=${monday}`);
      await addEntry(eli.page, 'E2E Lyra', '3');
      await submitWeek(eli.page, 'E2E: a short week on Lyra');

      await signIn(maria.page, ...USERS.maria);
      await maria.page.getByRole('link', { name: 'Approvals' }).click();
      await maria.page.getByRole('button', { name: /Reject 3 h on E2E Lyra/ }).click();
      await maria.page
        .getByLabel('Reason for rejecting')
        .fill('Lyra is closed: book it on E2E Vega');
      await maria.page.getByRole('button', { name: 'Reject entry' }).click();
      await check.visible(statusMessage(maria.page, 'Rejected 3 h on E2E Lyra'));

      await eli.page.reload();
      const rejected = entryItem(eli.page, 'E2E Lyra');
      await check.contains(rejected, 'Reason: Lyra is closed: book it on E2E Vega');
      await rejected.getByRole('button', { name: /Fix and resubmit/ }).click();
      const form = eli.page.getByRole('form', { name: 'Fix and resubmit this entry' });
      await check.contains(form, 'Rejected: Lyra is closed');
      await expectAccessible(eli.page, '16-fix-and-resubmit');
      await form.getByLabel('Project', { exact: true }).fill('E2E Vega');
      await form.getByRole('button', { name: 'Resubmit' }).click();
      await check.visible(statusMessage(eli.page, 'Resubmitted: 3 h on E2E Vega'));
      await check.contains(entryItem(eli.page, 'E2E Vega'), 'Pending');
      // A rejected week goes back to the manager when its owner submits it again.
      await submitWeek(eli.page, 'E2E: Lyra booked on Vega');

      await maria.page.reload();
      await maria.page.getByRole('button', { name: /Approve 3 h on E2E Vega/ }).click();
      await check.visible(statusMessage(maria.page, 'Approved 3 h on E2E Vega'));
      await check.count(entryItem(maria.page, 'E2E Vega'), 0);

      await eli.page.reload();
      const approved = entryItem(eli.page, 'E2E Vega');
      await check.contains(approved, 'Approved · locked');
      await check.count(approved.getByRole('button', { name: /Edit|Fix/ }), 0);
      await approved.getByRole('link', { name: /Details/ }).click();
      const history = eli.page.getByRole('region', { name: 'History' });
      await check.contains(history, 'Maria Manager rejected the entry');
      await check.contains(history, 'Reason: Lyra is closed: book it on E2E Vega');
      await check.contains(history, 'Eli Employee fixed and resubmitted the entry');
      await check.contains(history, 'Project: E2E Lyra → E2E Vega');
      await check.contains(history, 'Maria Manager approved the entry');
    } finally {
      await eli.close();
      await maria.close();
    }
  });

  it('approves a whole person-week at once', async () => {
    const olivia = await openBrowser();
    const omar = await openBrowser();
    try {
      const monday = mondayWeeksAgo(2);
      await signIn(olivia.page, ...USERS.olivia);
      await addEntry(olivia.page, 'E2E Orion', '2', { date: addDays(monday, 1) });
      await addEntry(olivia.page, 'E2E Perseus', '3.5', { date: addDays(monday, 2) });
      await olivia.page.goto(`${APP}/week/?week=${monday}`);
      await submitWeek(olivia.page, 'E2E: part-time that week');

      await signIn(omar.page, ...USERS.omar);
      await omar.page.getByRole('link', { name: 'Approvals' }).click();
      const week = omar.page.locator('section.approval-group').filter({ hasText: 'E2E Orion' });
      await check.contains(week.getByRole('heading', { level: 2 }), 'Olivia Operations · week of');
      await check.contains(week, '5.5 hours');
      await check.contains(week, 'E2E Perseus');
      await expectAccessible(omar.page, '17-approval-weeks');
      await week.getByRole('button', { name: 'Approve week' }).click();
      await check.visible(statusMessage(omar.page, 'Approved Olivia Operations’s week of'));
      await check.count(week, 0);
      await check.count(entryItem(omar.page, 'E2E Perseus'), 0);

      await olivia.page.goto(`${APP}/week/?week=${monday}`);
      await check.contains(entryItem(olivia.page, 'E2E Orion'), 'Approved · locked');
      await check.contains(entryItem(olivia.page, 'E2E Perseus'), 'Approved · locked');
    } finally {
      await olivia.close();
      await omar.close();
    }
  });

  it('keeps teams apart: Omar sees none of Emma’s entries and cannot open one by id', async () => {
    const emma = await openBrowser();
    const olivia = await openBrowser();
    const omar = await openBrowser();
    try {
      await signIn(emma.page, ...USERS.emma);
      await addEntry(emma.page, 'E2E Secret Sauce', '1');
      const id = await entryItem(emma.page, 'E2E Secret Sauce').getAttribute('data-entry-id');
      await submitWeek(emma.page, 'E2E: a short week');
      await signIn(olivia.page, ...USERS.olivia);
      await addEntry(olivia.page, 'E2E Taurus', '1.5');
      await submitWeek(olivia.page, 'E2E: a short week');

      await signIn(omar.page, ...USERS.omar);
      await omar.page.getByRole('link', { name: 'Approvals' }).click();
      await check.visible(entryItem(omar.page, 'E2E Taurus'));
      await check.count(entryItem(omar.page, 'E2E Secret Sauce'), 0);
      await check.count(omar.page.getByText('Emma Employee'), 0);

      await omar.page.goto(`${APP}/entry/?id=${encodeURIComponent(id ?? '')}`);
      await omar.page.getByRole('heading', { name: 'Entry not found' }).waitFor();
      await check.count(omar.page.getByText('E2E Secret Sauce'), 0);
      await expectAccessible(omar.page, '18-entry-not-found');
    } finally {
      await emma.close();
      await olivia.close();
      await omar.close();
    }
  });
}
