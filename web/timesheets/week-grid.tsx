import { formatDay, formatHundredths, formatWeekday } from '../lib/format';
import type { WeekSummary } from './week-summary';

/** The week as a table: projects down, Monday to Sunday across, daily and weekly totals. */
export function WeekGrid({ summary, caption }: { summary: WeekSummary; caption: string }) {
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="week-grid">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Project</th>
            {summary.dates.map((date) => (
              <th scope="col" key={date}>
                <abbr title={formatDay(date)}>{formatWeekday(date)}</abbr>
                <span className="day-number">{Number(date.slice(8))}</span>
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {summary.rows.length === 0 ? (
            <tr>
              <td colSpan={9} className="empty-cell">
                No time logged this week yet.
              </td>
            </tr>
          ) : (
            summary.rows.map((row) => (
              <tr key={row.project}>
                <th scope="row">{row.project}</th>
                {row.days.map((hundredths, day) => (
                  <td key={summary.dates[day]}>
                    {hundredths > 0 ? formatHundredths(hundredths) : ''}
                  </td>
                ))}
                <td className="total">{formatHundredths(row.total)}</td>
              </tr>
            ))
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Daily total</th>
            {summary.dayTotals.map((hundredths, day) => (
              <td key={summary.dates[day]} data-testid={`day-total-${summary.dates[day]}`}>
                {formatHundredths(hundredths)}
              </td>
            ))}
            <td className="total" data-testid="week-total">
              {formatHundredths(summary.total)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
