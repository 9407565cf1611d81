import { v7 as uuidv7 } from 'uuid';
import { describeEachDatabase } from '../../test/databases';
import { submitWeekOf } from '../../test/weeks';
import type { CreateTimesheetInput, UpdateTimesheetInput } from './timesheet';
import { createTimesheetService } from './timesheet.service';

const NOW = new Date('2026-11-25T12:00:00.000Z');
const LATER = new Date('2026-11-25T15:30:00.000Z');
const MANAGER = { sub: 'manager', reach: { kind: 'everyone' as const } };
const newUser = () => `user-${uuidv7()}`;
const failure = (code: string, message: string | RegExp, extensions: object = {}) => ({
  message: typeof message === 'string' ? message : expect.stringMatching(message),
  extensions: expect.objectContaining({ code, ...extensions }),
});

describeEachDatabase('editing timesheets', (getDb) => {
  let clock = NOW;
  const service = () => createTimesheetService(getDb().db, { now: () => clock });
  const create = (userId: string, input: Partial<CreateTimesheetInput> = {}) =>
    service().create(
      { userId, source: userId },
      { date: '2026-11-24', project: 'Apollo', hours: 8, ...input },
    );
  /** The owner submits the week of the entry, so that a manager may decide on it. */
  const submit = (userId: string, date: string) =>
    submitWeekOf(getDb().db, userId, date, { now: () => clock });
  const update = (userId: string, id: string, version: number, input: UpdateTimesheetInput) =>
    service().update(userId, id, version, input);
  const rowOf = (id: string) =>
    getDb()
      .db.selectFrom('timesheet_entries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const eventsOf = (id: string) =>
    getDb()
      .db.selectFrom('timesheet_events')
      .select(['action', 'actor_id', 'changes', 'reason'])
      .where('entry_id', '=', id)
      .orderBy('id')
      .execute();

  beforeEach(() => {
    clock = NOW;
  });

  it('changes only the given fields, counts the version and records the change', async () => {
    const owner = newUser();
    const entry = await create(owner, { notes: 'kick-off' });
    clock = LATER;
    const edited = await update(owner, entry.id, 1, { hours: 6, project: ' Zeus ' });
    expect(edited).toEqual({
      ...entry,
      hours: 6,
      project: 'Zeus',
      version: 2,
      updatedAt: LATER,
    });
    expect(await rowOf(entry.id)).toMatchObject({ hundredths: 600, version: 2, notes: 'kick-off' });
    const events = await eventsOf(entry.id);
    expect(events.map((e) => [e.action, e.actor_id])).toEqual([
      ['CREATED', owner],
      ['EDITED', owner],
    ]);
    expect(JSON.parse(events[1]?.changes ?? '')).toEqual([
      { field: 'project', from: 'Apollo', to: 'Zeus' },
      { field: 'hours', from: '8', to: '6' },
    ]);
  });

  it('clears the notes with an empty string and keeps them when notes is null', async () => {
    const owner = newUser();
    const entry = await create(owner, { notes: 'kick-off' });
    const kept = await update(owner, entry.id, 1, { notes: null, hours: 7 });
    expect(kept.notes).toBe('kick-off');
    const cleared = await update(owner, entry.id, 2, { notes: '' });
    expect(cleared).toMatchObject({ notes: null, version: 3 });
  });

  it('refuses a stale version with CONFLICT naming the current one, and writes nothing', async () => {
    const owner = newUser();
    const entry = await create(owner);
    await update(owner, entry.id, 1, { hours: 7 });
    await expect(update(owner, entry.id, 1, { hours: 2 })).rejects.toMatchObject(
      failure(
        'CONFLICT',
        `Timesheet ${entry.id} is at version 2, not 1: it changed since you read it`,
        { currentVersion: 2 },
      ),
    );
    expect(await rowOf(entry.id)).toMatchObject({ hundredths: 700, version: 2 });
    expect(await eventsOf(entry.id)).toHaveLength(2);
  });

  it('answers NOT_FOUND for someone else’s entry, a missing one and a malformed id', async () => {
    const [owner, other] = [newUser(), newUser()];
    const entry = await create(owner);
    await expect(update(other, entry.id, 1, { hours: 1 })).rejects.toMatchObject(
      failure('NOT_FOUND', `Timesheet ${entry.id} not found`),
    );
    const missing = uuidv7();
    await expect(update(owner, missing, 1, { hours: 1 })).rejects.toMatchObject(
      failure('NOT_FOUND', `Timesheet ${missing} not found`),
    );
    await expect(update(owner, 'nope', 1, { hours: 1 })).rejects.toMatchObject(
      failure('NOT_FOUND', 'Timesheet nope not found'),
    );
    expect(await rowOf(entry.id)).toMatchObject({ hundredths: 800, version: 1 });
  });

  it('refuses to change an approved entry with CONFLICT', async () => {
    const owner = newUser();
    const entry = await create(owner);
    await submit(owner, entry.date);
    await service().approve(MANAGER, entry.id);
    await expect(update(owner, entry.id, 2, { hours: 1 })).rejects.toMatchObject(
      failure('CONFLICT', `Timesheet ${entry.id} is approved and locked`),
    );
    expect(await rowOf(entry.id)).toMatchObject({ status: 'APPROVED', hundredths: 800 });
  });

  it('refuses every change of an entry of an APPROVED week, and a move into one, with CONFLICT naming the week status', async () => {
    const owner = newUser();
    const entry = await create(owner);
    const elsewhere = await create(owner, { date: '2026-11-20' });
    await submit(owner, entry.date);
    await service().approveWeek(MANAGER, owner, '2026-11-23');
    const frozen = failure('CONFLICT', /approved/, { weekStatus: 'APPROVED' });

    await expect(update(owner, elsewhere.id, 1, { date: '2026-11-24' })).rejects.toMatchObject(
      frozen,
    );
    await expect(update(owner, entry.id, 2, { hours: 1 })).rejects.toMatchObject(frozen);
    expect(await rowOf(entry.id)).toMatchObject({ status: 'APPROVED', hundredths: 800 });
    expect(await rowOf(elsewhere.id)).toMatchObject({ date: '2026-11-20', version: 1 });
  });

  it('resubmits a rejected entry: back to PENDING, the rejection cleared and recorded', async () => {
    const owner = newUser();
    const entry = await create(owner);
    await submit(owner, entry.date);
    await service().reject(MANAGER, entry.id, 'wrong project');
    const fixed = await update(owner, entry.id, 2, { project: 'Zeus' });
    expect(fixed).toMatchObject({
      status: 'PENDING',
      rejectionReason: null,
      decidedBy: null,
      decidedAt: null,
      version: 3,
    });
    const events = await eventsOf(entry.id);
    expect(events.map((e) => e.action)).toEqual(['CREATED', 'REJECTED', 'EDITED']);
    expect(events[1]?.reason).toBe('wrong project');
    expect(JSON.parse(events[2]?.changes ?? '')).toEqual([
      { field: 'project', from: 'Apollo', to: 'Zeus' },
      { field: 'status', from: 'REJECTED', to: 'PENDING' },
    ]);
  });

  it('answers a pending entry unchanged, at the same version, when nothing changes', async () => {
    const owner = newUser();
    const entry = await create(owner);
    await expect(update(owner, entry.id, 1, { hours: 8 })).resolves.toEqual(entry);
    expect(await eventsOf(entry.id)).toHaveLength(1);
  });

  it.each([
    [{ hours: 0 }, 'hours', 'hours must be more than 0'],
    [{ hours: 1.234 }, 'hours', 'hours must have at most two decimals'],
    [{ project: '   ' }, 'project', 'project must not be empty'],
    [{ date: '2026-11-27' }, 'date', 'date must not be later than tomorrow (2026-11-26)'],
  ])(
    'refuses %j with BAD_USER_INPUT naming the field, and writes nothing',
    async (input, field, message) => {
      const owner = newUser();
      const entry = await create(owner);
      await expect(update(owner, entry.id, 1, input)).rejects.toMatchObject(
        failure('BAD_USER_INPUT', message, { field }),
      );
      expect(await rowOf(entry.id)).toMatchObject({
        version: 1,
        hundredths: 800,
        project: 'Apollo',
      });
    },
  );

  it('counts the day total without the entry’s own old hours', async () => {
    const owner = newUser();
    const entry = await create(owner, { hours: 8 });
    await create(owner, { hours: 8 });
    await expect(update(owner, entry.id, 1, { hours: 16 })).resolves.toMatchObject({ hours: 16 });
    await expect(update(owner, entry.id, 2, { hours: 16.25 })).rejects.toMatchObject(
      failure('BAD_USER_INPUT', /would add up to more than 24 \(at most 16 more/, {
        field: 'hours',
      }),
    );
  });

  it('checks the day an entry moves to, and frees the day it leaves', async () => {
    const owner = newUser();
    const moving = await create(owner, { date: '2026-11-23', hours: 5 });
    await create(owner, { date: '2026-11-24', hours: 20 });
    await expect(update(owner, moving.id, 1, { date: '2026-11-24' })).rejects.toMatchObject(
      failure('BAD_USER_INPUT', /hours on 2026-11-24 would add up to more than 24/, {
        field: 'hours',
      }),
    );
    const moved = await update(owner, moving.id, 1, { date: '2026-11-24', hours: 4 });
    expect(moved).toMatchObject({ date: '2026-11-24', hours: 4 });
    expect(await rowOf(moving.id)).toMatchObject({ week_start: '2026-11-23' });
    await expect(create(owner, { date: '2026-11-23', hours: 24 })).resolves.toMatchObject({
      hours: 24,
    });
  });

  it('counts a resubmitted entry’s hours again, since a rejected one did not count', async () => {
    const owner = newUser();
    const entry = await create(owner, { hours: 20 });
    await submit(owner, entry.date);
    await service().reject(MANAGER, entry.id, 'split it');
    await create(owner, { hours: 10 });
    await expect(update(owner, entry.id, 2, { notes: 'as it was' })).rejects.toMatchObject(
      failure('BAD_USER_INPUT', /would add up to more than 24/, { field: 'hours' }),
    );
    expect(await rowOf(entry.id)).toMatchObject({ status: 'REJECTED', version: 2 });
    await expect(update(owner, entry.id, 2, { hours: 14 })).resolves.toMatchObject({
      status: 'PENDING',
    });
  });

  it('lets exactly one of two edits at the same version win', async () => {
    const owner = newUser();
    const entry = await create(owner);
    const outcomes = await Promise.allSettled([
      update(owner, entry.id, 1, { hours: 1 }),
      update(owner, entry.id, 1, { hours: 2 }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const [lost] = outcomes.filter((o) => o.status === 'rejected');
    expect(lost?.reason).toMatchObject(failure('CONFLICT', /is at version 2, not 1/));
    expect(await eventsOf(entry.id)).toHaveLength(2);
  });

  it('keeps the day total when entries move into one day concurrently', async () => {
    const owner = newUser();
    await create(owner, { date: '2026-11-24', hours: 10 });
    const movers = await Promise.all(
      ['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21'].map((date) =>
        create(owner, { date, hours: 10 }),
      ),
    );
    const outcomes = await Promise.allSettled(
      movers.map((m) => update(owner, m.id, 1, { date: '2026-11-24' })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const day = await getDb()
      .db.selectFrom('timesheet_entries')
      .select('hundredths')
      .where('user_id', '=', owner)
      .where('date', '=', '2026-11-24')
      .execute();
    expect(day.reduce((sum, row) => sum + row.hundredths, 0)).toBe(2000);
  });

  it('never both approves and changes an entry when an edit races an approval', async () => {
    for (let round = 0; round < 5; round++) {
      const owner = newUser();
      const entry = await create(owner);
      const [edit, approval] = await Promise.allSettled([
        update(owner, entry.id, 1, { hours: 3 }),
        service().approve(MANAGER, entry.id, 1),
      ]);
      expect([edit.status, approval.status].sort()).toEqual(['fulfilled', 'rejected']);
      const row = await rowOf(entry.id);
      if (approval.status === 'fulfilled')
        expect(row).toMatchObject({ status: 'APPROVED', hundredths: 800 });
      else expect(row).toMatchObject({ status: 'PENDING', hundredths: 300 });
      expect(row.version).toBe(2);
    }
  });
});
