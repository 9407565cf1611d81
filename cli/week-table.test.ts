import { weekTable } from './week-table';

describe('weekTable', () => {
  it('lays out Monday to Sunday with day totals and an exact week total', () => {
    const lines = weekTable('2026-03-05', [
      { date: '2026-03-02', project: 'Website relaunch', hours: 0.1, status: 'PENDING' },
      { date: '2026-03-02', project: 'Support', hours: 0.2, notes: 'tickets', status: 'APPROVED' },
      { date: '2026-03-08', project: 'Support', hours: 7.5, status: 'REJECTED' },
      { date: '2026-03-09', project: 'Next week', hours: 1, status: 'PENDING' },
    ]);
    expect(lines).toEqual([
      'Week of 2026-03-02 to 2026-03-08',
      '',
      'Day  Date        Project           Hours  Status    Notes',
      'Mon  2026-03-02  Support            0.20  APPROVED  tickets',
      '                 Website relaunch   0.10  PENDING',
      '                 day total          0.30',
      'Tue  2026-03-03  -                  0.00',
      'Wed  2026-03-04  -                  0.00',
      'Thu  2026-03-05  -                  0.00',
      'Fri  2026-03-06  -                  0.00',
      'Sat  2026-03-07  -                  0.00',
      'Sun  2026-03-08  Support            7.50  REJECTED',
      '                 Week total         7.80',
    ]);
  });

  it('cuts long notes', () => {
    const notes = 'n'.repeat(60);
    const [, , , row] = weekTable('2026-03-02', [
      { date: '2026-03-02', project: 'P', hours: 1, notes, status: 'PENDING' },
    ]);
    expect(row).toContain(`${'n'.repeat(39)}…`);
  });
});
