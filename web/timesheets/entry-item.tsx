'use client';

import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { startOfWeek } from '../../core';
import { focusTarget } from '../lib/use-focus-after-removal';
import { formatDay } from '../lib/format';
import { DeleteEntry } from './delete-entry';
import { Loading } from '../components/loading';
import { isEditable } from './my-entry';
import type { MyEntry } from './my-entry';
import { StatusBadge } from './status-badge';
import type { EditOutcome } from './use-edit-entry';
import { DetailsLink } from '../components/details-link';

// Loaded when a person first edits an entry: most visits to the week only read and add.
const EditEntryForm = lazy(() =>
  import('./edit-entry-form').then((module) => ({ default: module.EditEntryForm })),
);

export interface EntryItemActions {
  canEdit: boolean;
  canDelete: boolean;
  /** Says something in the list's status region. */
  announce: (message: string) => void;
  /** The entry is about to leave the list: focus goes to the next one. */
  willRemove: (key: string) => void;
  stay: () => void;
}

/** The key of an entry among the list's focus targets. */
export function entryKey(id: string): string {
  return `entry:${id}`;
}

/** One of my entries: what, when, its review, and what I may still do with it. */
export function EntryItem({ entry, actions }: { entry: MyEntry; actions: EntryItemActions }) {
  const [editing, setEditing] = useState(false);
  const [refocus, setRefocus] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const label = `${entry.hours} h on ${entry.project}, ${formatDay(entry.date)}`;
  const rejected = entry.status === 'REJECTED';

  useEffect(() => {
    if (!refocus) return;
    setRefocus(false);
    editButton.current?.focus();
  }, [refocus]);

  function closeEditor(outcome: EditOutcome) {
    setEditing(false);
    if (outcome.kind !== 'cancelled') actions.announce(outcome.message);
    const moved =
      outcome.kind === 'saved' && startOfWeek(outcome.entry.date) !== startOfWeek(entry.date);
    if (moved) actions.willRemove(entryKey(entry.id));
    else setRefocus(true);
  }

  return (
    <li
      className="entry"
      {...focusTarget(entryKey(entry.id))}
      data-entry-id={entry.id}
      data-entry-date={entry.date}
    >
      <div className="entry-main">
        <span className="entry-date">{formatDay(entry.date)}</span>
        <span className="entry-project">{entry.project}</span>
        <span className="entry-hours">{entry.hours} h</span>
        <StatusBadge status={entry.status} />
      </div>
      {entry.notes && <p className="entry-notes">{entry.notes}</p>}
      {rejected && entry.rejectionReason && !editing && (
        <p className="entry-reason">Reason: {entry.rejectionReason}</p>
      )}
      {editing ? (
        <Suspense fallback={<Loading label="Opening the form…" />}>
          <EditEntryForm entry={entry} onClose={closeEditor} />
        </Suspense>
      ) : (
        <div className="entry-actions">
          {actions.canEdit && isEditable(entry) && (
            <button
              ref={editButton}
              type="button"
              className={rejected ? 'button button-small' : 'button button-quiet button-small'}
              aria-label={`${rejected ? 'Fix and resubmit' : 'Edit'} entry: ${label}`}
              onClick={() => {
                actions.announce('');
                setEditing(true);
              }}
            >
              {rejected ? 'Fix and resubmit' : 'Edit'}
            </button>
          )}
          {actions.canDelete && isEditable(entry) && (
            <DeleteEntry
              entry={entry}
              onDeleting={() => actions.willRemove(entryKey(entry.id))}
              onDeleted={actions.announce}
              onFailed={actions.stay}
            />
          )}
          <DetailsLink entryId={entry.id} label={label} />
        </div>
      )}
    </li>
  );
}
