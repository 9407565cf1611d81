'use client';

import { formatDay, formatHundredths } from '../lib/format';
import type { GridCell } from './grid-model';
import type { WeekGridState } from './use-week-grid';
import { GridCellControl } from './week-grid-table';

/**
 * The week on a phone: one section per day, each project a labelled hours field, the day's
 * absences and total under it. Nothing is wider than the screen.
 */
export function WeekDayList({
  state,
  editable,
  absenceLabels,
  openedKey,
  onOpen,
}: {
  state: WeekGridState;
  editable: boolean;
  absenceLabels: readonly string[];
  openedKey: string | null;
  onOpen: (cell: GridCell) => void;
}) {
  const { grid, totals } = state;
  return (
    <div className="day-list">
      {grid.dates.map((date, day) => {
        const headingId = `day-${date}`;
        return (
          <section key={date} className="day-card" aria-labelledby={headingId}>
            <div className="day-card-header">
              <h3 id={headingId}>{formatDay(date)}</h3>
              <span data-testid={`day-total-${date}`}>
                {formatHundredths(totals.days[day] ?? 0)} h
              </span>
            </div>
            {grid.rows.length === 0 ? (
              <p className="hint">No projects yet.</p>
            ) : (
              <ul className="day-projects">
                {grid.rows.map((row, r) => {
                  const cell = row.cells[day];
                  if (!cell) return null;
                  return (
                    <li key={row.project}>
                      <span className="day-project">{row.project}</span>
                      <GridCellControl
                        cell={cell}
                        position={`${r}:${day}`}
                        state={state}
                        editable={editable}
                        onOpen={onOpen}
                        opened={openedKey === cell.key}
                      />
                    </li>
                  );
                })}
              </ul>
            )}
            {absenceLabels[day] && <p className="hint">Absent: {absenceLabels[day]}</p>}
          </section>
        );
      })}
      <p className="week-total-line">
        Week total: <strong data-testid="week-total">{formatHundredths(totals.week)}</strong> h
      </p>
    </div>
  );
}
