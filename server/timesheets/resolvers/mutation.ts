import type { MutationResolvers } from '../../generated/graphql';
import { requirePrincipal, sourceOf } from '../../auth/principal';

export const Mutation: MutationResolvers = {
  createTimesheet: (_parent, { input }, { principal, services }) => {
    const p = requirePrincipal(principal);
    return services.timesheets.create({ userId: p.sub, source: sourceOf(p) }, input);
  },
  deleteTimesheet: (_parent, { id }, { principal, services }) =>
    services.timesheets.delete(requirePrincipal(principal).sub, id),
  approveTimesheet: (_parent, { id }, { principal, services }) =>
    services.timesheets.approve(requirePrincipal(principal).sub, id),
  rejectTimesheet: (_parent, { id, reason }, { principal, services }) =>
    services.timesheets.reject(requirePrincipal(principal).sub, id, reason),
  uploadTimesheets: (_parent, { entries }, { principal, services }) =>
    services.timesheets.upload(sourceOf(requirePrincipal(principal)), entries),
};
