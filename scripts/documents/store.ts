import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { committedVersions, HistoryUnavailableError, requireFullHistory } from './git-history';

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

/** What git remembers of the store and of the clients' manifests (every committed version). */
export interface History {
  /** Every committed version of each file of the store, `file` relative to the store. */
  stores: { commit: string; file: string; manifest: Manifest }[];
  /** Every document key each client's manifest held in some commit, by client. */
  manifests: ReadonlyMap<string, ReadonlySet<string>>;
}

const parseManifest = (text: string, where: string): Manifest => {
  try {
    return JSON.parse(text) as Manifest;
  } catch (error) {
    throw new Error(`${where} is not valid JSON (${(error as Error).message})`);
  }
};

/**
 * Reads the history from git: one `git log` per path and one batched read of every version.
 * Throws a HistoryUnavailableError outside a git checkout or in a shallow clone.
 */
export function readHistory(root: string): History {
  requireFullHistory(root);
  const manifestPaths = Object.values(CLIENT_MANIFESTS);
  const versions = committedVersions(root, [STORE_DIR, ...manifestPaths]);
  const stores: History['stores'] = [];
  const manifests = new Map<string, Set<string>>();
  for (const { commit, path, text } of versions) {
    const client = Object.keys(CLIENT_MANIFESTS).find((name) => CLIENT_MANIFESTS[name] === path);
    if (client === undefined && !path.endsWith('.json')) continue;
    const manifest = parseManifest(text, `${commit.slice(0, 12)}:${path}`);
    if (client === undefined) {
      stores.push({ commit, file: path.slice(STORE_DIR.length + 1), manifest });
      continue;
    }
    const keys = manifests.get(client) ?? new Set<string>();
    for (const key of Object.keys(manifest)) keys.add(key);
    manifests.set(client, keys);
  }
  return { stores, manifests };
}

/** The store as it is now: every entry of the store folder, and the manifest of each JSON file. */
function readStore(root: string): { entries: string[]; files: Map<string, Manifest> } {
  const dir = join(root, STORE_DIR);
  const entries = existsSync(dir) ? readdirSync(dir).sort() : [];
  const files = new Map(
    entries
      .filter((entry) => entry.endsWith('.json'))
      .map((entry) => [entry, readManifest(join(dir, entry))] as const),
  );
  return { entries, files };
}

/** Every entry of the store must be `<client>.json` of a known client: the API trusts them all. */
function unknownFiles(entries: string[]): string[] {
  const known = Object.keys(CLIENT_MANIFESTS).map((client) => `${client}.json`);
  return entries
    .filter((entry) => !known.includes(entry))
    .map(
      (entry) =>
        `${STORE_DIR}/${entry}: not the store file of a known client (${known.join(', ')}); ` +
        'the API would trust the documents in it',
    );
}

/** Every document of a client's current manifest must be shipped. */
function unshipped(root: string, files: Map<string, Manifest>): string[] {
  return Object.entries(CLIENT_MANIFESTS).flatMap(([client, path]) => {
    const shipped = files.get(`${client}.json`) ?? {};
    return Object.keys(readManifest(join(root, path)))
      .filter((key) => !(key in shipped))
      .map((key) => `${client}: ${key} is not in ${STORE_DIR}/${client}.json: run npm run codegen`);
  });
}

/** Every document of the store must come from its client's manifest, now or in some commit. */
function untraced(root: string, files: Map<string, Manifest>, history: History): string[] {
  return Object.entries(CLIENT_MANIFESTS).flatMap(([client, path]) => {
    const current = readManifest(join(root, path));
    const committed = history.manifests.get(client) ?? new Set<string>();
    return Object.keys(files.get(`${client}.json`) ?? {})
      .filter((key) => !(key in current) && !committed.has(key))
      .map(
        (key) =>
          `${STORE_DIR}/${client}.json: ${key} is in no version of ${client}'s manifest ` +
          `(${path}), now or in git history; the API would trust a document no client shipped`,
      );
  });
}

/** A document once committed to the store must stay, with the same text. */
function removed(files: Map<string, Manifest>, history: History): string[] {
  return history.stores.flatMap(({ commit, file, manifest }) => {
    const now = files.get(file) ?? {};
    return Object.entries(manifest)
      .filter(([key, text]) => now[key] !== text)
      .map(
        ([key]) =>
          `${STORE_DIR}/${file}: ${key}, shipped in ${commit.slice(0, 12)}, was ` +
          `${key in now ? 'changed' : 'removed'}; documents of released clients must stay`,
      );
  });
}

/**
 * What is wrong with the store, one sentence per problem (none: it is sound): a file that is not
 * a known client's, a document of a client's current manifest not shipped yet, a stored document
 * that no version of its client's manifest held, or a document once shipped that is gone or
 * changed. The last two need the full git history; without it that is the problem.
 */
export function checkStore(root: string): string[] {
  const { entries, files } = readStore(root);
  const problems = [...unknownFiles(entries), ...unshipped(root, files)];
  let history: History;
  try {
    history = readHistory(root);
  } catch (error) {
    if (!(error instanceof HistoryUnavailableError)) throw error;
    return [...problems, error.message];
  }
  problems.push(...untraced(root, files, history), ...removed(files, history));
  return [...new Set(problems)];
}
