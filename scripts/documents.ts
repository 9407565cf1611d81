/**
 * `npm run documents:ship` adds the clients' persisted-documents manifests (from `npm run codegen`)
 * to the append-only store in trusted-documents/, which the API runs in GRAPHQL_DOCUMENTS=trusted
 * mode. `npm run documents:check` (CI) fails when a file of the store is not a known client's, when
 * a client document is not shipped, when a stored document is in no version of its client's
 * manifest (now or in git history), or when a document once shipped was removed or changed. It
 * reads the full git history, so it fails in a shallow clone.
 */
import { resolve } from 'node:path';
import { checkStore, shipManifests } from './documents/store';

const root = resolve(__dirname, '..');
const command = process.argv[2];
if (command === 'ship') {
  const added = shipManifests(root);
  for (const [client, count] of Object.entries(added)) {
    console.log(`trusted documents: ${client} +${count}`);
  }
} else if (command === 'check') {
  const problems = checkStore(root);
  for (const problem of problems) console.error(`trusted documents: ${problem}`);
  if (problems.length > 0) process.exit(1);
  console.log(
    'trusted documents: every client document is shipped, every stored one came from its ' +
      'client, and none was removed',
  );
} else {
  console.error('usage: tsx scripts/documents.ts ship|check');
  process.exit(2);
}
