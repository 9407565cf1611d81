import { displayName } from '../../core/people';
import { signIn } from '../auth/sign-in';
import { toCredentials } from '../auth/tokens';
import type { CliContext } from '../context';
import { EXIT, type ExitCode } from '../errors';

/**
 * `login [--no-browser]`: signs the person in through the system browser and stores the session
 * (the refresh token) in their config directory.
 */
export async function login(ctx: CliContext, options: { browser: boolean }): Promise<ExitCode> {
  const issuer = await ctx.issuer();
  const tokens = await signIn({
    issuer,
    settings: ctx.settings,
    timeoutMs: ctx.loginTimeoutMs,
    present: (url) => {
      ctx.err(`Sign in at this URL (waiting for the browser to come back):\n\n  ${url.href}\n`);
      if (options.browser) ctx.openUrl(url);
    },
  });
  const credentials = toCredentials(ctx.settings, tokens, ctx.now());
  await ctx.store.write(credentials);
  ctx.out(`Signed in as ${displayName({ id: credentials.user.sub, ...credentials.user })}.`);
  ctx.err(`Session stored in ${ctx.store.path}`);
  return EXIT.ok;
}
