import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** The file name of the session inside the config directory. */
export const CREDENTIALS_FILE = 'credentials.json';

const credentialsSchema = z.object({
  issuer: z.string(),
  clientId: z.string(),
  audience: z.string(),
  refreshToken: z.string().min(1),
  /** The last access token and when it expires (ms since the epoch), to spare a refresh per run. */
  accessToken: z.string().optional(),
  accessTokenExpiresAt: z.number().optional(),
  /** Who signed in, from the ID token. */
  user: z.object({ sub: z.string(), name: z.string().optional(), email: z.string().optional() }),
});

/** A stored session: a refresh token (rotated on every use) and a cached access token. */
export type Credentials = z.infer<typeof credentialsSchema>;

/** Where one person's session lives; the file is theirs alone (0600 in a 0700 directory). */
export interface CredentialsStore {
  readonly path: string;
  /** The stored session, or null when there is none (or it is unreadable). */
  read(): Promise<Credentials | null>;
  /** Replaces the session in one step (a reader never sees half a file). */
  write(credentials: Credentials): Promise<void>;
  /** Removes the session; true when there was one. */
  remove(): Promise<boolean>;
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

/** The credentials file in `dir` (created with mode 0700 when missing). */
export function createCredentialsStore(dir: string): CredentialsStore {
  const path = join(dir, CREDENTIALS_FILE);
  return {
    path,
    read: async () => {
      const parsed = credentialsSchema.safeParse(await readJson(path));
      return parsed.success ? parsed.data : null;
    },
    write: async (credentials) => {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await chmod(dir, 0o700);
      const temp = `${path}.${process.pid}.tmp`;
      // `mode` applies only to a new file: never reuse a leftover one, whatever its mode.
      await rm(temp, { force: true });
      await writeFile(temp, `${JSON.stringify(credentials, null, 2)}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
      await rename(temp, path);
    },
    remove: async () => {
      const existed = (await readJson(path)) !== null;
      await rm(path, { force: true });
      return existed;
    },
  };
}
