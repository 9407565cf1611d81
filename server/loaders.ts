import DataLoader from 'dataloader';
import type { Services } from './context';
import type { Person } from './people/person';
import type { TimesheetEvent } from './timesheets/timesheet';

/**
 * Per-request batching: every owner, actor or history a response needs is read in one query per
 * kind, whatever the number of entries (DataLoader gathers the keys of one tick). Created per
 * request so that nothing is cached across callers.
 */
export interface Loaders {
  person: DataLoader<string, Person>;
  history: DataLoader<string, TimesheetEvent[]>;
}

/** The loaders of one request, each made on first use (most requests need none or one). */
export function createLoaders(services: Services): Loaders {
  let person: Loaders['person'] | undefined;
  let history: Loaders['history'] | undefined;
  return {
    get person() {
      return (person ??= new DataLoader((ids) => services.people.findByIds(ids)));
    },
    get history() {
      return (history ??= new DataLoader((ids) => services.timesheets.historiesOf(ids)));
    },
  };
}
