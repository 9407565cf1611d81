import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { deny, rule, shield, type IRule } from 'graphql-shield';
import { SCOPES, type Scope } from '../core/scopes';
import { InsufficientScopeError, MissingTokenError } from './auth/errors';
import type { Context } from './context';
import { ForbiddenError } from './errors';

/** Any verified token. */
export const isAuthenticated = rule('isAuthenticated', { cache: 'contextual' })(
  (_parent, _args, ctx: Context) => (ctx.principal ? true : new MissingTokenError()),
);

/** A verified token whose `scope` claim holds `scope`. */
export function hasScope(scope: Scope) {
  return rule(`hasScope:${scope}`, { cache: 'contextual' })((_parent, _args, ctx: Context) => {
    if (!ctx.principal) return new MissingTokenError();
    return ctx.principal.scopes.has(scope) ? true : new InsufficientScopeError(scope);
  });
}

const canRead = hasScope(SCOPES.read);
const canCreate = hasScope(SCOPES.create);
const canDelete = hasScope(SCOPES.delete);
const canApprove = hasScope(SCOPES.approve);
const canBatchUpload = hasScope(SCOPES.batchUpload);

/** The one map from each root field to the rule that guards it. */
export const ruleTree = {
  Query: {
    me: isAuthenticated,
    timesheets: canRead,
    timesheet: canRead,
    projects: canRead,
    approvals: canApprove,
  },
  Mutation: {
    createTimesheet: canCreate,
    deleteTimesheet: canDelete,
    approveTimesheet: canApprove,
    rejectTimesheet: canApprove,
    uploadTimesheets: canBatchUpload,
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
