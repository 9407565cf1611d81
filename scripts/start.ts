/**
 * `npm start`: the whole product on one machine. Starts the local authorization server (unless
 * AUTH_ISSUER names a real tenant), the API trusting it, feeds the local company's people to the
 * directory (the HR feed) and its public holidays to the calendar through the importer, and a
 * static server for the web app, writing the app's config.json. Everything listens on loopback
 * unless HOST / WEB_HOST say otherwise. Stops everything on Ctrl-C or when one part dies.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import sirv from 'sirv';
import { DEFAULT_API_AUDIENCE } from '../core/api';
import type { PolicyConfig } from '../web/deploy/security-headers';
import { securityHeaders } from '../web/deploy/security-headers';
import { pageFileFor, readSitePages } from '../web/deploy/site-pages';

const root = resolve(__dirname, '..');
const env = process.env;
const dataDir = resolve(env.DATA_DIR ?? join(root, 'data'));
const webPort = Number(env.WEB_PORT ?? 3000);
const apiPort = Number(env.PORT ?? 4000);
const idpPort = Number(env.IDP_PORT ?? 4400);
const metricsPort = Number(env.METRICS_PORT ?? 9464);
// The development API (Sandbox, introspection, stack traces), /metrics and the web app are for
// this machine only.
const LOOPBACK = '127.0.0.1';
const apiHost = env.HOST ?? LOOPBACK;
const webHost = env.WEB_HOST ?? LOOPBACK;
const localIdp = !env.AUTH_ISSUER;
const issuer = env.AUTH_ISSUER ?? `http://localhost:${idpPort}/`;
const audience = env.AUTH_AUDIENCE ?? DEFAULT_API_AUDIENCE;
const webOrigin = `http://localhost:${webPort}`;
const webOut = join(root, 'web', 'out');
const children: ChildProcess[] = [];
let stopping = false;

function run(name: string, script: string, childEnv: Record<string, string>): void {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...env, ...childEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => `[${name}] ${line}\n`)
      .join('');
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(
      `[start] ${name} stopped (${signal ?? `exit code ${code}`}): stopping everything`,
    );
    stop(1);
  });
  children.push(child);
}

function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
  const exits = children.map((child) =>
    child.exitCode === null
      ? new Promise<void>((resolve) => child.once('exit', () => resolve()))
      : Promise.resolve(),
  );
  void Promise.all(exits).then(() => process.exit(code));
}

async function waitFor(url: string, what: string, seconds = 60): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (stopping) throw new Error('stopped');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not answer at ${url} within ${seconds} s`);
}

function buildWebIfMissing(): void {
  if (existsSync(join(webOut, 'index.html'))) return;
  if (!existsSync(join(root, 'web', 'next.config.ts'))) return;
  console.log('[start] building the web app (web/out is missing; this takes a minute)…');
  const result = spawnSync(
    process.execPath,
    [require.resolve('next/dist/bin/next'), 'build', 'web'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...env, NEXT_TELEMETRY_DISABLED: '1' },
    },
  );
  if (result.status !== 0) throw new Error('the web app failed to build (npm run build:web)');
}

/**
 * The security headers for a request path: a page's own Content-Security-Policy (allowing the
 * hashes of its inline scripts), or the policy with no inline code for anything else.
 */
function webSecurityHeaders(config: PolicyConfig, hasBuild: boolean) {
  const pages = hasBuild ? readSitePages(webOut) : [];
  const files = new Set(pages.map((page) => page.file));
  const perPage = new Map(pages.map((page) => [page.file, securityHeaders(config, page.html)]));
  const other = securityHeaders(config);
  return (url = '/'): Readonly<Record<string, string>> => {
    let pathname = url.split(/[?#]/)[0];
    try {
      pathname = decodeURI(pathname);
    } catch {
      // a malformed path names no page
    }
    const file = pageFileFor(pathname, files);
    return (file && perPage.get(file)) || other;
  };
}

function serveWeb(): Promise<void> {
  const runtimeConfig = {
    authDomain:
      env.AUTH_DOMAIN ?? (localIdp ? `http://localhost:${idpPort}` : new URL(issuer).host),
    issuer,
    clientId: env.AUTH_CLIENT_ID ?? 'timesheets-spa',
    audience,
    apiUrl: `http://localhost:${apiPort}/graphql`,
  };
  const hasBuild = existsSync(join(webOut, 'index.html'));
  if (hasBuild) writeFileSync(join(webOut, 'config.json'), JSON.stringify(runtimeConfig, null, 2));
  const assets = hasBuild ? sirv(webOut, { dev: false, etag: true, single: false }) : null;
  const headersFor = webSecurityHeaders(runtimeConfig, hasBuild);
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(headersFor(req.url))) res.setHeader(name, value);
    if (assets) {
      return assets(req, res, () => {
        res.writeHead(404).end('Not found');
      });
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      '<!doctype html><title>Timesheets</title><p>The web app is not built yet. Run <code>npm run build:web</code>.</p>',
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(webPort, webHost, () => resolve());
  });
}

