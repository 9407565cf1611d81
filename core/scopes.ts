/** The API scopes of the Timesheets API, as configured on the authorization server. */
export const SCOPES = {
  read: 'read:timesheets',
  create: 'create:timesheets',
  delete: 'delete:timesheets',
  approve: 'approve:timesheets',
  /**
   * Company-wide approval (payroll): with `approve:timesheets`, reach every person. Without it an
   * approver reaches only the teams of a well-formed `manages` claim, and no one otherwise.
   */
  approveAllTeams: 'approve:all-teams',
  batchUpload: 'batch:upload',
  /** Payroll: close the period through a date (nothing on or before it changes), and reopen it. */
  closePeriods: 'close:periods',
} as const;

export type Scope = (typeof SCOPES)[keyof typeof SCOPES];

/** Every API scope, in the order a person reads them. */
export const ALL_SCOPES: readonly Scope[] = Object.values(SCOPES);

/** What each scope lets its holder do, for consent screens and "missing permission" messages. */
export const SCOPE_DESCRIPTIONS: Readonly<Record<Scope, string>> = {
  'read:timesheets': 'Read your timesheet entries',
  'create:timesheets': 'Log time on your timesheet',
  'delete:timesheets': 'Delete your pending timesheet entries',
  'approve:timesheets': "Approve or reject other people's timesheet entries",
  'approve:all-teams': 'Approve timesheets of every team (payroll), not only the teams you manage',
  'batch:upload': 'Upload timesheet entries on behalf of people (automated process)',
  'close:periods': 'Close the payroll period so that nothing in it changes, and reopen it',
};

/**
 * Reads an OAuth 2.0 `scope` claim (RFC 8693 §4.2: a space-separated string) or an Auth0 RBAC
 * `permissions` array into a set of scope names.
 */
export function parseScopes(claim: unknown): Set<string> {
  if (typeof claim === 'string') {
    return new Set(claim.split(' ').filter((s) => s.length > 0));
  }
  if (Array.isArray(claim)) {
    return new Set(claim.filter((s): s is string => typeof s === 'string' && s.length > 0));
  }
  return new Set();
}
