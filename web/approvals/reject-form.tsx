'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { MAX_REASON_LENGTH, validateReason } from '../../core';
import { SubmitButton } from '../timesheets/entry-fields';

/**
 * The reason for a rejection, checked with the shared rule before anything is sent. The reason
 * field takes the focus when the form opens.
 */
export function RejectForm({
  label,
  submitLabel,
  busy,
  onReject,
  onCancel,
}: {
  label: string;
  submitLabel: string;
  busy: boolean;
  onReject: (reason: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => field.current?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const checked = validateReason(reason);
    if (!checked.ok) {
      setError(`Give a reason the person can act on (1 to ${MAX_REASON_LENGTH} characters).`);
      field.current?.focus();
      return;
    }
    onReject(checked.value);
  }

  return (
    <form
      className="reject-form"
      onSubmit={submit}
      noValidate
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={field}
        rows={2}
        value={reason}
        maxLength={MAX_REASON_LENGTH}
        onChange={(event) => {
          setReason(event.target.value);
          setError(null);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <div className="actions">
        <SubmitButton
          busy={busy}
          label={submitLabel}
          busyLabel="Rejecting…"
          className="button button-danger button-small"
        />
        <button type="button" className="button button-quiet button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Opens and closes a reject form; closing it gives the focus back to its "Reject…" button. */
export function useRejecting() {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  return {
    open,
    toggle,
    show: () => setOpen((current) => !current),
    close: () => {
      setOpen(false);
      toggle.current?.focus();
    },
  };
}
