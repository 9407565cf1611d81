/**
 * A child process that serves one side of the benchmark (the API, the baseline or mercurius) on
 * a loopback port, so that the load generator has a core of its own. Started by server-child.ts;
 * it answers its URL over IPC, then its CPU time whenever asked ('cpu'), and closes on SIGTERM.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createDatabase } from '../../server/db/database';
import { createLogger } from '../../server/logger';
import { createBaselineServer } from './baseline-server';
import { createMercuriusServer } from './mercurius-server';
import type { ChildMessage, ServerSpec } from './server-child';

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
    });
  });
}

const closeServer = (server: Server) => () =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as ServerSpec;
  const config = loadConfig({
    NODE_ENV: 'production',
    // Production runs trusted documents only, and createApp loads them from the repository's
    // store, which does not hold the bench's documents. `any` lets the bench register them once
    // (Apollo's automatic persisted queries); every measured request is then sent by hash only.
    GRAPHQL_DOCUMENTS: 'any',
    HOST: '127.0.0.1',
    PORT: '0',
    AUTH_ISSUER: spec.issuer,
    AUTH_AUDIENCE: spec.audience,
    AUTH_JWKS_URI: spec.jwksUri,
    DATABASE_URL: spec.databaseUrl,
    // The rate limit stays on the path (its cost is part of the API's) but never refuses a write.
    MUTATION_RATE_LIMIT: '1000000000/1',
    LOG_LEVEL: 'warn',
  });
  const database = await createDatabase(config.databaseUrl, { schema: spec.schema });
  const logger = createLogger(config.logLevel);
  let url: string;
  let close: () => Promise<void>;
  if (spec.kind === 'api') {
    const app = await createApp(config, { database, logger });
    url = (await app.listen()).replace('localhost', '127.0.0.1');
    close = () => app.close();
  } else if (spec.kind === 'mercurius') {
    const app = await createMercuriusServer(config, database, logger);
    url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/graphql`;
    close = () => app.close();
  } else {
    const server = createBaselineServer(config.auth, database);
    url = await listen(server);
    close = closeServer(server);
  }
  process.on('message', (message) => {
    if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() } satisfies ChildMessage);
  });
  process.once('SIGTERM', () => {
    void close()
      .then(() => database.close())
      .finally(() => process.exit(0));
  });
  process.send?.({ url } satisfies ChildMessage);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
