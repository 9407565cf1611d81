/**
 * The security headers of the web app, built from `config.json` and the built HTML. Pure: no I/O,
 * no Next or React, so the starter (`scripts/start.ts`), the `_headers` writer
 * (`scripts/web-headers.ts`) and the tests share one policy.
 */
import { createHash } from 'node:crypto';
import type { RuntimeConfig } from '../config/runtime-config';

/** The settings of `config.json` the policy depends on. */
export type PolicyConfig = Pick<RuntimeConfig, 'apiUrl' | 'issuer' | 'authDomain'>;

/** Headers every response carries, whatever the page. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
});

// A comment, a <script> or <style> element (content kept whole), or any other start tag. One
// left-to-right pass, so a comment or a script's text is never searched for tags.
const ATTRIBUTES = `((?:[^>"']|"[^"]*"|'[^']*')*)`;
const MARKUP = new RegExp(
  `<!--[\\s\\S]*?-->|<(script|style)\\b${ATTRIBUTES}>([\\s\\S]*?)</\\1\\s*>|<[a-zA-Z][^\\s/>]*${ATTRIBUTES}>`,
  'gi',
);
const STYLE_ATTRIBUTE = /(?:^|\s)style\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
const SCRIPT_SOURCE = /(?:^|\s)src\s*=/i;
const SCRIPT_TYPE = /(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
const JAVASCRIPT_TYPE = /^(?:module|(?:text|application)\/(?:x-)?(?:java|ecma)script)$/i;

/**
 * The CSP hash source of an inline script or style (CSP Level 3, "hash-source"): SHA-256 of its
 * UTF-8 text as the browser sees it, line breaks normalized as the HTML parser does.
 */
export function cspHash(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n');
  return `'sha256-${createHash('sha256').update(normalized, 'utf8').digest('base64')}'`;
}

/** Decodes the character references React and Next write into attribute values. */
function decodeAttribute(value: string): string {
  const named: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (whole, hex, dec, name) => {
    if (hex) return String.fromCodePoint(parseInt(hex as string, 16));
    if (dec) return String.fromCodePoint(parseInt(dec as string, 10));
    return named[(name as string).toLowerCase()] ?? whole;
  });
}

function isExecutableScript(attributes: string): boolean {
  if (SCRIPT_SOURCE.test(attributes)) return false;
  const type = SCRIPT_TYPE.exec(attributes);
  const value = type ? (type[1] ?? type[2] ?? type[3] ?? '').trim() : '';
  return value === '' || JAVASCRIPT_TYPE.test(value);
}

/** What a page runs or applies inline, as CSP hash sources, each once, in document order. */
export interface InlineHashes {
  scripts: string[];
  styles: string[];
  styleAttributes: string[];
}

/**
 * The hashes of a built page's inline `<script>` elements (Next's `self.__next_f.push(…)` and
 * Turbopack chunk list), inline `<style>` elements and `style="…"` attributes. Meant for the
 * output of our own build, not for arbitrary HTML.
 */
export function inlineHashes(html: string): InlineHashes {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const styleAttributes = new Set<string>();
  for (const match of html.matchAll(MARKUP)) {
    const [whole, element, elementAttributes = '', text = '', tagAttributes = ''] = match;
    if (whole.startsWith('<!--')) continue;
    if (element?.toLowerCase() === 'script') {
      if (isExecutableScript(elementAttributes) && text.length > 0) scripts.add(cspHash(text));
    } else if (element?.toLowerCase() === 'style') {
      styles.add(cspHash(text));
    }
    const style = STYLE_ATTRIBUTE.exec(element ? elementAttributes : tagAttributes);
    if (style) styleAttributes.add(cspHash(decodeAttribute(style[1] ?? style[2] ?? style[3])));
  }
  return { scripts: [...scripts], styles: [...styles], styleAttributes: [...styleAttributes] };
}

/** A source expression from a URL setting; fails naming the setting when it is not one. */
function sourceOf(value: string, setting: string, keep: 'origin' | 'url'): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`config.json: "${setting}" is not a URL the policy can name (${value})`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`config.json: "${setting}" must be an http(s) URL (${value})`);
  }
  if (keep === 'origin') return url.origin;
  url.hash = '';
  url.search = '';
  if (/[\s;,']/.test(url.href)) {
    throw new Error(`config.json: "${setting}" holds a character a CSP cannot carry (${value})`);
  }
  return url.href;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * The Content-Security-Policy for a page: scripts from the app's own origin plus the hashes of the
 * page's inline scripts (no 'unsafe-inline', no 'unsafe-eval'); calls to the API endpoint and the
 * authorization server; the authorization server framed for silent renewal (`checkSession`); the
 * app framed by nobody. Given several pages, it allows the inline code of each (for a catch-all
 * rule); given none, it allows no inline code (assets, `config.json`, the 404 answer).
 */
export function contentSecurityPolicy(
  config: PolicyConfig,
  html: string | readonly string[] = [],
): string {
  const found = (typeof html === 'string' ? [html] : html).map(inlineHashes);
  const scripts = unique(found.flatMap((page) => page.scripts));
  const styles = unique(found.flatMap((page) => page.styles));
  const styleAttributes = unique(found.flatMap((page) => page.styleAttributes));
  const authServer = unique([
    sourceOf(config.issuer, 'issuer', 'origin'),
    // auth0-js takes a bare host as https://<host>, a full URL as given.
    sourceOf(
      /^https?:\/\//i.test(config.authDomain) ? config.authDomain : `https://${config.authDomain}`,
      'authDomain',
      'origin',
    ),
  ]);
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...scripts]],
    ['style-src', ["'self'", ...styles]],
    ...(styleAttributes.length > 0
      ? [['style-src-attr', ["'unsafe-hashes'", ...styleAttributes]] as [string, string[]]]
      : []),
    // Profile pictures come from the identity provider (Gravatar, social logins): any https host.
    ['img-src', unique(["'self'", ...authServer, 'https:'])],
    ['font-src', ["'self'"]],
    ['connect-src', unique(["'self'", sourceOf(config.apiUrl, 'apiUrl', 'url'), ...authServer])],
    ['frame-src', authServer],
    ['frame-ancestors', ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    // Sign-in and sign-out are top-level redirects; no form of the app posts elsewhere.
    ['form-action', ["'self'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

/** Every security header of a response: the policy for its page (if any) and the static ones. */
export function securityHeaders(
  config: PolicyConfig,
  html: string | readonly string[] = [],
): Readonly<Record<string, string>> {
  return Object.freeze({
    'Content-Security-Policy': contentSecurityPolicy(config, html),
    ...STATIC_SECURITY_HEADERS,
  });
}
