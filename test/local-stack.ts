import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_API_AUDIENCE } from '../core/api';
import { startTestIdp } from '../idp/test-idp';
import type { Idp } from '../idp/create-idp';
import { startTestApi, type TestApi, type TestApiOptions } from './api';
import { openTestDatabase, type TestDatabase } from './databases';

/** The API identifier of the local tenant (idp/tenant.json). */
export const LOCAL_AUDIENCE = DEFAULT_API_AUDIENCE;

export interface LocalStack {
  idp: Idp;
  api: TestApi;
  database: TestDatabase;
  /** A temp folder of the test's own (the IdP keeps its keys under it); removed by close. */
  dir: string;
  close: () => Promise<void>;
}

/**
 * The real local authorization server on a free loopback port, and the real API trusting it on
 * a fresh SQLite file: what `npm start` runs, minus the web app, for integration tests.
 */
export async function startLocalStack(options: TestApiOptions = {}): Promise<LocalStack> {
  const dir = mkdtempSync(join(tmpdir(), 'timesheets-stack-'));
  const idp = await startTestIdp(dir);
  const database = await openTestDatabase('sqlite');
  const jwksUri = `${idp.issuer}.well-known/jwks.json`;
  const api = await startTestApi(
    { issuer: idp.issuer, audience: LOCAL_AUDIENCE, jwksUri },
    database,
    options,
  );
  return {
    idp,
    api,
    database,
    dir,
    close: async () => {
      await api.close();
      await database.close();
      await idp.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
