/**
 * `npx tsx scripts/bench/profile.ts [api|baseline|mercurius] [seconds] [read|mixed]`: loads one
 * side with a V8 CPU profile and prints where its time goes (self time by function, and by
 * package or file of this checkout). A diagnosis aid for when the API misses its targets;
 * `npm run bench` is the measurement. PROFILE_KEEP=<file> keeps the .cpuprofile for a flame graph.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startTestIssuer } from '../../test/issuer';
import { measureInterleaved } from './load';
import { createWriteSequence, workloadRequests, type WorkloadName } from './requests';
import { registerDocuments } from './same-answer';
import { userIdOf } from './seed';
import { startServerChild, type SideKind } from './server-child';
import { createBenchStore } from './store';
import { CREATE_SCOPE, READ_SCOPE } from './workload';

/** The checkout this file belongs to, wherever it is cloned; profiles name files as URLs. */
const ROOT = resolve(__dirname, '../..');
const ROOT_PREFIXES = [`${pathToFileURL(ROOT).href}/`, `${ROOT}/`];
const USERS = 100;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
}

function packageOf(url: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1];
  const prefix = ROOT_PREFIXES.find((p) => url.startsWith(p));
  if (prefix) return url.slice(prefix.length);
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

function parseArgs(argv: readonly string[]) {
  const kind = (argv[0] ?? 'api') as SideKind;
  const workload = (argv[2] ?? 'read') as WorkloadName;
  if (!['api', 'baseline', 'mercurius'].includes(kind)) throw new Error(`unknown side ${kind}`);
  if (!['read', 'mixed'].includes(workload)) throw new Error(`unknown workload ${workload}`);
  return { kind, seconds: Number(argv[1] ?? 10), workload };
}

async function main(): Promise<void> {
  const { kind, seconds, workload } = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'timesheets-prof-'));
  const issuer = await startTestIssuer();
  const store = await createBenchStore('sqlite', 'prof');
  try {
    await store.seed({ rows: Number.POSITIVE_INFINITY, users: USERS });
    const sign = (i: number) => issuer.userToken(userIdOf(i), [READ_SCOPE, CREATE_SCOPE]);
    const range = (from: number) => Array.from({ length: USERS }, (_, i) => sign(from + i));
    const tokens = {
      readers: await Promise.all(range(0)),
      writers: await Promise.all(range(USERS)),
    };
    const spec = { ...issuer, databaseUrl: store.url, schema: undefined, kind };
    const child = await startServerChild(spec, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    if (kind === 'api') await registerDocuments(child, tokens.readers[0], tokens.writers[0]);
    const writes = createWriteSequence(tokens, Date.now().toString(36));
    const requests = workloadRequests(workload, child.protocol, tokens, writes);
    const log = (line: string) => console.error(`[profile] ${line}`);
    const options = { connections: 50, durationSeconds: seconds, warmupSeconds: 2, rounds: 1 };
    await measureInterleaved([{ child, requests }], { ...options, log });
    await child.stop();
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('no profile written');
    summarize(join(dir, file));
    if (process.env.PROFILE_KEEP) {
      copyFileSync(join(dir, file), process.env.PROFILE_KEEP);
      console.log(`profile kept in ${process.env.PROFILE_KEEP} (open it in Chrome DevTools)`);
    }
  } finally {
    await store.drop();
    await issuer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
