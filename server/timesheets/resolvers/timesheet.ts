import type {
  ApprovalWeekResolvers,
  TimesheetEventResolvers,
  TimesheetResolvers,
} from '../../generated/graphql';
import { weekLoaderKey } from '../../weeks/week.service';

/** Owners and histories of a whole page are read in one query each (see server/loaders.ts). */
export const Timesheet: TimesheetResolvers = {
  owner: (entry, _args, { loaders }) => loaders.person.load(entry.userId),
  history: (entry, _args, { loaders }) => loaders.history.load(entry.id),
};

export const TimesheetEvent: TimesheetEventResolvers = {
  actor: (event, _args, { loaders }) => loaders.person.load(event.actorId),
};

export const ApprovalWeek: ApprovalWeekResolvers = {
  owner: (week, _args, { loaders }) => loaders.person.load(week.ownerId),
  version: (week, _args, { loaders }) => loaders.weekVersion.load(weekLoaderKey(week)),
};
