import { v7 as uuidv7 } from 'uuid';
import { describeEachDatabase } from '../../test/databases';
import { createTimesheetService } from './timesheet.service';
import type { UploadTimesheetInput } from './timesheet';
import type { TimesheetService } from './timesheet.service';

const NOW = new Date('2026-11-25T12:00:00.000Z');
const newName = (prefix: string) => `${prefix}-${uuidv7()}`;

describeEachDatabase('uploading timesheets', (getDb) => {
  let service: TimesheetService;
  const rowsFrom = (source: string) =>
    getDb()
      .db.selectFrom('timesheet_entries')
      .selectAll()
      .where('source', '=', source)
      .orderBy('external_id')
      .execute();

  beforeAll(() => {
    service = createTimesheetService(getDb().db, { now: () => NOW });
  });

  function batch(userId: string): UploadTimesheetInput[] {
    return [
      { externalId: 'e1', userId, date: '2026-11-23', project: 'Ops', hours: 8 },
      { externalId: 'e2', userId, date: '2026-11-23', project: 'Ops', hours: 2.5, notes: 'n' },
      { externalId: 'e3', userId, date: '2026-02-30', project: 'Ops', hours: 1 },
      { externalId: 'e4', userId: ' ', date: '2026-11-23', project: 'Ops', hours: 1 },
      { externalId: ' e5', userId, date: '2026-11-23', project: 'Ops', hours: 1 },
      { externalId: 'e1', userId, date: '2026-11-22', project: 'Ops', hours: 1 },
    ];
  }

  it('writes the good entries and reports each bad one, in input order', async () => {
    const [client, userId] = [newName('client'), newName('user')];
    const result = await service.upload(client, batch(userId));
    expect(result).toMatchObject({ created: 2, unchanged: 0, rejected: 4 });
    expect(result.results.map((r) => [r.index, r.externalId, r.status, r.field])).toEqual([
      [0, 'e1', 'CREATED', null],
      [1, 'e2', 'CREATED', null],
      [2, 'e3', 'REJECTED', 'date'],
      [3, 'e4', 'REJECTED', 'userId'],
      [4, ' e5', 'REJECTED', 'externalId'],
      [5, 'e1', 'REJECTED', 'externalId'],
    ]);
    expect(result.results[5]?.reason).toBe('externalId e1 appears more than once in this upload');
    expect(result.results[1]?.timesheet).toMatchObject({
      userId,
      source: client,
      hours: 2.5,
      notes: 'n',
    });
    const rows = await rowsFrom(client);
    expect(rows.map((r) => [r.external_id, r.user_id, r.hundredths, r.source])).toEqual([
      ['e1', userId, 800, client],
      ['e2', userId, 250, client],
    ]);
    expect(rows[0]?.id).toBe(result.results[0]?.timesheet?.id);
  });

  it.each([
    ['surrounding spaces', ' auth0|emma ', 'userId must not be empty or have surrounding spaces'],
    ['201 characters', `auth0|${'x'.repeat(195)}`, 'userId must be at most 200 characters'],
    ['a NUL', 'auth0|em\u0000ma', 'userId must not contain control characters'],
  ])(
    'rejects a line whose userId has %s, naming userId, and stores nothing for it',
    async (_what, userId, reason) => {
      const client = newName('client');
      const entry = { externalId: 'e1', userId, date: '2026-11-23', project: 'Ops', hours: 1 };
      const result = await service.upload(client, [entry]);
      expect(result.results).toEqual([
        expect.objectContaining({ status: 'REJECTED', field: 'userId', reason }),
      ]);
      expect(await rowsFrom(client)).toEqual([]);
    },
  );

  it('creates nothing when the same batch is sent again, and answers the stored entries', async () => {
    const [client, userId] = [newName('client'), newName('user')];
    const first = await service.upload(client, batch(userId));
    const again = await service.upload(client, batch(userId));
    expect(again).toMatchObject({ created: 0, unchanged: 2, rejected: 4 });
    expect(again.results[0]?.timesheet).toEqual(first.results[0]?.timesheet);
    expect(await rowsFrom(client)).toHaveLength(2);
  });

  it('rejects an externalId sent again with other values and keeps the stored entry', async () => {
    const [client, userId] = [newName('client'), newName('user')];
    const entry = { externalId: 'x', userId, date: '2026-11-23', project: 'Ops', hours: 8 };
    await service.upload(client, [entry]);
    const result = await service.upload(client, [{ ...entry, hours: 7 }]);
    expect(result.results).toEqual([
      {
        index: 0,
        externalId: 'x',
        status: 'REJECTED',
        timesheet: null,
        field: 'externalId',
        reason: 'externalId x was already used with other values',
      },
    ]);
    expect((await rowsFrom(client)).map((r) => r.hundredths)).toEqual([800]);
  });

  it('keeps externalIds apart between clients', async () => {
    const [a, b, userId] = [newName('client'), newName('client'), newName('user')];
    const entry = { externalId: 'same', userId, date: '2026-11-20', project: 'Ops', hours: 1 };
    expect((await service.upload(a, [entry])).created).toBe(1);
    expect((await service.upload(b, [entry])).created).toBe(1);
  });

  it('counts earlier entries of the same batch and stored ones in the daily total', async () => {
    const [client, userId] = [newName('client'), newName('user')];
    await service.create(
      { userId, source: userId },
      { date: '2026-11-24', project: 'A', hours: 10 },
    );
    const day = { userId, date: '2026-11-24', project: 'Ops' };
    const result = await service.upload(client, [
      { ...day, externalId: 'a', hours: 10 },
      { ...day, externalId: 'b', hours: 5 },
      { ...day, externalId: 'c', hours: 4 },
      { ...day, externalId: 'd', userId: newName('user'), hours: 24 },
    ]);
    expect(result.results.map((r) => r.status)).toEqual([
      'CREATED',
      'REJECTED',
      'CREATED',
      'CREATED',
    ]);
    expect(result.results[1]).toMatchObject({
      field: 'hours',
      reason: expect.stringMatching(/more than 24/),
    });
  });

  it.each([0, 501])(
    'refuses a batch of %i entries with BAD_USER_INPUT naming entries',
    async (n) => {
      const userId = newName('user');
      const entries = Array.from({ length: n }, (_, i) => ({
        externalId: `e${i}`,
        userId,
        date: '2026-11-24',
        project: 'Ops',
        hours: 0.01,
      }));
      await expect(service.upload('client', entries)).rejects.toMatchObject({
        message: 'entries must hold 1 to 500 entries',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'entries' }),
      });
    },
  );

  it('stores a full batch of 500 once even when it is sent twice at the same time', async () => {
    const client = newName('client');
    const entries = Array.from({ length: 500 }, (_, i) => ({
      externalId: `e${i}`,
      userId: `user-${i % 50}-${client}`,
      date: '2026-11-24',
      project: 'Ops',
      hours: 0.5,
    }));
    const results = await Promise.all([
      service.upload(client, entries),
      service.upload(client, entries),
    ]);
    expect(results.map((r) => r.created).sort()).toEqual([0, 500]);
    expect(results.map((r) => r.unchanged).sort()).toEqual([0, 500]);
    expect(await rowsFrom(client)).toHaveLength(500);
  });
});
