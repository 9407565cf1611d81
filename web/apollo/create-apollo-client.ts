import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { from, mergeMap, throwError } from 'rxjs';
import { describeApiError } from './api-errors';

export interface ApolloAuth {
  /** The current access token, renewed first when it is about to expire. */
  getAccessToken(): Promise<string | null>;
  /** The API answered 401: renew silently; answers whether a fresh token is held. */
  renewAfterUnauthorized(): Promise<boolean>;
}

/** Set on an operation's context once it has been retried after a renewal. */
const RETRIED = 'retriedAfterRenewal';

/**
 * The links in front of the transport: every request carries `Authorization: Bearer <access
 * token>` from memory; a 401 renews the token silently (checkSession) and sends the request once
 * more with the new token. A second 401 reaches the screen, which offers to sign in again.
 */
export function createAuthLinks(auth: ApolloAuth): ApolloLink {
  const authLink = new SetContextLink(async (previous) => {
    const headers = (previous.headers ?? {}) as Record<string, string>;
    const token = await auth.getAccessToken();
    return { headers: token ? { ...headers, authorization: `Bearer ${token}` } : headers };
  });
  const retryLink = new ErrorLink(({ error, operation, forward }) => {
    if (describeApiError(error).kind !== 'unauthenticated') return undefined;
    if (operation.getContext()[RETRIED] === true) return undefined;
    operation.setContext({ [RETRIED]: true });
    return from(auth.renewAfterUnauthorized()).pipe(
      mergeMap((renewed) => (renewed ? forward(operation) : throwError(() => error))),
    );
  });
  return ApolloLink.from([retryLink, authLink]);
}

/**
 * The hash codegen put on each document (`__meta__.hash`, the sha256 of its text in the trusted
 * manifest): the API runs documents by this hash, and in production only those.
 */
export function trustedHashOf(document: unknown): string {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof hash !== 'string' || !hash.startsWith('sha256:')) {
    throw new Error('A document without a trusted hash: write it with graphql() and run codegen');
  }
  return hash.slice('sha256:'.length);
}

/**
 * The API client: the auth links, then trusted documents sent by hash instead of their text,
 * then plain HTTP; one normalized cache.
 */
export function createApolloClient(apiUrl: string, auth: ApolloAuth): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([
      createAuthLinks(auth),
      new PersistedQueryLink({ generateHash: trustedHashOf }),
      new HttpLink({ uri: apiUrl }),
    ]),
    cache: new InMemoryCache({
      typePolicies: {
        // A person-week has no id of its own: it is one owner's week. Normalizing it lets a
        // week mutation's answer update every screen that shows that week.
        TimesheetWeek: { keyFields: ['owner', ['id'], 'weekStart'] },
      },
    }),
  });
}
