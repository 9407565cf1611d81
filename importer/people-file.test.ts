import { ImportFileError } from './csv';
import { parsePeopleFile } from './people-file';

const HEADER = 'id,name,email,team';
const FULL_HEADER = `${HEADER},mon,tue,wed,thu,fri,sat,sun,employed_from,employed_until`;
const bytes = (text: string) => new TextEncoder().encode(text);
/** What a person without schedule or employment columns says of them: the defaults. */
const NO_TERMS = { schedule: null, employedFrom: null, employedUntil: null };

function refusal(text: string): string {
  try {
    parsePeopleFile(bytes(text));
  } catch (error) {
    if (error instanceof ImportFileError) return error.message;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('parsePeopleFile', () => {
  it('reads people with their lines, empty cells as null, through blank lines and a BOM', () => {
    const file = `\uFEFF${HEADER}\r\nauth0|emma,Emma Employee,emma@abc.example,engineering\r\n\r\nauth0|new,,,\r\nauth0|zoë,"Zoë, Jr.",,operations\r\n`;
    expect(parsePeopleFile(bytes(file))).toEqual([
      {
        line: 2,
        person: {
          id: 'auth0|emma',
          name: 'Emma Employee',
          email: 'emma@abc.example',
          team: 'engineering',
          ...NO_TERMS,
        },
      },
      { line: 4, person: { id: 'auth0|new', name: null, email: null, team: null, ...NO_TERMS } },
      {
        line: 5,
        person: { id: 'auth0|zoë', name: 'Zoë, Jr.', email: null, team: 'operations', ...NO_TERMS },
      },
    ]);
  });

  it('trims names, emails and teams as the directory stores them', () => {
    const [row] = parsePeopleFile(bytes(`${HEADER}\nauth0|eli, Eli , eli@abc.example ,  \n`));
    expect(row?.person).toEqual({
      id: 'auth0|eli',
      name: 'Eli',
      email: 'eli@abc.example',
      team: null,
      ...NO_TERMS,
    });
  });

  it('reads schedules (hours per weekday, Monday first) and employment dates from the full header', () => {
    const file = [
      FULL_HEADER,
      'auth0|emma,Emma,,engineering,8,8,8,8,8,0,0,2024-03-01,',
      'auth0|carlos,Carlos,,engineering,0,0,0,0,0,0,0,2026-06-01,2027-05-31',
      'auth0|pat,Pat,,operations, 7.5 ,7.5,7.5,7.5,4,0,0,,',
      'auth0|dee,Dee,,operations,,,,,,,,,',
    ].join('\n');
    expect(parsePeopleFile(bytes(file)).map((row) => [row.line, row.person])).toEqual([
      [
        2,
        {
          ...{ id: 'auth0|emma', name: 'Emma', email: null, team: 'engineering' },
          ...{ schedule: [8, 8, 8, 8, 8, 0, 0], employedFrom: '2024-03-01', employedUntil: null },
        },
      ],
      [
        3,
        {
          ...{ id: 'auth0|carlos', name: 'Carlos', email: null, team: 'engineering' },
          schedule: [0, 0, 0, 0, 0, 0, 0],
          employedFrom: '2026-06-01',
          employedUntil: '2027-05-31',
        },
      ],
      [
        4,
        {
          ...{ id: 'auth0|pat', name: 'Pat', email: null, team: 'operations' },
          ...{ schedule: [7.5, 7.5, 7.5, 7.5, 4, 0, 0], employedFrom: null, employedUntil: null },
        },
      ],
      [5, { id: 'auth0|dee', name: 'Dee', email: null, team: 'operations', ...NO_TERMS }],
    ]);
  });

  it.each([
    [
      'a schedule alone',
      'mon,tue,wed,thu,fri,sat,sun',
      '4,4,4,4,4,0,0',
      [4, 4, 4, 4, 4, 0, 0],
      null,
    ],
    ['employment alone', 'employed_from,employed_until', '2025-09-01,', null, '2025-09-01'],
  ])('reads %s after the person columns', (_case, columns, cells, schedule, employedFrom) => {
    const [row] = parsePeopleFile(bytes(`${HEADER},${columns}\nauth0|kai,Kai,,ops,${cells}\n`));
    expect(row?.person).toEqual({
      ...{ id: 'auth0|kai', name: 'Kai', email: null, team: 'ops' },
      ...{ schedule, employedFrom, employedUntil: null },
    });
  });

  it('refuses the whole file over bad schedule or employment cells, naming each line and column', () => {
    const message = refusal(
      [
        FULL_HEADER,
        'auth0|ok,Ok,,ops,8,8,8,8,8,0,0,,',
        'auth0|a,A,,ops,8,8,,8,8,0,0,,',
        'auth0|b,B,,ops,8,8,8,8,25,0,0,,',
        'auth0|c,C,,ops,8,abc,8,8,8,0,0,,',
        'auth0|d,D,,ops,8,"7,5",8,8,8,0,0,,',
        'auth0|e,E,,ops,8,8,8,8,7.555,0,0,,',
        'auth0|f,F,,ops,8,8,8,8,8,-1,0,,',
        'auth0|g,G,,ops,,,,,,,,2026-02-30,',
        'auth0|h,H,,ops,,,,,,,,01/03/2026,',
        'auth0|i,I,,ops,,,,,,,,2026-03-01,2026-02-28',
      ].join('\n'),
    );
    expect(message).toBe(
      [
        "9 lines break the directory's rules (nothing was sent):",
        '  line 3 (auth0|a): wed is empty: fill all of mon to sun, or none for the company default (8 hours Monday to Friday)',
        '  line 4 (auth0|b): fri "25" must be hours from 0 to 24 with at most two decimals, such as 7.5',
        '  line 5 (auth0|c): tue "abc" must be hours from 0 to 24 with at most two decimals, such as 7.5',
        '  line 6 (auth0|d): tue "7,5" must be hours from 0 to 24 with at most two decimals, such as 7.5',
        '  line 7 (auth0|e): fri "7.555" must be hours from 0 to 24 with at most two decimals, such as 7.5',
        '  line 8 (auth0|f): sat "-1" must be hours from 0 to 24 with at most two decimals, such as 7.5',
        '  line 9 (auth0|g): employed_from "2026-02-30" is not a real YYYY-MM-DD date',
        '  line 10 (auth0|h): employed_from "01/03/2026" is not a real YYYY-MM-DD date',
        '  line 11 (auth0|i): employed_until 2026-02-28 is before employed_from 2026-03-01',
      ].join('\n'),
    );
  });

  it("refuses the whole file when a person breaks the directory's rules, naming every line", () => {
    const message = refusal(
      [
        HEADER,
        'auth0|emma,Emma,emma@abc.example,engineering',
        'auth0|eli,Eli,not-an-email,engineering',
        ',Nobody,,',
        `auth0|olivia,Olivia,,${'t'.repeat(101)}`,
        ' auth0|omar,Omar,,',
      ].join('\n'),
    );
    expect(message).toBe(
      [
        "4 lines break the directory's rules (nothing was sent):",
        '  line 3 (auth0|eli): email "not-an-email" is not an email address',
        '  line 4: id must not be empty or have surrounding spaces',
        '  line 5 (auth0|olivia): team must be at most 100 characters',
        '  line 6 ( auth0|omar): id must not be empty or have surrounding spaces',
      ].join('\n'),
    );
  });

  it('refuses an id that appears twice, naming both lines', () => {
    expect(refusal(`${HEADER}\nauth0|emma,Emma,,\nauth0|eli,Eli,,\nauth0|emma,Emma E.,,\n`)).toBe(
      "a line breaks the directory's rules (nothing was sent):\n" +
        '  line 4 (auth0|emma): the same id is already on line 2',
    );
  });

  it('lists the first 20 problems and counts the rest', () => {
    const lines = Array.from({ length: 25 }, (_, i) => `auth0|p${i},P,bad-${i},`);
    const message = refusal([HEADER, ...lines].join('\n'));
    expect(message.split('\n')).toHaveLength(22);
    expect(message).toMatch(/^25 lines break/);
    expect(message).toMatch(/\n {2}… and 5 more$/);
  });

  it.each([
    [
      'the entries header',
      'externalId,userId,date,project,hours,notes\n',
      /header must be exactly "id,name,email,team", optionally followed by ",mon,tue,wed,thu,fri,sat,sun", then by ",employed_from,employed_until", got "externalId/,
    ],
    [
      'twelve values on a line of the full header',
      `${FULL_HEADER}\nauth0|emma,Emma,,eng,8,8,8,8,8,0,0,\n`,
      /not well-formed CSV \(line 2\)/,
    ],
    [
      'three values on a line',
      `${HEADER}\nauth0|emma,Emma,emma@abc.example\n`,
      /not well-formed CSV \(line 2\)/,
    ],
    [
      'five values on a line',
      `${HEADER}\nauth0|emma,Emma,emma@abc.example,eng,x\n`,
      /not well-formed CSV \(line 2\)/,
    ],
    ['no data rows', `${HEADER}\n\n`, /the file has no data rows/],
  ])('refuses a file with %s', (_name, text, message) => {
    expect(refusal(text)).toMatch(message);
  });

  it('refuses a file that is not UTF-8', () => {
    const latin1 = Uint8Array.from([...bytes(`${HEADER}\nauth0|zoe,Zo`), 0xeb, ...bytes(',,\n')]);
    expect(() => parsePeopleFile(latin1)).toThrow(
      'the file is not valid UTF-8 text (save it as CSV UTF-8)',
    );
  });
});
