import { median, type SideResult } from './load';
import type { PageLatencyResult, PageTiming } from './page-latency';
import type { WorkloadName } from './requests';
import type { SameAnswer } from './same-answer';
import type { SideKind } from './server-child';

/** The targets of issue 10, on the read workload. */
export const TARGETS = { apiPerMercurius: 1.0, apiPerBaseline: 0.8, p99PerBaseline: 2.0 };
export const PAGE_RATIO_TARGET = 1.2;

/** What the throughput part ran on, for the report's heading. */
export interface ThroughputSetup {
  engine: string;
  rows: number;
  users: number;
  connections: number;
  rounds: number;
  durationSeconds: number;
  sameAnswer: SameAnswer;
}

/** One side against another, over the rounds. */
export interface Comparison {
  /** Median of the per-round throughput ratios, and their range. */
  ratio: number;
  low: number;
  high: number;
  p50: number;
  p99: number;
  cpu: number;
}

/** A workload's results: every side, and the API against each reference. */
export interface WorkloadReport {
  workload: WorkloadName;
  lines: string[];
  vsBaseline: Comparison;
  vsMercurius: Comparison;
  api: SideResult;
  baseline: SideResult;
  mercurius: SideResult;
}

/** Every workload's report on one engine. */
export type WorkloadReports = Record<WorkloadName, WorkloadReport>;

export const fmt = (value: number, digits = 2) => value.toFixed(digits);
/** 10000 → "10 k", 1000000 → "1 M". */
export const rowsLabel = (rows: number) =>
  rows >= 1_000_000 ? `${rows / 1_000_000} M` : `${Math.round(rows / 1000)} k`;

const LABELS: Record<SideKind, string> = {
  baseline: 'baseline (node:http)',
  mercurius: 'mercurius (Fastify + jit)',
  api: 'API (Apollo + shield)',
};

