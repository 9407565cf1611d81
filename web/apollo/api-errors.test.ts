import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { describeApiError } from './api-errors';

function graphQLError(message: string, extensions: Record<string, unknown>) {
  return new CombinedGraphQLErrors({ errors: [{ message, extensions }] });
}

describe('describeApiError', () => {
  it('takes the scope of a FORBIDDEN error from extensions.scope, not from the message', () => {
    const forbidden = graphQLError('Not allowed: read:timesheets is not enough', {
      code: 'FORBIDDEN',
      scope: 'delete:timesheets',
    });
    expect(describeApiError(forbidden)).toEqual({
      kind: 'forbidden',
      message: 'Not allowed: read:timesheets is not enough',
      scope: 'delete:timesheets',
    });
  });

  it('gives no scope for a FORBIDDEN error without extensions.scope', () => {
    const forbidden = graphQLError('Needs a person token: delete:timesheets', {
      code: 'FORBIDDEN',
    });
    expect(describeApiError(forbidden)).toMatchObject({ kind: 'forbidden', scope: null });
  });

  it('reads the field of a BAD_USER_INPUT error', () => {
    const bad = graphQLError('hours must be more than 0', {
      code: 'BAD_USER_INPUT',
      field: 'hours',
    });
    expect(describeApiError(bad)).toEqual({
      kind: 'badInput',
      message: 'hours must be more than 0',
      field: 'hours',
    });
  });

  it('reads the current version of a CONFLICT error', () => {
    const stale = graphQLError('The entry changed since you loaded it', {
      code: 'CONFLICT',
      currentVersion: 3,
    });
    expect(describeApiError(stale)).toEqual({
      kind: 'conflict',
      message: 'The entry changed since you loaded it',
      currentVersion: 3,
      weekStatus: null,
      closedThrough: null,
    });
    const locked = graphQLError('Approved entries are locked', { code: 'CONFLICT' });
    expect(describeApiError(locked)).toMatchObject({ kind: 'conflict', currentVersion: null });
  });

  it('reads why a week refused a change: its status or the closed period', () => {
    const frozen = graphQLError('The week is approved', {
      code: 'CONFLICT',
      weekStatus: 'APPROVED',
    });
    expect(describeApiError(frozen)).toMatchObject({ weekStatus: 'APPROVED', closedThrough: null });
    const closed = graphQLError('The period is closed', {
      code: 'CONFLICT',
      closedThrough: '2026-11-30',
    });
    expect(describeApiError(closed)).toMatchObject({ closedThrough: '2026-11-30' });
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
