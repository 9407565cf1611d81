/**
 * npm run schema:check
 *
 * Compares schema.graphql with the last released schema (schema/released.graphql) and fails on a
 * breaking change that a document in trusted-documents/ may still send. See scripts/schema/check.ts.
 */
import { resolve } from 'node:path';
import { checkSchema, defaultPaths } from './schema/check';

void checkSchema(defaultPaths(resolve(__dirname, '..'))).then(({ ok, lines }) => {
  for (const line of lines) (ok ? console.log : console.error)(line);
  if (!ok) process.exitCode = 1;
});
