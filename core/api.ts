/** Facts about the Timesheets API that its clients need too. */

/** The API identifier (OAuth 2.0 audience) of the local tenant, and every client's default. */
export const DEFAULT_API_AUDIENCE = 'https://timesheets.abc-inc.example/api';

/** The largest page of entries the API answers (`first` of `timesheets`, `approvals`). */
export const MAX_PAGE_SIZE = 200;

/** The largest page of person-weeks (`first` of `approvalWeeks`). */
export const MAX_WEEKS_PER_PAGE = 50;
