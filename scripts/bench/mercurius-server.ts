import Fastify, { type FastifyInstance } from 'fastify';
import mercurius, { ErrorWithProps } from 'mercurius';
import type { Logger } from 'pino';
import { InvalidTokenError } from '../../server/auth/errors';
import { getBearerToken } from '../../server/auth/get-token';
import { createVerifier } from '../../server/auth/verifier';
import type { Config } from '../../server/config';
import type { Context } from '../../server/context';
import type { OpenDatabase } from '../../server/db/database';
import { createSchema } from '../../server/graphql/schema';
import { createLoaders } from '../../server/loaders';
import { createCalendarService } from '../../server/calendar/calendar.service';
import { createPeriodService } from '../../server/period/period.service';
import { createWeekService } from '../../server/weeks/week.service';
import { createPersonService } from '../../server/people/person.service';
import { createTimesheetService } from '../../server/timesheets/timesheet.service';

/**
 * The reference peer: Fastify + mercurius (graphql-jit after the first request of a document)
 * serving the project's own executable schema, i.e. schema.graphql, its resolvers and services
 * (the same SQL) and the same graphql-shield rules on the root fields. Its context is built as the
 * API builds its own: the same verifier (`createVerifier(config.auth)`, token cache included),
 * the people directory learning from the token, per-request loaders. What differs is the server:
 * Fastify and mercurius instead of node:http and Apollo Server.
 */
export async function createMercuriusServer(
  config: Readonly<Config>,
  database: OpenDatabase,
  logger: Logger,
): Promise<FastifyInstance> {
  const verify = createVerifier({ ...config.auth });
  const services = {
    timesheets: createTimesheetService(database.db),
    people: createPersonService(database.db),
    calendar: createCalendarService(database.db),
    weeks: createWeekService(database.db),
    period: createPeriodService(database.db),
  };
  const app = Fastify({ logger: false, bodyLimit: config.maxBodyBytes });
  await app.register(mercurius, {
    schema: createSchema(),
    jit: 1,
    graphiql: false,
    context: async (request): Promise<Context> => {
      const token = getBearerToken(request.headers.authorization);
      let principal: Context['principal'] = null;
      try {
        principal = token === null ? null : await verify(token);
      } catch (error) {
        if (!(error instanceof InvalidTokenError)) throw error;
        throw new ErrorWithProps('Invalid access token', { code: 'UNAUTHENTICATED' }, 401);
      }
      if (principal?.kind === 'USER') await services.people.learnFromToken(principal);
      return {
        principal,
        services,
        loaders: createLoaders(services),
        requestId: request.id,
        logger,
      };
    },
  });
  return app;
}
