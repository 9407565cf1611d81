import { addDays } from '../../core';
import { RecordAbsenceDocument, SaveWeekDocument } from '../gql/graphql';
import { formatDay } from '../lib/format';
import { APP, callApi, check, openBrowser, recordApiTokens, signIn } from './harness';
import type { Page } from 'playwright-core';
import {
  addEntry,
  expectAccessible,
  mondayWeeksAgo,
  statusMessage,
  submitWeek,
  USERS,
  weekCell,
  weekStatus,
} from './scenario-helpers';

const PAULA = ['paula@abc.example', 'paula-dev-password'] as const;

/** Adds an empty project row to the week grid. */
async function addRow(page: Page, project: string): Promise<void> {
  await page.getByLabel('New project row', { exact: true }).fill(project);
  await page.getByRole('button', { name: 'Add row' }).click();
}

/** Saves the grid and waits for the confirmation. */
async function saveGrid(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save week' }).click();
  await statusMessage(page, 'Saved the week').waitFor();
}

/** One person's week on the board. */
function boardRow(page: Page, name: string) {
  return page.locator('li.board-week').filter({ hasText: name });
}

/**
 * The weekly cycle of issue 14 in the browser: the grid, submitting short with a note, the
 * board, withdrawing by an edit, the closed period, and the phone view. Each scenario uses its own
 * week, so that closing one period leaves the others open.
 */
