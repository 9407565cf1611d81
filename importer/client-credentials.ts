/** Settings of the automated process as an OAuth 2.0 client (RFC 6749 §4.4). */
export interface ClientCredentials {
  /** The issuer, with its trailing slash; the token endpoint is Auth0's `<issuer>oauth/token`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  audience: string;
}

/** The authorization server refused to issue a token. */
export class TokenRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenRequestError';
  }
}

/** Gets an access token with the client-credentials grant, as Auth0's token endpoint expects. */
export async function fetchClientToken(client: ClientCredentials): Promise<string> {
  const endpoint = new URL('oauth/token', client.issuer);
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
        audience: client.audience,
      }),
    });
  } catch (error) {
    throw new TokenRequestError(
      `cannot reach the authorization server at ${endpoint.href} (${(error as Error).message})`,
    );
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok || typeof body.access_token !== 'string') {
    const reason = [body.error, body.error_description].filter(Boolean).join(': ');
    throw new TokenRequestError(
      `the authorization server refused a token for ${client.clientId} (HTTP ${response.status}${reason ? `, ${reason}` : ''})`,
    );
  }
  return body.access_token;
}
