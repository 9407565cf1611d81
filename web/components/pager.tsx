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

/** Previous/next navigation over a cursor connection. */
export function Pager({ label, pages, pageInfo, children }: PagerProps) {
  const { endCursor } = pageInfo;
  return (
    <nav className="pager" aria-label={label}>
      <button
        type="button"
        className="button button-quiet"
        onClick={pages.previous}
        disabled={pages.page === 1}
      >
        Previous page
      </button>
      <span>{children ?? `Page ${pages.page}`}</span>
      <button
        type="button"
        className="button button-quiet"
        disabled={!pageInfo.hasNextPage || !endCursor}
        onClick={() => endCursor && pages.next(endCursor)}
      >
        Next page
      </button>
    </nav>
  );
}
