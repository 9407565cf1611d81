/**
 * The settings that differ between environments, read at run time from `/config.json` so that one
 * static build serves a laptop, a staging tenant and production alike.
 */
export interface RuntimeConfig {
  /** The authorization server: `abc.eu.auth0.com`, or a full URL such as `http://localhost:4400`. */
  authDomain: string;
  /** The `iss` of its tokens, e.g. `https://abc.eu.auth0.com/` (with the trailing slash). */
  issuer: string;
  /** This single-page app's client id at the authorization server. */
  clientId: string;
  /** The API identifier the access token is requested for. */
  audience: string;
  /** The GraphQL endpoint. */
  apiUrl: string;
}

const KEYS = ['authDomain', 'issuer', 'clientId', 'audience', 'apiUrl'] as const;

/** Checks a parsed `/config.json`; throws an error naming the first missing or empty setting. */
export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  if (typeof raw !== 'object' || raw === null) {
    throw new Error('config.json must hold a JSON object');
  }
  const record = raw as Record<string, unknown>;
  for (const key of KEYS) {
    const value = record[key];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new Error(`config.json: "${key}" must be a non-empty string`);
    }
  }
  for (const key of ['issuer', 'apiUrl'] as const) {
    if (!URL.canParse(record[key] as string)) {
      throw new Error(`config.json: "${key}" must be an absolute URL`);
    }
  }
  const [authDomain, issuer, clientId, audience, apiUrl] = KEYS.map((key) => record[key] as string);
  return Object.freeze({ authDomain, issuer, clientId, audience, apiUrl });
}

/** Fetches and checks `/config.json` from the origin that served the app. */
export async function loadRuntimeConfig(fetchImpl: typeof fetch = fetch): Promise<RuntimeConfig> {
  const response = await fetchImpl('/config.json', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`Could not load /config.json (HTTP ${response.status})`);
  }
  return parseRuntimeConfig(await response.json());
}
