import { weeksToClose } from './not-approved-preview';

describe('weeksToClose', () => {
  it('lists the weeks a close freezes, newest first, after the current close date', () => {
    expect(weeksToClose('2026-11-15', '2026-11-30')).toEqual([
      '2026-11-30',
      '2026-11-23',
      '2026-11-16',
    ]);
  });

  it('counts a week the current close date cuts in two, and looks back at most five weeks', () => {
    expect(weeksToClose('2026-11-18', '2026-11-22')).toEqual(['2026-11-16']);
    expect(weeksToClose(null, '2026-11-30')).toHaveLength(5);
  });
});
