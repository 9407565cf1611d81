/**
 * `npm run build [-- --out-dir <dir>]`: compiles the API, the authorization server and the importer
 * to CommonJS (tsconfig.build.json) in `dist/`, with the files they read beside their code at run
 * time. `node dist/server/main.js`, `node dist/idp/main.js`, `node dist/idp/rotate-keys.js` and
 * `node dist/scripts/import.js` then run without TypeScript tooling. The ESM-only packages (jose,
 * oidc-provider) load through require(esm), on by default since Node 20.19, the `engines` floor.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(__dirname, '..');
/** Read through `__dirname` by the compiled code (server/graphql/schema.ts, idp/config.ts). */
const ASSETS = ['schema.graphql', 'idp/tenant.json', 'trusted-documents'];

const { values } = parseArgs({ options: { 'out-dir': { type: 'string' } } });
const outDir = resolve(values['out-dir'] ?? join(root, 'dist'));
// The folder is emptied first, so that a deleted source leaves no stale module behind.
if (!relative(outDir, root).startsWith('..')) {
  console.error(`--out-dir ${outDir}: must not be the project folder or one that contains it`);
  process.exit(2);
}
rmSync(outDir, { recursive: true, force: true });

const tsc = spawnSync(
  process.execPath,
  [
    require.resolve('typescript/bin/tsc'),
    '-p',
    join(root, 'tsconfig.build.json'),
    '--outDir',
    outDir,
  ],
  { cwd: root, stdio: 'inherit' },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
for (const asset of ASSETS) cpSync(join(root, asset), join(outDir, asset), { recursive: true });
