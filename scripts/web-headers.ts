/**
 * npm run web:headers [-- <output folder>]
 *
 * Writes `<output folder>/_headers` (default `web/out`) for the current build and its
 * `config.json`: the security headers in the format Netlify and Cloudflare Pages read, with each
 * page's own Content-Security-Policy. Run it after `npm run build:web` and after writing the
 * deployment's `config.json`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseRuntimeConfig } from '../web/config/runtime-config';
import { formatHeadersFile } from '../web/deploy/headers-file';
import { readSitePages } from '../web/deploy/site-pages';

/** Cloudflare Pages ignores longer lines of a `_headers` file. */
const MAX_LINE = 2000;

function main(): void {
  const outDir = resolve(process.argv[2] ?? join(__dirname, '..', 'web', 'out'));
  if (!existsSync(join(outDir, 'index.html'))) {
    throw new Error(`${outDir} holds no build: run npm run build:web first`);
  }
  const configFile = join(outDir, 'config.json');
  if (!existsSync(configFile)) {
    throw new Error(`${configFile} is missing: write the deployment's config.json first`);
  }
  const config = parseRuntimeConfig(JSON.parse(readFileSync(configFile, 'utf8')));
  const pages = readSitePages(outDir);
  const text = formatHeadersFile(config, pages);
  const longest = Math.max(...text.split('\n').map((line) => line.length));
  if (longest > MAX_LINE) {
    console.warn(
      `[web:headers] a line has ${longest} characters; Cloudflare Pages reads ${MAX_LINE}`,
    );
  }
  writeFileSync(join(outDir, '_headers'), text);
  console.log(`[web:headers] wrote ${join(outDir, '_headers')} for ${pages.length} pages`);
}

try {
  main();
} catch (error: unknown) {
  console.error(`[web:headers] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
