'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { saveDraft, ENTRY_FIELDS } from './entry-draft';
import type { EntryDraft, EntryField, FieldErrors } from './entry-draft';

export type FieldElement = HTMLInputElement | HTMLTextAreaElement;

/** The page's sessionStorage, where the add form keeps its draft across a sign-in redirect. */
export function sessionStore(): Storage | null {
  return typeof window === 'undefined' ? null : window.sessionStorage;
}

/**
 * The state of an entry form, shared by adding and editing: the draft as typed, the errors per
 * field, and the controls, so the first invalid one can take the focus. With `persist`, every
 * keystroke is saved to sessionStorage (it holds no token).
 */
export function useEntryDraft(initial: () => EntryDraft, persist: boolean) {
  const [draft, setDraft] = useState<EntryDraft>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const fields = useRef<Partial<Record<EntryField, FieldElement | null>>>({});

  useEffect(() => {
    if (persist) saveDraft(sessionStore(), draft);
  }, [draft, persist]);

  const change = useCallback((field: EntryField, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  }, []);

  const showErrors = useCallback((found: FieldErrors) => {
    setErrors(found);
    const first = ENTRY_FIELDS.find((field) => found[field]);
    if (first) fields.current[first]?.focus();
  }, []);

  const register = useCallback(
    (field: EntryField) => (element: FieldElement | null) => {
      fields.current[field] = element;
    },
    [],
  );

  const focusField = useCallback((field: EntryField) => fields.current[field]?.focus(), []);

  return { draft, setDraft, errors, setErrors, change, showErrors, register, focusField };
}

export type EntryDraftState = ReturnType<typeof useEntryDraft>;
