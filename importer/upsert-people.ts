import {
  BatchRefusedError,
  refusalOfBatch,
  sendInBatches,
  sendMutation,
  type BatchOptions,
} from './api-client';
import { UPSERT_PEOPLE } from './documents';
import type { UpsertPeopleMutation } from './gql/graphql';
import type { PersonRow } from './people-file';

type UpsertResult = UpsertPeopleMutation['upsertPeople'];

export interface PeopleSummary {
  created: number;
  updated: number;
  unchanged: number;
  /** Input fields the API did not write (another source owns them), in the order first named. */
  ignoredFields: string[];
}

/**
 * Pushes people through `upsertPeople` in batches of `batchSize` (the API takes 1 to
 * MAX_PEOPLE_PER_CALL per call). A batch that fails in transit is sent again (safe: sending the
 * same people changes nothing). A batch the API refuses stops the import with a
 * BatchRefusedError naming the line (from `extensions.field`, such as `people[3].email`).
 */
export async function upsertPeople(
  rows: PersonRow[],
  options: BatchOptions,
): Promise<PeopleSummary> {
  const summary: PeopleSummary = { created: 0, updated: 0, unchanged: 0, ignoredFields: [] };
  await sendInBatches(rows, options, async (batch, start) => {
    const people = batch.map((r) => r.person);
    let result: UpsertResult;
    try {
      result = await sendMutation(options, UPSERT_PEOPLE, { people }, 'upsertPeople');
    } catch (error) {
      if (!(error instanceof BatchRefusedError)) throw error;
      const lines = batch.map((r) => ({ line: r.line, label: r.person.id }));
      const stored = start > 0 ? `the ${start} people of earlier batches were stored` : null;
      throw refusalOfBatch(error, 'people', lines, stored);
    }
    summary.created += result.created;
    summary.updated += result.updated;
    summary.unchanged += result.unchanged;
    const fresh = result.ignoredFields.filter((f) => !summary.ignoredFields.includes(f));
    summary.ignoredFields.push(...fresh);
  });
  return summary;
}
