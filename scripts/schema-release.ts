/**
 * npm run schema:release
 *
 * Records schema.graphql as the released schema (schema/released.graphql), which later changes
 * are checked against; refuses when `npm run schema:check` fails.
 */
import { resolve } from 'node:path';
import { defaultPaths, releaseSchema } from './schema/check';

void releaseSchema(defaultPaths(resolve(__dirname, '..'))).then(({ ok, lines }) => {
  for (const line of lines) (ok ? console.log : console.error)(line);
  if (!ok) process.exitCode = 1;
});
