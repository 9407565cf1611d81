import { GraphQLError } from 'graphql';
import { WriteConflictError } from './db/errors';
import { toClientError } from './errors';

describe('toClientError', () => {
  it('answers a write that kept colliding as CONFLICT (409), where it was raised', () => {
    const cause = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    const located = new GraphQLError('deadlock', {
      path: ['createTimesheet'],
      originalError: new WriteConflictError({ cause }),
    });
    const mapped = toClientError(located);
    expect(mapped.message).toBe(
      'The change collided with concurrent changes and was not saved; try again',
    );
    expect(mapped.path).toEqual(['createTimesheet']);
    expect(mapped.extensions).toEqual({ code: 'CONFLICT', http: { status: 409 } });
  });

  it('leaves every other error as it is', () => {
    const other = new GraphQLError('boom', { originalError: new Error('boom') });
    expect(toClientError(other)).toBe(other);
  });
});
