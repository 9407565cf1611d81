import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { API_ERROR_CODES } from '../../core/api';
import type { Context } from '../context';

/**
 * A document that holds no operation of the given `operationName` (or several operations and no
 * name) is the client's mistake: 400 BAD_REQUEST before anything runs, with or without a token.
 */
export const operationPlugin: ApolloServerPlugin<Context> = {
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ operation, request }) {
        if (operation) return Promise.resolve();
        const message = request.operationName
          ? `Unknown operation named "${request.operationName}".`
          : 'Must provide operation name if query contains multiple operations.';
        throw new GraphQLError(message, {
          extensions: { code: API_ERROR_CODES.badRequest, http: { status: 400 } },
        });
      },
    });
  },
};
