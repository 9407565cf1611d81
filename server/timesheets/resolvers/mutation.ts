import type { MutationResolvers } from '../../generated/graphql';
import { requirePrincipal, sourceOf } from '../../auth/principal';
import { viewerOf } from '../../reach/reach';
import { SCOPES } from '../../../core/scopes';

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
  approveWeek: (_parent, { userId, weekStart, expectedVersion }, { principal, services }) =>
    services.timesheets.approveWeek(
      viewerOf(requirePrincipal(principal)),
      userId,
      weekStart,
      expectedVersion,
    ),
  rejectWeek: (_parent, { userId, weekStart, reason, expectedVersion }, { principal, services }) =>
    services.timesheets.rejectWeek(
      viewerOf(requirePrincipal(principal)),
      userId,
      weekStart,
      reason,
      expectedVersion,
    ),
  uploadTimesheets: (_parent, { entries }, { principal, services }) =>
    services.timesheets.upload(sourceOf(requirePrincipal(principal)), entries),
  upsertPeople: (_parent, { people }, { services }) => services.people.upsert(people),
  upsertHolidays: (_parent, { holidays }, { services }) => services.calendar.upsert(holidays),
  submitWeek: (_parent, { weekStart, expectedVersion, note }, { principal, services }) =>
    services.weeks.submit(requirePrincipal(principal).sub, weekStart, expectedVersion, note),
  withdrawWeek: (_parent, { weekStart, expectedVersion }, { principal, services }) =>
    services.weeks.withdraw(requirePrincipal(principal).sub, weekStart, expectedVersion),
  saveWeek: (_parent, { weekStart, expectedVersion, cells }, { principal, services }) => {
    const p = requirePrincipal(principal);
    const mayDelete = p.scopes.has(SCOPES.delete);
    return services.weeks.save(p.sub, weekStart, expectedVersion, cells, mayDelete);
  },
  recordAbsence: (_parent, input, { principal, services }) =>
    services.weeks.recordAbsence(requirePrincipal(principal).sub, input),
  deleteAbsence: (_parent, { id }, { principal, services }) =>
    services.weeks.deleteAbsence(requirePrincipal(principal).sub, id),
  closePeriod: (_parent, { through, reason }, { principal, services }) =>
    services.period.close(requirePrincipal(principal).sub, through, reason),
  reopenPeriod: (_parent, { from, reason }, { principal, services }) =>
    services.period.reopen(requirePrincipal(principal).sub, from, reason),
};
