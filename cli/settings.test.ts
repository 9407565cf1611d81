import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULTS, loadSettings, SettingsError } from './settings';

describe('loadSettings', () => {
  it('defaults to the local stack of npm start and ~/.config/timesheets', () => {
    expect(loadSettings({})).toEqual({
      ...DEFAULTS,
      configDir: join(homedir(), '.config', 'timesheets'),
    });
  });

  it('keeps the session under $XDG_CONFIG_HOME/timesheets, or $TIMESHEETS_CONFIG_DIR when set', () => {
    expect(loadSettings({ XDG_CONFIG_HOME: '/x/config' }).configDir).toBe('/x/config/timesheets');
    expect(loadSettings({ XDG_CONFIG_HOME: 'relative' }).configDir).toBe(
      join(homedir(), '.config', 'timesheets'),
    );
    expect(
      loadSettings({ XDG_CONFIG_HOME: '/x/config', TIMESHEETS_CONFIG_DIR: 'here' }).configDir,
    ).toBe(resolve('here'));
  });

  it('reads every TIMESHEETS_ setting', () => {
    const settings = loadSettings({
      TIMESHEETS_ISSUER: 'https://abc-inc.eu.auth0.com/',
      TIMESHEETS_CLIENT_ID: 'native-123',
      TIMESHEETS_AUDIENCE: 'https://api.example/',
      TIMESHEETS_API_URL: 'https://timesheets.example/graphql',
    });
    expect(settings).toMatchObject({
      issuer: 'https://abc-inc.eu.auth0.com/',
      clientId: 'native-123',
      audience: 'https://api.example/',
      apiUrl: 'https://timesheets.example/graphql',
    });
    expect(Object.isFrozen(settings)).toBe(true);
  });

  it('refuses a plain-http issuer that is not on loopback, naming the setting', () => {
    expect(() => loadSettings({ TIMESHEETS_ISSUER: 'http://idp.example/' })).toThrow(
      new SettingsError(
        'Invalid setting TIMESHEETS_ISSUER: must be https, or http on localhost / 127.0.0.1 (the local authorization server)',
      ),
    );
    expect(loadSettings({ TIMESHEETS_ISSUER: 'http://127.0.0.1:4400/' }).issuer).toBe(
      'http://127.0.0.1:4400/',
    );
  });

  it('names a malformed API URL', () => {
    expect(() => loadSettings({ TIMESHEETS_API_URL: 'localhost:4000' })).toThrow(
      /^Invalid setting TIMESHEETS_API_URL: /,
    );
  });
});
