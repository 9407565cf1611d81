import { validatePerson, type PersonViolation, type ValidPerson } from '../core/people';
import { MAX_HOURS_PER_DAY } from '../core/timesheet-rules';
import { checkSchedule } from '../core/work-week';
import { linesRefused, readCsvTable } from './csv';

/** The columns every people file has, in this order. */
export const PEOPLE_COLUMNS = ['id', 'name', 'email', 'team'] as const;
/** The schedule's columns: hours per weekday, Monday first. */
export const DAY_COLUMNS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** The employment columns: first and last day, YYYY-MM-DD. */
export const EMPLOYMENT_COLUMNS = ['employed_from', 'employed_until'] as const;
/** The headers a people file may have: the person, then optionally a schedule, then employment. */
export const PEOPLE_HEADERS: readonly (readonly string[])[] = [
  PEOPLE_COLUMNS,
  [...PEOPLE_COLUMNS, ...DAY_COLUMNS],
  [...PEOPLE_COLUMNS, ...EMPLOYMENT_COLUMNS],
  [...PEOPLE_COLUMNS, ...DAY_COLUMNS, ...EMPLOYMENT_COLUMNS],
];
const EXPECTED_HEADER = `"${PEOPLE_COLUMNS.join(',')}", optionally followed by ",${DAY_COLUMNS.join(',')}", then by ",${EMPLOYMENT_COLUMNS.join(',')}"`;

/** A person of the file, checked by the directory's rules, with its line for messages. */
export interface PersonRow {
  line: number;
  person: ValidPerson;
}

/** What a line of the file says of a person, or why it cannot say it. */
type LineReading = { person: ValidPerson } | { problem: string };

/** The file's column behind each field of the directory's rules. */
const COLUMN_OF_FIELD: Record<PersonViolation['field'], string> = {
  id: 'id',
  name: 'name',
  email: 'email',
  team: 'team',
  schedule: 'mon to sun',
  employedFrom: 'employed_from',
  employedUntil: 'employed_until',
};

const orNull = (value: string) => (value.trim() === '' ? null : value);

/** Whether one day's hours pass the schedule's rule (a week of them is a valid schedule). */
const fitsADay = (hours: number) => checkSchedule(DAY_COLUMNS.map(() => hours)) === null;

/**
 * The schedule of the seven day cells: all empty is null (the company default); otherwise every
 * cell must hold hours, a plain number such as 7.5.
 */
function readSchedule(cells: readonly (string | null)[]): number[] | null | string {
  const trimmed = cells.map((cell) => (cell ?? '').trim());
  if (trimmed.every((cell) => cell === '')) return null;
  const empty = trimmed.findIndex((cell) => cell === '');
  if (empty !== -1) {
    return `${DAY_COLUMNS[empty]} is empty: fill all of mon to sun, or none for the company default (8 hours Monday to Friday)`;
  }
  const schedule = trimmed.map((cell) => (/^\d+(\.\d+)?$/.test(cell) ? Number(cell) : NaN));
  const bad = schedule.findIndex((hours) => !fitsADay(hours));
  if (bad === -1) return schedule;
  return `${DAY_COLUMNS[bad]} "${cells[bad]}" must be hours from 0 to ${MAX_HOURS_PER_DAY} with at most two decimals, such as 7.5`;
}

/**
 * Checks one line's cells with the directory's rules; messages name the file's columns. `cell`
 * answers a column's value, or null when the file has no such column.
 */
function readPerson(cell: (column: string) => string | null): LineReading {
  const text = (column: string) => orNull(cell(column) ?? '');
  const days = DAY_COLUMNS.map(cell);
  const schedule = days.every((day) => day !== null) ? readSchedule(days) : null;
  if (typeof schedule === 'string') return { problem: schedule };
  const checked = validatePerson({
    id: cell('id') ?? '',
    name: text('name'),
    email: text('email'),
    team: text('team'),
    schedule,
    employedFrom: text('employed_from')?.trim(),
    employedUntil: text('employed_until')?.trim(),
  });
  if (checked.ok) return { person: checked.value };
  const { field, message } = checked.violation;
  const column = COLUMN_OF_FIELD[field];
  // The rules name API fields (employedFrom); the file's reader knows its columns (employed_from).
  const named = message
    .replaceAll('employedFrom', COLUMN_OF_FIELD.employedFrom)
    .replaceAll('employedUntil', COLUMN_OF_FIELD.employedUntil);
  return { problem: field === 'schedule' ? `${column}: ${named}` : named };
}

/**
 * Reads a people file: the header is {@link PEOPLE_COLUMNS}, optionally followed by the schedule's
 * (hours per weekday, `mon` to `sun`, on a line all seven or none) and then the employment dates'
 * (see {@link PEOPLE_HEADERS}). An empty cell is null, which clears the field: no schedule is the
 * company default, and a file without those columns sets the default schedule or no employment
 * dates for everyone in it. Every person is checked with the directory's rules
 * (`validatePerson`) and each id once; because the API refuses a whole call for one bad person,
 * any problem refuses the file before anything is sent, with one line per problem naming the line
 * and the column.
 */
export function parsePeopleFile(bytes: Uint8Array): PersonRow[] {
  const rows: PersonRow[] = [];
  const problems: string[] = [];
  const lineOfId = new Map<string, number>();
  const { header, records } = readCsvTable(bytes, PEOPLE_HEADERS, EXPECTED_HEADER);
  for (const { line, values } of records) {
    const reading = readPerson((column) => {
      const index = header.indexOf(column);
      return index === -1 ? null : (values[index] ?? '');
    });
    const where = `line ${line}${values[0] ? ` (${values[0]})` : ''}`;
    if ('problem' in reading) {
      problems.push(`${where}: ${reading.problem}`);
      continue;
    }
    const first = lineOfId.get(reading.person.id);
    if (first !== undefined) {
      problems.push(`${where}: the same id is already on line ${first}`);
      continue;
    }
    lineOfId.set(reading.person.id, line);
    rows.push({ line, person: reading.person });
  }
  if (problems.length > 0) throw linesRefused(problems, "the directory's rules");
  return rows;
}
