'use client';

import { useState } from 'react';

/**
 * Page-by-page navigation over a cursor connection (first/after): keeps the cursors of the pages
 * seen so far so that "Previous" needs no backward cursor from the API.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    after: cursors[cursors.length - 1] ?? null,
    page: cursors.length,
    next: (endCursor: string) => setCursors((current) => [...current, endCursor]),
    previous: () => setCursors((current) => (current.length > 1 ? current.slice(0, -1) : current)),
  };
}
