import type { Logger } from 'pino';
import type { Principal } from './auth/principal';
import type { TimesheetService } from './timesheets/timesheet.service';

/** What every resolver receives: the verified caller (or null), the services, the request's id. */
export interface Context {
  principal: Principal | null;
  services: { timesheets: TimesheetService };
  requestId: string;
  logger: Logger;
}
