'use client';

import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { describeApiError } from '../apollo/api-errors';
import { forgetOwnEntries } from '../apollo/cache-updates';
import { ConfirmDialog } from '../components/confirm-dialog';
import { problemSentence } from '../components/error-panel';
import { graphql } from '../gql';
import { formatDay, formatLongDay } from '../lib/format';
import type { MyEntry } from './my-entry';

const DELETE_TIMESHEET = graphql(`
  mutation DeleteTimesheet($id: ID!) {
    deleteTimesheet(id: $id)
  }
`);

/** Delete a pending or rejected entry, after a confirmation. */
export function DeleteEntry({
  entry,
  onDeleting,
  onDeleted,
  onFailed,
}: {
  entry: MyEntry;
  /** Called just before the entry is deleted (it is about to leave the list). */
  onDeleting: () => void;
  onDeleted: (message: string) => void;
  onFailed: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [deleteTimesheet, { loading }] = useMutation(DELETE_TIMESHEET, {
    update: (cache) => forgetOwnEntries(cache, { id: entry.id, deleted: true }),
  });
  const label = `${entry.hours} h on ${entry.project}, ${formatDay(entry.date)}`;

  async function confirm() {
    setConfirming(false);
    if (loading) return;
    setProblem(null);
    onDeleting();
    try {
      await deleteTimesheet({ variables: { id: entry.id } });
      onDeleted(`Deleted ${label}.`);
    } catch (error) {
      onFailed();
      const described = describeApiError(error);
      setProblem(
        described.kind === 'conflict'
          ? `This entry can no longer be deleted: ${described.message}`
          : problemSentence(described),
      );
    }
  }

  return (
    <>
      <button
        type="button"
        className="button button-quiet button-small"
        onClick={() => !loading && setConfirming(true)}
        aria-disabled={loading || undefined}
        aria-label={`Delete entry: ${label}`}
      >
        {loading ? 'Deleting…' : 'Delete'}
      </button>
      <ConfirmDialog
        open={confirming}
        title="Delete this entry?"
        confirmLabel="Delete entry"
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {entry.hours} hours on <strong>{entry.project}</strong>, {formatLongDay(entry.date)}. This
          cannot be undone.
        </p>
      </ConfirmDialog>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
