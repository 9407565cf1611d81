import { GraphQLScalarType } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';

/**
 * graphql-scalars' LocalDate, checking what clients send; dates read from the store are already
 * `YYYY-MM-DD` strings, so they go out as they are instead of being parsed again for every row.
 */
export const LocalDate = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  serialize: (value) => (typeof value === 'string' ? value : LocalDateResolver.serialize(value)),
});
