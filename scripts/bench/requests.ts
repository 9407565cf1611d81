import type { AutocannonRequest } from 'autocannon';
import { addDays } from '../../core';
import { SEED_END } from './seed';
import {
  CREATE_DOCUMENT,
  FLOOR_DOCUMENT,
  PAGE_DOCUMENT,
  PAGE_VARIABLES,
  operationBody,
  type BenchDocument,
  type DocumentProtocol,
  type EntryInput,
} from './workload';

/**
 * The loads: every request a read, or 4 reads to 1 write; and the floor, every request
 * `{ __typename }` (no SQL), which is reported only, to show what each server's pipeline costs.
 */
export type WorkloadName = 'read' | 'mixed' | 'floor';

/** One in WRITE_EVERY requests of the mixed workload is a createTimesheet. */
const WRITE_EVERY = 5;
const PROJECTS = ['Apollo migration', 'Payments API', 'Support rotation', 'Website redesign'];

/** Who loads a side: readers (seeded users) and writers (users of their own, never read). */
export interface LoadTokens {
  readers: readonly string[];
  writers: readonly string[];
}

const headers = (token: string) => ({
  'content-type': 'application/json',
  authorization: `Bearer ${token}`,
});

/**
 * The n-th new entry of a side: writer n mod W on its own day (one writer-day per entry, going
 * back a day every W entries), so no day total nears 24 h however long the run. `runId` keeps
 * idempotency keys fresh across runs on the same store.
 */
export function nthEntry(n: number, writers: number, runId: string): EntryInput {
  return {
    date: addDays(SEED_END, -Math.floor(n / writers)),
    project: PROJECTS[n % PROJECTS.length],
    hours: 1 + (n % 8),
    notes: n % 3 === 0 ? null : `bench entry ${n}`,
    idempotencyKey: `bench-${runId}-${n}`,
  };
}

/** Pre-built requests, one per reader token (no per-request setup in the load generator). */
function readerRequests(
  protocol: DocumentProtocol,
  tokens: LoadTokens,
  doc: BenchDocument,
  variables?: Record<string, unknown>,
): AutocannonRequest[] {
  const body = operationBody(protocol, doc, variables);
  return tokens.readers.map((token) => ({
    method: 'POST',
    path: '/graphql',
    headers: headers(token),
    body,
  }));
}

/** A write sequence of its own per side, kept across rounds so that keys never repeat. */
export interface WriteSequence {
  next: () => { token: string; entry: EntryInput };
  /** How many entries were handed out so far. */
  count: () => number;
}

export function createWriteSequence(tokens: LoadTokens, runId: string): WriteSequence {
  let n = 0;
  return {
    next: () => {
      const index = n % tokens.writers.length;
      const entry = nthEntry(n, tokens.writers.length, runId);
      n += 1;
      return { token: tokens.writers[index], entry };
    },
    count: () => n,
  };
}

/** One request template whose setup picks, request by request, a read or (1 in 5) a write. */
function mixedRequests(
  protocol: DocumentProtocol,
  tokens: LoadTokens,
  writes: WriteSequence,
): AutocannonRequest[] {
  const readBody = operationBody(protocol, PAGE_DOCUMENT, PAGE_VARIABLES);
  let count = 0;
  return [
    {
      method: 'POST',
      path: '/graphql',
      setupRequest: (request) => {
        count += 1;
        if (count % WRITE_EVERY === 0) {
          const { token, entry } = writes.next();
          const body = operationBody(protocol, CREATE_DOCUMENT, { input: entry });
          return { ...request, headers: headers(token), body };
        }
        const token = tokens.readers[count % tokens.readers.length];
        return { ...request, headers: headers(token), body: readBody };
      },
    },
  ];
}

/** The autocannon requests of one workload for one side. */
export function workloadRequests(
  workload: WorkloadName,
  protocol: DocumentProtocol,
  tokens: LoadTokens,
  writes: WriteSequence,
): AutocannonRequest[] {
  if (workload === 'read') return readerRequests(protocol, tokens, PAGE_DOCUMENT, PAGE_VARIABLES);
  if (workload === 'floor') return readerRequests(protocol, tokens, FLOOR_DOCUMENT);
  return mixedRequests(protocol, tokens, writes);
}
