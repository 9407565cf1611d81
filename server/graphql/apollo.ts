import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Logger } from 'pino';
import type { Context } from '../context';
import { API_ERROR_CODES } from '../../core/api';
import { httpStatusPlugin } from './http-status-plugin';
import { costLimitPlugin } from './cost-limit-plugin';
import { createJitGateway } from './jit-gateway';
import { operationPlugin } from './operation-plugin';

const MAX_TOKENS = 2_000;
/**
 * The most one operation may cost (see cost-limit-plugin.ts): every document the clients ship
 * passes at its largest page sizes; a query fanning out to many full pages does not.
 */
export const MAX_COST = 8_000;

/** Limits that keep an abusive query from costing the server more than a page of entries. */
const armor = new ApolloArmor({
  maxDepth: { n: 8 },
  maxAliases: { n: 15 },
  maxDirectives: { n: 20 },
  // Apollo's own parser limit (parseOptions below) answers 400; armor's plugin answers 500.
  maxTokens: { enabled: false },
  // Costs are checked with the request's variables by costLimitPlugin (armor sees literals only).
  costLimit: { enabled: false },
  blockFieldSuggestion: { enabled: false },
});

const CLIENT_CODES: ReadonlySet<unknown> = new Set(
  Object.values(API_ERROR_CODES).filter((code) => code !== API_ERROR_CODES.internal),
);

/**
 * Unexpected errors (a database failure, a bug), wherever they are raised (a resolver, building
 * the request's context, a plugin), reach the client as "Internal server error": no stack, no
 * SQL. Only errors carrying a code of the closed set (core/api.ts) pass unchanged.
 */
export function maskUnexpected(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (formatted.extensions?.code === 'UNAUTHENTICATED') {
      // Never a stack or the verifier's reason on a 401, in any mode: they help an attacker only.
      return { message: formatted.message, extensions: { code: 'UNAUTHENTICATED' } };
    }
    if (original instanceof GraphQLError && CLIENT_CODES.has(formatted.extensions?.code)) {
      return formatted;
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error in a resolver');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: API_ERROR_CODES.internal },
    };
  };
}

export interface ApolloOptions {
  /** Stack traces in errors and the local Sandbox landing page. */
  development: boolean;
  introspection: boolean;
  logger: Logger;
  /** More plugins (metrics, the rate limit), run before the built-in ones. */
  plugins?: ApolloServerPlugin<Context>[];
  /** Where documents sent by hash are found (see trusted-documents.ts). */
  persistedQueries: KeyValueCache<string>;
}

/** The Apollo Server of the API, started and ready for executeHTTPGraphQLRequest. */
export async function createApollo(
  schema: GraphQLSchema,
  { development, introspection, logger, plugins: extra = [], persistedQueries }: ApolloOptions,
): Promise<ApolloServer<Context>> {
  const protection = armor.protect();
  const plugins: ApolloServerPlugin<Context>[] = [
    operationPlugin,
    costLimitPlugin(schema, MAX_COST),
    ...extra,
    ...(protection.plugins as ApolloServerPlugin<Context>[]),
    httpStatusPlugin,
    // Per-field cache hints cost a hook on every field; the API sets no cache hints.
    ApolloServerPluginCacheControlDisabled(),
    development
      ? ApolloServerPluginLandingPageLocalDefault({ footer: false, includeCookies: false })
      : ApolloServerPluginLandingPageDisabled(),
  ];
  const apollo = new ApolloServer<Context>({
    gateway: createJitGateway(schema),
    plugins,
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: MAX_TOKENS },
    introspection,
    persistedQueries: { cache: persistedQueries },
    csrfPrevention: true,
    includeStacktraceInErrorResponses: development,
    formatError: maskUnexpected(logger),
    logger,
  });
  await apollo.start();
  return apollo;
}
