'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useAuth } from '../auth/auth-context';
import { Loading } from './loading';

/** The signed-out landing page; a signed-in person goes straight to their week. */
export function Landing() {
  const auth = useAuth();
  const router = useRouter();
  const signedIn = auth.status === 'signedIn' || auth.status === 'expired';

  useEffect(() => {
    if (signedIn) router.replace('/week/');
  }, [signedIn, router]);

  if (auth.status === 'loading' || signedIn) return <Loading label="Checking your session…" />;
  return (
    <section className="landing" aria-labelledby="landing-title">
      <h1 id="landing-title">Your hours, in one place</h1>
      <p className="lead">
        Log the time you spend on ABC Inc. projects, see your week at a glance, and export it when
        you need it. Managers approve their team’s entries here too.
      </p>
      {auth.error && (
        <p className="error-text" role="alert">
          {auth.error}
        </p>
      )}
      <button
        type="button"
        className="button button-large"
        onClick={() => void auth.signIn('/week/')}
      >
        Sign in
      </button>
      <p className="hint">You sign in on the ABC Inc. sign-in page and come straight back.</p>
    </section>
  );
}
