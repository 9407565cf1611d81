import { addDays, isLocalDate, localDateOf, startOfWeek, weekDates } from './dates';

describe('isLocalDate', () => {
  it.each(['2026-01-31', '2024-02-29', '2026-12-31', '0001-01-01'])('accepts %s', (date) => {
    expect(isLocalDate(date)).toBe(true);
  });

  it.each([
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-1-5',
    '20260105',
    '',
  ])('refuses %j', (date) => {
    expect(isLocalDate(date)).toBe(false);
  });
});

describe('week math', () => {
  it('starts a week on Monday, even from a Sunday', () => {
    expect(startOfWeek('2026-11-25')).toBe('2026-11-23');
    expect(startOfWeek('2026-11-29')).toBe('2026-11-23');
    expect(startOfWeek('2026-11-23')).toBe('2026-11-23');
  });

  it('lists Monday to Sunday across a month and a year boundary', () => {
    expect(weekDates('2026-12-31')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
  });

  it('adds days through a leap day, forwards and back', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('localDateOf', () => {
  it('reads the calendar date of the local clock, not UTC', () => {
    const lateEvening = new Date(2026, 10, 30, 23, 30); // 30 Nov, 23:30 local time
    expect(localDateOf(lateEvening)).toBe('2026-11-30');
    expect(localDateOf(new Date(2026, 0, 5, 0, 5))).toBe('2026-01-05');
  });
});
