import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** What a server child serves, and the issuer and store it trusts. */
export interface ServerSpec {
  kind: 'api' | 'baseline';
  issuer: string;
  audience: string;
  jwksUri: string;
  databaseUrl: string;
  schema: string | undefined;
}

/** A running server child: its /graphql URL, and how to stop it. */
export interface ServerChild {
  kind: ServerSpec['kind'];
  url: string;
  stop: () => Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

/** Forks server-process.ts (with the same tsx loader) and waits for the URL it listens on. */
export function startServerChild(
  spec: ServerSpec,
  extraExecArgv: readonly string[] = [],
): Promise<ServerChild> {
  const child: ChildProcess = fork(join(__dirname, 'server-process.ts'), [JSON.stringify(spec)], {
    execArgv: [...process.execArgv, ...extraExecArgv],
    // As deployed: graphql-js, among others, takes its slower development paths without it.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the ${spec.kind} server did not start within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    child.once('message', (message: { url: string }) => {
      clearTimeout(timer);
      resolve({ kind: spec.kind, url: message.url, stop });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the ${spec.kind} server exited with code ${code ?? 'null'}`));
    });
  });
}
