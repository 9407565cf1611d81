import { displayName } from '../../core';
import type { ClosePeriodMutation } from '../gql/graphql';

/** The person-weeks a close left unapproved, as `closePeriod` answers them. */
export type NotApproved = ClosePeriodMutation['closePeriod']['notApproved'];

export interface PersonLeft {
  id: string;
  name: string;
  team: string | null;
  /** Newest first. */
  weeks: NotApproved;
}

/** The not-approved person-weeks by person, the person with the most first. */
export function byPerson(weeks: NotApproved): PersonLeft[] {
  const people = new Map<string, PersonLeft>();
  for (const week of weeks) {
    const person = people.get(week.owner.id) ?? {
      id: week.owner.id,
      name: displayName(week.owner),
      team: week.owner.team,
      weeks: [],
    };
    person.weeks.push(week);
    people.set(week.owner.id, person);
  }
  return [...people.values()]
    .map((person) => ({
      ...person,
      weeks: [...person.weeks].sort((a, b) => b.weekStart.localeCompare(a.weekStart)),
    }))
    .sort((a, b) => b.weeks.length - a.weeks.length || a.name.localeCompare(b.name));
}
