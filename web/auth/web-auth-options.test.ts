import type { RuntimeConfig } from '../config/runtime-config';
import { parseRuntimeConfig } from '../config/runtime-config';
import { REQUESTED_SCOPE, webAuthOptions } from './web-auth-options';

const local: RuntimeConfig = {
  authDomain: 'http://localhost:4400',
  issuer: 'http://localhost:4400/',
  clientId: 'timesheets-spa',
  audience: 'https://timesheets.abc-inc.example/api',
  apiUrl: 'http://localhost:4000/graphql',
};

describe('webAuthOptions', () => {
  it('asks for implicit-grant tokens for the API with every user scope', () => {
    const options = webAuthOptions(local, 'http://localhost:3000');
    expect(options).toMatchObject({
      domain: 'http://localhost:4400',
      clientID: 'timesheets-spa',
      audience: 'https://timesheets.abc-inc.example/api',
      responseType: 'token id_token',
      redirectUri: 'http://localhost:3000/callback/',
    });
    expect(REQUESTED_SCOPE).toBe(
      'openid profile email read:timesheets create:timesheets delete:timesheets approve:timesheets approve:all-teams close:periods',
    );
  });

  it('names the http issuer and its JWKS so id_token validation passes for the local server', () => {
    expect(webAuthOptions(local, 'http://localhost:3000').overrides).toEqual({
      __tenant: 'localhost',
      __token_issuer: 'http://localhost:4400/',
      __jwks_uri: 'http://localhost:4400/.well-known/jwks.json',
    });
  });

  it('works the same for a real Auth0 tenant given as a bare domain', () => {
    const tenant = {
      ...local,
      authDomain: 'abc.eu.auth0.com',
      issuer: 'https://abc.eu.auth0.com/',
    };
    expect(webAuthOptions(tenant, 'https://timesheets.abc.example').overrides).toEqual({
      __tenant: 'abc',
      __token_issuer: 'https://abc.eu.auth0.com/',
      __jwks_uri: 'https://abc.eu.auth0.com/.well-known/jwks.json',
    });
  });
});

describe('parseRuntimeConfig', () => {
  it('accepts a complete config', () => {
    expect(parseRuntimeConfig({ ...local, extra: 1 })).toEqual(local);
  });

  it('names the missing setting', () => {
    expect(() => parseRuntimeConfig({ ...local, clientId: '' })).toThrow(
      'config.json: "clientId" must be a non-empty string',
    );
  });

  it('rejects an API URL that is not absolute', () => {
    expect(() => parseRuntimeConfig({ ...local, apiUrl: '/graphql' })).toThrow(
      '"apiUrl" must be an absolute URL',
    );
  });
});
