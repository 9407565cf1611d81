import { weekStartOf } from './week-argument';

/** Wednesday 2026-12-09, noon on this computer's calendar. */
const WEDNESDAY = new Date(2026, 11, 9, 12);

describe('weekStartOf', () => {
  it.each([
    [undefined, '2026-12-07'],
    ['this', '2026-12-07'],
    ['last', '2026-11-30'],
    ['2026-12-13', '2026-12-07'],
    ['2026-03-02', '2026-03-02'],
    ['2027-01-01', '2026-12-28'],
  ])('reads %s as the week starting %s', (argument, monday) => {
    expect(weekStartOf(argument, WEDNESDAY)).toBe(monday);
  });

  it.each(['next', '2026-02-30', '9.12.2026'])('refuses "%s", naming what it takes', (argument) => {
    expect(() => weekStartOf(argument, WEDNESDAY)).toThrow(
      `The week must be \`this\`, \`last\` or a date in the week (YYYY-MM-DD), got "${argument}"`,
    );
  });
});
