import { v7 as uuidv7 } from 'uuid';
import { describeEachDatabase } from '../../test/databases';
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
  const owner = newUser();
  const manager = newUser();
  const pending = (): Promise<Timesheet> =>
    service.create(
      { userId: owner, source: owner },
      { date: '2026-11-24', project: 'X', hours: 1 },
    );
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
