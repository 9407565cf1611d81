import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { insufficientScopeChallenge } from '../auth/errors';
import type { Context } from '../context';
import { rootResponseKeys } from './root-fields';

/** Root fields refused by a permission rule (a missing scope or the wrong kind of token). */
function permissionRefusals(errors: readonly GraphQLFormattedError[]): Map<string, string | null> {
  const refused = new Map<string, string | null>();
  for (const error of errors) {
    const { code, scope, tokenKind } = error.extensions ?? {};
    const key = error.path?.length === 1 ? error.path[0] : undefined;
    if (code !== 'FORBIDDEN' || typeof key !== 'string') continue;
    if (typeof scope === 'string') refused.set(key, scope);
    else if (typeof tokenKind === 'string') refused.set(key, null);
  }
  return refused;
}

/**
 * Answers 403 when no root field of the operation was allowed to run, with RFC 6750's
 * `insufficient_scope` challenge naming the missing scopes (none for a wrong kind of token); a partly allowed operation answers 200 with its data and the errors of the
 * refused fields. (A missing token needs no help here: MissingTokenError carries its own 401 and
 * challenge in `extensions.http`, which Apollo applies.)
 */
export const httpStatusPlugin: ApolloServerPlugin<Context> = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse(ctx) {
        const { body, http } = ctx.response;
        if (body.kind !== 'single' || !body.singleResult.errors) return Promise.resolve();
        const refused = permissionRefusals(body.singleResult.errors);
        const roots = rootResponseKeys(ctx.document, ctx.operation);
        if (refused.size > 0 && roots.size > 0 && [...roots].every((key) => refused.has(key))) {
          http.status = 403;
          const scopes = [...new Set(refused.values())].filter((s): s is string => s !== null);
          if (scopes.length > 0) {
            http.headers.set('www-authenticate', insufficientScopeChallenge(scopes));
          }
        }
        return Promise.resolve();
      },
    });
  },
};
