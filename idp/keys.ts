import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { z } from 'zod';

/**
 * Signing keys (RS256) kept in `<DATA_DIR>/idp/keys.json`, so tokens stay valid across restarts.
 *
 * Rotation has three stages, so that verifiers caching the JWKS never meet an unknown `kid`:
 * 1. `prepare`: a `next` key is published in the JWKS but does not sign yet;
 * 2. `promote`: the `next` key signs; the old one becomes `previous` and stays published;
 * 3. a `previous` key is dropped once every token it signed has expired (`retireAfter`).
 */
export type KeyStatus = 'current' | 'next' | 'previous';

export interface StoredKey {
  kid: string;
  status: KeyStatus;
  createdAt: string;
  /** When a `previous` key may leave the JWKS. */
  retireAfter?: string;
  /** Private RSA JWK. */
  jwk: JWK;
}

const storedKeySchema = z.object({
  kid: z.string().min(1),
  status: z.enum(['current', 'next', 'previous']),
  createdAt: z.string(),
  retireAfter: z.string().optional(),
  jwk: z.looseObject({ kty: z.literal('RSA'), n: z.string(), e: z.string(), d: z.string() }),
});
const keyFileSchema = z.object({ keys: z.array(storedKeySchema) });

const KEY_FILE_NAME = 'keys.json';

async function generateKey(status: KeyStatus, now: Date): Promise<StoredKey> {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  const kid = await calculateJwkThumbprint(jwk);
  return {
    kid,
    status,
    createdAt: now.toISOString(),
    jwk: { ...jwk, kid, alg: 'RS256', use: 'sig' },
  };
}

function keyFile(keysDir: string): string {
  return path.join(keysDir, KEY_FILE_NAME);
}

function writeKeys(keysDir: string, keys: StoredKey[], exclusive = false): void {
  fs.mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const text = `${JSON.stringify({ keys }, null, 2)}\n`;
  if (exclusive) {
    // First start: never overwrite keys another process has just written.
    fs.writeFileSync(keyFile(keysDir), text, { mode: 0o600, flag: 'wx' });
    return;
  }
  const temp = `${keyFile(keysDir)}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text, { mode: 0o600 });
  fs.renameSync(temp, keyFile(keysDir));
}

function readKeys(keysDir: string): StoredKey[] | undefined {
  let text: string;
  try {
    text = fs.readFileSync(keyFile(keysDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (cause) {
    throw new Error(`The signing key file ${keyFile(keysDir)} is not valid JSON`, { cause });
  }
  const parsed = keyFileSchema.safeParse(document);
  if (!parsed.success) {
    throw new Error(`The signing key file ${keyFile(keysDir)} is invalid: ${parsed.error.message}`);
  }
  const keys = parsed.data.keys as StoredKey[];
  if (keys.filter((k) => k.status === 'current').length !== 1) {
    throw new Error(`The signing key file ${keyFile(keysDir)} must hold exactly one current key`);
  }
  return keys;
}

/** Order matters to oidc-provider: the first RS256 key signs, every key is published. */
function ordered(keys: StoredKey[]): StoredKey[] {
  const rank: Record<KeyStatus, number> = { current: 0, next: 1, previous: 2 };
  return [...keys].sort((a, b) => rank[a.status] - rank[b.status]);
}

/**
 * Loads the keys, creating the first one on first start and dropping `previous` keys whose
 * tokens have all expired.
 */
export async function loadSigningKeys(keysDir: string, now = new Date()): Promise<StoredKey[]> {
  let keys = readKeys(keysDir);
  if (!keys) {
    const first = [await generateKey('current', now)];
    try {
      writeKeys(keysDir, first, true);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    keys = readKeys(keysDir) ?? first;
  }
  const kept = keys.filter(
    (k) => k.status !== 'previous' || !k.retireAfter || new Date(k.retireAfter) > now,
  );
  if (kept.length !== keys.length) writeKeys(keysDir, kept);
  return ordered(kept);
}

/** Stage 1: publishes a new `next` key (no-op when one is already waiting). */
export async function prepareNextKey(keysDir: string, now = new Date()): Promise<StoredKey> {
  const keys = await loadSigningKeys(keysDir, now);
  const waiting = keys.find((k) => k.status === 'next');
  if (waiting) return waiting;
  const next = await generateKey('next', now);
  writeKeys(keysDir, ordered([...keys, next]));
  return next;
}

/**
 * Stage 2: the `next` key starts signing (prepared first if missing); the old current key stays
 * published as `previous` for `keepPreviousSeconds` (the longest token lifetime).
 */
export async function promoteNextKey(
  keysDir: string,
  keepPreviousSeconds: number,
  now = new Date(),
): Promise<StoredKey> {
  const next = await prepareNextKey(keysDir, now);
  const keys = await loadSigningKeys(keysDir, now);
  const retireAfter = new Date(now.getTime() + keepPreviousSeconds * 1000).toISOString();
  const promoted = keys.map((k): StoredKey => {
    if (k.kid === next.kid) return { ...k, status: 'current' };
    if (k.status === 'current') return { ...k, status: 'previous', retireAfter };
    return k;
  });
  writeKeys(keysDir, ordered(promoted));
  return { ...next, status: 'current' };
}

/** The private JWKS handed to oidc-provider (current key first). */
export function toProviderJwks(keys: StoredKey[]): { keys: JWK[] } {
  return { keys: ordered(keys).map((k) => ({ ...k.jwk, kid: k.kid, alg: 'RS256', use: 'sig' })) };
}

/** The public JWKS, for verifying tokens locally (e.g. at /userinfo). */
export function toPublicJwks(keys: StoredKey[]): { keys: JWK[] } {
  return {
    keys: ordered(keys).map(({ jwk, kid }) => ({
      kty: 'RSA',
      n: jwk.n,
      e: jwk.e,
      kid,
      alg: 'RS256',
      use: 'sig',
    })),
  };
}
