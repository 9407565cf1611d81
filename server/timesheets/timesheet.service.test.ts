import { v7 as uuidv7 } from 'uuid';
import { describeEachDatabase } from '../../test/databases';
import { submitWeekOf } from '../../test/weeks';
import { createTimesheetService } from './timesheet.service';
import type { CreateTimesheetInput } from './timesheet';

/** A company-wide approver. */
const MANAGER = { sub: 'manager', reach: { kind: 'everyone' as const } };

const NOW = new Date('2026-11-25T12:00:00.000Z');
const entry = (overrides: Partial<CreateTimesheetInput> = {}): CreateTimesheetInput => ({
  date: '2026-11-24',
  project: 'Apollo',
  hours: 7.5,
  ...overrides,
});
const newUser = () => `user-${uuidv7()}`;
const badInput = (field: string, message: string | RegExp) => ({
  message: typeof message === 'string' ? message : expect.stringMatching(message),
  extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
});

describeEachDatabase('createTimesheet', (getDb) => {
  const service = () => createTimesheetService(getDb().db, { now: () => NOW });
  const rowsOf = (userId: string) =>
    getDb().db.selectFrom('timesheet_entries').selectAll().where('user_id', '=', userId).execute();
  const create = (userId: string, input: CreateTimesheetInput) =>
    service().create({ userId, source: userId }, input);

  it('stores a valid entry and answers it with hours, status and instants', async () => {
    const userId = newUser();
    const created = await create(userId, entry({ project: '  Apollo  ', notes: 'standup' }));
    expect(created).toMatchObject({
      userId,
      date: '2026-11-24',
      project: 'Apollo',
      hours: 7.5,
      notes: 'standup',
      status: 'PENDING',
      rejectionReason: null,
      decidedBy: null,
      decidedAt: null,
      createdAt: NOW,
      source: userId,
    });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    const rows = await rowsOf(userId);
    expect(rows).toEqual([
      expect.objectContaining({
        id: created.id,
        hundredths: 750,
        project: 'Apollo',
        notes: 'standup',
      }),
    ]);
  });

  it.each([
    ['a date that does not exist', { date: '2026-02-30' }, 'date', /real calendar date/],
    ['a date that is not YYYY-MM-DD', { date: '25/11/2026' }, 'date', /real calendar date/],
    ['the day after tomorrow', { date: '2026-11-27' }, 'date', /not be later than tomorrow/],
    ['zero hours', { hours: 0 }, 'hours', 'hours must be more than 0'],
    ['negative hours', { hours: -1 }, 'hours', 'hours must be more than 0'],
    ['more than 24 hours', { hours: 24.01 }, 'hours', 'hours must be at most 24'],
    ['three decimals', { hours: 1.234 }, 'hours', 'hours must have at most two decimals'],
    ['a blank project', { project: '   ' }, 'project', 'project must not be empty'],
    ['a 101-character project', { project: 'p'.repeat(101) }, 'project', /at most 100/],
    ['1001 characters of notes', { notes: 'n'.repeat(1001) }, 'notes', /at most 1000/],
    ['an empty idempotency key', { idempotencyKey: '' }, 'idempotencyKey', /1 to 100/],
    ['a 101-character key', { idempotencyKey: 'k'.repeat(101) }, 'idempotencyKey', /1 to 100/],
  ])('refuses %s and writes nothing', async (_case, overrides, field, message) => {
    const userId = newUser();
    await expect(create(userId, entry(overrides))).rejects.toMatchObject(badInput(field, message));
    expect(await rowsOf(userId)).toEqual([]);
  });

  it('accepts tomorrow, 24 hours, 0.01 hours and 100-character projects and 1000-character notes', async () => {
    const userId = newUser();
    await create(userId, entry({ date: '2026-11-26', hours: 24 }));
    await create(userId, entry({ date: '2026-11-20', hours: 0.01, project: 'p'.repeat(100) }));
    await create(userId, entry({ date: '2026-11-21', notes: 'n'.repeat(1000) }));
    expect((await rowsOf(userId)).map((r) => r.hundredths).sort((a, b) => a - b)).toEqual([
      1, 750, 2400,
    ]);
  });

  it('refuses an entry that takes the day over 24 hours across two entries', async () => {
    const userId = newUser();
    await create(userId, entry({ hours: 16 }));
    await expect(create(userId, entry({ hours: 8.01 }))).rejects.toMatchObject(
      badInput(
        'hours',
        'hours on 2026-11-24 would add up to more than 24 (at most 8 more can be logged that day)',
      ),
    );
    await create(userId, entry({ hours: 8 }));
    expect((await rowsOf(userId)).map((r) => r.hundredths)).toEqual([1600, 800]);
  });

  it('does not count rejected entries in the daily total', async () => {
    const userId = newUser();
    const first = await create(userId, entry({ hours: 20 }));
    await submitWeekOf(getDb().db, userId, first.date, { now: () => NOW });
    await service().reject(MANAGER, first.id, 'wrong project');
    await expect(create(userId, entry({ hours: 20 }))).resolves.toMatchObject({ hours: 20 });
  });

  it('keeps the daily total when entries for one day race each other', async () => {
    const userId = newUser();
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, () => create(userId, entry({ hours: 10 }))),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(2);
    for (const attempt of attempts.filter((a) => a.status === 'rejected')) {
      expect(attempt.reason).toMatchObject(badInput('hours', /would add up to more than 24/));
    }
    expect(await rowsOf(userId)).toHaveLength(2);
  });

  it('answers the first entry and writes nothing when the same idempotency key comes again', async () => {
    const userId = newUser();
    const first = await create(userId, entry({ idempotencyKey: 'retry-1' }));
    const again = await create(userId, entry({ idempotencyKey: 'retry-1' }));
    expect(again).toEqual(first);
    expect(await rowsOf(userId)).toHaveLength(1);
  });

  it('refuses the same idempotency key with other values with CONFLICT naming it, and writes nothing', async () => {
    const userId = newUser();
    await create(userId, entry({ idempotencyKey: 'retry-2' }));
    await expect(
      create(userId, entry({ idempotencyKey: 'retry-2', hours: 3 })),
    ).rejects.toMatchObject({
      message:
        'idempotencyKey "retry-2" was already used for an entry with other values ' +
        '(2026-11-24, Apollo, 7.5 h); send a new key for a new entry',
      extensions: expect.objectContaining({ code: 'CONFLICT', field: 'idempotencyKey' }),
    });
    const rows = await rowsOf(userId);
    expect(rows.map((r) => r.hundredths)).toEqual([750]);
  });

  it('ends with one row when the same idempotency key is sent concurrently', async () => {
    const userId = newUser();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => create(userId, entry({ idempotencyKey: 'burst' }))),
    );
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(await rowsOf(userId)).toHaveLength(1);
  });

  it('stores one of several different entries sent concurrently with one key, and refuses the rest', async () => {
    const userId = newUser();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        create(userId, entry({ idempotencyKey: 'mixed', date: `2026-11-2${i % 2}`, hours: 1 + i })),
      ),
    );
    const stored = await rowsOf(userId);
    expect(stored).toHaveLength(1);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const lost of outcomes.filter((o) => o.status === 'rejected')) {
      expect(lost.reason).toMatchObject({
        extensions: expect.objectContaining({ code: 'CONFLICT', field: 'idempotencyKey' }),
      });
    }
  });

  it('keeps idempotency keys apart between users', async () => {
    const [alice, bob] = [newUser(), newUser()];
    const a = await create(alice, entry({ idempotencyKey: 'same' }));
    const b = await create(bob, entry({ idempotencyKey: 'same' }));
    expect(a.id).not.toBe(b.id);
    expect(b.userId).toBe(bob);
  });

  it('does not count another user’s hours in the daily total', async () => {
    const [alice, bob] = [newUser(), newUser()];
    await create(alice, entry({ hours: 24 }));
    await expect(create(bob, entry({ hours: 24 }))).resolves.toMatchObject({ userId: bob });
  });
});

