import { csvField, toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and RFC 4180 quoting', () => {
    expect(
      toCsv([
        {
          date: '2026-11-23',
          project: 'Apollo, "phase 2"',
          hours: 7.5,
          notes: 'line\nbreak',
          status: 'PENDING',
        },
      ]),
    ).toBe(
      'date,project,hours,status,notes,rejection_reason\r\n2026-11-23,"Apollo, ""phase 2""",7.5,PENDING,"line\nbreak",\r\n',
    );
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField(-1)).toBe('-1');
  });
});
