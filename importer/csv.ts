import { parse } from 'csv-parse/sync';

/** The file cannot be imported at all; nothing was sent. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** A data line of a CSV file: its values, and the line it starts on (a value may span lines). */
export interface CsvRecord {
  line: number;
  values: string[];
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

function checkHeader(header: string[] | undefined, columns: readonly string[]): void {
  const expected = columns.join(',');
  if (!header || header.map((h) => h.trim()).join(',') !== expected) {
    throw new ImportFileError(
      `the header must be exactly "${expected}", got "${(header ?? []).join(',')}"`,
    );
  }
}

/**
 * Reads a CSV file for import: UTF-8 (a BOM is fine), a header line of exactly `columns`, and as
 * many values on every line, blank lines skipped. Anything else throws an ImportFileError naming
 * the line, before anything is sent.
 */
export function readCsvFile(bytes: Uint8Array, columns: readonly string[]): CsvRecord[] {
  const records = parseRecords(decodeUtf8(bytes));
  checkHeader(records[0]?.record, columns);
  if (records.length < 2) throw new ImportFileError('the file has no data rows');
  return records.slice(1).map((parsed) => ({ line: startLine(parsed), values: parsed.record }));
}
