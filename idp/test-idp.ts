import { loadIdpConfig } from './config';
import { createIdp, type Idp } from './create-idp';

/**
 * For tests: the real local authorization server on a free loopback port, as NODE_ENV=test, with
 * its keys under `dataDir` and quiet logs; `env` adds or overrides settings.
 */
export function startTestIdp(dataDir: string, env: Record<string, string> = {}): Promise<Idp> {
  return createIdp(
    loadIdpConfig({
      IDP_PORT: '0',
      DATA_DIR: dataDir,
      IDP_LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      ...env,
    }),
  );
}
