import { ApolloClient, ApolloLink, InMemoryCache, gql } from '@apollo/client';
import { ServerError } from '@apollo/client/errors';
import { Observable } from 'rxjs';
import { createAuthLinks } from './create-apollo-client';

const ME = gql`
  query Me {
    me {
      id
    }
  }
`;

/** A fake API: answers 401 to the tokens in `refused`, the viewer to any other. */
function fakeApi(refused: Set<string>, seen: string[]): ApolloLink {
  return new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const headers = (operation.getContext().headers ?? {}) as Record<string, string>;
        const token = headers.authorization?.replace('Bearer ', '') ?? '';
        seen.push(token);
        if (refused.has(token)) {
          const body = {
            errors: [{ message: 'bad token', extensions: { code: 'UNAUTHENTICATED' } }],
          };
          observer.error(
            new ServerError('Response not successful', {
              response: new Response('', { status: 401 }),
              bodyText: JSON.stringify(body),
            }),
          );
          return;
        }
        observer.next({ data: { me: { __typename: 'Viewer', id: 'auth0|emma' } } });
        observer.complete();
      }),
  );
}

function clientWith(tokens: string[], refused: Set<string>, seen: string[], renewals: string[]) {
  let current = tokens.shift() ?? null;
  const link = createAuthLinks({
    getAccessToken: () => Promise.resolve(current),
    renewAfterUnauthorized: () => {
      renewals.push('renew');
      current = tokens.shift() ?? null;
      return Promise.resolve(current !== null);
    },
  });
  return new ApolloClient({
    link: ApolloLink.from([link, fakeApi(refused, seen)]),
    cache: new InMemoryCache(),
  });
}

describe('createAuthLinks', () => {
  it('renews silently after a 401 and retries the request once with the new token', async () => {
    const seen: string[] = [];
    const renewals: string[] = [];
    const client = clientWith(['old', 'new'], new Set(['old']), seen, renewals);
    const result = await client.query({ query: ME });
    expect(result.data).toEqual({ me: { __typename: 'Viewer', id: 'auth0|emma' } });
    expect(seen).toEqual(['old', 'new']);
    expect(renewals).toHaveLength(1);
  });

  it('retries only once: a second 401 reaches the caller', async () => {
    const seen: string[] = [];
    const renewals: string[] = [];
    const client = clientWith(['old', 'new'], new Set(['old', 'new']), seen, renewals);
    await expect(client.query({ query: ME })).rejects.toThrow('Response not successful');
    expect(seen).toEqual(['old', 'new']);
    expect(renewals).toHaveLength(1);
  });

  it('does not retry when the renewal fails', async () => {
    const seen: string[] = [];
    const renewals: string[] = [];
    const client = clientWith(['old'], new Set(['old']), seen, renewals);
    await expect(client.query({ query: ME })).rejects.toThrow('Response not successful');
    expect(seen).toEqual(['old']);
    expect(renewals).toHaveLength(1);
  });
});
