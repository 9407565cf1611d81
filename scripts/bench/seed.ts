import { addDays, startOfWeek } from '../../core';
import type { TimesheetStatus } from '../../server/timesheets/timesheet';
import type { TimesheetRow } from '../../server/timesheets/timesheet.table';

/** The last day of the seeded year; fixed, so every run seeds the same store. */
export const SEED_END = '2026-11-20';
const YEAR_DAYS = 365;
/** Entries older than this many days have been decided on by a manager. */
const REVIEWED_AFTER_DAYS = 14;

const PROJECTS = [
  'Apollo migration',
  'Billing platform',
  'Customer portal',
  'Data warehouse',
  'Internal tools',
  'Mobile app',
  'Onboarding flow',
  'Payments API',
  'Security audit',
  'Support rotation',
  'Website redesign',
  'Hiring',
];
const NOTES = [
  'Sprint planning and backlog grooming',
  'Code review and pairing with the team',
  'Fixed flaky integration tests in CI',
  'Customer call, follow-up notes in the ticket',
  'Wrote the design document for the next milestone',
  'Investigated a production incident (see postmortem)',
  'Refactoring and dependency upgrades',
  'Interviews and debriefs',
];
const REASONS = ['Wrong project code', 'Hours exceed the approved budget', 'Duplicate entry'];
const MANAGERS = ['auth0|manager00000000000000001', 'auth0|manager00000000000000002'];

/** A small deterministic PRNG (mulberry32), so that every run seeds the same entries. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The `sub` of the n-th seeded user, shaped like an Auth0 database user id. */
export function userIdOf(index: number): string {
  return `auth0|65f0${index.toString(16).padStart(20, '0')}`;
}

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];

/** The weekdays of the seeded year, oldest first, with how many days before SEED_END each is. */
const WORKDAYS = Array.from({ length: YEAR_DAYS }, (_, i) => {
  const back = YEAR_DAYS - 1 - i;
  const date = addDays(SEED_END, -back);
  return { date, age: back, startMs: Date.parse(`${date}T00:00:00Z`), decidedOn: addDays(date, 3) };
}).filter(({ startMs }) => {
  const weekday = new Date(startMs).getUTCDay();
  return weekday !== 0 && weekday !== 6;
});

const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');

/**
 * A UUID v7 (RFC 9562) for an instant, its random bits from `random`: ids sort by creation time
 * as the API's own do, and the seed stays deterministic (and fast: a million take well under 1 s).
 */
function uuidV7At(ms: number, random: () => number): string {
  const time = hex(ms, 12);
  const rand = () => Math.floor(random() * 0x10000);
  return (
    `${time.slice(0, 8)}-${time.slice(8)}-7${hex(rand() & 0xfff, 3)}-` +
    `${hex((rand() & 0x3fff) | 0x8000, 4)}-${hex(rand(), 4)}${hex(rand(), 4)}${hex(rand(), 4)}`
  );
}

function decision(random: () => number, decidedOn: string, age: number) {
  if (age < REVIEWED_AFTER_DAYS) {
    const status: TimesheetStatus = 'PENDING';
    return { status, rejection_reason: null, decided_by: null, decided_at: null };
  }
  const rejected = random() < 0.04;
  return {
    status: (rejected ? 'REJECTED' : 'APPROVED') as TimesheetStatus,
    rejection_reason: rejected ? pick(random, REASONS) : null,
    decided_by: pick(random, MANAGERS),
    decided_at: `${decidedOn}T09:${String(Math.floor(random() * 60)).padStart(2, '0')}:00.000Z`,
  };
}

/** One day's entries of a user: one, sometimes two, adding up to a working day. */
function dayEntries(
  random: () => number,
  userId: string,
  projects: string[],
  day: (typeof WORKDAYS)[number],
): TimesheetRow[] {
  const total = 600 + Math.floor(random() * 13) * 25; // 6 h to 9 h, in quarter hours
  const split = random() < 0.35 ? 200 + Math.floor(random() * 9) * 25 : total;
  const parts = split === total ? [total] : [split, total - split];
  return parts.map((hundredths, part): TimesheetRow => {
    // Written at the end of the working day, 16:30 to 17:30 UTC.
    const createdMs = day.startMs + 59_400_000 + part * 60_000 + Math.floor(random() * 3_600_000);
    const decided = decision(random, day.decidedOn, day.age);
    const createdAt = new Date(createdMs).toISOString();
    return {
      id: uuidV7At(createdMs, random),
      user_id: userId,
      date: day.date,
      project: pick(random, projects),
      hundredths,
      notes: random() < 0.6 ? pick(random, NOTES) : null,
      ...decided,
      created_at: createdAt,
      source: userId,
      idempotency_key: null,
      external_id: null,
      version: decided.decided_at === null ? 1 : 2,
      updated_at: decided.decided_at ?? createdAt,
      week_start: startOfWeek(day.date),
    };
  });
}

/** A year of weekday entries (about 340) for the n-th user, the same on every run. */
export function yearOfEntries(userIndex: number): TimesheetRow[] {
  const random = createRandom(userIndex + 1);
  const userId = userIdOf(userIndex);
  const projects = Array.from({ length: 2 + Math.floor(random() * 3) }, () =>
    pick(random, PROJECTS),
  );
  const rows: TimesheetRow[] = [];
  for (const day of WORKDAYS) rows.push(...dayEntries(random, userId, projects, day));
  return rows;
}

/** How much to seed: at most `rows` entries, and at most `users` users' years. */
export interface SeedSize {
  rows: number;
  users: number;
}

/**
 * Yields entries in batches of about `batchSize`: a year for user 0, then user 1, and so on, until
 * `size.rows` entries (the last user's year is cut short) or `size.users` users.
 */
export function* entryBatches(size: SeedSize, batchSize: number): Generator<TimesheetRow[]> {
  let batch: TimesheetRow[] = [];
  let left = size.rows;
  for (let user = 0; left > 0 && user < size.users; user++) {
    const year = yearOfEntries(user).slice(0, left);
    left -= year.length;
    batch.push(...year);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
