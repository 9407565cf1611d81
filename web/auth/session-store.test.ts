import { AuthError } from './auth0-client';
import type { TokenSet } from './auth0-client';
import { SESSION_HINT_KEY, SessionStore } from './session-store';
import type { AuthBackend } from './session-store';

function base64Url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** An unsigned JWT-shaped token: the store only reads its claims for display. */
function accessToken(expSeconds: number, scope: string): string {
  return `${base64Url({ alg: 'none' })}.${base64Url({ sub: 'auth0|emma', exp: expSeconds, scope })}.sig`;
}

function tokens(
  now: number,
  lifetimeSeconds: number,
  scope = 'read:timesheets create:timesheets',
): TokenSet {
  return {
    accessToken: accessToken(Math.floor(now / 1000) + lifetimeSeconds, scope),
    expiresAt: now + lifetimeSeconds * 1000,
    scope,
    sub: 'auth0|emma',
    appState: { returnTo: '/week/?week=2026-11-23' },
  };
}

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

function fakeBackend(overrides: Partial<AuthBackend> = {}): jest.Mocked<AuthBackend> {
  return {
    authorize: jest.fn(() => Promise.resolve()),
    parseHash: jest.fn(() => Promise.resolve(tokens(Date.now(), 3600))),
    checkSession: jest.fn(() => Promise.resolve(tokens(Date.now(), 3600))),
    userInfo: jest.fn(() =>
      Promise.resolve({ sub: 'auth0|emma', name: 'Emma Employee', email: 'emma@abc.example' }),
    ),
    logout: jest.fn(() => Promise.resolve()),
    ...overrides,
  } as jest.Mocked<AuthBackend>;
}

