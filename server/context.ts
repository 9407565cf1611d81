import type { Logger } from 'pino';
import type { Principal } from './auth/principal';
import type { CalendarService } from './calendar/calendar.service';
import type { Loaders } from './loaders';
import type { PersonService } from './people/person.service';
import type { PeriodService } from './period/period.service';
import type { TimesheetService } from './timesheets/timesheet.service';
import type { WeekService } from './weeks/week.service';

/** The services of the API, created once per process. */
export interface Services {
  timesheets: TimesheetService;
  people: PersonService;
  calendar: CalendarService;
  weeks: WeekService;
  period: PeriodService;
}

/**
 * What every resolver receives: the verified caller (or null), the services, the request's
 * batching loaders, the request's id and logger.
 */
export interface Context {
  principal: Principal | null;
  services: Services;
  loaders: Loaders;
  requestId: string;
  logger: Logger;
}
