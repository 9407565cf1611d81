'use client';

import { useCallback, useSyncExternalStore } from 'react';

/** The narrow layout (phones): the same breakpoint as the stylesheet's single column. */
export const PHONE_QUERY = '(max-width: 48rem)';

/**
 * Whether a media query matches, following changes (a rotated phone, a resized window). The
 * prerendered page and the first render assume it does not match.
 */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}
