/**
 * The HTML pages of a static export (`web/out`) and the URL paths each one answers, the way a
 * static file server (sirv in `npm start`, Netlify, Cloudflare Pages) resolves them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A built page: its file under the output folder (`week/index.html`) and its HTML. */
export interface SitePage {
  file: string;
  html: string;
}

/** Reads every `.html` file under `outDir`, in a stable order. */
export function readSitePages(outDir: string): SitePage[] {
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort()
    .map((file) => ({ file, html: readFileSync(join(outDir, file), 'utf8') }));
}

/**
 * The page file a request path is answered with, in sirv's order (`/a`, `/a/index`, `/a.html`,
 * `/a/index.html`; a trailing slash ignored), or undefined when it names no page.
 */
export function pageFileFor(pathname: string, files: ReadonlySet<string>): string | undefined {
  const path = pathname.replace(/^\/+|\/+$/g, '');
  const candidates = path
    ? [path, `${path}/index`, `${path}.html`, `${path}/index.html`]
    : ['index', 'index.html'];
  return candidates.find((candidate) => files.has(candidate));
}

/** The URL paths that serve a page file: `week/index.html` → `/week/`, `/week`, `/week/index.html`. */
export function pagePaths(file: string, files: ReadonlySet<string>): string[] {
  const folder = file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : null;
  const paths =
    folder === null
      ? [`/${file.slice(0, -'.html'.length)}`, `/${file}`]
      : folder === ''
        ? ['/', '/index.html']
        : [`/${folder}`, `/${folder.slice(0, -1)}`, `/${file}`];
  return paths.filter((path) => pageFileFor(path, files) === file);
}
