import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';

/** One committed version of a file: the commit that wrote it, its path and its text. */
export interface FileVersion {
  commit: string;
  path: string;
  text: string;
}

/** The history cannot be read completely, so nothing that depends on it can be trusted. */
export class HistoryUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HistoryUnavailableError';
  }
}

const NEEDS_HISTORY =
  "documents:check needs the full git history of the store and of the clients' manifests";

function git(root: string, args: string[], input?: string): Buffer {
  return execFileSync('git', args, {
    cwd: root,
    input,
    maxBuffer: 1 << 30,
    stdio: ['pipe', 'pipe', 'ignore'],
  });
}

/**
 * Fails unless `root` is the top of a git checkout with its whole history: a shallow clone lacks
 * the versions that were shipped before its first commit, so a removal would go unnoticed.
 */
export function requireFullHistory(root: string): void {
  let answer: string[];
  try {
    answer = git(root, ['rev-parse', '--show-toplevel', '--is-shallow-repository'])
      .toString('utf8')
      .split('\n');
  } catch {
    throw new HistoryUnavailableError(`${root} is not a git checkout: ${NEEDS_HISTORY}`);
  }
  if (realpathSync(answer[0] ?? '') !== realpathSync(root)) {
    throw new HistoryUnavailableError(`${root} is not the top of a git checkout: ${NEEDS_HISTORY}`);
  }
  if (answer[1] === 'true') {
    throw new HistoryUnavailableError(
      `this clone is shallow: ${NEEDS_HISTORY}; run git fetch --unshallow`,
    );
  }
}

/**
 * Every commit that changed something under `path` (a file or a folder), with the files it changed
 * there: one `git log` for the whole path.
 */
function changesUnder(root: string, path: string): { commit: string; path: string }[] {
  const log = git(root, ['log', '--format=%H', '--name-only', '--no-renames', '--', path]);
  const changes: { commit: string; path: string }[] = [];
  let commit = '';
  for (const line of log.toString('utf8').split('\n')) {
    if (/^[0-9a-f]{40,64}$/.test(line)) commit = line;
    else if (line !== '') changes.push({ commit, path: line });
  }
  return changes;
}

/**
 * Reads many `<commit>:<path>` objects in one `git cat-file --batch` (the batched `git show`).
 * A path deleted by its commit is missing there and left out.
 */
function readObjects(root: string, wanted: { commit: string; path: string }[]): FileVersion[] {
  if (wanted.length === 0) return [];
  const input = wanted.map(({ commit, path }) => `${commit}:${path}\n`).join('');
  const output = git(root, ['cat-file', '--batch'], input);
  const versions: FileVersion[] = [];
  let at = 0;
  for (const { commit, path } of wanted) {
    const end = output.indexOf(0x0a, at);
    const header = output.toString('utf8', at, end);
    at = end + 1;
    if (header.endsWith(' missing')) continue;
    const size = Number(header.split(' ')[2]);
    versions.push({ commit, path, text: output.toString('utf8', at, at + size) });
    at += size + 1;
  }
  return versions;
}

/**
 * Every committed version of every file under each of `paths` (paths relative to the top of the
 * checkout, which `root` must be: see requireFullHistory), newest first per path. Each commit that
 * changed a file yields the version it wrote, so together they are every version the file had.
 */
export function committedVersions(root: string, paths: readonly string[]): FileVersion[] {
  return readObjects(
    root,
    paths.flatMap((path) => changesUnder(root, path)),
  );
}
