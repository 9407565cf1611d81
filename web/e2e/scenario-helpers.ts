import type { Page } from 'playwright-core';
import { addDays, startOfWeek } from '../../core';
import { formatDay, todayLocal } from '../lib/format';
import { screenshot, seriousViolations } from './harness';

/** The development users of the local tenant (`idp/tenant.json`). */
export const USERS = {
  emma: ['emma@abc.example', 'emma-dev-password'],
  eli: ['eli@abc.example', 'eli-dev-password'],
  carlos: ['carlos@contractor.example', 'carlos-dev-password'],
  maria: ['maria@abc.example', 'maria-dev-password'],
  omar: ['omar@abc.example', 'omar-dev-password'],
  olivia: ['olivia@abc.example', 'olivia-dev-password'],
} as const;

/** Screenshots the page and expects axe to find no serious or critical violation on it. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect({ screen: name, violations: await seriousViolations(page) }).toEqual({
    screen: name,
    violations: [],
  });
}

/** The add-entry form of the week page. */
export function addForm(page: Page) {
  return page.getByRole('region', { name: 'Add an entry' });
}

/** Adds an entry through the form and waits for the confirmation. */
export async function addEntry(
  page: Page,
  project: string,
  hours: string,
  options: { notes?: string; date?: string } = {},
): Promise<void> {
  const form = addForm(page);
  if (options.date) await form.getByLabel('Date', { exact: true }).fill(options.date);
  await form.getByLabel('Project', { exact: true }).fill(project);
  await form.getByLabel('Hours', { exact: true }).fill(hours);
  if (options.notes) await form.getByLabel(/Notes/).fill(options.notes);
  await form.getByRole('button', { name: 'Add entry' }).click();
  await form
    .getByRole('status')
    .filter({ hasText: `Added ${hours} h on ${project}` })
    .waitFor();
}

/** One entry in a list of entries (My entries, or a week in Approvals). */
export function entryItem(page: Page, project: string) {
  return page.locator('li.entry').filter({ hasText: project });
}

/** The Monday of the week `weeksBack` weeks before this one. */
export function mondayWeeksAgo(weeksBack: number): string {
  return addDays(startOfWeek(todayLocal()), -7 * weeksBack);
}

/** A status message (role=status) saying `text`. */
export function statusMessage(page: Page, text: string) {
  return page.getByRole('status').filter({ hasText: text });
}

/** The hours field of one project on one day in the week grid (or the phone's day list). */
export function weekCell(page: Page, project: string, date: string) {
  return page.getByLabel(`${project}, ${formatDay(date)}`, { exact: true });
}

/** The week's status panel. */
export function weekStatus(page: Page) {
  return page.getByTestId('week-status');
}

/**
 * Submits the week on show with a note (the API requires one when the week is short of its
 * expected hours) and waits until its status says Submitted.
 */
export async function submitWeek(page: Page, note: string): Promise<void> {
  const status = weekStatus(page);
  await status.getByLabel(/Note for your manager/).fill(note);
  await status.getByRole('button', { name: 'Submit week' }).click();
  await statusMessage(page, 'Submitted the week').waitFor();
  await status.getByText('Submitted', { exact: true }).waitFor();
}
