import {
  fmt,
  formatVerdicts,
  type Comparison,
  type PageVerdict,
  type WorkloadReport,
  type WorkloadReports,
} from './report';
import type { WorkloadName } from './requests';

/** The whole comparison on one engine: every workload, and page latency's verdict. */
export interface EngineResult {
  engine: string;
  /** Rows of the throughput store (each side's copy). */
  rows: number;
  workloads: WorkloadReports;
  page: PageVerdict;
}

/** What every engine's throughput part ran with, for the summary's caption. */
export interface SummarySetup {
  quick: boolean;
  users: number;
  connections: number;
  rounds: number;
  durationSeconds: number;
}

/** The workloads of the summary table, in its order; the floor has a line of its own. */
const TABLE_WORKLOADS: readonly { workload: WorkloadName; label: string }[] = [
  { workload: 'read', label: 'Read' },
  { workload: 'mixed', label: 'Mixed' },
];

/** "0.78× (0.76–0.82)": the median of the per-round ratios, and their range. */
const ratioCell = (c: Comparison) => `${fmt(c.ratio)}× (${fmt(c.low)}–${fmt(c.high)})`;

const cpuOf = ({ api, mercurius, baseline }: WorkloadReport) =>
  [api, mercurius, baseline].map((side) => fmt(side.cpuPerRequest, 0));

function summaryRow(label: string, engine: string, report: WorkloadReport): string {
  const p99 = `${fmt(report.vsBaseline.p99)}× (${report.api.p99} / ${report.baseline.p99} ms)`;
  const cells = [
    `${label}, ${engine}`,
    ratioCell(report.vsBaseline),
    ratioCell(report.vsMercurius),
    p99,
    cpuOf(report).join(' / '),
  ];
  return `| ${cells.join(' | ')} |`;
}

function caption(results: readonly EngineResult[], setup: SummarySetup): string {
  const engines = new Intl.ListFormat('en', { type: 'conjunction' }).format(
    results.map((r) => r.engine),
  );
  const rows = results[0]?.rows ?? 0;
  const run = setup.quick ? 'A `--quick` smoke run (not figures to publish)' : 'One run';
  return (
    `${run} of \`npm run bench\` on ${engines}: ${setup.users} users × a year (${rows} rows), ` +
    `a copy per side; ${setup.connections} connections; ${setup.rounds} interleaved round(s) of ` +
    `${setup.durationSeconds} s per side. Throughput ratios are the median of the per-round ` +
    `ratios, with the rounds' range in brackets; CPU is the server process's, per request.`
  );
}

/**
 * The summary to paste into the README: one Markdown table with a row per workload and engine,
 * the floor's CPU per request per engine under it, then each engine's target verdicts.
 */
export function formatSummary(results: readonly EngineResult[], setup: SummarySetup): string[] {
  const header = [
    'Workload, engine',
    'API/baseline throughput',
    'API/mercurius throughput',
    'API p99 / baseline p99',
    'CPU per request µs (API / mercurius / baseline)',
  ];
  const rows = TABLE_WORKLOADS.flatMap(({ workload, label }) =>
    results.map((r) => summaryRow(label, r.engine, r.workloads[workload])),
  );
  const floors = results.map(({ engine, workloads }) => {
    const [api, mercurius, baseline] = cpuOf(workloads.floor);
    return (
      `Floor (\`{ __typename }\`), ${engine}: CPU per request API ${api} µs / ` +
      `mercurius ${mercurius} µs / baseline ${baseline} µs`
    );
  });
  return [
    'Summary (Markdown, for the README):',
    '',
    caption(results, setup),
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows,
    '',
    ...floors.flatMap((line) => [line, '']),
    ...results.flatMap((r, i) => [
      ...(i > 0 ? [''] : []),
      ...formatVerdicts(r.engine, r.workloads, r.page),
    ]),
  ];
}
