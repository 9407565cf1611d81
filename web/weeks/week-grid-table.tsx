'use client';

import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { formatDay, formatHundredths, formatWeekday } from '../lib/format';
import { cellText, moveInGrid } from './grid-model';
import type { GridCell } from './grid-model';
import type { WeekGridState } from './use-week-grid';

/** The accessible name of a cell: "Apollo, Mon 23 Nov". */
export function cellLabel(cell: Pick<GridCell, 'project' | 'date'>): string {
  return `${cell.project}, ${formatDay(cell.date)}`;
}

/** Moves the focus between the cells of `container` with the arrow keys and Enter. */
export function useCellNavigation(size: readonly [number, number]) {
  const container = useRef<HTMLDivElement>(null);
  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const target = event.target as HTMLElement;
    const at = target.dataset.cell?.split(':').map(Number);
    if (!at || at.length !== 2 || event.altKey || event.ctrlKey || event.metaKey) return;
    const next = moveInGrid(event.key, [at[0] ?? 0, at[1] ?? 0], size);
    if (!next) return;
    const element = container.current?.querySelector<HTMLElement>(
      `[data-cell="${next[0]}:${next[1]}"]`,
    );
    if (!element) return;
    event.preventDefault();
    element.focus();
    if (element instanceof HTMLInputElement) element.select();
  }
  return { container, onKeyDown };
}

/** One cell: an hours field, or for a cell of several entries a button that opens them. */
export function GridCellControl({
  cell,
  position,
  state,
  editable,
  onOpen,
  opened,
}: {
  cell: GridCell;
  position: string;
  state: WeekGridState;
  editable: boolean;
  onOpen: (cell: GridCell) => void;
  opened: boolean;
}) {
  const label = cellLabel(cell);
  if (cell.multiple) {
    return (
      <button
        type="button"
        className="cell-multiple"
        data-cell={position}
        aria-expanded={opened}
        onClick={() => onOpen(cell)}
      >
        {formatHundredths(cell.saved)}
        <span className="cell-count"> ({cell.entries.length})</span>
        <span className="visually-hidden">
          : {formatHundredths(cell.saved)} h in {cell.entries.length} entries, {label}, open them
        </span>
      </button>
    );
  }
  if (!editable) return <>{cell.saved > 0 ? formatHundredths(cell.saved) : ''}</>;
  const bad = state.badCell === cell.key;
  return (
    <input
      className="cell-input"
      type="text"
      inputMode="decimal"
      autoComplete="off"
      data-cell={position}
      aria-label={label}
      aria-invalid={bad || state.changes.invalid.includes(cell.key) || undefined}
      value={cellText(cell, state.drafts)}
      onChange={(event) => state.type(cell.key, event.target.value)}
      onFocus={(event) => event.target.select()}
    />
  );
}

/** The week as an editable table: projects down, Monday to Sunday across, absences and totals. */
export function WeekGridTable({
  state,
  editable,
  absenceLabels,
  caption,
  openedKey,
  onOpen,
}: {
  state: WeekGridState;
  editable: boolean;
  /** What each day's absences say ("8 h vacation"), Monday first. */
  absenceLabels: readonly string[];
  caption: string;
  openedKey: string | null;
  onOpen: (cell: GridCell) => void;
}) {
  const { grid, totals } = state;
  const navigation = useCellNavigation([grid.rows.length, grid.dates.length]);
  return (
    <div
      ref={navigation.container}
      className="table-scroll"
      role="region"
      aria-label={caption}
      onKeyDown={navigation.onKeyDown}
    >
      <table className="week-grid">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Project</th>
            {grid.dates.map((date) => (
              <th scope="col" key={date}>
                <abbr title={formatDay(date)}>{formatWeekday(date)}</abbr>
                <span className="day-number">{Number(date.slice(8))}</span>
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {grid.rows.length === 0 && (
            <tr>
              <td colSpan={9} className="empty-cell">
                No time logged this week yet.
                {editable && ' Add a project row to start.'}
              </td>
            </tr>
          )}
          {grid.rows.map((row, r) => (
            <tr key={row.project}>
              <th scope="row">{row.project}</th>
              {row.cells.map((cell, c) => (
                <td key={cell.date}>
                  <GridCellControl
                    cell={cell}
                    position={`${r}:${c}`}
                    state={state}
                    editable={editable}
                    onOpen={onOpen}
                    opened={openedKey === cell.key}
                  />
                </td>
              ))}
              <td className="total">{formatHundredths(totals.rows[r] ?? 0)}</td>
            </tr>
          ))}
          <tr className="absence-row">
            <th scope="row">Absences</th>
            {grid.dates.map((date, day) => (
              <td key={date}>{absenceLabels[day]}</td>
            ))}
            <td className="total">
              {formatHundredths(totals.absences.reduce((a, b) => a + b, 0))}
            </td>
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Daily total</th>
            {totals.days.map((hundredths, day) => (
              <td key={grid.dates[day]} data-testid={`day-total-${grid.dates[day]}`}>
                {formatHundredths(hundredths)}
              </td>
            ))}
            <td className="total" data-testid="week-total">
              {formatHundredths(totals.week)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
