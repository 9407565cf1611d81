import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { getBearerToken } from './auth/get-token';
import { createVerifier } from './auth/verifier';
import type { Config } from './config';
import type { Context } from './context';
import { checkDatabase, createDatabase, type OpenDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { createApollo } from './graphql/apollo';
import { createSchema } from './graphql/schema';
import { createHandler } from './http/handler';
import { createLogger } from './logger';
import { createLoaders } from './loaders';
import { createPersonService } from './people/person.service';
import { createTimesheetService } from './timesheets/timesheet.service';

export interface App {
  server: Server;
  /** Listens on the configured host and port (0 picks a free one); answers the /graphql URL. */
  listen: () => Promise<string>;
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
  const database = options.database ?? (await createDatabase(config.databaseUrl));
  await migrateToLatest(database.db);
  const verify = createVerifier(config.auth);
  const services = {
    timesheets: createTimesheetService(database.db, { now: options.now }),
    people: createPersonService(database.db, { now: options.now }),
  };
  const apollo = await createApollo(createSchema(), {
    production: config.env === 'production',
    logger,
  });

  const context = async (req: IncomingMessage, requestId: string): Promise<Context> => {
    const token = getBearerToken(req.headers.authorization);
    const principal = token === null ? null : await verify(token);
    if (principal?.kind === 'USER') await services.people.learnFromToken(principal);
    return { principal, services, loaders: createLoaders(services), requestId, logger };
  };
  const ready = () =>
    checkDatabase(database.db).then(
      () => true,
      () => false,
    );
  const server = createServer(
    createHandler({
      apollo,
      context,
      ready,
      corsOrigins: config.corsOrigins,
      maxBodyBytes: config.maxBodyBytes,
      logger,
    }),
  );
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  return {
    server,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const { port } = server.address() as AddressInfo;
          resolve(`http://localhost:${port}/graphql`);
        });
      }),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await apollo.stop();
      if (ownsDatabase) await database.close();
    },
  };
}
