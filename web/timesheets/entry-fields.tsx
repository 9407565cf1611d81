'use client';

import { useQuery } from '@apollo/client/react';
import type { ChangeEvent, ReactNode } from 'react';
import { latestEntryDate, MAX_HOURS_PER_DAY, MAX_NOTES_LENGTH } from '../../core';
import { graphql } from '../gql';
import type { EntryField } from './entry-draft';
import type { EntryDraftState, FieldElement } from './use-entry-draft';

const PROJECTS = graphql(`
  query Projects {
    projects(first: 50)
  }
`);

/** A labelled field of the entry form, with its error (if any) below the control. */
function Field({
  id,
  label,
  error,
  size,
  children,
}: {
  id: string;
  label: ReactNode;
  error: string | undefined;
  size?: 'narrow' | 'wide';
  children: ReactNode;
}) {
  return (
    <div className={size ? `field field-${size}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The four fields of an entry (date, project, hours, notes), for adding and for editing alike.
 * `idPrefix` keeps ids unique when several forms are on one page.
 */
export function EntryFields({ idPrefix, state }: { idPrefix: string; state: EntryDraftState }) {
  const projects = useQuery(PROJECTS);
  const { draft, errors, change, register } = state;
  const idOf = (field: EntryField) => `${idPrefix}-${field}`;
  const hintId = `${idPrefix}-hours-hint`;
  const suggestionsId = `${idPrefix}-project-suggestions`;

  /** What every control shares: id, value, change handler, focus ref and error wiring. */
  const control = (field: EntryField, hint?: string) => ({
    id: idOf(field),
    ref: register(field),
    value: draft[field],
    onChange: (event: ChangeEvent<FieldElement>) => change(field, event.target.value),
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby':
      [errors[field] ? `${idOf(field)}-error` : null, hint].filter(Boolean).join(' ') || undefined,
  });

  return (
    <>
      <Field id={idOf('date')} label="Date" error={errors.date}>
        <input {...control('date')} type="date" required max={latestEntryDate(new Date())} />
      </Field>
      <Field id={idOf('project')} label="Project" error={errors.project}>
        <input
          {...control('project')}
          type="text"
          required
          autoComplete="off"
          list={suggestionsId}
        />
        <datalist id={suggestionsId}>
          {(projects.data?.projects ?? []).map((project) => (
            <option key={project} value={project} />
          ))}
        </datalist>
      </Field>
      <Field id={idOf('hours')} label="Hours" error={errors.hours} size="narrow">
        <input
          {...control('hours', hintId)}
          type="text"
          inputMode="decimal"
          required
          autoComplete="off"
        />
        <p id={hintId} className="hint">
          e.g. 7.5 (at most {MAX_HOURS_PER_DAY} a day)
        </p>
      </Field>
      <Field
        id={idOf('notes')}
        label={
          <>
            Notes <span className="optional">(optional)</span>
          </>
        }
        error={errors.notes}
        size="wide"
      >
        {/* maxLength counts UTF-16 units, the rule counts characters: an emoji is two units. */}
        <textarea {...control('notes')} rows={2} maxLength={MAX_NOTES_LENGTH * 2} />
      </Field>
    </>
  );
}

/**
 * The submit button of a form that sends something: while busy it says so and is
 * `aria-disabled`, not `disabled`, so the focus stays on it (the caller ignores a second submit).
 */
export function SubmitButton({
  busy,
  label,
  busyLabel,
  className = 'button',
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
  className?: string;
}) {
  return (
    <button type="submit" className={className} aria-disabled={busy || undefined} aria-busy={busy}>
      {busy ? (
        <>
          <span className="spinner" aria-hidden="true" /> {busyLabel}
        </>
      ) : (
        label
      )}
    </button>
  );
}
