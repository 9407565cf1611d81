'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { SCOPES } from '../../core';
import { useAuth } from '../auth/auth-context';
import { UserBadge } from './user-badge';

/** The landmarks every page shares: skip link, banner, main, content info. */
export function ShellFrame({ nav, children }: { nav?: ReactNode; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link href="/" className="brand">
            <span aria-hidden="true" className="brand-mark">
              ◷
            </span>
            Timesheets <span className="brand-org">ABC Inc.</span>
          </Link>
          {nav}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>
          ABC Inc. timesheets · questions about access: your manager or the ABC Inc. Auth0 admin
        </p>
      </footer>
    </>
  );
}

function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname === href.replace(/\/$/, '');
  return (
    <Link href={href} className="nav-link" aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/** The shell with the navigation the session allows and the expired-session banner. */
export function AppShell({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const signedIn = auth.status === 'signedIn' || auth.status === 'expired';
  const nav = signedIn ? (
    <>
      <nav aria-label="Main" className="site-nav">
        <NavLink href="/week/">My week</NavLink>
        {auth.hasScope(SCOPES.approve) && <NavLink href="/board/">Team board</NavLink>}
        {auth.hasScope(SCOPES.approve) && <NavLink href="/approvals/">Approvals</NavLink>}
        {auth.hasScope(SCOPES.closePeriods) && <NavLink href="/period/">Period</NavLink>}
        <NavLink href="/export/">Export</NavLink>
        <NavLink href="/profile/">Profile</NavLink>
      </nav>
      <div className="site-user">
        {auth.profile && <UserBadge profile={auth.profile} />}
        <button type="button" className="button button-quiet" onClick={() => void auth.signOut()}>
          Sign out
        </button>
      </div>
    </>
  ) : null;
  return (
    <ShellFrame nav={nav}>
      {auth.status === 'expired' && (
        <div className="banner banner-warning" role="alert">
          <p>
            Your session has ended. Sign in again to continue: anything you typed in a form is kept.
          </p>
          <button type="button" className="button" onClick={() => void auth.signIn()}>
            Sign in again
          </button>
        </div>
      )}
      {children}
    </ShellFrame>
  );
}
