import { describeEvent } from './history-lines';

const maria = { id: 'auth0|maria', name: 'Maria Manager', email: 'maria@abc.example' };
const emma = { id: 'auth0|emma', name: null, email: 'emma@abc.example' };

describe('describeEvent', () => {
  it('names who logged an entry and what it held', () => {
    const line = describeEvent({
      at: '2026-11-25T09:00:00.000Z',
      action: 'CREATED',
      actor: emma,
      changes: [
        { field: 'date', from: null, to: '2026-11-24' },
        { field: 'hours', from: null, to: '8' },
        { field: 'notes', from: null, to: null },
      ],
    });
    expect(line).toEqual({
      actor: 'emma@abc.example',
      action: 'logged the entry',
      changes: ['Date: Tue 24 Nov', 'Hours: 8 h', 'Notes: (none)'],
      reason: null,
    });
  });

  it('shows an edit as from → to', () => {
    const line = describeEvent({
      at: '2026-11-25T10:00:00.000Z',
      action: 'EDITED',
      actor: emma,
      changes: [{ field: 'hours', from: '8', to: '6' }],
    });
    expect(line.changes).toEqual(['Hours: 8 h → 6 h']);
    expect(line.action).toBe('edited the entry');
  });

  it('names a rejection, its reason, and the fix that resubmitted it', () => {
    const rejected = describeEvent({
      at: '2026-11-25T11:00:00.000Z',
      action: 'REJECTED',
      actor: maria,
      reason: 'Wrong project',
      changes: [{ field: 'status', from: 'PENDING', to: 'REJECTED' }],
    });
    expect(rejected).toEqual({
      actor: 'Maria Manager',
      action: 'rejected the entry',
      changes: [],
      reason: 'Wrong project',
    });
    const fixed = describeEvent({
      at: '2026-11-25T12:00:00.000Z',
      action: 'EDITED',
      actor: emma,
      changes: [
        { field: 'project', from: 'Apollo', to: 'Borealis' },
        { field: 'status', from: 'REJECTED', to: 'PENDING' },
      ],
    });
    expect(fixed.action).toBe('fixed and resubmitted the entry');
    expect(fixed.changes).toEqual(['Project: Apollo → Borealis', 'Status: Rejected → Pending']);
  });

  it('falls back to the id for a person the directory does not know', () => {
    const line = describeEvent({
      at: '2026-11-25T12:00:00.000Z',
      action: 'UPLOADED',
      actor: { id: 'timesheets-importer' },
      changes: [],
    });
    expect(line.actor).toBe('timesheets-importer');
  });
});
