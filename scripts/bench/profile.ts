/**
 * `npx tsx scripts/bench/profile.ts [api|baseline] [seconds]`: loads one side with a V8 CPU profile
 * and prints where its time goes (self time by function, and by package). A diagnosis aid for
 * when the API misses its target; `npm run bench` is the measurement.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestIssuer } from '../../test/issuer';
import { measureSideBySide } from './load';
import { userIdOf } from './seed';
import { startServerChild, type ServerChild } from './server-child';
import { createBenchStore } from './store';
import { READ_SCOPE } from './workload';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
}

function packageOf(url: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1];
  if (url.includes('/work/main/')) return url.replace(/^.*\/work\/main\//, '');
  return url === '' ? '(native/idle/gc)' : 'node:internal';
}

function summarize(file: string): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] };
  const total = profile.nodes.reduce((sum, node) => sum + node.hitCount, 0);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const { callFrame, hitCount } of profile.nodes) {
    const where = packageOf(callFrame.url);
    const name = `${callFrame.functionName || '(anonymous)'} ${where}:${callFrame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + hitCount);
    byPackage.set(where, (byPackage.get(where) ?? 0) + hitCount);
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, hits]) => `  ${((100 * hits) / total).toFixed(1).padStart(5)}%  ${name}`);
  console.log(
    [`self time by package/file (${total} samples)`, ...top(byPackage, 25), ''].join('\n'),
  );
  console.log(['self time by function', ...top(byFunction, 30)].join('\n'));
}

async function main(): Promise<void> {
  const kind = (process.argv[2] ?? 'api') as ServerChild['kind'];
  const seconds = Number(process.argv[3] ?? 10);
  const dir = mkdtempSync(join(tmpdir(), 'timesheets-prof-'));
  const issuer = await startTestIssuer();
  const store = await createBenchStore('sqlite', 'prof');
  try {
    await store.seed({ rows: Number.POSITIVE_INFINITY, users: 100 });
    const tokens = await Promise.all(
      Array.from({ length: 100 }, (_, i) => issuer.userToken(userIdOf(i), [READ_SCOPE])),
    );
    const spec = { ...issuer, databaseUrl: store.url, schema: undefined, kind };
    const child = await startServerChild(spec, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    const log = (line: string) => console.error(`[profile] ${line}`);
    const options = { connections: 25, durationSeconds: seconds, warmupSeconds: 2, rounds: 1 };
    await measureSideBySide([child, child], { ...options, tokens, log });
    await child.stop();
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('no profile written');
    summarize(join(dir, file));
  } finally {
    await store.drop();
    await issuer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
