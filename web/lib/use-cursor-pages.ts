'use client';

import { useCallback, useState } from 'react';

/**
 * Page-by-page navigation over a cursor connection (first/after): keeps the cursors of the pages
 * seen so far so that "Previous" needs no backward cursor from the API.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const next = useCallback(
    (endCursor: string) => setCursors((current) => [...current, endCursor]),
    [],
  );
  const previous = useCallback(
    () => setCursors((current) => (current.length > 1 ? current.slice(0, -1) : current)),
    [],
  );
  const reset = useCallback(() => setCursors([null]), []);
  return {
    after: cursors[cursors.length - 1] ?? null,
    page: cursors.length,
    next,
    previous,
    reset,
  };
}
