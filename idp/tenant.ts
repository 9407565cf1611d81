import * as fs from 'node:fs';
import { z } from 'zod';
import { MAX_TEAM_LENGTH } from '../core/people';

const scopeName = z
  .string()
  .regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, 'must be a scope token (no spaces)');
const url = z.url({ protocol: /^https?$/ });
const teamName = z
  .string()
  .min(1)
  .max(MAX_TEAM_LENGTH)
  .refine((value) => value.trim() === value, 'must not have surrounding spaces');

const apiSchema = z.object({
  /** The API identifier: the `audience` parameter and the `aud` claim. */
  identifier: url,
  name: z.string().min(1).default('API'),
  scopes: z.array(z.object({ value: scopeName, description: z.string().default('') })).min(1),
  /** Access token lifetime in seconds (Auth0's default is 7200). */
  tokenLifetime: z.number().int().positive().default(7200),
  /** Auth0's "Allow Offline Access": `offline_access` gives a refresh token for this API. */
  allowOfflineAccess: z.boolean().default(false),
});

const spaClientSchema = z.object({
  type: z.literal('spa'),
  clientId: z.string().min(1),
  name: z.string().min(1),
  /** First-party applications skip the consent step, like Auth0's "first-party" flag. */
  firstParty: z.boolean().default(false),
  callbacks: z.array(url).min(1),
  allowedLogoutUrls: z.array(url).default([]),
  webOrigins: z.array(url).default([]),
});

/** Hosts a loopback redirect may name (RFC 8252 §7.3; §8.3 advises against `localhost`). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]']);

/**
 * A native app's redirect URI (RFC 8252 §7): a loopback `http://127.0.0.1/path` registered without
 * a port (any port matches), a private-use scheme in reverse-domain form
 * (`com.example.app:/path`), or a claimed `https` URI.
 */
const nativeCallback = z.string().superRefine((value, ctx) => {
  const parsed = URL.parse(value);
  const fail = (message: string) => ctx.addIssue({ code: 'custom', message });
  if (!parsed) return fail('must be an absolute URI');
  if (parsed.hash) return fail('must not have a fragment');
  if (parsed.protocol === 'http:') {
    if (!LOOPBACK_HOSTS.has(parsed.hostname)) {
      return fail('an http redirect must be a loopback IP literal (127.0.0.1 or [::1])');
    }
    if (parsed.port) return fail('register a loopback redirect without a port: any port matches');
    return undefined;
  }
  if (parsed.protocol === 'https:') return undefined;
  if (!/^[a-z][a-z0-9+.-]*\.[a-z0-9+.-]+:$/.test(parsed.protocol)) {
    return fail('a private-use scheme must be a reverse domain name such as com.example.app');
  }
  if (!value.startsWith(`${parsed.protocol}/`) || value.startsWith(`${parsed.protocol}//`)) {
    return fail('a private-use scheme URI has one slash after the colon (com.example.app:/path)');
  }
  return undefined;
});

/** Auth0's refresh token settings of an application (Management API `refresh_token`). */
const refreshTokenSchema = z
  .object({
    /** `rotating`: every use returns a new refresh token; reusing an old one revokes its family. */
    rotation: z.enum(['rotating', 'non-rotating']).default('rotating'),
    /** Absolute lifetime of a family in seconds, from sign-in (Auth0's default: 30 days). */
    tokenLifetime: z.number().int().positive().default(2_592_000),
    /** Idle lifetime in seconds: a rotating token unused this long expires (Auth0: 15 days). */
    idleTokenLifetime: z.number().int().positive().default(1_296_000),
  })
  .refine((rt) => rt.idleTokenLifetime <= rt.tokenLifetime, {
    message: 'idleTokenLifetime must not exceed tokenLifetime',
    path: ['idleTokenLifetime'],
  });

const nativeClientSchema = z.object({
  type: z.literal('native'),
  clientId: z.string().min(1),
  name: z.string().min(1),
  /** First-party applications skip the consent step, like Auth0's "first-party" flag. */
  firstParty: z.boolean().default(false),
  /** Auth0's "Allowed Callback URLs" (see `nativeCallback`). */
  callbacks: z.array(nativeCallback).min(1),
  /** Auth0's grant types: the authorization code (with PKCE, always) and the refresh token. */
  grantTypes: z
    .array(z.enum(['authorization_code', 'refresh_token']))
    .refine((types) => types.includes('authorization_code'), 'must include authorization_code')
    .default(['authorization_code', 'refresh_token']),
  refreshToken: refreshTokenSchema.default({
    rotation: 'rotating',
    tokenLifetime: 2_592_000,
    idleTokenLifetime: 1_296_000,
  }),
});

const machineClientSchema = z.object({
  type: z.literal('machine'),
  clientId: z.string().min(1),
  clientSecret: z.string().min(8),
  name: z.string().min(1),
  /** The scopes this client is granted on the API (Auth0: the client grant). */
  allowedScopes: z.array(scopeName).default([]),
});

