import type { QueryResolvers } from '../../generated/graphql';
import { requirePrincipal } from '../../auth/principal';
import { teamsOf, viewerOf } from '../../reach/reach';

export const Query: QueryResolvers = {
  me: (_parent, _args, { principal }) => {
    const p = requirePrincipal(principal);
    const { reach } = viewerOf(p);
    const manages = teamsOf(reach);
    return {
      id: p.sub,
      email: p.email,
      name: p.name,
      scopes: [...p.scopes],
      kind: p.kind,
      team: p.team,
      manages: manages === null ? null : [...manages],
      reach: reach.kind === 'own' ? 'OWN' : reach.kind === 'teams' ? 'TEAMS' : 'EVERYONE',
    };
  },
  timesheets: (_parent, { first, after, from, to }, { principal, services }) =>
    services.timesheets.listOwn(requirePrincipal(principal).sub, { first, after, from, to }),
  timesheet: (_parent, { id }, { principal, services }) =>
    services.timesheets.findVisible(viewerOf(requirePrincipal(principal)), id),
  projects: (_parent, { first }, { principal, services }) =>
    services.timesheets.listProjects(requirePrincipal(principal).sub, first),
  approvals: (_parent, { status, first, after }, { principal, services }) =>
    services.timesheets.listForApproval(viewerOf(requirePrincipal(principal)), status, {
      first,
      after,
    }),
  approvalWeeks: (_parent, args, { principal, services }) =>
    services.timesheets.listApprovalWeeks(viewerOf(requirePrincipal(principal)), args),
  timesheetHistory: (_parent, { id }, { principal, services }) =>
    services.timesheets.history(viewerOf(requirePrincipal(principal)), id),
  holidays: (_parent, { from, to }, { services }) => services.calendar.between(from, to),
  week: (_parent, { weekStart }, { principal, services }) =>
    services.weeks.week(requirePrincipal(principal).sub, weekStart),
  teamWeeks: (_parent, args, { principal, services }) =>
    services.weeks.teamWeeks(viewerOf(requirePrincipal(principal)), args),
  period: (_parent, _args, { services }) => services.period.current(),
};
