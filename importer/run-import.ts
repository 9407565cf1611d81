import { readFile } from 'node:fs/promises';
import { fetchClientToken, type ClientCredentials } from './client-credentials';
import { parseEntriesFile, type LocalRejection } from './entries-file';
import { parseHolidaysFile } from './holidays-file';
import { parsePeopleFile } from './people-file';
import { upsertHolidays, type HolidaysSummary } from './upsert-holidays';
import { uploadRows, type ImportSummary } from './upload';
import { upsertPeople, type PeopleSummary } from './upsert-people';

export interface ImportSettings {
  file: string;
  apiUrl: string;
  client: ClientCredentials;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/** A token getter for the batches: one client-credentials token, fetched again when asked. */
function tokenGetter(client: ClientCredentials) {
  let token: string | null = null;
  return async (fresh: boolean) => {
    if (fresh || token === null) token = await fetchClientToken(client);
    return token;
  };
}

function uploadOptions(settings: ImportSettings) {
  return {
    apiUrl: settings.apiUrl,
    getToken: tokenGetter(settings.client),
    batchSize: settings.batchSize,
    onProgress: settings.onProgress,
  };
}

/**
 * The automated process end to end: read and check the file (nothing is sent if it is malformed),
 * get a client-credentials token, upload in batches. Rows refused locally join the API's refusals.
 */
export async function runImport(settings: ImportSettings): Promise<ImportSummary> {
  const { rows, rejected } = parseEntriesFile(await readFile(settings.file));
  const summary = await uploadRows(rows, uploadOptions(settings));
  const all: LocalRejection[] = [...rejected, ...summary.rejected].sort((a, b) => a.line - b.line);
  return { ...summary, rejected: all };
}

/**
 * The people directory end to end: read and check the whole file (nothing is sent if a line is
 * bad), get a client-credentials token, send the people through `upsertPeople` in batches.
 */
export async function runPeopleImport(settings: ImportSettings): Promise<PeopleSummary> {
  const rows = parsePeopleFile(await readFile(settings.file));
  return upsertPeople(rows, uploadOptions(settings));
}

/**
 * The company calendar end to end: read and check the whole file (nothing is sent if a line is
 * bad), get a client-credentials token, send the holidays through `upsertHolidays` in batches.
 */
export async function runHolidaysImport(settings: ImportSettings): Promise<HolidaysSummary> {
  const rows = parseHolidaysFile(await readFile(settings.file));
  return upsertHolidays(rows, uploadOptions(settings));
}

/**
 * The closing summary of an entries import, as a person reads it: the counts, then every refused
 * line with its externalId and the reason (the rule it broke, or why its week or period is closed).
 */
export function formatSummary(summary: ImportSummary): string {
  const lines = [
    `created ${summary.created}, unchanged ${summary.unchanged}, rejected ${summary.rejected.length}`,
    ...summary.rejected.map(
      (r) => `  line ${r.line} (${r.externalId || 'no externalId'}): ${r.reason}`,
    ),
  ];
  return lines.join('\n');
}

/** The closing summary of a holidays import. */
export function formatHolidaysSummary(summary: HolidaysSummary): string {
  return `created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}`;
}

/**
 * The closing summary of a people import, and a line naming the fields the API did not write
 * (another source owns them) when there are any.
 */
export function formatPeopleSummary(summary: PeopleSummary): string {
  const counts = `created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}`;
  if (summary.ignoredFields.length === 0) return counts;
  const fields = summary.ignoredFields.join(', ');
  return `${counts}\nnot written: ${fields} (the API takes them from another source; see DIRECTORY_SOURCE)`;
}
