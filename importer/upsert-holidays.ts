import {
  BatchRefusedError,
  refusalOfBatch,
  sendInBatches,
  sendMutation,
  type BatchOptions,
} from './api-client';
import { UPSERT_HOLIDAYS } from './documents';
import type { HolidayRow } from './holidays-file';

export interface HolidaysSummary {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Pushes public holidays through `upsertHolidays` in batches of `batchSize` (the API takes 1 to
 * 500 per call). A batch that fails in transit is sent again (safe: sending the same holidays
 * changes nothing). A batch the API refuses stops the import with a BatchRefusedError naming the
 * line (from `extensions.field`, such as `holidays[2].name`).
 */
export async function upsertHolidays(
  rows: HolidayRow[],
  options: BatchOptions,
): Promise<HolidaysSummary> {
  const summary: HolidaysSummary = { created: 0, updated: 0, unchanged: 0 };
  await sendInBatches(rows, options, async (batch, start) => {
    const holidays = batch.map((r) => r.holiday);
    try {
      const result = await sendMutation(options, UPSERT_HOLIDAYS, { holidays }, 'upsertHolidays');
      summary.created += result.created;
      summary.updated += result.updated;
      summary.unchanged += result.unchanged;
    } catch (error) {
      if (!(error instanceof BatchRefusedError)) throw error;
      const lines = batch.map((r) => ({ line: r.line, label: r.holiday.date }));
      const stored = start > 0 ? `the ${start} holidays of earlier batches were stored` : null;
      throw refusalOfBatch(error, 'holidays', lines, stored);
    }
  });
  return summary;
}
