import { revokeRefreshToken, type RevocationOutcome } from '../auth/revocation';
import type { CliContext } from '../context';
import { EXIT, type ExitCode } from '../errors';

/** Tells the person what happened on the server; the exit code says whether it failed. */
function report(ctx: CliContext, outcome: RevocationOutcome): ExitCode {
  if (outcome.kind === 'revoked') {
    ctx.out('Signed out: the session is revoked on the server and the local credentials deleted.');
    return EXIT.ok;
  }
  ctx.out('Signed out on this computer: the local credentials are deleted.');
  if (outcome.kind === 'skipped') {
    ctx.err(`Not revoked on the server (${outcome.reason}): the refresh token expires on its own.`);
    return EXIT.ok;
  }
  ctx.err(
    `The refresh token could not be revoked on the server (${outcome.reason}): it stays valid ` +
      'there until it expires.',
  );
  return EXIT.failed;
}

/**
 * `logout`: revokes the stored refresh token on the issuer (RFC 7009), then deletes the stored
 * credentials, also when the revocation failed (server down), saying so (exit 1).
 */
export async function logout(ctx: CliContext): Promise<ExitCode> {
  const credentials = await ctx.store.read();
  if (!credentials) {
    await ctx.store.remove();
    ctx.out('You were not signed in.');
    return EXIT.ok;
  }
  let outcome: RevocationOutcome;
  try {
    outcome = await revokeRefreshToken(ctx.issuer, ctx.settings, credentials);
  } finally {
    await ctx.store.remove();
  }
  return report(ctx, outcome);
}
