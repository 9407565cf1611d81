'use client';

import { useCallback, useEffect, useRef } from 'react';
import type { RefObject } from 'react';

const KEY = 'data-focus-key';

/** The props that make an element a place focus may land on after a removal. */
export function focusTarget(key: string): { [KEY]: string; tabIndex: -1 } {
  return { [KEY]: key, tabIndex: -1 };
}

function targetsIn(container: HTMLElement | null): HTMLElement[] {
  return container ? [...container.querySelectorAll<HTMLElement>(`[${KEY}]`)] : [];
}

function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
}

/**
 * Keeps focus usable when an action removes the item that holds it (a deleted entry, a decided
 * week): the caller names the item before acting; once it has left the page, focus moves to the
 * next item still there, else the one before, else `fallback` (the list heading). Focus is moved
 * only when it was lost with the item, never taken from where the person has since put it.
 */
export function useFocusAfterRemoval(
  container: RefObject<HTMLElement | null>,
  fallback: RefObject<HTMLElement | null>,
) {
  const pending = useRef<{ removed: string; candidates: string[] } | null>(null);

  useEffect(() => {
    const waiting = pending.current;
    if (!waiting) return;
    const present = new Map(targetsIn(container.current).map((el) => [el.getAttribute(KEY), el]));
    if (present.has(waiting.removed)) return;
    pending.current = null;
    if (!focusIsLost()) return;
    const next = waiting.candidates.map((key) => present.get(key)).find(Boolean);
    (next ?? fallback.current)?.focus();
  });

  /** Call before the action that removes the item `key`. */
  const willRemove = useCallback(
    (key: string) => {
      const keys = targetsIn(container.current).map((el) => el.getAttribute(KEY) ?? '');
      const at = keys.indexOf(key);
      const after = at < 0 ? [] : keys.slice(at + 1);
      const before = at < 0 ? [] : keys.slice(0, at).reverse();
      pending.current = { removed: key, candidates: [...after, ...before] };
    },
    [container],
  );

  /** Call when the action failed and the item stays. */
  const stay = useCallback(() => {
    pending.current = null;
  }, []);

  return { willRemove, stay };
}
