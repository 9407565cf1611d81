import { csvLine } from '../../core/csv';

export interface CsvEntry {
  date: string;
  project: string;
  hours: number;
  notes?: string | null;
  status: string;
  rejectionReason?: string | null;
}

const HEADER = ['date', 'project', 'hours', 'status', 'notes', 'rejection_reason'];

/**
 * Entries as a CSV document with a header line, CRLF line ends; every text field goes through
 * the product's one CSV guard (core/csv.ts), the manager's rejection reason included.
 */
export function toCsv(entries: readonly CsvEntry[]): string {
  const lines = [csvLine(HEADER)];
  for (const entry of entries) {
    lines.push(
      csvLine([
        entry.date,
        entry.project,
        entry.hours,
        entry.status,
        entry.notes,
        entry.rejectionReason,
      ]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
