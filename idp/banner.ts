import { SCOPES } from '../core/scopes';
import { isDevelopmentEnv, type IdpConfig } from './config';
import type { Idp } from './create-idp';
import { spaUrls } from './provider';
import type { TenantUser } from './tenant';

/** A user's team claims in words: their team, and whose entries they approve. */
function teamText(user: TenantUser): string {
  const team = user.team ?? 'no team';
  if (user.permissions.includes(SCOPES.approveAllTeams)) return `${team}, approves all teams`;
  if (user.manages) return `${team}, manages ${user.manages.join(', ')}`;
  return user.permissions.includes(SCOPES.approve) ? `${team}, approves nobody (no manages)` : team;
}

/** The start-up text: endpoints, clients, and the development users with their passwords. */
export function banner(idp: Idp, config: IdpConfig): string {
  const { tenant } = idp.directory;
  const lines = [
    '',
    'Local authorization server (Auth0-compatible, oidc-provider) - FOR DEVELOPMENT AND DEMOS ONLY',
    isDevelopmentEnv(config)
      ? '  Starts only with NODE_ENV=development or test (unless IDP_ALLOW_PRODUCTION=true).'
      : `  !! NODE_ENV=${config.nodeEnv ?? '(unset)'} allowed by IDP_ALLOW_PRODUCTION=true: do not expose this server.`,
    '',
    `  Issuer        ${idp.issuer}`,
    `  Discovery     ${idp.issuer}.well-known/openid-configuration`,
    `  JWKS          ${idp.issuer}.well-known/jwks.json`,
    `  Authorize     ${idp.issuer}authorize      Token  ${idp.issuer}oauth/token`,
    `  Userinfo      ${idp.issuer}userinfo       Logout ${idp.issuer}v2/logout?returnTo=…&client_id=…`,
    '',
    `  API           ${tenant.api.identifier}  (access tokens: RS256 JWT, ${idp.accessTokenTtl} s)`,
    `  Scopes        ${tenant.api.scopes.map((s) => s.value).join(' ')}`,
    `  Signing keys  ${config.keysDir}  (${idp
      .keys()
      .map((k) => `${k.kid.slice(0, 8)}… ${k.status}`)
      .join(', ')})`,
    '  Sessions and grants live in memory: a restart signs everybody out.',
    '',
    '  Clients:',
  ];
  for (const client of tenant.clients) {
    if (client.type === 'spa') {
      const urls = spaUrls(client, config.spaOrigins);
      lines.push(
        `    ${client.clientId}  SPA, implicit (token id_token)${client.firstParty ? ', first-party' : ''}`,
      );
      lines.push(`      callbacks ${urls.callbacks.join(' ')}`);
    } else if (client.type === 'native') {
      const rt = client.refreshToken;
      lines.push(
        `    ${client.clientId}  native, authorization code + PKCE (S256)${client.firstParty ? ', first-party' : ''}, refresh tokens ${rt.rotation} (${rt.tokenLifetime} s absolute, ${rt.idleTokenLifetime} s idle)`,
      );
      lines.push(`      callbacks ${client.callbacks.join(' ')}  (loopback: any port)`);
    } else {
      lines.push(
        `    ${client.clientId}  machine, client_credentials, secret "${client.clientSecret}", scopes ${client.allowedScopes.join(' ') || '(none)'}`,
      );
    }
  }
  lines.push('', `  Users (development passwords; team claims under ${config.claimsNamespace}):`);
  for (const user of tenant.users) {
    const permissions = user.permissions.map((p) => p.split(':')[0]).join(', ') || 'none';
    lines.push(
      `    ${user.email.padEnd(26)} ${user.password.padEnd(20)} ${user.name.padEnd(18)} ${`[${permissions}]`.padEnd(32)} ${teamText(user)}`,
    );
  }
  lines.push('', `  Get a token: npm run token -- <email or client id> [scopes…]`, '');
  return lines.join('\n');
}
