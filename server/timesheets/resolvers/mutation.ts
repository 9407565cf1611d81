import type { MutationResolvers } from '../../generated/graphql';
import { requirePrincipal, sourceOf } from '../../auth/principal';
import { viewerOf } from '../../reach/reach';

export const Mutation: MutationResolvers = {
  createTimesheet: (_parent, { input }, { principal, services }) => {
    const p = requirePrincipal(principal);
    return services.timesheets.create({ userId: p.sub, source: sourceOf(p) }, input);
  },
  updateTimesheet: (_parent, { id, expectedVersion, input }, { principal, services }) =>
    services.timesheets.update(requirePrincipal(principal).sub, id, expectedVersion, input),
  deleteTimesheet: (_parent, { id }, { principal, services }) =>
    services.timesheets.delete(requirePrincipal(principal).sub, id),
  approveTimesheet: (_parent, { id, expectedVersion }, { principal, services }) =>
    services.timesheets.approve(viewerOf(requirePrincipal(principal)), id, expectedVersion),
  rejectTimesheet: (_parent, { id, reason, expectedVersion }, { principal, services }) =>
    services.timesheets.reject(viewerOf(requirePrincipal(principal)), id, reason, expectedVersion),
  approveWeek: (_parent, { userId, weekStart }, { principal, services }) =>
    services.timesheets.approveWeek(viewerOf(requirePrincipal(principal)), userId, weekStart),
  rejectWeek: (_parent, { userId, weekStart, reason }, { principal, services }) =>
    services.timesheets.rejectWeek(
      viewerOf(requirePrincipal(principal)),
      userId,
      weekStart,
      reason,
    ),
  uploadTimesheets: (_parent, { entries }, { principal, services }) =>
    services.timesheets.upload(sourceOf(requirePrincipal(principal)), entries),
  upsertPeople: (_parent, { people }, { services }) => services.people.upsert(people),
  upsertHolidays: (_parent, { holidays }, { services }) => services.calendar.upsert(holidays),
};
