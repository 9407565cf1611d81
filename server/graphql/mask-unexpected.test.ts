import { GraphQLError } from 'graphql';
import { createLogger } from '../logger';
import { NotFoundError } from '../errors';
import { maskUnexpected } from './apollo';

const mask = maskUnexpected(createLogger('silent'));

describe('maskUnexpected', () => {
  it('masks a failure raised while the context was built, which Apollo wraps in a GraphQLError', () => {
    const cause = new Error('SQLITE_BUSY: database is locked');
    const wrapped = new GraphQLError(`Context creation failed: ${cause.message}`, {
      originalError: cause,
    });
    const formatted = {
      message: wrapped.message,
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: at sqlite'] },
    };
    expect(mask(formatted, wrapped)).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('masks a GraphQLError carrying a code outside the closed set', () => {
    const error = new GraphQLError('invalid byte sequence for encoding "UTF8": 0x00', {
      extensions: { code: 'SOME_LIBRARY_CODE' },
    });
    const formatted = { message: error.message, extensions: { code: 'SOME_LIBRARY_CODE' } };
    expect(mask(formatted, error).message).toBe('Internal server error');
  });

  it('passes an error of the API unchanged', () => {
    const error = new NotFoundError('Timesheet x not found');
    const formatted = { message: error.message, extensions: { code: 'NOT_FOUND' } };
    expect(mask(formatted, error)).toBe(formatted);
  });
});
