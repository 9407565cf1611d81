import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkStore, shipManifests, type Manifest } from './store';

const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;
const NEEDS_HISTORY =
  "documents:check needs the full git history of the store and of the clients' manifests";

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

describe('the trusted-documents store', () => {
  let temp: string;
  let root: string;
  const write = (path: string, content: Manifest | string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(
      join(root, path),
      typeof content === 'string' ? content : JSON.stringify(content),
    );
  };
  const store = (client: string) =>
    JSON.parse(readFileSync(join(root, 'trusted-documents', `${client}.json`), 'utf8')) as Manifest;
  /** Commits everything of the temporary repository; answers the commit's short hash. */
  const commit = (message: string) => {
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', message);
    return git(root, 'rev-parse', 'HEAD').slice(0, 12);
  };
  /** A web manifest, shipped with npm run codegen's own code, and committed. */
  const shipWeb = (manifest: Manifest, message: string) => {
    write('web/gql/persisted-documents.json', manifest);
    shipManifests(root);
    return commit(message);
  };

  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'documents-'));
    root = join(temp, 'repo');
    mkdirSync(join(root, 'trusted-documents'), { recursive: true });
    git(root, 'init', '-q');
    git(root, 'config', 'user.email', 'test@abc.example');
    git(root, 'config', 'user.name', 'Test');
    git(root, 'config', 'commit.gpgsign', 'false');
  });
  afterEach(() => rmSync(temp, { recursive: true, force: true }));

  it('ships new documents of each client and never drops old ones', () => {
    write('web/gql/persisted-documents.json', { [A]: 'query A { a }' });
    expect(shipManifests(root)).toEqual({ web: 1, cli: 0, importer: 0 });
    commit('web ships A');
    write('web/gql/persisted-documents.json', { [B]: 'query B { b }' });
    expect(shipManifests(root)).toEqual({ web: 1, cli: 0, importer: 0 });
    commit('web ships B');
    expect(store('web')).toEqual({ [A]: 'query A { a }', [B]: 'query B { b }' });
    expect(checkStore(root)).toEqual([]);
  });

  it('passes a sound store: each document came from its client’s manifest, now or in an earlier commit', () => {
    shipWeb({ [A]: 'query A { a }' }, 'web ships A');
    shipWeb({ [B]: 'query B { b }' }, 'web drops A from its manifest and ships B');
    write('web/gql/persisted-documents.json', {});
    expect(checkStore(root)).toEqual([]);
  });

  it('fails when a client document was not shipped', () => {
    write('trusted-documents/web.json', {});
    write('web/gql/persisted-documents.json', { [A]: 'query A { a }' });
    commit('web manifest without shipping');
    expect(checkStore(root)).toEqual([
      `web: ${A} is not in trusted-documents/web.json: run npm run codegen`,
    ]);
  });

  it('fails naming each file of the store that is not a known client’s', () => {
    shipWeb({ [A]: 'query A { a }' }, 'web ships A');
    write('trusted-documents/extra.json', { [B]: 'query B { b }' });
    write('trusted-documents/notes.txt', 'kept by hand');
    expect(checkStore(root)).toEqual([
      'trusted-documents/extra.json: not the store file of a known client (web.json, cli.json, ' +
        'importer.json); the API would trust the documents in it',
      'trusted-documents/notes.txt: not the store file of a known client (web.json, cli.json, ' +
        'importer.json); the API would trust the documents in it',
    ]);
  });

  it('fails naming client, hash and file of a stored document that no version of the manifest held', () => {
    shipWeb({ [A]: 'query A { a }' }, 'web ships A');
    write('trusted-documents/web.json', { [A]: 'query A { a }', [B]: 'query B { b }' });
    commit('B added to the store by hand');
    expect(checkStore(root)).toEqual([
      `trusted-documents/web.json: ${B} is in no version of web's manifest ` +
        '(web/gql/persisted-documents.json), now or in git history; the API would trust a ' +
        'document no client shipped',
    ]);
  });

  it('fails when a document once shipped was removed or changed', () => {
    const shipped = shipWeb({ [A]: 'query A { a }', [B]: 'query B { b }' }, 'web ships A and B');
    write('web/gql/persisted-documents.json', { [B]: 'query B { b }' });
    write('trusted-documents/web.json', { [B]: 'query B { b2 }' });
    expect(checkStore(root)).toEqual([
      `trusted-documents/web.json: ${A}, shipped in ${shipped}, was removed; documents of released clients must stay`,
      `trusted-documents/web.json: ${B}, shipped in ${shipped}, was changed; documents of released clients must stay`,
    ]);
  });

  it('fails in a shallow clone, which would pass a removal made before its first commit', () => {
    const shipped = shipWeb({ [A]: 'query A { a }' }, 'web ships A');
    write('trusted-documents/web.json', {});
    write('web/gql/persisted-documents.json', {});
    commit('A removed from the store');
    const removal = `trusted-documents/web.json: ${A}, shipped in ${shipped}, was removed; documents of released clients must stay`;
    expect(checkStore(root)).toEqual([removal]);

    const shallow = join(temp, 'shallow');
    git(temp, 'clone', '-q', '--depth', '1', `file://${root}`, shallow);
    expect(checkStore(shallow)).toEqual([
      `this clone is shallow: ${NEEDS_HISTORY}; run git fetch --unshallow`,
    ]);
  });

  it('fails outside a git checkout, saying the full history is needed', () => {
    const plain = join(temp, 'plain');
    mkdirSync(join(plain, 'trusted-documents'), { recursive: true });
    expect(checkStore(plain)).toEqual([`${plain} is not a git checkout: ${NEEDS_HISTORY}`]);
  });

  it('reads the history from git: the repository’s own store is sound', () => {
    expect(checkStore(join(__dirname, '..', '..'))).toEqual([]);
  });
});