describe('SessionStore', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-25T09:00:00Z') });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('signs out at once, without loading auth0-js, when this browser never signed in', async () => {
    const backend = fakeBackend();
    const store = new SessionStore(backend, memoryStorage());
    await store.start();
    expect(store.getState().status).toBe('signedOut');
    expect(backend.checkSession).not.toHaveBeenCalled();
  });

  it('completes a redirect sign-in: profile, scopes, hint, and the path to go back to', async () => {
    const hints = memoryStorage();
    const store = new SessionStore(fakeBackend(), hints);
    const returnTo = await store.completeSignIn('#access_token=…', 'http://localhost:3000');
    expect(returnTo).toBe('/week/?week=2026-11-23');
    const state = store.getState();
    expect(state.status).toBe('signedIn');
    expect(state.profile).toEqual({
      sub: 'auth0|emma',
      name: 'Emma Employee',
      email: 'emma@abc.example',
      picture: null,
    });
    expect([...state.scopes]).toEqual(['read:timesheets', 'create:timesheets']);
    expect(hints.getItem(SESSION_HINT_KEY)).toBe('1');
    expect(JSON.stringify(hints)).not.toContain('eyJ');
    await expect(store.getAccessToken()).resolves.toMatch(/\.sig$/);
  });

  it('refuses to go back to another site after sign-in', async () => {
    const backend = fakeBackend({
      parseHash: () =>
        Promise.resolve({ ...tokens(Date.now(), 3600), appState: { returnTo: '//evil.example/' } }),
    });
    const store = new SessionStore(backend, memoryStorage());
    await expect(store.completeSignIn('#x', 'http://localhost:3000')).resolves.toBe('/week/');
  });

  it('refuses a return path that browsers read as another host (/\\evil.example)', async () => {
    const backend = fakeBackend({
      parseHash: () =>
        Promise.resolve({ ...tokens(Date.now(), 3600), appState: { returnTo: '/\\evil.example' } }),
    });
    const store = new SessionStore(backend, memoryStorage());
    await expect(store.completeSignIn('#x', 'http://localhost:3000')).resolves.toBe('/week/');
  });

  it('restores the session after a reload through checkSession when the hint is set', async () => {
    const hints = memoryStorage();
    hints.setItem(SESSION_HINT_KEY, '1');
    const backend = fakeBackend();
    const store = new SessionStore(backend, hints);
    await store.start();
    expect(backend.checkSession).toHaveBeenCalledTimes(1);
    expect(store.getState().status).toBe('signedIn');
  });

  it('drops the hint and signs out when the authorization server session ended', async () => {
    const hints = memoryStorage();
    hints.setItem(SESSION_HINT_KEY, '1');
    const backend = fakeBackend({
      checkSession: () => Promise.reject(new AuthError('login_required', 'Login required')),
    });
    const store = new SessionStore(backend, hints);
    await store.start();
    expect(store.getState()).toMatchObject({ status: 'signedOut', error: null });
    expect(hints.getItem(SESSION_HINT_KEY)).toBeNull();
  });

  it('renews a short-lived token silently a third of its lifetime before it expires', async () => {
    const backend = fakeBackend({ parseHash: () => Promise.resolve(tokens(Date.now(), 30)) });
    backend.checkSession.mockImplementation(() => Promise.resolve(tokens(Date.now(), 30)));
    const store = new SessionStore(backend, memoryStorage());
    await store.completeSignIn('#x', 'http://localhost:3000');
    const first = await store.getAccessToken();
    await jest.advanceTimersByTimeAsync(19_000);
    expect(backend.checkSession).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(2_000);
    expect(backend.checkSession).toHaveBeenCalledTimes(1);
    const second = await store.getAccessToken();
    expect(second).not.toBe(first);
    expect(store.getState().status).toBe('signedIn');
    store.dispose();
  });

  it('asks to sign in again, keeping the profile, when renewal needs a login', async () => {
    const backend = fakeBackend({ parseHash: () => Promise.resolve(tokens(Date.now(), 30)) });
    backend.checkSession.mockImplementation(() =>
      Promise.reject(new AuthError('login_required', 'Login required')),
    );
    const store = new SessionStore(backend, memoryStorage());
    await store.completeSignIn('#x', 'http://localhost:3000');
    await jest.advanceTimersByTimeAsync(21_000);
    expect(store.getState().status).toBe('expired');
    expect(store.getState().profile?.name).toBe('Emma Employee');
    await expect(store.getAccessToken()).resolves.toBeNull();
  });

  it('retries a renewal that failed on the network while the token is still valid', async () => {
    const backend = fakeBackend({ parseHash: () => Promise.resolve(tokens(Date.now(), 120)) });
    backend.checkSession
      .mockImplementationOnce(() => Promise.reject(new AuthError('timeout', 'Timeout')))
      .mockImplementation(() => Promise.resolve(tokens(Date.now(), 120)));
    const store = new SessionStore(backend, memoryStorage());
    await store.completeSignIn('#x', 'http://localhost:3000');
    await jest.advanceTimersByTimeAsync(80_000);
    expect(store.getState().status).toBe('signedIn');
    await jest.advanceTimersByTimeAsync(5_000);
    expect(backend.checkSession).toHaveBeenCalledTimes(2);
    expect(store.getState().status).toBe('signedIn');
    store.dispose();
  });

  it('signs out: forgets the token, the hint and the unsent draft, and ends the server session', async () => {
    const hints = memoryStorage();
    const unsent = { clear: jest.fn() };
    const backend = fakeBackend();
    const store = new SessionStore(backend, hints, Date.now, unsent);
    await store.completeSignIn('#x', 'http://localhost:3000');
    await store.signOut();
    expect(store.getState().status).toBe('signedOut');
    expect(hints.getItem(SESSION_HINT_KEY)).toBeNull();
    expect(unsent.clear).toHaveBeenCalledTimes(1);
    expect(backend.logout).toHaveBeenCalledTimes(1);
    await expect(store.getAccessToken()).resolves.toBeNull();
  });

  it('renews once after a 401 and answers whether a fresh token is held', async () => {
    const backend = fakeBackend();
    const store = new SessionStore(backend, memoryStorage());
    await store.completeSignIn('#x', 'http://localhost:3000');
    await expect(store.handleUnauthorized()).resolves.toBe(true);
    expect(backend.checkSession).toHaveBeenCalledTimes(1);
    backend.checkSession.mockRejectedValueOnce(new AuthError('login_required', 'Login required'));
    await expect(store.handleUnauthorized()).resolves.toBe(false);
    expect(store.getState().status).toBe('expired');
    store.dispose();
  });
});
