import {
  describeWeekEvent,
  hoursSentence,
  isWeekShort,
  weekActions,
  weekConflictSentence,
} from './week-status';

const maria = { id: 'maria', name: 'Maria Manager', email: 'maria@abc.example' };

describe('describeWeekEvent', () => {
  it('names the actor, the action and the reason of a rejection', () => {
    expect(
      describeWeekEvent({ at: '', action: 'REJECTED', reason: 'Tuesday is missing', actor: maria }),
    ).toEqual({
      actor: 'Maria Manager',
      action: 'rejected the week',
      detail: 'Reason: Tuesday is missing',
      rejection: true,
    });
  });

  it('tells a withdrawal by an edit from one by the button, and shows a submission note', () => {
    const emma = { id: 'emma', name: null, email: 'emma@abc.example' };
    expect(describeWeekEvent({ at: '', action: 'WITHDRAWN', entryId: 'e1', actor: emma })).toEqual({
      actor: 'emma@abc.example',
      action: 'withdrew the week by changing it',
      detail: null,
      rejection: false,
    });
    expect(
      describeWeekEvent({ at: '', action: 'SUBMITTED', note: 'Friday off', actor: emma }).detail,
    ).toBe('Note: Friday off');
    expect(
      describeWeekEvent({
        at: '',
        action: 'WITHDRAWN',
        reason: 'withdrawn by its owner',
        actor: emma,
      }),
    ).toMatchObject({ detail: 'withdrawn by its owner', rejection: false });
  });
});

describe('isWeekShort', () => {
  it('counts absences with recorded hours, exactly in hundredths', () => {
    expect(isWeekShort({ recordedHours: 32, absenceHours: 8, expectedHours: 40 })).toBe(false);
    expect(isWeekShort({ recordedHours: 0.1 + 0.2, absenceHours: 0, expectedHours: 0.3 })).toBe(
      false,
    );
    expect(isWeekShort({ recordedHours: 39.99, absenceHours: 0, expectedHours: 40 })).toBe(true);
  });
});

describe('hoursSentence', () => {
  it('mentions absences only when there are some', () => {
    expect(hoursSentence({ recordedHours: 30, absenceHours: 0, expectedHours: 40 })).toBe(
      '30 h recorded of 40 h expected',
    );
    expect(hoursSentence({ recordedHours: 30, absenceHours: 8, expectedHours: 40 })).toBe(
      '30 h recorded + 8 h absent of 40 h expected',
    );
  });
});

describe('weekActions', () => {
  it('freezes an approved week and offers withdraw only while submitted', () => {
    expect(weekActions('APPROVED')).toEqual({
      canEdit: false,
      canSubmit: false,
      canWithdraw: false,
    });
    expect(weekActions('SUBMITTED')).toEqual({
      canEdit: true,
      canSubmit: false,
      canWithdraw: true,
    });
    expect(weekActions('REJECTED')).toEqual({ canEdit: true, canSubmit: true, canWithdraw: false });
  });
});

describe('weekConflictSentence', () => {
  it('names the closed date first, then the status, then the version', () => {
    const none = { currentVersion: null, weekStatus: null, closedThrough: null };
    expect(
      weekConflictSentence({ ...none, closedThrough: '2026-11-30', weekStatus: 'OPEN' }),
    ).toContain('closed through 2026-11-30');
    expect(weekConflictSentence({ ...none, weekStatus: 'APPROVED' })).toContain(
      'approved · locked',
    );
    expect(weekConflictSentence({ ...none, currentVersion: 4 })).toContain('now version 4');
  });
});
