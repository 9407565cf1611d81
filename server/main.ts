import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const app = await createApp(config, { logger });
  const url = await app.listen();
  logger.info(
    {
      url,
      metrics: app.metricsUrl(),
      mode: config.env,
      issuer: config.auth.issuer,
      audience: config.auth.audience,
    },
    'Timesheets API ready',
  );
  let stopping = false;
  const stop = (signal: string) => {
    // Shutdown is bounded by SHUTDOWN_TIMEOUT_MS; a repeated signal (tsx relays one twice) waits.
    if (stopping) return;
    stopping = true;
    logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down: draining');
    app.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
  } else {
    console.error('Timesheets API failed to start:', error);
  }
  process.exit(1);
});
