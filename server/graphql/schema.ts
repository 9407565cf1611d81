import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { Resolvers } from '../generated/graphql';
import { applyPermissions } from '../permissions';
import { LocalDate } from './scalars';
import { Mutation } from '../timesheets/resolvers/mutation';
import { Query } from '../timesheets/resolvers/query';
import { TimesheetConnection } from '../timesheets/resolvers/timesheet-connection';
import { ApprovalWeek, Timesheet, TimesheetEvent } from '../timesheets/resolvers/timesheet';
import { Period, PeriodEvent, TimesheetWeek, WeekEvent } from '../weeks/resolvers/week';

/** The API contract, at the root of the repository. */
export const SCHEMA_PATH = join(__dirname, '..', '..', 'schema.graphql');

const resolvers: Resolvers = {
  LocalDate,
  DateTime: DateTimeResolver,
  Query,
  Mutation,
  TimesheetConnection,
  Timesheet,
  TimesheetEvent,
  ApprovalWeek,
  TimesheetWeek,
  WeekEvent,
  Period,
  PeriodEvent,
};

/** The executable schema: schema.graphql, its resolvers, and the permission rules on its root. */
export function createSchema(): GraphQLSchema {
  const typeDefs = readFileSync(SCHEMA_PATH, 'utf8');
  return applyPermissions(makeExecutableSchema({ typeDefs, resolvers }));
}
