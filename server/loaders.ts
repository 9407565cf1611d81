import DataLoader from 'dataloader';
import type { Services } from './context';
import type { Person } from './people/person';
import type { Timesheet, TimesheetEvent } from './timesheets/timesheet';
import type { Absence, WeekEvent } from './weeks/week';

/**
 * Per-request batching: every owner, actor or history a response needs is read in one query per
 * kind, whatever the number of entries (DataLoader gathers the keys of one tick). Created per
 * request so that nothing is cached across callers.
 */
export interface Loaders {
  person: DataLoader<string, Person>;
  history: DataLoader<string, TimesheetEvent[]>;
  /** By person-week (weekLoaderKey): its entries, absences and history. */
  weekEntries: DataLoader<string, Timesheet[]>;
  weekAbsences: DataLoader<string, Absence[]>;
  weekHistory: DataLoader<string, WeekEvent[]>;
  weekVersion: DataLoader<string, number>;
}

/** The loaders of one request, each made on first use (most requests need none or one). */
export function createLoaders(services: Services): Loaders {
  let person: Loaders['person'] | undefined;
  let history: Loaders['history'] | undefined;
  let weekEntries: Loaders['weekEntries'] | undefined;
  let weekAbsences: Loaders['weekAbsences'] | undefined;
  let weekHistory: Loaders['weekHistory'] | undefined;
  let weekVersion: Loaders['weekVersion'] | undefined;
  return {
    get person() {
      return (person ??= new DataLoader((ids) => services.people.findByIds(ids)));
    },
    get history() {
      return (history ??= new DataLoader((ids) => services.timesheets.historiesOf(ids)));
    },
    get weekEntries() {
      return (weekEntries ??= new DataLoader((keys) => services.weeks.entriesOf(keys)));
    },
    get weekAbsences() {
      return (weekAbsences ??= new DataLoader((keys) => services.weeks.absencesOf(keys)));
    },
    get weekVersion() {
      return (weekVersion ??= new DataLoader((keys) => services.weeks.versionsOf(keys)));
    },
    get weekHistory() {
      return (weekHistory ??= new DataLoader((keys) => services.weeks.historiesOf(keys)));
    },
  };
}
