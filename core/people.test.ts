import { validatePerson, type PersonInput, type PersonViolation } from './people';

const base = { id: 'auth0|emma', name: ' Emma ', email: 'emma@abc.example', team: 'engineering' };

function violationOf(input: PersonInput): PersonViolation {
  const result = validatePerson(input);
  if (result.ok) throw new Error('the person was accepted');
  return result.violation;
}

describe('validatePerson', () => {
  it('keeps a schedule and employment dates, with no schedule as null (the company default)', () => {
    expect(
      validatePerson({
        ...base,
        schedule: [8, 8, 8, 8, 7.5, 0, 0],
        employedFrom: '2024-03-04',
        employedUntil: '2027-03-31',
      }),
    ).toEqual({
      ok: true,
      value: {
        ...{ id: 'auth0|emma', name: 'Emma', email: 'emma@abc.example', team: 'engineering' },
        ...{ schedule: [8, 8, 8, 8, 7.5, 0, 0], employedFrom: '2024-03-04' },
        employedUntil: '2027-03-31',
      },
    });
    expect(validatePerson(base)).toMatchObject({
      ok: true,
      value: { schedule: null, employedFrom: null, employedUntil: null },
    });
    expect(validatePerson({ ...base, schedule: null, employedFrom: null })).toMatchObject({
      ok: true,
      value: { schedule: null, employedFrom: null },
    });
  });

  it('accepts all zeros (a contractor without fixed hours) and 24-hour days', () => {
    expect(validatePerson({ ...base, schedule: [0, 0, 0, 0, 0, 0, 0] })).toMatchObject({
      ok: true,
      value: { schedule: [0, 0, 0, 0, 0, 0, 0] },
    });
    expect(validatePerson({ ...base, schedule: [24, 24, 24, 24, 24, 24, 24] }).ok).toBe(true);
  });

  it('stores hours as exact hundredths, and -0 as 0', () => {
    const result = validatePerson({ ...base, schedule: [0.1 + 0.2, 7.3, 8, 8, 8, -0, 0] });
    expect(result.ok && result.value.schedule).toEqual([0.3, 7.3, 8, 8, 8, 0, 0]);
    expect(result.ok && Object.is(result.value.schedule?.[5], 0)).toBe(true);
  });

  it('accepts a single day of employment (from and until the same day)', () => {
    const input = { ...base, employedFrom: '2026-12-01', employedUntil: '2026-12-01' };
    expect(validatePerson(input).ok).toBe(true);
  });

  it.each<[string, Partial<PersonInput>, PersonViolation]>([
    [
      'six values',
      { schedule: [8, 8, 8, 8, 8, 0] },
      { field: 'schedule', message: 'schedule must hold 7 values (Monday first), got 6' },
    ],
    [
      'eight values',
      { schedule: [8, 8, 8, 8, 8, 0, 0, 0] },
      { field: 'schedule', message: 'schedule must hold 7 values (Monday first), got 8' },
    ],
    [
      'no values',
      { schedule: [] },
      { field: 'schedule', message: 'schedule must hold 7 values (Monday first), got 0' },
    ],
    [
      'a day over 24 hours',
      { schedule: [8, 8, 24.01, 8, 8, 0, 0] },
      {
        field: 'schedule',
        message: 'schedule value 3 must be 0 to 24 hours with at most two decimals',
      },
    ],
    [
      'negative hours',
      { schedule: [8, 8, 8, 8, 8, -1, 0] },
      {
        field: 'schedule',
        message: 'schedule value 6 must be 0 to 24 hours with at most two decimals',
      },
    ],
    [
      'three decimals',
      { schedule: [7.125, 8, 8, 8, 8, 0, 0] },
      {
        field: 'schedule',
        message: 'schedule value 1 must be 0 to 24 hours with at most two decimals',
      },
    ],
    [
      'a value that is not a number',
      { schedule: [8, 8, 8, 8, NaN, 0, 0] },
      {
        field: 'schedule',
        message: 'schedule value 5 must be 0 to 24 hours with at most two decimals',
      },
    ],
    [
      'an impossible start date',
      { employedFrom: '2026-02-30' },
      { field: 'employedFrom', message: 'employedFrom "2026-02-30" is not a real YYYY-MM-DD date' },
    ],
    [
      'an end date in another format',
      { employedUntil: '31/12/2026' },
      {
        field: 'employedUntil',
        message: 'employedUntil "31/12/2026" is not a real YYYY-MM-DD date',
      },
    ],
    [
      'an end date with a time',
      { employedUntil: '2026-12-31T00:00:00Z' },
      {
        field: 'employedUntil',
        message: 'employedUntil "2026-12-31T00:00:00Z" is not a real YYYY-MM-DD date',
      },
    ],
    [
      'an end before the start',
      { employedFrom: '2026-03-01', employedUntil: '2026-02-28' },
      {
        field: 'employedUntil',
        message: 'employedUntil 2026-02-28 is before employedFrom 2026-03-01',
      },
    ],
  ])('refuses %s, naming the field', (_case, terms, violation) => {
    expect(violationOf({ ...base, ...terms })).toEqual(violation);
  });

  it('names the first broken rule: the email before the schedule', () => {
    expect(violationOf({ ...base, email: 'x', schedule: [1] }).field).toBe('email');
  });
});
