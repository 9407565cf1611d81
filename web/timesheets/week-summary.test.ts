import { groupForApproval } from '../approvals/approval-groups';
import { csvField, toCsv } from '../export/csv';
import { summarizeWeek } from './week-summary';

describe('summarizeWeek', () => {
  it('sums entries into a Monday–Sunday grid with exact daily and weekly totals', () => {
    const summary = summarizeWeek('2026-11-25', [
      { date: '2026-11-23', project: 'Apollo', hours: 0.1 },
      { date: '2026-11-23', project: 'Apollo', hours: 0.2 },
      { date: '2026-11-29', project: 'Borealis', hours: 7.5 },
      { date: '2026-11-30', project: 'Apollo', hours: 8 },
    ]);
    expect(summary.dates[0]).toBe('2026-11-23');
    expect(summary.dates[6]).toBe('2026-11-29');
    expect(summary.rows).toEqual([
      { project: 'Apollo', days: [30, 0, 0, 0, 0, 0, 0], total: 30 },
      { project: 'Borealis', days: [0, 0, 0, 0, 0, 0, 750], total: 750 },
    ]);
    expect(summary.dayTotals).toEqual([30, 0, 0, 0, 0, 0, 750]);
    expect(summary.total).toBe(780);
  });
});

describe('groupForApproval', () => {
  it('groups pending entries by person and ISO week', () => {
    const groups = groupForApproval([
      { id: '1', userId: 'auth0|eli', date: '2026-11-24', project: 'A', hours: 2 },
      { id: '2', userId: 'auth0|emma', date: '2026-11-23', project: 'A', hours: 1 },
      { id: '3', userId: 'auth0|eli', date: '2026-11-23', project: 'B', hours: 1.5 },
      { id: '4', userId: 'auth0|eli', date: '2026-11-16', project: 'A', hours: 3 },
    ]);
    expect(groups.map((g) => [g.userId, g.weekStart, g.entries.map((e) => e.id), g.total])).toEqual(
      [
        ['auth0|eli', '2026-11-23', ['3', '1'], 350],
        ['auth0|eli', '2026-11-16', ['4'], 300],
        ['auth0|emma', '2026-11-23', ['2'], 100],
      ],
    );
  });
});

describe('toCsv', () => {
  it('writes a header and RFC 4180 quoting', () => {
    expect(
      toCsv([
        {
          date: '2026-11-23',
          project: 'Apollo, "phase 2"',
          hours: 7.5,
          notes: 'line\nbreak',
          status: 'PENDING',
        },
      ]),
    ).toBe(
      'date,project,hours,status,notes,rejection_reason\r\n2026-11-23,"Apollo, ""phase 2""",7.5,PENDING,"line\nbreak",\r\n',
    );
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField(-1)).toBe('-1');
  });
});
