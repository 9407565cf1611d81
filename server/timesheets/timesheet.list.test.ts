import { v7 as uuidv7 } from 'uuid';
import { addDays } from '../../core';
import { describeEachDatabase } from '../../test/databases';
import { submitWeeksOf } from '../../test/weeks';
import { encodeCursor } from './cursor';
import type { Timesheet, TimesheetPage } from './timesheet';
import { createTimesheetService } from './timesheet.service';
import type { OwnPageArgs } from './timesheet';
import type { TimesheetService } from './timesheet.service';

const NOW = new Date('2026-11-25T12:00:00.000Z');
const newUser = () => `user-${uuidv7()}`;

/** Follows `endCursor` until the last page, collecting every node. */
async function readAll(
  load: (after: string | null) => Promise<TimesheetPage>,
): Promise<{ nodes: Timesheet[]; pages: number }> {
  const nodes: Timesheet[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages++) {
    const page = await load(after);
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return { nodes, pages };
    after = page.pageInfo.endCursor;
  }
}

describeEachDatabase('listing timesheets', (getDb) => {
  let service: TimesheetService;
  const alice = newUser();
  const bob = newUser();
  const carol = newUser();
  let aliceEntries: Timesheet[] = [];

  beforeAll(async () => {
    service = createTimesheetService(getDb().db, { now: () => NOW });
    // 13 entries over 5 days, several per day, so that pages cut through ties on date.
    for (let i = 0; i < 13; i++) {
      const input = { date: addDays('2026-11-20', i % 5), project: `P${i % 4}`, hours: 1.25 };
      aliceEntries.push(await service.create({ userId: alice, source: alice }, input));
    }
    await service.create(
      { userId: bob, source: bob },
      { date: '2026-11-22', project: 'B', hours: 2 },
    );
    // Alice and Bob submit their weeks; Carol's entry stays a draft, which no approver lists.
    await submitWeeksOf(getDb().db, [...aliceEntries, { userId: bob, date: '2026-11-22' }], {
      now: () => NOW,
    });
    await service.create(
      { userId: carol, source: carol },
      { date: '2026-11-23', project: 'C', hours: 3 },
    );
    aliceEntries = aliceEntries.sort((a, b) =>
      a.date === b.date ? b.id.localeCompare(a.id) : b.date.localeCompare(a.date),
    );
  });

  const listOwn = (args: Partial<OwnPageArgs>, userId = alice) =>
    service.listOwn(userId, { first: 50, ...args });

  it('lists the owner’s entries newest date first, ties by id, and nobody else’s', async () => {
    const page = await listOwn({});
    expect(page.edges.map((e) => e.node.id)).toEqual(aliceEntries.map((e) => e.id));
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: page.edges[12]?.cursor });
    expect(page.edges.every((e) => e.node.userId === alice)).toBe(true);
  });

  it('walks pages that neither overlap nor skip, across ties on date', async () => {
    for (const first of [1, 2, 4, 5]) {
      const { nodes, pages } = await readAll((after) => listOwn({ first, after }));
      expect(nodes.map((n) => n.id)).toEqual(aliceEntries.map((e) => e.id));
      expect(pages).toBe(Math.ceil(13 / first));
    }
  });

  it('answers the same pages again (stable order)', async () => {
    const once = await readAll((after) => listOwn({ first: 3, after }));
    const twice = await readAll((after) => listOwn({ first: 3, after }));
    expect(twice.nodes).toEqual(once.nodes);
  });

  it('counts totals over every page of the filter, not only the first', async () => {
    const page = await listOwn({ first: 2 });
    expect(page.edges).toHaveLength(2);
    await expect(page.totals()).resolves.toEqual({ count: 13, hours: 16.25 });
    const empty = await listOwn({}, newUser());
    expect(empty.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    await expect(empty.totals()).resolves.toEqual({ count: 0, hours: 0 });
  });

  it('keeps only entries between from and to, inclusive, in pages and totals', async () => {
    const from = '2026-11-21';
    const to = '2026-11-23';
    const expected = aliceEntries.filter((e) => e.date >= from && e.date <= to);
    const { nodes } = await readAll((after) => listOwn({ first: 2, after, from, to }));
    expect(nodes.map((n) => n.id)).toEqual(expected.map((e) => e.id));
    const later = encodeCursor({ date: '2026-11-24', id: uuidv7() });
    const fromLater = await listOwn({ from, to, after: later });
    expect(fromLater.edges.map((e) => e.node.id)).toEqual(expected.map((e) => e.id));
    const page = await listOwn({ from, to });
    await expect(page.totals()).resolves.toEqual({
      count: expected.length,
      hours: expected.length * 1.25,
    });
  });

  it.each([
    [{ first: 0 }, 'first', 'first must be between 1 and 200'],
    [{ first: 201 }, 'first', 'first must be between 1 and 200'],
    [{ from: '2026-11-24', to: '2026-11-23' }, 'from', 'from must not be later than to'],
    [{ from: '2026-02-30' }, 'from', 'from must be a real calendar date (YYYY-MM-DD)'],
    [{ after: 'bm90LWEtY3Vyc29y' }, 'after', 'after is not a valid cursor'],
    [{ after: '%%%' }, 'after', 'after is not a valid cursor'],
  ])('refuses %j with BAD_USER_INPUT', async (args, field, message) => {
    await expect(listOwn(args)).rejects.toMatchObject({
      message,
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
    });
  });

  it('continues after a cursor whose entry was deleted meanwhile', async () => {
    const gone = uuidv7(); // newer than every stored id, so it sorts first among 2026-11-23
    const page = await listOwn({ after: encodeCursor({ date: '2026-11-23', id: gone }) });
    const expected = aliceEntries.filter((e) => e.date <= '2026-11-23');
    expect(page.edges.map((e) => e.node.id)).toEqual(expected.map((e) => e.id));
  });

  it('lists every other user’s submitted entries in one status for a company-wide approver, and no drafts', async () => {
    const [approved] = aliceEntries;
    const manager = { sub: 'manager', reach: { kind: 'everyone' as const } };
    await service.approve(manager, approved?.id ?? '');
    const pending = await readAll((after) =>
      service.listForApproval(manager, 'PENDING', { first: 4, after }),
    );
    const ids = pending.nodes.map((n) => n.id);
    expect(ids).not.toContain(approved?.id);
    expect(new Set(pending.nodes.map((n) => n.userId))).toEqual(new Set([alice, bob]));
    expect(pending.nodes.every((n) => n.status === 'PENDING')).toBe(true);
    const approvedPage = await service.listForApproval(manager, 'APPROVED', { first: 10 });
    expect(approvedPage.edges.map((e) => e.node.id)).toEqual([approved?.id]);
    await expect(approvedPage.totals()).resolves.toEqual({ count: 1, hours: 1.25 });
  });

  it('lists the owner’s projects, most recently used first', async () => {
    // P0..P3 last used on 2026-11-24 (i=4 → P0, i=9 → P1, …): order by their latest date.
    const latest = new Map<string, string>();
    for (const e of aliceEntries) {
      if ((latest.get(e.project) ?? '') < e.date) latest.set(e.project, e.date);
    }
    const expected = [...latest.entries()]
      .sort(([pa, da], [pb, db]) => (da === db ? pa.localeCompare(pb) : db.localeCompare(da)))
      .map(([project]) => project);
    await expect(service.listProjects(alice, 20)).resolves.toEqual(expected);
    await expect(service.listProjects(alice, 2)).resolves.toEqual(expected.slice(0, 2));
    await expect(service.listProjects(bob, 20)).resolves.toEqual(['B']);
    await expect(service.listProjects(alice, 0)).rejects.toMatchObject({
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'first' }),
    });
  });
});
