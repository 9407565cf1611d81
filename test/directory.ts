import type { TestApi } from './api';
import type { TestIssuer } from './issuer';

const UPSERT = `mutation Hr($people: [PersonInput!]!) { upsertPeople(people: $people) { created } }`;

/** A person as the HR feed sends them. */
export interface HrPerson {
  id: string;
  name?: string | null;
  email?: string | null;
  team?: string | null;
  schedule?: number[] | null;
  employedFrom?: string | null;
  employedUntil?: string | null;
}

/**
 * Puts people into the API's directory through the HR feed (`upsertPeople` with a machine token),
 * the source of name, email and team under the default DIRECTORY_SOURCE=hr.
 */
export async function putInDirectory(
  api: TestApi,
  issuer: Pick<TestIssuer, 'clientToken'>,
  people: HrPerson[],
): Promise<void> {
  const token = await issuer.clientToken('timesheets-importer', ['batch:upload']);
  await api.ok(UPSERT, { people }, token);
}
