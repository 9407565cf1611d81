import { BatchRefusedError, sendInBatches, sendMutation, type BatchOptions } from './api-client';
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
 * Names the line behind a refusal: the API points at a person with `extensions.field`, such as
 * `people[3].email`, an index into the batch.
 */
function refusalOfBatch(error: BatchRefusedError, batch: PersonRow[], stored: number) {
  const first = error.errors[0];
  const index = /^people\[(\d+)\]/.exec(first?.extensions?.field ?? '')?.[1];
  const row = index === undefined ? undefined : batch[Number(index)];
  const earlier = stored > 0 ? `; the ${stored} people of earlier batches were stored` : '';
  if (!first || !row) return new BatchRefusedError(`${error.message}${earlier}`, error.errors);
  return new BatchRefusedError(
    `the API refused line ${row.line} (${row.person.id}): ${first.message}${earlier}`,
    error.errors,
  );
}

/**
 * Pushes people through `upsertPeople` in batches of `batchSize` (the API takes 1 to
 * MAX_PEOPLE_PER_CALL per call). A batch that fails in transit is sent again (safe: sending the
 * same people changes nothing). A batch the API refuses stops the import with a
 * BatchRefusedError naming the line.
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
      throw error instanceof BatchRefusedError ? refusalOfBatch(error, batch, start) : error;
    }
    summary.created += result.created;
    summary.updated += result.updated;
    summary.unchanged += result.unchanged;
    const fresh = result.ignoredFields.filter((f) => !summary.ignoredFields.includes(f));
    summary.ignoredFields.push(...fresh);
  });
  return summary;
}
