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
