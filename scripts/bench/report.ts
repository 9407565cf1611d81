import { median, type SideResult } from './load';
import type { PageLatencyResult, PageTiming } from './page-latency';
import type { SameAnswer } from './same-answer';

export const THROUGHPUT_TARGET = 0.5;
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

const fmt = (value: number, digits = 2) => value.toFixed(digits);
/** 10000 → "10 k", 1000000 → "1 M". */
export const rowsLabel = (rows: number) =>
  rows >= 1_000_000 ? `${rows / 1_000_000} M` : `${Math.round(rows / 1000)} k`;

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

/** The throughput table and its verdict. */
export function formatThroughput(
  setup: ThroughputSetup,
  [api, baseline]: readonly [SideResult, SideResult],
): { lines: string[]; ratio: number; met: boolean } {
  // Rounds run back to back (A B, B A, …): the ratio within a round pair cancels slow drifts of a
  // shared machine's load better than a ratio of medians; report its median and its range.
  const pairs = api.samples.map((sample, i) => sample.rps / (baseline.samples[i]?.rps ?? NaN));
  const ratio = median(pairs);
  const met = ratio >= THROUGHPUT_TARGET;
  const side = (name: string, result: SideResult) => [
    name,
    fmt(result.rps, 0),
    String(result.p50),
    String(result.p99),
    result.samples.map((s) => fmt(s.rps, 0)).join(' / '),
  ];
  const lines = [
    `Throughput: authenticated timesheets(first: 50) over loopback, ${setup.engine}, ` +
      `${setup.users} users × a year (${setup.rows} rows)`,
    `  ${setup.connections} connections, ${setup.rounds} interleaved round(s) of ` +
      `${setup.durationSeconds} s per side, ${setup.users} tokens rotated; medians of the rounds`,
    `  answers: ${setup.sameAnswer.checked} pages compared, deep-equal` +
      (setup.sameAnswer.byteIdentical ? ' and byte-identical' : ' (bytes differ)'),
    '',
    ...table(
      ['side', 'req/s', 'p50 ms', 'p99 ms', 'req/s per round'],
      [side('baseline (node:http)', baseline), side('API (Apollo + shield)', api)],
    ).map((l) => `  ${l}`),
    '',
    `  ratio API/baseline: ${fmt(ratio)}× throughput (median of the round pairs; ` +
      `${fmt(Math.min(...pairs))}–${fmt(Math.max(...pairs))}; ratio of medians ` +
      `${fmt(api.rps / baseline.rps)}), ` +
      `p50 ${fmt(api.p50 / Math.max(baseline.p50, 1))}×, p99 ${fmt(api.p99 / Math.max(baseline.p99, 1))}× latency`,
  ];
  return { lines, ratio, met };
}

function pageRatios(timings: readonly PageTiming[]) {
  const cases = [...new Set(timings.map((t) => t.pageCase))];
  return cases.map((pageCase) => {
    const list = timings.filter((t) => t.pageCase === pageCase).sort((a, b) => a.rows - b.rows);
    const [small, large] = [list[0], list.at(-1) as PageTiming];
    return { pageCase, p50: large.p50 / small.p50, p99: large.p99 / small.p99, small, large };
  });
}

/** The page-latency table, the plan, and the verdict. */
export function formatPageLatency(
  result: PageLatencyResult,
  engine: string,
): { lines: string[]; worst: number; met: boolean } {
  const ratios = pageRatios(result.timings);
  const worst = Math.max(...ratios.map((r) => r.p50));
  const met = worst <= PAGE_RATIO_TARGET;
  const { small, large } = ratios[0];
  const label = `${rowsLabel(large.rows)}/${rowsLabel(small.rows)}`;
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
    ...ratios.map((r) => `  ratio ${label} ${r.pageCase}: p50 ${fmt(r.p50)}×, p99 ${fmt(r.p99)}×`),
    '',
    `  plan (deep page, ${rowsLabel(large.rows)} rows): ${result.statement}`,
    ...result.plan.map((step) => `    ${step}`),
  ];
  return { lines, worst, met };
}

/** One line per target. */
export function formatVerdicts(
  throughput: { ratio: number; met: boolean },
  page: { worst: number; met: boolean; label: string },
): string[] {
  const word = (met: boolean) => (met ? 'MET' : 'NOT MET');
  return [
    `Target 1, API throughput ≥ ${THROUGHPUT_TARGET}× the baseline: ${fmt(throughput.ratio)}× — ${word(throughput.met)}`,
    `Target 2, page latency at ${page.label} within ${PAGE_RATIO_TARGET}× (p50, worst case): ` +
      `${fmt(page.worst)}× — ${word(page.met)}`,
  ];
}
