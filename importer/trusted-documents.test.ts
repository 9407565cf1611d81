import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { LOCAL_AUDIENCE, startLocalStack, type LocalStack } from '../test/local-stack';
import { BatchRefusedError, sendMutation } from './api-client';
import { fetchClientToken, type ClientCredentials } from './client-credentials';
import { runImport, runPeopleImport } from './run-import';

let stack: LocalStack;
let client: ClientCredentials;

beforeAll(async () => {
  stack = await startLocalStack({
    env: { GRAPHQL_DOCUMENTS: 'trusted' },
    now: () => new Date('2026-11-25T12:00:00Z'),
  });
  client = {
    issuer: stack.idp.issuer,
    audience: LOCAL_AUDIENCE,
    clientId: 'timesheets-importer',
    clientSecret: 'importer-dev-secret',
  };
});

afterAll(() => stack.close());

function writeCsv(name: string, lines: string[]): string {
  const path = join(stack.dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** A POST of a GraphQL body with the importer's own client-credentials token. */
async function post(body: unknown) {
  const response = await fetch(stack.api.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await fetchClientToken(client)}`,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('the importer against an API that runs only trusted documents', () => {
  it('imports entries and people by the hashes it shipped, and the rows are stored', async () => {
    const entries = writeCsv('trusted-entries.csv', [
      'externalId,userId,date,project,hours,notes',
      'td-1,auth0|emma,2026-11-16,Audit,7.5,',
      'td-2,auth0|carlos,2026-11-17,Support,4,"on site, all day"',
    ]);
    const summary = await runImport({ file: entries, apiUrl: stack.api.url, client });
    expect(summary).toEqual({ created: 2, unchanged: 0, rejected: [] });
    const rows = await stack.database.db
      .selectFrom('timesheet_entries')
      .select(['external_id', 'user_id', 'hundredths', 'source', 'notes'])
      .where('external_id', 'in', ['td-1', 'td-2'])
      .orderBy('external_id')
      .execute();
    expect(rows).toEqual([
      {
        external_id: 'td-1',
        user_id: 'auth0|emma',
        hundredths: 750,
        source: 'timesheets-importer',
        notes: null,
      },
      {
        external_id: 'td-2',
        user_id: 'auth0|carlos',
        hundredths: 400,
        source: 'timesheets-importer',
        notes: 'on site, all day',
      },
    ]);

    const people = writeCsv('trusted-people.csv', [
      'id,name,email,team',
      'auth0|td-ana,Ana Analyst,ana@abc.example,operations',
    ]);
    const stored = await runPeopleImport({ file: people, apiUrl: stack.api.url, client });
    expect(stored).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    const person = await stack.database.db
      .selectFrom('people')
      .select(['id', 'name', 'email', 'team'])
      .where('id', '=', 'auth0|td-ana')
      .executeTakeFirst();
    expect(person).toEqual({
      id: 'auth0|td-ana',
      name: 'Ana Analyst',
      email: 'ana@abc.example',
      team: 'operations',
    });
  });

  it('is refused query text in that mode: the importer could not send its mutations as text', async () => {
    const refused = await post({
      query:
        'mutation UpsertPeople($people: [PersonInput!]!) { upsertPeople(people: $people) { created } }',
      variables: { people: [{ id: 'auth0|td-text' }] },
    });
    expect(refused).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message:
              'This API runs only trusted documents: send extensions.persistedQuery.sha256Hash ' +
              'of a document your client shipped, not query text',
            extensions: { code: 'TRUSTED_DOCUMENT_REQUIRED' },
          },
        ],
      },
    });
    const person = await stack.database.db
      .selectFrom('people')
      .select('id')
      .where('id', '=', 'auth0|td-text')
      .executeTakeFirst();
    expect(person).toBeUndefined();
  });

  it('stops with the API’s UNKNOWN_DOCUMENT when a document was never shipped', async () => {
    const unshipped = {
      ...parse('mutation NeverShipped { uploadTimesheets(entries: []) { created } }'),
      __meta__: { hash: `sha256:${'0'.repeat(64)}` },
    } as unknown as TypedDocumentNode<{ uploadTimesheets: { created: number } }, object>;
    const getToken = () => fetchClientToken(client);
    const attempt = sendMutation(
      { apiUrl: stack.api.url, getToken },
      unshipped,
      {},
      'uploadTimesheets',
    );
    const error = (await attempt.catch((e: unknown) => e)) as BatchRefusedError;
    expect(error).toBeInstanceOf(BatchRefusedError);
    expect(error.errors[0]?.extensions?.code).toBe('UNKNOWN_DOCUMENT');
    expect(error.message).toBe(
      `the API refused the batch: Unknown document ${'0'.repeat(64)}: ` +
        'this API runs only the documents its clients shipped',
    );
  });
});
