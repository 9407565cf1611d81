import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** The packages the compiled code requires, by name (`@scope/name` or `name`). */
function requiredPackages(dir: string): Set<string> {
  const names = new Set<string>();
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  for (const file of files.filter((name) => name.endsWith('.js'))) {
    for (const [, specifier] of readFileSync(join(dir, file), 'utf8').matchAll(
      /require\("([^"]+)"\)/g,
    )) {
      if (!specifier || specifier.startsWith('.') || specifier.startsWith('node:')) continue;
      names.add(
        specifier
          .split('/')
          .slice(0, specifier.startsWith('@') ? 2 : 1)
          .join('/'),
      );
    }
  }
  return names;
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs a compiled entry point with plain `node`: no tsx loader, no TypeScript. */
function startCompiled(script: string, env: Record<string, string>): Started {
  let output = '';
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, output: () => output, exited };
}

async function waitForMatch(started: Started, pattern: RegExp, seconds = 30): Promise<string> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const match = pattern.exec(started.output());
    if (match?.[1]) return match[1];
    if (started.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`no ${String(pattern)} in the output:\n${started.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm run build', () => {
  let dir: string;
  let out: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'timesheets-build-'));
    out = join(dir, 'out');
    // As when dist/ is deployed next to a production node_modules.
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const build = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/build.ts', '--out-dir', out],
      { cwd: root, encoding: 'utf8' },
    );
    if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}${build.stderr}`);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('compiles every entry point to JavaScript and copies the files read at run time', () => {
    for (const file of [
      'server/main.js',
      'idp/main.js',
      'idp/rotate-keys.js',
      'scripts/import.js',
      'schema.graphql',
      'idp/tenant.json',
    ]) {
      expect(existsSync(join(out, file))).toBe(true);
    }
    expect(existsSync(join(out, 'server/api.test.js'))).toBe(false);
  });

  it('requires only production dependencies at run time, so tsx and TypeScript stay dev-only', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const required = [...requiredPackages(out)].filter((name) => !builtinModules.includes(name));
    expect(required).toContain('jose');
    expect(required.filter((name) => !(name in manifest.dependencies))).toEqual([]);
  });

  it('starts the compiled API with node, answers /healthz, and exits 0 on SIGTERM', async () => {
    const api = startCompiled(join(out, 'server/main.js'), {
      NODE_ENV: 'production',
      PORT: '0',
      AUTH_ISSUER: 'http://127.0.0.1:9/',
      AUTH_AUDIENCE: 'https://timesheets.abc-inc.example/api',
      DATABASE_URL: `sqlite:${join(dir, 'api.db')}`,
      LOG_LEVEL: 'info',
    });
    try {
      const url = await waitForMatch(api, /"url":"(http:[^"]+)\/graphql".*Timesheets API ready/);
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
    } finally {
      api.child.kill('SIGTERM');
    }
    expect(await api.exited).toBe(0);
  }, 60_000);

  it('starts the compiled authorization server with node and serves its discovery document', async () => {
    const idp = startCompiled(join(out, 'idp/main.js'), {
      IDP_PORT: '0',
      DATA_DIR: join(dir, 'data'),
    });
    try {
      const discovery = await waitForMatch(idp, /Discovery\s+(\S+)/);
      const answer = await fetch(discovery);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({
        jwks_uri: expect.stringContaining('/jwks.json'),
      });
    } finally {
      idp.child.kill('SIGTERM');
    }
    expect(await idp.exited).toBe(0);
  }, 60_000);

  it('runs the compiled importer and key rotation tools with node', () => {
    const usage = spawnSync(process.execPath, [join(out, 'scripts/import.js')], {
      encoding: 'utf8',
    });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage: npm run import -- <file.csv>');

    const keys = spawnSync(process.execPath, [join(out, 'idp/rotate-keys.js'), 'status'], {
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: join(dir, 'rotate-data') },
    });
    expect(keys.status).toBe(0);
    expect(keys.stdout).toMatch(/^current {2}\S+ created /m);
  });
});
