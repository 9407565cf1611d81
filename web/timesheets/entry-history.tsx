import { formatDateTime } from '../lib/format';
import { describeEvent } from './history-lines';
import type { HistoryEvent } from './history-lines';

/** An entry's history, oldest first: who did what, when, what changed, and why. */
export function EntryHistory({ events }: { events: readonly HistoryEvent[] }) {
  if (events.length === 0) return <p className="empty">No changes recorded.</p>;
  return (
    <ol className="history">
      {events.map((event, index) => {
        const line = describeEvent(event);
        return (
          <li key={`${event.at} ${index}`} className="history-event">
            <p className="history-what">
              <strong>{line.actor}</strong> {line.action}
              {' · '}
              <time dateTime={event.at}>{formatDateTime(event.at)}</time>
            </p>
            {line.reason && <p className="entry-reason">Reason: {line.reason}</p>}
            {line.changes.length > 0 && (
              <ul className="history-changes">
                {line.changes.map((change) => (
                  <li key={change}>{change}</li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
