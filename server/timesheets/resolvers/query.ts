import type { QueryResolvers } from '../../generated/graphql';
import { SCOPES } from '../../../core/scopes';
import type { Principal } from '../../auth/principal';

/** Rules guarantee a principal on every root field (server/permissions.ts). */
function caller(principal: Principal | null): Principal {
  if (!principal) throw new Error('resolver reached without a principal: check permissions.ts');
  return principal;
}

export const Query: QueryResolvers = {
  me: (_parent, _args, { principal }) => {
    const p = caller(principal);
    return { id: p.sub, email: p.email, name: p.name, scopes: [...p.scopes], kind: p.kind };
  },
  timesheets: (_parent, { first, after, from, to }, { principal, services }) =>
    services.timesheets.listOwn(caller(principal).sub, { first, after, from, to }),
  timesheet: (_parent, { id }, { principal, services }) => {
    const p = caller(principal);
    return services.timesheets.findVisible(
      { sub: p.sub, canApprove: p.scopes.has(SCOPES.approve) },
      id,
    );
  },
  projects: (_parent, { first }, { principal, services }) =>
    services.timesheets.listProjects(caller(principal).sub, first),
  approvals: (_parent, { status, first, after }, { services }) =>
    services.timesheets.listByStatus(status, { first, after }),
};
