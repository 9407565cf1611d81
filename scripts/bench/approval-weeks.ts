import autocannon from 'autocannon';
import type { KyselyPlugin } from 'kysely';
import { addDays } from '../../core';
import { teamClaimNames } from '../../core/claims';
import { createPersonService } from '../../server/people/person.service';
import { createTimesheetService } from '../../server/timesheets/timesheet.service';
import { createWeekService } from '../../server/weeks/week.service';
import { startTestApi } from '../../test/api';
import { startTestIssuer } from '../../test/issuer';
import { median } from './load';
import { createBenchStore } from './store';

const PEOPLE = 50;
const WEEKS = 4;
const FIRST_MONDAY = '2026-10-26';
const NOW = new Date('2026-11-25T12:00:00.000Z');

const WEEKS_QUERY = `query Weeks {
  approvalWeeks(first: 20) {
    nodes { weekStart totalHours owner { id name team }
      entries { id date project hours notes status version } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const ENTRIES_QUERY = `query Entries {
  approvals(first: 50) {
    edges { node { id date project hours notes status version owner { id name team } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface ApprovalWeeksOptions {
  database: string;
  rounds: number;
  durationSeconds: number;
  connections: number;
}

interface Measured {
  label: string;
  /** Entries one answer holds. */
  entries: number;
  statements: number;
  p50: number[];
  rps: number[];
}

/** 50 people of one team, each with 4 submitted weeks of 5 pending 8-hour days. */
async function seed(db: Parameters<typeof createTimesheetService>[0]): Promise<number> {
  const people = createPersonService(db, { now: () => NOW });
  const ids = Array.from({ length: PEOPLE }, (_, i) => `bench|person-${i}`);
  await people.upsert(
    ids.map((id, i) => ({ id, name: `Person ${i}`, email: null, team: 'engineering' })),
  );
  const timesheets = createTimesheetService(db, { now: () => NOW });
  const weeks = createWeekService(db, { now: () => NOW });
  let count = 0;
  for (const userId of ids) {
    for (let week = 0; week < WEEKS; week++) {
      const weekStart = addDays(FIRST_MONDAY, week * 7);
      for (let day = 0; day < 5; day++) {
        const date = addDays(weekStart, day);
        await timesheets.create({ userId, source: userId }, { date, project: 'Bench', hours: 8 });
        count++;
      }
      // Only submitted weeks are in the queues: their owners submit them (a full week, no note).
      const { version } = await weeks.week(userId, weekStart);
      await weeks.submit(userId, weekStart, version, null);
    }
  }
  return count;
}

/**
 * `approvalWeeks(first: 20)` against `approvals(first: 50)` for a manager of 50 people with 4
 * pending weeks each: SQL statements per request, and p50 latency in interleaved rounds.
 */
export async function measureApprovalWeeks(
  options: ApprovalWeeksOptions,
  log: (line: string) => void,
): Promise<string[]> {
  const store = await createBenchStore(options.database, 'approvals');
  const issuer = await startTestIssuer();
  const opened = await store.open();
  let statements = 0;
  const counter: KyselyPlugin = {
    transformQuery: ({ node }) => {
      statements++;
      return node;
    },
    transformResult: ({ result }) => Promise.resolve(result),
  };
  const database = { ...opened, db: opened.db.withPlugin(counter) };
  const api = await startTestApi(issuer, database, { now: () => NOW });
  try {
    log(`seeded ${await seed(opened.db)} pending entries`);
    const claims = teamClaimNames();
    const token = await issuer.userToken(
      'bench|manager',
      ['read:timesheets', 'approve:timesheets'],
      {
        name: 'Bench Manager',
        [claims.team]: 'management',
        [claims.manages]: ['engineering'],
      },
    );
    const cases: Measured[] = [
      { label: 'approvalWeeks(first: 20)', entries: 100, statements: 0, p50: [], rps: [] },
      { label: 'approvals(first: 50)', entries: 50, statements: 0, p50: [], rps: [] },
    ];
    const bodies = [WEEKS_QUERY, ENTRIES_QUERY].map((query) => JSON.stringify({ query }));
    await api.gql('{ me { id } }', {}, token); // the manager enters the directory once
    for (const [i, body] of bodies.entries()) {
      const before = statements;
      const answer = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      const json = (await answer.json()) as { errors?: unknown };
      if (!answer.ok || json.errors) throw new Error(`${cases[i]?.label}: ${JSON.stringify(json)}`);
      cases[i].statements = statements - before;
    }
    for (let round = 0; round < options.rounds; round++) {
      for (const [i, body] of bodies.entries()) {
        const result = await autocannon({
          url: api.url,
          connections: options.connections,
          duration: options.durationSeconds,
          requests: [
            {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body,
            },
          ],
        });
        if (result.non2xx + result.errors > 0) throw new Error(`${cases[i]?.label}: failures`);
        cases[i].p50.push(result.latency.p50);
        cases[i].rps.push(result['2xx'] / result.duration);
      }
      log(`round ${round + 1}/${options.rounds}`);
    }
    return formatCases(cases, options, store.dialect);
  } finally {
    await api.close();
    await opened.close();
    await issuer.close();
    await store.drop();
  }
}

function formatCases(cases: Measured[], options: ApprovalWeeksOptions, engine: string): string[] {
  const [weeks, entries] = cases as [Measured, Measured];
  const ratio = median(weeks.p50) / median(entries.p50);
  return [
    `Approval queue: ${PEOPLE} people x ${WEEKS} pending weeks (${PEOPLE * WEEKS * 5} entries), ${engine}, ` +
      `${options.connections} connections, ${options.rounds} interleaved rounds of ${options.durationSeconds} s`,
    '',
    '| query | entries | SQL statements per request | p50 ms (rounds) | req/s | entries/s |',
    '| --- | --- | --- | --- | --- | --- |',
    ...cases.map((c) => {
      const rps = median(c.rps);
      const p50 = `${median(c.p50).toFixed(1)} (${Math.min(...c.p50)}–${Math.max(...c.p50)})`;
      return `| ${c.label} | ${c.entries} | ${c.statements} | ${p50} | ${rps.toFixed(0)} | ${(rps * c.entries).toFixed(0)} |`;
    }),
    '',
    `approvalWeeks p50 / approvals p50: ${ratio.toFixed(2)}x; it answers twice the entries (20 weeks x 5 days)`,
  ];
}
