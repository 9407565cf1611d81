import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { describeApiError } from './api-errors';

describe('describeApiError', () => {
  it('names the scope a FORBIDDEN error is about', () => {
    const forbidden = new CombinedGraphQLErrors({
      errors: [{ message: 'Missing scope delete:timesheets', extensions: { code: 'FORBIDDEN' } }],
    });
    expect(describeApiError(forbidden)).toEqual({
      kind: 'forbidden',
      message: 'Missing scope delete:timesheets',
      scope: 'delete:timesheets',
    });
  });

  it('reads a 401 sent as application/json as unauthenticated', () => {
    const response = new Response('', { status: 401 });
    const error = new ServerError('Response not successful', {
      response,
      bodyText: JSON.stringify({
        errors: [{ message: 'Missing or invalid token', extensions: { code: 'UNAUTHENTICATED' } }],
      }),
    });
    expect(describeApiError(error)).toEqual({
      kind: 'unauthenticated',
      message: 'Missing or invalid token',
    });
  });

  it('reads a failed fetch as a network problem', () => {
    expect(describeApiError(new TypeError('Failed to fetch'))).toEqual({
      kind: 'network',
      message: 'Failed to fetch',
    });
  });
});
