import { validatePerson, type ValidPerson } from '../core/people';
import { ImportFileError, readCsvFile } from './csv';

/** The columns of a people file, in this order, as its header line. */
export const PEOPLE_COLUMNS = ['id', 'name', 'email', 'team'] as const;

/** How many bad lines the error lists before it counts the rest. */
const MAX_LISTED_PROBLEMS = 20;

/** A person of the file, checked by the directory's rules, with its line for messages. */
export interface PersonRow {
  line: number;
  person: ValidPerson;
}

const orNull = (value: string) => (value === '' ? null : value);

function problemsMessage(problems: string[]): string {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `  ${p}`);
  const more = problems.length - listed.length;
  if (more > 0) listed.push(`  … and ${more} more`);
  const what = problems.length === 1 ? 'a line breaks' : `${problems.length} lines break`;
  return `${what} the directory's rules (nothing was sent):\n${listed.join('\n')}`;
}

/**
 * Reads a people file ({@link PEOPLE_COLUMNS}; an empty cell is null, which clears the field) and
 * checks every person with the directory's rules (`validatePerson`) and each id once. Because the
 * API refuses a whole call for one bad person, any problem refuses the file before anything is
 * sent, with one line per problem.
 */
export function parsePeopleFile(bytes: Uint8Array): PersonRow[] {
  const rows: PersonRow[] = [];
  const problems: string[] = [];
  const lineOfId = new Map<string, number>();
  for (const { line, values } of readCsvFile(bytes, PEOPLE_COLUMNS)) {
    const [id = '', name = '', email = '', team = ''] = values;
    const checked = validatePerson({
      id,
      name: orNull(name),
      email: orNull(email),
      team: orNull(team),
    });
    const where = `line ${line}${id ? ` (${id})` : ''}`;
    if (!checked.ok) {
      problems.push(`${where}: ${checked.violation.message}`);
      continue;
    }
    const first = lineOfId.get(checked.value.id);
    if (first !== undefined) {
      problems.push(`${where}: the same id is already on line ${first}`);
      continue;
    }
    lineOfId.set(checked.value.id, line);
    rows.push({ line, person: checked.value });
  }
  if (problems.length > 0) throw new ImportFileError(problemsMessage(problems));
  return rows;
}
