import {
  checkAbsence,
  checkSchedule,
  checkWeekNote,
  datesOfWeek,
  endOfWeek,
  expectedDays,
  expectedHundredths,
  isEmployedDuring,
  isShort,
  isWeekStart,
  missingDays,
} from './work-week';

const WEEK = '2026-11-16';
const DEFAULT = { schedule: null, employedFrom: null, employedUntil: null };
const none = new Set<string>();

describe('the week arithmetic', () => {
  it('knows a week by its Monday, and its seven days', () => {
    expect(isWeekStart(WEEK)).toBe(true);
    expect(isWeekStart('2026-11-17')).toBe(false);
    expect(isWeekStart('2026-02-30')).toBe(false);
    expect(datesOfWeek(WEEK)).toEqual([
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
    ]);
    expect(endOfWeek('2026-12-28')).toBe('2027-01-03');
  });

  it('expects the company default, 8 h Monday to Friday, of someone without a schedule', () => {
    expect(expectedHundredths(WEEK, DEFAULT, none)).toBe(4000);
    expect(expectedDays(WEEK, DEFAULT, none).map((d) => d.hundredths)).toEqual([
      800, 800, 800, 800, 800, 0, 0,
    ]);
  });

  it('follows a schedule, prorates by employed day, and takes holidays out', () => {
    const part = { ...DEFAULT, schedule: [6, 6, 6, 6, 0, 0, 0] };
    expect(expectedHundredths(WEEK, part, none)).toBe(2400);
    expect(expectedHundredths(WEEK, part, new Set(['2026-11-17']))).toBe(1800);
    expect(expectedHundredths(WEEK, { ...DEFAULT, employedFrom: '2026-11-19' }, none)).toBe(1600);
    expect(expectedHundredths(WEEK, { ...DEFAULT, employedUntil: '2026-11-16' }, none)).toBe(800);
    expect(expectedHundredths(WEEK, { ...DEFAULT, schedule: [0, 0, 0, 0, 0, 0, 0] }, none)).toBe(0);
    expect(
      expectedHundredths(WEEK, { ...DEFAULT, schedule: [7.5, 7.5, 7.5, 7.5, 4.25, 0, 0] }, none),
    ).toBe(3425);
  });

  it('tells whether someone is employed during a week', () => {
    expect(isEmployedDuring(DEFAULT, WEEK)).toBe(true);
    expect(isEmployedDuring({ ...DEFAULT, employedFrom: '2026-11-22' }, WEEK)).toBe(true);
    expect(isEmployedDuring({ ...DEFAULT, employedFrom: '2026-11-23' }, WEEK)).toBe(false);
    expect(isEmployedDuring({ ...DEFAULT, employedUntil: '2026-11-15' }, WEEK)).toBe(false);
  });

  it('lists working days up to today with nothing recorded', () => {
    const days = expectedDays(WEEK, DEFAULT, new Set(['2026-11-17']));
    expect(missingDays(days, new Set(['2026-11-16']), '2026-11-19')).toEqual([
      '2026-11-18',
      '2026-11-19',
    ]);
    expect(missingDays(days, none, '2026-11-15')).toEqual([]);
  });

  it('calls a week short when recorded hours and absences fall below the expected', () => {
    expect(isShort(3200, 0, 4000)).toBe(true);
    expect(isShort(3200, 800, 4000)).toBe(false);
    expect(isShort(0, 0, 0)).toBe(false);
  });

  it('checks schedules, notes and absences with sentences naming the fault', () => {
    expect(checkSchedule([8, 8, 8, 8, 8, 0, 0])).toBeNull();
    expect(checkSchedule([8, 8, 8])).toMatch(/7 values/);
    expect(checkSchedule([8, 8, 8, 8, 25, 0, 0])).toMatch(/value 5/);
    expect(checkSchedule([8, 8, -1, 8, 8, 0, 0])).toMatch(/value 3/);
    expect(checkSchedule([8, 8, 8, 8, 8.001, 0, 0])).toMatch(/two decimals/);
    expect(checkWeekNote('Off on Friday\n(unpaid)')).toBeNull();
    expect(checkWeekNote('x'.repeat(1001))).toMatch(/1000/);
    expect(checkWeekNote('bell\u0007')).toMatch(/control/);
    expect(checkAbsence('2026-11-17', 8, '2026-11-25')).toBeNull();
    expect(checkAbsence('2026-11-31', 8, '2026-11-25')).toMatchObject({ field: 'date' });
    expect(checkAbsence('2027-12-31', 8, '2026-11-25')).toMatchObject({ field: 'date' });
    expect(checkAbsence('2026-11-17', 0, '2026-11-25')).toMatchObject({ field: 'hours' });
    expect(checkAbsence('2026-11-17', 24.5, '2026-11-25')).toMatchObject({ field: 'hours' });
    expect(checkAbsence('2026-11-17', Number.NaN, '2026-11-25')).toMatchObject({ field: 'hours' });
  });
});
