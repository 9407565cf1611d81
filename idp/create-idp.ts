import * as crypto from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, type JWTVerifyGetKey } from 'jose';
import type { Provider } from 'oidc-provider';
import { pino, type Logger } from 'pino';
import {
  handleApiTokenUserinfo,
  handleAuth0Logout,
  handleRevocationRequest,
  handleTokenRequest,
  hasJwtBearer,
  type CompatContext,
} from './auth0-compat';
import { assertDevelopmentUse, type IdpConfig } from './config';
import { sendErrorPage } from './html';
import { createInteractionHandler } from './interactions';
import { createLoginThrottle } from './login-throttle';
import { handleAuthorizeRequest } from './spa-response-modes';
import { MemoryStore } from './memory-adapter';
import { loadSigningKeys, toPublicJwks, type StoredKey } from './keys';
import { buildProvider, ROUTES } from './provider';
import { createTenantDirectory, loadTenant, type TenantDirectory } from './tenant';

/** A running local authorization server. */
export interface Idp {
  server: http.Server;
  /** Where it listens, e.g. `http://localhost:4400`. */
  url: string;
  /** The issuer identifier (`iss`), with Auth0's trailing slash. */
  issuer: string;
  directory: TenantDirectory;
  /** Access token lifetime in seconds. */
  accessTokenTtl: number;
  /** The signing keys in use (current first). */
  keys(): readonly StoredKey[];
  /** Re-reads the key file (after `idp/rotate-keys.ts`) without dropping sessions. */
  reloadKeys(): Promise<void>;
  close(): Promise<void>;
}

export interface CreateIdpOptions {
  logger?: Logger;
}

interface ProviderState {
  provider: Provider;
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => void;
  keys: StoredKey[];
  jwks: JWTVerifyGetKey;
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Starts the authorization server: an oidc-provider instance behind Auth0's paths. Port 0 picks a
 * free port; the issuer is then `http://localhost:<port>/` unless the config sets one.
 */
export async function createIdp(config: IdpConfig, options: CreateIdpOptions = {}): Promise<Idp> {
  assertDevelopmentUse(config);
  const logger = options.logger ?? pino({ level: config.logLevel, name: 'idp' });
  const directory = createTenantDirectory(loadTenant(config.tenantFile));
  const accessTokenTtl = config.accessTokenTtl ?? directory.tenant.api.tokenLifetime;
  // Sessions live in memory, so cookie keys only need to last as long as the process.
  const cookieKeys = [crypto.randomBytes(32).toString('base64url')];
  const store = new MemoryStore();
  const sweeper = setInterval(() => store.sweep(), 60_000);
  sweeper.unref();

  const server = http.createServer();
  await listen(server, config.port, config.host);
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  const issuer = config.issuer ?? `${url}/`;

  async function buildState(): Promise<ProviderState> {
    const keys = await loadSigningKeys(config.keysDir);
    const provider = buildProvider({
      issuer,
      directory,
      keys,
      accessTokenTtl,
      spaOrigins: config.spaOrigins,
      claimsNamespace: config.claimsNamespace,
      cookieKeys,
      adapter: store.adapterFactory(),
    });
    // Validate the clients now rather than on first use, so a bad tenant file stops the start.
    for (const client of directory.tenant.clients) await provider.Client.find(client.clientId);
    provider.on('server_error', (_ctx, error) =>
      logger.error({ err: error }, 'oidc-provider error'),
    );
    return {
      provider,
      handle: provider.callback(),
      keys,
      jwks: createLocalJWKSet(toPublicJwks(keys)),
    };
  }

  let state: ProviderState;
  try {
    state = await buildState();
  } catch (error) {
    clearInterval(sweeper);
    server.close();
    throw error;
  }

  const compat: CompatContext = {
    issuer,
    directory,
    spaOrigins: config.spaOrigins,
    provider: () => state.provider,
    jwks: () => state.jwks,
    forward: (req, res) => state.handle(req, res),
  };
  const interactions = createInteractionHandler(
    () => state.provider,
    directory,
    createLoginThrottle(),
  );

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', issuer);
    const method = req.method ?? 'GET';
    if (pathname === '/v2/logout' && method === 'GET') return handleAuth0Logout(compat, req, res);
    if (pathname === ROUTES.token && method === 'POST') return handleTokenRequest(compat, req, res);
    if (pathname === ROUTES.revocation && method === 'POST') {
      return handleRevocationRequest(compat, req, res);
    }
    if (pathname === ROUTES.userinfo && ['GET', 'POST'].includes(method) && hasJwtBearer(req)) {
      return handleApiTokenUserinfo(compat, req, res);
    }
    if (pathname.startsWith('/interaction/')) return interactions(req, res, pathname);
    if (pathname === ROUTES.authorization && method === 'GET') {
      return handleAuthorizeRequest(compat, req, res);
    }
    state.handle(req, res);
  }

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    route(req, res).catch((error: unknown) => {
      logger.error({ err: error, url: req.url }, 'request failed');
      if (!res.headersSent) sendErrorPage(res, 500, 'server_error', 'Unexpected error.');
      else res.destroy();
    });
  });

  return {
    server,
    url,
    issuer,
    directory,
    accessTokenTtl,
    keys: () => state.keys,
    reloadKeys: async () => {
      state = await buildState();
      logger.info(
        { kids: state.keys.map((k) => `${k.kid} (${k.status})`) },
        'signing keys reloaded',
      );
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        clearInterval(sweeper);
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
