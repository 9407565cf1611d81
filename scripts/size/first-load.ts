import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** CI fails when the week page's first-load JavaScript (gzip) is above this. */
export const BUDGET_BYTES = 200 * 1024;

/** A script the page loads before it runs, with its size on disk and as sent (gzip). */
export interface Chunk {
  src: string;
  bytes: number;
  gzipBytes: number;
}

export interface FirstLoad {
  /** The HTML file measured, relative to the output folder. */
  page: string;
  /** Largest first. */
  chunks: Chunk[];
  gzipBytes: number;
}

const SCRIPT_TAG = /<script\b([^>]*)>/gi;
const ATTRIBUTE = /([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The attributes of every `<script>` start tag, names lower-cased (`noModule` → `nomodule`). */
function scriptAttributes(html: string): Map<string, string>[] {
  return [...html.matchAll(SCRIPT_TAG)].map(([, attributes = '']) => {
    const found = new Map<string, string>();
    for (const [, name = '', double, single, bare] of attributes.matchAll(ATTRIBUTE)) {
      found.set(name.toLowerCase(), double ?? single ?? bare ?? '');
    }
    return found;
  });
}

/**
 * The `src` of every external script a browser fetches for the page: `<script src>` tags,
 * without the `noModule` legacy polyfills that modern browsers skip. Chunks the page imports
 * later (auth0-js, the Apollo client, the edit form) are not in the HTML and not counted.
 */
export function firstLoadScripts(html: string): string[] {
  const sources = scriptAttributes(html)
    .filter((attributes) => attributes.has('src') && !attributes.has('nomodule'))
    .map((attributes) => attributes.get('src') ?? '');
  return [...new Set(sources)];
}

/** The file of a script `src`, from the page's own folder or the output folder's root. */
function chunkFile(outDir: string, page: string, src: string): string {
  const path = src.replace(/[?#].*$/, '');
  if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(path)) {
    throw new Error(`${page} loads ${src} from another origin: it cannot be measured here`);
  }
  const relative = path.startsWith('/') ? path : posix.join(posix.dirname(`/${page}`), path);
  return join(outDir, ...decodeURIComponent(relative).split('/'));
}

/**
 * Measures a page's first-load JavaScript in a static export (`web/out`): the gzip size (level
 * 9, as `gzip -9`) of each script its HTML loads, summed. `page` is the HTML file, e.g.
 * `week/index.html`.
 */
export function measureFirstLoad(outDir: string, page: string): FirstLoad {
  const htmlFile = join(outDir, page);
  if (!existsSync(htmlFile)) {
    throw new Error(`${htmlFile} is missing: run npm run build:web first`);
  }
  const chunks = firstLoadScripts(readFileSync(htmlFile, 'utf8')).map((src): Chunk => {
    const file = chunkFile(outDir, page, src);
    if (!existsSync(file)) throw new Error(`${page} loads ${src}, but ${file} is missing`);
    const content = readFileSync(file);
    return { src, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  if (chunks.length === 0) throw new Error(`${page} loads no script: is it a Next.js export?`);
  chunks.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { page, chunks, gzipBytes: chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0) };
}

/** `211191` → `206.2 KiB`. */
export function formatKiB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** The report `npm run size` prints: the total against the budget, then the biggest chunks. */
export function formatReport(result: FirstLoad, budget: number, biggest = 5): string {
  const verdict = result.gzipBytes > budget ? 'OVER the budget of' : 'within the budget of';
  const lines = [
    `${result.page}: first-load JavaScript ${formatKiB(result.gzipBytes)} gzip ` +
      `(${result.gzipBytes} bytes, ${result.chunks.length} scripts), ${verdict} ${formatKiB(budget)}`,
    'biggest scripts (gzip / on disk):',
    ...result.chunks
      .slice(0, biggest)
      .map(
        (chunk) =>
          `  ${formatKiB(chunk.gzipBytes).padStart(10)} / ${formatKiB(chunk.bytes).padStart(10)}  ${chunk.src}`,
      ),
  ];
  return lines.join('\n');
}
