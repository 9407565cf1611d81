/**
 * The part of oidc-provider 9 (which ships no types) that idp/ uses. Kept small on purpose:
 * add members here when you use them.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type UnknownObject = Record<string, unknown>;

  export interface ResourceServer {
    scope: string;
    readonly scopes: Set<string>;
    audience?: string;
    accessTokenFormat?: 'opaque' | 'jwt';
  }

  export interface ClientEntity {
    clientId: string;
    /** `token_endpoint_auth_method`: `none` for a public client. */
    clientAuthMethod: string;
    clientName?: string;
    postLogoutRedirectUriAllowed(uri: string): boolean;
    redirectUriAllowed(uri: string): boolean;
    grantTypeAllowed(type: string): boolean;
  }

  export interface SessionEntity {
    accountId?: string;
    uid: string;
    /** `persistsLogout`: the grant outlives the session (offline access). */
    authorizations?: Record<string, { grantId?: string; persistsLogout?: boolean }>;
    grantIdFor(clientId: string): string | undefined;
    destroy(): Promise<void>;
  }

  export interface Cookies {
    get(name: string, options?: UnknownObject): string | undefined;
    set(name: string, value: string | null, options?: UnknownObject): unknown;
  }

  export interface OIDCContext {
    route: string;
    params: Record<string, string | string[] | undefined>;
    client?: ClientEntity;
    session?: SessionEntity;
    account?: { accountId: string };
    /** The parsed body of a POST request. */
    body?: Record<string, unknown>;
    entities: { Interaction?: Interaction };
    result?: { consent?: { grantId?: string } };
    resourceServers: Record<string, ResourceServer>;
    readonly requestParamScopes: Set<string>;
    readonly requestParamOIDCScopes: Set<string>;
    readonly issuer: string;
    readonly provider: Provider;
    urlFor(name: string, query?: UnknownObject): string;
  }

  export interface KoaContextWithOIDC {
    oidc: OIDCContext;
    req: IncomingMessage;
    res: ServerResponse;
    host: string;
    method: string;
    query: Record<string, string | string[] | undefined>;
    type: string;
    status: number;
    body: unknown;
    cookies: Cookies;
    set(field: string, value: string): void;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): UnknownObject | Promise<UnknownObject>;
  }

  export interface Interaction {
    uid: string;
    prompt: { name: string; reasons: string[]; details: UnknownObject };
    params: Record<string, string | undefined>;
    session?: { accountId?: string; uid: string };
    grantId?: string;
    lastSubmission?: UnknownObject;
    returnTo: string;
  }

  export interface Grant {
    readonly jti: string;
    accountId: string;
    clientId: string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
    destroy(): Promise<void>;
  }

  export interface GrantConstructor {
    new (properties: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  export interface TokenEntity {
    kind: string;
    clientId: string;
    accountId?: string;
    scope?: string;
  }

  export interface RefreshTokenConstructor {
    find(
      value: string,
      options?: { ignoreExpiration?: boolean },
    ): Promise<
      | (TokenEntity & { grantId?: string; iiat?: number; exp?: number; consumed?: unknown })
      | undefined
    >;
  }

  export interface AccessTokenConstructor {
    find(value: string): Promise<(TokenEntity & { isExpired: boolean; aud?: string }) | undefined>;
  }

  export interface ClientConstructor {
    find(id: string): Promise<ClientEntity | undefined>;
    Schema: { prototype: { invalidate: (this: unknown, message: string, code?: string) => void } };
  }

  export interface SessionConstructor {
    get(ctx: unknown): Promise<SessionEntity>;
  }

  export interface JwtStructuredToken {
    header?: UnknownObject;
    payload: UnknownObject;
  }

  export type Configuration = UnknownObject;

  export class Provider {
    constructor(issuer: string, configuration: Configuration);
    readonly issuer: string;
    proxy: boolean;
    readonly Grant: GrantConstructor;
    readonly Client: ClientConstructor;
    readonly Session: SessionConstructor;
    readonly AccessToken: AccessTokenConstructor;
    readonly RefreshToken: RefreshTokenConstructor;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    createContext(req: IncomingMessage, res: ServerResponse): { cookies: Cookies; secure: boolean };
    cookieName(type: 'session' | 'interaction' | 'resume'): string;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: UnknownObject,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    urlFor(name: string, query?: UnknownObject): string;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export class OIDCProviderError extends Error {
    error: string;
    error_description?: string;
    status: number;
  }

  export const errors: {
    OIDCProviderError: typeof OIDCProviderError;
    InvalidScope: new (description: string, scope: string) => OIDCProviderError;
    InvalidTarget: new (description?: string) => OIDCProviderError;
    InvalidRequest: new (description: string) => OIDCProviderError;
  };

  /** A check of the interaction policy: true asks the user (REQUEST_PROMPT). */
  export interface PolicyCheck {
    reason: string;
    check: (ctx: KoaContextWithOIDC) => boolean | Promise<boolean>;
  }

  export interface PolicyPrompt {
    name: string;
    checks: PolicyCheck[] & {
      get(reason: string): PolicyCheck | undefined;
      add(check: PolicyCheck, index?: number): void;
    };
  }

  export const interactionPolicy: {
    Check: {
      new (
        reason: string,
        description: string,
        check: (ctx: KoaContextWithOIDC) => boolean | Promise<boolean>,
      ): PolicyCheck;
      readonly REQUEST_PROMPT: true;
      readonly NO_NEED_TO_PROMPT: false;
    };
    Prompt: new (
      options: { name: string; requestable: boolean },
      ...checks: PolicyCheck[]
    ) => PolicyPrompt;
    base: () => PolicyPrompt[] & {
      get(name: string): PolicyPrompt | undefined;
      add(prompt: PolicyPrompt, index?: number): void;
    };
  };

  export default Provider;
}
