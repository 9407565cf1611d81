'use client';

import type { ReactNode } from 'react';
import type { useCursorPages } from '../lib/use-cursor-pages';

interface PagerProps {
  /** What the pages are of, for screen readers: "Entry pages", "Approval pages". */
  label: string;
  pages: ReturnType<typeof useCursorPages>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  /** What stands between the buttons; "Page N" by default. */
  children?: ReactNode;
}

/**
 * Previous/next navigation over a cursor connection. An unavailable direction is
 * `aria-disabled`, not `disabled`: the button under the keyboard keeps its focus on the last page.
 */
export function Pager({ label, pages, pageInfo, children }: PagerProps) {
  const { endCursor } = pageInfo;
  const atFirst = pages.page === 1;
  const atLast = !pageInfo.hasNextPage || !endCursor;
  return (
    <nav className="pager" aria-label={label}>
      <button
        type="button"
        className="button button-quiet"
        aria-disabled={atFirst || undefined}
        onClick={() => !atFirst && pages.previous()}
      >
        Previous page
      </button>
      <span>{children ?? `Page ${pages.page}`}</span>
      <button
        type="button"
        className="button button-quiet"
        aria-disabled={atLast || undefined}
        onClick={() => !atLast && endCursor && pages.next(endCursor)}
      >
        Next page
      </button>
    </nav>
  );
}
