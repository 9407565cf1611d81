import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** Runs `npm run cli -- …` as a person would (tsx cli/main.ts), resolving to its exit and output. */
function cli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      join(root, 'node_modules', '.bin', 'tsx'),
      [join(root, 'cli', 'main.ts'), ...args],
      { cwd: root, env: { ...process.env, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('cli/main.ts', () => {
  let configDir: string;
  beforeAll(() => {
    configDir = mkdtempSync(join(tmpdir(), 'timesheets-cli-main-'));
  });
  afterAll(() => rmSync(configDir, { recursive: true, force: true }));

  it('exits 2 on input that breaks an entry rule, and 3 without a session', async () => {
    const env = { TIMESHEETS_CONFIG_DIR: configDir, TIMESHEETS_API_URL: 'http://127.0.0.1:9/' };
    const bad = await cli(['log', '0', 'Support', '--date', '2026-03-02'], env);
    expect(bad).toEqual({ code: 2, stdout: '', stderr: 'Not sent: hours must be more than 0\n' });
    const week = await cli(['week'], env);
    expect(week).toEqual({
      code: 3,
      stdout: '',
      stderr: 'You are not signed in: run `npm run cli -- login`\n',
    });
  });

  it('exits 2 naming a bad setting', async () => {
    const result = await cli(['week'], { TIMESHEETS_ISSUER: 'http://idp.example/' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Invalid setting TIMESHEETS_ISSUER: /);
  });
});
