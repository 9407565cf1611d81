import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A manifest: `{ "sha256:<hex>": "<document text>" }`. */
export type Manifest = Record<string, string>;

/** Each client's manifest, written by `npm run codegen`, by client name. */
export const CLIENT_MANIFESTS: Readonly<Record<string, string>> = {
  web: 'web/gql/persisted-documents.json',
  cli: 'cli/gql/persisted-documents.json',
  importer: 'importer/gql/persisted-documents.json',
};
export const STORE_DIR = 'trusted-documents';

const readManifest = (path: string): Manifest =>
  existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : {};

const sortedJson = (manifest: Manifest) =>
  `${JSON.stringify(Object.fromEntries(Object.entries(manifest).sort()), null, 2)}\n`;

/**
 * Adds every document of the clients' current manifests to the store, one file per client.
 * Nothing is ever removed: app versions already installed keep sending old documents. Answers how
 * many documents each client added.
 */
export function shipManifests(root: string): Record<string, number> {
  const added: Record<string, number> = {};
  for (const [client, path] of Object.entries(CLIENT_MANIFESTS)) {
    const storePath = join(root, STORE_DIR, `${client}.json`);
    const store = readManifest(storePath);
    const current = readManifest(join(root, path));
    const fresh = Object.keys(current).filter((key) => !(key in store));
    if (fresh.length === 0 && existsSync(storePath)) {
      added[client] = 0;
      continue;
    }
    writeFileSync(storePath, sortedJson({ ...store, ...current }));
    added[client] = fresh.length;
  }
  return added;
}

/** Every version of the store's files ever committed, read from git (none outside a checkout). */
export function committedStores(
  root: string,
): { commit: string; file: string; manifest: Manifest }[] {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  let commits: string[];
  try {
    commits = git('log', '--format=%H', '--', STORE_DIR).split('\n').filter(Boolean);
  } catch {
    return [];
  }
  return commits.flatMap((commit) =>
    git('ls-tree', '--name-only', `${commit}:${STORE_DIR}`)
      .split('\n')
      .filter((file) => file.endsWith('.json'))
      .map((file) => ({
        commit,
        file,
        manifest: JSON.parse(git('show', `${commit}:${STORE_DIR}/${file}`)) as Manifest,
      })),
  );
}

/**
 * What is wrong with the store, one sentence per problem (none: it is sound): a document of a
 * client's current manifest not shipped yet, or a document once shipped that is gone or changed.
 */
export function checkStore(
  root: string,
  history: { commit: string; file: string; manifest: Manifest }[] = committedStores(root),
): string[] {
  const problems: string[] = [];
  const storeDir = join(root, STORE_DIR);
  const store = new Map<string, Manifest>(
    (existsSync(storeDir) ? readdirSync(storeDir) : [])
      .filter((file) => file.endsWith('.json'))
      .map((file) => [file, readManifest(join(storeDir, file))]),
  );
  for (const [client, path] of Object.entries(CLIENT_MANIFESTS)) {
    const shipped = store.get(`${client}.json`) ?? {};
    for (const key of Object.keys(readManifest(join(root, path)))) {
      if (!(key in shipped)) {
        problems.push(
          `${client}: ${key} is not in ${STORE_DIR}/${client}.json: run npm run codegen`,
        );
      }
    }
  }
  for (const { commit, file, manifest } of history) {
    const now = store.get(file) ?? {};
    for (const [key, text] of Object.entries(manifest)) {
      if (now[key] !== text) {
        const what = key in now ? 'changed' : 'removed';
        problems.push(
          `${STORE_DIR}/${file}: ${key}, shipped in ${commit.slice(0, 12)}, was ${what}; ` +
            'documents of released clients must stay',
        );
      }
    }
  }
  return [...new Set(problems)];
}
