import { ImportFileError } from './csv';
import { parseHolidaysFile } from './holidays-file';

const bytes = (text: string) => new TextEncoder().encode(text);

function refusal(text: string): string {
  try {
    parseHolidaysFile(bytes(text));
  } catch (error) {
    if (error instanceof ImportFileError) return error.message;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('parseHolidaysFile', () => {
  it('reads holidays with their lines, trimmed, through blank lines, quotes and a BOM', () => {
    const file =
      '\uFEFFdate,name\r\n2026-12-25, Christmas Day \r\n\r\n 2026-12-26 ,"St Stephen\'s Day, Boxing Day"\r\n';
    expect(parseHolidaysFile(bytes(file))).toEqual([
      { line: 2, holiday: { date: '2026-12-25', name: 'Christmas Day' } },
      { line: 4, holiday: { date: '2026-12-26', name: "St Stephen's Day, Boxing Day" } },
    ]);
  });

  it('refuses the whole file over bad lines, naming each', () => {
    const message = refusal(
      [
        'date,name',
        '2026-12-25,Christmas Day',
        '2026-02-30,Nonsense',
        '25/12/2026,Christmas',
        '2026-12-31,',
        '2026-12-25,Christmas again',
      ].join('\n'),
    );
    expect(message).toBe(
      [
        "4 lines break the calendar's rules (nothing was sent):",
        '  line 3: date "2026-02-30" is not a real YYYY-MM-DD date',
        '  line 4: date "25/12/2026" is not a real YYYY-MM-DD date',
        '  line 5: name must not be empty',
        '  line 6: the same date is already on line 2',
      ].join('\n'),
    );
  });

  it.each([
    ['the people header', 'id,name,email,team\n', /header must be exactly "date,name"/],
    ['a line of three values', 'date,name\n2026-12-25,Christmas,x\n', /not well-formed CSV/],
    ['no data rows', 'date,name\n', /the file has no data rows/],
  ])('refuses a file with %s', (_case, text, message) => {
    expect(refusal(text)).toMatch(message);
  });
});
