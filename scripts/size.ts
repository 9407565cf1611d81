/**
 * npm run size [-- <output folder>]
 *
 * Prints the week page's first-load JavaScript (gzip) of the static export (default `web/out`,
 * after `npm run build:web`) with its biggest scripts, and exits 1 above the 200 KiB budget.
 */
import { join, resolve } from 'node:path';
import { BUDGET_BYTES, formatReport, measureFirstLoad } from './size/first-load';

const PAGE = 'week/index.html';

try {
  const outDir = resolve(process.argv[2] ?? join(__dirname, '..', 'web', 'out'));
  const result = measureFirstLoad(outDir, PAGE);
  console.log(formatReport(result, BUDGET_BYTES));
  if (result.gzipBytes > BUDGET_BYTES) process.exit(1);
} catch (error: unknown) {
  console.error(`[size] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
