/**
 * The response modes a SPA may use: the fragment (auth0-js's redirect) and `web_message` (its
 * silent renewal, `checkSession`). `form_post` or `query` would hand the tokens to whatever server
 * answers the redirect URI, and end up in its logs.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CompatContext } from './auth0-compat';
import { sendErrorPage } from './html';

/** The only `response_mode` values a tenant SPA client may ask for. */
export const SPA_RESPONSE_MODES: readonly string[] = ['fragment', 'web_message'];

/**
 * `GET /authorize` (oidc-provider takes no POST here): refuses a SPA's request for another
 * response mode with `invalid_request` on the error page, where oidc-provider would send the
 * error back by that very mode; hands every other request to oidc-provider.
 */
export function handleAuthorizeRequest(
  ctx: CompatContext,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const params = new URL(req.url ?? '/', ctx.issuer).searchParams;
  const client = ctx.directory.findClient(params.get('client_id') ?? '');
  const mode = params.get('response_mode');
  if (client?.type === 'spa' && mode !== null && !SPA_RESPONSE_MODES.includes(mode)) {
    const allowed = SPA_RESPONSE_MODES.join(' or ');
    const description = `response_mode=${mode} is not allowed for ${client.clientId}: use ${allowed}.`;
    sendErrorPage(res, 400, 'invalid_request', description);
    return;
  }
  ctx.forward(req, res);
}
