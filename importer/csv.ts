import { parse } from 'csv-parse/sync';

/** The file cannot be imported at all; nothing was sent. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** How many bad lines a refusal lists before it counts the rest. */
const MAX_LISTED_PROBLEMS = 20;

/**
 * The file breaks `rules` on some lines (one problem each, naming the line): refused whole,
 * nothing sent. Lists the first 20 problems and counts the rest.
 */
export function linesRefused(problems: readonly string[], rules: string): ImportFileError {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `  ${p}`);
  const more = problems.length - listed.length;
  if (more > 0) listed.push(`  … and ${more} more`);
  const what = problems.length === 1 ? 'a line breaks' : `${problems.length} lines break`;
  return new ImportFileError(`${what} ${rules} (nothing was sent):\n${listed.join('\n')}`);
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

/** The one of `headers` the file's header line is (cells trimmed), or an ImportFileError. */
function matchHeader<H extends readonly string[]>(
  header: string[] | undefined,
  headers: readonly H[],
  expected: string,
): H {
  const found = headers.find(
    (columns) => header?.map((h) => h.trim()).join(',') === columns.join(','),
  );
  if (found) return found;
  throw new ImportFileError(`the header must be ${expected}, got "${(header ?? []).join(',')}"`);
}

/**
 * Reads a CSV file for import: UTF-8 (a BOM is fine), a header line of exactly one of `headers`
 * (`expected` says which to a person), as many values on every line, blank lines skipped.
 * Anything else throws an ImportFileError naming the line, before anything is sent. Answers the
 * header found and the data lines.
 */
export function readCsvTable<H extends readonly string[]>(
  bytes: Uint8Array,
  headers: readonly H[],
  expected = headers.map((columns) => `"${columns.join(',')}"`).join(' or '),
): { header: H; records: CsvRecord[] } {
  const records = parseRecords(decodeUtf8(bytes));
  const header = matchHeader(records[0]?.record, headers, `exactly ${expected}`);
  if (records.length < 2) throw new ImportFileError('the file has no data rows');
  const data = records
    .slice(1)
    .map((parsed) => ({ line: startLine(parsed), values: parsed.record }));
  return { header, records: data };
}

/** {@link readCsvTable} for a file with one possible header, `columns`. */
export function readCsvFile(bytes: Uint8Array, columns: readonly string[]): CsvRecord[] {
  return readCsvTable(bytes, [columns]).records;
}
