import {
  buildGrid,
  cellKey,
  cellText,
  gridTotals,
  moveInGrid,
  parseHours,
  pendingChanges,
  projectsOf,
} from './grid-model';

const MONDAY = '2026-11-23';
const entries = [
  { id: 'a', date: '2026-11-23', project: 'Apollo', hours: 7.5 },
  { id: 'b', date: '2026-11-24', project: 'Borealis', hours: 2 },
  { id: 'c', date: '2026-11-24', project: 'Borealis', hours: 1.25 },
  { id: 'd', date: '2026-11-30', project: 'Apollo', hours: 8 },
];

describe('buildGrid', () => {
  it('puts each entry in its project row and day column, leaving out other weeks', () => {
    const grid = buildGrid(MONDAY, entries);
    expect(grid.dates).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(grid.rows.map((row) => row.project)).toEqual(['Apollo', 'Borealis']);
    const apollo = grid.rows[0]?.cells ?? [];
    expect(apollo.map((cell) => cell.saved)).toEqual([750, 0, 0, 0, 0, 0, 0]);
    expect(apollo[0]?.entries.map((entry) => entry.id)).toEqual(['a']);
  });

  it('marks a cell holding more than one entry, with their sum', () => {
    const cell = buildGrid(MONDAY, entries).rows[1]?.cells[1];
    expect(cell?.multiple).toBe(true);
    expect(cell?.saved).toBe(325);
    expect(cell?.entries.map((entry) => entry.id)).toEqual(['b', 'c']);
  });

  it('adds empty rows for added projects after the rows of entries, once each', () => {
    const grid = buildGrid(MONDAY, entries, ['Cygnus', 'Apollo', 'Cygnus', 'Atlas']);
    expect(grid.rows.map((row) => row.project)).toEqual(['Apollo', 'Borealis', 'Cygnus', 'Atlas']);
    expect(grid.rows[2]?.cells.every((cell) => cell.saved === 0 && !cell.multiple)).toBe(true);
  });
});

describe('parseHours', () => {
  it.each([
    ['', 0],
    ['  ', 0],
    ['0', 0],
    ['7.5', 750],
    ['7,5', 750],
    ['.25', 25],
    ['24', 2400],
  ])('reads %j as %d hundredths', (text, hundredths) => {
    expect(parseHours(text)).toBe(hundredths);
  });

  it.each(['-1', '24.01', '1.005', 'abc', '.', '1e2', '7.5h'])('refuses %j', (text) => {
    expect(parseHours(text)).toBeNull();
  });
});

describe('pendingChanges', () => {
  const grid = buildGrid(MONDAY, entries, ['Cygnus']);

  it('sends only the cells whose value changed, hours 0 to clear one', () => {
    const drafts = {
      [cellKey('Apollo', '2026-11-23')]: '',
      [cellKey('Apollo', '2026-11-25')]: '3',
      [cellKey('Cygnus', '2026-11-26')]: '1.5',
      // typed, but the same value as saved: nothing to send
      [cellKey('Cygnus', '2026-11-27')]: '0',
    };
    expect(pendingChanges(grid, drafts)).toEqual({
      cells: [
        { date: '2026-11-23', project: 'Apollo', hours: 0 },
        { date: '2026-11-25', project: 'Apollo', hours: 3 },
        { date: '2026-11-26', project: 'Cygnus', hours: 1.5 },
      ],
      invalid: [],
    });
  });

  it('never sends a cell with several entries, and names drafts that are not hours', () => {
    const drafts = {
      [cellKey('Borealis', '2026-11-24')]: '5',
      [cellKey('Borealis', '2026-11-25')]: 'x',
    };
    expect(pendingChanges(grid, drafts)).toEqual({
      cells: [],
      invalid: [cellKey('Borealis', '2026-11-25')],
    });
  });
});

describe('gridTotals', () => {
  it('sums rows, days and the week with drafts and absences, exactly', () => {
    const grid = buildGrid(MONDAY, entries);
    const drafts = {
      [cellKey('Apollo', '2026-11-25')]: '0.1',
      [cellKey('Apollo', '2026-11-26')]: '0.2',
      [cellKey('Apollo', '2026-11-27')]: 'oops',
    };
    const totals = gridTotals(grid, drafts, [{ id: 'x', date: '2026-11-27', hours: 8 }]);
    expect(totals.rows).toEqual([780, 325]);
    expect(totals.absences).toEqual([0, 0, 0, 0, 800, 0, 0]);
    expect(totals.days).toEqual([750, 325, 10, 20, 800, 0, 0]);
    expect(totals.week).toBe(1905);
  });
});

describe('cellText', () => {
  it('shows the draft when typed, else the saved hours, else nothing', () => {
    const grid = buildGrid(MONDAY, entries);
    const [monday, tuesday] = grid.rows[0]?.cells ?? [];
    expect(monday && cellText(monday, {})).toBe('7.5');
    expect(tuesday && cellText(tuesday, {})).toBe('');
    expect(monday && cellText(monday, { [monday.key]: '6' })).toBe('6');
  });
});

describe('projectsOf', () => {
  it('lists the projects of a week once each, by name', () => {
    expect(projectsOf(entries)).toEqual(['Apollo', 'Borealis']);
  });
});

describe('moveInGrid', () => {
  it('moves with the arrow keys and Enter, and stays at the edges', () => {
    expect(moveInGrid('ArrowRight', [0, 0], [2, 7])).toEqual([0, 1]);
    expect(moveInGrid('ArrowDown', [0, 3], [2, 7])).toEqual([1, 3]);
    expect(moveInGrid('Enter', [0, 3], [2, 7])).toEqual([1, 3]);
    expect(moveInGrid('ArrowLeft', [1, 0], [2, 7])).toBeNull();
    expect(moveInGrid('ArrowDown', [1, 0], [2, 7])).toBeNull();
    expect(moveInGrid('a', [0, 0], [2, 7])).toBeNull();
  });
});
