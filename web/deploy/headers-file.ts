/**
 * The security headers as a `_headers` file, the format read by Netlify and Cloudflare Pages
 * (also Cloudflare Workers static assets): a path line, then indented `Name: value` lines.
 */
import type { PolicyConfig } from './security-headers';
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from './security-headers';
import type { SitePage } from './site-pages';
import { pagePaths } from './site-pages';

function rule(path: string, headers: Readonly<Record<string, string>>): string {
  const lines = Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);
  return [path, ...lines].join('\n');
}

/**
 * A `_headers` file for a build and its `config.json`. `/*` carries the static headers and a
 * policy allowing the inline code of every page (for the 404 page and assets); each page path
 * carries the policy of its own page. Where a host joins the two policies (Cloudflare Pages joins
 * repeated headers with a comma, which a browser reads as two policies that must both pass), the
 * result is the page's own policy; where the more specific rule replaces the catch-all, the same.
 */
export function formatHeadersFile(config: PolicyConfig, pages: readonly SitePage[]): string {
  const files = new Set(pages.map((page) => page.file));
  const catchAll = rule('/*', {
    ...STATIC_SECURITY_HEADERS,
    'Content-Security-Policy': contentSecurityPolicy(
      config,
      pages.map((page) => page.html),
    ),
  });
  const perPage = pages.flatMap((page) => {
    const policy = contentSecurityPolicy(config, page.html);
    return pagePaths(page.file, files).map((path) =>
      rule(path, { 'Content-Security-Policy': policy }),
    );
  });
  const header = [
    '# Security headers of the Timesheets web app, for this build and this config.json.',
    '# Written by `npm run web:headers`: write it again after every build or config.json change.',
  ].join('\n');
  return `${[header, catchAll, ...perPage].join('\n\n')}\n`;
}
