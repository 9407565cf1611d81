import { csvField, csvLine } from './csv';

describe('csvField', () => {
  it('quotes a field holding a separator, a quote or a line break (RFC 4180)', () => {
    expect(csvField('Apollo, "phase 2"')).toBe('"Apollo, ""phase 2"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('plain')).toBe('plain');
  });

  it.each([
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['@sum', "'@sum"],
    ['+1', "'+1"],
    ['-1+1', "'-1+1"],
    ['\t=1', '"\t\'=1"'],
    ['\r@x', '"\r\'@x"'],
  ])('neutralises a formula at the start of %j', (text, field) => {
    expect(csvField(text)).toBe(field);
  });

  it.each([
    ['x;=1+1', '"x;\'=1+1"'],
    ['x; =1+1', '"x; \'=1+1"'],
    ['x,@cmd', '"x,\'@cmd"'],
    ['x|+1', '"x|\'+1"'],
    ['x\t-1', '"x\t\'-1"'],
    ['x;"=1+1"', '"x;""\'=1+1"""'],
  ])('neutralises a formula after a separator another locale splits on, in %j', (text, field) => {
    expect(csvField(text)).toBe(field);
  });

  it('writes numbers as numbers, negative ones included, and nothing for null', () => {
    expect(csvField(-1)).toBe('-1');
    expect(csvField(7.5)).toBe('7.5');
    expect(csvField(null)).toBe('');
  });
});

describe('csvLine', () => {
  it('joins the fields with commas', () => {
    expect(csvLine(['2026-11-23', 'A;=1', 7.5, null])).toBe('2026-11-23,"A;\'=1",7.5,');
  });
});
