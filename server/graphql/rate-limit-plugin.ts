import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { API_ERROR_CODES } from '../../core/api';
import type { Context } from '../context';
import { rootResponseKeys } from './root-fields';

/** A token bucket per caller: `points` mutations (root fields) per `seconds`. */
export interface MutationRateLimit {
  points: number;
  seconds: number;
}

/** The caller sent more mutations than the limit allows. HTTP 429 with `Retry-After`. */
export class RateLimitedError extends GraphQLError {
  constructor(retryAfterSeconds: number) {
    super(`Too many changes: try again in ${retryAfterSeconds} s`, {
      extensions: {
        code: API_ERROR_CODES.rateLimited,
        retryAfter: retryAfterSeconds,
        http: {
          status: 429,
          headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]),
        },
      },
    });
    this.name = 'RateLimitedError';
  }
}

/**
 * Limits mutations per caller (the token's `sub`), each root mutation field costing one point
 * (written directly, aliased, or inside fragments on Mutation), in
 * this process's memory (rate-limiter-flexible): with N processes a caller gets up to N times the
 * limit. Queries are not limited. Runs once the operation is known, before anything executes.
 */
export function rateLimitPlugin(
  limit: MutationRateLimit,
  onRefused: () => void = () => undefined,
): ApolloServerPlugin<Context> {
  const limiter = new RateLimiterMemory({ points: limit.points, duration: limit.seconds });
  return {
    requestDidStart() {
      return Promise.resolve({
        async didResolveOperation({ document, operation, contextValue }) {
          const caller = contextValue.principal?.sub;
          if (operation?.operation !== OperationTypeNode.MUTATION || caller === undefined) return;
          // Every root field that runs costs a point, fragments and aliases included.
          const fields = rootResponseKeys(document, operation).size;
          try {
            await limiter.consume(caller, Math.max(1, fields));
          } catch (refusal) {
            if (!(refusal instanceof RateLimiterRes)) throw refusal;
            onRefused();
            throw new RateLimitedError(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
          }
        },
      });
    },
  };
}