const userSchema = z.object({
  sub: z.string().min(1),
  email: z.email(),
  emailVerified: z.boolean().default(true),
  password: z.string().min(1),
  name: z.string().min(1),
  nickname: z.string().min(1).optional(),
  picture: url.optional(),
  /** API permissions, like Auth0 RBAC: the most a token for this user may carry. */
  permissions: z.array(scopeName).default([]),
  /** The user's team (Auth0: `app_metadata.team`), sent as the namespaced `team` claim. */
  team: teamName.optional(),
  /**
   * The teams whose entries this user approves (Auth0: `app_metadata.manages`), sent as the
   * namespaced `manages` claim. Company-wide reach is the `approve:all-teams` permission instead;
   * an approver with neither reaches nobody.
   */
  manages: z
    .array(teamName)
    .min(
      1,
      'must name at least one team (company-wide approval is the approve:all-teams permission)',
    )
    .refine((teams) => new Set(teams).size === teams.length, 'must not repeat a team')
    .optional(),
});

const tenantSchema = z
  .object({
    api: apiSchema,
    clients: z
      .array(
        z.discriminatedUnion('type', [spaClientSchema, nativeClientSchema, machineClientSchema]),
      )
      .min(1),
    users: z.array(userSchema).default([]),
  })
  .superRefine((tenant, ctx) => {
    const apiScopes = new Set(tenant.api.scopes.map((s) => s.value));
    const checkScopes = (scopes: string[], where: (string | number)[]) => {
      scopes.forEach((scope, i) => {
        if (!apiScopes.has(scope)) {
          ctx.addIssue({
            code: 'custom',
            path: [...where, i],
            message: `"${scope}" is not a scope of the API ${tenant.api.identifier}`,
          });
        }
      });
    };
    tenant.users.forEach((user, i) => checkScopes(user.permissions, ['users', i, 'permissions']));
    tenant.clients.forEach((client, i) => {
      if (client.type === 'machine')
        checkScopes(client.allowedScopes, ['clients', i, 'allowedScopes']);
    });
    const unique = (values: string[], field: string, what: string) => {
      const seen = new Set<string>();
      values.forEach((value, i) => {
        if (seen.has(value.toLowerCase())) {
          ctx.addIssue({ code: 'custom', path: [what, i, field], message: `duplicate ${field}` });
        }
        seen.add(value.toLowerCase());
      });
    };
    unique(
      tenant.clients.map((c) => c.clientId),
      'clientId',
      'clients',
    );
    unique(
      tenant.users.map((u) => u.sub),
      'sub',
      'users',
    );
    unique(
      tenant.users.map((u) => u.email),
      'email',
      'users',
    );
  });

export type Tenant = z.infer<typeof tenantSchema>;
export type TenantUser = Tenant['users'][number];
export type TenantClient = Tenant['clients'][number];
export type SpaClient = z.infer<typeof spaClientSchema>;
export type NativeClient = z.infer<typeof nativeClientSchema>;

/** Raised for an unreadable or invalid tenant file; the message names the file and the field. */
export class TenantFileError extends Error {
  override name = 'TenantFileError';
}

/** Validates a parsed tenant document; `source` names it in error messages. */
export function parseTenant(document: unknown, source = 'tenant'): Tenant {
  const parsed = tenantSchema.safeParse(document);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 5).map((issue) => {
      const field = issue.path
        .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
        .join('')
        .replace(/^\./, '');
      return `  ${field || '(root)'}: ${issue.message}`;
    });
    throw new TenantFileError(`Invalid tenant file ${source}:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Reads and validates the tenant file (JSON). */
export function loadTenant(file: string): Tenant {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (cause) {
    throw new TenantFileError(`Cannot read the tenant file ${file} (IDP_TENANT_FILE)`, { cause });
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (cause) {
    throw new TenantFileError(`The tenant file ${file} is not valid JSON`, { cause });
  }
  return parseTenant(document, file);
}

/** Looks people and clients up in a tenant. */
export interface TenantDirectory {
  readonly tenant: Tenant;
  findUserBySub(sub: string): TenantUser | undefined;
  findUserByEmail(email: string): TenantUser | undefined;
  findClient(clientId: string): TenantClient | undefined;
  /** The user's API permissions that the API still defines. */
  permissionsOf(user: TenantUser): string[];
}

/** Indexes a tenant for look-ups. */
export function createTenantDirectory(tenant: Tenant): TenantDirectory {
  const bySub = new Map(tenant.users.map((u) => [u.sub, u]));
  const byEmail = new Map(tenant.users.map((u) => [u.email.toLowerCase(), u]));
  const clients = new Map(tenant.clients.map((c) => [c.clientId, c]));
  const apiScopes = tenant.api.scopes.map((s) => s.value);
  return {
    tenant,
    findUserBySub: (sub) => bySub.get(sub),
    findUserByEmail: (email) => byEmail.get(email.trim().toLowerCase()),
    findClient: (clientId) => clients.get(clientId),
    permissionsOf: (user) => apiScopes.filter((scope) => user.permissions.includes(scope)),
  };
}
