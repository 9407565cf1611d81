import { sendInBatches, sendMutation, type BatchOptions } from './api-client';
import { UPLOAD_TIMESHEETS } from './documents';
import type { ImportRow, LocalRejection } from './entries-file';

export interface ImportSummary {
  created: number;
  unchanged: number;
  rejected: LocalRejection[];
}

/**
 * Pushes rows through `uploadTimesheets` in batches. A batch that fails in transit is sent again
 * (safe: the API skips entries whose externalId it already stored, so nothing is created twice);
 * the answer for every entry is kept with its line number.
 */
export async function uploadRows(rows: ImportRow[], options: BatchOptions): Promise<ImportSummary> {
  const summary: ImportSummary = { created: 0, unchanged: 0, rejected: [] };
  await sendInBatches(rows, options, async (batch) => {
    const entries = batch.map((r) => r.entry);
    const { results } = await sendMutation(
      options,
      UPLOAD_TIMESHEETS,
      { entries },
      'uploadTimesheets',
    );
    for (const result of results) {
      const row = batch[result.index];
      if (result.status === 'CREATED') summary.created += 1;
      else if (result.status === 'UNCHANGED') summary.unchanged += 1;
      else {
        const reason = result.reason ?? `refused${result.field ? ` (${result.field})` : ''}`;
        summary.rejected.push({ line: row.line, externalId: row.entry.externalId, reason });
      }
    }
  });
  return summary;
}
