import type { WeekFieldsFragment } from '../gql/graphql';
import { formatDateTime } from '../lib/format';
import { describeWeekEvent } from './week-status';

/** The week's history, oldest first: who submitted, withdrew, approved or rejected it, and why. */
export function WeekHistory({ events }: { events: WeekFieldsFragment['history'] }) {
  if (events.length === 0) return null;
  return (
    <details className="week-history">
      <summary>History of the week ({events.length})</summary>
      <ol className="history">
        {events.map((event, index) => {
          const line = describeWeekEvent(event);
          return (
            <li key={`${event.at} ${index}`} className="history-event">
              <p className="history-what">
                <strong>{line.actor}</strong> {line.action}
                {' · '}
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                {` · version ${event.version}`}
              </p>
              {line.detail && (
                <p className={line.rejection ? 'entry-reason' : 'entry-notes'}>{line.detail}</p>
              )}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
