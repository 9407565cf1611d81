import { toCsv } from './csv';

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

  it('neutralises formulas in notes and in a rejection reason, after a ; too', () => {
    const csv = toCsv([
      {
        date: '2026-11-23',
        project: 'Audit',
        hours: 1,
        notes: 'x;=1+1',
        status: 'REJECTED',
        rejectionReason: '=HYPERLINK("http://evil.example")',
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe(
      '2026-11-23,Audit,1,REJECTED,"x;\'=1+1","\'=HYPERLINK(""http://evil.example"")"',
    );
  });
});
