import { ImportFileError } from './csv';
import { parseEntriesFile } from './entries-file';

const HEADER = 'externalId,userId,date,project,hours,notes';
const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseEntriesFile', () => {
  it('reads rows with the line each starts on, through blank lines and multi-line notes', () => {
    const file = `${HEADER}\n\nhr-1,auth0|emma,2026-11-20,Audit,2,"two\nlines"\n\nhr-2,auth0|eli,2026-11-21,Sales,1.5,`;
    const { rows, rejected } = parseEntriesFile(bytes(file));
    expect(rejected).toEqual([]);
    expect(rows).toEqual([
      {
        line: 3,
        entry: {
          externalId: 'hr-1',
          userId: 'auth0|emma',
          date: '2026-11-20',
          project: 'Audit',
          hours: 2,
          notes: 'two\nlines',
        },
      },
      {
        line: 6,
        entry: {
          externalId: 'hr-2',
          userId: 'auth0|eli',
          date: '2026-11-21',
          project: 'Sales',
          hours: 1.5,
          notes: null,
        },
      },
    ]);
  });

  it('accepts a UTF-8 byte order mark and CRLF line ends', () => {
    const file = `\uFEFF${HEADER}\r\nhr-1,auth0|emma,2026-11-20,Café,2,\r\n`;
    expect(parseEntriesFile(bytes(file)).rows[0]?.entry.project).toBe('Café');
  });

  it('rejects a row whose hours are not a number, locally and with its line', () => {
    const { rows, rejected } = parseEntriesFile(
      bytes(`${HEADER}\nhr-1,auth0|emma,2026-11-20,Audit,two,\n`),
    );
    expect(rows).toEqual([]);
    expect(rejected).toEqual([
      { line: 2, externalId: 'hr-1', reason: 'hours must be a number, got "two"' },
    ]);
  });

  it.each([
    [
      'a wrong header',
      'id,user,date,project,hours,notes\nx,y,2026-11-20,A,1,\n',
      /header must be exactly "externalId,userId,date,project,hours,notes"/,
    ],
    [
      'a wrong column count',
      `${HEADER}\nhr-1,auth0|emma,2026-11-20,Audit,2\n`,
      /not well-formed CSV \(line 2\)/,
    ],
    [
      'an unclosed quote',
      `${HEADER}\nhr-1,auth0|emma,2026-11-20,"Audit,2,\n`,
      /not well-formed CSV/,
    ],
    ['no data rows', `${HEADER}\n`, /no data rows/],
  ])('refuses a file with %s before anything is sent', (_name, text, message) => {
    expect(() => parseEntriesFile(bytes(text))).toThrow(ImportFileError);
    expect(() => parseEntriesFile(bytes(text))).toThrow(message);
  });

  it('refuses a file that is not UTF-8', () => {
    const latin1 = Uint8Array.from([
      ...bytes(`${HEADER}\nhr-1,auth0|emma,2026-11-20,Caf`),
      0xe9,
      ...bytes(',2,\n'),
    ]);
    expect(() => parseEntriesFile(latin1)).toThrow(
      'the file is not valid UTF-8 text (save it as CSV UTF-8)',
    );
  });
});
