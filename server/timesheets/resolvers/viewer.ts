import { SCOPES } from '../../../core/scopes';
import type { Principal } from '../../auth/principal';
import type { Viewer } from '../timesheet';

/**
 * The caller as the timesheets service sees them: who, and whose entries they approve. A manages
 * claim means nothing without the approve scope.
 */
export function viewerOf(principal: Principal): Viewer {
  const canApprove = principal.scopes.has(SCOPES.approve);
  return { sub: principal.sub, canApprove, manages: canApprove ? principal.manages : null };
}
