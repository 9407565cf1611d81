import { v7 as uuidv7 } from 'uuid';
import { describeEachDatabase } from '../../test/databases';
import { submitWeekOf } from '../../test/weeks';
import type { Timesheet } from './timesheet';
import { createTimesheetService } from './timesheet.service';
import type { TimesheetService } from './timesheet.service';

const NOW = new Date('2026-11-25T12:00:00.000Z');
const newUser = () => `user-${uuidv7()}`;
/** A company-wide approver (no manages claim). */
const approver = (sub: string) => ({ sub, reach: { kind: 'everyone' as const } });
const failure = (code: string, message: string) => ({
  message,
  extensions: expect.objectContaining({ code }),
});

describeEachDatabase('approving and rejecting timesheets', (getDb) => {
  let service: TimesheetService;
  const manager = newUser();
  /** An entry of a new owner, who saved it and has not submitted its week: a draft. */
  const draft = (owner = newUser()): Promise<Timesheet> =>
    service.create(
      { userId: owner, source: owner },
      { date: '2026-11-24', project: 'X', hours: 1 },
    );
  /** An entry of a new owner whose week is SUBMITTED: pending, for a manager to decide. */
  const pending = async (): Promise<Timesheet> => {
    const entry = await draft();
    await submitWeekOf(getDb().db, entry.userId, entry.date, { now: () => NOW });
    return entry;
  };
  const weekOf = (entry: Timesheet) =>
    getDb()
      .db.selectFrom('timesheet_weeks')
      .select(['status', 'version'])
      .where('user_id', '=', entry.userId)
      .where('week_start', '=', '2026-11-23')
      .executeTakeFirst();
  const rowOf = (id: string) =>
    getDb()
      .db.selectFrom('timesheet_entries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  beforeAll(() => {
    service = createTimesheetService(getDb().db, { now: () => NOW });
  });

  it('approves a pending entry of someone else and records who and when', async () => {
    const entry = await pending();
    const approved = await service.approve(approver(manager), entry.id);
    expect(approved).toEqual({
      ...entry,
      status: 'APPROVED',
      decidedBy: manager,
      decidedAt: NOW,
      version: 2,
    });
    expect(await rowOf(entry.id)).toMatchObject({
      status: 'APPROVED',
      decided_by: manager,
      decided_at: NOW.toISOString(),
      rejection_reason: null,
    });
    expect(await weekOf(entry)).toEqual({ status: 'SUBMITTED', version: 3 });
  });

  it('refuses to decide on a draft (an entry of an OPEN week) with CONFLICT naming the week status', async () => {
    const entry = await draft();
    const conflict = {
      message:
        'The week of 2026-11-23 is OPEN: only a SUBMITTED week can be decided ' +
        '(its entries are drafts until their owner submits the week)',
      extensions: expect.objectContaining({ code: 'CONFLICT', weekStatus: 'OPEN' }),
    };
    await expect(service.approve(approver(manager), entry.id)).rejects.toMatchObject(conflict);
    await expect(service.reject(approver(manager), entry.id, 'no')).rejects.toMatchObject(conflict);
    expect(await rowOf(entry.id)).toMatchObject({ status: 'PENDING', decided_by: null });
  });

  it('rejects a pending entry with its trimmed reason', async () => {
    const entry = await pending();
    const rejected = await service.reject(approver(manager), entry.id, '  wrong project ');
    expect(rejected).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'wrong project',
      decidedBy: manager,
      decidedAt: NOW,
    });
    expect(await rowOf(entry.id)).toMatchObject({
      status: 'REJECTED',
      rejection_reason: 'wrong project',
    });
    expect(await weekOf(entry)).toMatchObject({ status: 'REJECTED' });
  });

  it.each([
    ['a blank reason', '   ', 'reason must not be empty'],
    ['a 1001-character reason', 'r'.repeat(1001), 'reason must be at most 1000 characters'],
  ])('refuses %s and leaves the entry pending', async (_case, reason, message) => {
    const entry = await pending();
    await expect(service.reject(approver(manager), entry.id, reason)).rejects.toMatchObject({
      message,
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'reason' }),
    });
    expect(await rowOf(entry.id)).toMatchObject({ status: 'PENDING', decided_by: null });
  });

  it('refuses to decide again on a decided entry with CONFLICT naming its status', async () => {
    const entry = await pending();
    await service.approve(approver(manager), entry.id);
    const other = newUser();
    await expect(service.reject(approver(other), entry.id, 'late')).rejects.toMatchObject(
      failure('CONFLICT', `Timesheet ${entry.id} is APPROVED; only PENDING entries can be decided`),
    );
    await expect(service.approve(approver(other), entry.id)).rejects.toMatchObject({
      extensions: expect.objectContaining({ code: 'CONFLICT' }),
    });
    expect(await rowOf(entry.id)).toMatchObject({ status: 'APPROVED', decided_by: manager });
  });

  it('forbids deciding on one’s own entries', async () => {
    const entry = await pending();
    const owner = entry.userId;
    const message = 'You cannot decide on your own timesheet entries';
    await expect(service.approve(approver(owner), entry.id)).rejects.toMatchObject(
      failure('FORBIDDEN', message),
    );
    await expect(service.reject(approver(owner), entry.id, 'no')).rejects.toMatchObject(
      failure('FORBIDDEN', message),
    );
    expect(await rowOf(entry.id)).toMatchObject({ status: 'PENDING' });
  });

  it('answers NOT_FOUND for a missing entry and a malformed id', async () => {
    const missing = uuidv7();
    await expect(service.approve(approver(manager), missing)).rejects.toMatchObject(
      failure('NOT_FOUND', `Timesheet ${missing} not found`),
    );
    await expect(service.reject(approver(manager), 'nope', 'why')).rejects.toMatchObject(
      failure('NOT_FOUND', 'Timesheet nope not found'),
    );
  });

  it('lets exactly one of two racing managers decide', async () => {
    const entry = await pending();
    const [first, second] = [newUser(), newUser()];
    const outcomes = await Promise.allSettled([
      service.approve(approver(first), entry.id),
      service.reject(approver(second), entry.id, 'no'),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const [lost] = outcomes.filter((o) => o.status === 'rejected');
    expect(lost?.reason).toMatchObject({
      extensions: expect.objectContaining({ code: 'CONFLICT' }),
    });
  });
});
