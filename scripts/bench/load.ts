import autocannon from 'autocannon';
import type { ServerChild } from './server-child';
import { PAGE_BODY } from './workload';

/** One measured run against one side. */
export interface LoadSample {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  failures: number;
}

/** Every sample of one side, and their medians. */
export interface SideResult {
  kind: ServerChild['kind'];
  samples: LoadSample[];
  rps: number;
  p50: number;
  p99: number;
}

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  rounds: number;
  /** Pre-signed bearer tokens, one per user; connections cycle through all of them. */
  tokens: readonly string[];
  log: (line: string) => void;
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function hit(url: string, options: LoadOptions, seconds: number): Promise<LoadSample> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: seconds,
    timeout: 10,
    // Pre-built requests (no per-request setup), one per token: no single hot row set.
    requests: options.tokens.map((token) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: PAGE_BODY,
    })),
  });
  const failures = result.errors + result.timeouts + result.non2xx;
  return {
    rps: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures,
  };
}

/**
 * Warms both sides up, then measures them in alternating rounds (A B, B A, A B, …) so that the
 * noise of a shared machine falls on both. Answers the samples and medians of each side.
 */
export async function measureSideBySide(
  sides: readonly [ServerChild, ServerChild],
  options: LoadOptions,
): Promise<[SideResult, SideResult]> {
  for (const side of sides) {
    options.log(`warm-up ${side.kind} (${options.warmupSeconds} s)`);
    await hit(side.url, options, options.warmupSeconds);
  }
  const samples: [LoadSample[], LoadSample[]] = [[], []];
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const index of order) {
      const side = sides[index];
      const sample = await hit(side.url, options, options.durationSeconds);
      samples[index]?.push(sample);
      options.log(
        `round ${round + 1}/${options.rounds} ${side.kind.padEnd(8)} ${sample.rps.toFixed(0)} req/s, ` +
          `p50 ${sample.p50} ms, p99 ${sample.p99} ms` +
          (sample.failures ? `, ${sample.failures} FAILED` : ''),
      );
    }
  }
  const summarize = (kind: ServerChild['kind'], list: LoadSample[]): SideResult => ({
    kind,
    samples: list,
    rps: median(list.map((s) => s.rps)),
    p50: median(list.map((s) => s.p50)),
    p99: median(list.map((s) => s.p99)),
  });
  return [summarize(sides[0].kind, samples[0]), summarize(sides[1].kind, samples[1])];
}
