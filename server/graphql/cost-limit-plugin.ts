import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { API_ERROR_CODES } from '../../core/api';
import type { Context } from '../context';

/**
 * Each field costs 1 plus what it selects, times its page size: the `first` argument, whether
 * written in the document or sent as a variable. A list without `first` counts once.
 */
export const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args.first === 'number' && args.first > 1 ? args.first : 1;
  return (1 + childComplexity) * first;
};

/** The query is costlier than one request may be; nothing ran. HTTP 400. */
export class CostLimitError extends GraphQLError {
  constructor(cost: number, maxCost: number) {
    super(
      `Query cost ${cost} is over the limit of ${maxCost}: ask for smaller pages, fewer fields ` +
        'or fewer aliases',
      {
        extensions: {
          code: API_ERROR_CODES.validationFailed,
          cost,
          maxCost,
          http: { status: 400 },
        },
      },
    );
    this.name = 'CostLimitError';
  }
}

/**
 * Refuses an operation whose cost, with its variables, exceeds `maxCost`, once the operation is
 * known and before anything executes. Page sizes sent as variables (`first: $first`) count like
 * literal ones.
 */
export function costLimitPlugin(
  schema: GraphQLSchema,
  maxCost: number,
): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ document, request, operationName }) {
          let cost: number;
          try {
            cost = getComplexity({
              estimators: [pageSizeEstimator],
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: operationName ?? undefined,
            });
          } catch {
            // Variables that do not fit their types: execution answers them with BAD_USER_INPUT.
            return Promise.resolve();
          }
          if (cost > maxCost) throw new CostLimitError(cost, maxCost);
          return Promise.resolve();
        },
      });
    },
  };
}