/**
 * Runs the importer once on a demo file of the local company with the local machine client, and
 * prints its summary under `prefix`; `failure` says what is missing if it fails. Idempotent.
 */
function feedDemo(option: string, file: string, prefix: string, failure: string): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/import.ts', option, join('importer', 'demo', file)],
    {
      cwd: root,
      env: {
        ...env,
        AUTH_ISSUER: issuer,
        AUTH_AUDIENCE: audience,
        API_URL: `http://localhost:${apiPort}/graphql`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      const lines = output
        .trim()
        .split('\n')
        .filter((line) => line.length > 0);
      for (const line of lines) console.log(`[${prefix}] ${line}`);
      if (code !== 0) console.error(`[start] ${failure} (exit code ${code})`);
      resolve();
    });
  });
}

/**
 * The local company's HR feed and calendar: the importer pushes importer/demo/people.csv (names,
 * emails, teams, schedules and employment dates, which the directory takes from HR) and
 * importer/demo/holidays.csv (the public holidays of the company calendar).
 */
async function feedDemoCompany(): Promise<void> {
  await feedDemo('--people', 'people.csv', 'hr', 'the HR feed failed: people have no team yet');
  await feedDemo(
    '--holidays',
    'holidays.csv',
    'calendar',
    'the calendar feed failed: the company calendar has no holidays yet',
  );
}

async function main(): Promise<void> {
  process.once('SIGINT', () => stop(0));
  process.once('SIGTERM', () => stop(0));
  buildWebIfMissing();
  if (localIdp) {
    run('idp', 'idp/main.ts', {
      // The local authorization server is a development server: it refuses any other mode.
      NODE_ENV: 'development',
      IDP_PORT: String(idpPort),
      IDP_ISSUER: issuer,
      DATA_DIR: dataDir,
      IDP_SPA_ORIGINS: env.IDP_SPA_ORIGINS ?? webOrigin,
    });
    await waitFor(`${issuer}.well-known/openid-configuration`, 'the authorization server');
  }
  run('api', 'server/main.ts', {
    PORT: String(apiPort),
    HOST: apiHost,
    METRICS_HOST: env.METRICS_HOST ?? LOOPBACK,
    AUTH_ISSUER: issuer,
    AUTH_AUDIENCE: audience,
    DATABASE_URL: env.DATABASE_URL ?? `sqlite:${join(dataDir, 'timesheets.db')}`,
    // The embedded Apollo Sandbox of http://localhost:4000/graphql calls the API from Apollo's origin.
    CORS_ORIGINS: env.CORS_ORIGINS ?? `${webOrigin},https://sandbox.embed.apollographql.com`,
    LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
    // The local product is for trying and developing: stack traces, Sandbox and introspection on.
    NODE_ENV: env.NODE_ENV ?? 'development',
    METRICS_PORT: String(metricsPort),
  });
  await waitFor(`http://localhost:${apiPort}/readyz`, 'the API');
  if (localIdp) await feedDemoCompany();
  await serveWeb();
  console.log(`
  Authorization server  ${localIdp ? issuer : `${issuer} (your tenant)`}
  API (GraphQL)         http://localhost:${apiPort}/graphql   (open it for Apollo Sandbox)
  API metrics           http://localhost:${metricsPort}/metrics
  Web app               ${webOrigin}
  Data                  ${dataDir}

Timesheets is running at ${webOrigin}
`);
}

main().catch((error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  stop(1);
});
