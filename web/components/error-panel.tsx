'use client';

import { SCOPE_DESCRIPTIONS } from '../../core';
import type { Scope } from '../../core';
import { describeApiError } from '../apollo/api-errors';
import type { ApiProblem } from '../apollo/api-errors';
import { useAuth } from '../auth/auth-context';

/** Who grants permissions at ABC Inc. */
export const PERMISSION_GRANTERS = 'your manager or the ABC Inc. Auth0 admin';

/** What a missing permission means and who to ask for it. */
export function MissingPermission({ scope }: { scope: string | null }) {
  const description = scope ? SCOPE_DESCRIPTIONS[scope as Scope] : undefined;
  return (
    <p>
      {scope ? (
        <>
          This needs the permission <code>{scope}</code>
          {description ? ` (${description.toLowerCase()})` : ''}, which your account does not have.
        </>
      ) : (
        'Your account does not have the permission this needs.'
      )}{' '}
      Ask {PERMISSION_GRANTERS} to grant it, then sign in again.
    </p>
  );
}

/**
 * An API failure in one sentence, for a message next to the button that caused it (a whole
 * section that failed gets the {@link ErrorPanel}).
 */
export function problemSentence(problem: ApiProblem): string {
  switch (problem.kind) {
    case 'unauthenticated':
      return 'Your session is no longer valid: sign in again, then retry.';
    case 'forbidden':
      return problem.scope
        ? `This needs the permission ${problem.scope}; ask ${PERMISSION_GRANTERS}.`
        : `Your account does not have the permission this needs; ask ${PERMISSION_GRANTERS}.`;
    case 'network':
      return 'Cannot reach the Timesheets API: check your connection and try again.';
    default:
      return problem.message;
  }
}

/**
 * The one way API failures are shown: 401 asks to sign in again, 403 names the missing permission
 * and who grants it, a network failure offers to retry.
 */
export function ErrorPanel({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const auth = useAuth();
  const problem = describeApiError(error);
  const retry = onRetry && (
    <button type="button" className="button" onClick={onRetry}>
      Retry
    </button>
  );
  switch (problem.kind) {
    case 'unauthenticated':
      return (
        <div className="panel panel-error" role="alert">
          <h2>{title ?? 'Please sign in again'}</h2>
          <p>Your session is no longer valid (the API said: {problem.message}).</p>
          <div className="actions">
            <button type="button" className="button" onClick={() => void auth.signIn()}>
              Sign in again
            </button>
            {retry}
          </div>
        </div>
      );
    case 'forbidden':
      return (
        <div className="panel panel-error" role="alert">
          <h2>{title ?? 'Permission missing'}</h2>
          <MissingPermission scope={problem.scope} />
        </div>
      );
    case 'network':
      return (
        <div className="panel panel-error" role="alert">
          <h2>{title ?? 'Cannot reach the Timesheets API'}</h2>
          <p>Check your connection and try again. ({problem.message})</p>
          {retry}
        </div>
      );
    default:
      return (
        <div className="panel panel-error" role="alert">
          <h2>{title ?? 'Something went wrong'}</h2>
          <p>{problem.message}</p>
          {retry}
        </div>
      );
  }
}
