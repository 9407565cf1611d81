'use client';

import { useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { displayName, SCOPES, startOfWeek } from '../../core';
import { useAuth } from '../auth/auth-context';
import { RequireAuth } from '../auth/require-auth';
import { ErrorPanel } from '../components/error-panel';
import { Loading } from '../components/loading';
import { graphql } from '../gql';
import type { EntryDetailsQuery } from '../gql/graphql';
import { formatDateTime, formatLongDay } from '../lib/format';
import { EditEntryForm } from './edit-entry-form';
import { EntryHistory } from './entry-history';
import { isEditable } from './my-entry';
import { StatusBadge } from './status-badge';

const ENTRY_DETAILS = graphql(`
  query EntryDetails($id: ID!) {
    timesheet(id: $id) {
      ...MyEntryFields
      createdAt
      owner {
        id
        name
        email
      }
      history {
        at
        action
        reason
        actor {
          id
          name
          email
        }
        changes {
          field
          from
          to
        }
      }
    }
  }
`);

type Details = NonNullable<EntryDetailsQuery['timesheet']>;

function EntryFacts({ entry }: { entry: Details }) {
  return (
    <dl className="details">
      <dt>Person</dt>
      <dd>{displayName(entry.owner)}</dd>
      <dt>Date</dt>
      <dd>{formatLongDay(entry.date)}</dd>
      <dt>Project</dt>
      <dd>{entry.project}</dd>
      <dt>Hours</dt>
      <dd>{entry.hours}</dd>
      <dt>Notes</dt>
      <dd>{entry.notes ?? '—'}</dd>
      <dt>Status</dt>
      <dd>
        <StatusBadge status={entry.status} />
      </dd>
      {entry.status === 'REJECTED' && entry.rejectionReason && (
        <>
          <dt>Reason</dt>
          <dd className="entry-reason">{entry.rejectionReason}</dd>
        </>
      )}
      <dt>Last change</dt>
      <dd>
        <time dateTime={entry.updatedAt}>{formatDateTime(entry.updatedAt)}</time> (version{' '}
        {entry.version})
      </dd>
    </dl>
  );
}

/** The owner's way to change the entry from its details. */
function OwnerActions({ entry }: { entry: Details }) {
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const rejected = entry.status === 'REJECTED';
  return (
    <>
      {editing ? (
        <EditEntryForm
          entry={entry}
          onClose={(outcome) => {
            setEditing(false);
            setStatus(outcome.kind === 'cancelled' ? null : outcome.message);
          }}
        />
      ) : (
        <div className="actions">
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {rejected ? 'Fix and resubmit' : 'Edit'}
          </button>
        </div>
      )}
      <div role="status" className="form-status">
        {status}
      </div>
    </>
  );
}

function EntryDetails({ id }: { id: string }) {
  const auth = useAuth();
  const { data, error, loading, refetch } = useQuery(ENTRY_DETAILS, { variables: { id } });
  if (error) {
    return (
      <ErrorPanel
        error={error}
        onRetry={() => void refetch()}
        title="The entry could not be loaded"
      />
    );
  }
  if (loading && !data) return <Loading label="Loading the entry…" />;
  const entry = data?.timesheet;
  if (!entry) {
    return (
      <section className="panel" aria-labelledby="entry-missing">
        <h2 id="entry-missing">Entry not found</h2>
        <p>This entry does not exist, was deleted, or is not one you may see.</p>
      </section>
    );
  }
  const own = entry.owner.id === auth.profile?.sub;
  return (
    <>
      <section className="panel" aria-labelledby="entry-facts">
        <h2 id="entry-facts">The entry</h2>
        <EntryFacts entry={entry} />
        {own && auth.hasScope(SCOPES.create) && isEditable(entry) && <OwnerActions entry={entry} />}
        {own && (
          <p className="hint">
            <Link href={`/week/?week=${startOfWeek(entry.date)}`}>Back to its week</Link>
          </p>
        )}
      </section>
      <section className="panel" aria-labelledby="entry-history">
        <h2 id="entry-history">History</h2>
        <EntryHistory events={entry.history} />
      </section>
    </>
  );
}

function EntryDetailsPage() {
  const id = useSearchParams().get('id');
  return (
    <>
      <h1>Entry details</h1>
      {id ? <EntryDetails id={id} /> : <p className="error-text">No entry was named.</p>}
    </>
  );
}

/** One entry with who did what to it, for its owner and the approvers who may see it. */
export function EntryDetailsView() {
  return (
    <RequireAuth title="Entry details" scope={SCOPES.read}>
      <EntryDetailsPage />
    </RequireAuth>
  );
}
