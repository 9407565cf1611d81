import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listenersOf } from '../test/listeners';
import { until } from '../test/until';

const PORTS = { WEB_PORT: '3210', PORT: '4210', IDP_PORT: '4610', METRICS_PORT: '9610' };

function startStack(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, ...PORTS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, output: () => output, exited };
}

const answers = (url: string) =>
  fetch(url).then(
    (r) => r.status,
    () => null,
  );

describe('npm start', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'timesheets-start-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs the authorization server, the API and the web app, and stops them all on SIGINT', async () => {
    const stack = startStack({ DATA_DIR: dataDir });
    try {
      await until(
        () => stack.output().includes('Timesheets is running at http://localhost:3210'),
        Boolean,
        240_000,
        200,
      );
      expect(await answers('http://localhost:4610/.well-known/openid-configuration')).toBe(200);
      expect(await answers('http://localhost:4210/readyz')).toBe(200);
      expect(await answers('http://localhost:3210/')).toBe(200);
      const config = (await (await fetch('http://localhost:3210/config.json')).json()) as Record<
        string,
        string
      >;
      expect(config).toEqual({
        authDomain: 'http://localhost:4610',
        issuer: 'http://localhost:4610/',
        clientId: 'timesheets-spa',
        audience: 'https://timesheets.abc-inc.example/api',
        apiUrl: 'http://localhost:4210/graphql',
      });
      expect(stack.output()).toContain('emma@abc.example');
      // The HR feed of the local company went through the importer.
      expect(stack.output()).toContain('[hr] created 7, updated 0, unchanged 0');
      // So did the company calendar's holidays.
      expect(stack.output()).toContain('[calendar] created 5, updated 0, unchanged 0');
      // The development API, /metrics, the web app and the authorization server: loopback only.
      for (const port of Object.values(PORTS).map(Number)) {
        const listeners = listenersOf(port);
        expect([port, listeners.length > 0]).toEqual([port, true]);
        expect([port, listeners]).toEqual([port, listeners.map(() => 'loopback')]);
      }
    } finally {
      stack.child.kill('SIGINT');
    }
    expect(await stack.exited).toBe(0);
    expect(await answers('http://localhost:4610/.well-known/openid-configuration')).toBeNull();
    expect(await answers('http://localhost:4210/readyz')).toBeNull();
  }, 300_000);

  it('stops everything when one part dies, naming it', async () => {
    const stack = startStack({ DATA_DIR: dataDir, DATABASE_URL: 'mysql://nowhere/db' });
    expect(await stack.exited).toBe(1);
    expect(stack.output()).toContain('DATABASE_URL: must be sqlite:<path> or postgres');
    expect(stack.output()).toMatch(/\[start\] api stopped \(exit code 1\): stopping everything/);
    expect(await answers('http://localhost:4610/.well-known/openid-configuration')).toBeNull();
  }, 120_000);
});
