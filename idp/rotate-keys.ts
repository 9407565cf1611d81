/**
 * Rotates the signing keys in `<DATA_DIR>/idp/keys.json`:
 *
 *   npx tsx idp/rotate-keys.ts status    list the keys
 *   npx tsx idp/rotate-keys.ts prepare   1. publish a next key in the JWKS (it does not sign yet)
 *   npx tsx idp/rotate-keys.ts promote   2. sign with the next key; the old one stays published
 *                                           until every token it signed has expired
 *
 * Then restart the server, or send it SIGHUP. Wait between the two steps for at least as long as
 * verifiers cache the JWKS.
 */
import { loadIdpConfig } from './config';
import { loadSigningKeys, prepareNextKey, promoteNextKey } from './keys';
import { ID_TOKEN_TTL } from './provider';
import { loadTenant } from './tenant';

async function main(): Promise<void> {
  const command = process.argv[2] ?? 'status';
  const config = loadIdpConfig(process.env);
  const ttl = config.accessTokenTtl ?? loadTenant(config.tenantFile).api.tokenLifetime;
  if (command === 'prepare') {
    const key = await prepareNextKey(config.keysDir);
    console.log(`Published the next key ${key.kid} (not signing yet).`);
  } else if (command === 'promote') {
    const key = await promoteNextKey(config.keysDir, Math.max(ttl, ID_TOKEN_TTL));
    console.log(`The key ${key.kid} signs from now on.`);
  } else if (command !== 'status') {
    console.error(
      'usage: npx tsx idp/rotate-keys.ts [status|prepare|promote]  (built: node dist/idp/rotate-keys.js …)',
    );
    process.exit(2);
  }
  for (const key of await loadSigningKeys(config.keysDir)) {
    const until = key.retireAfter ? ` (published until ${key.retireAfter})` : '';
    console.log(`${key.status.padEnd(8)} ${key.kid} created ${key.createdAt}${until}`);
  }
  if (command !== 'status')
    console.log('Restart the server or send it SIGHUP to use the new key set.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
