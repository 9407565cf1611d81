import { SCOPES } from '../../../core/scopes';
import type { Principal } from '../../auth/principal';
import type { Viewer } from '../timesheet';

/** The caller as the timesheets service sees them: who, and whose entries they approve. */
export function viewerOf(principal: Principal): Viewer {
  return {
    sub: principal.sub,
    canApprove: principal.scopes.has(SCOPES.approve),
    manages: principal.manages,
  };
}
