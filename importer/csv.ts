import { parse } from 'csv-parse/sync';

/** The columns of an import file, in this order, as its header line. */
export const COLUMNS = ['externalId', 'userId', 'date', 'project', 'hours', 'notes'] as const;

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

/** The file cannot be imported at all; nothing was sent. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportFileError('the file is not valid UTF-8 text (save it as CSV UTF-8)');
  }
}

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** The line a record starts on: csv-parse counts lines to its end, and a value may span lines. */
function startLine({ raw, info }: ParsedRecord): number {
  const body = raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '');
  return info.lines - (body.match(/\n/g)?.length ?? 0);
}

function parseRecords(text: string): ParsedRecord[] {
  try {
    return parse(text, {
      relax_column_count: false,
      skip_empty_lines: true,
      info: true,
      raw: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    const { lines, message } = error as { lines?: number; message: string };
    const where = lines ? ` (line ${lines})` : '';
    throw new ImportFileError(`the file is not well-formed CSV${where}: ${message}`);
  }
}

function checkHeader(header: string[] | undefined): void {
  const expected = COLUMNS.join(',');
  if (!header || header.map((h) => h.trim()).join(',') !== expected) {
    throw new ImportFileError(
      `the header must be exactly "${expected}", got "${(header ?? []).join(',')}"`,
    );
  }
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
 * Reads an import file: UTF-8 (a BOM is fine), a header line of exactly {@link COLUMNS}, and six
 * values on every line. Anything else throws an ImportFileError before a row is sent. A row whose
 * hours are not a number is rejected locally; every other rule is the API's to judge.
 */
export function parseImportFile(bytes: Uint8Array): {
  rows: ImportRow[];
  rejected: LocalRejection[];
} {
  const records = parseRecords(decodeUtf8(bytes));
  checkHeader(records[0]?.record);
  const rows: ImportRow[] = [];
  const rejected: LocalRejection[] = [];
  records.slice(1).forEach((parsed) => {
    const row = toRow(parsed.record, startLine(parsed));
    if ('entry' in row) rows.push(row);
    else rejected.push(row);
  });
  if (rows.length + rejected.length === 0) throw new ImportFileError('the file has no data rows');
  return { rows, rejected };
}
