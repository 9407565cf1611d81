import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { describeApiError } from './api-errors';

export interface ApolloAuth {
  /** The current access token, renewed first when it is about to expire. */
  getAccessToken(): Promise<string | null>;
  /** Called when the API answers 401. */
  onUnauthorized(): void;
}

/**
 * The API client: every request carries `Authorization: Bearer <access token>` from memory; a 401
 * triggers one silent renewal so that the next try (the Retry button) has a fresh token.
 */
export function createApolloClient(apiUrl: string, auth: ApolloAuth): ApolloClient {
  const authLink = new SetContextLink(async (previous) => {
    const headers = (previous.headers ?? {}) as Record<string, string>;
    const token = await auth.getAccessToken();
    return { headers: token ? { ...headers, authorization: `Bearer ${token}` } : headers };
  });
  const errorLink = new ErrorLink(({ error }) => {
    if (describeApiError(error).kind === 'unauthenticated') auth.onUnauthorized();
  });
  return new ApolloClient({
    link: ApolloLink.from([errorLink, authLink, new HttpLink({ uri: apiUrl })]),
    cache: new InMemoryCache(),
  });
}
