import { createServer, type Server } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Context } from './context';
import type { PoolStats } from './db/database';

/**
 * The API's Prometheus metrics (prom-client), in a registry of their own. Labels are closed sets
 * or bounded names: never a token, a user id or an entry's content.
 */
export interface Metrics {
  registry: Registry;
  /** Counts GraphQL requests by operation and outcome code, and times them. */
  plugin: ApolloServerPlugin<Context>;
  /** A request refused before GraphQL ran (its token, its body): counted by outcome. */
  countRefused: (outcome: string) => void;
  tokenFailure: (reason: string) => void;
  /** A verified token carried an unusable team claim (`manages:string`…), which widened nothing. */
  claimProblem: (problem: string) => void;
  rateLimited: () => void;
  /** Recording a token's person in the directory failed (the request went on without it). */
  directoryWriteFailure: () => void;
  /** Reports the connection pool's use on every scrape. */
  watchPool: (stats: () => PoolStats) => void;
}

/**
 * Creates the metrics. `operationNames` are the names of the trusted documents' operations: only
 * those become `operation` label values (anything else is `(other)`), so that no caller can grow
 * the label set by naming their own operations.
 */
export function createMetrics(operationNames: ReadonlySet<string> = new Set()): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'timesheets_' });
  const requests = new Counter({
    name: 'timesheets_graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (OK or the first error code)',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'timesheets_graphql_request_duration_seconds',
    help: 'Time from the start of a GraphQL request to its response, by operation',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const tokenFailures = new Counter({
    name: 'timesheets_token_verification_failures_total',
    help: 'Access tokens refused, by reason',
    labelNames: ['reason'],
    registers: [registry],
  });
  const claimProblems = new Counter({
    name: 'timesheets_token_claim_problems_total',
    help: 'Verified tokens whose team claims were present but unusable (they grant no reach), by problem',
    labelNames: ['problem'],
    registers: [registry],
  });
  const directoryWriteFailures = new Counter({
    name: 'timesheets_directory_write_failures_total',
    help: 'Requests whose token could not be recorded in the people directory (served anyway)',
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'timesheets_rate_limit_refusals_total',
    help: 'Mutations refused because their caller was over the rate limit (per process)',
    registers: [registry],
  });
  const operationLabel = (name: string | undefined): string =>
    name !== undefined && operationNames.has(name) ? name : '(other)';

  const plugin: ApolloServerPlugin<Context> = {
    requestDidStart() {
      const stop = duration.startTimer();
      return Promise.resolve({
        willSendResponse({ operationName, response }) {
          const operation = operationLabel(operationName ?? undefined);
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : [];
          const code = errors?.[0]?.extensions?.code;
          requests.inc({ operation, outcome: typeof code === 'string' ? code : 'OK' });
          stop({ operation });
          return Promise.resolve();
        },
      });
    },
  };

  return {
    registry,
    plugin,
    countRefused: (outcome) => requests.inc({ operation: '(refused)', outcome }),
    tokenFailure: (reason) => tokenFailures.inc({ reason }),
    claimProblem: (problem) => claimProblems.inc({ problem }),
    rateLimited: () => rateLimited.inc(),
    directoryWriteFailure: () => directoryWriteFailures.inc(),
    watchPool: (stats) => {
      new Gauge({
        name: 'timesheets_db_pool_connections',
        help: 'Database connections by state (total open, idle)',
        labelNames: ['state'],
        registers: [registry],
        collect() {
          const { total, idle } = stats();
          this.set({ state: 'total' }, total);
          this.set({ state: 'idle' }, idle);
        },
      });
      new Gauge({
        name: 'timesheets_db_pool_waiting',
        help: 'Queries waiting for a free database connection',
        registers: [registry],
        collect() {
          this.set(stats().waiting);
        },
      });
    },
  };
}

/** Serves `GET /metrics` on its own port (kept off the public API's), resolving with the server. */
export function serveMetrics(metrics: Metrics, port: number, host?: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
