import type { MutationResolvers } from '../../generated/graphql';
import { sourceOf, type Principal } from '../../auth/principal';

function caller(principal: Principal | null): Principal {
  if (!principal) throw new Error('resolver reached without a principal: check permissions.ts');
  return principal;
}

export const Mutation: MutationResolvers = {
  createTimesheet: (_parent, { input }, { principal, services }) => {
    const p = caller(principal);
    return services.timesheets.create({ userId: p.sub, source: sourceOf(p) }, input);
  },
  deleteTimesheet: (_parent, { id }, { principal, services }) =>
    services.timesheets.delete(caller(principal).sub, id),
  approveTimesheet: (_parent, { id }, { principal, services }) =>
    services.timesheets.approve(caller(principal).sub, id),
  rejectTimesheet: (_parent, { id, reason }, { principal, services }) =>
    services.timesheets.reject(caller(principal).sub, id, reason),
  uploadTimesheets: (_parent, { entries }, { principal, services }) =>
    services.timesheets.upload(sourceOf(caller(principal)), entries),
};
