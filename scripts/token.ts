/**
 * npm run token -- <user email | client id> [scopes…]
 *
 * Gets a real access token from the running local authorization server through a real grant:
 * client credentials for a machine client, the implicit grant (login form posted over HTTP) for a
 * user. Credentials come from the tenant file. Scopes default to everything the API defines (a
 * user gets those among their permissions; a client gets all it is allowed).
 */
import { decodeJwt } from 'jose';
import { readManagesClaim, readTeamClaim, teamClaimNames } from '../core/claims';
import { loadIdpConfig, type IdpConfig } from '../idp/config';
import { createTenantDirectory, loadTenant, type SpaClient } from '../idp/tenant';
import { clientCredentials, implicitLogin } from '../idp/testing';

async function getToken(config: IdpConfig, subject: string, scopes: string[]): Promise<string> {
  const directory = createTenantDirectory(loadTenant(config.tenantFile));
  const { api } = directory.tenant;
  const issuer = config.issuer ?? `http://localhost:${config.port}/`;
  const client = directory.findClient(subject);
  if (client?.type === 'machine') {
    const { status, body } = await clientCredentials({
      issuer,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      audience: api.identifier,
      scope: scopes.length > 0 ? scopes.join(' ') : undefined,
    });
    if (status !== 200 || typeof body.access_token !== 'string') {
      throw new Error(`${String(body.error)}: ${String(body.error_description)}`);
    }
    return body.access_token;
  }
  const user = directory.findUserByEmail(subject);
  if (!user) {
    throw new Error(
      `"${subject}" is neither a user email nor a machine client id of ${config.tenantFile}`,
    );
  }
  const spa = directory.tenant.clients.find((c): c is SpaClient => c.type === 'spa');
  if (!spa) {
    throw new Error(`${config.tenantFile} has no SPA client to sign ${user.email} in through`);
  }
  const wanted = scopes.length > 0 ? scopes : api.scopes.map((s) => s.value);
  const result = await implicitLogin({
    issuer,
    clientId: spa.clientId,
    redirectUri: spa.callbacks[0] ?? '',
    audience: api.identifier,
    scope: ['openid', 'profile', 'email', ...wanted].join(' '),
    email: user.email,
    password: user.password,
  });
  if (!result.accessToken) throw new Error(`${result.error}: ${result.errorDescription}`);
  return result.accessToken;
}

async function main(): Promise<void> {
  const [subject, ...scopes] = process.argv.slice(2);
  if (!subject) {
    console.error('usage: npm run token -- <user email | client id> [scopes…]');
    process.exit(2);
  }
  let config: IdpConfig;
  let token: string;
  try {
    config = loadIdpConfig(process.env);
    token = await getToken(config, subject, scopes);
  } catch (error) {
    const refused = error instanceof TypeError && /fetch failed/.test(error.message);
    console.error(
      refused
        ? 'Cannot reach the authorization server: start it with `npm run start:idp`.'
        : error instanceof Error
          ? error.message
          : error,
    );
    process.exit(1);
  }
  const claims = decodeJwt(token);
  console.log(token);
  console.log('');
  console.log('Apollo Sandbox, Headers:');
  console.log(JSON.stringify({ Authorization: `Bearer ${token}` }));
  console.log('');
  console.log(`sub      ${claims.sub}`);
  console.log(`scope    ${typeof claims.scope === 'string' ? claims.scope : '(none)'}`);
  const names = teamClaimNames(config.claimsNamespace);
  const team = readTeamClaim(claims[names.team]);
  const manages = readManagesClaim(claims[names.manages]);
  if (team !== null) console.log(`team     ${team}`);
  if (manages.status === 'valid') console.log(`manages  ${manages.teams.join(', ')}`);
  if (manages.status === 'malformed') {
    console.log(`manages  malformed (${manages.shape}): the API gives this token no team reach`);
  }
  console.log(`expires  ${claims.exp ? new Date(claims.exp * 1000).toISOString() : 'never'}`);
}

void main();
