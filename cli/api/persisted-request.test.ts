import { createHash } from 'node:crypto';
import manifest from '../gql/persisted-documents.json';
import { LOG_TIME, SUBMIT_WEEK, WEEK_ENTRIES, WEEK_STATUS } from './documents';
import { persistedRequest } from '../../core/persisted-request';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the CLI documents sent by hash', () => {
  it.each([
    ['CliWeekEntries', WEEK_ENTRIES, { from: '2026-03-02', to: '2026-03-08', first: 200 }],
    ['CliLogTime', LOG_TIME, { input: { date: '2026-03-02', project: 'P', hours: 1 } }],
    ['CliWeekStatus', WEEK_STATUS, { weekStart: '2026-03-02' }],
    ['CliSubmitWeek', SUBMIT_WEEK, { weekStart: '2026-03-02', expectedVersion: 3, note: 'n' }],
  ] as const)(
    'names %s by the hash of its manifest entry, without query text',
    (name, document, variables) => {
      const request = persistedRequest(document as never, variables);
      expect(request).toEqual({
        operationName: name,
        variables,
        extensions: { persistedQuery: { version: 1, sha256Hash: expect.any(String) } },
      });
      const hash = request.extensions.persistedQuery.sha256Hash;
      const text = (manifest as Record<string, string>)[`sha256:${hash}`];
      expect(text).toMatch(new RegExp(`^(query|mutation) ${name}\\b`));
      expect(sha256(text ?? '')).toBe(hash);
    },
  );
});
