import type { Logger } from 'pino';
import { createApp, type App } from '../server/app';
import { loadConfig } from '../server/config';
import type { OpenDatabase } from '../server/db/database';
import { createLogger } from '../server/logger';
import type { TestIssuer } from './issuer';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: {
      message: string;
      path?: (string | number)[];
      extensions?: Record<string, unknown>;
    }[];
  };
}

export interface TestApi {
  url: string;
  app: App;
  /** POSTs any JSON body (operationName, extensions…), with the bearer token when one is given. */
  post: <T = Record<string, unknown>>(body: unknown, token?: string) => Promise<GraphQLResponse<T>>;
  /** POSTs a GraphQL operation, with `Authorization: Bearer <token>` when a token is given. */
  gql: <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ) => Promise<GraphQLResponse<T>>;
  /** Runs an operation that must succeed (200, no errors) and answers its data. */
  ok: <T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    token?: string,
  ) => Promise<T>;
  close: () => Promise<void>;
}

/** Starts the real API on a loopback port, trusting the test issuer, on the given database. */
export interface TestApiOptions {
  /** Extra environment variables for loadConfig. */
  env?: Record<string, string>;
  /** The clock of the entry rules. */
  now?: () => Date;
  /** Where logs go; silent by default. */
  logger?: Logger;
}

export async function startTestApi(
  issuer: Pick<TestIssuer, 'issuer' | 'audience' | 'jwksUri'>,
  database: OpenDatabase,
  { env = {}, now, logger = createLogger('silent') }: TestApiOptions = {},
): Promise<TestApi> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    AUTH_ISSUER: issuer.issuer,
    AUTH_AUDIENCE: issuer.audience,
    AUTH_JWKS_URI: issuer.jwksUri,
    ...env,
  });
  const app = await createApp(config, { logger, database, now });
  const url = (await app.listen()).replace('localhost', '127.0.0.1');
  const post: TestApi['post'] = async (body, token) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as never,
    };
  };
  const ok: TestApi['ok'] = async <T>(
    query: string,
    variables: Record<string, unknown>,
    token?: string,
  ) => {
    const { status, body } = await gql<T>(query, variables, token);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    return body.data as T;
  };
  const gql: TestApi['gql'] = (query, variables, token) => post({ query, variables }, token);
  return { url, app, post, gql, ok, close: () => app.close() };
}
