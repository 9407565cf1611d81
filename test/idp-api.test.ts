import { ALL_SCOPES } from '../core/scopes';
import { clientCredentials, implicitLogin } from '../idp/testing';
import { LOCAL_AUDIENCE, startLocalStack, type LocalStack } from './local-stack';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack();
});

afterAll(() => stack.close());

/** Signs a person in through the local authorization server's implicit grant, asking for every scope. */
async function signIn(email: string): Promise<string> {
  const { accessToken } = await implicitLogin({
    issuer: stack.idp.issuer,
    clientId: 'timesheets-spa',
    redirectUri: 'http://localhost:3000/callback/',
    audience: LOCAL_AUDIENCE,
    scope: `openid profile email ${ALL_SCOPES.join(' ')}`,
    email,
    password: `${email.split('@')[0]}-dev-password`,
  });
  if (!accessToken) throw new Error(`no access token for ${email}`);
  return accessToken;
}

describe('tokens from the local authorization server at the API', () => {
  it.each([
    [
      'emma@abc.example',
      'auth0|emma',
      ['read:timesheets', 'create:timesheets', 'delete:timesheets'],
    ],
    ['carlos@contractor.example', 'auth0|carlos', ['read:timesheets', 'create:timesheets']],
    [
      'maria@abc.example',
      'auth0|maria',
      ['read:timesheets', 'create:timesheets', 'delete:timesheets', 'approve:timesheets'],
    ],
  ])('give %s exactly the scopes of their permissions', async (email, sub, scopes) => {
    const token = await signIn(email);
    const { status, body } = await stack.api.gql<{
      me: { id: string; scopes: string[]; email: string; kind: string };
    }>('{ me { id scopes email kind } }', undefined, token);
    expect(status).toBe(200);
    const me = body.data?.me;
    expect(me && { ...me, scopes: [...me.scopes].sort() }).toEqual({
      id: sub,
      scopes: [...scopes].sort(),
      email,
      kind: 'USER',
    });
  });

  it('let a contractor log time but not delete it', async () => {
    const token = await signIn('carlos@contractor.example');
    const created = await stack.api.gql<{ createTimesheet: { id: string } }>(
      'mutation { createTimesheet(input: { date: "2026-01-05", project: "Support", hours: 3 }) { id } }',
      undefined,
      token,
    );
    const id = created.body.data?.createTimesheet.id;
    expect(id).toBeDefined();
    const deleted = await stack.api.gql(
      `mutation { deleteTimesheet(id: "${id}") }`,
      undefined,
      token,
    );
    expect(deleted.status).toBe(403);
    expect(deleted.headers.get('www-authenticate')).toBe(
      'Bearer error="insufficient_scope", scope="delete:timesheets"',
    );
  });

  it('give the automated process batch:upload and nothing else', async () => {
    const { body } = await clientCredentials({
      issuer: stack.idp.issuer,
      clientId: 'timesheets-importer',
      clientSecret: 'importer-dev-secret',
      audience: LOCAL_AUDIENCE,
    });
    const token = (body as { access_token: string }).access_token;
    const me = await stack.api.gql<{ me: { id: string; scopes: string[]; kind: string } }>(
      '{ me { id scopes kind } }',
      undefined,
      token,
    );
    expect(me.body.data?.me).toEqual({
      id: 'timesheets-importer@clients',
      scopes: ['batch:upload'],
      kind: 'CLIENT',
    });
    const read = await stack.api.gql('{ timesheets { totalCount } }', undefined, token);
    expect(read.status).toBe(403);
  });
});
