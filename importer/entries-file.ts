import { readCsvFile } from './csv';

/** The columns of an entries file, in this order, as its header line. */
export const ENTRY_COLUMNS = ['externalId', 'userId', 'date', 'project', 'hours', 'notes'] as const;

/** A data row of the file, ready to upload, with its line number for the summary. */
export interface ImportRow {
  line: number;
  entry: {
    externalId: string;
    userId: string;
    date: string;
    project: string;
    hours: number;
    notes: string | null;
  };
}

/** A row refused before sending (a value that cannot even be typed), with its line. */
export interface LocalRejection {
  line: number;
  externalId: string;
  reason: string;
}

function toRow(record: string[], line: number): ImportRow | LocalRejection {
  const [externalId = '', userId = '', date = '', project = '', hours = '', notes = ''] = record;
  const value = Number(hours.trim());
  if (hours.trim() === '' || !Number.isFinite(value)) {
    return { line, externalId, reason: `hours must be a number, got "${hours}"` };
  }
  return {
    line,
    entry: {
      externalId,
      userId,
      date: date.trim(),
      project,
      hours: value,
      notes: notes === '' ? null : notes,
    },
  };
}

/**
 * Reads an entries file ({@link ENTRY_COLUMNS}, see {@link readCsvFile}). A malformed file throws
 * an ImportFileError before a row is sent. A row whose hours are not a number is rejected locally;
 * every other rule is the API's to judge.
 */
export function parseEntriesFile(bytes: Uint8Array): {
  rows: ImportRow[];
  rejected: LocalRejection[];
} {
  const rows: ImportRow[] = [];
  const rejected: LocalRejection[] = [];
  for (const { line, values } of readCsvFile(bytes, ENTRY_COLUMNS)) {
    const row = toRow(values, line);
    if ('entry' in row) rows.push(row);
    else rejected.push(row);
  }
  return { rows, rejected };
}
