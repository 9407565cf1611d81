import { byPerson } from './not-approved';
import type { NotApproved } from './not-approved';

function week(id: string, name: string | null, weekStart: string): NotApproved[number] {
  return {
    __typename: 'TimesheetWeek',
    weekStart,
    status: 'OPEN',
    version: 0,
    recordedHours: 0,
    expectedHours: 40,
    owner: { __typename: 'Person', id, name, email: `${id}@abc.example`, team: 'engineering' },
  };
}

describe('byPerson', () => {
  it('groups the weeks by person, most weeks first, each newest first', () => {
    const people = byPerson([
      week('eli', 'Eli Employee', '2026-11-16'),
      week('emma', 'Emma Employee', '2026-11-09'),
      week('emma', 'Emma Employee', '2026-11-23'),
      week('ann', null, '2026-11-23'),
    ]);
    expect(people.map((person) => person.name)).toEqual([
      'Emma Employee',
      'ann@abc.example',
      'Eli Employee',
    ]);
    expect(people[0]?.weeks.map((w) => w.weekStart)).toEqual(['2026-11-23', '2026-11-09']);
  });
});
