import * as oidc from 'openid-client';
import type { Credentials } from '../auth/credentials-store';
import { describe } from '../auth/issuer';
import { matchesSettings } from '../auth/tokens';
import type { CliContext } from '../context';
import { EXIT, type ExitCode } from '../errors';

/** Revokes the refresh token (RFC 7009) when the issuer offers revocation; says what happened. */
async function revoke(ctx: CliContext, credentials: Credentials): Promise<string> {
  if (!matchesSettings(credentials, ctx.settings)) {
    return `not revoked (the session is from ${credentials.issuer}, not TIMESHEETS_ISSUER)`;
  }
  try {
    const issuer = await ctx.issuer();
    if (!issuer.serverMetadata().revocation_endpoint) {
      return 'the authorization server offers no revocation: the refresh token expires on its own';
    }
    await oidc.tokenRevocation(issuer, credentials.refreshToken, {
      token_type_hint: 'refresh_token',
    });
    return 'refresh token revoked';
  } catch (error) {
    return `the refresh token could not be revoked (${describe(error)})`;
  }
}

/** `logout`: revokes the session at the issuer if it can, and deletes the stored credentials. */
export async function logout(ctx: CliContext): Promise<ExitCode> {
  const credentials = await ctx.store.read();
  if (!credentials) {
    await ctx.store.remove();
    ctx.out('You were not signed in.');
    return EXIT.ok;
  }
  let outcome: string;
  try {
    outcome = await revoke(ctx, credentials);
  } finally {
    await ctx.store.remove();
  }
  ctx.out(`Signed out: credentials deleted; ${outcome}.`);
  return EXIT.ok;
}
