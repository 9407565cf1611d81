import { groupForApproval } from './approval-groups';

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
