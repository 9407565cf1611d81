import * as crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Interaction, Provider } from 'oidc-provider';
import { clientName, consentBody, type ConsentDetails } from './consent-page';
import { html, sendErrorPage, sendPage, type SafeHtml } from './html';
import { readForm } from './http-utils';
import type { LoginThrottle } from './login-throttle';
import type { TenantDirectory, TenantUser } from './tenant';

/** Compares two secrets in constant time (for equal-length digests). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => crypto.createHash('sha256').update(value).digest();
  return crypto.timingSafeEqual(digest(given), digest(expected));
}

/** Checks an email and password against the tenant's users. */
function authenticate(
  directory: TenantDirectory,
  email: string,
  password: string,
): TenantUser | undefined {
  const user = directory.findUserByEmail(email);
  // Compare even for an unknown email, so timing does not tell which emails exist.
  const ok = sameSecret(password, user?.password ?? crypto.randomUUID());
  return ok ? user : undefined;
}

function loginBody(
  directory: TenantDirectory,
  interaction: Interaction,
  form: { email?: string; error?: string },
): SafeHtml {
  const { uid, params } = interaction;
  const invalid = form.error ? 'true' : 'false';
  const emails = directory.tenant.users.map((u) => html`<li><code>${u.email}</code></li>`);
  return html`<h1>Sign in</h1>
    <p>to continue to <strong>${clientName(directory, params.client_id)}</strong></p>
    ${form.error ? html`<div class="alert" role="alert" id="login-error">${form.error}</div>` : ''}
    <form method="post" action="/interaction/${uid}/login" novalidate>
      <label for="email">Email</label>
      <input
        id="email"
        name="email"
        type="email"
        autocomplete="username"
        required
        autofocus
        value="${form.email ?? params.login_hint ?? ''}"
        aria-invalid="${invalid}"
        ${form.error ? html` aria-describedby="login-error"` : ''}
      />
      <label for="password">Password</label>
      <input
        id="password"
        name="password"
        type="password"
        autocomplete="current-password"
        required
        aria-invalid="${invalid}"
      />
      <button class="primary" type="submit">Sign in</button>
    </form>
    <form method="post" action="/interaction/${uid}/abort">
      <button class="secondary" type="submit">Cancel</button>
    </form>
    <details>
      <summary>Demo accounts</summary>
      <p class="note">Development server: the passwords are printed in its console at start.</p>
      <ul>
        ${emails}
      </ul>
    </details>`;
}

/** Handles `/interaction/:uid[/login|/confirm|/abort]`: the login and consent steps. */
export function createInteractionHandler(
  getProvider: () => Provider,
  directory: TenantDirectory,
  throttle: LoginThrottle,
): (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void> {
  return async (req, res, pathname) => {
    const provider = getProvider();
    const [, , uid, action] = pathname.split('/');
    let interaction: Interaction;
    try {
      interaction = await provider.interactionDetails(req, res);
    } catch {
      sendErrorPage(
        res,
        400,
        'Your sign-in request has expired',
        'Start again from the application.',
      );
      return;
    }
    if (interaction.uid !== uid) {
      sendErrorPage(res, 400, 'invalid_request', 'Unknown sign-in request.');
      return;
    }
    const prompt = interaction.prompt.name;
    if (req.method === 'GET' && action === undefined) {
      if (prompt === 'login') sendPage(res, 200, 'Sign in', loginBody(directory, interaction, {}));
      else if (prompt === 'consent')
        sendPage(res, 200, 'Authorize', consentBody(directory, interaction));
      else sendErrorPage(res, 400, 'unsupported prompt', prompt);
      return;
    }
    if (req.method !== 'POST') {
      sendErrorPage(res, 405, 'Method not allowed');
      return;
    }
    await submitStep({ provider, directory, throttle }, interaction, action, req, res);
  };
}

/** When the next sign-in is allowed, for people: "in 15 minutes (after 14:05 UTC)". */
function retryText(waitMs: number): string {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  const after = new Date(Date.now() + waitMs).toISOString().slice(11, 16);
  return `in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${after} UTC)`;
}

/**
 * The login form posted: refused with 429 while the email or the address is throttled (checked
 * before the password), else the password is checked and a failure counted.
 */
async function submitLogin(
  { provider, directory, throttle }: StepContext,
  interaction: Interaction,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const form = await readForm(req);
  const email = form.get('email') ?? '';
  const ip = req.socket.remoteAddress ?? 'unknown';
  const waitMs = await throttle.waitMs(email, ip);
  if (waitMs > 0) {
    const error = `Too many failed sign-ins. Try again ${retryText(waitMs)}.`;
    const body = loginBody(directory, interaction, { email, error });
    sendPage(res, 429, 'Sign in', body, { 'Retry-After': String(Math.ceil(waitMs / 1000)) });
    return;
  }
  const user = authenticate(directory, email, form.get('password') ?? '');
  if (!user) {
    await throttle.recordFailure(email, ip);
    const error = 'Wrong email or password.';
    sendPage(res, 401, 'Sign in', loginBody(directory, interaction, { email, error }));
    return;
  }
  await throttle.recordSuccess(email, ip);
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: user.sub } },
    { mergeWithLastSubmission: false },
  );
}

/** What the login and consent steps work with. */
interface StepContext {
  provider: Provider;
  directory: TenantDirectory;
  throttle: LoginThrottle;
}

/** Handles a form posted at the login or consent step: abort, login or confirm. */
async function submitStep(
  steps: StepContext,
  interaction: Interaction,
  action: string | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { provider } = steps;
  const prompt = interaction.prompt.name;
  if (action === 'abort') {
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'End-User aborted interaction' },
      { mergeWithLastSubmission: false },
    );
  } else if (action === 'login' && prompt === 'login') {
    await submitLogin(steps, interaction, req, res);
  } else if (action === 'confirm' && prompt === 'consent') {
    await provider.interactionFinished(req, res, {
      consent: await saveConsent(provider, interaction),
    });
  } else {
    sendErrorPage(res, 400, 'invalid_request', `Cannot ${action ?? 'post'} at the ${prompt} step.`);
  }
}

/** Records the scopes the user has just allowed in the grant. */
async function saveConsent(
  provider: Provider,
  interaction: Interaction,
): Promise<{ grantId?: string }> {
  const { prompt, params, session, grantId } = interaction;
  const details = prompt.details as ConsentDetails;
  const accountId = session?.accountId ?? '';
  const clientId = params.client_id ?? '';
  const grant =
    (grantId ? await provider.Grant.find(grantId) : undefined) ??
    new provider.Grant({ accountId, clientId });
  if (details.missingOIDCScope?.length) grant.addOIDCScope(details.missingOIDCScope.join(' '));
  for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  const saved = await grant.save();
  return grantId ? {} : { grantId: saved };
}
