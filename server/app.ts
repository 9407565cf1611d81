import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { InvalidTokenError } from './auth/errors';
import { failureReason } from './auth/failure-reason';
import { getBearerToken } from './auth/get-token';
import { createVerifier } from './auth/verifier';
import type { Principal } from './auth/principal';
import type { Config } from './config';
import type { Context } from './context';
import { checkDatabase, createDatabase, type OpenDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { createApollo } from './graphql/apollo';
import { rateLimitPlugin } from './graphql/rate-limit-plugin';
import { createSchema } from './graphql/schema';
import {
  loadTrustedDocuments,
  operationNamesOf,
  trustedDocumentsCache,
} from './graphql/trusted-documents';
import { createHandler } from './http/handler';
import { createLoaders } from './loaders';
import { createLogger } from './logger';
import { createMetrics, serveMetrics } from './metrics';
import { createCalendarService } from './calendar/calendar.service';
import { createPersonService } from './people/person.service';
import { createPeriodService } from './period/period.service';
import { createTimesheetService } from './timesheets/timesheet.service';
import { createWeekService } from './weeks/week.service';

export interface App {
  server: Server;
  /** Listens on the configured host and port (0 picks a free one); answers the /graphql URL. */
  listen: () => Promise<string>;
  /** The /metrics URL once listening, when METRICS_PORT is set. */
  metricsUrl: () => string | null;
  /**
   * Stops gracefully: /readyz answers 503 at once (for SHUTDOWN_DELAY_MS the API still serves),
   * then no new connection is accepted, requests in flight finish (up to SHUTDOWN_TIMEOUT_MS, then
   * their connections are cut), and the database closes.
   */
  close: () => Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  /** The clock of the entry rules, for tests. */
  now?: () => Date;
  /** An already open database (tests isolate themselves in their own); closed by its owner. */
  database?: OpenDatabase;
}

/**
 * Builds the whole API from its configuration: opens the database and runs the migrations,
 * creates the token verifier, the services, the schema with its permission rules, Apollo Server
 * and the HTTP server. Nothing listens until `listen()`.
 */
export async function createApp(config: Readonly<Config>, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const ownsDatabase = options.database === undefined;
  const database =
    options.database ??
    (await createDatabase(config.databaseUrl, {
      settings: config.database,
      onPoolError: (error) => logger.warn({ err: error }, 'database connection lost; reconnecting'),
    }));
  await migrateToLatest(database.db);
  const trusted = loadTrustedDocuments();
  const metrics = createMetrics(operationNamesOf(trusted));
  if (database.poolStats) metrics.watchPool(database.poolStats);
  const verify = createVerifier({
    ...config.auth,
    onClaimProblems: (problems, sub) => {
      for (const problem of problems) metrics.claimProblem(problem);
      logger.warn({ sub, problems }, 'access token claims unusable: no team reach granted');
    },
  });
  const services = {
    timesheets: createTimesheetService(database.db, { now: options.now }),
    people: createPersonService(database.db, {
      now: options.now,
      source: config.directorySource,
    }),
    calendar: createCalendarService(database.db, { now: options.now }),
    weeks: createWeekService(database.db, { now: options.now }),
    period: createPeriodService(database.db, { now: options.now }),
  };
  const limit = config.mutationRateLimit;
  const apollo = await createApollo(createSchema(), {
    development: config.development,
    introspection: config.introspection,
    persistedQueries: trustedDocumentsCache(trusted, config.documents),
    logger,
    plugins: [metrics.plugin, ...(limit ? [rateLimitPlugin(limit, metrics.rateLimited)] : [])],
  });

  const authenticate = async (token: string) => {
    try {
      return await verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        metrics.tokenFailure(failureReason(error));
        metrics.countRefused('UNAUTHENTICATED');
        logger.info({ reason: error.reason }, 'access token refused');
      }
      throw error;
    }
  };
  // Best effort: a request never fails because the directory could not be written.
  const learn = (principal: Principal) =>
    services.people.learnFromToken(principal).catch((error: unknown) => {
      metrics.directoryWriteFailure();
      logger.warn({ err: error }, 'could not record the person of a token in the directory');
    });
  const context = async (req: IncomingMessage, requestId: string): Promise<Context> => {
    const token = getBearerToken(req.headers.authorization);
    const principal = token === null ? null : await authenticate(token);
    if (principal?.kind === 'USER') await learn(principal);
    return { principal, services, loaders: createLoaders(services), requestId, logger };
  };
  let draining = false;
  const ready = () =>
    draining
      ? Promise.resolve(false)
      : checkDatabase(database.db).then(
          () => true,
          () => false,
        );
  const server = createServer(
    createHandler({
      apollo,
      context,
      ready,
      draining: () => draining,
      corsOrigins: config.corsOrigins,
      maxBodyBytes: config.maxBodyBytes,
      documents: { mode: config.documents, trusted },
      logger,
    }),
  );
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  let metricsServer: Server | null = null;

  const drain = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        logger.warn({ timeoutMs: config.shutdownTimeoutMs }, 'requests still running: cut');
        server.closeAllConnections();
      }, config.shutdownTimeoutMs);
      server.close(() => {
        clearTimeout(timer);
        resolve();
      });
      server.closeIdleConnections();
    });

  return {
    server,
    listen: async () => {
      if (config.metricsPort !== undefined) {
        metricsServer = await serveMetrics(metrics, config.metricsPort, config.metricsHost);
      }
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const { port } = server.address() as AddressInfo;
          resolve(`http://localhost:${port}/graphql`);
        });
      });
    },
    metricsUrl: () => {
      const address = metricsServer?.address() as AddressInfo | null | undefined;
      return address ? `http://localhost:${address.port}/metrics` : null;
    },
    close: async () => {
      draining = true;
      if (config.shutdownDelayMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, config.shutdownDelayMs));
      }
      if (server.listening) await drain();
      await new Promise<void>((resolve) =>
        metricsServer ? metricsServer.close(() => resolve()) : resolve(),
      );
      await apollo.stop();
      if (ownsDatabase) await database.close();
    },
  };
}
