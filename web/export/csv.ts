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
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (= + - @ tab CR first) gets a leading apostrophe (OWASP CSV injection).
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Entries as a CSV document with a header line, CRLF line ends. */
export function toCsv(entries: readonly CsvEntry[]): string {
  const lines = [HEADER.join(',')];
  for (const entry of entries) {
    lines.push(
      [entry.date, entry.project, entry.hours, entry.status, entry.notes, entry.rejectionReason]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
