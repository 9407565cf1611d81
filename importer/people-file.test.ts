import { ImportFileError } from './csv';
import { parsePeopleFile } from './people-file';

const HEADER = 'id,name,email,team';
const bytes = (text: string) => new TextEncoder().encode(text);

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
        },
      },
      { line: 4, person: { id: 'auth0|new', name: null, email: null, team: null } },
      { line: 5, person: { id: 'auth0|zoë', name: 'Zoë, Jr.', email: null, team: 'operations' } },
    ]);
  });

  it('trims names, emails and teams as the directory stores them', () => {
    const [row] = parsePeopleFile(bytes(`${HEADER}\nauth0|eli, Eli , eli@abc.example ,  \n`));
    expect(row?.person).toEqual({
      id: 'auth0|eli',
      name: 'Eli',
      email: 'eli@abc.example',
      team: null,
    });
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
      /header must be exactly "id,name,email,team"/,
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
