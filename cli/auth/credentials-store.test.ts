import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCredentialsStore, type Credentials } from './credentials-store';

const credentials: Credentials = {
  issuer: 'http://localhost:4400/',
  clientId: 'timesheets-cli',
  audience: 'https://timesheets.abc-inc.example/api',
  refreshToken: 'refresh-1',
  accessToken: 'access-1',
  accessTokenExpiresAt: 1_000,
  user: { sub: 'auth0|emma', name: 'Emma Employee', email: 'emma@abc.example' },
};

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the credentials store', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'timesheets-cli-store-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes the session to a 0600 file in a 0700 directory it creates', async () => {
    const store = createCredentialsStore(join(root, 'timesheets'));
    await store.write(credentials);
    expect(modeOf(join(root, 'timesheets'))).toBe(0o700);
    expect(modeOf(store.path)).toBe(0o600);
    expect(await store.read()).toEqual(credentials);
  });

  it('keeps the file private when it replaces a readable one', async () => {
    const store = createCredentialsStore(root);
    writeFileSync(store.path, '{}', { mode: 0o644 });
    writeFileSync(`${store.path}.${process.pid}.tmp`, 'left over', { mode: 0o644 });
    await store.write({ ...credentials, refreshToken: 'refresh-2' });
    expect(modeOf(store.path)).toBe(0o600);
    expect((await store.read())?.refreshToken).toBe('refresh-2');
  });

  it('reads no session from a missing or unreadable file, and removes one', async () => {
    const store = createCredentialsStore(root);
    expect(await store.read()).toBeNull();
    expect(await store.remove()).toBe(false);
    writeFileSync(store.path, 'not json');
    expect(await store.read()).toBeNull();
    await store.write(credentials);
    expect(await store.remove()).toBe(true);
    expect(await store.read()).toBeNull();
  });
});
