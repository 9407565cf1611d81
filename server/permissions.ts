import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { deny, rule, shield, type IRule } from 'graphql-shield';
import { SCOPES, type Scope } from '../core/scopes';
import { InsufficientScopeError, MissingTokenError, WrongTokenKindError } from './auth/errors';
import type { Principal } from './auth/principal';
import type { Context } from './context';
import { ForbiddenError } from './errors';

/** Any verified token. */
export const isAuthenticated = rule('isAuthenticated', { cache: 'contextual' })(
  (_parent, _args, ctx: Context) => (ctx.principal ? true : new MissingTokenError()),
);

/**
 * A verified token of the right kind whose `scope` claim holds `scope`. People's fields take a
 * person's token (an interactive grant); the automated process's fields take a machine client's
 * token (client credentials). Scopes alone would let a machine granted `read:timesheets` act as
 * "<client>@clients", or a person granted `batch:upload` write for anyone.
 */
export function hasScope(kind: Principal['kind'], scope: Scope) {
  return rule(`hasScope:${kind}:${scope}`, { cache: 'contextual' })(
    (_parent, _args, ctx: Context) => {
      if (!ctx.principal) return new MissingTokenError();
      if (ctx.principal.kind !== kind) return new WrongTokenKindError(kind);
      return ctx.principal.scopes.has(scope) ? true : new InsufficientScopeError(scope);
    },
  );
}

const canRead = hasScope('USER', SCOPES.read);
const canCreate = hasScope('USER', SCOPES.create);
const canDelete = hasScope('USER', SCOPES.delete);
const canApprove = hasScope('USER', SCOPES.approve);
const canBatchUpload = hasScope('CLIENT', SCOPES.batchUpload);
const canClosePeriods = hasScope('USER', SCOPES.closePeriods);

/** The one map from each root field to the rule that guards it. */
export const ruleTree = {
  Query: {
    me: isAuthenticated,
    timesheets: canRead,
    timesheet: canRead,
    projects: canRead,
    approvals: canApprove,
    approvalWeeks: canApprove,
    timesheetHistory: canRead,
    week: canRead,
    teamWeeks: canApprove,
    period: canRead,
    holidays: canRead,
  },
  Mutation: {
    createTimesheet: canCreate,
    updateTimesheet: canCreate,
    deleteTimesheet: canDelete,
    approveTimesheet: canApprove,
    rejectTimesheet: canApprove,
    approveWeek: canApprove,
    rejectWeek: canApprove,
    uploadTimesheets: canBatchUpload,
    upsertPeople: canBatchUpload,
    submitWeek: canCreate,
    withdrawWeek: canCreate,
    saveWeek: canCreate,
    recordAbsence: canCreate,
    deleteAbsence: canDelete,
    closePeriod: canClosePeriods,
    reopenPeriod: canClosePeriods,
    upsertHolidays: canBatchUpload,
  },
} satisfies Record<'Query' | 'Mutation', Record<string, IRule>>;

const permissions = shield(ruleTree, {
  fallbackRule: deny,
  fallbackError: () => new ForbiddenError('No permission rule allows this field'),
  allowExternalErrors: true,
});

/**
 * Applies the rules to the root fields only. Shield on its own wraps every field of every type
 * in an async function (about half the throughput); the objects below the root were authorised
 * by the root field that returned them, so they pay nothing. A root field without a rule is
 * denied by `fallbackRule`.
 */
export function applyPermissions(schema: GraphQLSchema): GraphQLSchema {
  const generated = permissions.generate(schema) as Record<string, unknown>;
  return applyMiddleware(schema, {
    Query: generated.Query,
    Mutation: generated.Mutation,
  } as Parameters<typeof applyMiddleware>[1]);
}
