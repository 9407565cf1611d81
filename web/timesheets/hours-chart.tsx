import { formatDay, formatHundredths, formatWeekday } from '../lib/format';
import type { WeekSummary } from './week-summary';

const WIDTH = 560;
const HEIGHT = 200;
const TOP = 20;
const BOTTOM = 28;

/** Hours per day as a plain SVG bar chart, with a text alternative listing every day. */
export function HoursChart({ summary }: { summary: WeekSummary }) {
  const max = Math.max(800, ...summary.dayTotals);
  const slot = WIDTH / summary.dates.length;
  const plot = HEIGHT - TOP - BOTTOM;
  const description = summary.dates
    .map(
      (date, day) => `${formatDay(date)}: ${formatHundredths(summary.dayTotals[day] ?? 0)} hours`,
    )
    .join(', ');
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="hours-chart-title hours-chart-desc"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id="hours-chart-title">Hours per day</title>
        <desc id="hours-chart-desc">{description}</desc>
        <line x1="0" x2={WIDTH} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} className="chart-axis" />
        {summary.dates.map((date, day) => {
          const hundredths = summary.dayTotals[day] ?? 0;
          const height = (hundredths / max) * plot;
          const x = day * slot + slot * 0.2;
          const y = HEIGHT - BOTTOM - height;
          return (
            <g key={date}>
              <rect x={x} y={y} width={slot * 0.6} height={height} rx="3" className="chart-bar" />
              {hundredths > 0 && (
                <text x={x + slot * 0.3} y={y - 5} textAnchor="middle" className="chart-value">
                  {formatHundredths(hundredths)}
                </text>
              )}
              <text x={x + slot * 0.3} y={HEIGHT - 8} textAnchor="middle" className="chart-label">
                {formatWeekday(date)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="visually-hidden">Hours per day, Monday to Sunday</figcaption>
    </figure>
  );
}
