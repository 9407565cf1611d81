import { startTestIssuer } from '../../test/issuer';
import { measureInterleaved } from './load';
import { workloadRequests, createWriteSequence } from './requests';
import { registerDocuments } from './same-answer';
import { userIdOf } from './seed';
import { startServerChild, type ServerChild } from './server-child';
import { createBenchStore } from './store';
import { CREATE_SCOPE, READ_SCOPE } from './workload';

export interface DocumentsBenchOptions {
  database: string;
  rounds: number;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  users: number;
}

/**
 * What trusted documents save: one API process, the read workload sent by hash (the document is
 * looked up, never hashed, parsed or validated again) against the same request as query text
 * (Apollo hashes the text to find its cached parse), in interleaved rounds.
 */
export async function measureDocuments(
  options: DocumentsBenchOptions,
  log: (line: string) => void,
): Promise<string[]> {
  const issuer = await startTestIssuer();
  const store = await createBenchStore(options.database, 'documents');
  let api: ServerChild | undefined;
  try {
    await store.seed({ rows: Number.POSITIVE_INFINITY, users: options.users });
    const sign = (i: number) =>
      issuer.userToken(userIdOf(i), [READ_SCOPE, CREATE_SCOPE], { name: `Bench User ${i}` });
    const tokens = {
      readers: await Promise.all(Array.from({ length: options.users }, (_, i) => sign(i))),
      writers: [await sign(options.users)],
    };
    api = await startServerChild({
      kind: 'api',
      issuer: issuer.issuer,
      audience: issuer.audience,
      jwksUri: issuer.jwksUri,
      databaseUrl: store.url,
      schema: store.schema,
    });
    await registerDocuments(api, tokens.readers[0] ?? '', tokens.writers[0] ?? '');
    const writes = createWriteSequence(tokens, 'documents');
    const sides = (['hash', 'text'] as const).map((protocol) => ({
      child: api as ServerChild,
      requests: workloadRequests('read', protocol, tokens, writes),
    }));
    const [byHash, byText] = await measureInterleaved(sides, { ...options, log });
    if (!byHash || !byText) throw new Error('no results');
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    const perRound = byHash.samples.map((s, i) => s.rps / (byText.samples[i]?.rps ?? NaN));
    return [
      `Trusted documents: the read workload on one API process, ${options.connections} connections, ` +
        `${options.rounds} interleaved rounds of ${options.durationSeconds} s`,
      '',
      '| sent as | req/s | p50 ms | p99 ms | CPU µs/req |',
      '| --- | --- | --- | --- | --- |',
      ...[
        ['hash only', byHash],
        ['query text', byText],
      ].map(
        ([label, r]) =>
          `| ${label as string} | ${(r as typeof byHash).rps.toFixed(0)} | ${(r as typeof byHash).p50} | ${(r as typeof byHash).p99} | ${(r as typeof byHash).cpuPerRequest.toFixed(0)} |`,
      ),
      '',
      `hash / text: throughput ${ratio(byHash.rps, byText.rps)} (rounds ${Math.min(...perRound).toFixed(2)}–${Math.max(...perRound).toFixed(2)}), ` +
        `CPU per request ${ratio(byHash.cpuPerRequest, byText.cpuPerRequest)}`,
    ];
  } finally {
    await api?.stop();
    await store.drop();
    await issuer.close();
  }
}