export function weekCycleScenarios(): void {
  it('lets Emma fill her week in the grid and submit it short with a note, and Maria approve it from the board', async () => {
    const emma = await openBrowser();
    const maria = await openBrowser();
    const monday = mondayWeeksAgo(1);
    const [mon, tue, wed] = [monday, addDays(monday, 1), addDays(monday, 2)];
    try {
      await signIn(emma.page, ...USERS.emma);
      await emma.page.goto(`${APP}/week/?week=${monday}`);
      await check.contains(weekStatus(emma.page), 'Open');

      await addRow(emma.page, 'E2E Atlas');
      await addRow(emma.page, 'E2E Boreas');
      // Type, and move with the keyboard: → to the next day, ↓ to the next project.
      await weekCell(emma.page, 'E2E Atlas', mon).fill('8');
      await emma.page.keyboard.press('ArrowRight');
      await check.focused(weekCell(emma.page, 'E2E Atlas', tue));
      await emma.page.keyboard.type('7.5');
      await emma.page.keyboard.press('ArrowDown');
      await check.focused(weekCell(emma.page, 'E2E Boreas', tue));
      await emma.page.keyboard.press('Tab');
      await check.focused(weekCell(emma.page, 'E2E Boreas', wed));
      await emma.page.keyboard.type('4');
      await check.text(emma.page.getByTestId('week-total'), '19.5');
      await check.text(emma.page.getByTestId(`day-total-${tue}`), '7.5');
      await expectAccessible(emma.page, '20-week-grid-unsaved');
      await saveGrid(emma.page);
      await emma.page.reload();
      await check.value(weekCell(emma.page, 'E2E Atlas', tue), '7.5');
      await check.text(emma.page.getByTestId('week-total'), '19.5');
      await check.contains(weekStatus(emma.page), '19.5 h recorded of 40 h expected');

      // Short of 40 hours and no note: the API's field error shows at the note.
      const status = weekStatus(emma.page);
      await status.getByRole('button', { name: 'Submit week' }).click();
      const note = status.getByLabel(/Note for your manager/);
      await check.attribute(note, 'aria-invalid', 'true');
      await check.focused(note);
      await expectAccessible(emma.page, '21-submit-needs-note');
      await submitWeek(emma.page, 'E2E: Thursday and Friday at a conference');
      await check.contains(status, 'with the note: E2E: Thursday and Friday at a conference');

      await signIn(maria.page, ...USERS.maria);
      await maria.page.getByRole('link', { name: 'Team board' }).click();
      await maria.page.getByRole('heading', { name: 'Team board', level: 1 }).waitFor();
      await maria.page.goto(`${APP}/board/?week=${monday}`);
      const row = boardRow(maria.page, 'Emma Employee');
      await check.contains(row, 'Submitted');
      await check.contains(row, '19.5 h recorded of 40 h expected');
      await check.contains(row, `Missing: ${formatDay(addDays(monday, 3))}`);
      await row.getByRole('button', { name: 'Open to decide' }).click();
      await check.contains(
        row,
        'Note from Emma Employee: E2E: Thursday and Friday at a conference',
      );
      await check.contains(row, 'E2E Boreas');
      await expectAccessible(maria.page, '22-board-open-week');
      await row.getByRole('button', { name: 'Approve week' }).click();
      await check.visible(statusMessage(maria.page, 'Approved Emma Employee’s week'));
      await check.contains(boardRow(maria.page, 'Emma Employee'), 'Approved · locked');

      await emma.page.reload();
      await check.contains(weekStatus(emma.page), 'Approved · locked');
      await check.contains(weekStatus(emma.page), 'Approved by Maria Manager');
      await check.count(weekCell(emma.page, 'E2E Atlas', mon), 0);
      await check.count(emma.page.getByRole('button', { name: 'Save week' }), 0);
    } finally {
      await emma.close();
      await maria.close();
    }
  });

  it('takes a submitted week back to Open when Emma edits it, and opens a cell of several entries', async () => {
    const emma = await openBrowser();
    const monday = mondayWeeksAgo(3);
    const tue = addDays(monday, 1);
    try {
      await signIn(emma.page, ...USERS.emma);
      await emma.page.goto(`${APP}/week/?week=${monday}`);
      await addRow(emma.page, 'E2E Castor');
      await weekCell(emma.page, 'E2E Castor', monday).fill('6');
      await saveGrid(emma.page);
      await submitWeek(emma.page, 'E2E: a short week');

      // Withdraw, and submit again.
      await weekStatus(emma.page).getByRole('button', { name: 'Withdraw' }).click();
      await check.visible(statusMessage(emma.page, 'Withdrew the week'));
      await check.contains(weekStatus(emma.page), 'Open');
      await submitWeek(emma.page, 'E2E: a short week, again');

      // An edit of the submitted week withdraws it: the manager never approves a moving target.
      await weekCell(emma.page, 'E2E Castor', monday).fill('7');
      await emma.page.getByRole('button', { name: 'Save week' }).click();
      await check.visible(statusMessage(emma.page, 'The week went back to Open'));
      await check.contains(weekStatus(emma.page), 'Open');
      await emma.page.getByText(/History of the week/).click();
      await check.contains(emma.page.locator('.week-history'), 'withdrew the week');

      // Two entries in one cell: the grid opens them instead of guessing which to change.
      await addEntry(emma.page, 'E2E Pollux', '1', { date: tue });
      await addEntry(emma.page, 'E2E Pollux', '2', { date: tue });
      const cell = emma.page.getByRole('button', {
        name: new RegExp(`3 h in 2 entries, E2E Pollux, ${formatDay(tue)}, open them`),
      });
      await cell.click();
      const opened = emma.page.getByRole('region', { name: /E2E Pollux.*2 entries/ });
      await check.count(opened.getByRole('link'), 2);
      await check.contains(opened, '1 h on E2E Pollux');
      await expectAccessible(emma.page, '23-week-multi-entry-cell');
    } finally {
      await emma.close();
    }
  });

  it('lets Paula close the period, after which Emma can change nothing in it, and reopen it', async () => {
    const emma = await openBrowser();
    const paula = await openBrowser();
    const tokens = recordApiTokens(emma.page);
    const monday = mondayWeeksAgo(8);
    const sunday = addDays(monday, 6);
    try {
      await signIn(emma.page, ...USERS.emma);
      await emma.page.goto(`${APP}/week/?week=${monday}`);
      await addRow(emma.page, 'E2E Deneb');
      await weekCell(emma.page, 'E2E Deneb', monday).fill('8');
      await saveGrid(emma.page);

      await signIn(paula.page, ...PAULA);
      await paula.page.getByRole('link', { name: 'Period' }).click();
      await paula.page.getByRole('heading', { name: 'Payroll period', level: 1 }).waitFor();
      await paula.page.getByLabel('Last day of the period').fill(sunday);
      await paula.page.getByLabel(/^Reason/).fill('E2E payroll');
      await paula.page.getByRole('button', { name: 'Close the period' }).click();
      const dialog = paula.page.getByRole('dialog');
      await check.visible(dialog);
      // Before closing: what the close would freeze unapproved.
      await check.contains(dialog, `Week of ${formatDay(monday)}:`);
      await check.contains(dialog, 'Emma Employee (Open)');
      await dialog.getByRole('button', { name: 'Close period' }).click();
      await check.contains(paula.page.getByTestId('closed-through'), 'Closed through');
      const notApproved = paula.page.getByRole('region', { name: /Not approved/ });
      await check.contains(notApproved, 'Emma Employee');
      await expectAccessible(paula.page, '24-period-closed');

      await emma.page.reload();
      const status = weekStatus(emma.page);
      await check.contains(status, 'Period closed');
      await check.contains(status, 'by Paula Payroll: E2E payroll');
      await check.count(weekCell(emma.page, 'E2E Deneb', monday), 0);
      await check.count(emma.page.getByRole('button', { name: /Save week|Submit week/ }), 0);
      await check.count(emma.page.getByRole('button', { name: /Edit entry|Delete entry/ }), 0);
      await expectAccessible(emma.page, '25-week-closed');

      // The API refuses too, naming the closed date.
      const token = tokens[tokens.length - 1] ?? '';
      const save = await callApi(token, SaveWeekDocument, {
        weekStart: monday,
        expectedVersion: 1,
        cells: [{ date: monday, project: 'E2E Deneb', hours: 1 }],
      });
      expect(save.body.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        closedThrough: sunday,
      });
      const absence = await callApi(token, RecordAbsenceDocument, {
        date: monday,
        kind: 'SICK',
        hours: 8,
      });
      expect(absence.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });

      // Reopening from that Monday opens the week again.
      await paula.page.getByLabel('First day that opens again').fill(monday);
      await paula.page.getByLabel('Reason for reopening').fill('E2E: a correction');
      await paula.page.getByRole('button', { name: 'Reopen' }).click();
      await check.visible(statusMessage(paula.page, `Reopened from ${formatDay(monday)}`));
      await check.contains(
        paula.page.getByRole('region', { name: 'History' }),
        'E2E: a correction',
      );
      await emma.page.reload();
      await check.value(weekCell(emma.page, 'E2E Deneb', monday), '8');
    } finally {
      await emma.close();
      await paula.close();
    }
  });

  it('shows the week day by day at phone width, with nothing scrolling sideways', async () => {
    const emma = await openBrowser({ width: 390, height: 844 });
    const { page } = emma;
    const monday = mondayWeeksAgo(5);
    const tue = addDays(monday, 1);
    try {
      await signIn(page, ...USERS.emma);
      await page.goto(`${APP}/week/?week=${monday}`);
      await check.visible(page.getByRole('heading', { name: formatDay(tue), level: 3 }));
      await check.count(page.locator('table.week-grid'), 0);
      await addRow(page, 'E2E Phone');
      await weekCell(page, 'E2E Phone', tue).fill('6.25');
      await check.text(page.getByTestId(`day-total-${tue}`), '6.25 h');
      await saveGrid(page);
      await check.text(page.getByTestId('week-total'), '6.25');
      await check.contains(weekStatus(page), '6.25 h recorded');
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(sideways).toBe(0);
      await expectAccessible(page, '26-week-phone');

      // The manager's board at phone width: nothing scrolls sideways either.
      const maria = await openBrowser({ width: 390, height: 844 });
      try {
        await signIn(maria.page, ...USERS.maria);
        await maria.page.goto(`${APP}/board/?week=${monday}`);
        await check.contains(boardRow(maria.page, 'Emma Employee'), '6.25 h recorded');
        const boardSideways = await maria.page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(boardSideways).toBe(0);
        await expectAccessible(maria.page, '27-board-phone');
      } finally {
        await maria.close();
      }

      // The week after starts from this one's rows.
      const next = addDays(monday, 7);
      await page.goto(`${APP}/week/?week=${next}`);
      await page.getByRole('button', { name: 'Copy last week’s rows' }).click();
      await check.visible(statusMessage(page, 'Copied 1 row from last week: E2E Phone.'));
      await check.value(weekCell(page, 'E2E Phone', next), '');
    } finally {
      await emma.close();
    }
  });
}
