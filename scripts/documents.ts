/**
 * `npm run documents:ship` adds the clients' persisted-documents manifests (from `npm run codegen`)
 * to the append-only store in trusted-documents/, which the API runs in GRAPHQL_DOCUMENTS=trusted
 * mode. `npm run documents:check` (CI) fails when a client document is not shipped, or when a
 * document once shipped was removed or changed.
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
  console.log('trusted documents: every client document is shipped, and none was removed');
} else {
  console.error('usage: tsx scripts/documents.ts ship|check');
  process.exit(2);
}
