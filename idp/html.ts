import * as crypto from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendText } from './http-utils';

/** Escapes text for HTML element content and quoted attribute values. */
function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Marks a string as already-safe HTML for `html`. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(value);
}

/** Tagged template that escapes every interpolation except SafeHtml (and arrays of it). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  return new SafeHtml(
    strings.reduce((out, part, i) => out + part + (i < values.length ? render(values[i]) : ''), ''),
  );
}

// System fonts only: no external CSS, fonts or CDN.
const STYLE = `
:root{color-scheme:light dark;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5}
body{margin:0;padding:2rem 1rem;background:Canvas;color:CanvasText}
main{max-width:26rem;margin:0 auto;padding:1.5rem;border:1px solid GrayText;border-radius:.5rem}
h1{font-size:1.5rem;margin-top:0}
label{display:block;font-weight:600;margin-top:1rem}
input{box-sizing:border-box;width:100%;padding:.5rem;font:inherit;margin-top:.25rem}
button{font:inherit;padding:.5rem 1rem;margin:1rem .5rem 0 0;cursor:pointer}
button.primary{background:#0b5fff;color:#fff;border:1px solid #0b5fff;border-radius:.25rem}
button.secondary{border-radius:.25rem}
:focus-visible{outline:3px solid #ff9800;outline-offset:2px}
.alert{border-left:4px solid #c62828;padding:.5rem .75rem;background:rgba(198,40,40,.1)}
.note{font-size:.875rem;color:GrayText}
code{font-size:.875rem}
`;
const STYLE_HASH = crypto.createHash('sha256').update(STYLE).digest('base64');

/** A Content-Security-Policy for our pages: nothing external, no scripts, no framing. */
export const PAGE_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; frame-ancestors 'none'; base-uri 'none'`;

/** The document around a page's main content. */
export function layout(title: string, body: SafeHtml): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · ABC Inc. (local authorization server)</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body.value}
</main>
</body>
</html>
`;
}

/** Sends an HTML page with security headers and no caching. */
export function sendPage(
  res: ServerResponse,
  status: number,
  title: string,
  body: SafeHtml,
  headers: Record<string, string> = {},
): void {
  sendText(res, status, 'text/html; charset=utf-8', layout(title, body), {
    'Content-Security-Policy': PAGE_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...headers,
  });
}

/** The page shown for an error that cannot go back to the application. */
export function errorPageBody(error: string, description?: string): SafeHtml {
  return html`<h1>Something went wrong</h1>
    <div class="alert" role="alert">
      <p><strong>${error}</strong></p>
      ${description ? html`<p>${description}</p>` : ''}
    </div>
    <p class="note">Go back to the application and try again.</p>`;
}

/** Sends the error page (`error` in bold, then `description`). */
export function sendErrorPage(
  res: ServerResponse,
  status: number,
  error: string,
  description?: string,
): void {
  sendPage(res, status, 'Error', errorPageBody(error, description));
}

/** The page shown after signing out when there is nowhere to return to. */
export function signedOutBody(): SafeHtml {
  return html`<h1>You are signed out</h1>
    <p role="status">
      Your session on this authorization server has ended. You can close this page.
    </p>`;
}
