import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
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

const MAX_REMEMBERED = 1_000;

/**
 * The variables a document's cost depends on: those passed as a `first` argument, and those of
 * directives (`@include(if: $x)` and `@skip` decide whether a field counts at all).
 */
function variablesOfCost(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (node: ArgumentNode) => {
    if (node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
  };
  visit(document, {
    Field(node) {
      for (const argument of node.arguments ?? []) {
        if (argument.name.value === 'first') collect(argument);
      }
    },
    Directive(node) {
      for (const argument of node.arguments ?? []) collect(argument);
    },
  });
  return [...names].sort();
}

/**
 * Refuses an operation whose cost, with its variables, exceeds `maxCost`, once the operation is
 * known and before anything executes. Page sizes sent as variables (`first: $first`) count like
 * literal ones. A cost depends only on the document and a few of its variables (see
 * variablesOfCost), so it is computed once per document and their values (one walk of the schema
 * takes about 150 µs), then looked up.
 */
export function costLimitPlugin(
  schema: GraphQLSchema,
  maxCost: number,
): ApolloServerPlugin<Context> {
  const costVariables = new WeakMap<DocumentNode, string[]>();
  const costs = new Map<string, number>();

  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ document, request, operationName, queryHash }) {
          const variables: Record<string, unknown> = request.variables ?? {};
          let names = costVariables.get(document);
          if (!names) costVariables.set(document, (names = variablesOfCost(document)));
          const values = names.map((name) => variables[name]);
          const key = JSON.stringify([queryHash, operationName, values]);
          let cost = costs.get(key);
          if (cost === undefined) {
            try {
              cost = getComplexity({
                estimators: [pageSizeEstimator],
                schema,
                query: document,
                variables,
                operationName: operationName ?? undefined,
              });
            } catch {
              // Variables that do not fit their types: execution answers them with BAD_USER_INPUT.
              return Promise.resolve();
            }
            if (costs.size >= MAX_REMEMBERED) costs.clear();
            costs.set(key, cost);
          }
          if (cost > maxCost) throw new CostLimitError(cost, maxCost);
          return Promise.resolve();
        },
      });
    },
  };
}
