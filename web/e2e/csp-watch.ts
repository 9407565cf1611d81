import type { BrowserContext } from 'playwright-core';

const seen: string[] = [];

/**
 * Records every Content-Security-Policy violation in a browser context: the
 * `securitypolicyviolation` events of each document and Chromium's "Refused to …" console
 * messages (which also cover what a document cannot report itself, such as frame-ancestors).
 */
export async function watchCspViolations(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__reportCspViolation', (_source, line: string) => {
    seen.push(line);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation?: (line: string) => void })
        .__reportCspViolation;
      report?.(
        `${event.effectiveDirective} refused ${event.blockedURI || 'inline code'} on ${event.documentURI}` +
          (event.sample ? ` (${event.sample})` : ''),
      );
    });
  });
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
}

/** The violations recorded since the last call, in every context; forgets them. */
export function takeCspViolations(): string[] {
  return seen.splice(0, seen.length);
}
