import {
  checkDailyTotal,
  checkKey,
  latestEntryDate,
  toHundredths,
  validateEntry,
  validateReason,
  type EntryInput,
} from './timesheet-rules';

const now = new Date('2026-11-25T22:00:00Z');
const valid: EntryInput = { date: '2026-11-24', project: '  Audit  ', hours: 7.5, notes: '' };

function violationsOf(input: Partial<EntryInput>) {
  const result = validateEntry({ ...valid, ...input }, now);
  return result.ok ? [] : result.violations;
}

describe('validateEntry', () => {
  it('normalises a valid entry: trimmed project, hours in hundredths, blank notes as null', () => {
    expect(validateEntry(valid, now)).toEqual({
      ok: true,
      value: { date: '2026-11-24', project: 'Audit', hundredths: 750, notes: null },
    });
  });

  it.each([
    ['an impossible date', { date: '2026-02-30' }, 'date', /real calendar date/],
    [
      'a date after tomorrow',
      { date: '2026-11-27' },
      'date',
      /not be later than tomorrow \(2026-11-26\)/,
    ],
    ['zero hours', { hours: 0 }, 'hours', /more than 0/],
    ['negative hours', { hours: -1 }, 'hours', /more than 0/],
    ['more than 24 hours', { hours: 24.01 }, 'hours', /at most 24/],
    ['three decimals', { hours: 1.234 }, 'hours', /two decimals/],
    ['NaN hours', { hours: Number.NaN }, 'hours', /more than 0/],
    ['a blank project', { project: '   ' }, 'project', /not be empty/],
    [
      'a 101-character project',
      { project: 'p'.repeat(101) },
      'project',
      /at most 100 characters \(got 101\)/,
    ],
    ['1001 characters of notes', { notes: 'n'.repeat(1001) }, 'notes', /at most 1000 characters/],
  ])('refuses %s, naming the field', (_name, input, field, message) => {
    const violations = violationsOf(input);
    expect(violations).toHaveLength(1);
    expect(violations[0]?.field).toBe(field);
    expect(violations[0]?.message).toMatch(message);
  });

  it('accepts tomorrow, 24 hours, two decimals, 100 characters and 1000 characters of notes', () => {
    expect(
      violationsOf({
        date: '2026-11-26',
        hours: 24,
        project: 'p'.repeat(100),
        notes: 'n'.repeat(1000),
      }),
    ).toEqual([]);
    expect(violationsOf({ hours: 0.01 })).toEqual([]);
    expect(violationsOf({ hours: 8.25 })).toEqual([]);
  });

  it('counts characters as a person sees them', () => {
    expect(violationsOf({ project: '🕒'.repeat(100) })).toEqual([]);
  });

  it('reports every broken rule at once', () => {
    expect(violationsOf({ date: '2026-02-30', hours: 0, project: '' }).map((v) => v.field)).toEqual(
      ['date', 'project', 'hours'],
    );
  });
});

describe('checkDailyTotal', () => {
  it('allows a day to reach exactly 24 hours', () => {
    expect(checkDailyTotal(1600, 800, '2026-11-24')).toBeNull();
  });

  it('refuses a day over 24 hours and says how much is left', () => {
    expect(checkDailyTotal(2000, 450, '2026-11-24')).toEqual({
      field: 'hours',
      message:
        'hours on 2026-11-24 would add up to more than 24 (at most 4 more can be logged that day)',
    });
  });
});

describe('small rules', () => {
  it('converts hours to hundredths exactly', () => {
    expect(toHundredths(0.1 + 0.2)).toBe(30);
    expect(toHundredths(7.005)).toBeNull();
  });

  it('takes the latest entry date from the UTC day of the clock', () => {
    expect(latestEntryDate(new Date('2026-12-31T23:59:59Z'))).toBe('2027-01-01');
  });

  it('trims a rejection reason and refuses a blank one', () => {
    expect(validateReason('  wrong project ')).toEqual({ ok: true, value: 'wrong project' });
    expect(validateReason('   ')).toEqual({
      ok: false,
      violations: [{ field: 'reason', message: 'reason must not be empty' }],
    });
  });

  it('refuses an empty, padded or over-long key', () => {
    expect(checkKey('externalId', 'row-1')).toBeNull();
    expect(checkKey('externalId', '')?.field).toBe('externalId');
    expect(checkKey('idempotencyKey', ' k')?.field).toBe('idempotencyKey');
    expect(checkKey('idempotencyKey', 'k'.repeat(101))?.field).toBe('idempotencyKey');
  });
});
