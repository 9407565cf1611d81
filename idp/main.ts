import { IdpConfigError, loadIdpConfig } from './config';
import { banner } from './banner';
import { createIdp } from './create-idp';
import { ID_TOKEN_TTL } from './provider';
import { promoteNextKey } from './keys';
import { loadTenant, TenantFileError } from './tenant';

/** `npm run start:idp [-- --rotate-keys]`: starts the local authorization server. */
async function main(): Promise<void> {
  const config = loadIdpConfig(process.env);
  if (process.argv.includes('--rotate-keys')) {
    const ttl = config.accessTokenTtl ?? loadTenant(config.tenantFile).api.tokenLifetime;
    const key = await promoteNextKey(config.keysDir, Math.max(ttl, ID_TOKEN_TTL));
    console.log(
      `Signing with the new key ${key.kid}; the previous key stays published until its tokens expire.`,
    );
  }
  const idp = await createIdp(config);
  console.log(banner(idp, config));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the authorization server`);
    const timer = setTimeout(() => process.exit(1), 5000);
    timer.unref();
    idp.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // `tsx idp/rotate-keys.ts …` then `kill -HUP <pid>` picks up new keys without a restart.
  process.on('SIGHUP', () => {
    idp
      .reloadKeys()
      .catch((error: unknown) => console.error('Could not reload the signing keys:', error));
  });
}

main().catch((error: unknown) => {
  if (error instanceof IdpConfigError || error instanceof TenantFileError) {
    console.error(error.message);
  } else {
    console.error('The authorization server failed to start:', error);
  }
  process.exit(1);
});
