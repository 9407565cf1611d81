import autocannon, { type AutocannonRequest } from 'autocannon';
import type { ServerChild, SideKind } from './server-child';

/** One measured run against one side. */
export interface LoadSample {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** The server's CPU time (user + system) per response, in µs. */
  cpuPerRequest: number;
  failures: number;
}

/** Every sample of one side, and their medians. */
export interface SideResult {
  kind: SideKind;
  samples: LoadSample[];
  rps: number;
  p50: number;
  p99: number;
  cpuPerRequest: number;
}

/** A side under load: the server, and the requests its workload sends it. */
export interface LoadSide {
  child: ServerChild;
  requests: AutocannonRequest[];
}

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  rounds: number;
  log: (line: string) => void;
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** A GraphQL answer with errors is a failure even with a 2xx status (mercurius answers 200). */
const answeredWithoutErrors = (body: string) => !body.includes('"errors":[');

async function hit(side: LoadSide, connections: number, seconds: number): Promise<LoadSample> {
  const cpuBefore = await side.child.cpuMicros();
  const result = await autocannon({
    url: side.child.url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: side.requests,
    verifyBody: answeredWithoutErrors,
  });
  const cpu = (await side.child.cpuMicros()) - cpuBefore;
  const answered = result['2xx'] + result.non2xx;
  return {
    rps: (result['2xx'] - result.mismatches) / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: answered,
    cpuPerRequest: answered > 0 ? cpu / answered : NaN,
    failures: result.errors + result.timeouts + result.non2xx + result.mismatches,
  };
}

/** Round r runs the sides in an order rotated by r (A B C, B C A, C A B, …). */
const orderOf = (round: number, sides: number) =>
  Array.from({ length: sides }, (_, i) => (i + round) % sides);

/**
 * Warms every side up, then measures them in interleaved rounds so that the noise of a shared
 * machine falls on all of them alike. Answers the samples and medians of each side, in order.
 */
export async function measureInterleaved(
  sides: readonly LoadSide[],
  options: LoadOptions,
): Promise<SideResult[]> {
  for (const side of sides) {
    options.log(`warm-up ${side.child.kind} (${options.warmupSeconds} s)`);
    await hit(side, options.connections, options.warmupSeconds);
  }
  const samples: LoadSample[][] = sides.map(() => []);
  for (let round = 0; round < options.rounds; round++) {
    for (const index of orderOf(round, sides.length)) {
      const side = sides[index];
      const sample = await hit(side, options.connections, options.durationSeconds);
      samples[index]?.push(sample);
      options.log(
        `round ${round + 1}/${options.rounds} ${side.child.kind.padEnd(9)} ` +
          `${sample.rps.toFixed(0)} req/s, p50 ${sample.p50} ms, p99 ${sample.p99} ms, ` +
          `${sample.cpuPerRequest.toFixed(0)} µs CPU/req` +
          (sample.failures ? `, ${sample.failures} FAILED` : ''),
      );
    }
  }
  return sides.map((side, i) => {
    const list = samples[i] ?? [];
    return {
      kind: side.child.kind,
      samples: list,
      rps: median(list.map((s) => s.rps)),
      p50: median(list.map((s) => s.p50)),
      p99: median(list.map((s) => s.p99)),
      cpuPerRequest: median(list.map((s) => s.cpuPerRequest)),
    };
  });
}
