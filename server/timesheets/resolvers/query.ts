import type { QueryResolvers } from '../../generated/graphql';
import { SCOPES } from '../../../core/scopes';
import { requirePrincipal } from '../../auth/principal';

export const Query: QueryResolvers = {
  me: (_parent, _args, { principal }) => {
    const p = requirePrincipal(principal);
    return { id: p.sub, email: p.email, name: p.name, scopes: [...p.scopes], kind: p.kind };
  },
  timesheets: (_parent, { first, after, from, to }, { principal, services }) =>
    services.timesheets.listOwn(requirePrincipal(principal).sub, { first, after, from, to }),
  timesheet: (_parent, { id }, { principal, services }) => {
    const p = requirePrincipal(principal);
    return services.timesheets.findVisible(
      { sub: p.sub, canApprove: p.scopes.has(SCOPES.approve) },
      id,
    );
  },
  projects: (_parent, { first }, { principal, services }) =>
    services.timesheets.listProjects(requirePrincipal(principal).sub, first),
  approvals: (_parent, { status, first, after }, { services }) =>
    services.timesheets.listByStatus(status, { first, after }),
};
