/** Where the app sends a person after sign-in when the requested place is not allowed. */
export const DEFAULT_RETURN_PATH = '/week/';

/**
 * The path to go back to after sign-in: `returnTo` only when it stays on the app's own origin,
 * compared as the browser would resolve it (so `//evil.example` and `/\evil.example`, which
 * browsers read as another host, are refused), else the default.
 */
export function safeReturnPath(returnTo: unknown, origin: string): string {
  if (typeof returnTo !== 'string' || !returnTo.startsWith('/')) return DEFAULT_RETURN_PATH;
  let url: URL;
  try {
    url = new URL(returnTo, origin);
  } catch {
    return DEFAULT_RETURN_PATH;
  }
  return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : DEFAULT_RETURN_PATH;
}