describeEachDatabase('findVisible and deleteTimesheet', (getDb) => {
  const service = () => createTimesheetService(getDb().db, { now: () => NOW });

  it('shows an entry to its owner and to approvers only, and hides malformed ids', async () => {
    const [alice, bob] = [newUser(), newUser()];
    const created = await service().create({ userId: alice, source: alice }, entry());
    expect(
      await service().findVisible({ sub: alice, reach: { kind: 'own' as const } }, created.id),
    ).toEqual(created);
    expect(
      await service().findVisible({ sub: bob, reach: { kind: 'own' as const } }, created.id),
    ).toBeNull();
    expect(
      await service().findVisible({ sub: bob, reach: { kind: 'everyone' as const } }, created.id),
    ).toEqual(created);
    expect(
      await service().findVisible({ sub: alice, reach: { kind: 'everyone' as const } }, uuidv7()),
    ).toBeNull();
    expect(
      await service().findVisible(
        { sub: alice, reach: { kind: 'everyone' as const } },
        'not-an-id',
      ),
    ).toBeNull();
  });

  it('deletes an own pending entry and answers its id', async () => {
    const alice = newUser();
    const created = await service().create({ userId: alice, source: alice }, entry());
    await expect(service().delete(alice, created.id)).resolves.toBe(created.id);
    expect(
      await service().findVisible({ sub: alice, reach: { kind: 'everyone' as const } }, created.id),
    ).toBeNull();
  });

  it('answers NOT_FOUND with the same message for someone else’s entry and a missing one', async () => {
    const [alice, bob] = [newUser(), newUser()];
    const created = await service().create({ userId: alice, source: alice }, entry());
    const missing = uuidv7();
    await expect(service().delete(bob, created.id)).rejects.toMatchObject({
      message: `Timesheet ${created.id} not found`,
      extensions: expect.objectContaining({ code: 'NOT_FOUND' }),
    });
    await expect(service().delete(bob, missing)).rejects.toMatchObject({
      message: `Timesheet ${missing} not found`,
      extensions: expect.objectContaining({ code: 'NOT_FOUND' }),
    });
    expect(
      await service().findVisible({ sub: alice, reach: { kind: 'own' as const } }, created.id),
    ).not.toBeNull();
  });

  it('refuses to delete an entry of an APPROVED week with CONFLICT naming the week status', async () => {
    const alice = newUser();
    const created = await service().create({ userId: alice, source: alice }, entry());
    await submitWeekOf(getDb().db, alice, created.date, { now: () => NOW });
    await service().approveWeek(MANAGER, alice, '2026-11-23');
    await expect(service().delete(alice, created.id)).rejects.toMatchObject({
      message: expect.stringMatching(/approved/),
      extensions: expect.objectContaining({ code: 'CONFLICT', weekStatus: 'APPROVED' }),
    });
    expect(
      await service().findVisible({ sub: alice, reach: { kind: 'own' as const } }, created.id),
    ).not.toBeNull();
  });

  it('refuses to delete an approved entry with CONFLICT and keeps it', async () => {
    const alice = newUser();
    const created = await service().create({ userId: alice, source: alice }, entry());
    await submitWeekOf(getDb().db, alice, created.date, { now: () => NOW });
    await service().approve(MANAGER, created.id);
    await expect(service().delete(alice, created.id)).rejects.toMatchObject({
      message: `Timesheet ${created.id} is approved and locked`,
      extensions: expect.objectContaining({ code: 'CONFLICT' }),
    });
    expect(
      await service().findVisible({ sub: alice, reach: { kind: 'own' as const } }, created.id),
    ).not.toBeNull();
  });
});
