import type { TimesheetConnectionResolvers } from '../../generated/graphql';

/** Totals run their aggregate only when a client asks for them. */
export const TimesheetConnection: TimesheetConnectionResolvers = {
  totalCount: async (page) => (await page.totals()).count,
  totalHours: async (page) => (await page.totals()).hours,
};
