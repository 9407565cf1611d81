/**
 * A child process that serves one side of the benchmark (the API or the baseline) on a loopback
 * port, so that the load generator has a core of its own. Started by server-child.ts; it answers
 * its URL over IPC and closes on SIGTERM.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createDatabase } from '../../server/db/database';
import { createLogger } from '../../server/logger';
import { createBaselineServer } from './baseline-server';
import type { ServerSpec } from './server-child';

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
    });
  });
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as ServerSpec;
  const config = loadConfig({
    NODE_ENV: 'production',
    // The workload sends query text, as the baseline receives it.
    GRAPHQL_DOCUMENTS: 'any',
    HOST: '127.0.0.1',
    PORT: '0',
    AUTH_ISSUER: spec.issuer,
    AUTH_AUDIENCE: spec.audience,
    AUTH_JWKS_URI: spec.jwksUri,
    DATABASE_URL: spec.databaseUrl,
    LOG_LEVEL: 'warn',
  });
  const database = await createDatabase(config.databaseUrl, { schema: spec.schema });
  let url: string;
  let close: () => Promise<void>;
  if (spec.kind === 'api') {
    const app = await createApp(config, { database, logger: createLogger(config.logLevel) });
    url = (await app.listen()).replace('localhost', '127.0.0.1');
    close = () => app.close();
  } else {
    const server = createBaselineServer(config.auth, database);
    url = await listen(server);
    close = () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
  }
  process.once('SIGTERM', () => {
    void close()
      .then(() => database.close())
      .finally(() => process.exit(0));
  });
  process.send?.({ url });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
