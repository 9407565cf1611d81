import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { DocumentProtocol } from './workload';

/** The three sides: the API, the hand-written node:http baseline, and mercurius. */
export type SideKind = 'api' | 'baseline' | 'mercurius';

/** What a server child serves, and the issuer and store it trusts. */
export interface ServerSpec {
  kind: SideKind;
  issuer: string;
  audience: string;
  jwksUri: string;
  databaseUrl: string;
  schema: string | undefined;
}

/** A running server child: its /graphql URL, its CPU time so far, and how to stop it. */
export interface ServerChild {
  kind: SideKind;
  url: string;
  /** How it receives documents: the API in production takes trusted documents by hash only. */
  protocol: DocumentProtocol;
  /** The child's `process.cpuUsage()` (user + system), in µs. */
  cpuMicros: () => Promise<number>;
  stop: () => Promise<void>;
}

/** Messages a child sends over IPC. */
export type ChildMessage = { url: string } | { cpu: NodeJS.CpuUsage };

const START_TIMEOUT_MS = 60_000;

function askCpu(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (!('cpu' in message)) return;
      child.off('message', onMessage);
      resolve(message.cpu.user + message.cpu.system);
    };
    child.on('message', onMessage);
    child.send('cpu', (error) => {
      if (error) {
        child.off('message', onMessage);
        reject(error);
      }
    });
  });
}

/** Forks server-process.ts (with the same tsx loader) and waits for the URL it listens on. */
export function startServerChild(
  spec: ServerSpec,
  extraExecArgv: readonly string[] = [],
): Promise<ServerChild> {
  const child: ChildProcess = fork(join(__dirname, 'server-process.ts'), [JSON.stringify(spec)], {
    execArgv: [...process.execArgv, ...extraExecArgv],
    // As deployed, on every side: graphql-js, among others, takes slower paths without it.
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
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`the ${spec.kind} server exited with code ${code ?? 'null'}`));
    };
    child.once('exit', onExit);
    const onUrl = (message: ChildMessage) => {
      if (!('url' in message)) return;
      clearTimeout(timer);
      child.off('message', onUrl);
      child.off('exit', onExit);
      resolve({
        kind: spec.kind,
        url: message.url,
        protocol: spec.kind === 'api' ? 'hash' : 'text',
        cpuMicros: () => askCpu(child),
        stop,
      });
    };
    child.on('message', onUrl);
  });
}
