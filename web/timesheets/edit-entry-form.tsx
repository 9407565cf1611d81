'use client';

import { useEffect, useId } from 'react';
import { ErrorPanel } from '../components/error-panel';
import { draftFromEntry } from './entry-draft';
import { EntryFields, SubmitButton } from './entry-fields';
import type { MyEntry } from './my-entry';
import { useEditEntry } from './use-edit-entry';
import type { EditOutcome } from './use-edit-entry';
import { useEntryDraft } from './use-entry-draft';

/**
 * Edit one of my entries in place, with the same fields and rules as adding one. A rejected entry
 * shows why it was rejected; saving it resubmits it.
 */
export function EditEntryForm({
  entry,
  onClose,
}: {
  entry: MyEntry;
  onClose: (outcome: EditOutcome) => void;
}) {
  const id = useId();
  const state = useEntryDraft(() => draftFromEntry(entry), false);
  const editing = useEditEntry(entry, state, onClose);
  const { focusField } = state;
  const rejected = editing.base.status === 'REJECTED';
  const titleId = `${id}-title`;

  useEffect(() => focusField('hours'), [focusField]);

  return (
    <form
      className="entry-form edit-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(event) => void editing.submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose({ kind: 'cancelled' });
      }}
    >
      <h3 id={titleId} className="form-title">
        {rejected ? 'Fix and resubmit this entry' : 'Edit this entry'}
      </h3>
      {rejected && editing.base.rejectionReason && (
        <p className="entry-reason form-wide">Rejected: {editing.base.rejectionReason}</p>
      )}
      <EntryFields idPrefix={`edit${id}`} state={state} />
      <div className="form-actions">
        <SubmitButton
          busy={editing.loading}
          label={rejected ? 'Resubmit' : 'Save changes'}
          busyLabel="Saving…"
        />
        <button
          type="button"
          className="button button-quiet"
          onClick={() => onClose({ kind: 'cancelled' })}
        >
          Cancel
        </button>
      </div>
      {editing.notice && (
        <p className="error-text form-wide" role="alert">
          {editing.notice}
        </p>
      )}
      {editing.formError !== null && (
        <div className="form-wide">
          <ErrorPanel error={editing.formError} title="The change was not saved" />
        </div>
      )}
    </form>
  );
}
