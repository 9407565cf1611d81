import type {
  PeriodEventResolvers,
  PeriodResolvers,
  TimesheetWeekResolvers,
  WeekEventResolvers,
} from '../../generated/graphql';
import { weekLoaderKey } from '../week.service';

/** Entries, absences, histories and people of a whole page of weeks: one query each. */
export const TimesheetWeek: TimesheetWeekResolvers = {
  owner: (week, _args, { loaders }) => loaders.person.load(week.ownerId),
  decidedBy: (week, _args, { loaders }) =>
    week.decidedBy === null ? null : loaders.person.load(week.decidedBy),
  entries: (week, _args, { loaders }) =>
    week.entries ?? loaders.weekEntries.load(weekLoaderKey(week)),
  absences: (week, _args, { loaders }) =>
    week.absences ?? loaders.weekAbsences.load(weekLoaderKey(week)),
  history: (week, _args, { loaders }) => loaders.weekHistory.load(weekLoaderKey(week)),
};

export const WeekEvent: WeekEventResolvers = {
  actor: (event, _args, { loaders }) => loaders.person.load(event.actorId),
};

export const Period: PeriodResolvers = {
  history: (_period, _args, { services }) => services.period.history(),
};

export const PeriodEvent: PeriodEventResolvers = {
  actor: (event, _args, { loaders }) => loaders.person.load(event.actorId),
};
