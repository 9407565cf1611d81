'use client';

import { SCOPE_DESCRIPTIONS } from '../../core';
import { useAuth } from '../auth/auth-context';
import { RequireAuth } from '../auth/require-auth';
import { USER_SCOPES } from '../auth/web-auth-options';
import { PERMISSION_GRANTERS } from './error-panel';
import { Avatar } from './user-badge';

function ProfileDetails() {
  const { profile, scopes } = useAuth();
  if (!profile) return null;
  return (
    <>
      <section className="panel profile" aria-labelledby="profile-title">
        <Avatar profile={profile} size={72} />
        <div>
          <h1 id="profile-title">{profile.name}</h1>
          <dl className="details">
            <dt>Email</dt>
            <dd>{profile.email ?? 'not shared'}</dd>
            <dt>User id</dt>
            <dd>
              <code>{profile.sub ?? 'unknown'}</code>
            </dd>
          </dl>
        </div>
      </section>
      <section className="panel" aria-labelledby="permissions-title">
        <h2 id="permissions-title">Your permissions</h2>
        <ul className="permissions">
          {USER_SCOPES.map((scope) => {
            const granted = scopes.has(scope);
            return (
              <li key={scope} className={granted ? 'granted' : 'missing'}>
                <span aria-hidden="true">{granted ? '✓' : '✕'}</span>{' '}
                <strong>{SCOPE_DESCRIPTIONS[scope]}</strong> <code>{scope}</code>{' '}
                <span className="permission-state">{granted ? 'granted' : 'not granted'}</span>
              </li>
            );
          })}
        </ul>
        <p className="hint">Missing a permission you need? Ask {PERMISSION_GRANTERS}.</p>
      </section>
    </>
  );
}

/** Profile: who I am (from /userinfo) and what my access token lets me do. */
export function ProfileView() {
  return (
    <RequireAuth title="Profile">
      <ProfileDetails />
    </RequireAuth>
  );
}