const WORKLOADS: Record<WorkloadName, string> = {
  read: 'Read: timesheets(first: 50) with every Timesheet field and totalCount',
  mixed: 'Mixed: 80% that read, 20% createTimesheet (fresh idempotency keys)',
  floor: "Floor: { __typename } with the readers' tokens (reported only)",
};

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((cell, i) =>
    Math.max(cell.length, ...rows.map((r) => r[i]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/**
 * The API against a reference. Rounds run back to back in rotated order: the ratio within a
 * round cancels slow drifts of a shared machine's load better than a ratio of medians.
 */
export function compareSides(api: SideResult, other: SideResult): Comparison {
  const ratios = api.samples.map((sample, i) => sample.rps / (other.samples[i]?.rps ?? NaN));
  return {
    ratio: median(ratios),
    low: Math.min(...ratios),
    high: Math.max(...ratios),
    p50: api.p50 / Math.max(other.p50, 1),
    p99: api.p99 / Math.max(other.p99, 1),
    cpu: api.cpuPerRequest / other.cpuPerRequest,
  };
}

const comparisonLine = (name: string, c: Comparison, rounds: number) =>
  `  ${name}: ${fmt(c.ratio)}× throughput (median of ${rounds} round(s); rounds ` +
  `${fmt(c.low)}–${fmt(c.high)}), p50 ${fmt(c.p50)}×, p99 ${fmt(c.p99)}×, CPU/req ${fmt(c.cpu)}×`;

function answersLine({ pages, writes, floors, byteIdentical }: SameAnswer): string {
  const sides = Object.entries(byteIdentical).map(
    ([kind, same]) => `${kind} ${same ? 'byte-identical' : 'deep-equal (bytes differ)'}`,
  );
  return (
    `  answers: ${pages} pages, ${floors} floors and ${writes} new entry compared with the API's: ` +
    `${sides.join(', ')} (new entry's id and instants masked; final newline ignored)`
  );
}

/** What a workload's heading adds under the setup line. */
const NOTES: Record<WorkloadName, (setup: ThroughputSetup) => string[]> = {
  read: (setup) => [answersLine(setup.sameAnswer)],
  mixed: () => [],
  floor: () => [
    "  no SQL: each server's own pipeline (HTTP, GraphQL request handling, token check from " +
      'cache, context); the baseline verifies the token as for the page and answers the same bytes',
  ],
};

/** One workload's table on one engine, and the API's ratios to both references. */
export function formatWorkload(
  workload: WorkloadName,
  setup: ThroughputSetup,
  results: readonly SideResult[],
): WorkloadReport {
  const find = (kind: SideKind) => {
    const result = results.find((r) => r.kind === kind);
    if (!result) throw new Error(`no ${kind} results`);
    return result;
  };
  const [api, baseline, mercurius] = [find('api'), find('baseline'), find('mercurius')];
  const vsBaseline = compareSides(api, baseline);
  const vsMercurius = compareSides(api, mercurius);
  const row = (result: SideResult) => [
    LABELS[result.kind],
    fmt(result.rps, 0),
    String(result.p50),
    String(result.p99),
    fmt(result.cpuPerRequest, 0),
    result.samples.map((s) => fmt(s.rps, 0)).join(' / '),
  ];
  const lines = [
    `${WORKLOADS[workload]} — ${setup.engine}`,
    `  ${setup.users} users × a year (${setup.rows} rows), a copy per side; ` +
      `${setup.connections} connections; ${setup.rounds} interleaved round(s) of ` +
      `${setup.durationSeconds} s per side; NODE_ENV=production on every side`,
    '  the API is sent trusted documents by hash; the baseline and mercurius the query text',
    ...NOTES[workload](setup),
    '',
    ...table(
      ['side', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', 'req/s per round'],
      [row(baseline), row(mercurius), row(api)],
    ).map((l) => `  ${l}`),
    '',
    comparisonLine('API/baseline ', vsBaseline, setup.rounds),
    comparisonLine('API/mercurius', vsMercurius, setup.rounds),
  ];
  return { workload, lines, vsBaseline, vsMercurius, api, baseline, mercurius };
}

function pageRatios(timings: readonly PageTiming[]) {
  const cases = [...new Set(timings.map((t) => t.pageCase))];
  return cases.map((pageCase) => {
    const list = timings.filter((t) => t.pageCase === pageCase).sort((a, b) => a.rows - b.rows);
    const [small, large] = [list[0], list.at(-1) as PageTiming];
    return { pageCase, p50: large.p50 / small.p50, p99: large.p99 / small.p99, small, large };
  });
}

/** Page latency's verdict: the worst large/small p50 ratio, and the stores it compares. */
export interface PageVerdict {
  worst: number;
  met: boolean;
  /** e.g. "1 M vs 10 k rows". */
  label: string;
}

/** The page-latency table, the plan, and the verdict. */
export function formatPageLatency(
  result: PageLatencyResult,
  engine: string,
): PageVerdict & { lines: string[] } {
  const ratios = pageRatios(result.timings);
  const worst = Math.max(...ratios.map((r) => r.p50));
  const met = worst <= PAGE_RATIO_TARGET;
  const { small, large } = ratios[0];
  const ratioLabel = `${rowsLabel(large.rows)}/${rowsLabel(small.rows)}`;
  const label = `${rowsLabel(large.rows)} vs ${rowsLabel(small.rows)} rows`;
  const lines = [
    `Page latency: the service's page query (listOwn, first: 50) for one user's year, ${engine}, ` +
      `${small.iterations} timed runs per case`,
    '',
    ...table(
      ['store', 'rows', 'page', 'p50 ms', 'p99 ms'],
      result.timings.map((t) => [
        t.store,
        String(t.rows),
        t.pageCase,
        fmt(t.p50, 3),
        fmt(t.p99, 3),
      ]),
    ).map((l) => `  ${l}`),
    '',
    ...ratios.map(
      (r) => `  ratio ${ratioLabel} ${r.pageCase}: p50 ${fmt(r.p50)}×, p99 ${fmt(r.p99)}×`,
    ),
    '',
    `  plan (deep page, ${rowsLabel(large.rows)} rows): ${result.statement}`,
    ...result.plan.map((step) => `    ${step}`),
  ];
  return { lines, worst, met, label };
}

const word = (met: boolean) => (met ? 'MET' : 'NOT MET');
const range = (c: Comparison) => `rounds ${fmt(c.low)}–${fmt(c.high)}`;

/** The targets, judged on the read workload; the mixed workload's figures are reported. */
export function formatVerdicts(
  engine: string,
  { read, mixed }: WorkloadReports,
  page: PageVerdict,
): string[] {
  const p99 = (report: WorkloadReport) =>
    `${fmt(report.vsBaseline.p99)}× (${report.api.p99} ms vs ${report.baseline.p99} ms)`;
  return [
    `Targets, read workload, ${engine} (reported, not enforced):`,
    `  API/mercurius throughput ≥ ${fmt(TARGETS.apiPerMercurius, 1)}: ` +
      `${fmt(read.vsMercurius.ratio)}× (${range(read.vsMercurius)}) — ` +
      word(read.vsMercurius.ratio >= TARGETS.apiPerMercurius),
    `  API/baseline throughput ≥ ${fmt(TARGETS.apiPerBaseline, 1)}: ` +
      `${fmt(read.vsBaseline.ratio)}× (${range(read.vsBaseline)}) — ` +
      word(read.vsBaseline.ratio >= TARGETS.apiPerBaseline),
    `  API p99 ≤ ${fmt(TARGETS.p99PerBaseline, 0)}× the baseline's: ${p99(read)} — ` +
      word(read.vsBaseline.p99 <= TARGETS.p99PerBaseline),
    `Mixed workload, ${engine}: API/mercurius ${fmt(mixed.vsMercurius.ratio)}× ` +
      `(${range(mixed.vsMercurius)}), API/baseline ${fmt(mixed.vsBaseline.ratio)}× ` +
      `(${range(mixed.vsBaseline)}), p99 ${p99(mixed)}`,
    `Page latency at ${page.label} within ${PAGE_RATIO_TARGET}× (p50, worst case): ` +
      `${fmt(page.worst)}× — ${word(page.met)}`,
  ];
}
