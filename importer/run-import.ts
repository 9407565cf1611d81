import { readFile } from 'node:fs/promises';
import { fetchClientToken, type ClientCredentials } from './client-credentials';
import { parseImportFile, type LocalRejection } from './csv';
import { uploadRows, type ImportSummary } from './upload';

export interface ImportSettings {
  file: string;
  apiUrl: string;
  client: ClientCredentials;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * The automated process end to end: read and check the file (nothing is sent if it is malformed),
 * get a client-credentials token, upload in batches. Rows refused locally join the API's refusals.
 */
export async function runImport(settings: ImportSettings): Promise<ImportSummary> {
  const { rows, rejected } = parseImportFile(await readFile(settings.file));
  let token: string | null = null;
  const getToken = async (fresh: boolean) => {
    if (fresh || token === null) token = await fetchClientToken(settings.client);
    return token;
  };
  const summary = await uploadRows(rows, {
    apiUrl: settings.apiUrl,
    getToken,
    batchSize: settings.batchSize,
    onProgress: settings.onProgress,
  });
  const all: LocalRejection[] = [...rejected, ...summary.rejected].sort((a, b) => a.line - b.line);
  return { ...summary, rejected: all };
}

/** The closing summary a person reads. */
export function formatSummary(summary: ImportSummary): string {
  const lines = [
    `created ${summary.created}, unchanged ${summary.unchanged}, rejected ${summary.rejected.length}`,
    ...summary.rejected.map(
      (r) => `  line ${r.line} (${r.externalId || 'no externalId'}): ${r.reason}`,
    ),
  ];
  return lines.join('\n');
}
