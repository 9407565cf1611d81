import { readManagesClaim, readTeamClaim, teamClaimNames } from './claims';

describe('readManagesClaim', () => {
  it('reads an array of team names, trimmed and without repeats', () => {
    expect(readManagesClaim([' engineering', 'ops', 'engineering '])).toEqual({
      status: 'valid',
      teams: ['engineering', 'ops'],
    });
  });

  it('reads an empty array as naming no team', () => {
    expect(readManagesClaim([])).toEqual({ status: 'valid', teams: [] });
  });

  it('tells an absent claim from a present one', () => {
    expect(readManagesClaim(undefined)).toEqual({ status: 'absent' });
  });

  it.each([
    ['a string', 'operations', 'string'],
    ['an empty string', '', 'string'],
    ['an object', { teams: ['operations'] }, 'object'],
    ['null', null, 'other'],
    ['a number', 7, 'other'],
    ['a boolean', true, 'other'],
    ['an array holding a number', ['operations', 7], 'array-item'],
    ['an array holding an empty name', ['operations', ' '], 'array-item'],
    ['an array holding an object', [{ team: 'operations' }], 'array-item'],
    ['an array holding a name too long', ['x'.repeat(101)], 'array-item'],
  ])('calls %s malformed, never a list of teams', (_what, value, shape) => {
    expect(readManagesClaim(value)).toEqual({ status: 'malformed', shape });
  });
});

describe('readTeamClaim', () => {
  it('reads a team name, trimmed, and nothing else', () => {
    expect(readTeamClaim(' engineering ')).toBe('engineering');
    expect(readTeamClaim(['engineering'])).toBeNull();
    expect(readTeamClaim('  ')).toBeNull();
  });
});

describe('teamClaimNames', () => {
  it('names both claims under the namespace', () => {
    expect(teamClaimNames('https://example.com/')).toEqual({
      team: 'https://example.com/team',
      manages: 'https://example.com/manages',
    });
  });
});
