import { localTime, weekStatusLines, type WeekView } from './week-status';

/** A week as the API answers it, OPEN and untouched unless a test says otherwise. */
function weekOf(fields: Partial<WeekView> = {}): WeekView {
  return {
    __typename: 'TimesheetWeek',
    weekStart: '2026-11-30',
    status: 'OPEN',
    version: 0,
    recordedHours: 0,
    absenceHours: 0,
    expectedHours: 40,
    missingDays: [],
    absences: [],
    submittedAt: null,
    decidedAt: null,
    decidedBy: null,
    note: null,
    reason: null,
    closed: false,
    ...fields,
  };
}

/** An instant on this computer's clock, as the API sends instants (ISO 8601, UTC). */
const at = (hour: number) => new Date(2026, 11, 7, hour, 5).toISOString();

describe('weekStatusLines', () => {
  it('shows an untouched week: nothing recorded, every working day missing, how to submit it', () => {
    const lines = weekStatusLines(
      weekOf({ missingDays: ['2026-11-30', '2026-12-01', '2026-12-02'] }),
      null,
    );
    expect(lines).toEqual([
      'Week of 2026-11-30 to 2026-12-06: OPEN (version 0)',
      '',
      'Hours     0.00 of 40.00 h expected, 40.00 short (0.00 recorded, 0.00 absent)',
      'Missing   Mon 2026-11-30, Tue 2026-12-01, Wed 2026-12-02',
      'Absences  none',
      'Next      npm run cli -- submit 2026-11-30 --note "…"',
    ]);
  });

  it('shows a rejected week with its absences, note, who rejected it and why', () => {
    // Rejected entries do not count as recorded; submitting again makes them pending, so the API
    // decides then whether a note is needed, and the hint has none.
    const lines = weekStatusLines(
      weekOf({
        status: 'REJECTED',
        version: 7,
        recordedHours: 0,
        absenceHours: 15.5,
        absences: [
          { __typename: 'Absence', id: 'a1', date: '2026-12-03', kind: 'SICK', hours: 7.5 },
          { __typename: 'Absence', id: 'a2', date: '2026-12-04', kind: 'VACATION', hours: 8 },
        ],
        submittedAt: at(9),
        decidedAt: at(11),
        decidedBy: { __typename: 'Person', id: 'auth0|maria', name: 'Maria Manager', email: null },
        note: 'Sick on Thursday',
        reason: 'Monday is on the wrong project',
      }),
      null,
    );
    expect(lines).toEqual([
      'Week of 2026-11-30 to 2026-12-06: REJECTED (version 7)',
      '',
      'Hours      15.50 of 40.00 h expected, 24.50 short (0.00 recorded, 15.50 absent)',
      'Missing    none',
      'Absences   Thu 2026-12-03  SICK  7.50',
      '           Fri 2026-12-04  VACATION  8.00',
      'Submitted  2026-12-07 09:05',
      'Note       Sick on Thursday',
      'Rejected   2026-12-07 11:05 by Maria Manager',
      'Reason     Monday is on the wrong project',
      'Next       npm run cli -- submit 2026-11-30',
    ]);
  });

  it('says when the week is in a closed period, and offers no submission then', () => {
    const approved = weekOf({
      status: 'APPROVED',
      version: 3,
      recordedHours: 40,
      decidedAt: at(10),
      decidedBy: {
        __typename: 'Person',
        id: 'auth0|paula',
        name: null,
        email: 'paula@abc.example',
      },
      closed: true,
    });
    expect(weekStatusLines(approved, '2026-12-06').slice(-2)).toEqual([
      'Approved  2026-12-07 10:05 by paula@abc.example',
      'Period    closed through 2026-12-06: nothing in this week can change',
    ]);
    const open = weekStatusLines(weekOf({ recordedHours: 40 }), '2026-12-01');
    expect(open.slice(-2)).toEqual([
      'Period    closed through 2026-12-01: days up to it cannot change',
      'Next      npm run cli -- submit 2026-11-30',
    ]);
  });
});

describe('localTime', () => {
  it("shows an API instant on this computer's clock, to the minute", () => {
    expect(localTime(new Date(2026, 0, 2, 3, 4, 59).toISOString())).toBe('2026-01-02 03:04');
  });
});
